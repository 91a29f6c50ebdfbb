/** Reading the trainer's typed fields into checked hyper-parameters (pure). */
import { msg, str } from "@lit/localize";
import {
  checkHyperparameters,
  HyperparameterError,
  parseNumberField,
  type Hyperparameters,
} from "@convstep/engine";

/** The fields as typed. */
export interface FieldText {
  readonly learningRate: string;
  readonly batchSize: string;
  readonly epochs: string;
}

/** The hyper-parameters, or an InputError naming the first bad field. */
export function readHyperparameters(fields: FieldText, sampleCount: number): Hyperparameters {
  const h = {
    learningRate: parseNumberField(fields.learningRate),
    batchSize: parseNumberField(fields.batchSize),
    epochs: parseNumberField(fields.epochs),
  };
  checkHyperparameters(h, sampleCount);
  return h;
}

/** Seconds left at the rate so far: `elapsed · (total − done) / done` (Infinity before a step). */
export function secondsLeft(elapsed: number, done: number, total: number): number {
  if (!(done > 0)) return Infinity;
  return (elapsed * Math.max(0, total - done)) / done;
}

/** A refused setting in the page's language (other errors: their own message). */
export function hyperparameterMessage(error: unknown): string {
  if (!(error instanceof HyperparameterError)) {
    return error instanceof Error ? error.message : String(error);
  }
  const { got, max } = error;
  switch (error.field) {
    case "learningRate":
      return msg(str`Learning rate: expected a number above 0 (at most ${max}), got ${got}.`, {
        id: "trainer.bad.rate",
      });
    case "batchSize":
      return msg(
        str`Batch size: expected a whole number from 1 to ${max} (the training digits), got ${got}.`,
        { id: "trainer.bad.batch" },
      );
    case "epochs":
      return msg(str`Epochs: expected a whole number from 1 to ${max}, got ${got}.`, {
        id: "trainer.bad.epochs",
      });
  }
}
