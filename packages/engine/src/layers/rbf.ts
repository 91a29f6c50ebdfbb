/**
 * LeNet-5's Euclidean radial basis function output (LeCun et al. 1998, eq. 7): unit i reports the
 * squared distance of the input vector to a fixed code, y_i = Σ_j (x_j − w_ij)². The codes
 * (`spec.centers`) belong to the spec, not to the weights: they are not trainable.
 */
import * as tf from "@tensorflow/tfjs-core";
import { SpecError } from "../errors.js";
import type { RBFSpec } from "../spec/types.js";
import type { LayerImpl, RBFExplanation, Window } from "./layer.js";
import { vectorLength } from "./map-shape.js";
import { checkUnit } from "./neuron-index.js";
import { noParams } from "./weightless.js";

/** RBF: broadcast difference, square, sum over the inputs (exact, and differentiable). */
export const rbf: LayerImpl<RBFSpec> = {
  kind: "rbf",

  validate(spec, inputShape) {
    const n = vectorLength(spec.name, inputShape);
    const fail = (message: string): never => {
      throw new SpecError(message, { layer: spec.name, attribute: "centers" });
    };
    const centers: unknown = spec.centers;
    if (!Array.isArray(centers) || centers.length === 0) {
      fail(`expected a non-empty array of centres (one per class), got ${JSON.stringify(centers)}`);
    }
    (centers as unknown[]).forEach((center, i) => {
      if (!Array.isArray(center) || center.length !== n) {
        fail(
          `centre ${i}: expected ${n} numbers (the input length), got ${Array.isArray(center) ? `${center.length} values` : JSON.stringify(center)}`,
        );
      }
      const j = (center as unknown[]).findIndex(
        (v) => typeof v !== "number" || !Number.isFinite(v),
      );
      if (j >= 0) {
        const v = (center as unknown[])[j];
        fail(
          `centre ${i}: expected finite numbers, got ${typeof v === "number" ? String(v) : JSON.stringify(v)} at index ${j}`,
        );
      }
    });
  },

  outputShape(spec) {
    return [spec.centers.length];
  },

  params: noParams,

  counts(spec, inputShape) {
    const links = vectorLength(spec.name, inputShape) * spec.centers.length;
    return { trainable: 0, nonTrainable: 0, connections: links, macs: links };
  },

  forward(spec, x) {
    return tf.tidy(() => {
      const centers = tf.tensor2d(spec.centers as number[][]);
      // [batch, 1, n] − [units, n] → [batch, units, n]
      const diff = tf.sub(tf.expandDims(x, 1), centers);
      return tf.sum(tf.square(diff), 2);
    });
  },

  window(): Window {
    // The input is a vector: its whole map is a single position.
    return { y0: 0, x0: 0, y1: 1, x1: 1 };
  },

  explain(spec, ctx, at): RBFExplanation {
    const n = vectorLength(spec.name, ctx.inputShape);
    const unit = at.channel;
    checkUnit(spec.name, at, spec.centers.length);
    const inputs = ctx.input.data.slice(0, n);
    const center = Float32Array.from(spec.centers[unit]);
    const squaredDifferences = new Float32Array(n);
    let output = 0;
    for (let j = 0; j < n; j++) {
      const d = inputs[j] - spec.centers[unit][j];
      squaredDifferences[j] = d * d;
      output += d * d;
    }
    return { type: "rbf", inputs, center, squaredDifferences, output };
  },
};
