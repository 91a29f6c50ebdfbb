/**
 * Flatten: a feature map `[h, w, c]` becomes a vector `[h·w·c]` in NHWC row-major order, as
 * Keras' `Flatten` does: unit (y·W + x)·C + c holds input (y, x, c). A vector passes unchanged.
 */
import * as tf from "@tensorflow/tfjs-core";
import type { FlattenSpec } from "../spec/types.js";
import type { ElementwiseExplanation, LayerImpl } from "./layer.js";
import { asMap, checkMapOrVector } from "./map-shape.js";
import { checkUnit } from "./neuron-index.js";
import { noParams, zeroCounts } from "./weightless.js";
import { wholeMapWindow } from "./window2d.js";

/** Flatten: NHWC row-major, like Keras. */
export const flatten: LayerImpl<FlattenSpec> = {
  kind: "flatten",

  validate(spec, inputShape) {
    checkMapOrVector(spec.name, inputShape);
  },

  outputShape(_spec, inputShape) {
    return [inputShape.reduce((a, b) => a * b, 1)];
  },

  params: noParams,
  counts: zeroCounts,

  forward(_spec, x) {
    return tf.reshape(x, [x.shape[0], -1]);
  },

  window: wholeMapWindow,

  explain(spec, ctx, at): ElementwiseExplanation {
    const [, w, c] = asMap(ctx.inputShape);
    checkUnit(spec.name, at, ctx.input.data.length);
    const unit = at.channel;
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
