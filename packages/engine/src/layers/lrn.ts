/**
 * Local response normalisation across channels, as in Krizhevsky et al. 2012 (AlexNet: k = 2,
 * n = 5, α = 1e−4, β = 0.75):
 *
 *   b_i = a_i / (k + α · Σ_{j = max(0, i − ⌊n/2⌋)}^{min(N − 1, i + ⌊n/2⌋)} a_j²)^β
 *
 * tfjs' `localResponseNormalization(x, depthRadius = ⌊n/2⌋, bias = k, alpha = α, beta = β)` computes
 * exactly this: α multiplies the plain sum. Caffe's LRN layer divides α by n (and AlexNet's Caffe
 * model uses k = 1), so Caffe numbers differ from the paper's; convstep follows the paper.
 */
import * as tf from "@tensorflow/tfjs-core";
import { SpecError } from "../errors.js";
import type { LRNSpec } from "../spec/types.js";
import { spatialShape } from "../util/geometry.js";
import { inputMap } from "./explain-arrays.js";
import type { LayerImpl, LRNExplanation } from "./layer.js";
import { checkWindowNeuron } from "./neuron-index.js";
import { noParams } from "./weightless.js";
import { pointWindow } from "./window2d.js";

/** First and last channel (inclusive) of channel c's neighbourhood, clipped to [0, N). */
function neighbourhood(c: number, n: number, channels: number): [number, number] {
  const r = Math.floor(n / 2);
  return [Math.max(0, c - r), Math.min(channels - 1, c + r)];
}

/** Local response normalisation. No weights. */
export const lrn: LayerImpl<LRNSpec> = {
  kind: "lrn",

  validate(spec, inputShape) {
    spatialShape(inputShape, spec.name);
    if (typeof spec.n !== "number" || !Number.isInteger(spec.n) || spec.n < 1 || spec.n % 2 !== 1) {
      throw new SpecError(
        `expected an odd positive integer (AlexNet: 5), got ${JSON.stringify(spec.n)}`,
        {
          layer: spec.name,
          attribute: "n",
        },
      );
    }
    for (const attribute of ["k", "alpha", "beta"] as const) {
      const value: unknown = spec[attribute];
      if (typeof value !== "number" || !Number.isFinite(value)) {
        throw new SpecError(`expected a finite number, got ${JSON.stringify(value)}`, {
          layer: spec.name,
          attribute,
        });
      }
    }
  },

  outputShape(spec, inputShape) {
    return spatialShape(inputShape, spec.name);
  },

  params: noParams,

  /**
   * Connections: for every output, the channels of its neighbourhood, clipped at the first and last
   * channel (so an edge channel has fewer than n links).
   */
  counts(spec, inputShape) {
    const [h, w, channels] = spatialShape(inputShape, spec.name);
    let links = 0;
    for (let c = 0; c < channels; c++) {
      const [first, last] = neighbourhood(c, spec.n, channels);
      links += last - first + 1;
    }
    return { trainable: 0, nonTrainable: 0, connections: links * h * w, macs: 0 };
  },

  forward(spec, x) {
    return tf.localResponseNormalization(
      x as tf.Tensor4D,
      Math.floor(spec.n / 2),
      spec.k,
      spec.alpha,
      spec.beta,
    );
  },

  window: pointWindow,

  explain(spec, ctx, at): LRNExplanation {
    const [h, w, channels] = spatialShape(ctx.inputShape, spec.name);
    checkWindowNeuron(spec.name, at, h, w, channels);
    const base = (at.y * w + at.x) * channels;
    const input = inputMap(spec.name, ctx, h, w, channels);
    const [first, last] = neighbourhood(at.channel, spec.n, channels);
    const neighbours: { channel: number; value: number }[] = [];
    let sumSquares = 0;
    for (let j = first; j <= last; j++) {
      const value = input[base + j];
      neighbours.push({ channel: j, value });
      sumSquares += value * value;
    }
    const divisor = Math.pow(spec.k + spec.alpha * sumSquares, spec.beta);
    const a = input[base + at.channel];
    return {
      type: "lrn",
      input: a,
      neighbours,
      sumSquares,
      divisor,
      k: spec.k,
      alpha: spec.alpha,
      beta: spec.beta,
      n: spec.n,
      output: a / divisor,
    };
  },
};
