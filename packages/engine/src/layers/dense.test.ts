import * as tf from "@tensorflow/tfjs-core";
import { describe, expect, it } from "vitest";
import { expectAllClose, expectNoLeaks, seededArray } from "../../../../test/helpers.js";
import { InputError, SpecError, WeightsError } from "../errors.js";
import type { ActivationName, DenseSpec } from "../spec/types.js";
import { dense } from "./dense.js";
import type { DenseExplanation } from "./layer.js";

const spec = (units: number, extra: Partial<DenseSpec> = {}): DenseSpec => ({
  name: "fc",
  kind: "dense",
  units,
  ...extra,
});

/** Plain-JS dense layer for one input vector: pre-activations x·W + b. */
function logitsOf(x: ArrayLike<number>, kernel: Float32Array, bias: Float32Array, units: number) {
  const out: number[] = [];
  for (let u = 0; u < units; u++) {
    let s = bias[u];
    for (let i = 0; i < x.length; i++) s += x[i] * kernel[i * units + u];
    out.push(s);
  }
  return out;
}

function explainCtx(x: Float32Array, kernel: Float32Array, bias: Float32Array, units: number) {
  return {
    input: { data: x, shape: [x.length] },
    inputShape: [x.length],
    outputShape: [units],
    weights: {
      kernel: { data: kernel, shape: [x.length, units] },
      bias: { data: bias, shape: [units] },
    },
  };
}

describe("dense", () => {
  it("dense x=[1,2], W=[[1,2,3],[4,5,6]], b=[0.5,−1,0] → [9.5, 11, 15] (by hand)", async () => {
    await expectNoLeaks(async () => {
      const x = tf.tensor2d([[1, 2]]);
      const w = {
        kernel: tf.tensor2d([
          [1, 2, 3],
          [4, 5, 6],
        ]),
        bias: tf.tensor1d([0.5, -1, 0]),
      };
      const y = dense.forward(spec(3), x, w, { training: false });
      expect(y.shape).toEqual([1, 3]);
      expectAllClose(await y.data(), [9.5, 11, 15]);
      tf.dispose([x, y, w.kernel, w.bias]);
    });
  });

  it("dense relu without bias: x=[1,−2], W=[[1,−1],[1,1]] → relu([−1, −3]) = [0, 0]", async () => {
    await expectNoLeaks(async () => {
      const x = tf.tensor2d([[1, -2]]);
      const kernel = tf.tensor2d([
        [1, -1],
        [1, 1],
      ]);
      const s = spec(2, { activation: "relu", useBias: false });
      const y = dense.forward(s, x, { kernel }, { training: false });
      expectAllClose(await y.data(), [0, 0]);
      tf.dispose([x, y, kernel]);
    });
  });

  it.each<[ActivationName, (a: number) => number]>([
    ["tanh", Math.tanh],
    ["scaled-tanh", (a) => 1.7159 * Math.tanh((2 / 3) * a)],
    ["sigmoid", (a) => 1 / (1 + Math.exp(-a))],
    ["linear", (a) => a],
  ])("dense %s batch=3, 5 → 4 matches the plain-JS loop", async (activation, f) => {
    await expectNoLeaks(async () => {
      const [b, n, units] = [3, 5, 4];
      const xs = seededArray(b * n, 1);
      const kernel = seededArray(n * units, 2);
      const bias = seededArray(units, 3);
      const x = tf.tensor2d(xs, [b, n]);
      const w = { kernel: tf.tensor2d(kernel, [n, units]), bias: tf.tensor1d(bias) };
      const y = dense.forward(spec(units, { activation }), x, w, { training: false });
      expect(y.shape).toEqual([b, units]);
      const expected: number[] = [];
      for (let i = 0; i < b; i++)
        expected.push(...logitsOf(xs.subarray(i * n, (i + 1) * n), kernel, bias, units).map(f));
      expectAllClose(await y.data(), expected);
      tf.dispose([x, y, w.kernel, w.bias]);
    });
  });

  it("dense softmax batch=2, 6 → 5: rows are softmax of the plain-JS logits and sum to 1", async () => {
    await expectNoLeaks(async () => {
      const [b, n, units] = [2, 6, 5];
      const xs = seededArray(b * n, 4, -2, 2);
      const kernel = seededArray(n * units, 5, -2, 2);
      const bias = seededArray(units, 6);
      const x = tf.tensor2d(xs, [b, n]);
      const w = { kernel: tf.tensor2d(kernel, [n, units]), bias: tf.tensor1d(bias) };
      const y = dense.forward(spec(units, { activation: "softmax" }), x, w, { training: false });
      const out = await y.data();
      tf.dispose([x, y, w.kernel, w.bias]);
      for (let i = 0; i < b; i++) {
        const z = logitsOf(xs.subarray(i * n, (i + 1) * n), kernel, bias, units);
        const e = z.map((v) => Math.exp(v));
        const total = e.reduce((s, v) => s + v, 0);
        const row = Array.from(out.subarray(i * units, (i + 1) * units));
        expectAllClose(
          row,
          e.map((v) => v / total),
        );
        expect(row.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 5);
      }
    });
  });

  it("dense output shape [units]", () => {
    expect(dense.outputShape(spec(84), [120])).toEqual([84]);
  });

  it("LeNet F6 120 → 84: 10,164 params, 10,164 connections, 10,080 macs", () => {
    expect(dense.counts(spec(84), [120])).toEqual({
      trainable: 10_164,
      nonTrainable: 0,
      connections: 10_164,
      macs: 10_080,
    });
  });

  it("AlexNet fc6 9216 → 4096: 37,752,832 params, 37,748,736 macs", () => {
    const c = dense.counts(spec(4096), [9216]);
    expect(c.trainable).toBe(37_752_832);
    expect(c.macs).toBe(37_748_736);
    expect(c.connections).toBe(9217 * 4096);
  });

  it("AlexNet fc7 4096 → 4096: 16,781,312 params, 16,777,216 macs", () => {
    const c = dense.counts(spec(4096), [4096]);
    expect([c.trainable, c.macs]).toEqual([16_781_312, 16_777_216]);
  });

  it("AlexNet fc8 4096 → 1000: 4,097,000 params, 4,096,000 macs", () => {
    const c = dense.counts(spec(1000), [4096]);
    expect([c.trainable, c.macs]).toEqual([4_097_000, 4_096_000]);
  });

  it("Keras LeNet output 84 → 10 softmax: 850 params", () => {
    expect(dense.counts(spec(10, { activation: "softmax" }), [84]).trainable).toBe(850);
  });

  it("dense useBias=false 120 → 84: 10,080 params and connections, no bias param", () => {
    const s = spec(84, { useBias: false });
    expect(dense.counts(s, [120])).toEqual({
      trainable: 10_080,
      nonTrainable: 0,
      connections: 10_080,
      macs: 10_080,
    });
    expect(dense.params(s, [120]).map((p) => p.name)).toEqual(["kernel"]);
  });

  it("dense params: kernel [in, out] glorot-uniform (fan 120/84), bias [out] zeros; overrides kept", () => {
    expect(dense.params(spec(84), [120])).toEqual([
      {
        name: "kernel",
        shape: [120, 84],
        trainable: true,
        initializer: "glorot-uniform",
        fanIn: 120,
        fanOut: 84,
      },
      { name: "bias", shape: [84], trainable: true, initializer: "zeros", fanIn: 120, fanOut: 84 },
    ]);
    const custom = dense.params(
      spec(2, {
        kernelInitializer: "he-normal",
        biasInitializer: { kind: "constant", value: 0.1 },
      }),
      [3],
    );
    expect(custom.map((p) => p.initializer)).toEqual([
      "he-normal",
      { kind: "constant", value: 0.1 },
    ]);
  });

  it("dense window is the whole input (a vector: its single position)", () => {
    expect(dense.window(spec(84), [120], 0, 0)).toEqual({ y0: 0, x0: 0, y1: 1, x1: 1 });
  });

  it("dense explain() x=[1,2], W=[[1,2,3],[4,5,6]], b=[0.5,−1,0], unit 1 → 2 + 10 − 1 = 11", () => {
    const e = dense.explain(
      spec(3),
      explainCtx(
        new Float32Array([1, 2]),
        new Float32Array([1, 2, 3, 4, 5, 6]),
        new Float32Array([0.5, -1, 0]),
        3,
      ),
      { channel: 1, y: 0, x: 0 },
    ) as DenseExplanation;
    expect(e.type).toBe("dense");
    expect([...e.inputs]).toEqual([1, 2]);
    expect([...e.weights]).toEqual([2, 5]);
    expect(e.top).toEqual([
      { index: 1, input: 2, weight: 5, product: 10 },
      { index: 0, input: 1, weight: 2, product: 2 },
    ]);
    expect([e.sum, e.bias, e.preActivation, e.output]).toEqual([12, -1, 11, 11]);
    expect(e.activation).toBe("linear");
    expect(e.logits).toBeUndefined();
  });

  it("dense tanh 30 → 7 explain() at every unit: output = forward (1e-5), top 10 by |product|", async () => {
    await expectNoLeaks(async () => {
      const [n, units] = [30, 7];
      const xs = seededArray(n, 11);
      const kernel = seededArray(n * units, 12);
      const bias = seededArray(units, 13);
      const x = tf.tensor2d(xs, [1, n]);
      const w = { kernel: tf.tensor2d(kernel, [n, units]), bias: tf.tensor1d(bias) };
      const s = spec(units, { activation: "tanh" });
      const y = dense.forward(s, x, w, { training: false });
      const out = await y.data();
      tf.dispose([x, y, w.kernel, w.bias]);
      for (let u = 0; u < units; u++) {
        const e = dense.explain(s, explainCtx(xs, kernel, bias, units), {
          channel: u,
          y: 0,
          x: 0,
        }) as DenseExplanation;
        expectAllClose([e.output], [out[u]]);
        const products = Array.from({ length: n }, (_, i) => xs[i] * kernel[i * units + u]);
        expect(e.sum).toBeCloseTo(
          products.reduce((a, b) => a + b, 0),
          10,
        );
        expect(e.preActivation).toBeCloseTo(e.sum + bias[u], 12);
        expect(e.top).toHaveLength(10);
        const sorted = [...products].sort((a, b) => Math.abs(b) - Math.abs(a)).slice(0, 10);
        expect(e.top.map((t) => t.product)).toEqual(sorted);
        for (const t of e.top) expect(t.weight).toBe(kernel[t.index * units + u]);
      }
    });
  });

  it("dense softmax explain(): logits of all units, output = softmax(logits)[unit] = forward", async () => {
    await expectNoLeaks(async () => {
      const [n, units] = [12, 10];
      const xs = seededArray(n, 21, -3, 3);
      const kernel = seededArray(n * units, 22);
      const bias = seededArray(units, 23);
      const x = tf.tensor2d(xs, [1, n]);
      const w = { kernel: tf.tensor2d(kernel, [n, units]), bias: tf.tensor1d(bias) };
      const s = spec(units, { activation: "softmax" });
      const y = dense.forward(s, x, w, { training: false });
      const out = await y.data();
      tf.dispose([x, y, w.kernel, w.bias]);
      const z = logitsOf(xs, kernel, bias, units);
      for (const u of [0, 4, 9]) {
        const e = dense.explain(s, explainCtx(xs, kernel, bias, units), {
          channel: u,
          y: 0,
          x: 0,
        }) as DenseExplanation;
        expect(e.logits).toBeDefined();
        expectAllClose(e.logits!, z);
        expectAllClose([e.output], [out[u]]);
        expect(e.preActivation).toBeCloseTo(z[u], 6);
      }
    });
  });

  it("dense explain() from unit 1's kernel column alone (explainSlice) = by hand 2 + 10 − 1 = 11", () => {
    expect(dense.explainSlice!(spec(3), "kernel", [2], { channel: 1, y: 0, x: 0 })).toEqual({
      begin: [0, 1],
      size: [2, 1],
    });
    expect(dense.explainSlice!(spec(3), "bias", [2], { channel: 1, y: 0, x: 0 })).toBeUndefined();
    const softmax = spec(3, { activation: "softmax" });
    expect(dense.explainSlice!(softmax, "kernel", [2], { channel: 1, y: 0, x: 0 })).toBeUndefined();
    const ctx = explainCtx(
      new Float32Array([1, 2]),
      new Float32Array([2, 5]), // W[:, 1] of [[1,2,3],[4,5,6]]
      new Float32Array([0.5, -1, 0]),
      3,
    );
    const sliced = {
      ...ctx,
      weights: {
        ...ctx.weights,
        kernel: { data: ctx.weights.kernel.data, shape: [2, 1], begin: [0, 1] },
      },
    };
    const e = dense.explain(spec(3), sliced, { channel: 1, y: 0, x: 0 });
    expect([...e.weights]).toEqual([2, 5]);
    expect(e.sum).toBe(12);
    expect(e.output).toBe(11);
    // The column of another unit is refused, not misread.
    expect(() => dense.explain(spec(3), sliced, { channel: 2, y: 0, x: 0 })).toThrow(
      /fc\/kernel.*expected 6 values, got 2/,
    );
  });

  it("dense explain() unit 3 of 3 → InputError", () => {
    const ctx = explainCtx(new Float32Array(2), new Float32Array(6), new Float32Array(3), 3);
    expect(() => dense.explain(spec(3), ctx, { channel: 3, y: 0, x: 0 })).toThrow(InputError);
  });

  it("dense on a feature map [6,6,256] → SpecError naming the layer: add a flatten layer", () => {
    let err: unknown;
    try {
      dense.validate(spec(4096), [6, 6, 256]);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(SpecError);
    expect((err as SpecError).layer).toBe("fc");
    expect((err as SpecError).message).toMatch(
      /expects a vector.*got shape \[6, 6, 256\].*add a flatten layer/,
    );
  });

  it.each([
    ["units", { units: 0 }, /expected a positive integer, got 0/],
    ["units", { units: 2.5 }, /expected a positive integer, got 2\.5/],
    ["activation", { activation: "gelu" }, /expected linear, relu.*got "gelu"/],
    ["useBias", { useBias: "yes" }, /expected true or false, got "yes"/],
  ])("dense bad %s → SpecError naming layer and attribute", (attribute, patch, message) => {
    const bad = { ...spec(3), ...patch } as DenseSpec;
    expect(() => dense.validate(bad, [5])).toThrow(
      new RegExp(`layer "fc", attribute "${attribute}"`),
    );
    expect(() => dense.validate(bad, [5])).toThrow(message);
  });

  it("dense forward without a kernel → WeightsError naming fc/kernel", () => {
    const x = tf.zeros([1, 2]);
    expect(() => dense.forward(spec(3), x, {}, { training: false })).toThrow(WeightsError);
    expect(() => dense.forward(spec(3), x, {}, { training: false })).toThrow(/weight "fc\/kernel"/);
    x.dispose();
  });
});
