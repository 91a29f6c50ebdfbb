import * as tf from "@tensorflow/tfjs-core";
import { describe, expect, it } from "vitest";
import { expectNoLeaks } from "../../../../test/helpers.js";
import { ensureGradients } from "./backend-check.js";
import { rbfMapLoss, softmaxCrossEntropy } from "./losses.js";

const logSumExp = (xs: number[]) => {
  const m = Math.max(...xs);
  return m + Math.log(xs.reduce((s, x) => s + Math.exp(x - m), 0));
};

describe("losses", () => {
  it("softmaxCrossEntropy [[0,0]], target 0 → log 2; [[1,2,3]], target 2 → lse − 3", async () => {
    await expectNoLeaks(async () => {
      const [a, b] = tf.tidy(() => [
        softmaxCrossEntropy(tf.tensor2d([[0, 0]]), tf.tensor2d([[1, 0]])),
        softmaxCrossEntropy(tf.tensor2d([[1, 2, 3]]), tf.tensor2d([[0, 0, 1]])),
      ]);
      expect((await a.data())[0]).toBeCloseTo(Math.log(2), 6);
      expect((await b.data())[0]).toBeCloseTo(logSumExp([1, 2, 3]) - 3, 6);
      tf.dispose([a, b]);
    });
  });

  it("softmaxCrossEntropy averages over the batch and is stable for logits of 1000", async () => {
    await expectNoLeaks(async () => {
      const loss = tf.tidy(() =>
        softmaxCrossEntropy(
          tf.tensor2d([
            [1000, 0],
            [0, 0],
          ]),
          tf.tensor2d([
            [1, 0],
            [0, 1],
          ]),
        ),
      );
      // sample 1: ≈ 0; sample 2: log 2
      expect((await loss.data())[0]).toBeCloseTo(Math.log(2) / 2, 6);
      loss.dispose();
    });
  });

  it("rbfMapLoss j=∞, y = [1, 3], D = 0 → 1 + log(e⁻¹ + e⁻³)", async () => {
    await expectNoLeaks(async () => {
      const loss = tf.tidy(() =>
        rbfMapLoss(tf.tensor2d([[1, 3]]), tf.tensor2d([[1, 0]]), Infinity),
      );
      expect((await loss.data())[0]).toBeCloseTo(1 + logSumExp([-1, -3]), 6);
      loss.dispose();
    });
  });

  it("rbfMapLoss j=2, y = [[1, 3], [40, 50]], D = [1, 0] → mean of y_D + log(e⁻ʲ + Σ e^−y)", async () => {
    await expectNoLeaks(async () => {
      const loss = tf.tidy(() =>
        rbfMapLoss(
          tf.tensor2d([
            [1, 3],
            [40, 50],
          ]),
          tf.tensor2d([
            [0, 1],
            [1, 0],
          ]),
          2,
        ),
      );
      const e1 = 3 + logSumExp([-2, -1, -3]);
      const e2 = 40 + logSumExp([-2, -40, -50]); // ≈ 40 − 2: the rubbish term dominates
      expect((await loss.data())[0]).toBeCloseTo((e1 + e2) / 2, 5);
      loss.dispose();
    });
  });

  it("rbfMapLoss gradient with j=∞: ∂E/∂y_i = [i = D] − softmax(−y)_i", async () => {
    await ensureGradients();
    await expectNoLeaks(async () => {
      const y = tf.tensor2d([[1, 2, 4]]);
      const t = tf.tensor2d([[0, 1, 0]]);
      const g = tf.grad((v: tf.Tensor) => rbfMapLoss(v, t, Infinity))(y);
      const e = [-1, -2, -4].map(Math.exp);
      const z = e.reduce((a, b) => a + b, 0);
      const expected = [0 - e[0] / z, 1 - e[1] / z, 0 - e[2] / z];
      const got = Array.from(await g.data());
      got.forEach((v, i) => expect(v).toBeCloseTo(expected[i], 6));
      tf.dispose([y, t, g]);
    });
  });
});
