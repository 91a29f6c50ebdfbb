import "@tensorflow/tfjs-core/dist/register_all_gradients";
import * as tf from "@tensorflow/tfjs-core";
import { describe, expect, it } from "vitest";
import { expectAllClose, expectNoLeaks, seededArray } from "../../../../test/helpers.js";
import { explainContext } from "../../../../test/layer-harness.js";
import { InputError, SpecError } from "../errors.js";
import type { RBFSpec } from "../spec/types.js";
import type { RBFExplanation } from "./layer.js";
import { rbf } from "./rbf.js";

const spec = (centers: number[][]): RBFSpec => ({ name: "out", kind: "rbf", centers });

/** Ten ±1 codes of length 84 (a stand-in for LeNet's 7×12 bitmaps). */
function codes(units: number, n: number, seed: number): number[][] {
  const r = seededArray(units * n, seed, 0, 1);
  return Array.from({ length: units }, (_, i) =>
    Array.from({ length: n }, (_, j) => (r[i * n + j] < 0.5 ? -1 : 1)),
  );
}

/** Plain-JS RBF: y_i = Σ_j (x_j − w_ij)². */
function distances(x: ArrayLike<number>, centers: number[][]): number[] {
  return centers.map((w) => w.reduce((s, wj, j) => s + (x[j] - wj) ** 2, 0));
}

describe("rbf", () => {
  it("rbf x=[1,−1,0.5], centres [1,1,1] and [−1,−1,−1] → [0+4+0.25, 4+0+2.25] = [4.25, 6.25]", async () => {
    await expectNoLeaks(async () => {
      const s = spec([
        [1, 1, 1],
        [-1, -1, -1],
      ]);
      const x = tf.tensor2d([[1, -1, 0.5]]);
      const y = rbf.forward(s, x, {}, { training: false });
      expect(y.shape).toEqual([1, 2]);
      expectAllClose(await y.data(), [4.25, 6.25]);
      tf.dispose([x, y]);
    });
  });

  it("rbf LeNet-sized 84 → 10 with ±1 codes, batch=3, matches the plain-JS loop", async () => {
    await expectNoLeaks(async () => {
      const centers = codes(10, 84, 1);
      const xs = seededArray(3 * 84, 2, -1.7, 1.7);
      const x = tf.tensor2d(xs, [3, 84]);
      const y = rbf.forward(spec(centers), x, {}, { training: false });
      expect(y.shape).toEqual([3, 10]);
      const expected = [0, 1, 2].flatMap((b) =>
        distances(xs.subarray(b * 84, (b + 1) * 84), centers),
      );
      expectAllClose(await y.data(), expected);
      tf.dispose([x, y]);
    });
  });

  it("rbf is exact near a far centre: x=[1000.5, 1000.25], w=[1000, 1000] → 0.3125", async () => {
    // |x|² − 2x·w + |w|² would cancel ~2·10⁶ down to 0.3125 in float32 and lose it.
    await expectNoLeaks(async () => {
      const x = tf.tensor2d([[1000.5, 1000.25]]);
      const y = rbf.forward(spec([[1000, 1000]]), x, {}, { training: false });
      expect((await y.data())[0]).toBe(0.3125);
      tf.dispose([x, y]);
    });
  });

  it("rbf is differentiable: ∂(Σ_i y_i)/∂x_j = Σ_i 2(x_j − w_ij)", async () => {
    await expectNoLeaks(async () => {
      const centers = [
        [1, -1],
        [0.5, 2],
      ];
      const xs = [0.25, 0.75];
      const x = tf.tensor2d([xs]);
      const g = tf.grad((v: tf.Tensor) =>
        tf.sum(rbf.forward(spec(centers), v, {}, { training: false })),
      )(x);
      const expected = xs.map((xj, j) => centers.reduce((s, w) => s + 2 * (xj - w[j]), 0));
      expectAllClose(await g.data(), expected);
      tf.dispose([x, g]);
    });
  });

  it("LeNet output 84 × 10: 0 params, 840 connections, 840 macs, output [10]", () => {
    const s = spec(codes(10, 84, 3));
    expect(rbf.params(s, [84])).toEqual([]);
    expect(rbf.counts(s, [84])).toEqual({
      trainable: 0,
      nonTrainable: 0,
      connections: 840,
      macs: 840,
    });
    expect(rbf.outputShape(s, [84])).toEqual([10]);
    expect(rbf.window(s, [84], 0, 0)).toEqual({ y0: 0, x0: 0, y1: 1, x1: 1 });
  });

  it("rbf explain() x=[1,−1,0.5], unit 1 → squared differences [4, 0, 2.25], output 6.25", () => {
    const s = spec([
      [1, 1, 1],
      [-1, -1, -1],
    ]);
    const e = rbf.explain(
      s,
      {
        input: { data: new Float32Array([1, -1, 0.5]), shape: [3] },
        inputShape: [3],
        outputShape: [2],
        weights: {},
      },
      { channel: 1, y: 0, x: 0 },
    ) as RBFExplanation;
    expect(e.type).toBe("rbf");
    expect([...e.inputs]).toEqual([1, -1, 0.5]);
    expect([...e.center]).toEqual([-1, -1, -1]);
    expect([...e.squaredDifferences]).toEqual([4, 0, 2.25]);
    expect(e.output).toBe(6.25);
  });

  it("rbf explain() at every unit of 84 → 10 equals the tfjs forward output (1e-5)", async () => {
    await expectNoLeaks(async () => {
      const centers = codes(10, 84, 5);
      const s = spec(centers);
      const xs = seededArray(84, 6, -1.7, 1.7);
      const x = tf.tensor2d(xs, [1, 84]);
      const y = rbf.forward(s, x, {}, { training: false });
      const out = await y.data();
      tf.dispose([x, y]);
      for (let u = 0; u < 10; u++) {
        const e = rbf.explain(s, explainContext(xs, [84], [10]), {
          channel: u,
          y: 0,
          x: 0,
        }) as RBFExplanation;
        expectAllClose([e.output], [out[u]]);
      }
    });
  });

  it("rbf explain() unit 2 of 2 → InputError", () => {
    const ctx = explainContext(new Float32Array(1), [1], [2]);
    expect(() => rbf.explain(spec([[0], [1]]), ctx, { channel: 2, y: 0, x: 0 })).toThrow(
      InputError,
    );
  });

  it.each([
    ["no centres", [], /expected a non-empty array of centres/],
    [
      "a short centre",
      [
        [1, 1, 1],
        [1, 1],
      ],
      /centre 1: expected 3 numbers \(the input length\), got 2 values/,
    ],
    ["NaN", [[1, Number.NaN, 1]], /centre 0: expected finite numbers, got NaN at index 1/],
    ["Infinity", [[1, 1, Infinity]], /centre 0: expected finite numbers/],
    ["not an array", [5], /centre 0: expected 3 numbers/],
  ])("rbf with %s → SpecError naming layer and attribute centers", (_case, centers, message) => {
    const s = spec(centers as number[][]);
    expect(() => rbf.validate(s, [3])).toThrow(SpecError);
    expect(() => rbf.validate(s, [3])).toThrow(/layer "out", attribute "centers"/);
    expect(() => rbf.validate(s, [3])).toThrow(message);
  });

  it("rbf on a feature map [5,5,16] → SpecError: add a flatten layer", () => {
    expect(() => rbf.validate(spec([[1]]), [5, 5, 16])).toThrow(
      /layer "out".*expects a vector.*\[5, 5, 16\].*add a flatten layer/,
    );
  });
});
