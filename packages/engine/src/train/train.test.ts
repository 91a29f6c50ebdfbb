import * as tf from "@tensorflow/tfjs-core";
import { describe, expect, it } from "vitest";
import { expectAllClose, expectNoLeaks } from "../../../../test/helpers.js";
import { AbortError, BackendError, InputError } from "../errors.js";
import { compileModel } from "../model/compile.js";
import type { ModelSpec } from "../spec/types.js";
import { initWeights } from "../weights/init.js";
import { randomShift } from "./augment.js";
import { checkTrainingBackend } from "./backend-check.js";
import { TrainEpochEvent, TrainProgressEvent, type TrainProgress } from "./events.js";
import { train } from "./train.js";

/**
 * A tiny classifier: 4×4×1 images, a 3×3 conv with 2 maps, flatten, dense 2 softmax. Class 0 has
 * ink in the top half, class 1 in the bottom half.
 */
const TINY: ModelSpec = {
  name: "tiny",
  input: { shape: [4, 4, 1] },
  layers: [
    { name: "C1", kind: "conv2d", filters: 2, kernelSize: 3, activation: "tanh" },
    { name: "flatten", kind: "flatten" },
    { name: "out", kind: "dense", units: 2, activation: "softmax" },
  ],
  output: { kind: "probabilities" },
};

/**
 * A tiny LeNet-1998 look-alike: a conv whose second map reads only input channel 1 (a C3-style
 * table), trainable subsampling, a scaled-tanh dense layer and an RBF output with ±1 codes.
 */
const TINY_1998: ModelSpec = {
  name: "tiny-1998",
  input: { shape: [4, 4, 2] },
  layers: [
    {
      name: "C",
      kind: "conv2d",
      filters: 2,
      kernelSize: 1,
      connections: [[0, 1], [1]],
      activation: "scaled-tanh",
    },
    { name: "S", kind: "subsampling", poolSize: 2, activation: "scaled-tanh" },
    { name: "flatten", kind: "flatten" },
    { name: "F", kind: "dense", units: 4, activation: "scaled-tanh" },
    {
      name: "output",
      kind: "rbf",
      centers: [
        [1, 1, -1, -1],
        [-1, -1, 1, 1],
      ],
    },
  ],
  output: { kind: "distances" },
};

/** `n` samples of `shape`: class k (alternating) has ink (value 1) in the top/bottom half. */
function halves(
  n: number,
  [h, w, c]: readonly number[],
): { inputs: Float32Array; labels: Uint8Array } {
  const inputs = new Float32Array(n * h * w * c);
  const labels = new Uint8Array(n);
  for (let s = 0; s < n; s++) {
    const label = s % 2;
    labels[s] = label;
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        const inTop = y < h / 2;
        const ink = (label === 0) === inTop ? 0.5 + 0.5 * (((s * 7 + x * 3 + y) % 5) / 5) : 0;
        for (let k = 0; k < c; k++) inputs[((s * h + y) * w + x) * c + k] = ink;
      }
    }
  }
  return { inputs, labels };
}

function download(weights: Map<string, tf.Tensor>): Map<string, Float32Array> {
  const out = new Map<string, Float32Array>();
  for (const [name, t] of weights) out.set(name, t.dataSync() as Float32Array);
  return out;
}

describe("train", () => {
  it("tiny softmax classifier, 16 samples, adam 8 epochs → loss falls, accuracy 1, no leaks", async () => {
    const model = compileModel(TINY);
    const data = halves(16, [4, 4, 1]);
    await expectNoLeaks(async () => {
      const { weights, history } = await train(model, data, {
        epochs: 8,
        batchSize: 8,
        learningRate: 0.05,
        seed: 3,
        validation: data,
      });
      expect(history).toHaveLength(8);
      expect(history[7].loss).toBeLessThan(history[0].loss / 2);
      expect(history[7].validationAccuracy).toBe(1);
      expect([...weights.keys()]).toEqual(["C1/kernel", "C1/bias", "out/kernel", "out/bias"]);
      tf.dispose([...weights.values()]);
    });
  });

  it("same seed → bit-identical weights; another seed → different ones", async () => {
    const model = compileModel(TINY);
    const data = halves(8, [4, 4, 1]);
    const run = async (seed: number) => {
      const { weights } = await train(model, data, {
        epochs: 2,
        batchSize: 4,
        seed,
        augment: randomShift({ maxShift: 1, fill: 0 }),
      });
      const values = download(weights);
      tf.dispose([...weights.values()]);
      return values;
    };
    await expectNoLeaks(async () => {
      const a = await run(5);
      const b = await run(5);
      const c = await run(6);
      for (const [name, v] of a) expect(Array.from(b.get(name)!), name).toEqual(Array.from(v));
      expect(Array.from(c.get("C1/kernel")!)).not.toEqual(Array.from(a.get("C1/kernel")!));
    });
  });

  it("RBF output with momentum SGD: masked C links stay exactly 0, subsampling coefficient and bias train", async () => {
    const model = compileModel(TINY_1998);
    const data = halves(8, [4, 4, 2]);
    await expectNoLeaks(async () => {
      const start = initWeights(model, { seed: 1 });
      const before = download(start);
      const { weights, history } = await train(model, data, {
        epochs: 6,
        batchSize: 4,
        optimizer: "momentum",
        learningRate: 0.02,
        weights: start,
        validation: data,
      });
      const after = download(weights);
      const startAfter = download(start);
      tf.dispose([...weights.values(), ...start.values()]);
      // Training copies the starting weights and leaves them unchanged.
      for (const [name, v] of before)
        expect(Array.from(startAfter.get(name)!), name).toEqual(Array.from(v));
      // Kernel [1, 1, 2, 2], index (ci, co) = ci·2 + co: the link input 0 → map 1 is cut.
      const kernel = after.get("C/kernel")!;
      expect(Object.is(kernel[0 * 2 + 1], 0)).toBe(true);
      expect(kernel[0 * 2 + 0]).not.toBe(before.get("C/kernel")![0]);
      expect(kernel[1 * 2 + 1]).not.toBe(before.get("C/kernel")![3]);
      expect(Array.from(after.get("S/kernel")!)).not.toEqual(Array.from(before.get("S/kernel")!));
      expect(Array.from(after.get("S/bias")!)).not.toEqual(Array.from(before.get("S/bias")!));
      expect(history[5].loss).toBeLessThan(history[0].loss);
    });
  });

  it("progress: one callback and one event per batch, one epoch event per epoch, with batch fields", async () => {
    const model = compileModel(TINY);
    const data = halves(10, [4, 4, 1]);
    const seen: TrainProgress[] = [];
    const events = new EventTarget();
    let progressEvents = 0;
    let epochEvents = 0;
    events.addEventListener(TrainProgressEvent.eventName, () => progressEvents++);
    events.addEventListener(TrainEpochEvent.eventName, () => epochEvents++);
    await expectNoLeaks(async () => {
      const { weights } = await train(model, data, {
        epochs: 2,
        batchSize: 4,
        onProgress: (p) => seen.push(p),
        events,
      });
      tf.dispose([...weights.values()]);
    });
    // 10 samples in batches of 4: 3 batches (4, 4, 2) per epoch.
    expect(seen.map((p) => `${p.epoch}.${p.batch}/${p.batches}`)).toEqual([
      "0.0/3",
      "0.1/3",
      "0.2/3",
      "1.0/3",
      "1.1/3",
      "1.2/3",
    ]);
    expect(progressEvents).toBe(6);
    expect(epochEvents).toBe(2);
    for (const p of seen) {
      expect(p.loss).toBeGreaterThan(0);
      expect(p.accuracy).toBeGreaterThanOrEqual(0);
      expect(p.accuracy).toBeLessThanOrEqual(1);
      expect(p.samplesPerSecond).toBeGreaterThan(0);
      expect(p.learningRate).toBe(0.001);
    }
  });

  it("learning-rate schedule: epoch e gets rate(e)", async () => {
    const model = compileModel(TINY);
    const data = halves(4, [4, 4, 1]);
    const { weights, history } = await train(model, data, {
      epochs: 3,
      batchSize: 4,
      optimizer: "sgd",
      learningRate: (e) => 0.1 / 2 ** e,
    });
    tf.dispose([...weights.values()]);
    expect(history.map((h) => h.learningRate)).toEqual([0.1, 0.05, 0.025]);
  });

  it("averaging decay ½ over two one-batch epochs → ½·w(after step 1) + ½·w(after step 2)", async () => {
    const model = compileModel(TINY_1998);
    const data = halves(4, [4, 4, 2]);
    const run = async (epochs: number, averaging?: { decay: number }) => {
      const { weights } = await train(model, data, {
        epochs,
        batchSize: 4,
        seed: 9,
        learningRate: 0.01,
        averaging,
      });
      const values = download(weights);
      tf.dispose([...weights.values()]);
      return values;
    };
    await expectNoLeaks(async () => {
      const w1 = await run(1);
      const w2 = await run(2);
      const avg = await run(2, { decay: 0.5 });
      for (const [name, v] of avg) {
        const expected = w1.get(name)!.map((a, i) => 0.5 * a + 0.5 * w2.get(name)![i]);
        expectAllClose(v, expected, { rtol: 1e-6, atol: 1e-7 });
      }
      expect(Object.is(avg.get("C/kernel")![1], 0)).toBe(true);
    });
  });

  it("abort after the first batch → AbortError, no leaked tensors", async () => {
    const model = compileModel(TINY);
    const data = halves(16, [4, 4, 1]);
    const controller = new AbortController();
    await expectNoLeaks(async () => {
      await expect(
        train(model, data, {
          epochs: 5,
          batchSize: 4,
          signal: controller.signal,
          onProgress: () => controller.abort(),
        }),
      ).rejects.toBeInstanceOf(AbortError);
    });
  });

  it("labels out of range, or inputs not whole samples → InputError", async () => {
    const model = compileModel(TINY);
    const data = halves(4, [4, 4, 1]);
    await expect(
      train(model, { inputs: data.inputs, labels: [0, 1, 2, 0] }, { epochs: 1 }),
    ).rejects.toThrow(/label 2 is 2; expected an integer class in \[0, 2\)/);
    await expect(
      train(model, { inputs: new Float32Array(17), labels: [0] }, { epochs: 1 }),
    ).rejects.toBeInstanceOf(InputError);
    await expect(train(model, data, { epochs: 0 })).rejects.toThrow(/epochs/);
  });

  it("wasm backend (no Conv2DBackpropFilter) → BackendError naming the kernel and the layer", async () => {
    // Importing the wasm backend registers its kernels; its binary is not needed for the check.
    await import("@tensorflow/tfjs-backend-wasm");
    expect(tf.getKernel("Conv2D", "wasm")).toBeDefined();
    const model = compileModel(TINY);
    expect(() => checkTrainingBackend(model, "wasm")).toThrow(BackendError);
    expect(() => checkTrainingBackend(model, "wasm")).toThrow(
      /"wasm" backend: layer "C1" \(conv2d\) needs the Conv2DBackpropFilter kernel/,
    );
    expect(() => checkTrainingBackend(model, "cpu")).not.toThrow();
  });
});
