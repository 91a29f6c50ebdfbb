/**
 * Batch normalisation (Ioffe & Szegedy 2015) as Keras' `BatchNormalization` runs it, over the last
 * axis (channels): y = γ·(x − μ)/√(σ² + ε) + β. At inference μ and σ² are the moving mean and
 * variance; when training, the batch's own moments (biased variance, as `tf.nn.moments`).
 */
import * as tf from "@tensorflow/tfjs-core";
import { InputError, SpecError, WeightsError, formatShape } from "../errors.js";
import type { BatchNormSpec, Shape } from "../spec/types.js";
import type {
  ArrayWithShape,
  ElementwiseExplanation,
  ExplainContext,
  LayerImpl,
  LayerWeights,
  NeuronIndex,
  ParamSpec,
  Window,
} from "./layer.js";

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

function downloaded(
  spec: BatchNormSpec,
  ctx: ExplainContext,
  name: string,
  channels: number,
): Float32Array {
  const w: ArrayWithShape | undefined = ctx.weights[name];
  if (!w || w.data.length !== channels) {
    throw new WeightsError(
      `expected ${channels} values, got ${w ? w.data.length : "none"}`,
      `${spec.name}/${name}`,
    );
  }
  return w.data;
}

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

/** Batch normalisation over the channel axis; weights γ, β, moving mean and variance `[c]`. */
export const batchNorm: LayerImpl<BatchNormSpec> = {
  kind: "batch-norm",

  validate(spec, inputShape) {
    if (inputShape.length !== 3 && inputShape.length !== 1) {
      throw new SpecError(
        `expects a feature map [height, width, channels] or a vector [units] as input, got shape ${formatShape(inputShape)}`,
        { layer: spec.name },
      );
    }
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

  outputShape(_spec, inputShape) {
    return [...inputShape];
  },

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

  window(_spec, _inputShape, y, x): Window {
    return { y0: y, x0: x, y1: y + 1, x1: x + 1 };
  },

  explain(spec, ctx, at): ElementwiseExplanation {
    const c = channelsOf(ctx.inputShape);
    const index = flatIndex(ctx.inputShape, at, spec.name);
    const value = ctx.input.data[index];
    const [gamma, beta, mean, variance] = WEIGHT_NAMES.map(
      (n) => downloaded(spec, ctx, n, c)[at.channel],
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
