/**
 * What a model.json records about its weights beyond names and shapes, in its `convstep` object:
 * where the weights came from, the LRN constants they were trained with and the input
 * preprocessing they expect. `convstep convert` writes these for the public AlexNet releases
 * (Caffe's LRN uses k = 1 and α/n, not the paper's k = 2 and α; Caffe's input is 0–255 minus a
 * mean pixel, torchvision's is normalised by mean and std), and the CLI and the explorer apply
 * them when they load the weights:
 *
 * ```ts
 * const json = await (await fetch(url)).json();
 * const spec = applyWeightsMetadata(ALEXNET_2012, weightsMetadata(json));
 * const model = compileModel(spec); // its LRN layers now run with Caffe's numbers
 * const pre = preprocessingFromManifest(json, ALEXNET_2012); // what the photo becomes
 * ```
 */
import { WeightsError } from "../errors.js";
import type { ImagePreprocessing, LRNSpec, ModelSpec } from "../spec/types.js";

/**
 * LRN constants in the engine's convention (b = a / (k + α Σ a²)^β over n channels, α multiplying
 * the plain sum), with a sentence naming the source's own convention.
 */
export interface WeightsLrn {
  readonly k: number;
  readonly n: number;
  readonly alpha: number;
  readonly beta: number;
  /** "Caffe LRN: local_size 5, alpha 0.0001 (divided by local_size: 2e-5), beta 0.75, k 1". */
  readonly convention?: string;
}

/** What a model.json's `convstep` object may record beside `model`. */
export interface WeightsMetadata {
  /** Where the weights came from: "BVLC Caffe bvlc_alexnet (bvlc_alexnet.caffemodel)". */
  readonly release?: string;
  /** The LRN constants every LRN layer of the model must run with for these weights. */
  readonly lrn?: WeightsLrn;
  /** The input convention the weights were trained with. */
  readonly preprocessing?: ImagePreprocessing;
}

function finite(value: unknown): value is number {
  return typeof value === "number" && Number.isFinite(value);
}

function triple(value: unknown): value is [number, number, number] {
  return Array.isArray(value) && value.length === 3 && value.every(finite);
}

function parseLrn(raw: unknown, label: string): WeightsLrn {
  const o = raw as Record<string, unknown> | null;
  if (typeof o !== "object" || o === null) {
    throw new WeightsError(`${label}: convstep.lrn: expected an object {k, n, alpha, beta}`);
  }
  const { k, n, alpha, beta, convention } = o;
  if (!finite(k) || !finite(alpha) || !finite(beta) || !Number.isInteger(n) || (n as number) < 1) {
    throw new WeightsError(
      `${label}: convstep.lrn: expected finite k, alpha, beta and a positive integer n, got ${JSON.stringify(raw)}`,
    );
  }
  return {
    k,
    n: n as number,
    alpha,
    beta,
    ...(typeof convention === "string" ? { convention } : {}),
  };
}

function parsePreprocessing(raw: unknown, label: string): ImagePreprocessing {
  const o = raw as Record<string, unknown> | null;
  if (typeof o !== "object" || o === null) {
    throw new WeightsError(
      `${label}: convstep.preprocessing: expected an object {scale, mean, std}`,
    );
  }
  const { scale, mean, std, description } = o;
  if (!finite(scale) || scale <= 0 || !triple(mean) || !triple(std) || std.some((s) => s <= 0)) {
    throw new WeightsError(
      `${label}: convstep.preprocessing: expected a scale > 0 and mean, std of three numbers (std > 0), got ${JSON.stringify(raw)}`,
    );
  }
  return {
    scale,
    mean: [mean[0], mean[1], mean[2]],
    std: [std[0], std[1], std[2]],
    ...(typeof description === "string" ? { description } : {}),
  };
}

/**
 * The metadata of a parsed model.json (empty when it records none, as for files from tfjs);
 * WeightsError naming `label` when a recorded field is malformed.
 */
export function weightsMetadata(modelJson: unknown, label = "model.json"): WeightsMetadata {
  const convstep = (modelJson as { convstep?: unknown } | null)?.convstep;
  if (typeof convstep !== "object" || convstep === null) return {};
  const { release, lrn, preprocessing } = convstep as Record<string, unknown>;
  return {
    ...(typeof release === "string" ? { release } : {}),
    ...(lrn !== undefined ? { lrn: parseLrn(lrn, label) } : {}),
    ...(preprocessing !== undefined
      ? { preprocessing: parsePreprocessing(preprocessing, label) }
      : {}),
  };
}

/**
 * The spec the weights must run with: every LRN layer takes the recorded constants (its note says
 * whose they are), and the input takes the recorded preprocessing. Without metadata, the spec
 * itself. WeightsError when LRN constants are recorded for a model without LRN layers.
 */
export function applyWeightsMetadata(spec: ModelSpec, metadata: WeightsMetadata): ModelSpec {
  const { lrn, preprocessing } = metadata;
  if (!lrn && !preprocessing) return spec;
  if (lrn && !spec.layers.some((l) => l.kind === "lrn")) {
    throw new WeightsError(
      `the weights record LRN constants, but model "${spec.name}" has no LRN layer`,
    );
  }
  const layers = spec.layers.map((layer) => {
    if (!lrn || layer.kind !== "lrn") return layer;
    const lrnLayer: LRNSpec = {
      ...layer,
      k: lrn.k,
      n: lrn.n,
      alpha: lrn.alpha,
      beta: lrn.beta,
      note: lrn.convention ?? `LRN with the weights' constants (k ${lrn.k}, α ${lrn.alpha})`,
    };
    return lrnLayer;
  });
  return {
    ...spec,
    input: preprocessing ? { ...spec.input, preprocessing } : spec.input,
    layers,
  };
}

/**
 * The preprocessing a photo needs for these weights: the model.json's record, else the spec's own
 * (`spec.input.preprocessing`), else undefined (a model without photo input).
 */
export function preprocessingFromManifest(
  modelJson: unknown,
  spec: ModelSpec,
  label?: string,
): ImagePreprocessing | undefined {
  return weightsMetadata(modelJson, label).preprocessing ?? spec.input.preprocessing;
}
