/**
 * The network's output as training sees it: logits in place of softmax probabilities (so the
 * cross-entropy is computed stably), RBF distances as they are.
 */
import type * as tf from "@tensorflow/tfjs-core";
import type { CompiledModel } from "../model/compile.js";
import { asBatch, forwardLayer, type WeightSet } from "../model/forward.js";
import type { ForwardContext } from "../layers/layer.js";
import type { LossKind } from "./losses.js";

/** What the last layer's output is, and the criterion that goes with it. */
export interface OutputKind {
  readonly loss: LossKind;
  /** True when the lowest output wins (RBF distances); false when the highest does. */
  readonly lowestWins: boolean;
  /** True when the last softmax is skipped: the outputs are logits. */
  readonly logits: boolean;
}

/**
 * The criterion of a model: `rbf-map` for an RBF output, otherwise the softmax cross-entropy
 * (on the logits before a final softmax, or on the outputs themselves taken as logits).
 */
export function outputKind(model: CompiledModel): OutputKind {
  const last = model.layers[model.layers.length - 1].spec;
  if (last.kind === "rbf") return { loss: "rbf-map", lowestWins: true, logits: false };
  const softmax = "activation" in last && last.activation === "softmax";
  return { loss: "softmax-cross-entropy", lowestWins: false, logits: softmax };
}

/**
 * Runs the model on a batch and returns its last output, with a final softmax left out (logits)
 * when `logits` is set. Meant to run inside `tf.tidy` or a gradient scope: intermediate tensors
 * are left to the caller's scope.
 */
export function trainingOutput(
  model: CompiledModel,
  weights: WeightSet,
  x: tf.Tensor,
  ctx: ForwardContext,
  logits: boolean,
): tf.Tensor {
  let current = asBatch(model, x);
  const lastIndex = model.layers.length - 1;
  model.layers.forEach((layer, i) => {
    if (i === lastIndex && logits && "activation" in layer.spec) {
      if (layer.spec.kind === "activation") return; // a separate softmax layer: skip it
      const linear = { ...layer, spec: { ...layer.spec, activation: "linear" as const } };
      current = forwardLayer(linear, current, weights, ctx);
      return;
    }
    current = forwardLayer(layer, current, weights, ctx);
  });
  return current;
}
