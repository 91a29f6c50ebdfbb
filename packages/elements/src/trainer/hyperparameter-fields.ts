/** Reading the trainer's typed fields into checked hyper-parameters (pure). */
import { checkHyperparameters, parseNumberField, type Hyperparameters } from "@convstep/engine";

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
