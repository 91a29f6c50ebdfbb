import * as tf from "@tensorflow/tfjs-core";
import { describe, expect, it } from "vitest";
import { expectAllClose, expectNoLeaks, seededArray } from "../../../../test/helpers.js";
import { explainContext } from "../../../../test/layer-harness.js";
import { SpecError } from "../errors.js";
import type { DropoutSpec } from "../spec/types.js";
import { dropout } from "./dropout.js";
import type { ElementwiseExplanation } from "./layer.js";

const spec = (rate = 0.5): DropoutSpec => ({ name: "drop", kind: "dropout", rate });

describe("dropout", () => {
  it("dropout rate=0.5 at inference: x=[2,3,3,2] → the same values, a new tensor", async () => {
    await expectNoLeaks(async () => {
      const data = seededArray(36, 1);
      const x = tf.tensor4d(data, [2, 3, 3, 2]);
      const y = dropout.forward(spec(), x, {}, { training: false });
      expect(y.shape).toEqual([2, 3, 3, 2]);
      expectAllClose(await y.data(), data, { rtol: 0, atol: 0 });
      // Disposing the output must not free the input (no aliasing).
      y.dispose();
      expect(x.isDisposed).toBe(false);
      x.dispose();
    });
  });

  it("dropout rate=0.3 training on 20,000 ones: ≈30% zeros, survivors = 1/(1 − 0.3)", async () => {
    await expectNoLeaks(async () => {
      const n = 20_000;
      const x = tf.ones([1, n]);
      const y = dropout.forward(spec(0.3), x, {}, { training: true });
      const values = await y.data();
      tf.dispose([x, y]);
      let zeros = 0;
      for (const v of values) {
        if (v === 0) zeros++;
        else expect(v).toBeCloseTo(1 / 0.7, 5);
      }
      // Binomial(20000, 0.3): σ ≈ 65 zeros; allow ±6σ.
      expect(Math.abs(zeros / n - 0.3)).toBeLessThan(0.02);
    });
  });

  it("dropout rate=0 training → identity", async () => {
    await expectNoLeaks(async () => {
      const x = tf.tensor2d([[1, -2, 3]]);
      const y = dropout.forward(spec(0), x, {}, { training: true });
      expectAllClose(await y.data(), [1, -2, 3], { rtol: 0, atol: 0 });
      tf.dispose([x, y]);
    });
  });

  it("dropout keeps shape, has no params, counts zero", () => {
    expect(dropout.outputShape(spec(), [4096])).toEqual([4096]);
    expect(dropout.outputShape(spec(), [6, 6, 256])).toEqual([6, 6, 256]);
    expect(dropout.params(spec(), [4096])).toEqual([]);
    expect(dropout.counts(spec(), [4096])).toEqual({
      trainable: 0,
      nonTrainable: 0,
      connections: 0,
      macs: 0,
    });
    expect(dropout.window(spec(), [6, 6, 2], 2, 4)).toEqual({ y0: 2, x0: 4, y1: 3, x1: 5 });
  });

  it("dropout explain() unit 3 of [5] → identity, equals the forward output", async () => {
    await expectNoLeaks(async () => {
      const data = seededArray(5, 9);
      const x = tf.tensor2d(data, [1, 5]);
      const y = dropout.forward(spec(), x, {}, { training: false });
      const out = await y.data();
      tf.dispose([x, y]);
      const e = dropout.explain(spec(), explainContext(data, [5], [5]), {
        channel: 3,
        y: 0,
        x: 0,
      }) as ElementwiseExplanation;
      expect(e.output).toBe(out[3]);
      expect(e.formula).toMatch(/identity at inference/);
      expect(e.terms.rate).toBe(0.5);
      expect(e.inputs).toEqual([{ channel: 3, y: 0, x: 0, value: data[3], padded: false }]);
    });
  });

  it("dropout explain() at (y 1, x 2, c 1) of [3,4,2] reads input index (1·4 + 2)·2 + 1 = 13", () => {
    const data = Float32Array.from({ length: 24 }, (_, i) => i);
    const e = dropout.explain(spec(), explainContext(data, [3, 4, 2], [3, 4, 2]), {
      channel: 1,
      y: 1,
      x: 2,
    }) as ElementwiseExplanation;
    expect(e.output).toBe(13);
  });

  it.each([[-0.1], [1], [Number.NaN]])("dropout rate=%s → SpecError on attribute rate", (rate) => {
    expect(() => dropout.validate(spec(rate), [10])).toThrow(SpecError);
    expect(() => dropout.validate(spec(rate), [10])).toThrow(
      /layer "drop", attribute "rate": expected a number with 0 ≤ rate < 1/,
    );
  });
});
