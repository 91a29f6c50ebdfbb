/**
 * Checking a set of weights against a compiled model: every parameter present with its exact
 * shape, float32, finite, masked-out entries zero, and nothing the model does not own.
 */
import type * as tf from "@tensorflow/tfjs-core";
import { WeightsError, formatShape } from "../errors.js";
import type { CompiledModel, ModelParam } from "../model/compile.js";

/** Options of {@link checkWeights}. */
export interface CheckWeightsOptions {
  /** Accept tensors whose names the model does not know (default false: they are an error). */
  readonly allowExtra?: boolean;
  /**
   * Read the values to check that they are finite and that masked-out entries are zero (default
   * true). Reading downloads every tensor; pass false to check only names, shapes and dtypes.
   */
  readonly values?: boolean;
}

function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

/** The multi-dimensional position of flat index `index` in a row-major `shape`. */
export function unravelIndex(index: number, shape: readonly number[]): number[] {
  const pos = new Array<number>(shape.length);
  let rest = index;
  for (let axis = shape.length - 1; axis >= 0; axis--) {
    pos[axis] = rest % shape[axis];
    rest = Math.floor(rest / shape[axis]);
  }
  return pos;
}

function listNames(names: readonly string[], max = 5): string {
  const shown = names.slice(0, max).join(", ");
  return names.length > max ? `${shown}, … (${names.length} in all)` : shown;
}

/**
 * Checks the values of one weight: finite everywhere and exactly zero where `mask` is 0.
 * Throws WeightsError naming the tensor and the first bad flat index.
 */
export function checkValues(
  name: string,
  values: ArrayLike<number>,
  shape: readonly number[],
  mask?: Float32Array,
): void {
  if (mask && mask.length !== values.length) {
    throw new WeightsError(
      `the model's mask has ${mask.length} entries, the tensor ${values.length}`,
      name,
    );
  }
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Number.isNaN(v)) throw new WeightsError(`contains NaN at index ${i}`, name);
    if (v === Infinity || v === -Infinity) {
      throw new WeightsError(`contains ${v < 0 ? "-" : ""}Infinity at index ${i}`, name);
    }
    if (mask && mask[i] === 0 && v !== 0) {
      throw new WeightsError(
        `masked-out entry at index ${i} (position ${formatShape(unravelIndex(i, shape))}) is ${v}, expected exactly 0 (the model links no input there)`,
        name,
      );
    }
  }
}

function checkParam(
  param: ModelParam,
  t: tf.Tensor | undefined,
  extras: readonly string[],
  readValues: boolean,
): void {
  if (!t) {
    const hint = extras.length
      ? `; the set holds weights the model does not have: ${listNames(extras)}`
      : "";
    throw new WeightsError(
      `missing (expected shape ${formatShape(param.shape)})${hint}`,
      param.fullName,
    );
  }
  if (t.isDisposed) throw new WeightsError("the tensor has been disposed", param.fullName);
  if (!sameShape(t.shape, param.shape)) {
    throw new WeightsError(
      `expected shape ${formatShape(param.shape)}, got ${formatShape(t.shape)}`,
      param.fullName,
    );
  }
  if (t.dtype !== "float32") {
    throw new WeightsError(`expected dtype float32, got ${t.dtype}`, param.fullName);
  }
  if (readValues) checkValues(param.fullName, t.dataSync(), param.shape, param.mask);
}

/**
 * Checks that `weights` fit `model`: every parameter present with its shape, dtype float32, values
 * finite (no NaN or ±Infinity), masked-out entries (LeNet's C3 table) exactly 0, and no tensor the
 * model does not own. Throws the first problem as a WeightsError naming the tensor, e.g.
 * `weight "C3/kernel": expected shape [5, 5, 6, 16], got [5, 5, 6, 15]`. Parameters are checked in
 * model order, extra tensors last. Creates no tensors.
 */
export function checkWeights(
  model: CompiledModel,
  weights: ReadonlyMap<string, tf.Tensor>,
  options: CheckWeightsOptions = {},
): void {
  const { allowExtra = false, values = true } = options;
  const known = new Set(model.params.map((p) => p.fullName));
  const extras = [...weights.keys()].filter((name) => !known.has(name));
  for (const param of model.params) {
    checkParam(param, weights.get(param.fullName), extras, values);
  }
  if (!allowExtra && extras.length > 0) {
    throw new WeightsError(
      `not a weight of model "${model.spec.name}" (its weights are ${listNames([...known], 8) || "none"})`,
      extras[0],
    );
  }
}
