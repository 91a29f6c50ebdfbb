import { mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type * as tf from "@tensorflow/tfjs-core";
import {
  WeightsError,
  compileModel,
  initWeights,
  loadWeights,
  saveWeights,
  type ModelSpec,
} from "@convstep/engine";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectNoLeaks } from "../../../test/helpers.js";
import { UsageError } from "./cli-error.js";
import { readWeightsFromDisk, writeWeightsToDisk } from "./weights-files.js";

// Params: d1/kernel [4, 3] = 12, d1/bias 3, d2/kernel [3, 2] = 6, d2/bias 2 → 23 floats, 92 bytes.
const spec: ModelSpec = {
  name: "two-dense",
  input: { shape: [4] },
  layers: [
    { kind: "dense", name: "d1", units: 3, activation: "relu", biasInitializer: "ones" },
    { kind: "dense", name: "d2", units: 2 },
  ],
};
const model = compileModel(spec);

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "convstep-weights-"));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** Values of every tensor, then disposes them. */
function download(weights: Map<string, tf.Tensor>): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const [name, t] of weights) {
    out.set(name, [...new Uint32Array((t.dataSync() as Float32Array).slice().buffer)]);
    t.dispose();
  }
  return out;
}

async function savedWeights(shardBytes: number) {
  const weights = initWeights(model, { seed: 3 });
  const saved = await saveWeights(model, weights, { shardBytes });
  return { saved, expected: download(weights) };
}

async function caught(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected a rejection");
}

describe("writeWeightsToDisk → readWeightsFromDisk", () => {
  it("92 bytes in shards of 40 → model.json + 3 files; read back → loadWeights gives identical bits", async () => {
    await expectNoLeaks(async () => {
      const { saved, expected } = await savedWeights(40);
      const dir = join(root, "round-trip", "nested");
      const written = await writeWeightsToDisk(dir, saved);
      expect(written.modelJsonPath).toBe(join(dir, "model.json"));
      expect((await readdir(dir)).sort()).toEqual([
        "group1-shard1of3.bin",
        "group1-shard2of3.bin",
        "group1-shard3of3.bin",
        "model.json",
      ]);
      expect((await readFile(join(dir, "group1-shard3of3.bin"))).byteLength).toBe(12);
      const onDisk = await readWeightsFromDisk(written.modelJsonPath);
      expect(onDisk.shards.map((s) => s.byteLength)).toEqual([40, 40, 12]);
      expect(onDisk.label).toBe(written.modelJsonPath);
      expect(onDisk.modelJson).toEqual(JSON.parse(JSON.stringify(saved.modelJson)));
      const loaded = download(await loadWeights(model, onDisk));
      expect(loaded).toEqual(expected);
    });
  });

  it("a hand-made model.json whose shard sits in a subfolder → read from there", async () => {
    const dir = join(root, "subfolder");
    const values = new Float32Array(23).map((_, i) => i / 8);
    const weights = [
      { name: "d1/kernel", shape: [4, 3] },
      { name: "d1/bias", shape: [3] },
      { name: "d2/kernel", shape: [3, 2] },
      { name: "d2/bias", shape: [2] },
    ].map((w) => ({ ...w, dtype: "float32" }));
    const saved = {
      modelJson: { weightsManifest: [{ paths: ["bin/all.bin"], weights }] },
      shards: [{ path: "bin/all.bin", data: values.buffer }],
    };
    await writeWeightsToDisk(dir, saved);
    const onDisk = await readWeightsFromDisk(join(dir, "model.json"));
    expect([...new Float32Array(onDisk.shards[0])]).toEqual([...values]);
  });
});

describe("readWeightsFromDisk: errors name the file", () => {
  it('no model.json there → UsageError cannot read "…/model.json": no such file', async () => {
    const path = join(root, "nowhere", "model.json");
    const error = await caught(readWeightsFromDisk(path));
    expect(error).toBeInstanceOf(UsageError);
    expect(error.message).toBe(`cannot read ${JSON.stringify(path)}: no such file`);
  });

  it("a shard deleted → names the shard file and the model.json listing it", async () => {
    const { saved } = await savedWeights(40);
    const dir = join(root, "missing-shard");
    const { modelJsonPath } = await writeWeightsToDisk(dir, saved);
    await rm(join(dir, "group1-shard2of3.bin"));
    const error = await caught(readWeightsFromDisk(modelJsonPath));
    expect(error).toBeInstanceOf(UsageError);
    expect(error.message).toBe(
      `cannot read ${JSON.stringify(join(dir, "group1-shard2of3.bin"))}: no such file (a weights shard listed in ${modelJsonPath})`,
    );
  });

  it("model.json that is not JSON → WeightsError <path>: not valid JSON", async () => {
    const path = join(root, "bad.json");
    await writeFile(path, "{ weightsManifest: ");
    const error = await caught(readWeightsFromDisk(path));
    expect(error).toBeInstanceOf(WeightsError);
    expect(error.message).toMatch(
      new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}: not valid JSON \\(`),
    );
  });

  it("JSON without weightsManifest → WeightsError <path>: expected a weightsManifest array", async () => {
    const path = join(root, "no-manifest.json");
    await writeFile(path, JSON.stringify({ modelTopology: {} }));
    await expect(readWeightsFromDisk(path)).rejects.toThrow(
      `${path}: expected a weightsManifest array`,
    );
  });

  it("a shard path ../secret.bin → refused, naming the path", async () => {
    const path = join(root, "escape.json");
    await writeFile(
      path,
      JSON.stringify({ weightsManifest: [{ paths: ["../secret.bin"], weights: [] }] }),
    );
    await expect(readWeightsFromDisk(path)).rejects.toThrow(
      `${path}: the shard path "../secret.bin" must be relative and stay in the model.json's folder`,
    );
  });

  it("a wrong shape on disk → loadWeights' error names the model.json path", async () => {
    const { saved } = await savedWeights(1000);
    const dir = join(root, "wrong-shape");
    const json = JSON.parse(JSON.stringify(saved.modelJson)) as {
      weightsManifest: { weights: { shape: number[] }[] }[];
    };
    json.weightsManifest[0].weights[2].shape = [2, 3];
    const { modelJsonPath } = await writeWeightsToDisk(dir, { ...saved, modelJson: json as never });
    await expectNoLeaks(async () => {
      await expect(loadWeights(model, await readWeightsFromDisk(modelJsonPath))).rejects.toThrow(
        `weight "d2/kernel": ${modelJsonPath}: expected shape [3, 2], got [2, 3]`,
      );
    });
  });
});

describe("writeWeightsToDisk: errors name the path", () => {
  it("a file where the folder should be → UsageError cannot write …", async () => {
    const blocker = join(root, "blocker");
    await writeFile(blocker, "x");
    const { saved } = await savedWeights(1000);
    const error = await caught(writeWeightsToDisk(join(blocker, "out"), saved));
    expect(error).toBeInstanceOf(UsageError);
    expect(error.message).toMatch(/^cannot write ".*blocker.*": /);
  });
});
