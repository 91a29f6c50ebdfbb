/**
 * LeNet-5's trainable subsampling (S2, S4; LeCun et al. 1998): each output is
 * activation(coefficient_c · Σ window + bias_c), one coefficient and one bias per channel, windows
 * without padding.
 *
 * Weights: `kernel` [channels] (the coefficients) and `bias` [channels], both trainable.
 * Default initialisers: `lecun-uniform` coefficients with fan-in = window cells (Keras' limit
 * √(3/4) ≈ 0.87 for 2×2, close to the paper's ±2.4/F_i scheme in spirit: a unit's sum starts
 * with unit-order variance) and zero biases.
 */
import * as tf from "@tensorflow/tfjs-core";
import { InputError, SpecError, WeightsError, formatShape } from "../errors.js";
import type { Shape, SubsamplingSpec } from "../spec/types.js";
import { outputLength, size2, spatialShape } from "../util/geometry.js";
import { ACTIVATIONS, activate, activateScalar, isActivation, softmaxAt } from "./activations.js";
import type { ExplainContext, LayerImpl, NeuronIndex, PoolExplanation, Window } from "./layer.js";

interface SubsamplingGeometry {
  readonly inH: number;
  readonly inW: number;
  readonly channels: number;
  readonly size: [number, number];
  readonly strides: [number, number];
  readonly outH: number;
  readonly outW: number;
}

function geometry(spec: SubsamplingSpec, inputShape: Shape): SubsamplingGeometry {
  const [inH, inW, channels] = spatialShape(inputShape, spec.name);
  const size = size2(spec.poolSize, spec.name, "poolSize");
  const strides = size2(spec.strides ?? spec.poolSize, spec.name, "strides");
  return {
    inH,
    inW,
    channels,
    size,
    strides,
    outH: outputLength(inH, 0, 0, size[0], strides[0]),
    outW: outputLength(inW, 0, 0, size[1], strides[1]),
  };
}

function windowAt(g: SubsamplingGeometry, y: number, x: number): Window {
  const y0 = y * g.strides[0];
  const x0 = x * g.strides[1];
  return { y0, x0, y1: y0 + g.size[0], x1: x0 + g.size[1] };
}

function weight(
  spec: SubsamplingSpec,
  ctx: ExplainContext,
  name: string,
  size: number,
): Float32Array {
  const w = ctx.weights[name];
  if (!w) throw new WeightsError("missing (needed to explain a neuron)", `${spec.name}/${name}`);
  if (w.data.length !== size) {
    throw new WeightsError(
      `expected ${size} values, got ${w.data.length} (shape ${formatShape(w.shape)})`,
      `${spec.name}/${name}`,
    );
  }
  return w.data;
}

function checkNeuron(name: string, g: SubsamplingGeometry, at: NeuronIndex): void {
  const ok = (v: number, n: number) => Number.isInteger(v) && v >= 0 && v < n;
  if (!ok(at.channel, g.channels) || !ok(at.y, g.outH) || !ok(at.x, g.outW)) {
    throw new InputError(
      `layer "${name}": neuron (channel ${at.channel}, y ${at.y}, x ${at.x}) is outside the output ${g.outH}×${g.outW}×${g.channels}`,
    );
  }
}

/** LeNet's subsampling layer. */
export const subsampling: LayerImpl<SubsamplingSpec> = {
  kind: "subsampling",

  validate(spec, inputShape) {
    const g = geometry(spec, inputShape);
    if (spec.activation !== undefined && !isActivation(spec.activation)) {
      throw new SpecError(
        `expected one of ${ACTIVATIONS.join(", ")}, got ${JSON.stringify(spec.activation)}`,
        { layer: spec.name, attribute: "activation" },
      );
    }
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

  params(spec, inputShape) {
    const g = geometry(spec, inputShape);
    const fanIn = g.size[0] * g.size[1];
    // How many outputs one input cell reaches at most (1 for LeNet's non-overlapping 2×2 / 2).
    const fanOut = Math.ceil(g.size[0] / g.strides[0]) * Math.ceil(g.size[1] / g.strides[1]);
    return [
      {
        name: "kernel",
        shape: [g.channels],
        trainable: true,
        initializer: spec.kernelInitializer ?? "lecun-uniform",
        fanIn,
        fanOut,
      },
      {
        name: "bias",
        shape: [g.channels],
        trainable: true,
        initializer: spec.biasInitializer ?? "zeros",
        fanIn,
        fanOut,
      },
    ];
  },

  counts(spec, inputShape) {
    const g = geometry(spec, inputShape);
    const outputs = g.outH * g.outW * g.channels;
    return {
      trainable: 2 * g.channels,
      nonTrainable: 0,
      // The window cells plus the bias, for every output (S2: 5 × 1,176 = 5,880).
      connections: (g.size[0] * g.size[1] + 1) * outputs,
      // One multiplication by the coefficient per output.
      macs: outputs,
    };
  },

  forward(spec, x, weights) {
    return tf.tidy(() => {
      const g = geometry(spec, x.shape.slice(1));
      const cells = g.size[0] * g.size[1];
      // Window sum = window mean × cells (no padding, so every mean has `cells` terms).
      const sums = tf.mul(tf.avgPool(x as tf.Tensor4D, g.size, g.strides, "valid"), cells);
      const z = tf.add(tf.mul(sums, weights.kernel), weights.bias);
      return activate(z, spec.activation ?? "linear");
    });
  },

  window(spec, inputShape, y, x) {
    return windowAt(geometry(spec, inputShape), y, x);
  },

  explain(spec, ctx, at): PoolExplanation {
    const g = geometry(spec, ctx.inputShape);
    checkNeuron(spec.name, g, at);
    const input = ctx.input.data;
    const coefficients = weight(spec, ctx, "kernel", g.channels);
    const biases = weight(spec, ctx, "bias", g.channels);
    const win = windowAt(g, at.y, at.x);
    const activation = spec.activation ?? "linear";

    const windowSum = (c: number) => {
      const values: number[][] = [];
      let sum = 0;
      for (let iy = win.y0; iy < win.y1; iy++) {
        const row: number[] = [];
        for (let ix = win.x0; ix < win.x1; ix++) {
          const v = input[(iy * g.inW + ix) * g.channels + c];
          row.push(v);
          sum += v;
        }
        values.push(row);
      }
      return { values, sum, pre: coefficients[c] * sum + biases[c] };
    };

    const n = windowSum(at.channel);
    const output =
      activation === "softmax"
        ? softmaxAt(
            Array.from({ length: g.channels }, (_, c) =>
              c === at.channel ? n.pre : windowSum(c).pre,
            ),
            at.channel,
          )
        : activateScalar(n.pre, activation);
    return {
      type: "pool",
      mode: "subsampling",
      window: win,
      channel: at.channel,
      values: n.values,
      reduced: n.sum,
      coefficient: coefficients[at.channel],
      bias: biases[at.channel],
      activation,
      preActivation: n.pre,
      output,
    };
  },
};
