/**
 * Checks that the neuron an `explain()` call names lies inside the layer's output, with the
 * InputError every layer reports, and its offset in a row-major (NHWC) array.
 */
import { InputError, formatShape } from "../errors.js";
import type { Shape } from "../spec/types.js";
import type { NeuronIndex } from "./layer.js";
import { asMap } from "./map-shape.js";

/** Whether `at` is an integer position inside an `h × w × c` map. */
function inside(at: NeuronIndex, h: number, w: number, c: number): boolean {
  const ok = (v: number, n: number) => Number.isInteger(v) && v >= 0 && v < n;
  return ok(at.channel, c) && ok(at.y, h) && ok(at.x, w);
}

/**
 * InputError unless `at` lies inside the `[h, w, c]` output of `layer`; the message shows the
 * output as `shape` (`… lies outside the output [h, w, c]`).
 */
export function checkNeuron(
  layer: string,
  at: NeuronIndex,
  [h, w, c]: readonly [number, number, number],
  shape: Shape,
): void {
  if (!inside(at, h, w, c)) {
    throw new InputError(
      `layer "${layer}": neuron (channel ${at.channel}, y ${at.y}, x ${at.x}) lies outside the output ${formatShape(shape)}`,
    );
  }
}

/**
 * Offset of neuron `at` in a row-major array of `shape` (a map `[h, w, c]`, or a vector `[n]` where
 * y = x = 0); InputError as {@link checkNeuron} when it lies outside.
 */
export function neuronOffset(layer: string, shape: Shape, at: NeuronIndex): number {
  const [h, w, c] = asMap(shape);
  checkNeuron(layer, at, [h, w, c], shape);
  return (at.y * w + at.x) * c + at.channel;
}

/**
 * InputError unless `at` lies inside the `h × w × c` output of a window layer (conv2d, pool2d,
 * subsampling, lrn): `… is outside the output h×w×c`.
 */
export function checkWindowNeuron(
  layer: string,
  at: NeuronIndex,
  h: number,
  w: number,
  c: number,
): void {
  if (!inside(at, h, w, c)) {
    throw new InputError(
      `layer "${layer}": neuron (channel ${at.channel}, y ${at.y}, x ${at.x}) is outside the output ${h}×${w}×${c}`,
    );
  }
}

/** InputError unless `at` names one of the `units` units of a vector output (y = x = 0). */
export function checkUnit(layer: string, at: NeuronIndex, units: number): void {
  const unit = at.channel;
  if (!Number.isInteger(unit) || unit < 0 || unit >= units || at.y !== 0 || at.x !== 0) {
    throw new InputError(
      `layer "${layer}": neuron (unit ${at.channel}, y ${at.y}, x ${at.x}) lies outside the output [${units}] (vector units have y = x = 0)`,
    );
  }
}
