/**
 * Max and average pooling over each channel: any window and stride (AlexNet's overlapping 3/2
 * included), `valid` or `same` padding. As in TensorFlow, padded cells never win a max and are left
 * out of a mean (an edge window of `same` averages only the cells that lie on the map).
 */
import * as tf from "@tensorflow/tfjs-core";
import { SpecError } from "../errors.js";
import type { Pool2DSpec, Shape } from "../spec/types.js";
import type { LayerImpl, PoolExplanation } from "./layer.js";
import { checkWindowNeuron } from "./neuron-index.js";
import { checkPoolFits, poolGeometry, poolWindow, type PoolGeometry } from "./pool-geometry.js";
import { noParams } from "./weightless.js";

function geometry(spec: Pool2DSpec, inputShape: Shape): PoolGeometry {
  return poolGeometry(spec, inputShape, spec.padding);
}

/** Max or average pooling. No weights. */
export const pool2d: LayerImpl<Pool2DSpec> = {
  kind: "pool2d",

  validate(spec, inputShape) {
    if (spec.mode !== "max" && spec.mode !== "avg") {
      throw new SpecError(`expected "max" or "avg", got ${JSON.stringify(spec.mode)}`, {
        layer: spec.name,
        attribute: "mode",
      });
    }
    checkPoolFits(spec.name, geometry(spec, inputShape));
  },

  outputShape(spec, inputShape) {
    const g = geometry(spec, inputShape);
    return [g.outH, g.outW, g.channels];
  },

  params: noParams,

  /** Connections: every window cell of every output (padded cells of `same` edges included). */
  counts(spec, inputShape) {
    const g = geometry(spec, inputShape);
    return {
      trainable: 0,
      nonTrainable: 0,
      connections: g.size[0] * g.size[1] * g.outH * g.outW * g.channels,
      macs: 0,
    };
  },

  forward(spec, x) {
    const g = geometry(spec, x.shape.slice(1));
    const x4 = x as tf.Tensor4D;
    const pad = spec.padding ?? "valid";
    return spec.mode === "max"
      ? tf.maxPool(x4, g.size, g.strides, pad)
      : tf.avgPool(x4, g.size, g.strides, pad);
  },

  window(spec, inputShape, y, x) {
    return poolWindow(geometry(spec, inputShape), y, x);
  },

  explain(spec, ctx, at): PoolExplanation {
    const g = geometry(spec, ctx.inputShape);
    checkWindowNeuron(spec.name, at, g.outH, g.outW, g.channels);
    const input = ctx.input.data;
    const win = poolWindow(g, at.y, at.x);
    const values: number[][] = [];
    let max = -Infinity;
    let argmax: { y: number; x: number } | undefined;
    let sum = 0;
    let count = 0;
    for (let iy = win.y0; iy < win.y1; iy++) {
      const row: number[] = [];
      for (let ix = win.x0; ix < win.x1; ix++) {
        if (iy < 0 || iy >= g.inH || ix < 0 || ix >= g.inW) {
          row.push(NaN);
          continue;
        }
        const v = input[(iy * g.inW + ix) * g.channels + at.channel];
        row.push(v);
        sum += v;
        count += 1;
        if (v > max) {
          max = v;
          argmax = { y: iy, x: ix };
        }
      }
      values.push(row);
    }
    const reduced = spec.mode === "max" ? max : sum / count;
    return {
      type: "pool",
      mode: spec.mode,
      window: win,
      channel: at.channel,
      values,
      reduced,
      ...(spec.mode === "max" && argmax ? { argmax } : {}),
      activation: "linear",
      preActivation: reduced,
      output: reduced,
    };
  },
};
