import * as tf from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-backend-cpu";
import { beforeAll, describe, expect, it } from "vitest";
import { InputError } from "../errors.js";
import { compileModel } from "../model/compile.js";
import { DivergedError } from "../train/diverged.js";
import { train } from "../train/train.js";
import { runActivationRace } from "./activation-race.js";
import { checkHyperparameters } from "./hyperparameters.js";
import { raceNetworkSpec } from "./race-network.js";

/** 40 synthetic "digits": class c has a bright 6×6 square at a place of its own. */
function squares(count: number): { inputs: Float32Array; labels: number[] } {
  const inputs = new Float32Array(count * 784);
  const labels: number[] = [];
  for (let i = 0; i < count; i++) {
    const c = i % 10;
    labels.push(c);
    const top = 2 + 4 * Math.floor(c / 4);
    const left = 2 + 6 * (c % 4);
    for (let y = top; y < top + 6; y++)
      for (let x = left; x < left + 6; x++) inputs[i * 784 + y * 28 + x] = 1;
  }
  return { inputs, labels };
}

beforeAll(async () => {
  tf.env().set("PROD", true);
  await tf.setBackend("cpu");
});

describe("checkHyperparameters", () => {
  it.each([
    [
      { learningRate: 0, batchSize: 8, epochs: 1 },
      /learning rate: expected a number above 0.*got 0$/,
    ],
    [{ learningRate: -1, batchSize: 8, epochs: 1 }, /learning rate: .*got -1$/],
    [{ learningRate: NaN, batchSize: 8, epochs: 1 }, /learning rate: .*got NaN$/],
    [
      { learningRate: 0.1, batchSize: 41, epochs: 1 },
      /batch size: expected a whole number from 1 to 40 .*got 41$/,
    ],
    [{ learningRate: 0.1, batchSize: 2.5, epochs: 1 }, /batch size: .*got 2\.5$/],
    [
      { learningRate: 0.1, batchSize: 8, epochs: 0 },
      /epochs: expected a whole number from 1 to 1000, got 0$/,
    ],
  ])("%o with 40 digits → InputError", (h, message) => {
    expect(() => checkHyperparameters(h, 40)).toThrow(InputError);
    expect(() => checkHyperparameters(h, 40)).toThrow(message);
  });

  it("accepts a batch as large as the data", () => {
    expect(() =>
      checkHyperparameters({ learningRate: 0.1, batchSize: 40, epochs: 1 }, 40),
    ).not.toThrow();
  });
});

describe("runActivationRace", () => {
  it("two runs with the same tiny configuration give identical results", async () => {
    const data = squares(40);
    const options = { seed: 3, epochs: 1, batchSize: 20, learningRate: 0.1, pointsPerEpoch: 2 };
    const a = await runActivationRace(data, options);
    const b = await runActivationRace(data, options);
    const strip = (r: typeof a) =>
      JSON.stringify({ ...r, runs: r.runs.map((x) => ({ ...x, seconds: 0 })) });
    expect(strip(a)).toEqual(strip(b));
    // Two batches of 20 per epoch, one point after each.
    for (const run of a.runs) {
      expect(run.curve.map((p) => [p.epoch, p.step])).toEqual([
        [0.5, 1],
        [1, 2],
      ]);
      for (const p of run.curve) expect(p.error * 20).toBeCloseTo(Math.round(p.error * 20), 9);
    }
    expect(a.runs.map((r) => r.activation)).toEqual(["relu", "tanh"]);
  });

  it("reports where each run first reaches the target, and tanh's steps over ReLU's", async () => {
    const result = await runActivationRace(squares(40), {
      seed: 1,
      epochs: 3,
      batchSize: 10,
      learningRate: 0.5,
      target: 0.9,
      pointsPerEpoch: 4,
    });
    const first = (curve: readonly { step: number; error: number }[]) =>
      curve.find((p) => p.error <= 0.9)?.step;
    const [relu, tanh] = result.runs;
    expect(relu.reached?.step).toBe(first(relu.curve));
    expect(tanh.reached?.step).toBe(first(tanh.curve));
    if (relu.reached && tanh.reached) {
      expect(result.ratio).toBeCloseTo(tanh.reached.step / relu.reached.step, 12);
    } else {
      expect(result.ratio).toBeNull();
    }
  });

  it("refuses a batch larger than the data before training", async () => {
    await expect(runActivationRace(squares(10), { batchSize: 11 })).rejects.toThrow(
      /batch size: expected a whole number from 1 to 10 .*got 11/,
    );
  });
});

describe("train() on a diverging run", () => {
  it("a NaN loss stops the run with a DivergedError and frees its tensors", async () => {
    const model = compileModel(raceNetworkSpec("relu"));
    const before = tf.memory().numTensors;
    const run = train(model, squares(20), {
      epochs: 3,
      batchSize: 10,
      optimizer: "sgd",
      learningRate: 1e30,
      seed: 1,
    });
    await expect(run).rejects.toThrow(DivergedError);
    await expect(run).rejects.toThrow(
      /loss became (NaN|Infinity) at epoch \d+, batch \d+ \(learning rate 1e\+30\)/,
    );
    expect(tf.memory().numTensors).toBe(before);
  });
});
