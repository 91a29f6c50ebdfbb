/** Reading a model's weights (a map of name → tensor, as `initWeights`/`loadWeights` return it). */
import type * as tf from "@tensorflow/tfjs-core";

/** Downloads every tensor of a weight map into a plain array and disposes the tensor. */
export function downloadAndDispose(weights: Map<string, tf.Tensor>): Map<string, Float32Array> {
  const out = new Map<string, Float32Array>();
  for (const [name, t] of weights) {
    out.set(name, t.dataSync() as Float32Array);
    t.dispose();
  }
  return out;
}
