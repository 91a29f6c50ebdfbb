// Expected numbers from /work/shared/PAPERS.md's AlexNet table (Caffe's bvlc_alexnet layout), not
// from the code. LRN, pooling, flatten and dropout have no parameters and no multiply-adds.
import { compileModel, formatSummary, initWeights, summarizeModel } from "@convstep/engine";
import { describe, expect, it } from "vitest";
import { ALEXNET_2012 } from "./alexnet-2012.js";

/** Name, output shape, parameters, multiply-adds. */
const PAPER: readonly (readonly [string, number[], number, number])[] = [
  ["conv1", [55, 55, 96], 34_944, 105_415_200],
  ["norm1", [55, 55, 96], 0, 0],
  ["pool1", [27, 27, 96], 0, 0],
  ["conv2", [27, 27, 256], 307_456, 223_948_800],
  ["norm2", [27, 27, 256], 0, 0],
  ["pool2", [13, 13, 256], 0, 0],
  ["conv3", [13, 13, 384], 885_120, 149_520_384],
  ["conv4", [13, 13, 384], 663_936, 112_140_288],
  ["conv5", [13, 13, 256], 442_624, 74_760_192],
  ["pool5", [6, 6, 256], 0, 0],
  ["flatten", [9216], 0, 0],
  ["fc6", [4096], 37_752_832, 37_748_736],
  ["drop6", [4096], 0, 0],
  ["fc7", [4096], 16_781_312, 16_777_216],
  ["drop7", [4096], 0, 0],
  ["fc8", [1000], 4_097_000, 4_096_000],
];

describe("alexnet-2012", () => {
  const model = compileModel(ALEXNET_2012);
  const summary = summarizeModel(model);

  it("input 227×227×3; layers in Caffe's order", () => {
    expect(model.inputShape).toEqual([227, 227, 3]);
    expect(model.layers.map((l) => l.name)).toEqual(PAPER.map(([name]) => name));
  });

  it.each(PAPER)("%s → %j, %d params, %d multiply-adds", (name, shape, params, macs) => {
    const row = summary.rows.find((r) => r.name === name)!;
    expect(row.outputShape).toEqual(shape);
    expect(row.trainable).toBe(params);
    expect(row.nonTrainable).toBe(0);
    expect(row.macs).toBe(macs);
  });

  it("totals: 60,965,224 parameters and 724,406,816 multiply-adds", () => {
    expect(summary.totals).toMatchObject({
      trainable: 60_965_224,
      nonTrainable: 0,
      total: 60_965_224,
      macs: 724_406_816,
    });
  });

  it("LRN k = 2, n = 5, α = 1e−4, β = 0.75 after conv1 and conv2; 3×3/2 max-pools; two groups in conv2, conv4, conv5", () => {
    const byName = new Map(ALEXNET_2012.layers.map((l) => [l.name, l]));
    for (const name of ["norm1", "norm2"]) {
      expect(byName.get(name)).toMatchObject({ kind: "lrn", k: 2, n: 5, alpha: 1e-4, beta: 0.75 });
    }
    for (const name of ["pool1", "pool2", "pool5"]) {
      expect(byName.get(name)).toMatchObject({
        kind: "pool2d",
        mode: "max",
        poolSize: 3,
        strides: 2,
      });
    }
    for (const name of ["conv2", "conv4", "conv5"]) {
      expect(byName.get(name), name).toHaveProperty("groups", 2);
    }
    for (const name of ["conv1", "conv3"]) {
      expect(byName.get(name), name).not.toHaveProperty("groups");
    }
    for (const name of ["drop6", "drop7"]) {
      expect(byName.get(name)).toMatchObject({ kind: "dropout", rate: 0.5 });
    }
  });

  it("output: 1000 probabilities named by the ILSVRC-2012 classes (tench first)", () => {
    expect(ALEXNET_2012.output?.kind).toBe("probabilities");
    expect(ALEXNET_2012.output?.classes).toHaveLength(1000);
    expect(ALEXNET_2012.output?.classes?.[0]).toBe("tench, Tinca tinca");
  });

  it('formatSummary prints "60,965,224" and "724,406,816"', () => {
    const text = formatSummary(summary);
    expect(text).toContain('Model: "alexnet-2012"');
    expect(text).toContain("Total params: 60,965,224");
    expect(text).toContain("Total mult-adds: 724,406,816");
    expect(text).toMatch(/conv1 \(conv2d\)\s+\(None, 55, 55, 96\)\s+34,944\s+[\d,]+\s+105,415,200/);
  });
});

describe("alexnet-2012: seeded weights follow the paper's §5", () => {
  const model = compileModel(ALEXNET_2012);
  // §5: biases 1 in conv2, conv4, conv5, fc6, fc7 ("to accelerate the early stages of learning by
  // providing the ReLUs with positive inputs"), 0 in the remaining layers.
  const BIAS: readonly (readonly [string, number, number])[] = [
    ["conv1", 96, 0],
    ["conv2", 256, 1],
    ["conv3", 384, 0],
    ["conv4", 384, 1],
    ["conv5", 256, 1],
    ["fc6", 4096, 1],
    ["fc7", 4096, 1],
    ["fc8", 1000, 0],
  ];

  /** Draws only the named parameters (AlexNet in full is 61 M numbers). */
  function draw(names: readonly string[]): Map<string, Float32Array> {
    const params = model.params.filter((p) => names.includes(p.fullName));
    const weights = initWeights({ ...model, params }, { seed: 0 });
    const out = new Map<string, Float32Array>();
    for (const [name, t] of weights) {
      out.set(name, t.dataSync() as Float32Array);
      t.dispose();
    }
    return out;
  }

  it.each(BIAS)("%s/bias: %d entries, every one exactly %d", (layer, units, value) => {
    const bias = draw([`${layer}/bias`]).get(`${layer}/bias`)!;
    expect(bias.length).toBe(units);
    expect(bias.every((v) => v === value)).toBe(true);
  });

  // conv3's kernel: 3·3·256·384 = 884,736 values. Standard errors by hand: mean 0.01/√n = 1.06e-5;
  // variance (1e-4)·√(2/n) = 0.150%; bounds of 5 standard errors. A Glorot uniform (the old
  // default, limit √(6/(2304+3456)) = 0.032, variance 3.5e-4) fails the variance bound.
  it("conv3/kernel and conv1/kernel: mean ≈ 0 and standard deviation ≈ 0.01 (N(0, 0.01²))", () => {
    const values = draw(["conv3/kernel", "conv1/kernel"]);
    for (const [name, n] of [
      ["conv3/kernel", 884_736],
      ["conv1/kernel", 34_848],
    ] as const) {
      const v = values.get(name)!;
      expect(v.length).toBe(n);
      let sum = 0;
      for (const x of v) sum += x;
      const mean = sum / n;
      let sq = 0;
      for (const x of v) sq += (x - mean) ** 2;
      const variance = sq / n;
      expect(Math.abs(mean), name).toBeLessThan(5 * (0.01 / Math.sqrt(n)));
      expect(Math.abs(variance / 1e-4 - 1), name).toBeLessThan(5 * Math.sqrt(2 / n));
    }
  });
});
