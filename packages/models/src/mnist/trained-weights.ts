/**
 * The trained weights that ship with @convstep/models: both LeNet-5s, trained on convstep's
 * 8,000-digit MNIST training split by `npm run train:lenet` (see the package README, "Trained
 * LeNet-5 weights"). TensorFlow.js weights-manifest format: a model.json and one float16 shard.
 */
import { loadWeights, type CompiledModel } from "@convstep/engine";
import { readBytes, type BytesFetch, type ReadBytes } from "./read-bytes.js";

/** Where one model's shipped weights lie: the model.json and its shards, by manifest path. */
export interface TrainedWeightsFiles {
  readonly modelJson: URL;
  readonly shards: Readonly<Record<string, URL>>;
}

/**
 * The shipped files, each written as `new URL("…", import.meta.url)` so that bundlers (Vite)
 * copy them as assets and rewrite the URLs.
 */
export const TRAINED_WEIGHTS: Readonly<
  Record<"lenet5-1998" | "lenet5-keras", TrainedWeightsFiles>
> = {
  "lenet5-1998": {
    modelJson: new URL("../../weights/lenet5-1998/model.json", import.meta.url),
    shards: {
      "group1-shard1of1.bin": new URL(
        "../../weights/lenet5-1998/group1-shard1of1.bin",
        import.meta.url,
      ),
    },
  },
  "lenet5-keras": {
    modelJson: new URL("../../weights/lenet5-keras/model.json", import.meta.url),
    shards: {
      "group1-shard1of1.bin": new URL(
        "../../weights/lenet5-keras/group1-shard1of1.bin",
        import.meta.url,
      ),
    },
  },
};

/** True when trained weights ship for the model `name`. */
export function hasTrainedWeights(name: string): name is keyof typeof TRAINED_WEIGHTS {
  return Object.prototype.hasOwnProperty.call(TRAINED_WEIGHTS, name);
}

/** Options of {@link loadTrainedWeights}. */
export interface LoadTrainedWeightsOptions {
  /** Used instead of the global `fetch` for non-`file:` URLs. */
  readonly fetch?: BytesFetch;
  /** Reads the bytes instead of the default (`file:` from disk in Node, else fetch). */
  readonly read?: ReadBytes;
}

/**
 * Loads the shipped trained weights of a compiled model (checked by the engine's `loadWeights`:
 * names, shapes, finite values, C3's cut links zero). Resolves to undefined when none ship for
 * the model. Works in Node (reads the files) and in a page (fetches the bundled assets).
 *
 * ```ts
 * const weights = await loadTrainedWeights(compileModel(getModelSpec("lenet5-1998")));
 * ```
 */
export async function loadTrainedWeights(
  model: CompiledModel,
  options: LoadTrainedWeightsOptions = {},
): Promise<Awaited<ReturnType<typeof loadWeights>> | undefined> {
  const name = model.spec.name;
  if (!hasTrainedWeights(name)) return undefined;
  const files = TRAINED_WEIGHTS[name];
  const read = options.read ?? ((url: URL) => readBytes(url, options.fetch));
  const modelJson = new TextDecoder().decode(await read(files.modelJson));
  const manifest = JSON.parse(modelJson) as { weightsManifest?: { paths?: string[] }[] };
  const paths = (manifest.weightsManifest ?? []).flatMap((g) => g.paths ?? []);
  const shards = await Promise.all(
    paths.map((path) => read(files.shards[path] ?? new URL(path, files.modelJson))),
  );
  return loadWeights(model, { modelJson, shards });
}
