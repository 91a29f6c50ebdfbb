/**
 * Seeded weight initialisation. Every tensor gets its own seed, derived from the model seed and the
 * tensor's full name, so the same seed always gives the same numbers and adding a layer leaves the
 * other layers' weights unchanged. The random numbers come from tfjs-core's own seeded ops, which
 * compute them in JavaScript: the values are the same on every backend.
 */
import * as tf from "@tensorflow/tfjs-core";
import { SpecError, WeightsError, formatShape } from "../errors.js";
import type { CompiledModel, ModelParam } from "../model/compile.js";
import type { Initializer } from "../spec/types.js";

/**
 * Keras' correction for a normal truncated at two standard deviations: the standard deviation of
 * the truncated distribution is this factor times the untruncated one.
 */
export const TRUNCATED_NORMAL_STDDEV_FACTOR = 0.87962566103423978;

/** What an initialiser draws from, with its numbers worked out for one tensor's fans. */
export type InitializerDistribution =
  | { readonly kind: "constant"; readonly value: number }
  | { readonly kind: "uniform"; readonly min: number; readonly max: number }
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
  }
  throw new SpecError(
    `unknown initializer ${describe(init)}; expected glorot-uniform, glorot-normal, he-uniform, ` +
      `he-normal, lecun-uniform, lecun-normal, zeros, ones, {kind: "constant", value} or ` +
      `{kind: "uniform", min, max}`,
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

/** Draws one tensor of `shape` from a distribution with a fixed seed. */
export function sampleDistribution(
  dist: InitializerDistribution,
  shape: readonly number[],
  seed: number,
): tf.Tensor {
  const s = [...shape];
  switch (dist.kind) {
    case "constant":
      return tf.fill(s, dist.value, "float32");
    case "uniform":
      return tf.randomUniform(s, dist.min, dist.max, "float32", seed);
    case "truncated-normal":
      return tf.truncatedNormal(s, 0, dist.stddev, "float32", seed);
  }
}

function size(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}

/** Sets the masked-out entries (mask 0) of `values` to +0, keeping the others. Frees `values`. */
function applyMask(values: tf.Tensor, mask: Float32Array, param: ModelParam): tf.Tensor {
  const masked = tf.tidy(() => {
    const keep = tf.notEqual(tf.tensor(mask, [...param.shape], "float32"), 0);
    return tf.where(keep, values, tf.zerosLike(values));
  });
  values.dispose();
  return masked;
}

/** Initialises one parameter of a compiled model (seeded by the model seed and its full name). */
export function initParam(param: ModelParam, seed: number): tf.Tensor {
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
  const values = sampleDistribution(dist, param.shape, tensorSeed(seed, param.fullName));
  return param.mask ? applyMask(values, param.mask, param) : values;
}

/** Options of {@link initWeights}. */
export interface InitOptions {
  /** Any finite number; the same seed gives the same weights. */
  readonly seed: number;
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
  if (typeof seed !== "number" || !Number.isFinite(seed)) {
    throw new WeightsError(`initWeights: expected a finite number as seed, got ${describe(seed)}`);
  }
  const out = new Map<string, tf.Tensor>();
  try {
    for (const param of model.params) out.set(param.fullName, initParam(param, seed));
  } catch (error) {
    for (const t of out.values()) t.dispose();
    throw error;
  }
  return out;
}
