/**
 * Seeded weight initialisation. Every tensor gets its own seed, derived from the model seed and the
 * tensor's full name, so the same seed always gives the same numbers and adding a layer leaves the
 * other layers' weights unchanged. The numbers are drawn into typed arrays by a seeded generator in
 * plain JavaScript (./seeded-random.ts), then handed to tfjs once: the values are the same on every
 * backend. `initWeightsAsync` draws the same numbers in slices, yielding between them, so that a
 * page stays responsive while AlexNet's 61 M parameters are drawn.
 */
import * as tf from "@tensorflow/tfjs-core";
import { SpecError, WeightsError, formatShape, throwIfAborted } from "../errors.js";
import type { CompiledModel, ModelParam } from "../model/compile.js";
import { yieldToOtherTasks } from "../simulator/yield.js";
import type { Initializer } from "../spec/types.js";
import { SeededRandom } from "./seeded-random.js";

/**
 * Keras' correction for a normal truncated at two standard deviations: the standard deviation of
 * the truncated distribution is this factor times the untruncated one.
 */
export const TRUNCATED_NORMAL_STDDEV_FACTOR = 0.87962566103423978;

/** What an initialiser draws from, with its numbers worked out for one tensor's fans. */
export type InitializerDistribution =
  | { readonly kind: "constant"; readonly value: number }
  | { readonly kind: "uniform"; readonly min: number; readonly max: number }
  /** Normal N(mean, stddev²), untruncated. */
  | { readonly kind: "normal"; readonly mean: number; readonly stddev: number }
  /** Normal with mean 0 and this standard deviation, redrawn beyond ±2·stddev. */
  | { readonly kind: "truncated-normal"; readonly stddev: number };

type VarianceMode = "fan-in" | "fan-avg";

function varianceScaling(
  scale: number,
  mode: VarianceMode,
  shape: "uniform" | "normal",
  fanIn: number,
  fanOut: number,
): InitializerDistribution {
  // Keras: scale / max(1, n), n = fan_in or (fan_in + fan_out) / 2.
  const n = Math.max(1, mode === "fan-in" ? fanIn : (fanIn + fanOut) / 2);
  const variance = scale / n;
  if (shape === "uniform") {
    const limit = Math.sqrt(3 * variance);
    return { kind: "uniform", min: -limit, max: limit };
  }
  return { kind: "truncated-normal", stddev: Math.sqrt(variance) / TRUNCATED_NORMAL_STDDEV_FACTOR };
}

function describe(value: unknown): string {
  return typeof value === "object" && value !== null ? JSON.stringify(value) : String(value);
}

/**
 * The distribution an initialiser draws from for a tensor with the given fans (Keras' formulas):
 * glorot-uniform ±√(6/(fanIn+fanOut)), he-uniform ±√(6/fanIn), lecun-uniform ±√(3/fanIn); the
 * `-normal` variants are truncated normals with stddev √(2/(fanIn+fanOut)), √(2/fanIn), √(1/fanIn)
 * divided by 0.8796…. Throws SpecError for an unknown or malformed initialiser.
 *
 * ```ts
 * initializerDistribution("he-uniform", 25, 6); // { kind: "uniform", min: -0.4899, max: 0.4899 }
 * ```
 */
export function initializerDistribution(
  init: Initializer,
  fanIn: number,
  fanOut: number,
): InitializerDistribution {
  switch (init) {
    case "glorot-uniform":
      return varianceScaling(1, "fan-avg", "uniform", fanIn, fanOut);
    case "glorot-normal":
      return varianceScaling(1, "fan-avg", "normal", fanIn, fanOut);
    case "he-uniform":
      return varianceScaling(2, "fan-in", "uniform", fanIn, fanOut);
    case "he-normal":
      return varianceScaling(2, "fan-in", "normal", fanIn, fanOut);
    case "lecun-uniform":
      return varianceScaling(1, "fan-in", "uniform", fanIn, fanOut);
    case "lecun-normal":
      return varianceScaling(1, "fan-in", "normal", fanIn, fanOut);
    case "zeros":
      return { kind: "constant", value: 0 };
    case "ones":
      return { kind: "constant", value: 1 };
  }
  if (typeof init === "object" && init !== null) {
    if (init.kind === "constant") {
      if (!Number.isFinite(init.value)) {
        throw new SpecError(`constant initializer: expected a finite value, got ${init.value}`);
      }
      return { kind: "constant", value: init.value };
    }
    if (init.kind === "uniform") {
      if (!Number.isFinite(init.min) || !Number.isFinite(init.max) || init.min > init.max) {
        throw new SpecError(
          `uniform initializer: expected finite min ≤ max, got min ${init.min}, max ${init.max}`,
        );
      }
      return { kind: "uniform", min: init.min, max: init.max };
    }
    if (init.kind === "normal") {
      const mean = init.mean ?? 0;
      if (!Number.isFinite(mean) || !Number.isFinite(init.stddev) || init.stddev < 0) {
        throw new SpecError(
          `normal initializer: expected a finite mean and stddev ≥ 0, got mean ${mean}, stddev ${init.stddev}`,
        );
      }
      return { kind: "normal", mean, stddev: init.stddev };
    }
  }
  throw new SpecError(
    `unknown initializer ${describe(init)}; expected glorot-uniform, glorot-normal, he-uniform, ` +
      `he-normal, lecun-uniform, lecun-normal, zeros, ones, {kind: "constant", value}, ` +
      `{kind: "uniform", min, max} or {kind: "normal", mean, stddev}`,
  );
}

/**
 * The seed of one tensor: a 32-bit hash (FNV-1a, then murmur3's finaliser) of the model seed and
 * the tensor's full name. Never 0, since tfjs treats a seed of 0 as "no seed".
 */
export function tensorSeed(seed: number, fullName: string): number {
  const text = `${seed}:${fullName}`;
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0 || 1;
}

/** Values drawn per slice by {@link initWeightsAsync} (about a millisecond of work). */
const SLICE = 1 << 16;

/** Milliseconds of drawing between two turns of the event loop in {@link initWeightsAsync}. */
const TURN_MS = 40;

const now = (): number => globalThis.performance?.now() ?? Date.now();

/**
 * Draws `out[from, to)` from a distribution. The generator carries on where the last call stopped,
 * so slices drawn one after the other give the numbers of one draw.
 */
function fillFrom(
  dist: InitializerDistribution,
  random: SeededRandom,
  out: Float32Array,
  from: number,
  to: number,
): void {
  switch (dist.kind) {
    case "constant":
      out.fill(dist.value, from, to);
      return;
    case "uniform":
      random.fillUniform(out, dist.min, dist.max, from, to);
      return;
    case "normal":
      random.fillNormal(out, dist.mean, dist.stddev, from, to);
      return;
    case "truncated-normal":
      random.fillTruncatedNormal(out, dist.stddev, from, to);
      return;
  }
}

/** The values of one tensor of `shape` drawn from a distribution with a fixed seed. */
export function sampleValues(
  dist: InitializerDistribution,
  shape: readonly number[],
  seed: number,
): Float32Array {
  const out = new Float32Array(size(shape));
  fillFrom(dist, new SeededRandom(seed), out, 0, out.length);
  return out;
}

/** Draws one tensor of `shape` from a distribution with a fixed seed. */
export function sampleDistribution(
  dist: InitializerDistribution,
  shape: readonly number[],
  seed: number,
): tf.Tensor {
  return tf.tensor(sampleValues(dist, shape, seed), [...shape], "float32");
}

function size(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}

/** The distribution of a parameter; SpecError naming the weight, WeightsError for a bad mask. */
function paramDistribution(param: ModelParam): InitializerDistribution {
  let dist: InitializerDistribution;
  try {
    dist = initializerDistribution(param.initializer, param.fanIn, param.fanOut);
  } catch (error) {
    if (error instanceof SpecError) {
      throw new SpecError(`weight "${param.fullName}": ${error.message}`, { layer: param.layer });
    }
    throw error;
  }
  if (param.mask && param.mask.length !== size(param.shape)) {
    throw new WeightsError(
      `mask has ${param.mask.length} entries, expected ${size(param.shape)} for shape ${formatShape(param.shape)}`,
      param.fullName,
    );
  }
  return dist;
}

/** Sets the masked-out entries (mask 0) of `values` to +0. */
function applyMask(values: Float32Array, mask: Float32Array | undefined): Float32Array {
  if (mask) for (let i = 0; i < values.length; i++) if (mask[i] === 0) values[i] = 0;
  return values;
}

/** Initialises one parameter of a compiled model (seeded by the model seed and its full name). */
export function initParam(param: ModelParam, seed: number): tf.Tensor {
  const dist = paramDistribution(param);
  const values = sampleValues(dist, param.shape, tensorSeed(seed, param.fullName));
  return tf.tensor(applyMask(values, param.mask), [...param.shape], "float32");
}

/** Options of {@link initWeights}. */
export interface InitOptions {
  /** Any finite number; the same seed gives the same weights. */
  readonly seed: number;
}

/** Options of {@link initWeightsAsync}. */
export interface InitAsyncOptions extends InitOptions {
  /** Cancels the draw between slices: the promise rejects with an AbortError, nothing leaks. */
  readonly signal?: AbortSignal;
}

function checkSeed(seed: unknown, what: string): void {
  if (typeof seed !== "number" || !Number.isFinite(seed)) {
    throw new WeightsError(`${what}: expected a finite number as seed, got ${describe(seed)}`);
  }
}

/**
 * Fresh weights for every parameter of a compiled model, keyed by full name (`C1/kernel`), drawn
 * from each parameter's initialiser. Deterministic: the same seed gives bit-identical tensors, and
 * a tensor's values depend only on the seed, its name, shape and initialiser. Masked-out entries
 * (LeNet's C3 table) are exactly 0. The caller owns (and disposes) the returned tensors.
 *
 * ```ts
 * const weights = initWeights(compileModel(lenet5), { seed: 42 });
 * ```
 */
export function initWeights(model: CompiledModel, options: InitOptions): Map<string, tf.Tensor> {
  const { seed } = options;
  checkSeed(seed, "initWeights");
  const out = new Map<string, tf.Tensor>();
  try {
    for (const param of model.params) out.set(param.fullName, initParam(param, seed));
  } catch (error) {
    for (const t of out.values()) t.dispose();
    throw error;
  }
  return out;
}

/**
 * The weights of {@link initWeights} (the same numbers), drawn in slices of 65,536 values, with a
 * turn of the event loop (behind the page's other waiting tasks) first and then whenever 40 ms of
 * drawing have passed: no task over 50 ms however large the model, other widgets load meanwhile,
 * and a page that renders a frame at every turn pays one per 40 ms of drawing, not per slice.
 */
export async function initWeightsAsync(
  model: CompiledModel,
  options: InitAsyncOptions,
): Promise<Map<string, tf.Tensor>> {
  const { seed, signal } = options;
  checkSeed(seed, "initWeightsAsync");
  throwIfAborted(signal);
  const out = new Map<string, tf.Tensor>();
  let turnStarted = -Infinity;
  const turn = async (): Promise<void> => {
    if (now() - turnStarted < TURN_MS) return;
    await yieldToOtherTasks();
    throwIfAborted(signal);
    turnStarted = now();
  };
  try {
    for (const param of model.params) {
      const dist = paramDistribution(param);
      const random = new SeededRandom(tensorSeed(seed, param.fullName));
      const values = new Float32Array(size(param.shape));
      for (let from = 0; from < values.length; from += SLICE) {
        await turn();
        fillFrom(dist, random, values, from, Math.min(values.length, from + SLICE));
      }
      await turn();
      out.set(
        param.fullName,
        tf.tensor(applyMask(values, param.mask), [...param.shape], "float32"),
      );
    }
  } catch (error) {
    for (const t of out.values()) t.dispose();
    throw error;
  }
  return out;
}
