/**
 * Checking the hyper-parameters a person types (a widget's fields, the CLI's options) before any
 * training starts: one InputError that names the field, what it must be and what arrived.
 */
import { InputError } from "../errors.js";

/** What a person chooses for a run. */
export interface Hyperparameters {
  readonly learningRate: number;
  readonly batchSize: number;
  readonly epochs: number;
}

/** The most epochs a run in the page or the CLI accepts. */
export const MAX_EPOCHS = 1000;

/** Which field was refused, what arrived and the largest value allowed (for messages in other languages). */
export class HyperparameterError extends InputError {
  constructor(
    message: string,
    readonly field: keyof Hyperparameters,
    readonly got: string,
    readonly max: number,
  ) {
    super(message);
  }
}

function shown(value: unknown): string {
  return typeof value === "number" ? String(value) : JSON.stringify(value);
}

/**
 * Throws an InputError for the first unusable value: a learning rate that is not a positive
 * finite number (at most 10), a batch size that is not a whole number from 1 to `sampleCount`, or
 * epochs that are not a whole number from 1 to {@link MAX_EPOCHS}.
 *
 * ```ts
 * checkHyperparameters({ learningRate: 0, batchSize: 32, epochs: 2 }, 3000);
 * // InputError: learning rate: expected a number above 0 (at most 10), got 0
 * ```
 */
export function checkHyperparameters(h: Hyperparameters, sampleCount: number): void {
  const { learningRate, batchSize, epochs } = h;
  if (typeof learningRate !== "number" || !(learningRate > 0 && learningRate <= 10)) {
    throw new HyperparameterError(
      `learning rate: expected a number above 0 (at most 10), got ${shown(learningRate)}`,
      "learningRate",
      shown(learningRate),
      10,
    );
  }
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > sampleCount) {
    throw new HyperparameterError(
      `batch size: expected a whole number from 1 to ${sampleCount} (the training digits), got ${shown(batchSize)}`,
      "batchSize",
      shown(batchSize),
      sampleCount,
    );
  }
  if (!Number.isInteger(epochs) || epochs < 1 || epochs > MAX_EPOCHS) {
    throw new HyperparameterError(
      `epochs: expected a whole number from 1 to ${MAX_EPOCHS}, got ${shown(epochs)}`,
      "epochs",
      shown(epochs),
      MAX_EPOCHS,
    );
  }
}

/** Reads a typed field as a number: blank or non-numeric text becomes NaN (refused above). */
export function parseNumberField(text: string): number {
  const trimmed = text.trim();
  return trimmed === "" ? NaN : Number(trimmed);
}
