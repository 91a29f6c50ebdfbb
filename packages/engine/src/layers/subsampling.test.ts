import { describe, expect, it } from "vitest";
import { expectSpecError } from "../../../../test/expect-spec-error.js";
import { expectAllClose, seededArray } from "../../../../test/helpers.js";
import { explainContext, forwardOnce, randomNeurons } from "../../../../test/layer-harness.js";
import { referencePool } from "../../../../test/reference/pool.js";
import type { SubsamplingSpec } from "../spec/types.js";
import type { ArrayWithShape, PoolExplanation } from "./layer.js";
import { subsampling } from "./subsampling.js";

/** subsampling's forward on one image with these coefficients and biases; fails on a leak. */
function forward(
  spec: SubsamplingSpec,
  inputShape: readonly [number, number, number],
  input: Float32Array,
  coefficients: Float32Array,
  biases: Float32Array,
): Promise<{ shape: number[]; data: Float32Array }> {
  return forwardOnce(subsampling, spec, inputShape, input, {
    kernel: { data: coefficients, shape: [coefficients.length] },
    bias: { data: biases, shape: [biases.length] },
  });
}

const s2 = (extra: Partial<SubsamplingSpec> = {}): SubsamplingSpec => ({
  name: "S2",
  kind: "subsampling",
  poolSize: 2,
  ...extra,
});

/** Channel 0 = 1…16 row-major, channel 1 = −0.5 everywhere, interleaved as HWC. */
const HAND_INPUT = Float32Array.from({ length: 32 }, (_, i) => (i % 2 === 0 ? i / 2 + 1 : -0.5));

describe("subsampling forward (hand-computed)", () => {
  it("subsampling 2/2 linear on 4×4×2, coefficients [0.5, 2], biases [0.1, −1] → [7.1, −5, 11.1, −5, 23.1, −5, 27.1, −5]", async () => {
    // Channel 0 window sums: 1+2+5+6 = 14, 3+4+7+8 = 22, 9+10+13+14 = 46, 11+12+15+16 = 54;
    // × 0.5 + 0.1. Channel 1: sum −2, × 2 − 1 = −5.
    const out = await forward(
      s2(),
      [4, 4, 2],
      HAND_INPUT,
      new Float32Array([0.5, 2]),
      new Float32Array([0.1, -1]),
    );
    expect(out.shape).toEqual([1, 2, 2, 2]);
    expectAllClose(out.data, [7.1, -5, 11.1, -5, 23.1, -5, 27.1, -5]);
  });

  it("subsampling 2/2 scaled-tanh: 1.7159·tanh(2/3 · (c·Σ + b)) on the same case", async () => {
    const out = await forward(
      s2({ activation: "scaled-tanh" }),
      [4, 4, 2],
      HAND_INPUT,
      new Float32Array([0.05, 0.25]),
      new Float32Array([-1, 0.2]),
    );
    const f = (a: number) => 1.7159 * Math.tanh((2 / 3) * a);
    const ch1 = f(0.25 * -2 + 0.2);
    expectAllClose(out.data, [
      f(0.05 * 14 - 1),
      ch1,
      f(0.05 * 22 - 1),
      ch1,
      f(0.05 * 46 - 1),
      ch1,
      f(0.05 * 54 - 1),
      ch1,
    ]);
  });

  it("subsampling 3/2 (overlapping) sums every 3×3 window: plain-JS loop", async () => {
    const input = seededArray(7 * 7 * 2, 5);
    const coefficients = new Float32Array([0.7, -1.3]);
    const biases = new Float32Array([0.2, 0.05]);
    const spec = s2({ poolSize: 3, strides: 2, activation: "tanh" });
    const out = await forward(spec, [7, 7, 2], input, coefficients, biases);
    expect(out.shape).toEqual([1, 3, 3, 2]);
    const sums = referencePool(input, [7, 7, 2], "sum", [3, 3], [2, 2]);
    const expected = Array.from(sums.data, (sum, i) =>
      Math.tanh(coefficients[i % 2] * sum + biases[i % 2]),
    );
    expectAllClose(out.data, expected, { atol: 1e-6 });
  });
});

describe("subsampling counts and params (PAPERS.md)", () => {
  it("LeNet-5 S2 2/2 on 28×28×6 → 14×14×6, 12 params, 5,880 connections, 1,176 multiplies", () => {
    subsampling.validate(s2(), [28, 28, 6]);
    expect(subsampling.outputShape(s2(), [28, 28, 6])).toEqual([14, 14, 6]);
    expect(subsampling.counts(s2(), [28, 28, 6])).toEqual({
      trainable: 12,
      nonTrainable: 0,
      connections: 5_880,
      macs: 1_176,
    });
  });

  it("LeNet-5 S4 2/2 on 10×10×16 → 5×5×16, 32 params, 2,000 connections", () => {
    const spec = s2({ name: "S4" });
    expect(subsampling.outputShape(spec, [10, 10, 16])).toEqual([5, 5, 16]);
    const counts = subsampling.counts(spec, [10, 10, 16]);
    expect(counts.trainable).toBe(32);
    expect(counts.connections).toBe(2_000);
    expect(counts.macs).toBe(400);
  });

  it("subsampling params: kernel [c] lecun-uniform with fanIn = 4 window cells, bias [c] zeros", () => {
    const [kernel, bias] = subsampling.params(s2(), [28, 28, 6]);
    expect(kernel).toMatchObject({
      name: "kernel",
      shape: [6],
      trainable: true,
      initializer: "lecun-uniform",
      fanIn: 4,
      fanOut: 1,
    });
    expect(bias).toMatchObject({ name: "bias", shape: [6], trainable: true, initializer: "zeros" });
  });

  it("subsampling params honour kernelInitializer/biasInitializer", () => {
    const [kernel, bias] = subsampling.params(
      s2({ kernelInitializer: "ones", biasInitializer: { kind: "constant", value: 0.5 } }),
      [28, 28, 6],
    );
    expect(kernel.initializer).toBe("ones");
    expect(bias.initializer).toEqual({ kind: "constant", value: 0.5 });
  });

  it("subsampling 2/2 window(3, 5) = rows 6–7, cols 10–11", () => {
    expect(subsampling.window(s2(), [28, 28, 6], 3, 5)).toEqual({ y0: 6, x0: 10, y1: 8, x1: 12 });
  });
});

describe("subsampling explain", () => {
  it("subsampling explain() at channel 0, (1, 0): window sum 46, coefficient 0.5, bias 0.1 → 23.1", () => {
    const e = subsampling.explain(
      s2(),
      explainContext(HAND_INPUT, [4, 4, 2], [2, 2, 2], {
        kernel: { data: new Float32Array([0.5, 2]), shape: [2] },
        bias: { data: new Float32Array([0.1, -1]), shape: [2] },
      }),
      { channel: 0, y: 1, x: 0 },
    ) as PoolExplanation;
    expect(e.type).toBe("pool");
    expect(e.mode).toBe("subsampling");
    expect(e.window).toEqual({ y0: 2, x0: 0, y1: 4, x1: 2 });
    expect(e.values).toEqual([
      [9, 10],
      [13, 14],
    ]);
    expect(e.reduced).toBe(46);
    expect(e.coefficient).toBe(0.5);
    expect(e.bias).toBeCloseTo(0.1, 7);
    expect(e.preActivation).toBeCloseTo(23.1, 6);
    expect(e.activation).toBe("linear");
    expect(e.output).toBe(e.preActivation);
  });

  const cases: { title: string; spec: SubsamplingSpec; input: [number, number, number] }[] = [
    { title: "2/2 scaled-tanh (LeNet)", spec: s2({ activation: "scaled-tanh" }), input: [8, 8, 3] },
    {
      title: "3/2 sigmoid",
      spec: s2({ poolSize: 3, strides: 2, activation: "sigmoid" }),
      input: [9, 7, 2],
    },
    { title: "2/2 softmax over channels", spec: s2({ activation: "softmax" }), input: [4, 6, 4] },
  ];
  for (const [i, c] of cases.entries()) {
    it(`subsampling explain() (${c.title}) equals the tfjs forward output at 8 random positions`, async () => {
      const input = seededArray(c.input[0] * c.input[1] * c.input[2], 10 + i);
      const coefficients = seededArray(c.input[2], 20 + i);
      const biases = seededArray(c.input[2], 30 + i);
      const outShape = subsampling.outputShape(c.spec, c.input);
      const out = await forward(c.spec, c.input, input, coefficients, biases);
      const weights: Record<string, ArrayWithShape> = {
        kernel: { data: coefficients, shape: [c.input[2]] },
        bias: { data: biases, shape: [c.input[2]] },
      };
      for (const at of randomNeurons(8, 40 + i, outShape)) {
        const e = subsampling.explain(
          c.spec,
          explainContext(input, c.input, outShape, weights),
          at,
        ) as PoolExplanation;
        const expected = out.data[(at.y * outShape[1] + at.x) * outShape[2] + at.channel];
        expectAllClose([e.output], [expected], { rtol: 1e-5, atol: 1e-6 });
        expect(e.preActivation).toBeCloseTo(e.reduced * e.coefficient! + e.bias!, 10);
      }
    });
  }
});

describe("subsampling validation", () => {
  it("subsampling poolSize [2, 0] → SpecError on poolSize", () => {
    expectSpecError(
      () => subsampling.validate(s2({ poolSize: [2, 0] }), [28, 28, 6]),
      "S2",
      "poolSize",
      "got [2,0]",
    );
  });
  it('subsampling activation "elu" → SpecError on activation', () => {
    expectSpecError(
      () => subsampling.validate(s2({ activation: "elu" as unknown as "tanh" }), [28, 28, 6]),
      "S2",
      "activation",
      '"elu"',
    );
  });
  it("subsampling 2×2 on a 1×1 input → SpecError on poolSize (does not fit)", () => {
    expectSpecError(
      () => subsampling.validate(s2(), [1, 1, 6]),
      "S2",
      "poolSize",
      "does not fit the 1×1 input",
    );
  });
  it("subsampling on a vector [120] → SpecError naming the layer", () => {
    expect(() => subsampling.validate(s2(), [120])).toThrow(/layer "S2".*\[120\]/);
  });
});
