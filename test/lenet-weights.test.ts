/**
 * The shipped LeNet-5 weights really read digits: inference on convstep's 2,000-digit MNIST test
 * split (see scripts/lib/mnist-source.ts), each model's preprocessing, error at most 2.0%.
 * Also: C3's cut links are exactly zero in the shipped lenet5-1998 weights, and MNIST-style
 * preprocessing keeps real digits readable when they arrive shifted, enlarged and inverted.
 */
import * as tf from "@tensorflow/tfjs-core";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import {
  compileModel,
  lenet1998Input,
  lenetKerasInput,
  loadWeights,
  mnistStyle,
  type CompiledModel,
} from "@convstep/engine";
import { getModelSpec } from "@convstep/models";
import { evaluate } from "../packages/engine/src/train/evaluate.js";
import { loadTrainedWeights } from "../packages/models/src/mnist/trained-weights.js";
import { loadMnistSplit, type MnistDigits } from "../scripts/lib/mnist-source.js";
import { expectNoLeaks } from "./helpers.js";

/** The largest test error the shipped weights may have (the target when training is ≤ 1.5%). */
const MAX_ERROR = 0.02;

const weightsDir = (name: string) =>
  fileURLToPath(new URL(`../packages/models/weights/${name}/`, import.meta.url));

async function shippedWeights(model: CompiledModel): Promise<Map<string, tf.Tensor>> {
  const dir = weightsDir(model.spec.name);
  const modelJson = readFileSync(`${dir}model.json`, "utf8");
  const paths = (
    JSON.parse(modelJson) as { weightsManifest: { paths: string[] }[] }
  ).weightsManifest.flatMap((g) => g.paths);
  return loadWeights(model, { modelJson, shards: paths.map((p) => readFileSync(dir + p)) });
}

/** A digit's model input from 784 values in [0, 1]. */
function toInput(name: string, digit: Float32Array): Float32Array {
  return name === "lenet5-1998" ? lenet1998Input(digit) : lenetKerasInput(digit);
}

function inputs(name: string, digits: MnistDigits, count = digits.count): Float32Array {
  const side = name === "lenet5-1998" ? 1024 : 784;
  const out = new Float32Array(count * side);
  const digit = new Float32Array(784);
  for (let i = 0; i < count; i++) {
    for (let p = 0; p < 784; p++) digit[p] = digits.images[i * 784 + p] / 255;
    out.set(toInput(name, digit), i * side);
  }
  return out;
}

/**
 * Digit `i` as a photo would bring it: enlarged 1.5× (nearest neighbour) into a 60×50 sheet at
 * an offset, dark ink on light paper (1 − v).
 */
function disguised(
  digits: MnistDigits,
  i: number,
): { width: number; height: number; data: Float32Array } {
  const width = 60;
  const height = 50;
  const data = new Float32Array(width * height).fill(1);
  const size = 42; // 28 × 1.5
  const top = 3 + (i % 5);
  const left = 5 + (i % 11);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const v = digits.images[i * 784 + Math.floor(y / 1.5) * 28 + Math.floor(x / 1.5)] / 255;
      data[(top + y) * width + left + x] = 1 - v;
    }
  }
  return { width, height, data };
}

describe("shipped LeNet-5 weights on the MNIST test split", () => {
  let test: MnistDigits;
  beforeAll(() => {
    test = loadMnistSplit().test;
  });

  for (const name of ["lenet5-1998", "lenet5-keras"]) {
    it(`${name}: error on the 2,000 test digits ≤ 2.0%`, async () => {
      const model = compileModel(getModelSpec(name));
      await expectNoLeaks(async () => {
        const weights = await shippedWeights(model);
        const result = await evaluate(model, weights, {
          inputs: inputs(name, test),
          labels: test.labels,
        });
        tf.dispose([...weights.values()]);
        console.log(
          `${name}: test error ${(100 * result.error).toFixed(2)}% on ${result.count} digits`,
        );
        expect(result.count).toBe(2000);
        expect(result.error).toBeLessThanOrEqual(MAX_ERROR);
      });
    });
  }

  it("lenet5-1998: C3's 36 cut links are exactly 0 in the shipped kernel, the 60 others are not", async () => {
    const model = compileModel(getModelSpec("lenet5-1998"));
    const weights = await shippedWeights(model);
    const kernel = await weights.get("C3/kernel")!.data();
    tf.dispose([...weights.values()]);
    const c3 = model.layers.find((l) => l.name === "C3")!;
    const mask = c3.params.find((p) => p.name === "kernel")!.mask!;
    let cut = 0;
    for (let i = 0; i < mask.length; i++) {
      if (mask[i] === 0) {
        cut++;
        expect(kernel[i]).toBe(0);
      }
    }
    // 5·5 taps for each of the 96 − 60 = 36 cut (S2 map, C3 map) pairs.
    expect(cut).toBe(36 * 25);
    const used = Array.from(kernel).filter((_, i) => mask[i] === 1);
    expect(used.filter((v) => v !== 0).length).toBeGreaterThan(used.length * 0.99);
  });

  it("loadTrainedWeights (the package's default loader) gives the same tensors as the files", async () => {
    const model = compileModel(getModelSpec("lenet5-keras"));
    await expectNoLeaks(async () => {
      const a = (await loadTrainedWeights(model))!;
      const b = await shippedWeights(model);
      for (const [k, t] of a)
        expect(Array.from(await t.data()), k).toEqual(Array.from(await b.get(k)!.data()));
      tf.dispose([...a.values(), ...b.values()]);
    });
  });

  for (const name of ["lenet5-1998", "lenet5-keras"]) {
    it(`${name}: 200 test digits enlarged 1.5×, moved and inverted → MNIST-style → error ≤ 3%`, async () => {
      const model = compileModel(getModelSpec(name));
      await expectNoLeaks(async () => {
        const weights = await shippedWeights(model);
        const count = 200;
        const side = name === "lenet5-1998" ? 1024 : 784;
        const x = new Float32Array(count * side);
        for (let i = 0; i < count; i++)
          x.set(toInput(name, mnistStyle(disguised(test, i))), i * side);
        const result = await evaluate(model, weights, {
          inputs: x,
          labels: test.labels.subarray(0, count),
        });
        tf.dispose([...weights.values()]);
        console.log(
          `${name}: error ${(100 * result.error).toFixed(1)}% on ${count} disguised digits`,
        );
        expect(result.error).toBeLessThanOrEqual(0.03);
      });
    });
  }
});
