/**
 * Rewrites the shipped LeNet-5 weights (packages/models/weights/<model>/) with float16 values:
 * half the bytes of float32 (static hosts send `.bin` files uncompressed), the same model.json
 * and shard names, a tfjs `quantization: { dtype: "float16" }` on each tensor. C3's cut links stay
 * exactly 0 (0 is a float16). Running it on float16 files changes nothing (float16 → float32 →
 * float16 is exact). `npm run train:lenet` writes float16 directly; this converts older files.
 *
 *   npm run weights:float16
 */
import "@tensorflow/tfjs-backend-cpu";
import * as tf from "@tensorflow/tfjs-core";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { compileModel, loadWeights, saveWeights, type WeightsModelJson } from "@convstep/engine";
import { getModelSpec } from "@convstep/models";
import { repoPath } from "./lib/paths.js";

async function quantize(name: string): Promise<void> {
  const dir = repoPath("packages", "models", "weights", name);
  const text = readFileSync(join(dir, "model.json"), "utf8");
  const json = JSON.parse(text) as WeightsModelJson;
  const paths = json.weightsManifest.flatMap((g) => g.paths);
  const model = compileModel(getModelSpec(name));
  const weights = await loadWeights(model, {
    modelJson: text,
    shards: paths.map((p) => readFileSync(join(dir, p))),
  });
  const { model: _model, ...metadata } = json.convstep ?? { model: name };
  const saved = await saveWeights(model, weights, { quantize: "float16", metadata });
  tf.dispose([...weights.values()]);
  writeFileSync(join(dir, "model.json"), JSON.stringify(saved.modelJson, null, 2) + "\n");
  for (const shard of saved.shards)
    writeFileSync(join(dir, shard.path), new Uint8Array(shard.data));
  console.log(
    `${name}: ${saved.shards.map((s) => `${s.path} ${s.data.byteLength} bytes`).join(", ")}`,
  );
}

await tf.setBackend("cpu");
for (const name of ["lenet5-1998", "lenet5-keras"]) await quantize(name);
