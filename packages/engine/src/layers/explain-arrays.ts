/**
 * The downloaded arrays an `explain()` reads, checked before use: the input map (InputError) and
 * the weights (WeightsError naming the tensor `<layer>/<name>`; two message styles, kept as the
 * layers have always reported them).
 */
import { InputError, WeightsError, formatShape } from "../errors.js";
import type { ExplainContext } from "./layer.js";

/** The input map's values; InputError unless it holds `h·w·c` of them (conv2d, lrn). */
export function inputMap(
  layer: string,
  ctx: ExplainContext,
  h: number,
  w: number,
  c: number,
): Float32Array {
  const input = ctx.input.data;
  if (input.length !== h * w * c) {
    throw new InputError(
      `layer "${layer}": expected an input of ${h}×${w}×${c} values, got ${input.length}`,
    );
  }
  return input;
}

/**
 * Weight `name` of `size` values (conv2d, subsampling). WeightsError: `missing (needed to explain
 * a neuron)`, or `expected <size> values, got <n> (shape [..])`.
 */
export function downloadedWeight(
  layer: string,
  ctx: ExplainContext,
  name: string,
  size: number,
): Float32Array {
  const w = ctx.weights[name];
  if (!w) throw new WeightsError("missing (needed to explain a neuron)", `${layer}/${name}`);
  if (w.data.length !== size) {
    throw new WeightsError(
      `expected ${size} values, got ${w.data.length} (shape ${formatShape(w.shape)})`,
      `${layer}/${name}`,
    );
  }
  return w.data;
}

/**
 * Weight `name` of `size` values (dense, batch-norm). WeightsError: `expected <size> values, got
 * <n>`, or `got none` when it is missing.
 */
export function downloadedValues(
  layer: string,
  ctx: ExplainContext,
  name: string,
  size: number,
): Float32Array {
  const w = ctx.weights[name];
  if (!w || w.data.length !== size) {
    throw new WeightsError(
      `expected ${size} values, got ${w ? w.data.length : "none"}`,
      `${layer}/${name}`,
    );
  }
  return w.data;
}
