/** Running a compiled model forward with a set of weights. */
import * as tf from "@tensorflow/tfjs-core";
import { InputError, WeightsError, formatShape } from "../errors.js";
import type { ForwardContext, LayerWeights } from "../layers/layer.js";
import type { CompiledLayer, CompiledModel } from "./compile.js";

/** A model's weights by full name (`C1/kernel`). Variables when training, plain tensors otherwise. */
export type WeightSet = ReadonlyMap<string, tf.Tensor>;

/** The weights one layer owns, by local name; WeightsError naming the first missing tensor. */
export function layerWeights(layer: CompiledLayer, weights: WeightSet): LayerWeights {
  const out: Record<string, tf.Tensor> = {};
  for (const p of layer.params) {
    const name = `${layer.name}/${p.name}`;
    const t = weights.get(name);
    if (!t) throw new WeightsError(`missing (expected shape ${formatShape(p.shape)})`, name);
    out[p.name] = t;
  }
  return out;
}

/**
 * Checks that `x` fits the model input: `[h, w, c]` (a batch of one is added) or `[b, h, w, c]`.
 * Returns a batched tensor (a new one only when a batch dim was added).
 */
export function asBatch(model: CompiledModel, x: tf.Tensor): tf.Tensor {
  const want = model.inputShape;
  const got = x.shape;
  const same = (a: readonly number[], b: readonly number[]) =>
    a.length === b.length && a.every((d, i) => d === b[i]);
  if (same(got, want)) return tf.expandDims(x, 0);
  if (got.length === want.length + 1 && same(got.slice(1), want)) return x;
  throw new InputError(
    `model "${model.spec.name}" expects an input of shape ${formatShape(want)} (or with a batch dimension first), got ${formatShape(got)}`,
  );
}

/** Runs one layer on a batched input. */
export function forwardLayer(
  layer: CompiledLayer,
  x: tf.Tensor,
  weights: WeightSet,
  ctx: ForwardContext = { training: false },
): tf.Tensor {
  return layer.impl.forward(layer.spec, x, layerWeights(layer, weights), ctx);
}

/**
 * Runs every layer and returns each layer's output (batched), in order. The caller owns the
 * returned tensors. With `training`, dropout drops and batch norm uses batch statistics.
 */
export function forwardAll(
  model: CompiledModel,
  weights: WeightSet,
  x: tf.Tensor,
  ctx: ForwardContext = { training: false },
): tf.Tensor[] {
  const batched = asBatch(model, x);
  const outputs: tf.Tensor[] = [];
  let current = batched;
  for (const layer of model.layers) {
    current = forwardLayer(layer, current, weights, ctx);
    outputs.push(current);
  }
  if (batched !== x) batched.dispose();
  return outputs;
}

/** The model's final output for a (batched) input; intermediate tensors are freed. */
export function predict(
  model: CompiledModel,
  weights: WeightSet,
  x: tf.Tensor,
  ctx: ForwardContext = { training: false },
): tf.Tensor {
  return tf.tidy(() => {
    const batched = asBatch(model, x);
    let current = batched;
    for (const layer of model.layers) current = forwardLayer(layer, current, weights, ctx);
    return current;
  });
}
