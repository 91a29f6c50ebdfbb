/**
 * Batch normalisation (Ioffe & Szegedy 2015) as Keras' `BatchNormalization` runs it, over the last
 * axis (channels): y = γ·(x − μ)/√(σ² + ε) + β. At inference μ and σ² are the moving mean and
 * variance; when training, the batch's own moments (biased variance, as `tf.nn.moments`).
 */
import * as tf from "@tensorflow/tfjs-core";
import { SpecError, WeightsError } from "../errors.js";
import type { BatchNormSpec, Shape } from "../spec/types.js";
import { downloadedValues } from "./explain-arrays.js";
import type { ElementwiseExplanation, LayerImpl, LayerWeights, ParamSpec } from "./layer.js";
import { checkMapOrVector, sameShape } from "./map-shape.js";
import { neuronOffset } from "./neuron-index.js";
import { pointWindow } from "./window2d.js";

/** Keras' default ε. */
export const BATCH_NORM_EPSILON = 0.001;

const WEIGHT_NAMES = ["gamma", "beta", "moving_mean", "moving_variance"] as const;

function channelsOf(inputShape: Shape): number {
  return inputShape[inputShape.length - 1];
}

function epsilonOf(spec: BatchNormSpec): number {
  return spec.epsilon ?? BATCH_NORM_EPSILON;
}

function weight(spec: BatchNormSpec, weights: LayerWeights, name: string): tf.Tensor {
  const w = weights[name];
  if (!w) throw new WeightsError("missing", `${spec.name}/${name}`);
  return w;
}

/** Batch normalisation over the channel axis; weights γ, β, moving mean and variance `[c]`. */
export const batchNorm: LayerImpl<BatchNormSpec> = {
  kind: "batch-norm",

  validate(spec, inputShape) {
    checkMapOrVector(spec.name, inputShape);
    const eps = epsilonOf(spec);
    if (typeof eps !== "number" || !Number.isFinite(eps) || eps <= 0) {
      throw new SpecError(`expected a positive number, got ${JSON.stringify(spec.epsilon)}`, {
        layer: spec.name,
        attribute: "epsilon",
      });
    }
    const m = spec.momentum;
    if (m !== undefined && (typeof m !== "number" || !(m >= 0 && m <= 1))) {
      throw new SpecError(`expected a number in [0, 1], got ${JSON.stringify(m)}`, {
        layer: spec.name,
        attribute: "momentum",
      });
    }
  },

  outputShape: sameShape,

  params(_spec, inputShape): ParamSpec[] {
    const c = channelsOf(inputShape);
    const param = (name: string, trainable: boolean, init: "zeros" | "ones"): ParamSpec => ({
      name,
      shape: [c],
      trainable,
      initializer: init,
      fanIn: c,
      fanOut: c,
    });
    return [
      param("gamma", true, "ones"),
      param("beta", true, "zeros"),
      param("moving_mean", false, "zeros"),
      param("moving_variance", false, "ones"),
    ];
  },

  counts(_spec, inputShape) {
    const c = channelsOf(inputShape);
    return { trainable: 2 * c, nonTrainable: 2 * c, connections: 0, macs: 0 };
  },

  forward(spec, x, weights, ctx) {
    const [gamma, beta, movingMean, movingVariance] = WEIGHT_NAMES.map((n) =>
      weight(spec, weights, n),
    );
    const eps = epsilonOf(spec);
    return tf.tidy(() => {
      let mean = movingMean;
      let variance = movingVariance;
      if (ctx.training) {
        const axes = x.shape.slice(0, -1).map((_, i) => i);
        const moments = tf.moments(x, axes);
        mean = moments.mean;
        variance = moments.variance;
      }
      const normalised = tf.div(tf.sub(x, mean), tf.sqrt(tf.add(variance, eps)));
      return tf.add(tf.mul(gamma, normalised), beta);
    });
  },

  window: pointWindow,

  explain(spec, ctx, at): ElementwiseExplanation {
    const c = channelsOf(ctx.inputShape);
    const index = neuronOffset(spec.name, ctx.inputShape, at);
    const value = ctx.input.data[index];
    const [gamma, beta, mean, variance] = WEIGHT_NAMES.map(
      (n) => downloadedValues(spec.name, ctx, n, c)[at.channel],
    );
    const eps = epsilonOf(spec);
    const output = (gamma * (value - mean)) / Math.sqrt(variance + eps) + beta;
    return {
      type: "elementwise",
      inputs: [{ channel: at.channel, y: at.y, x: at.x, value, padded: false }],
      formula: "γ·(x − μ)/√(σ² + ε) + β",
      terms: { x: value, γ: gamma, β: beta, μ: mean, "σ²": variance, ε: eps },
      output,
    };
  },
};
