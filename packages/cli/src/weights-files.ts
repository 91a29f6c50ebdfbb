/**
 * Weights on disk (Node only): reading a tfjs model.json and the shard files it lists, and writing
 * what the engine's `saveWeights` produced. The engine itself never touches the file system; these
 * functions hand it bytes in memory.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, isAbsolute, join } from "node:path";
import {
  WeightsError,
  weightsMetadata,
  type SavedWeights,
  type WeightsMetadata,
  type WeightsModelJson,
} from "@convstep/engine";
import { UsageError, quote } from "./cli-error.js";
import { readFileBounded } from "./read-file.js";

/** A model.json read from disk with its shards, ready for the engine's `loadWeights`. */
export interface WeightsOnDisk {
  readonly modelJson: WeightsModelJson;
  /** The shards' bytes, in the order the manifest lists them (all groups). */
  readonly shards: ArrayBuffer[];
  /** The model.json's path, so that loading errors name the file. */
  readonly label: string;
}

/** Where {@link writeWeightsToDisk} wrote. */
export interface WrittenWeights {
  readonly modelJsonPath: string;
  readonly shardPaths: readonly string[];
}

/** Copies a Node Buffer's bytes into an ArrayBuffer of its own (Buffers share a pool). */
function toArrayBuffer(buffer: Buffer): ArrayBuffer {
  const out = new ArrayBuffer(buffer.byteLength);
  new Uint8Array(out).set(buffer);
  return out;
}

/**
 * A manifest path as a file under `dir`; WeightsError when it is a URL, absolute or climbs out of
 * `dir` (a model.json may only name files beside it or below it).
 */
function shardFile(dir: string, path: string, jsonPath: string): string {
  const parts = path.split(/[\\/]/);
  if (/^[a-z][a-z0-9+.-]*:/i.test(path) && !/^[a-z]:[\\/]/i.test(path)) {
    throw new WeightsError(
      `${jsonPath}: the shard path ${quote(path, 60)} is a URL; on the command line shards are files beside the model.json`,
    );
  }
  if (isAbsolute(path) || /^[a-z]:/i.test(path) || parts.includes("..") || path === "") {
    throw new WeightsError(
      `${jsonPath}: the shard path ${quote(path, 60)} must be relative and stay in the model.json's folder`,
    );
  }
  return join(dir, ...parts);
}

/** The most bytes a model.json may have (the manifest only: the weights are in the shards). */
const MAX_MANIFEST_BYTES = 16 * 1024 * 1024;

/** The most bytes one shard may have: AlexNet's 60,965,224 float32 weights are 244 MB in all. */
const MAX_SHARD_BYTES = 512 * 1024 * 1024;

/**
 * Parses a model.json's bytes; WeightsError naming the file when they are binary (a shard given in
 * its place) or not JSON.
 */
function parseManifest(bytes: Buffer, jsonPath: string): unknown {
  const expected = "expected a TensorFlow.js model.json (JSON text with a weightsManifest)";
  const head = bytes.subarray(0, 4096);
  if (head.includes(0) || !/^\s*\{/.test(head.toString("utf8"))) {
    const what =
      head.includes(0) || /\.bin$/i.test(jsonPath)
        ? "binary data (a weights shard?)"
        : "text that is not a JSON object";
    throw new WeightsError(`${jsonPath}: not a model.json: it holds ${what}; ${expected}`);
  }
  try {
    return JSON.parse(bytes.toString("utf8"));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const at = / at position (\d+)/.exec(message)?.[1];
    throw new WeightsError(
      `${jsonPath}: not valid JSON (${at === undefined ? "a syntax error" : `a syntax error at character ${at}`}); ${expected}`,
    );
  }
}

/** The shard paths a parsed model.json lists, in order; WeightsError naming the file otherwise. */
function manifestPaths(json: unknown, jsonPath: string): string[] {
  const manifest = (json as { weightsManifest?: unknown } | null)?.weightsManifest;
  if (typeof json !== "object" || json === null || !Array.isArray(manifest)) {
    throw new WeightsError(`${jsonPath}: expected a weightsManifest array`);
  }
  return manifest.flatMap((group: unknown, i) => {
    const paths = (group as { paths?: unknown } | null)?.paths;
    if (!Array.isArray(paths) || !paths.every((p) => typeof p === "string")) {
      throw new WeightsError(
        `${jsonPath}: weightsManifest[${i}].paths: expected an array of file names`,
      );
    }
    return paths as string[];
  });
}

/**
 * Reads a tfjs model.json and every shard it lists (paths relative to the json's folder).
 * Errors name the file: UsageError `cannot read "w/model.json": no such file` for a file that
 * cannot be read, WeightsError for a malformed model.json.
 *
 * ```ts
 * const weights = await loadWeights(model, await readWeightsFromDisk("weights/lenet5/model.json"));
 * ```
 */
export async function readWeightsFromDisk(modelJsonPath: string): Promise<WeightsOnDisk> {
  const bytes = await readFileBounded(modelJsonPath, MAX_MANIFEST_BYTES, "a model.json");
  const json = parseManifest(bytes, modelJsonPath);
  const dir = dirname(modelJsonPath);
  const files = manifestPaths(json, modelJsonPath).map((p) => shardFile(dir, p, modelJsonPath));
  const shards = await Promise.all(
    files.map(async (file) => {
      try {
        return toArrayBuffer(await readFileBounded(file, MAX_SHARD_BYTES, "a weights shard"));
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        throw new UsageError(`${message} (a weights shard listed in ${modelJsonPath})`);
      }
    }),
  );
  return { modelJson: json as WeightsModelJson, shards, label: modelJsonPath };
}

/**
 * What a model.json on disk records about its weights (LRN constants, preprocessing: the engine's
 * `weightsMetadata`), without reading the shards. UsageError when the file cannot be read,
 * WeightsError when it is not JSON or a record is malformed.
 */
export async function readWeightsMetadata(modelJsonPath: string): Promise<WeightsMetadata> {
  const bytes = await readFileBounded(modelJsonPath, MAX_MANIFEST_BYTES, "a model.json");
  return weightsMetadata(parseManifest(bytes, modelJsonPath), modelJsonPath);
}

/**
 * Writes saved weights as `<dir>/model.json` (or `jsonName`) and its shards, creating `dir` when
 * needed. Shards are written first, so a model.json on disk never names a missing shard. Errors
 * name the path: UsageError `cannot write "out/model.json": permission denied`.
 *
 * ```ts
 * await writeWeightsToDisk("weights/lenet5", await saveWeights(model, weights));
 * ```
 */
export async function writeWeightsToDisk(
  dir: string,
  saved: SavedWeights,
  options: { readonly jsonName?: string } = {},
): Promise<WrittenWeights> {
  const jsonName = options.jsonName ?? "model.json";
  const modelJsonPath = join(dir, jsonName);
  const shardPaths = saved.shards.map((s) => shardFile(dir, s.path, modelJsonPath));
  const write = async (path: string, data: string | Uint8Array): Promise<void> => {
    try {
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, data);
    } catch (error) {
      throw writeError(path, error);
    }
  };
  for (const [i, path] of shardPaths.entries()) {
    await write(path, new Uint8Array(saved.shards[i].data));
  }
  await write(modelJsonPath, `${JSON.stringify(saved.modelJson)}\n`);
  return { modelJsonPath, shardPaths };
}

const WRITE_REASONS: Readonly<Record<string, string>> = {
  EACCES: "permission denied",
  EPERM: "permission denied",
  EISDIR: "it is a directory",
  ENOTDIR: "a part of the path is not a directory",
  EEXIST: "a part of the path is a file, expected a directory",
  ENOSPC: "no space left on the device",
  EROFS: "the file system is read-only",
};

function writeError(path: string, error: unknown): UsageError {
  const code = (error as { code?: unknown } | null)?.code;
  const reason =
    typeof code === "string" && WRITE_REASONS[code] !== undefined
      ? WRITE_REASONS[code]
      : error instanceof Error
        ? error.message
        : String(error);
  return new UsageError(`cannot write ${JSON.stringify(path)}: ${reason}`);
}
