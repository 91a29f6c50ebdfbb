import { describe, expect, it } from "vitest";
import { expectSpecError } from "../../../../test/expect-spec-error.js";
import { expectAllClose, seededArray } from "../../../../test/helpers.js";
import { explainContext, forwardOnce, randomNeurons } from "../../../../test/layer-harness.js";
import { referenceLrn } from "../../../../test/reference/lrn.js";
import type { LRNSpec } from "../spec/types.js";
import type { LRNExplanation } from "./layer.js";
import { lrn } from "./lrn.js";

/** AlexNet's constants (Krizhevsky et al. 2012, section 3.3). */
const alexnet = (extra: Partial<LRNSpec> = {}): LRNSpec => ({
  name: "norm1",
  kind: "lrn",
  k: 2,
  n: 5,
  alpha: 1e-4,
  beta: 0.75,
  ...extra,
});

/** lrn's forward on one image (no weights); fails the test when a tensor leaks. */
function forward(
  spec: LRNSpec,
  inputShape: readonly [number, number, number],
  input: Float32Array,
): Promise<{ shape: number[]; data: Float32Array }> {
  return forwardOnce(lrn, spec, inputShape, input);
}

/** One pixel, 7 channels a = 10, 20, …, 70. */
const A = new Float32Array([10, 20, 30, 40, 50, 60, 70]);
/**
 * Σ a_j² over j ∈ [i − 2, i + 2] ∩ [0, 6], by hand:
 * i=0: 100+400+900; i=1: +1600; i=2: +2500; i=3: 400+…+3600; i=4: 900+…+4900;
 * i=5: 1600+…+4900; i=6: 2500+3600+4900.
 */
const SUM_SQUARES = [1400, 3000, 5500, 9000, 13500, 12600, 11000];

describe("lrn forward (hand-computed, AlexNet k=2 n=5 α=1e−4 β=0.75)", () => {
  it("lrn on 1×1×7 a=10…70 → a_i / (2 + 1e−4·Σa_j²)^0.75 with edge-clipped neighbourhoods", async () => {
    const out = await forward(alexnet(), [1, 1, 7], A);
    expect(out.shape).toEqual([1, 1, 1, 7]);
    const expected = Array.from(A, (a, i) => a / Math.pow(2 + 1e-4 * SUM_SQUARES[i], 0.75));
    // e.g. channel 3: 40 / 2.9^0.75 ≈ 17.97.
    expect(expected[3]).toBeCloseTo(40 / Math.pow(2.9, 0.75), 10);
    expectAllClose(out.data, expected, { rtol: 1e-5 });
  });

  it("lrn uses α as given, not Caffe's α/n: channel 3 differs from 40 / (2 + 1e−4/5 · 9000)^0.75", async () => {
    const out = await forward(alexnet(), [1, 1, 7], A);
    const caffe = 40 / Math.pow(2 + (1e-4 / 5) * 9000, 0.75);
    expect(Math.abs(out.data[3] - caffe)).toBeGreaterThan(1);
  });

  it("lrn n=3 on a 2×2×4 map normalises each pixel on its own (plain-JS loop)", async () => {
    const input = seededArray(2 * 2 * 4, 3, -40, 40);
    const spec = alexnet({ n: 3, k: 1, alpha: 2e-3, beta: 0.5 });
    const out = await forward(spec, [2, 2, 4], input);
    expectAllClose(out.data, referenceLrn(input, [2, 2, 4], spec), { rtol: 1e-5 });
  });
});

describe("lrn counts, params, window", () => {
  it("AlexNet norm1 on 27×27×96 (n=5): no params, connections (96·5 − 6 clipped at the edges) × 729 = 345,546", () => {
    lrn.validate(alexnet(), [27, 27, 96]);
    expect(lrn.outputShape(alexnet(), [27, 27, 96])).toEqual([27, 27, 96]);
    expect(lrn.params(alexnet(), [27, 27, 96])).toEqual([]);
    expect(lrn.counts(alexnet(), [27, 27, 96])).toEqual({
      trainable: 0,
      nonTrainable: 0,
      connections: 345_546,
      macs: 0,
    });
  });

  it("lrn window(4, 7) is the single position", () => {
    expect(lrn.window(alexnet(), [27, 27, 96], 4, 7)).toEqual({ y0: 4, x0: 7, y1: 5, x1: 8 });
  });
});

describe("lrn explain", () => {
  it("lrn explain() of channel 0 on a=10…70: neighbours 0–2, Σa² 1400, divisor 2.14^0.75", () => {
    const e = lrn.explain(alexnet(), explainContext(A, [1, 1, 7], [1, 1, 7]), {
      channel: 0,
      y: 0,
      x: 0,
    }) as LRNExplanation;
    expect(e.type).toBe("lrn");
    expect(e.input).toBe(10);
    expect(e.neighbours).toEqual([
      { channel: 0, value: 10 },
      { channel: 1, value: 20 },
      { channel: 2, value: 30 },
    ]);
    expect(e.sumSquares).toBe(1400);
    expect(e.divisor).toBeCloseTo(Math.pow(2.14, 0.75), 12);
    expect(e.output).toBeCloseTo(10 / Math.pow(2.14, 0.75), 12);
    expect([e.k, e.n, e.alpha, e.beta]).toEqual([2, 5, 1e-4, 0.75]);
  });

  it("lrn explain() equals the tfjs forward output at 12 random positions (AlexNet constants)", async () => {
    const shape: [number, number, number] = [5, 4, 9];
    const input = seededArray(5 * 4 * 9, 17, -60, 60);
    const out = await forward(alexnet(), shape, input);
    for (const at of randomNeurons(12, 18, [5, 4, 9])) {
      const e = lrn.explain(alexnet(), explainContext(input, shape, shape), at) as LRNExplanation;
      expectAllClose([e.output], [out.data[(at.y * 4 + at.x) * 9 + at.channel]], { rtol: 1e-5 });
      expect(e.neighbours.length).toBe(
        Math.min(8, at.channel + 2) - Math.max(0, at.channel - 2) + 1,
      );
    }
  });
});

describe("lrn validation", () => {
  it('lrn n=4 (even) → SpecError layer "norm1", attribute "n"', () => {
    expectSpecError(
      () => lrn.validate(alexnet({ n: 4 }), [27, 27, 96]),
      "norm1",
      "n",
      "expected an odd positive integer",
    );
  });
  it("lrn n=0 and n=2.5 → SpecError on n naming the value", () => {
    expectSpecError(() => lrn.validate(alexnet({ n: 0 }), [27, 27, 96]), "norm1", "n", "got 0");
    expectSpecError(() => lrn.validate(alexnet({ n: 2.5 }), [27, 27, 96]), "norm1", "n", "got 2.5");
  });
  it('lrn k=NaN, alpha=Infinity, beta="0.75" → SpecError on that attribute', () => {
    expectSpecError(
      () => lrn.validate(alexnet({ k: NaN }), [27, 27, 96]),
      "norm1",
      "k",
      "expected a finite number",
    );
    expectSpecError(
      () => lrn.validate(alexnet({ alpha: Infinity }), [27, 27, 96]),
      "norm1",
      "alpha",
      "finite",
    );
    expectSpecError(
      () => lrn.validate(alexnet({ beta: "0.75" as unknown as number }), [27, 27, 96]),
      "norm1",
      "beta",
      'got "0.75"',
    );
  });
  it("lrn on a vector [4096] → SpecError naming the layer", () => {
    expect(() => lrn.validate(alexnet(), [4096])).toThrow(/layer "norm1".*\[4096\]/);
  });
});
