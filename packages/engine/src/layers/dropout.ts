/**
 * Dropout (Srivastava et al. 2014; AlexNet's fc6 and fc7): the identity at inference. When
 * training, each unit is zeroed with probability `rate` and the survivors are scaled by
 * 1/(1 − rate), so the expected output equals the input (`tf.dropout`).
 */
import * as tf from "@tensorflow/tfjs-core";
import { SpecError } from "../errors.js";
import type { DropoutSpec } from "../spec/types.js";
import type { ElementwiseExplanation, LayerImpl } from "./layer.js";
import { checkMapOrVector, sameShape } from "./map-shape.js";
import { neuronOffset } from "./neuron-index.js";
import { noParams, zeroCounts } from "./weightless.js";
import { pointWindow } from "./window2d.js";

/** Dropout: a clone of the input at inference, `tf.dropout(x, rate)` when training. */
export const dropout: LayerImpl<DropoutSpec> = {
  kind: "dropout",

  validate(spec, inputShape) {
    const rate = spec.rate;
    if (typeof rate !== "number" || !(rate >= 0 && rate < 1)) {
      throw new SpecError(`expected a number with 0 ≤ rate < 1, got ${JSON.stringify(rate)}`, {
        layer: spec.name,
        attribute: "rate",
      });
    }
    checkMapOrVector(spec.name, inputShape);
  },

  outputShape: sameShape,
  params: noParams,
  counts: zeroCounts,

  forward(spec, x, _weights, ctx) {
    if (!ctx.training || spec.rate === 0) return x.clone();
    return tf.tidy(() => tf.dropout(x, spec.rate));
  },

  window: pointWindow,

  explain(spec, ctx, at): ElementwiseExplanation {
    const value = ctx.input.data[neuronOffset(spec.name, ctx.inputShape, at)];
    return {
      type: "elementwise",
      inputs: [{ channel: at.channel, y: at.y, x: at.x, value, padded: false }],
      formula: `identity at inference: y = x (training zeroes ${spec.rate} of the units and scales the rest by 1/(1 − ${spec.rate}))`,
      terms: { x: value, rate: spec.rate },
      output: value,
    };
  },
};
