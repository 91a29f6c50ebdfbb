/**
 * Saving and loading weights in TensorFlow.js's weights-manifest format: a `model.json` whose
 * `weightsManifest` lists the tensors (name, shape, dtype) and the binary shards
 * (`group1-shard1of2.bin`, …) that hold their float32 values back to back, little-endian. Files
 * written by the tfjs converter or by `tf.LayersModel.save` load as long as the tensor names are
 * the model's full names (`C1/kernel`).
 *
 * Platform-neutral: URLs are read with `fetch`, files from a picker as Blobs, and Node code passes
 * the bytes in memory (see `@convstep/cli`'s `weights-files.ts`).
 */
import { setFloat16 } from "@petamoriken/float16";
import * as tf from "@tensorflow/tfjs-core";
import {
  AbortError,
  WeightsError,
  WeightsModelError,
  formatShape,
  throwIfAborted,
} from "../errors.js";
import type { CompiledModel } from "../model/compile.js";
import { checkWeights } from "./check.js";
import { weightsMetadata, type WeightsMetadata } from "./metadata.js";

/** The `format` written into a model.json by {@link saveWeights}. */
export const WEIGHTS_FORMAT = "convstep-weights";

/** Default shard size, as the tfjs converter's: 4 MiB. */
export const DEFAULT_SHARD_BYTES = 4 * 1024 * 1024;

/**
 * How a tensor is stored when quantized, as tfjs writes it: `float16` (2 bytes a value) or `uint8`
 * / `uint16` (value = q · scale + min).
 */
export type WeightsQuantizationJson =
  | { readonly dtype: "float16" }
  | { readonly dtype: "uint8" | "uint16"; readonly scale: number; readonly min: number };

/** One tensor of a weights manifest. */
export interface WeightsManifestEntryJson {
  readonly name: string;
  readonly shape: readonly number[];
  /** The tensor's dtype once loaded: convstep reads and writes `float32` only. */
  readonly dtype: string;
  /** Present when the shards hold the tensor quantized (see {@link WeightsQuantizationJson}). */
  readonly quantization?: WeightsQuantizationJson;
  readonly group?: string;
}

/** A group of the manifest: its shard files, in order, and the tensors they hold, in order. */
export interface WeightsManifestGroupJson {
  readonly paths: readonly string[];
  readonly weights: readonly WeightsManifestEntryJson[];
}

/** The parts of a tfjs `model.json` that convstep reads and writes. */
export interface WeightsModelJson {
  /** `convstep-weights` when written by convstep; `layers-model` or `graph-model` from tfjs. */
  readonly format?: string;
  readonly generatedBy?: string;
  readonly convertedBy?: string | null;
  /**
   * Which convstep model the weights belong to (written by {@link saveWeights}), and what a
   * conversion recorded about them (see `weightsMetadata` in metadata.ts: LRN constants, input
   * preprocessing, where the weights came from).
   */
  readonly convstep?: { readonly model: string; readonly [key: string]: unknown };
  /** A Keras topology when the file comes from tfjs; ignored. */
  readonly modelTopology?: unknown;
  readonly weightsManifest: readonly WeightsManifestGroupJson[];
}

/** One shard file: its path relative to model.json, and its bytes. */
export interface SavedShard {
  readonly path: string;
  readonly data: ArrayBuffer;
}

/** What {@link saveWeights} produces: the model.json object and the shard files. */
export interface SavedWeights {
  readonly modelJson: WeightsModelJson;
  readonly shards: readonly SavedShard[];
}

/** Options of {@link saveWeights}. */
export interface SaveWeightsOptions {
  /** Largest shard in bytes (default 4 MiB, as the tfjs converter). */
  readonly shardBytes?: number;
  /** File name prefix of the shards (default `group1`: `group1-shard1of3.bin`). */
  readonly shardPrefix?: string;
  /**
   * Store the values quantized, as the tfjs converter's `--quantize_float16` / `--quantize_uint8`:
   * `float16` (2 bytes a value, round to nearest) or `uint8` (1 byte a value, per tensor scale and
   * min: see {@link quantizeValues}). Default: float32.
   */
  readonly quantize?: "float16" | "uint8";
  /**
   * More fields for the model.json's `convstep` object beside `model` (a conversion's record of
   * LRN constants and preprocessing: see metadata.ts).
   */
  readonly metadata?: Readonly<Record<string, unknown>>;
}

/** Bytes in memory: an ArrayBuffer or a view on one (a Node Buffer, a Uint8Array). */
export type BinaryLike = ArrayBuffer | ArrayBufferView;

/** The part of a Blob or File that loading needs. `name` (a File's) is used to order shards. */
export interface BlobLike {
  text(): Promise<string>;
  arrayBuffer(): Promise<ArrayBuffer>;
  readonly name?: string;
}

/** The part of a fetch Response that loading needs. */
export interface ResponseLike {
  readonly ok: boolean;
  readonly status: number;
  readonly statusText?: string;
  text(): Promise<string>;
  arrayBuffer(): Promise<ArrayBuffer>;
  /** The body as a stream (a real Response's); when present, shards are read chunk by chunk. */
  readonly body?: ReadableStream<Uint8Array> | null;
}

/** A `fetch` function (the global one, or a stand-in). */
export type FetchLike = (url: string, init?: RequestInit) => Promise<ResponseLike>;

/**
 * Where weights come from:
 * - a URL of a model.json (shards are fetched relative to it);
 * - in memory, the model.json (parsed or as text) with its shards in manifest order, or with all
 *   the bytes in one buffer (`label` names it in messages, e.g. the path it was read from);
 * - files (Blobs) from a picker or a drop: the model.json and its shards. When every shard has a
 *   `name`, they are matched to the manifest's paths by file name; otherwise they are taken in
 *   manifest order.
 */
export type WeightsSource =
  | string
  | (InMemoryBase & { readonly shards: readonly BinaryLike[] })
  | (InMemoryBase & { readonly weightData: BinaryLike })
  | { readonly json: BlobLike; readonly shards: readonly BlobLike[] };

/** What both in-memory sources have. */
export interface InMemoryBase {
  /** The model.json, parsed or as text. */
  readonly modelJson: WeightsModelJson | string;
  /** How messages name the model.json (e.g. its file path); default `model.json (in memory)`. */
  readonly label?: string;
}

/**
 * How far a load has come (see {@link LoadWeightsOptions.onProgress}). `totalBytes` is what the
 * manifest's shapes and dtypes need; `loadedBytes` counts the shard bytes read so far.
 */
export interface WeightsLoadProgress {
  readonly loadedBytes: number;
  readonly totalBytes: number;
  /** Shards read completely so far. */
  readonly shardsLoaded: number;
  /** Shards the manifest lists (all groups). */
  readonly shards: number;
}

/** Options of {@link loadWeights}. */
export interface LoadWeightsOptions {
  /** Used instead of the global `fetch` for URL sources. */
  readonly fetch?: FetchLike;
  /** Passed to every fetch (headers, credentials, …). */
  readonly requestInit?: RequestInit;
  /** Cancels the load: it then rejects with an AbortError. */
  readonly signal?: AbortSignal;
  /**
   * Refuse a model.json written by convstep for another model (`convstep.model` differs from the
   * spec's name). Default true; tensor names and shapes are checked either way.
   */
  readonly checkModelName?: boolean;
  /**
   * Called as the shards arrive: once with `loadedBytes` 0 when the manifest has been checked, then
   * as bytes arrive (per chunk when a fetch Response has a body stream, else per shard), last with
   * every shard loaded. Not called when the manifest is refused.
   */
  readonly onProgress?: (progress: WeightsLoadProgress) => void;
}

// ---------------------------------------------------------------------------------------------
// Saving

function shardPaths(prefix: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => `${prefix}-shard${i + 1}of${count}.bin`);
}

/**
 * Encodes a model's weights as a tfjs model.json and binary shards, tensors in model order.
 * Checks the weights first (checkWeights: WeightsError naming the tensor). Shards are cut every
 * `shardBytes` bytes, as the tfjs converter does (a tensor may straddle two shards).
 *
 * ```ts
 * const { modelJson, shards } = await saveWeights(model, weights);
 * // modelJson.weightsManifest[0].paths → ["group1-shard1of1.bin"]
 * ```
 */
export async function saveWeights(
  model: CompiledModel,
  weights: ReadonlyMap<string, tf.Tensor>,
  options: SaveWeightsOptions = {},
): Promise<SavedWeights> {
  const { shardBytes = DEFAULT_SHARD_BYTES, shardPrefix = "group1" } = options;
  if (!Number.isInteger(shardBytes) || shardBytes <= 0) {
    throw new WeightsError(`saveWeights: shardBytes must be a positive integer, got ${shardBytes}`);
  }
  if (!/^[\w.-]+$/.test(shardPrefix)) {
    throw new WeightsError(
      `saveWeights: shardPrefix must be a plain file name (letters, digits, _ . -), got ${JSON.stringify(shardPrefix)}`,
    );
  }
  const { quantize } = options;
  if (quantize !== undefined && quantize !== "float16" && quantize !== "uint8") {
    throw new WeightsError(
      `saveWeights: quantize must be "float16" or "uint8", got ${JSON.stringify(quantize)}`,
    );
  }
  checkWeights(model, weights);
  const named = model.params.map((p) => ({ name: p.fullName, tensor: weights.get(p.fullName)! }));
  const { data, specs } =
    quantize === undefined
      ? await tf.io.encodeWeights(named)
      : await encodeQuantized(named, quantize);
  const count = named.length === 0 ? 0 : Math.max(1, Math.ceil(data.byteLength / shardBytes));
  const paths = shardPaths(shardPrefix, count);
  const shards = paths.map((path, i) => ({
    path,
    data: data.slice(i * shardBytes, Math.min(data.byteLength, (i + 1) * shardBytes)),
  }));
  const modelJson: WeightsModelJson = {
    format: WEIGHTS_FORMAT,
    generatedBy: "convstep",
    convertedBy: null,
    convstep: { ...options.metadata, model: model.spec.name },
    weightsManifest:
      count === 0
        ? []
        : [
            {
              paths,
              weights: specs.map((s) => ({
                name: s.name,
                shape: [...s.shape],
                dtype: s.dtype,
                ...(s.quantization
                  ? { quantization: s.quantization as WeightsQuantizationJson }
                  : {}),
              })),
            },
          ],
  };
  return { modelJson, shards };
}

/**
 * Quantizes one tensor's values: float16 halves (IEEE 754, round to nearest even) or uint8 codes
 * q with value = q · scale + min, scale = (max(max, 0) − min(min, 0)) / 255 and min nudged so that
 * 0 is a code (all values 0: scale 1). Every value comes back within scale / 2.
 */
export function quantizeValues(
  values: Float32Array,
  dtype: "float16" | "uint8",
): { bytes: Uint8Array; quantization: WeightsQuantizationJson } {
  if (dtype === "float16") {
    const bytes = new Uint8Array(values.length * 2);
    const view = new DataView(bytes.buffer);
    for (let i = 0; i < values.length; i++) setFloat16(view, i * 2, values[i], true);
    return { bytes, quantization: { dtype: "float16" } };
  }
  // As the tfjs converter: the range includes 0 and is nudged so that 0 is a code, so zeros (the
  // masked links of a connection table) load back as exactly 0.
  let lo = 0;
  let hi = 0;
  for (const v of values) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  const scale = hi > lo ? (hi - lo) / 255 : 1;
  const zero = Math.min(255, Math.max(0, Math.round(-lo / scale)));
  const min = -(zero * scale);
  const bytes = new Uint8Array(values.length);
  for (let i = 0; i < values.length; i++) {
    bytes[i] = Math.min(255, Math.max(0, Math.round((values[i] - min) / scale)));
  }
  return { bytes, quantization: { dtype: "uint8", scale, min } };
}

async function encodeQuantized(
  named: readonly { name: string; tensor: tf.Tensor }[],
  dtype: "float16" | "uint8",
): Promise<{ data: ArrayBuffer; specs: tf.io.WeightsManifestEntry[] }> {
  const parts: Uint8Array[] = [];
  const specs: tf.io.WeightsManifestEntry[] = [];
  for (const { name, tensor } of named) {
    const { bytes, quantization } = quantizeValues((await tensor.data()) as Float32Array, dtype);
    parts.push(bytes);
    specs.push({
      name,
      shape: tensor.shape,
      dtype: "float32",
      quantization: quantization as tf.io.WeightsManifestEntry["quantization"],
    });
  }
  const data = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let at = 0;
  for (const p of parts) {
    data.set(p, at);
    at += p.byteLength;
  }
  return { data: data.buffer, specs };
}

// ---------------------------------------------------------------------------------------------
// Reading the manifest

interface ParsedEntry {
  readonly name: string;
  readonly shape: number[];
  readonly quantization: WeightsQuantizationJson | undefined;
  /** Bytes a value takes in the shards: 4 (float32), 2 (float16, uint16) or 1 (uint8). */
  readonly bytesPerValue: number;
}

const QUANTIZED_BYTES: Readonly<Record<string, number>> = { float16: 2, uint16: 2, uint8: 1 };

/** A manifest entry's `quantization`, checked; WeightsError naming the tensor otherwise. */
function parseQuantization(raw: unknown, name: string, label: string): WeightsQuantizationJson {
  const q = raw as { dtype?: unknown; scale?: unknown; min?: unknown } | null;
  const dtype = typeof q === "object" && q !== null ? q.dtype : undefined;
  if (dtype === "float16") return { dtype };
  if (dtype === "uint8" || dtype === "uint16") {
    const { scale, min } = q!;
    if (typeof scale !== "number" || !Number.isFinite(scale) || scale < 0) {
      throw new WeightsError(
        `${label}: ${dtype} quantization needs a finite scale ≥ 0, got ${JSON.stringify(scale)}`,
        name,
      );
    }
    if (typeof min !== "number" || !Number.isFinite(min)) {
      throw new WeightsError(
        `${label}: ${dtype} quantization needs a finite min, got ${JSON.stringify(min)}`,
        name,
      );
    }
    return { dtype, scale, min };
  }
  throw new WeightsError(
    `${label}: quantized weights (${JSON.stringify(dtype ?? null)}) are not supported; convstep reads float16, uint8 and uint16 quantization`,
    name,
  );
}

interface ParsedGroup {
  readonly index: number;
  readonly paths: readonly string[];
  readonly entries: readonly ParsedEntry[];
}

interface ParsedManifest {
  readonly groups: readonly ParsedGroup[];
  readonly modelName: string | undefined;
}

function kindOf(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (Array.isArray(value)) return "an array";
  return typeof value === "object" ? "an object" : `${typeof value} ${JSON.stringify(value)}`;
}

function parseJsonText(text: string, label: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new WeightsError(`${label}: not valid JSON (${(error as Error).message})`);
  }
}

function parseEntry(raw: unknown, where: string, label: string): ParsedEntry {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    throw new WeightsError(`${label}: ${where}: expected an object, got ${kindOf(raw)}`);
  }
  const entry = raw as Record<string, unknown>;
  if (typeof entry.name !== "string" || entry.name === "") {
    throw new WeightsError(`${label}: ${where}: expected a name string, got ${kindOf(entry.name)}`);
  }
  const name = entry.name;
  const shape = entry.shape;
  if (!Array.isArray(shape) || !shape.every((d) => Number.isInteger(d) && (d as number) >= 0)) {
    throw new WeightsError(
      `${label}: expected a shape of non-negative integers, got ${JSON.stringify(shape)}`,
      name,
    );
  }
  if (entry.dtype !== "float32") {
    throw new WeightsError(
      `${label}: dtype ${JSON.stringify(entry.dtype)} is not supported; convstep reads float32 weights only`,
      name,
    );
  }
  const quantization =
    entry.quantization === undefined
      ? undefined
      : parseQuantization(entry.quantization, name, label);
  const bytesPerValue = quantization ? QUANTIZED_BYTES[quantization.dtype] : 4;
  return { name, shape: shape as number[], quantization, bytesPerValue };
}

/** Validates a parsed model.json; WeightsError naming `label` (the file) or the tensor. */
function parseManifest(json: unknown, label: string): ParsedManifest {
  if (typeof json !== "object" || json === null || Array.isArray(json)) {
    throw new WeightsError(`${label}: expected a JSON object, got ${kindOf(json)}`);
  }
  const obj = json as Record<string, unknown>;
  const manifest = obj.weightsManifest;
  if (!Array.isArray(manifest)) {
    throw new WeightsError(`${label}: expected a weightsManifest array, got ${kindOf(manifest)}`);
  }
  const seen = new Set<string>();
  const groups = manifest.map((rawGroup: unknown, index): ParsedGroup => {
    const where = `weightsManifest[${index}]`;
    if (typeof rawGroup !== "object" || rawGroup === null || Array.isArray(rawGroup)) {
      throw new WeightsError(`${label}: ${where}: expected an object, got ${kindOf(rawGroup)}`);
    }
    const group = rawGroup as Record<string, unknown>;
    const { paths, weights } = group;
    if (!Array.isArray(paths) || !paths.every((p) => typeof p === "string" && p !== "")) {
      throw new WeightsError(
        `${label}: ${where}.paths: expected an array of file names, got ${JSON.stringify(paths)}`,
      );
    }
    if (!Array.isArray(weights)) {
      throw new WeightsError(
        `${label}: ${where}.weights: expected an array, got ${kindOf(weights)}`,
      );
    }
    const entries = weights.map((w: unknown, i) => parseEntry(w, `${where}.weights[${i}]`, label));
    for (const e of entries) {
      if (seen.has(e.name))
        throw new WeightsError(`${label}: listed twice in the manifest`, e.name);
      seen.add(e.name);
    }
    return { index, paths: paths as string[], entries };
  });
  const convstep = obj.convstep as { model?: unknown } | undefined;
  const modelName =
    typeof convstep === "object" && convstep !== null && typeof convstep.model === "string"
      ? convstep.model
      : undefined;
  return { groups, modelName };
}

function size(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}

/** The bytes a group's tensors take in its shards (float32: 4 a value, quantized: 2 or 1). */
function groupBytes(group: ParsedGroup): number {
  return group.entries.reduce((n, e) => n + size(e.shape) * e.bytesPerValue, 0);
}

/** "476 bytes (119 float32 values)" when the group is all float32, else "476 bytes". */
function describeBytes(bytes: number, groups: readonly ParsedGroup[]): string {
  const float32 = groups.every((g) => g.entries.every((e) => e.bytesPerValue === 4));
  return float32 ? `${bytes} bytes (${bytes / 4} float32 values)` : `${bytes} bytes`;
}

/** Names and shapes of the manifest against the model, before any bytes are read. */
function checkManifestAgainstModel(
  model: CompiledModel,
  parsed: ParsedManifest,
  label: string,
  checkModelName: boolean,
): void {
  if (checkModelName && parsed.modelName !== undefined && parsed.modelName !== model.spec.name) {
    throw new WeightsModelError(
      `${label}: the weights are for model "${parsed.modelName}", not "${model.spec.name}"`,
      parsed.modelName,
      model.spec.name,
    );
  }
  const entries = new Map(parsed.groups.flatMap((g) => g.entries.map((e) => [e.name, e] as const)));
  const known = new Set(model.params.map((p) => p.fullName));
  const extras = [...entries.keys()].filter((n) => !known.has(n));
  for (const p of model.params) {
    const e = entries.get(p.fullName);
    if (!e) {
      const hint = extras.length
        ? `; the manifest has weights the model does not: ${extras.slice(0, 5).join(", ")}${extras.length > 5 ? ", …" : ""}`
        : "";
      throw new WeightsError(
        `missing from ${label} (expected shape ${formatShape(p.shape)})${hint}`,
        p.fullName,
      );
    }
    if (e.shape.length !== p.shape.length || e.shape.some((d, i) => d !== p.shape[i])) {
      throw new WeightsError(
        `${label}: expected shape ${formatShape(p.shape)}, got ${formatShape(e.shape)}`,
        p.fullName,
      );
    }
  }
  if (extras.length > 0) {
    throw new WeightsError(`${label}: not a weight of model "${model.spec.name}"`, extras[0]);
  }
}

// ---------------------------------------------------------------------------------------------
// Reading the bytes

function isArrayBuffer(x: unknown): x is ArrayBuffer {
  return Object.prototype.toString.call(x) === "[object ArrayBuffer]";
}

/** An ArrayBuffer holding exactly the bytes of `data` (copied when `data` is a view). */
function toArrayBuffer(data: BinaryLike, what: string): ArrayBuffer {
  if (isArrayBuffer(data)) return data;
  if (ArrayBuffer.isView(data)) {
    const copy = new Uint8Array(data.byteLength);
    copy.set(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
    return copy.buffer;
  }
  throw new WeightsError(`${what}: expected an ArrayBuffer or a typed array, got ${kindOf(data)}`);
}

function basename(path: string): string {
  return path.slice(path.lastIndexOf("/") + 1);
}

/** Counts the bytes and shards read, and tells {@link LoadWeightsOptions.onProgress}. */
interface ProgressTracker {
  /** `bytes` more of some shard have arrived. */
  add(bytes: number): void;
  /** One more shard is complete; `bytes` of it had not been counted by {@link add} yet. */
  shardDone(bytes: number): void;
}

function progressTracker(
  totalBytes: number,
  shards: number,
  onProgress: LoadWeightsOptions["onProgress"],
): ProgressTracker {
  let loadedBytes = 0;
  let shardsLoaded = 0;
  const tell = (): void => onProgress?.({ loadedBytes, totalBytes, shardsLoaded, shards });
  tell();
  return {
    add(bytes) {
      loadedBytes += bytes;
      tell();
    },
    shardDone(bytes) {
      loadedBytes += bytes;
      shardsLoaded += 1;
      tell();
    },
  };
}

/** A source resolved to its parsed model.json and a way to read the shards it lists. */
interface OpenedSource {
  /** "model.json at https://…", "model.json (in memory)", `model.json "lenet.json"`. */
  readonly label: string;
  readonly json: unknown;
  /** The shards' bytes in manifest order (all groups), with a label per shard for messages. */
  readShards(
    paths: readonly string[],
    progress: ProgressTracker,
  ): Promise<{ data: ArrayBuffer[]; labels: string[] } | ArrayBuffer>;
}

/** Resolves a shard path against the model.json URL (relative URLs work too, e.g. in a page). */
export function resolveShardUrl(modelJsonUrl: string, path: string): string {
  try {
    return new URL(path, modelJsonUrl).href;
  } catch {
    const base = modelJsonUrl.split(/[?#]/)[0];
    return base.slice(0, base.lastIndexOf("/") + 1) + path;
  }
}

/** Stands in for the page's address when a model.json URL is relative (only to compare paths). */
const RELATIVE_BASE = "http://relative.invalid/";

/**
 * Checks that a manifest's shard path stays beside the model.json, as the CLI requires on disk:
 * a relative path (no scheme, no leading `/`, no backslash) that resolves to the same origin and
 * inside the model.json's folder (`..`, also as `%2e%2e`, may not climb out). WeightsError naming
 * the path and the model.json URL otherwise. Returns the shard's URL ({@link resolveShardUrl}).
 */
export function shardUrlInside(modelJsonUrl: string, path: string): string {
  const refuse = (): never => {
    throw new WeightsError(
      `model.json at ${modelJsonUrl}: the shard path ${JSON.stringify(path)} must be relative and stay in the model.json's folder`,
    );
  };
  if (
    path === "" ||
    /^[a-z][a-z\d+.-]*:/i.test(path) ||
    /^[/\\]/.test(path) ||
    path.includes("\\")
  ) {
    refuse();
  }
  let base: URL;
  let resolved: URL;
  try {
    base = new URL(modelJsonUrl, RELATIVE_BASE);
    resolved = new URL(path, base);
  } catch {
    return refuse();
  }
  const folder = base.pathname.slice(0, base.pathname.lastIndexOf("/") + 1);
  if (resolved.origin !== base.origin || !resolved.pathname.startsWith(folder)) refuse();
  return resolveShardUrl(modelJsonUrl, path);
}

async function fetchOrThrow(
  fetchFn: FetchLike,
  url: string,
  what: string,
  options: LoadWeightsOptions,
): Promise<ResponseLike> {
  let response: ResponseLike;
  try {
    response = await fetchFn(url, {
      ...options.requestInit,
      signal: options.signal ?? options.requestInit?.signal,
    });
  } catch (error) {
    throwIfAborted(options.signal);
    if ((error as Error)?.name === "AbortError") throw new AbortError();
    throw new WeightsError(
      `${what} at ${url}: fetch failed (${(error as Error)?.message ?? String(error)})`,
    );
  }
  throwIfAborted(options.signal);
  if (!response.ok) {
    const text = response.statusText ? ` ${response.statusText}` : "";
    throw new WeightsError(`${what} at ${url}: HTTP ${response.status}${text}`);
  }
  return response;
}

/** Reads a response body chunk by chunk when it has a stream (telling `progress`), else whole. */
async function readBody(
  response: ResponseLike,
  progress: ProgressTracker,
  signal: AbortSignal | undefined,
): Promise<ArrayBuffer> {
  const body = response.body;
  if (!body || typeof body.getReader !== "function") {
    const data = await response.arrayBuffer();
    throwIfAborted(signal);
    progress.shardDone(data.byteLength);
    return data;
  }
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      throwIfAborted(signal);
      if (done) break;
      chunks.push(value);
      length += value.byteLength;
      progress.add(value.byteLength);
    }
  } catch (error) {
    void reader.cancel().catch(() => undefined);
    throw error;
  }
  const out = new Uint8Array(length);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  progress.shardDone(0);
  return out.buffer;
}

async function openUrl(url: string, options: LoadWeightsOptions): Promise<OpenedSource> {
  const fetchFn: FetchLike | undefined =
    options.fetch ?? (typeof fetch === "function" ? (fetch as FetchLike) : undefined);
  if (!fetchFn) {
    throw new WeightsError(`cannot fetch ${url}: there is no global fetch; pass options.fetch`);
  }
  const label = `model.json at ${url}`;
  const response = await fetchOrThrow(fetchFn, url, "model.json", options);
  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    throwIfAborted(options.signal);
    throw new WeightsError(`${label}: could not read the body (${(error as Error).message})`);
  }
  const json = parseJsonText(text, label);
  return {
    label,
    json,
    async readShards(paths, progress) {
      const urls = paths.map((p) => shardUrlInside(url, p));
      const labels = paths.map((p, i) => `weights shard ${JSON.stringify(p)} at ${urls[i]}`);
      const data = await Promise.all(
        urls.map(async (u, i) => {
          const r = await fetchOrThrow(
            fetchFn,
            u,
            `weights shard ${JSON.stringify(paths[i])}`,
            options,
          );
          try {
            return await readBody(r, progress, options.signal);
          } catch (error) {
            throwIfAborted(options.signal);
            if (error instanceof AbortError) throw error;
            if ((error as Error)?.name === "AbortError") throw new AbortError();
            throw new WeightsError(
              `${labels[i]}: could not read the body (${(error as Error).message})`,
            );
          }
        }),
      );
      return { data, labels };
    },
  };
}

function openMemory(
  source: InMemoryBase &
    ({ readonly shards: readonly BinaryLike[] } | { readonly weightData: BinaryLike }),
): OpenedSource {
  const label = source.label ?? "model.json (in memory)";
  const json =
    typeof source.modelJson === "string"
      ? parseJsonText(source.modelJson, label)
      : source.modelJson;
  return {
    label,
    json,
    async readShards(paths, progress) {
      if ("weightData" in source) {
        const data = toArrayBuffer(source.weightData, "weightData");
        progress.add(data.byteLength);
        return data;
      }
      if (!Array.isArray(source.shards)) {
        throw new WeightsError(
          `${label}: expected shards to be an array of ArrayBuffers, got ${kindOf(source.shards)}`,
        );
      }
      if (source.shards.length !== paths.length) {
        throw new WeightsError(
          `${label}: the manifest lists ${paths.length} shard file(s) (${paths.join(", ") || "none"}), got ${source.shards.length} buffer(s)`,
        );
      }
      const data = source.shards.map((s, i) => toArrayBuffer(s, `shard ${i} (${paths[i]})`));
      for (const d of data) progress.shardDone(d.byteLength);
      return { data, labels: paths.map((p) => `shard "${p}"`) };
    },
  };
}

/** Matches picked files to the manifest's paths: by file name when every file has one. */
function orderBlobs(
  paths: readonly string[],
  blobs: readonly BlobLike[],
  label: string,
): BlobLike[] {
  const named = blobs.length > 0 && blobs.every((b) => typeof b.name === "string" && b.name !== "");
  if (named) {
    const byName = new Map(blobs.map((b) => [b.name!, b]));
    return paths.map((p) => {
      const b = byName.get(basename(p));
      if (!b) {
        throw new WeightsError(
          `${label}: the manifest lists the shard "${p}", which is not among the files given (${blobs
            .map((x) => x.name)
            .join(", ")})`,
        );
      }
      return b;
    });
  }
  if (blobs.length !== paths.length) {
    throw new WeightsError(
      `${label}: the manifest lists ${paths.length} shard file(s) (${paths.join(", ") || "none"}), got ${blobs.length} file(s)`,
    );
  }
  return [...blobs];
}

async function openBlobs(source: {
  readonly json: BlobLike;
  readonly shards: readonly BlobLike[];
}): Promise<OpenedSource> {
  const name = source.json?.name;
  const label = name ? `model.json "${name}"` : "model.json (file)";
  let text: string;
  try {
    text = await source.json.text();
  } catch (error) {
    throw new WeightsError(`${label}: could not read the file (${(error as Error).message})`);
  }
  const json = parseJsonText(text, label);
  return {
    label,
    json,
    async readShards(paths, progress) {
      if (!Array.isArray(source.shards)) {
        throw new WeightsError(
          `${label}: expected shards to be an array of files, got ${kindOf(source.shards)}`,
        );
      }
      const blobs = orderBlobs(paths, source.shards, label);
      const labels = blobs.map((b, i) =>
        b.name ? `shard file "${b.name}"` : `shard "${paths[i]}"`,
      );
      const data = await Promise.all(
        blobs.map(async (b, i) => {
          try {
            const bytes = await b.arrayBuffer();
            progress.shardDone(bytes.byteLength);
            return bytes;
          } catch (error) {
            throw new WeightsError(
              `${labels[i]}: could not read the file (${(error as Error).message})`,
            );
          }
        }),
      );
      return { data, labels };
    },
  };
}

function openSource(
  source: WeightsSource,
  options: LoadWeightsOptions,
): Promise<OpenedSource> | OpenedSource {
  if (typeof source === "string") return openUrl(source, options);
  if (typeof source === "object" && source !== null) {
    if ("modelJson" in source) return openMemory(source);
    if ("json" in source) return openBlobs(source);
  }
  throw new WeightsError(
    `loadWeights: expected a URL string, {modelJson, shards}, {modelJson, weightData} or {json, shards}, got ${kindOf(source)}`,
  );
}

/** Checks the byte counts: per group when shards are separate, in total for one buffer. */
function checkByteCounts(
  groups: readonly ParsedGroup[],
  read: { data: ArrayBuffer[]; labels: string[] } | ArrayBuffer,
  label: string,
): ArrayBuffer[] {
  const need = groups.map(groupBytes);
  if (isArrayBuffer(read)) {
    const total = need.reduce((a, b) => a + b, 0);
    if (read.byteLength !== total) {
      throw new WeightsError(
        `${label}: weightData holds ${read.byteLength} bytes, the manifest needs ${describeBytes(total, groups).replace(" bytes", "")}`,
      );
    }
    return [read];
  }
  let next = 0;
  groups.forEach((g, gi) => {
    const data = read.data.slice(next, next + g.paths.length);
    const got = data.reduce((n, d) => n + d.byteLength, 0);
    if (got !== need[gi]) {
      const files = read.labels.slice(next, next + g.paths.length).join(", ") || "no shard files";
      throw new WeightsError(
        `${label}: weightsManifest[${g.index}] needs ${describeBytes(need[gi], [g])}, its shards hold ${got} (${files})`,
      );
    }
    next += g.paths.length;
  });
  return read.data;
}

/**
 * Loads a model's weights from a tfjs model.json and its shards: from a URL (with `fetch`, shards
 * relative to the model.json), from memory or from picked files (see {@link WeightsSource}).
 * Names and shapes are checked against the model before the shards are read; the loaded tensors
 * then pass {@link checkWeights} (finite, masked entries zero) or are disposed. Tensors are
 * float32, stored as float32 or quantized (float16, uint8, uint16: dequantized here).
 *
 * Errors are WeightsErrors naming the tensor (`weight "C3/kernel": model.json at …: expected shape
 * [5, 5, 6, 16], got [5, 5, 6, 15]`) or the file or URL (`model.json at https://…: HTTP 404`); an
 * aborted signal rejects with an AbortError. The caller owns (and disposes) the returned tensors.
 *
 * ```ts
 * const weights = await loadWeights(model, "https://example.org/lenet5/model.json");
 * ```
 */
export async function loadWeights(
  model: CompiledModel,
  source: WeightsSource,
  options: LoadWeightsOptions = {},
): Promise<Map<string, tf.Tensor>> {
  return (await loadWeightsWithMetadata(model, source, options)).weights;
}

/**
 * {@link loadWeights}, also returning what the model.json records about the weights (LRN
 * constants, preprocessing, release: see metadata.ts). Apply it with `applyWeightsMetadata` to
 * run the weights as they were trained; the weights fit both specs (LRN has no weights).
 *
 * ```ts
 * const { weights, metadata } = await loadWeightsWithMetadata(model, url, { onProgress });
 * const trained = compileModel(applyWeightsMetadata(model.spec, metadata));
 * ```
 */
export async function loadWeightsWithMetadata(
  model: CompiledModel,
  source: WeightsSource,
  options: LoadWeightsOptions = {},
): Promise<{ weights: Map<string, tf.Tensor>; metadata: WeightsMetadata; modelJson: unknown }> {
  throwIfAborted(options.signal);
  const opened = await openSource(source, options);
  throwIfAborted(options.signal);
  const parsed = parseManifest(opened.json, opened.label);
  const metadata = weightsMetadata(opened.json, opened.label);
  checkManifestAgainstModel(model, parsed, opened.label, options.checkModelName ?? true);
  const paths = parsed.groups.flatMap((g) => g.paths);
  const totalBytes = parsed.groups.reduce((n, g) => n + groupBytes(g), 0);
  const progress = progressTracker(totalBytes, paths.length, options.onProgress);
  const read = await opened.readShards(paths, progress);
  throwIfAborted(options.signal);
  const buffers = checkByteCounts(parsed.groups, read, opened.label);
  const specs: tf.io.WeightsManifestEntry[] = parsed.groups.flatMap((g) =>
    g.entries.map((e): tf.io.WeightsManifestEntry => ({
      name: e.name,
      shape: e.shape,
      dtype: "float32",
      ...(e.quantization
        ? { quantization: e.quantization as tf.io.WeightsManifestEntry["quantization"] }
        : {}),
    })),
  );
  const decoded = tf.io.decodeWeights(buffers.length === 1 ? buffers[0] : buffers, specs);
  const out = new Map<string, tf.Tensor>();
  for (const p of model.params) out.set(p.fullName, decoded[p.fullName]);
  try {
    checkWeights(model, out);
  } catch (error) {
    for (const t of Object.values(decoded)) t.dispose();
    throw error;
  }
  return { weights: out, metadata, modelJson: opened.json };
}
