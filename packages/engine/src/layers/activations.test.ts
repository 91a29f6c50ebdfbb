import * as tf from "@tensorflow/tfjs-core";
import { describe, expect, it } from "vitest";
import { expectAllClose, expectNoLeaks, seededArray } from "../../../../test/helpers.js";
import type { ActivationName } from "../spec/types.js";
import {
  ACTIVATIONS,
  SCALED_TANH_A,
  SCALED_TANH_S,
  activate,
  activateScalar,
  activationFormula,
  isActivation,
  softmaxAt,
} from "./activations.js";

/** Plain-JS references of the element-wise activations. */
const REFERENCE: Record<Exclude<ActivationName, "softmax">, (a: number) => number> = {
  linear: (a) => a,
  relu: (a) => Math.max(0, a),
  tanh: (a) => Math.tanh(a),
  "scaled-tanh": (a) => 1.7159 * Math.tanh((2 / 3) * a),
  sigmoid: (a) => 1 / (1 + Math.exp(-a)),
};
const ELEMENTWISE = Object.keys(REFERENCE) as (keyof typeof REFERENCE)[];

describe("activations", () => {
  it("ACTIVATIONS lists the six names; isActivation accepts them and rejects others", () => {
    expect([...ACTIVATIONS].sort()).toEqual(
      ["linear", "relu", "scaled-tanh", "sigmoid", "softmax", "tanh"].sort(),
    );
    for (const name of ACTIVATIONS) expect(isActivation(name)).toBe(true);
    for (const bad of ["gelu", "ReLU", "", 3, undefined, null])
      expect(isActivation(bad)).toBe(false);
  });

  it("LeCun's constants: A = 1.7159, S = 2/3, so that f(1) ≈ 1 and f(−1) ≈ −1", () => {
    expect(SCALED_TANH_A).toBe(1.7159);
    expect(SCALED_TANH_S).toBe(2 / 3);
    expect(activateScalar(1, "scaled-tanh")).toBeCloseTo(1, 4);
    expect(activateScalar(-1, "scaled-tanh")).toBeCloseTo(-1, 4);
  });

  it("activate relu [−1, 0, 2.5] → [0, 0, 2.5]; sigmoid 0 → 0.5; tanh 0.5 → 0.46212", async () => {
    await expectNoLeaks(async () => {
      const x = tf.tensor1d([-1, 0, 2.5]);
      const r = activate(x, "relu");
      expectAllClose(await r.data(), [0, 0, 2.5]);
      const zero = tf.scalar(0);
      const half = tf.scalar(0.5);
      const s = activate(zero, "sigmoid");
      expectAllClose(await s.data(), [0.5]);
      const t = activate(half, "tanh");
      expectAllClose(await t.data(), [0.46211716]);
      tf.dispose([x, r, zero, half, s, t]);
    });
  });

  it.each(ELEMENTWISE)("activate %s on 200 values matches the plain-JS formula", async (name) => {
    await expectNoLeaks(async () => {
      const data = seededArray(200, 42, -6, 6);
      const x = tf.tensor2d(data, [10, 20]);
      const y = activate(x, name);
      expect(y.shape).toEqual([10, 20]);
      expectAllClose(await y.data(), Array.from(data, REFERENCE[name]), { rtol: 1e-5, atol: 1e-6 });
      tf.dispose([x, y]);
    });
  });

  it.each(ELEMENTWISE)("activateScalar %s matches the plain-JS formula", (name) => {
    for (const a of [-20, -2.5, -1, -0.1, 0, 0.3, 1, 4, 30]) {
      expect(activateScalar(a, name)).toBeCloseTo(REFERENCE[name](a), 12);
    }
  });

  it("activate linear returns a new tensor (disposing it keeps the input)", async () => {
    await expectNoLeaks(async () => {
      const x = tf.tensor1d([1, -2]);
      const y = activate(x, "linear");
      expect(y).not.toBe(x);
      y.dispose();
      expect(x.isDisposed).toBe(false);
      expectAllClose(await x.data(), [1, -2]);
      x.dispose();
    });
  });

  it("activation defaults to linear (tensor and scalar)", async () => {
    await expectNoLeaks(async () => {
      const x = tf.tensor1d([-3, 3]);
      const y = activate(x);
      expectAllClose(await y.data(), [-3, 3]);
      tf.dispose([x, y]);
    });
    expect(activateScalar(-3)).toBe(-3);
    expect(activationFormula()).toBe("a");
  });

  it("activate softmax on [2,3] runs over the last axis: [0, 0, ln 2] → [0.25, 0.25, 0.5]", async () => {
    await expectNoLeaks(async () => {
      const x = tf.tensor2d([
        [0, 0, Math.log(2)],
        [1, 1, 1],
      ]);
      const y = activate(x, "softmax");
      expectAllClose(await y.data(), [0.25, 0.25, 0.5, 1 / 3, 1 / 3, 1 / 3]);
      tf.dispose([x, y]);
    });
  });

  it("activateScalar softmax throws: it needs every logit", () => {
    expect(() => activateScalar(1, "softmax")).toThrow(/softmaxAt/);
  });

  it("softmaxAt [1, 2, 3] → e^i / (e + e² + e³), summing to 1", () => {
    const total = Math.E + Math.E ** 2 + Math.E ** 3;
    const p = [0, 1, 2].map((i) => softmaxAt([1, 2, 3], i));
    expectAllClose(p, [Math.E / total, Math.E ** 2 / total, Math.E ** 3 / total], {
      rtol: 1e-12,
      atol: 0,
    });
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  it("softmaxAt is stable for large logits: [1000, 1001] → [1/(1+e), e/(1+e)]", () => {
    expect(softmaxAt([1000, 1001], 0)).toBeCloseTo(1 / (1 + Math.E), 12);
    expect(softmaxAt(new Float32Array([1000, 1001]), 1)).toBeCloseTo(Math.E / (1 + Math.E), 12);
    expect(softmaxAt([-1000, -1001], 0)).toBeCloseTo(Math.E / (1 + Math.E), 12);
  });

  it("activationFormula gives a formula for each activation", () => {
    expect(Object.fromEntries(ACTIVATIONS.map((a) => [a, activationFormula(a)]))).toEqual({
      linear: "a",
      relu: "max(0, a)",
      tanh: "tanh(a)",
      "scaled-tanh": "1.7159·tanh(2a/3)",
      sigmoid: "1 / (1 + e^(−a))",
      softmax: "e^(a_i) / Σ_j e^(a_j)",
    });
  });
});
