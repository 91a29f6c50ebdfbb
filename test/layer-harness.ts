/**
 * What the layer tests do around the layer under test: run its forward pass on one image, build
 * the context of an `explain()` call, and pick output neurons at random (seeded).
 */
import * as tf from "@tensorflow/tfjs-core";
import type {
  ArrayWithShape,
  ExplainContext,
  LayerImpl,
  NeuronIndex,
} from "../packages/engine/src/layers/layer.js";
import type { LayerSpec } from "../packages/engine/src/spec/types.js";
import { expectNoLeaks, seededArray } from "./helpers.js";

/**
 * Runs `layer.forward` at inference on a batch of one (`[1, ...inputShape]`), the weights made
 * tensors from their arrays; returns the output's shape (batch included) and values. Fails the
 * test when a tensor leaks.
 */
export async function forwardOnce<S extends LayerSpec>(
  layer: LayerImpl<S>,
  spec: S,
  inputShape: readonly number[],
  input: Float32Array,
  weights: Readonly<Record<string, ArrayWithShape>> = {},
): Promise<{ shape: number[]; data: Float32Array }> {
  return expectNoLeaks(() => {
    const xt = tf.tensor(input, [1, ...inputShape]);
    const ws = Object.fromEntries(
      Object.entries(weights).map(([k, v]) => [k, tf.tensor(v.data, [...v.shape])]),
    );
    const y = layer.forward(spec, xt, ws, { training: false });
    const out = { shape: y.shape, data: Float32Array.from(y.dataSync()) };
    tf.dispose([xt, y, ...Object.values(ws)]);
    return out;
  });
}

/** The context of an `explain()` call on one input map `data` of `inputShape`. */
export function explainContext(
  data: Float32Array,
  inputShape: readonly number[],
  outputShape: readonly number[],
  weights: Readonly<Record<string, ArrayWithShape>> = {},
): ExplainContext {
  return { input: { data, shape: inputShape }, inputShape, outputShape, weights };
}

/**
 * `count` neurons of an `[h, w, c]` output, drawn from `seededArray(3·count, seed, 0, 1)`: each
 * consecutive triple gives y, x and channel.
 */
export function randomNeurons(
  count: number,
  seed: number,
  [h, w, c]: readonly number[],
): NeuronIndex[] {
  const pick = seededArray(3 * count, seed, 0, 1);
  return Array.from({ length: count }, (_, n) => ({
    y: Math.floor(pick[3 * n] * h),
    x: Math.floor(pick[3 * n + 1] * w),
    channel: Math.floor(pick[3 * n + 2] * c),
  }));
}
