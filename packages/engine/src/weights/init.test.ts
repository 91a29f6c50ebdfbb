import * as tf from "@tensorflow/tfjs-core";
import { describe, expect, it } from "vitest";
import { expectNoLeaks } from "../../../../test/helpers.js";
import { downloadAndDispose } from "../../../../test/weight-maps.js";
import { SpecError, WeightsError } from "../errors.js";
import type { CompiledModel, ModelParam } from "../model/compile.js";
import { compileModel } from "../model/compile.js";
import type { Initializer, ModelSpec } from "../spec/types.js";
import { checkWeights } from "./check.js";
import { initWeights, initWeightsAsync, initializerDistribution, tensorSeed } from "./init.js";
import { SeededRandom } from "./seeded-random.js";

/** A compiled-model-shaped object holding only the given params (init reads nothing else). */
function handModel(params: Partial<ModelParam>[]): CompiledModel {
  return {
    spec: { name: "hand", input: { shape: [1] }, layers: [] },
    inputShape: [1],
    outputShape: [1],
    layers: [],
    params: params.map((p, i) => ({
      name: "kernel",
      layer: `L${i}`,
      fullName: `${p.layer ?? `L${i}`}/${p.name ?? "kernel"}`,
      shape: [100, 100],
      trainable: true,
      initializer: "glorot-uniform",
      fanIn: 40,
      fanOut: 160,
      ...p,
    })),
  };
}

/** Draws one [100, 100] tensor with the given initialiser and fans, as a plain array. */
function draw(initializer: Initializer, fanIn = 40, fanOut = 160, seed = 7): Float32Array {
  const values = downloadAndDispose(
    initWeights(handModel([{ initializer, fanIn, fanOut }]), { seed }),
  );
  return values.get("L0/kernel")!;
}

function stats(values: Float32Array) {
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    sum += v;
    min = Math.min(min, v);
    max = Math.max(max, v);
  }
  const mean = sum / values.length;
  let sq = 0;
  for (const v of values) sq += (v - mean) ** 2;
  return { mean, variance: sq / values.length, min, max };
}

const TRUNC = 0.87962566103423978;

describe("initWeights: determinism", () => {
  const m = handModel([
    { layer: "C1", name: "kernel", shape: [5, 5, 1, 6], initializer: "he-normal" },
    { layer: "C1", name: "bias", shape: [6], initializer: { kind: "uniform", min: -1, max: 1 } },
    { layer: "C2", name: "kernel", shape: [5, 5, 1, 6], initializer: "he-normal" },
  ]);

  it("seed 42 twice → bit-identical tensors", async () => {
    await expectNoLeaks(() => {
      const a = downloadAndDispose(initWeights(m, { seed: 42 }));
      const b = downloadAndDispose(initWeights(m, { seed: 42 }));
      expect([...a.keys()]).toEqual(["C1/kernel", "C1/bias", "C2/kernel"]);
      for (const [name, values] of a) expect(b.get(name)).toEqual(values);
    });
  });

  it("seed 42 vs 43 → different values in every tensor", async () => {
    await expectNoLeaks(() => {
      const a = downloadAndDispose(initWeights(m, { seed: 42 }));
      const b = downloadAndDispose(initWeights(m, { seed: 43 }));
      for (const [name, values] of a) expect(b.get(name), name).not.toEqual(values);
    });
  });

  it("two tensors of the same shape and initialiser get different values (name in the seed)", async () => {
    await expectNoLeaks(() => {
      const a = downloadAndDispose(initWeights(m, { seed: 1 }));
      expect(a.get("C1/kernel")).not.toEqual(a.get("C2/kernel"));
    });
  });

  it("adding a layer leaves the other tensors unchanged", async () => {
    await expectNoLeaks(() => {
      const bigger: CompiledModel = {
        ...m,
        params: [
          m.params[0],
          { ...m.params[2], layer: "X", fullName: "X/kernel" },
          m.params[1],
          m.params[2],
        ],
      };
      const a = downloadAndDispose(initWeights(m, { seed: 5 }));
      const b = downloadAndDispose(initWeights(bigger, { seed: 5 }));
      for (const [name, values] of a) expect(b.get(name), name).toEqual(values);
    });
  });

  it("seed 0 is deterministic too (tfjs itself treats 0 as 'no seed')", async () => {
    await expectNoLeaks(() => {
      const a = downloadAndDispose(initWeights(m, { seed: 0 }));
      const b = downloadAndDispose(initWeights(m, { seed: 0 }));
      for (const [name, values] of a) expect(b.get(name)).toEqual(values);
    });
  });

  it("tensorSeed is a non-zero 32-bit integer that depends on seed and name", () => {
    const seeds = [tensorSeed(0, "a/kernel"), tensorSeed(1, "a/kernel"), tensorSeed(0, "b/kernel")];
    for (const s of seeds) {
      expect(Number.isInteger(s) && s > 0 && s < 2 ** 32).toBe(true);
    }
    expect(new Set(seeds).size).toBe(3);
    expect(tensorSeed(0, "a/kernel")).toBe(seeds[0]);
  });

  it("a non-finite seed → WeightsError", () => {
    expect(() => initWeights(m, { seed: NaN })).toThrow(WeightsError);
    expect(() => initWeights(m, { seed: "1" as unknown as number })).toThrow(
      /finite number as seed/,
    );
  });
});

describe("initWeights: the distributions on [100, 100] (fanIn 40, fanOut 160)", () => {
  // 10,000 samples: the sample variance of a uniform is within ~1% (one standard error) of its
  // true value, of a truncated normal within ~1.2%; 5% leaves ample room.
  const cases: { init: Initializer; limit?: number; variance: number }[] = [
    { init: "glorot-uniform", limit: Math.sqrt(6 / (40 + 160)), variance: 6 / 200 / 3 },
    { init: "he-uniform", limit: Math.sqrt(6 / 40), variance: 6 / 40 / 3 },
    { init: "lecun-uniform", limit: Math.sqrt(3 / 40), variance: 3 / 40 / 3 },
    { init: "glorot-normal", variance: 2 / (40 + 160) },
    { init: "he-normal", variance: 2 / 40 },
    { init: "lecun-normal", variance: 1 / 40 },
  ];
  for (const { init, limit, variance } of cases) {
    if (limit !== undefined) {
      it(`${String(init)} → uniform in ±${limit.toFixed(4)}, variance ${variance.toFixed(5)}`, async () => {
        await expectNoLeaks(() => {
          const s = stats(draw(init));
          expect(s.min).toBeGreaterThanOrEqual(-limit);
          expect(s.max).toBeLessThanOrEqual(limit);
          expect(s.min).toBeLessThan(-0.99 * limit);
          expect(s.max).toBeGreaterThan(0.99 * limit);
          expect(Math.abs(s.mean)).toBeLessThan((4 * Math.sqrt(variance)) / 100);
          expect(s.variance / variance).toBeGreaterThan(0.95);
          expect(s.variance / variance).toBeLessThan(1.05);
        });
      });
    } else {
      const stddev = Math.sqrt(variance) / TRUNC;
      it(`${String(init)} → truncated normal, stddev ${stddev.toFixed(4)} cut at ±2σ, variance ${variance.toFixed(5)}`, async () => {
        await expectNoLeaks(() => {
          const s = stats(draw(init));
          // float32 rounding may move a value by one ulp past the float64 bound
          expect(s.min).toBeGreaterThanOrEqual(-2 * stddev * (1 + 1e-6));
          expect(s.max).toBeLessThanOrEqual(2 * stddev * (1 + 1e-6));
          expect(s.min).toBeLessThan(-1.9 * stddev);
          expect(s.max).toBeGreaterThan(1.9 * stddev);
          expect(Math.abs(s.mean)).toBeLessThan((4 * Math.sqrt(variance)) / 100);
          expect(s.variance / variance).toBeGreaterThan(0.95);
          expect(s.variance / variance).toBeLessThan(1.05);
        });
      });
    }
  }

  it("zeros, ones and constant 0.25 → exactly those values", async () => {
    await expectNoLeaks(() => {
      expect(draw("zeros").every((v) => Object.is(v, 0))).toBe(true);
      expect(draw("ones").every((v) => v === 1)).toBe(true);
      expect(draw({ kind: "constant", value: 0.25 }).every((v) => v === 0.25)).toBe(true);
    });
  });

  it("uniform {min: -0.3, max: 0.7} → in [-0.3, 0.7], mean 0.2, variance 1/12", async () => {
    await expectNoLeaks(() => {
      const s = stats(draw({ kind: "uniform", min: -0.3, max: 0.7 }));
      expect(s.min).toBeGreaterThanOrEqual(Math.fround(-0.3));
      expect(s.max).toBeLessThanOrEqual(Math.fround(0.7));
      expect(Math.abs(s.mean - 0.2)).toBeLessThan(0.012);
      expect(s.variance * 12).toBeGreaterThan(0.95);
      expect(s.variance * 12).toBeLessThan(1.05);
    });
  });

  it("fans of 0 are taken as 1 (Keras: scale / max(1, n)) → he-uniform limit √6", () => {
    const d = initializerDistribution("he-uniform", 0, 0);
    expect(d).toEqual({ kind: "uniform", min: -Math.sqrt(6), max: Math.sqrt(6) });
  });

  it("an unknown initialiser → SpecError naming the weight", () => {
    const m = handModel([{ layer: "F6", name: "kernel", initializer: "xavier" as Initializer }]);
    expect(() => initWeights(m, { seed: 1 })).toThrow(SpecError);
    expect(() => initWeights(m, { seed: 1 })).toThrow(
      /weight "F6\/kernel": unknown initializer "?xavier/,
    );
  });

  it("uniform with min > max → SpecError; nothing leaks from the tensors already made", async () => {
    const m = handModel([
      { layer: "A", shape: [3] },
      { layer: "B", shape: [3], initializer: { kind: "uniform", min: 1, max: 0 } },
    ]);
    await expectNoLeaks(() => {
      expect(() => initWeights(m, { seed: 1 })).toThrow(/finite min ≤ max, got min 1, max 0/);
    });
  });
});

describe("initWeights: the normal distribution (AlexNet's N(0, 0.01²))", () => {
  /** Mean, variance and the shares beyond 2σ and 3σ of one [1000, 1000] draw. */
  function bigDraw(mean: number, stddev: number) {
    const m = handModel([
      { layer: "fc", shape: [1000, 1000], initializer: { kind: "normal", mean, stddev } },
    ]);
    const values = downloadAndDispose(initWeights(m, { seed: 2012 })).get("fc/kernel")!;
    let beyond2 = 0;
    let beyond3 = 0;
    for (const v of values) {
      const z = Math.abs(v - mean) / stddev;
      if (z > 2) beyond2++;
      if (z > 3) beyond3++;
    }
    return { ...stats(values), beyond2: beyond2 / values.length, beyond3: beyond3 / values.length };
  }

  // n = 10⁶. Standard errors, by hand: mean σ/√n = σ/1000; variance σ²·√(2/n) = 0.00141·σ²;
  // the share beyond 2σ, p = 0.0455 (two-sided normal tail), √(p(1−p)/n) = 0.00021; beyond 3σ,
  // p = 0.0027, 0.000052. Every bound below is 5 standard errors.
  it("mean 0, stddev 0.01 → sample mean within 5e-5 of 0, variance within 0.7% of 1e-4, untruncated tails", async () => {
    await expectNoLeaks(() => {
      const s = bigDraw(0, 0.01);
      expect(Math.abs(s.mean)).toBeLessThan(5 * (0.01 / 1000));
      expect(Math.abs(s.variance / 1e-4 - 1)).toBeLessThan(5 * 0.00141);
      expect(Math.abs(s.beyond2 - 0.0455)).toBeLessThan(5 * 0.00021);
      expect(Math.abs(s.beyond3 - 0.0027)).toBeLessThan(5 * 0.000052);
    });
  });

  it("mean 1, stddev 2 → sample mean within 0.01 of 1, variance within 0.7% of 4", async () => {
    await expectNoLeaks(() => {
      const s = bigDraw(1, 2);
      expect(Math.abs(s.mean - 1)).toBeLessThan(5 * (2 / 1000));
      expect(Math.abs(s.variance / 4 - 1)).toBeLessThan(5 * 0.00141);
    });
  });

  it("a negative stddev → SpecError naming the weight", () => {
    const m = handModel([
      { layer: "fc6", initializer: { kind: "normal", mean: 0, stddev: -0.01 } as Initializer },
    ]);
    expect(() => initWeights(m, { seed: 1 })).toThrow(
      /weight "fc6\/kernel": normal initializer: expected a finite mean and stddev ≥ 0, got mean 0, stddev -0.01/,
    );
  });
});

describe("initWeightsAsync", () => {
  // [600, 1000] is 600,000 values: drawn in ten slices of at most 65,536.
  const m = handModel([
    { layer: "big", shape: [600, 1000], initializer: { kind: "normal", mean: 0, stddev: 0.01 } },
    { layer: "odd", shape: [65537], initializer: "he-normal" },
    { layer: "uni", shape: [300000], initializer: "glorot-uniform" },
    { layer: "small", shape: [7], initializer: "ones" },
  ]);

  it("gives bit-identical tensors to initWeights, also for tensors drawn in several slices", async () => {
    await expectNoLeaks(async () => {
      const a = downloadAndDispose(initWeights(m, { seed: 9 }));
      const b = downloadAndDispose(await initWeightsAsync(m, { seed: 9 }));
      expect([...b.keys()]).toEqual([...a.keys()]);
      for (const [name, values] of a) {
        const other = b.get(name)!;
        expect(other.length, name).toBe(values.length);
        let differing = 0;
        for (let i = 0; i < values.length; i++) if (!Object.is(values[i], other[i])) differing++;
        expect(differing, name).toBe(0);
      }
    });
  });

  it("an aborted signal → AbortError, nothing leaks", async () => {
    await expectNoLeaks(async () => {
      const abort = new AbortController();
      const run = initWeightsAsync(m, { seed: 9, signal: abort.signal });
      abort.abort();
      await expect(run).rejects.toMatchObject({ name: "AbortError" });
    });
  });
});

describe("initWeights: masks", () => {
  // [2, 2, 3, 2] kernel: output 0 reads channels {0, 1}, output 1 reads {2}.
  const shape = [2, 2, 3, 2];
  const mask = new Float32Array(24);
  for (let ky = 0; ky < 2; ky++)
    for (let kx = 0; kx < 2; kx++)
      for (let c = 0; c < 3; c++)
        for (let o = 0; o < 2; o++) {
          const linked = o === 0 ? c < 2 : c === 2;
          mask[((ky * 2 + kx) * 3 + c) * 2 + o] = linked ? 1 : 0;
        }

  for (const initializer of ["glorot-uniform", "he-normal", "ones"] as Initializer[]) {
    it(`${String(initializer)} kernel [2,2,3,2] with a mask → masked entries exactly +0, others non-zero`, async () => {
      const m = handModel([{ layer: "C3", shape, mask, initializer }]);
      await expectNoLeaks(() => {
        const values = downloadAndDispose(initWeights(m, { seed: 3 })).get("C3/kernel")!;
        for (let i = 0; i < 24; i++) {
          if (mask[i] === 0) expect(Object.is(values[i], 0), `index ${i}`).toBe(true);
          else expect(values[i], `index ${i}`).not.toBe(0);
        }
      });
    });
  }

  it("a mask of the wrong length → WeightsError naming the tensor", async () => {
    const m = handModel([{ layer: "C3", shape, mask: new Float32Array(5) }]);
    await expectNoLeaks(() => {
      expect(() => initWeights(m, { seed: 3 })).toThrow(
        'weight "C3/kernel": mask has 5 entries, expected 24 for shape [2, 2, 3, 2]',
      );
    });
  });
});

describe("initWeights on compiled specs", () => {
  const spec: ModelSpec = {
    name: "tiny-lenet",
    input: { shape: [8, 8, 3] },
    layers: [
      { kind: "conv2d", name: "C1", filters: 4, kernelSize: 3, activation: "scaled-tanh" },
      { kind: "subsampling", name: "S2", poolSize: 2, activation: "scaled-tanh" },
      {
        kind: "conv2d",
        name: "C3",
        filters: 3,
        kernelSize: 2,
        connections: [
          [0, 1],
          [1, 2, 3],
          [0, 3],
        ],
        kernelInitializer: "lecun-uniform",
      },
      { kind: "flatten", name: "flat" },
      { kind: "dense", name: "F4", units: 5, activation: "relu", kernelInitializer: "he-normal" },
      { kind: "batch-norm", name: "BN" },
      { kind: "dense", name: "out", units: 2, activation: "softmax" },
    ],
  };

  it("tiny LeNet-like spec → one tensor per param, in order, with its shape, passing checkWeights", async () => {
    const model = compileModel(spec);
    await expectNoLeaks(() => {
      const weights = initWeights(model, { seed: 11 });
      expect([...weights.keys()]).toEqual([
        "C1/kernel",
        "C1/bias",
        "S2/kernel",
        "S2/bias",
        "C3/kernel",
        "C3/bias",
        "F4/kernel",
        "F4/bias",
        "BN/gamma",
        "BN/beta",
        "BN/moving_mean",
        "BN/moving_variance",
        "out/kernel",
        "out/bias",
      ]);
      expect(weights.get("C1/kernel")!.shape).toEqual([3, 3, 3, 4]);
      expect(weights.get("C3/kernel")!.shape).toEqual([2, 2, 4, 3]);
      expect(weights.get("F4/kernel")!.shape).toEqual([12, 5]);
      checkWeights(model, weights);
      const values = downloadAndDispose(weights);
      // Bias "zeros", BN gamma/variance "ones": Keras' defaults.
      expect([...values.get("C1/bias")!]).toEqual([0, 0, 0, 0]);
      expect([...values.get("BN/moving_variance")!]).toEqual([1, 1, 1, 1, 1]);
      // C3 output 0 reads channels 0 and 1 only: channel 2 → output 0 is masked.
      const c3 = values.get("C3/kernel")!;
      const at = (ky: number, kx: number, c: number, o: number) =>
        c3[((ky * 2 + kx) * 4 + c) * 3 + o];
      expect(at(1, 1, 2, 0)).toBe(0);
      expect(at(1, 1, 1, 0)).not.toBe(0);
      expect(at(0, 0, 3, 1)).not.toBe(0);
      expect(at(0, 0, 0, 1)).toBe(0);
    });
  });
});

describe("LeNet-5's C3 (Table I of LeCun et al. 1998)", () => {
  // Which S2 maps feed each C3 map: 60 of the 96 links (PAPERS.md).
  // prettier-ignore
  const TABLE_I = [
    [0, 1, 2], [1, 2, 3], [2, 3, 4], [3, 4, 5], [0, 4, 5], [0, 1, 5],
    [0, 1, 2, 3], [1, 2, 3, 4], [2, 3, 4, 5], [0, 3, 4, 5], [0, 1, 4, 5], [0, 1, 2, 5],
    [0, 1, 3, 4], [1, 2, 4, 5], [0, 2, 3, 5],
    [0, 1, 2, 3, 4, 5],
  ];
  const lenetHead: ModelSpec = {
    name: "lenet5-head",
    input: { shape: [32, 32, 1] },
    layers: [
      { kind: "conv2d", name: "C1", filters: 6, kernelSize: 5, activation: "scaled-tanh" },
      { kind: "subsampling", name: "S2", poolSize: 2, activation: "scaled-tanh" },
      { kind: "conv2d", name: "C3", filters: 16, kernelSize: 5, connections: TABLE_I },
    ],
  };

  it("C3/kernel [5, 5, 6, 16]: the 36 missing links × 25 taps = 900 entries exactly 0, the 1,500 others not", async () => {
    const model = compileModel(lenetHead);
    await expectNoLeaks(() => {
      const weights = initWeights(model, { seed: 1998 });
      expect(weights.get("C3/kernel")!.shape).toEqual([5, 5, 6, 16]);
      const c3 = downloadAndDispose(weights).get("C3/kernel")!;
      let zeros = 0;
      for (let ky = 0; ky < 5; ky++)
        for (let kx = 0; kx < 5; kx++)
          for (let c = 0; c < 6; c++)
            for (let o = 0; o < 16; o++) {
              const v = c3[((ky * 5 + kx) * 6 + c) * 16 + o];
              if (TABLE_I[o].includes(c)) expect(v).not.toBe(0);
              else expect(Object.is(v, 0)).toBe(true);
              if (v === 0) zeros++;
            }
      expect(zeros).toBe(900);
    });
  });

  it('C3/kernel of shape [5, 5, 6, 15] → weight "C3/kernel": expected shape [5, 5, 6, 16], got [5, 5, 6, 15]', async () => {
    const model = compileModel(lenetHead);
    await expectNoLeaks(() => {
      const weights = initWeights(model, { seed: 1 });
      weights.get("C3/kernel")!.dispose();
      weights.set("C3/kernel", tf.zeros([5, 5, 6, 15]));
      expect(() => checkWeights(model, weights)).toThrow(
        'weight "C3/kernel": expected shape [5, 5, 6, 16], got [5, 5, 6, 15]',
      );
      for (const t of weights.values()) t.dispose();
    });
  });
});

describe("SeededRandom", () => {
  it("fillNormal and fillUniform give the numbers of nextNormal and next, one by one", () => {
    const n = 50_000;
    const filled = new Float32Array(n);
    new SeededRandom(77).fillNormal(filled, 0.5, 2);
    const oneByOne = new SeededRandom(77);
    let differing = 0;
    for (let i = 0; i < n; i++)
      if (filled[i] !== Math.fround(0.5 + 2 * oneByOne.nextNormal())) differing++;
    expect(differing).toBe(0);
    new SeededRandom(78).fillUniform(filled, -1, 3);
    const uniform = new SeededRandom(78);
    differing = 0;
    for (let i = 0; i < n; i++) if (filled[i] !== Math.fround(-1 + 4 * uniform.next())) differing++;
    expect(differing).toBe(0);
  });
});
