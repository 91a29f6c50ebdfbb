/**
 * Labelled samples for training and evaluation, as flat float32 arrays, and their checks.
 */
import { InputError, formatShape } from "../errors.js";
import type { CompiledModel } from "../model/compile.js";

/** Samples with class labels. */
export interface LabelledSet {
  /**
   * The inputs, one sample after the other, each in the model's input layout (`[h, w, c]`,
   * row-major, channels last): `count × h·w·c` values.
   */
  readonly inputs: Float32Array;
  /** One class index per sample, 0 … classes − 1. */
  readonly labels: ArrayLike<number>;
}

/** Values in one sample of the model's input. */
export function sampleSize(model: CompiledModel): number {
  return model.inputShape.reduce((a, b) => a * b, 1);
}

/** Number of classes: the length of the model's vector output. InputError for a map output. */
export function classCount(model: CompiledModel): number {
  if (model.outputShape.length !== 1) {
    throw new InputError(
      `model "${model.spec.name}": training and evaluation need a vector output (one value per class), got ${formatShape(model.outputShape)}`,
    );
  }
  return model.outputShape[0];
}

/**
 * Checks a labelled set against a model and returns its sample count: inputs a whole number of
 * samples, as many labels, every label an integer class. InputError naming the first problem.
 */
export function checkLabelledSet(model: CompiledModel, set: LabelledSet, what = "data"): number {
  const size = sampleSize(model);
  const classes = classCount(model);
  if (!(set?.inputs instanceof Float32Array) || set.inputs.length % size !== 0) {
    throw new InputError(
      `${what}: expected inputs as a Float32Array of whole samples of ${formatShape(model.inputShape)} (${size} values each), got ${set?.inputs?.length} values`,
    );
  }
  const count = set.inputs.length / size;
  if (set.labels?.length !== count) {
    throw new InputError(
      `${what}: expected ${count} labels (one per sample), got ${set.labels?.length}`,
    );
  }
  if (count === 0) throw new InputError(`${what}: expected at least one sample, got none`);
  for (let i = 0; i < count; i++) {
    const label = set.labels[i];
    if (!Number.isInteger(label) || label < 0 || label >= classes) {
      throw new InputError(
        `${what}: label ${i} is ${label}; expected an integer class in [0, ${classes})`,
      );
    }
  }
  return count;
}

/** Copies samples `indices[from … to)` of `set` into one batch array. */
export function gatherBatch(
  inputs: Float32Array,
  size: number,
  indices: ArrayLike<number>,
  from: number,
  to: number,
): Float32Array {
  const out = new Float32Array((to - from) * size);
  for (let k = from; k < to; k++) {
    const i = indices[k];
    out.set(inputs.subarray(i * size, (i + 1) * size), (k - from) * size);
  }
  return out;
}
