/**
 * Dropout (Srivastava et al. 2014; AlexNet's fc6 and fc7): the identity at inference. When
 * training, each unit is zeroed with probability `rate` and the survivors are scaled by
 * 1/(1 − rate), so the expected output equals the input (`tf.dropout`).
 */
import * as tf from "@tensorflow/tfjs-core";
import { InputError, SpecError, formatShape } from "../errors.js";
import type { DropoutSpec, Shape } from "../spec/types.js";
import type { ElementwiseExplanation, LayerImpl, NeuronIndex, Window } from "./layer.js";

/** Flat index of (y, x, channel) in a `[h, w, c]` or `[n]` array (then y = x = 0). */
function flatIndex(shape: Shape, at: NeuronIndex, layer: string): number {
  const c = shape[shape.length - 1];
  const [h, w] = shape.length === 3 ? [shape[0], shape[1]] : [1, 1];
  const inside =
    at.channel >= 0 && at.channel < c && at.y >= 0 && at.y < h && at.x >= 0 && at.x < w;
  if (!inside || ![at.channel, at.y, at.x].every(Number.isInteger)) {
    throw new InputError(
      `layer "${layer}": neuron (channel ${at.channel}, y ${at.y}, x ${at.x}) lies outside the output ${formatShape(shape)}`,
    );
  }
  return (at.y * w + at.x) * c + at.channel;
}

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
    if (inputShape.length !== 3 && inputShape.length !== 1) {
      throw new SpecError(
        `expects a feature map [height, width, channels] or a vector [units] as input, got shape ${formatShape(inputShape)}`,
        { layer: spec.name },
      );
    }
  },

  outputShape(_spec, inputShape) {
    return [...inputShape];
  },

  params() {
    return [];
  },

  counts() {
    return { trainable: 0, nonTrainable: 0, connections: 0, macs: 0 };
  },

  forward(spec, x, _weights, ctx) {
    if (!ctx.training || spec.rate === 0) return x.clone();
    return tf.tidy(() => tf.dropout(x, spec.rate));
  },

  window(_spec, _inputShape, y, x): Window {
    return { y0: y, x0: x, y1: y + 1, x1: x + 1 };
  },

  explain(spec, ctx, at): ElementwiseExplanation {
    const value = ctx.input.data[flatIndex(ctx.inputShape, at, spec.name)];
    return {
      type: "elementwise",
      inputs: [{ channel: at.channel, y: at.y, x: at.x, value, padded: false }],
      formula: `identity at inference: y = x (training zeroes ${spec.rate} of the units and scales the rest by 1/(1 − ${spec.rate}))`,
      terms: { x: value, rate: spec.rate },
      output: value,
    };
  },
};
