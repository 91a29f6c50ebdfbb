/**
 * Flatten: a feature map `[h, w, c]` becomes a vector `[h·w·c]` in NHWC row-major order, as
 * Keras' `Flatten` does: unit (y·W + x)·C + c holds input (y, x, c). A vector passes unchanged.
 */
import * as tf from "@tensorflow/tfjs-core";
import { InputError, SpecError, formatShape } from "../errors.js";
import type { FlattenSpec, Shape } from "../spec/types.js";
import type { ElementwiseExplanation, LayerImpl, Window } from "./layer.js";

/** `[h, w, c]` of a feature map, or `[1, 1, n]` for a vector. */
function asMap(inputShape: Shape): [number, number, number] {
  return inputShape.length === 3
    ? [inputShape[0], inputShape[1], inputShape[2]]
    : [1, 1, inputShape[0]];
}

/** Flatten: NHWC row-major, like Keras. */
export const flatten: LayerImpl<FlattenSpec> = {
  kind: "flatten",

  validate(spec, inputShape) {
    if (inputShape.length !== 3 && inputShape.length !== 1) {
      throw new SpecError(
        `expects a feature map [height, width, channels] or a vector [units] as input, got shape ${formatShape(inputShape)}`,
        { layer: spec.name },
      );
    }
  },

  outputShape(_spec, inputShape) {
    return [inputShape.reduce((a, b) => a * b, 1)];
  },

  params() {
    return [];
  },

  counts() {
    return { trainable: 0, nonTrainable: 0, connections: 0, macs: 0 };
  },

  forward(_spec, x) {
    return tf.reshape(x, [x.shape[0], -1]);
  },

  window(_spec, inputShape): Window {
    const [h, w] = asMap(inputShape);
    return { y0: 0, x0: 0, y1: h, x1: w };
  },

  explain(spec, ctx, at): ElementwiseExplanation {
    const [, w, c] = asMap(ctx.inputShape);
    const n = ctx.input.data.length;
    const unit = at.channel;
    if (!Number.isInteger(unit) || unit < 0 || unit >= n || at.y !== 0 || at.x !== 0) {
      throw new InputError(
        `layer "${spec.name}": neuron (unit ${at.channel}, y ${at.y}, x ${at.x}) lies outside the output [${n}] (vector units have y = x = 0)`,
      );
    }
    const channel = unit % c;
    const x = Math.floor(unit / c) % w;
    const y = Math.floor(unit / (c * w));
    const value = ctx.input.data[unit];
    return {
      type: "elementwise",
      inputs: [{ channel, y, x, value, padded: false }],
      formula: `unit ${unit} = (y·W + x)·C + c = (${y}·${w} + ${x})·${c} + ${channel}: input (y ${y}, x ${x}, c ${channel})`,
      terms: { unit, y, x, c: channel, W: w, C: c },
      output: value,
    };
  },
};
