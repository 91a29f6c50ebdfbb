import * as tf from "@tensorflow/tfjs-core";
import { describe, expect, it } from "vitest";
import { expectAllClose, expectNoLeaks, seededArray } from "../../../../test/helpers.js";
import { explainContext, randomNeurons } from "../../../../test/layer-harness.js";
import { InputError, SpecError } from "../errors.js";
import type { BatchNormSpec } from "../spec/types.js";
import { batchNorm } from "./batch-norm.js";
import type { ElementwiseExplanation } from "./layer.js";

const spec = (extra: Partial<BatchNormSpec> = {}): BatchNormSpec => ({
  name: "bn",
  kind: "batch-norm",
  ...extra,
});

/** Plain-JS reference: γ·(x − μ)/√(σ² + ε) + β over the last axis. */
function reference(
  x: Float32Array,
  c: number,
  w: { gamma: Float32Array; beta: Float32Array; mean: Float32Array; variance: Float32Array },
  eps: number,
): Float64Array {
  const out = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) {
    const k = i % c;
    out[i] = (w.gamma[k] * (x[i] - w.mean[k])) / Math.sqrt(w.variance[k] + eps) + w.beta[k];
  }
  return out;
}

function weightsOf(c: number, seed: number) {
  return {
    gamma: seededArray(c, seed, 0.5, 2),
    beta: seededArray(c, seed + 1, -1, 1),
    mean: seededArray(c, seed + 2, -0.5, 0.5),
    variance: seededArray(c, seed + 3, 0.1, 3),
  };
}

function tensors(w: ReturnType<typeof weightsOf>) {
  return {
    gamma: tf.tensor1d(w.gamma),
    beta: tf.tensor1d(w.beta),
    moving_mean: tf.tensor1d(w.mean),
    moving_variance: tf.tensor1d(w.variance),
  };
}

describe("batch-norm", () => {
  it("bn x=5, γ=3, β=0.5, μ=1, σ²=3.999, default ε=0.001 → 3·4/2 + 0.5 = 6.5", async () => {
    await expectNoLeaks(async () => {
      const w = {
        gamma: tf.tensor1d([3]),
        beta: tf.tensor1d([0.5]),
        moving_mean: tf.tensor1d([1]),
        moving_variance: tf.tensor1d([3.999]),
      };
      const x = tf.tensor2d([[5]]);
      const y = batchNorm.forward(spec(), x, w, { training: false });
      expect(y.shape).toEqual([1, 1]);
      expectAllClose(await y.data(), [6.5]);
      tf.dispose([x, y, ...Object.values(w)]);
    });
  });

  it("bn x=[2,3,3,4] inference matches the formula per channel (plain-JS loop)", async () => {
    await expectNoLeaks(async () => {
      const c = 4;
      const data = seededArray(2 * 3 * 3 * c, 7, -3, 3);
      const w = weightsOf(c, 11);
      const wt = tensors(w);
      const x = tf.tensor4d(data, [2, 3, 3, c]);
      const y = batchNorm.forward(spec({ epsilon: 0.01 }), x, wt, { training: false });
      expect(y.shape).toEqual([2, 3, 3, c]);
      expectAllClose(await y.data(), reference(data, c, w, 0.01));
      tf.dispose([x, y, ...Object.values(wt)]);
    });
  });

  it("bn training normalises with the batch's moments (biased variance), not the moving ones", async () => {
    await expectNoLeaks(async () => {
      const c = 3;
      const n = 5;
      const data = seededArray(n * c, 3, -2, 4);
      const w = weightsOf(c, 21);
      // Batch moments per channel, computed by hand.
      const mean = new Float32Array(c);
      const variance = new Float32Array(c);
      for (let k = 0; k < c; k++) {
        let s = 0;
        for (let i = 0; i < n; i++) s += data[i * c + k];
        mean[k] = s / n;
        let v = 0;
        for (let i = 0; i < n; i++) v += (data[i * c + k] - mean[k]) ** 2;
        variance[k] = v / n;
      }
      const wt = tensors(w);
      const x = tf.tensor2d(data, [n, c]);
      const y = batchNorm.forward(spec(), x, wt, { training: true });
      expectAllClose(await y.data(), reference(data, c, { ...w, mean, variance }, 0.001), {
        rtol: 1e-4,
        atol: 1e-5,
      });
      tf.dispose([x, y, ...Object.values(wt)]);
    });
  });

  it("bn [h,w,c] and [n] inputs keep their shape", () => {
    expect(batchNorm.outputShape(spec(), [27, 27, 96])).toEqual([27, 27, 96]);
    expect(batchNorm.outputShape(spec(), [84])).toEqual([84]);
  });

  it("bn on 96 channels: γ, β trainable (ones/zeros), moving mean/variance not (zeros/ones)", () => {
    const params = batchNorm.params(spec(), [27, 27, 96]);
    expect(params.map((p) => [p.name, p.shape, p.trainable, p.initializer])).toEqual([
      ["gamma", [96], true, "ones"],
      ["beta", [96], true, "zeros"],
      ["moving_mean", [96], false, "zeros"],
      ["moving_variance", [96], false, "ones"],
    ]);
    expect(batchNorm.counts(spec(), [27, 27, 96])).toEqual({
      trainable: 192,
      nonTrainable: 192,
      connections: 0,
      macs: 0,
    });
  });

  it("Keras AlexNet's three BN layers (96, 256, 256 channels) → 1,216 non-trainable params", () => {
    const shapes = [
      [27, 27, 96],
      [13, 13, 256],
      [6, 6, 256],
    ];
    const total = shapes.reduce((s, shape) => s + batchNorm.counts(spec(), shape).nonTrainable, 0);
    expect(total).toBe(1216);
  });

  it("bn window of (y, x) is the single input position", () => {
    expect(batchNorm.window(spec(), [5, 5, 2], 3, 1)).toEqual({ y0: 3, x0: 1, y1: 4, x1: 2 });
  });

  it("bn explain() equals the tfjs forward output at random positions (1e-5 relative)", async () => {
    await expectNoLeaks(async () => {
      const [h, wd, c] = [4, 5, 3];
      const data = seededArray(h * wd * c, 31, -3, 3);
      const w = weightsOf(c, 41);
      const wt = tensors(w);
      const x = tf.tensor4d(data, [1, h, wd, c]);
      const y = batchNorm.forward(spec(), x, wt, { training: false });
      const out = await y.data();
      tf.dispose([x, y, ...Object.values(wt)]);
      for (const at of randomNeurons(8, 5, [h, wd, c])) {
        const e = batchNorm.explain(
          spec(),
          explainContext(data, [h, wd, c], [h, wd, c], {
            gamma: { data: w.gamma, shape: [c] },
            beta: { data: w.beta, shape: [c] },
            moving_mean: { data: w.mean, shape: [c] },
            moving_variance: { data: w.variance, shape: [c] },
          }),
          at,
        ) as ElementwiseExplanation;
        const expected = out[(at.y * wd + at.x) * c + at.channel];
        expectAllClose([e.output], [expected]);
        expect(e.type).toBe("elementwise");
        expect(Object.keys(e.terms)).toEqual(expect.arrayContaining(["γ", "β", "μ", "σ²", "ε"]));
        expect(e.terms["γ"]).toBe(w.gamma[at.channel]);
        expect(e.terms["ε"]).toBe(0.001);
        expect(e.inputs).toEqual([
          {
            channel: at.channel,
            y: at.y,
            x: at.x,
            value: data[(at.y * wd + at.x) * c + at.channel],
            padded: false,
          },
        ]);
      }
    });
  });

  it("bn explain() outside the output → InputError", () => {
    const ones = { data: new Float32Array([1, 1]), shape: [2] };
    const ctx = explainContext(new Float32Array(8), [2, 2, 2], [2, 2, 2], {
      gamma: ones,
      beta: ones,
      moving_mean: ones,
      moving_variance: ones,
    });
    expect(() => batchNorm.explain(spec(), ctx, { channel: 2, y: 0, x: 0 })).toThrow(InputError);
  });

  it("bn epsilon 0 → SpecError naming layer and attribute", () => {
    expect(() => batchNorm.validate(spec({ epsilon: 0 }), [4, 4, 2])).toThrow(
      /layer "bn", attribute "epsilon": expected a positive number, got 0/,
    );
  });

  it("bn momentum 1.5 → SpecError naming the attribute", () => {
    expect(() => batchNorm.validate(spec({ momentum: 1.5 }), [4, 4, 2])).toThrow(
      /attribute "momentum".*got 1\.5/,
    );
  });

  it("bn input [4, 4] (neither map nor vector) → SpecError", () => {
    const err = (() => {
      try {
        batchNorm.validate(spec(), [4, 4]);
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(SpecError);
    expect((err as SpecError).layer).toBe("bn");
    expect((err as SpecError).message).toMatch(/got shape \[4, 4\]/);
  });

  it("bn forward without its weights → WeightsError naming the tensor", () => {
    const x = tf.zeros([1, 2]);
    expect(() => batchNorm.forward(spec(), x, {}, { training: false })).toThrow(
      /weight "bn\/gamma"/,
    );
    x.dispose();
  });
});
