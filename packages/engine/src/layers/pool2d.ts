/**
 * Max and average pooling over each channel: any window and stride (AlexNet's overlapping 3/2
 * included), `valid` or `same` padding. As in TensorFlow, padded cells never win a max and are left
 * out of a mean (an edge window of `same` averages only the cells that lie on the map).
 */
import * as tf from "@tensorflow/tfjs-core";
import { InputError, SpecError } from "../errors.js";
import type { Pool2DSpec, Shape } from "../spec/types.js";
import { outputLength, resolvePadding, size2, spatialShape, type Pads } from "../util/geometry.js";
import type { LayerImpl, NeuronIndex, PoolExplanation, Window } from "./layer.js";

interface PoolGeometry {
  readonly inH: number;
  readonly inW: number;
  readonly channels: number;
  readonly size: [number, number];
  readonly strides: [number, number];
  readonly pads: Pads;
  readonly outH: number;
  readonly outW: number;
}

function geometry(spec: Pool2DSpec, inputShape: Shape): PoolGeometry {
  const [inH, inW, channels] = spatialShape(inputShape, spec.name);
  const size = size2(spec.poolSize, spec.name, "poolSize");
  const strides = size2(spec.strides ?? spec.poolSize, spec.name, "strides");
  const padding = spec.padding ?? "valid";
  if (padding !== "valid" && padding !== "same") {
    throw new SpecError(`expected "valid" or "same", got ${JSON.stringify(spec.padding)}`, {
      layer: spec.name,
      attribute: "padding",
    });
  }
  const pads = resolvePadding(padding, [inH, inW], size, strides, spec.name);
  return {
    inH,
    inW,
    channels,
    size,
    strides,
    pads,
    outH: outputLength(inH, pads.top, pads.bottom, size[0], strides[0]),
    outW: outputLength(inW, pads.left, pads.right, size[1], strides[1]),
  };
}

function windowAt(g: PoolGeometry, y: number, x: number): Window {
  const y0 = y * g.strides[0] - g.pads.top;
  const x0 = x * g.strides[1] - g.pads.left;
  return { y0, x0, y1: y0 + g.size[0], x1: x0 + g.size[1] };
}

function checkNeuron(name: string, g: PoolGeometry, at: NeuronIndex): void {
  const ok = (v: number, n: number) => Number.isInteger(v) && v >= 0 && v < n;
  if (!ok(at.channel, g.channels) || !ok(at.y, g.outH) || !ok(at.x, g.outW)) {
    throw new InputError(
      `layer "${name}": neuron (channel ${at.channel}, y ${at.y}, x ${at.x}) is outside the output ${g.outH}×${g.outW}×${g.channels}`,
    );
  }
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
    const g = geometry(spec, inputShape);
    if (g.outH < 1 || g.outW < 1) {
      throw new SpecError(
        `the ${g.size[0]}×${g.size[1]} window does not fit the ${g.inH}×${g.inW} input`,
        { layer: spec.name, attribute: "poolSize" },
      );
    }
  },

  outputShape(spec, inputShape) {
    const g = geometry(spec, inputShape);
    return [g.outH, g.outW, g.channels];
  },

  params() {
    return [];
  },

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
    return windowAt(geometry(spec, inputShape), y, x);
  },

  explain(spec, ctx, at): PoolExplanation {
    const g = geometry(spec, ctx.inputShape);
    checkNeuron(spec.name, g, at);
    const input = ctx.input.data;
    const win = windowAt(g, at.y, at.x);
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
