import * as tf from "@tensorflow/tfjs-core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { expectAllClose, expectNoLeaks, seededArray } from "../../../../test/helpers.js";
import { AbortError, InputError, WeightsError } from "../errors.js";
import { type CompiledModel, compileModel } from "../model/compile.js";
import { predict } from "../model/forward.js";
import type { ModelSpec } from "../spec/types.js";
import type { LayerComputedEvent } from "./events.js";
import { Simulator, createSimulator } from "./simulator.js";

/** conv → pool → flatten → dense softmax. */
const CHAIN: ModelSpec = {
  name: "chain",
  input: { shape: [9, 9, 2] },
  layers: [
    { name: "conv", kind: "conv2d", filters: 3, kernelSize: 3, activation: "relu" },
    { name: "pool", kind: "pool2d", mode: "max", poolSize: 2 },
    { name: "flat", kind: "flatten" },
    { name: "fc", kind: "dense", units: 4, activation: "softmax" },
  ],
};

/** Grouped conv with same padding, LRN, average pooling, a second conv, dense. */
const GROUPED: ModelSpec = {
  name: "grouped",
  input: { shape: [8, 8, 4] },
  layers: [
    {
      name: "g1",
      kind: "conv2d",
      filters: 4,
      kernelSize: 3,
      padding: "same",
      groups: 2,
      activation: "tanh",
    },
    { name: "norm", kind: "lrn", k: 2, n: 3, alpha: 0.1, beta: 0.75 },
    { name: "avg", kind: "pool2d", mode: "avg", poolSize: 3, strides: 2 },
    { name: "c2", kind: "conv2d", filters: 2, kernelSize: 2, strides: 1, activation: "sigmoid" },
    { name: "flat", kind: "flatten" },
    { name: "out", kind: "dense", units: 3 },
  ],
};

/** LeNet-like: zero padding, scaled tanh, subsampling, a C3-style connection table, RBF output. */
const TABLE: ModelSpec = {
  name: "table",
  input: { shape: [8, 8, 1] },
  layers: [
    { name: "pad", kind: "zero-padding2d", padding: 1 },
    { name: "c1", kind: "conv2d", filters: 3, kernelSize: 3, activation: "scaled-tanh" },
    { name: "s2", kind: "subsampling", poolSize: 2, activation: "scaled-tanh" },
    {
      name: "c3",
      kind: "conv2d",
      filters: 4,
      kernelSize: 2,
      connections: [
        [0, 1],
        [1, 2],
        [0, 2],
        [0, 1, 2],
      ],
      activation: "scaled-tanh",
    },
    { name: "flat", kind: "flatten" },
    { name: "f6", kind: "dense", units: 5, activation: "scaled-tanh" },
    {
      name: "rbf",
      kind: "rbf",
      centers: [
        [1, -1, 1, -1, 1],
        [-1, -1, 1, 1, -1],
        [1, 1, 1, -1, -1],
      ],
    },
  ],
};

/** Resizing, batch norm, an activation layer, dropout and a strided same conv. */
const MISC: ModelSpec = {
  name: "misc",
  input: { shape: [6, 6, 2] },
  layers: [
    { name: "resize", kind: "resizing", height: 9, width: 9 },
    { name: "bn", kind: "batch-norm" },
    { name: "act", kind: "activation", activation: "relu" },
    { name: "conv", kind: "conv2d", filters: 3, kernelSize: 3, strides: 2, padding: "same" },
    { name: "drop", kind: "dropout", rate: 0.5 },
    { name: "flat", kind: "flatten" },
    { name: "fc", kind: "dense", units: 2 },
    { name: "soft", kind: "activation", activation: "softmax" },
  ],
};

/**
 * Seeded weights for every parameter (masked entries zero; variances positive), so that biases
 * and batch-norm statistics are not trivial. Plain arrays, independent of weights/init.ts.
 */
function testWeights(model: CompiledModel, seed: number): Map<string, tf.Tensor> {
  const out = new Map<string, tf.Tensor>();
  model.params.forEach((p, i) => {
    const n = p.shape.reduce((a, b) => a * b, 1);
    const values =
      p.name === "moving_variance"
        ? seededArray(n, seed + i, 0.5, 2)
        : seededArray(n, seed + i, -0.6, 0.6);
    if (p.mask) for (let k = 0; k < n; k++) values[k] *= p.mask[k];
    out.set(p.fullName, tf.tensor(values, [...p.shape], "float32"));
  });
  return out;
}

function disposeAll(weights: Map<string, tf.Tensor>): void {
  for (const t of weights.values()) t.dispose();
}

/** A seeded pseudo-random integer in [0, n), for picking neurons. */
function picker(seed: number) {
  const values = seededArray(1000, seed, 0, 1);
  let k = 0;
  return (n: number) => Math.floor(values[k++ % values.length] * n);
}

describe("Simulator: run and trace", () => {
  let model: CompiledModel;
  let weights: Map<string, tf.Tensor>;
  beforeEach(() => {
    model = compileModel(CHAIN);
    weights = testWeights(model, 11);
  });
  afterEach(() => disposeAll(weights));

  it("chain 9×9×2: trace holds input [9,9,2] and every layer: [7,7,3], [3,3,3], [27], [4]", async () => {
    await expectNoLeaks(async () => {
      const sim = createSimulator(model, weights);
      const trace = await sim.run(seededArray(162, 1));
      expect(trace.input.name).toBe("input");
      expect(trace.input.kind).toBe("input");
      expect(trace.input.shape).toEqual([9, 9, 2]);
      expect(trace.layers.map((s) => [s.name, s.kind, s.shape])).toEqual([
        ["conv", "conv2d", [7, 7, 3]],
        ["pool", "pool2d", [3, 3, 3]],
        ["flat", "flatten", [27]],
        ["fc", "dense", [4]],
      ]);
      expect(trace.layers.map((s) => s.tensor.shape)).toEqual([
        [1, 7, 7, 3],
        [1, 3, 3, 3],
        [1, 27],
        [1, 4],
      ]);
      expect(trace.output.name).toBe("fc");
      expect(trace.step("pool")).toBe(trace.layers[1]);
      expect(sim.trace).toBe(trace);
      sim.dispose();
      expect(trace.disposed).toBe(true);
    });
  });

  it("the trace's last step equals predict() on the same input", async () => {
    const input = seededArray(162, 2);
    const x = tf.tensor(input, [9, 9, 2]);
    const sim = new Simulator(model, weights);
    const trace = await sim.run(input);
    const expected = predict(model, weights, x);
    expectAllClose(trace.output.data, expected.dataSync());
    expected.dispose();
    x.dispose();
    sim.dispose();
  });

  it("every step is read back when the run completes, once (the same array after); stats are min/max/mean of the data", async () => {
    const sim = new Simulator(model, weights);
    const trace = await sim.run(seededArray(162, 3));
    expect(trace.steps.every((s) => s.downloaded)).toBe(true);
    const conv = trace.step("conv");
    const data = conv.data;
    expect(conv.data).toBe(data);
    expectAllClose(data, conv.tensor.dataSync());
    let min = Infinity;
    let max = -Infinity;
    let sum = 0;
    for (const v of data) {
      min = Math.min(min, v);
      max = Math.max(max, v);
      sum += v;
    }
    expect(conv.stats.min).toBe(min);
    expect(conv.stats.max).toBe(max);
    expect(conv.stats.mean).toBeCloseTo(sum / data.length, 6);
    // Softmax output: positive, sums to 1.
    const out = trace.output.data;
    expect(out.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
    sim.dispose();
  });

  it("input forms: [h][w][c] arrays, Float32Array, tensor [h,w,c] and [1,h,w,c] give the same trace", async () => {
    const flat = seededArray(162, 4);
    const nested: number[][][] = [];
    for (let y = 0; y < 9; y++) {
      nested.push([]);
      for (let x = 0; x < 9; x++)
        nested[y].push([flat[(y * 9 + x) * 2], flat[(y * 9 + x) * 2 + 1]]);
    }
    const t3 = tf.tensor(flat, [9, 9, 2]);
    const t4 = tf.tensor(flat, [1, 9, 9, 2]);
    const sim = new Simulator(model, weights);
    const outputs: Float32Array[] = [];
    for (const input of [nested, flat, t3, t4]) outputs.push((await sim.run(input)).output.data);
    for (const o of outputs.slice(1)) expectAllClose(o, outputs[0]);
    expect(t3.isDisposed).toBe(false);
    expect(t4.isDisposed).toBe(false);
    t3.dispose();
    t4.dispose();
    sim.dispose();
  });

  it("one-channel model accepts [h][w] arrays", async () => {
    const m = compileModel(TABLE);
    const w = testWeights(m, 5);
    const sim = new Simulator(m, w);
    const img = Array.from({ length: 8 }, (_, y) =>
      Array.from({ length: 8 }, (_, x) => (x + y) / 14),
    );
    const trace = await sim.run(img);
    expect(trace.input.data[8 * 3 + 5]).toBeCloseTo(8 / 14, 6);
    sim.dispose();
    disposeAll(w);
  });

  it("wrong input shapes → InputError naming expected and actual shape; nothing leaks", async () => {
    await expectNoLeaks(async () => {
      const sim = new Simulator(model, weights);
      await expect(sim.run(new Float32Array(10))).rejects.toThrow(
        'model "chain" expects a Float32Array of 162 values ([9, 9, 2]), got 10',
      );
      await expect(sim.run([[[1, 2]]])).rejects.toThrow(
        'model "chain" expects nested arrays of shape [9, 9, 2], got [1, 1, 2]',
      );
      const wrong = tf.zeros([9, 9, 3]);
      await expect(sim.run(wrong)).rejects.toThrow(
        'model "chain" expects a tensor of shape [9, 9, 2] or [1, 9, 9, 2], got [9, 9, 3]',
      );
      wrong.dispose();
      const nan = seededArray(162, 1);
      nan[7] = NaN;
      await expect(sim.run(nan)).rejects.toThrow("input[7]: expected a finite number, got NaN");
      await expect(sim.run(new Float32Array(162))).resolves.toBeDefined();
      sim.dispose();
    });
  });

  it("ragged nested arrays → InputError naming the row", async () => {
    const m = compileModel(TABLE);
    const w = testWeights(m, 5);
    const sim = new Simulator(m, w);
    const img = Array.from({ length: 8 }, () => Array.from({ length: 8 }, () => 0));
    img[3] = [0, 0];
    await expect(sim.run(img)).rejects.toThrow(
      "input[3]: expected an array of 8, got an array of 2",
    );
    sim.dispose();
    disposeAll(w);
  });

  it("events: trace-start, layer-computed ×4 in order, trace-complete", async () => {
    const sim = new Simulator(model, weights);
    const log: string[] = [];
    sim.addEventListener("trace-start", (e) => log.push(`start ${e.layerCount}`));
    sim.addEventListener("layer-computed", (e: LayerComputedEvent) =>
      log.push(`${e.index}/${e.layerCount} ${e.step.name}`),
    );
    sim.addEventListener("trace-complete", (e) => log.push(`complete ${e.trace.layers.length}`));
    await sim.run(seededArray(162, 6));
    expect(log).toEqual(["start 4", "0/4 conv", "1/4 pool", "2/4 flat", "3/4 fc", "complete 4"]);
    sim.dispose();
  });

  it("yieldEveryMs 0: run yields to the event loop between layers: a setImmediate callback runs mid-run", async () => {
    const sim = new Simulator(model, weights, { yieldEveryMs: 0 });
    const log: string[] = [];
    sim.addEventListener("layer-computed", (e) => log.push(e.step.name));
    sim.addEventListener("trace-complete", () => log.push("complete"));
    const run = sim.run(seededArray(162, 6));
    const { setImmediate } = globalThis as unknown as { setImmediate: (f: () => void) => void };
    setImmediate(() => log.push("other work"));
    await run;
    expect(log.indexOf("other work")).toBeGreaterThan(-1);
    expect(log.indexOf("other work")).toBeLessThan(log.indexOf("complete"));
    sim.dispose();
  });

  it("a huge yieldEveryMs: run yields once, before its first layer; other work waits for the trace", async () => {
    const sim = new Simulator(model, weights, { yieldEveryMs: 1e9 });
    const log: string[] = [];
    sim.addEventListener("layer-computed", (e) => log.push(e.step.name));
    sim.addEventListener("trace-complete", () => log.push("complete"));
    const run = sim.run(seededArray(162, 6));
    // Queued after the run's own first yield: it runs only once the layers are done.
    const { setImmediate } = globalThis as unknown as { setImmediate: (f: () => void) => void };
    setImmediate(() => log.push("other work"));
    await run;
    expect(log.indexOf("other work")).toBe(-1);
    await new Promise((resolve) => setImmediate(() => resolve(undefined)));
    expect(log).toEqual(["conv", "pool", "flat", "fc", "complete", "other work"]);
    sim.dispose();
  });

  it("a new run replaces and disposes the old trace; the tensor count stays the same", async () => {
    const sim = new Simulator(model, weights);
    const first = await sim.run(seededArray(162, 7));
    const count = tf.memory().numTensors;
    const second = await sim.run(seededArray(162, 8));
    expect(first.disposed).toBe(true);
    expect(first.input.tensor.isDisposed).toBe(true);
    expect(sim.trace).toBe(second);
    expect(tf.memory().numTensors).toBe(count);
    // Its values were read back when its run completed: they stay readable after the tensors go.
    expect(first.step("conv").data).toHaveLength(7 * 7 * 3);
    sim.dispose();
  });

  it("dispose() frees every tensor the simulator made (back to baseline); weights stay", async () => {
    const before = tf.memory().numTensors;
    const sim = new Simulator(model, weights);
    await sim.run(seededArray(162, 9));
    expect(tf.memory().numTensors).toBeGreaterThan(before);
    sim.dispose();
    expect(tf.memory().numTensors).toBe(before);
    expect([...weights.values()].every((t) => !t.isDisposed)).toBe(true);
    await expect(sim.run(seededArray(162, 9))).rejects.toThrow(InputError);
  });

  it("missing weight → WeightsError naming the tensor at construction", () => {
    const partial = new Map(weights);
    partial.delete("fc/bias");
    expect(() => new Simulator(model, partial)).toThrow(WeightsError);
    expect(() => new Simulator(model, partial)).toThrow('weight "fc/bias"');
  });
});

describe("Simulator: cancelling", () => {
  let model: CompiledModel;
  let weights: Map<string, tf.Tensor>;
  beforeEach(() => {
    model = compileModel(CHAIN);
    weights = testWeights(model, 12);
  });
  afterEach(() => disposeAll(weights));

  it("abort after the first layer → AbortError, trace-error, tensors freed, previous trace kept", async () => {
    const sim = new Simulator(model, weights);
    const kept = await sim.run(seededArray(162, 1));
    const count = tf.memory().numTensors;
    const controller = new AbortController();
    const errors: unknown[] = [];
    sim.addEventListener("trace-error", (e) => errors.push(e.error));
    sim.addEventListener("layer-computed", (e) => {
      if (e.index === 0) controller.abort();
    });
    const computed: string[] = [];
    sim.addEventListener("layer-computed", (e) => computed.push(e.step.name));
    await expect(
      sim.run(seededArray(162, 2), { signal: controller.signal }),
    ).rejects.toBeInstanceOf(AbortError);
    expect(computed).toEqual(["conv"]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toBeInstanceOf(AbortError);
    expect(tf.memory().numTensors).toBe(count);
    expect(sim.trace).toBe(kept);
    expect(kept.disposed).toBe(false);
    expect(sim.running).toBe(false);
    sim.dispose();
  });

  it("an already aborted signal rejects at once and makes no tensors", async () => {
    await expectNoLeaks(async () => {
      const sim = new Simulator(model, weights);
      await expect(
        sim.run(seededArray(162, 1), { signal: AbortSignal.abort() }),
      ).rejects.toBeInstanceOf(AbortError);
      expect(sim.trace).toBeNull();
      sim.dispose();
    });
  });

  it("a second run() cancels the first: first rejects with AbortError (no trace-error), second resolves", async () => {
    await expectNoLeaks(async () => {
      const sim = new Simulator(model, weights);
      const log: string[] = [];
      sim.addEventListener("trace-start", () => log.push("start"));
      sim.addEventListener("layer-computed", (e) => log.push(e.step.name));
      sim.addEventListener("trace-complete", () => log.push("complete"));
      sim.addEventListener("trace-error", () => log.push("error"));
      const first = sim.run(seededArray(162, 1));
      const second = sim.run(seededArray(162, 2));
      await expect(first).rejects.toThrow("the run was superseded by a newer run");
      await expect(first).rejects.toBeInstanceOf(AbortError);
      const trace = await second;
      expect(sim.trace).toBe(trace);
      expect(log).toEqual(["start", "start", "conv", "pool", "flat", "fc", "complete"]);
      sim.dispose();
    });
  });

  it("dispose() during a run cancels it and frees everything", async () => {
    await expectNoLeaks(async () => {
      const sim = new Simulator(model, weights);
      const run = sim.run(seededArray(162, 1));
      expect(sim.running).toBe(true);
      sim.dispose();
      await expect(run).rejects.toThrow("the simulator was disposed");
    });
  });
});

describe("Simulator: explain", () => {
  for (const spec of [CHAIN, GROUPED, TABLE, MISC]) {
    it(`${spec.name}: explain(...).output equals the trace value (1e-5 rel) at 6 random neurons per layer`, async () => {
      const model = compileModel(spec);
      const weights = testWeights(model, 21);
      await expectNoLeaks(async () => {
        const sim = new Simulator(model, weights);
        const size = model.inputShape.reduce((a, b) => a * b, 1);
        await sim.run(seededArray(size, 99, -1, 1));
        const pick = picker(spec.name.length);
        for (const layer of model.layers) {
          const shape = layer.outputShape;
          const [h, w, c] = shape.length === 3 ? shape : [1, 1, shape[0]];
          for (let k = 0; k < 6; k++) {
            const at = { layer: layer.index, channel: pick(c), y: pick(h), x: pick(w) };
            const e = sim.explain(at);
            expect(e.layer).toBe(layer.name);
            expect(e.kind).toBe(layer.spec.kind);
            expect(e.position).toEqual(at);
            expect(e.explanation.output).toBe(e.output);
            const tol = 1e-5 * Math.abs(e.value) + 1e-6;
            expect(
              Math.abs(e.output - e.value),
              `${layer.name} ${JSON.stringify(at)}`,
            ).toBeLessThanOrEqual(tol);
            expect(e.value).toBe(sim.valueAt(at));
          }
        }
        sim.dispose();
      });
      disposeAll(weights);
    });
  }

  it("explain() defaults to the cursor's neuron and fills missing coordinates with 0", async () => {
    const model = compileModel(CHAIN);
    const weights = testWeights(model, 3);
    const sim = new Simulator(model, weights, { granularity: "neuron" });
    await sim.run(seededArray(162, 5));
    sim.cursor.moveTo({ layer: 0, channel: 2, y: 4, x: 1 });
    expect(sim.explain().position).toEqual({ layer: 0, channel: 2, y: 4, x: 1 });
    expect(sim.explain({ layer: 3 }).position).toEqual({ layer: 3, channel: 0, y: 0, x: 0 });
    sim.dispose();
    disposeAll(weights);
  });

  it("chain conv (y=2, x=3): conv explanation of a 3×3×2 patch, receptive field rows 2…4, cols 3…5", async () => {
    const model = compileModel(CHAIN);
    const weights = testWeights(model, 3);
    const sim = new Simulator(model, weights);
    const input = seededArray(162, 5);
    await sim.run(input);
    const e = sim.explain({ layer: 0, channel: 1, y: 2, x: 3 });
    if (e.explanation.type !== "conv")
      throw new Error(`expected a conv explanation, got ${e.explanation.type}`);
    // The patch is the input at rows 2..4, cols 3..5, channel 0 (plain indexing).
    expect(e.explanation.patch[0][1][2]).toBeCloseTo(input[((2 + 1) * 9 + (3 + 2)) * 2 + 0], 6);
    expect(e.receptiveField.clipped).toEqual({ y0: 2, y1: 5, x0: 3, x1: 6 });
    sim.dispose();
    disposeAll(weights);
  });

  it("explain before any run → InputError; out-of-range neuron → InputError with the range", async () => {
    const model = compileModel(CHAIN);
    const weights = testWeights(model, 3);
    const sim = new Simulator(model, weights);
    expect(() => sim.explain({ layer: 0 })).toThrow("no trace yet: call run(input)");
    await sim.run(seededArray(162, 5));
    expect(() => sim.explain({ layer: 1, channel: 3 })).toThrow(
      'layer "pool" (#1): channel 3 is out of range; expected an integer from 0 to 2',
    );
    sim.dispose();
    disposeAll(weights);
  });

  it("the simulator forwards its cursor's cursor-change events", () => {
    const model = compileModel(CHAIN);
    const weights = testWeights(model, 3);
    const sim = new Simulator(model, weights, { granularity: "channel" });
    const seen: unknown[] = [];
    sim.addEventListener("cursor-change", (e) => seen.push(e.position));
    sim.cursor.next();
    sim.cursor.last();
    expect(seen).toEqual([
      { layer: 0, channel: 1 },
      { layer: 3, channel: 3 },
    ]);
    sim.dispose();
    disposeAll(weights);
  });
});
