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
import { SpecError } from "../errors.js";
import type { Shape, SubsamplingSpec } from "../spec/types.js";
import { ACTIVATIONS, activate, activateScalar, isActivation, softmaxAt } from "./activations.js";
import { downloadedWeight } from "./explain-arrays.js";
import type { LayerImpl, PoolExplanation } from "./layer.js";
import { checkWindowNeuron } from "./neuron-index.js";
import { checkPoolFits, poolGeometry, poolWindow, type PoolGeometry } from "./pool-geometry.js";

/** Windows without padding. */
function geometry(spec: SubsamplingSpec, inputShape: Shape): PoolGeometry {
  return poolGeometry(spec, inputShape, "valid");
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
    checkPoolFits(spec.name, g);
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
    return poolWindow(geometry(spec, inputShape), y, x);
  },

  explain(spec, ctx, at): PoolExplanation {
    const g = geometry(spec, ctx.inputShape);
    checkWindowNeuron(spec.name, at, g.outH, g.outW, g.channels);
    const input = ctx.input.data;
    const coefficients = downloadedWeight(spec.name, ctx, "kernel", g.channels);
    const biases = downloadedWeight(spec.name, ctx, "bias", g.channels);
    const win = poolWindow(g, at.y, at.x);
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
