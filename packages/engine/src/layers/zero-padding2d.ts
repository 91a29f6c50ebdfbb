/**
 * Zero padding of feature maps (Keras' `ZeroPadding2D`): rows of zeros above and below, columns
 * left and right. The Keras LeNet-5 pads 28×28 MNIST digits by 2 to get LeCun's 32×32 field.
 */
import * as tf from "@tensorflow/tfjs-core";
import { SpecError } from "../errors.js";
import type { ZeroPaddingSpec } from "../spec/types.js";
import type { ElementwiseExplanation, LayerImpl, Window } from "./layer.js";
import { spatialShape } from "../util/geometry.js";
import { checkNeuron } from "./neuron-index.js";
import { noParams, zeroCounts } from "./weightless.js";

/** Zeros added on each side. */
interface Pads {
  readonly top: number;
  readonly bottom: number;
  readonly left: number;
  readonly right: number;
}

/** One number, `[vertical, horizontal]` or `[top, bottom, left, right]` → pads; SpecError otherwise. */
function padsOf(spec: ZeroPaddingSpec): Pads {
  const p: unknown = spec.padding;
  const values: unknown[] | undefined =
    typeof p === "number" ? [p] : Array.isArray(p) && [2, 4].includes(p.length) ? p : undefined;
  if (!values || values.some((v) => typeof v !== "number" || !Number.isInteger(v) || v < 0)) {
    throw new SpecError(
      `expected a non-negative integer, [vertical, horizontal] or [top, bottom, left, right], got ${JSON.stringify(p)}`,
      { layer: spec.name, attribute: "padding" },
    );
  }
  const v = values as number[];
  if (v.length === 1) return { top: v[0], bottom: v[0], left: v[0], right: v[0] };
  if (v.length === 2) return { top: v[0], bottom: v[0], left: v[1], right: v[1] };
  return { top: v[0], bottom: v[1], left: v[2], right: v[3] };
}

/** Zero padding: `tf.pad` on the height and width axes. */
export const zeroPadding2d: LayerImpl<ZeroPaddingSpec> = {
  kind: "zero-padding2d",

  validate(spec, inputShape) {
    spatialShape(inputShape, spec.name);
    padsOf(spec);
  },

  outputShape(spec, inputShape) {
    const [h, w, c] = spatialShape(inputShape, spec.name);
    const p = padsOf(spec);
    return [h + p.top + p.bottom, w + p.left + p.right, c];
  },

  params: noParams,
  counts: zeroCounts,

  forward(spec, x) {
    const p = padsOf(spec);
    return tf.pad(x, [
      [0, 0],
      [p.top, p.bottom],
      [p.left, p.right],
      [0, 0],
    ]);
  },

  window(spec, _inputShape, y, x): Window {
    const p = padsOf(spec);
    return { y0: y - p.top, x0: x - p.left, y1: y - p.top + 1, x1: x - p.left + 1 };
  },

  explain(spec, ctx, at): ElementwiseExplanation {
    const [h, w, c] = spatialShape(ctx.inputShape, spec.name);
    checkNeuron(spec.name, at, [ctx.outputShape[0], ctx.outputShape[1], c], ctx.outputShape);
    const p = padsOf(spec);
    const y = at.y - p.top;
    const x = at.x - p.left;
    const padded = y < 0 || y >= h || x < 0 || x >= w;
    const value = padded ? 0 : ctx.input.data[(y * w + x) * c + at.channel];
    return {
      type: "elementwise",
      inputs: [{ channel: at.channel, y, x, value, padded }],
      formula: padded ? "padding → 0" : `copy of input (y ${y}, x ${x}, c ${at.channel})`,
      terms: { top: p.top, left: p.left },
      output: value,
    };
  },
};
