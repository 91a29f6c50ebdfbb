/**
 * Loading an AlexNet for the explorer: the compiled model and its weights. AlexNet's trained
 * weights (~244 MB) cannot ship, so the default is seeded initialisation (the engine's
 * `initWeights`), optionally with the hand-built conv1 bank of `@convstep/models` in place of
 * conv1's random kernels; a `weights` URL loads converted trained weights instead, and what their
 * model.json records (`convstep convert`: Caffe's LRN constants, the input preprocessing) is
 * applied: the model is compiled with those LRN constants and photos get that preprocessing.
 */
import { msg, str } from "@lit/localize";
import * as tf from "@tensorflow/tfjs-core";
import {
  AbortError,
  applyWeightsMetadata,
  compileModel,
  initWeightsAsync,
  loadWeightsWithMetadata,
  preprocessingFromManifest,
  WeightsError,
  WeightsModelError,
  type CompiledModel,
  type FetchLike,
  type ImagePreprocessing,
  type LoadWeightsOptions,
  type WeightsLoadProgress,
  type WeightsMetadata,
  type WeightsSource,
} from "@convstep/engine";
import {
  alexnetConv1Bank,
  CONV1_BANK_NORM,
  conv1BankGain,
  getModelSpec,
  type Conv1KernelInfo,
  type ModelName,
} from "@convstep/models";
import { SEEDED_WEIGHTS_SEED } from "../shared/explorer/seeded-weights.js";

/**
 * The AlexNets: Caffe's layout of the 2012 paper, the Keras CIFAR-10 version, and torchvision's
 * single-GPU one (Krizhevsky 2014: 224 input, no groups, no LRN).
 */
export type AlexnetVariant = "2012" | "keras" | "torchvision";

/** Every variant, as the `variant` attribute spells it. */
export const ALEXNET_VARIANTS: readonly AlexnetVariant[] = ["2012", "keras", "torchvision"];

const MODEL_NAMES: Record<AlexnetVariant, ModelName> = {
  "2012": "alexnet-2012",
  keras: "alexnet-keras",
  torchvision: "alexnet-torchvision",
};

/** Which conv1 kernels run: seeded random ones, the hand-built bank, or the loaded trained ones. */
export type Conv1Source = "seeded" | "bank" | "trained";

/** The model name of a variant. */
export function modelNameOf(variant: AlexnetVariant): ModelName {
  return MODEL_NAMES[variant];
}

/** The variant of a model name, if it is one of the explorer's. */
export function variantOfModel(name: string): AlexnetVariant | undefined {
  return ALEXNET_VARIANTS.find((v) => MODEL_NAMES[v] === name);
}

/** The variant an attribute value means (anything but "keras" or "torchvision" is the paper's). */
export function variantOf(value: string | null | undefined): AlexnetVariant {
  const word = value?.trim().toLowerCase();
  return ALEXNET_VARIANTS.find((v) => v === word) ?? "2012";
}

/** The conv1 choice an attribute value means: `bank` or (anything else) `seeded`. */
export function conv1Of(value: string | null | undefined): "seeded" | "bank" {
  return value?.trim().toLowerCase() === "bank" ? "bank" : "seeded";
}

/** Megabytes the model's weights take as float32 (AlexNet 2012: 60,965,224 × 4 B ≈ 244 MB). */
export function weightMegabytes(model: CompiledModel): number {
  const values = model.params.reduce((sum, p) => sum + p.shape.reduce((a, b) => a * b, 1), 0);
  return Math.round((values * 4) / 1e6);
}

/** The compiled model of a variant (shapes only, no weights; cached). */
const compiled = new Map<AlexnetVariant, CompiledModel>();
export function compiledModelOf(variant: AlexnetVariant): CompiledModel {
  let model = compiled.get(variant);
  if (!model) {
    model = compileModel(getModelSpec(modelNameOf(variant)));
    compiled.set(variant, model);
  }
  return model;
}

/** A loaded AlexNet with its weights (the caller disposes the weights). */
export interface LoadedAlexnet {
  readonly variant: AlexnetVariant;
  readonly model: CompiledModel;
  readonly weights: Map<string, tf.Tensor>;
  /** `trained` when read from a file, `seeded` when drawn from the initialisers. */
  readonly kind: "trained" | "seeded";
  /** Where conv1's kernels come from. */
  readonly conv1: Conv1Source;
  /** What each conv1 kernel is, for the hand-built bank. */
  readonly bankInfo?: readonly Conv1KernelInfo[];
  /** The model.json the weights came from, when trained. */
  readonly url?: string;
  /** Milliseconds spent drawing the seeded weights (0 for trained ones). */
  readonly initMs: number;
  /**
   * What a photo becomes for these weights (`normaliseRgb`): the model.json's record, else the
   * spec's own; undefined for the Keras model (values in [0, 1]).
   */
  readonly preprocessing?: ImagePreprocessing;
  /** What the model.json records about trained weights (release, LRN constants, preprocessing). */
  readonly metadata?: WeightsMetadata;
}

/** Options of {@link loadAlexnet}. */
export interface LoadAlexnetOptions {
  /** `undefined` or `"seeded"`: seeded weights; a URL: that model.json (a failure rejects). */
  readonly weights?: string;
  /** With seeded weights: conv1's kernels from the hand-built bank (`bank`) or seeded (default). */
  readonly conv1?: "seeded" | "bank";
  readonly signal?: AbortSignal;
  /** With a URL: called as the shards arrive (bytes loaded of the total the manifest needs). */
  readonly onProgress?: (progress: WeightsLoadProgress) => void;
  /** Used instead of the global fetch (tests). */
  readonly fetch?: FetchLike;
}

/**
 * The bank's kernel norm for a model's input: sized for 0–255 values, times the input units a
 * byte is worth (std / scale: 255 for [0, 1], about 58 for torchvision's normalisation).
 */
function bankNorm(model: CompiledModel): number {
  const p = model.spec.input.preprocessing;
  if (!p) return conv1BankGain(model.spec.input.range ?? [0, 255]);
  const std = (p.std[0] + p.std[1] + p.std[2]) / 3;
  return (CONV1_BANK_NORM * std) / p.scale;
}

/**
 * Puts the hand-built bank into conv1's kernel and bias (disposing the seeded ones); a conv1 of
 * fewer kernels (torchvision's 64) takes the bank's first ones.
 */
function useBank(
  model: CompiledModel,
  weights: Map<string, tf.Tensor>,
): readonly Conv1KernelInfo[] {
  const bank = alexnetConv1Bank({ norm: bankNorm(model) });
  const filters = Math.min(
    bank.shape[3],
    model.params.find((p) => p.fullName === "conv1/kernel")!.shape[3],
  );
  const [kh, kw, ci, all] = bank.shape;
  const kernel = tf.tidy(() =>
    tf.slice(
      tf.tensor(bank.kernel, [kh, kw, ci, all], "float32"),
      [0, 0, 0, 0],
      [kh, kw, ci, filters],
    ),
  );
  weights.get("conv1/kernel")?.dispose();
  weights.get("conv1/bias")?.dispose();
  weights.set("conv1/kernel", kernel);
  weights.set("conv1/bias", tf.tensor(bank.bias.slice(0, filters), [filters], "float32"));
  return bank.info.slice(0, filters);
}

/** Trained weights with what their model.json records applied (see {@link loadTrained}). */
export interface TrainedAlexnet {
  /** `model` itself, or compiled anew with the recorded LRN constants and preprocessing. */
  readonly model: CompiledModel;
  readonly weights: Map<string, tf.Tensor>;
  readonly metadata: WeightsMetadata;
  /** The preprocessing photos need for these weights (the record's, else the spec's). */
  readonly preprocessing?: ImagePreprocessing;
}

/**
 * Loads trained weights for `model` with the metadata their model.json records, and compiles
 * `applyWeightsMetadata(spec, metadata)` so that every LRN layer runs with the recorded
 * constants (Caffe's k = 1, α/n). Weights saved for another of the explorer's AlexNets reject
 * with a WeightsError that says which `variant` they belong to.
 */
export async function loadTrained(
  model: CompiledModel,
  source: WeightsSource,
  options: LoadWeightsOptions = {},
): Promise<TrainedAlexnet> {
  let loaded;
  try {
    loaded = await loadWeightsWithMetadata(model, source, options);
  } catch (error) {
    if (!(error instanceof WeightsModelError)) throw error;
    const belongs = variantOfModel(error.savedFor);
    if (!belongs) throw error;
    throw new WeightsError(
      msg(str`${error.message}: these weights belong to variant="${belongs}"`, {
        id: "alexnet-explorer.weights-belong",
      }),
    );
  }
  const { weights, metadata, modelJson } = loaded;
  const spec = applyWeightsMetadata(model.spec, metadata);
  return {
    model: spec === model.spec ? model : compileModel(spec),
    weights,
    metadata,
    preprocessing: preprocessingFromManifest(modelJson, model.spec),
  };
}

/**
 * Compiles an AlexNet and gets its weights on the current tfjs backend: seeded (seed
 * {@link SEEDED_WEIGHTS_SEED}, the same on every page), with the hand-built conv1 bank when
 * asked, or loaded from a model.json URL (WeightsError naming the tensor on a mismatch). An
 * aborted signal rejects with an AbortError.
 */
export async function loadAlexnet(
  variant: AlexnetVariant,
  options: LoadAlexnetOptions = {},
): Promise<LoadedAlexnet> {
  const model = compiledModelOf(variant);
  const requested = options.weights?.trim();
  if (requested && requested.toLowerCase() !== "seeded") {
    const url = new URL(requested, globalThis.document?.baseURI).href;
    const trained = await loadTrained(model, url, {
      signal: options.signal,
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      ...(options.fetch ? { fetch: options.fetch } : {}),
    });
    return { variant, kind: "trained", conv1: "trained", url, initMs: 0, ...trained };
  }
  const preprocessing = model.spec.input.preprocessing;
  if (options.signal?.aborted) throw new AbortError("the load was cancelled");
  const t0 = performance.now();
  // Drawn in slices between turns of the event loop: the page stays responsive (no long task).
  const weights = await initWeightsAsync(model, {
    seed: SEEDED_WEIGHTS_SEED,
    signal: options.signal,
  });
  const initMs = performance.now() - t0;
  if (options.conv1 === "bank") {
    const bankInfo = useBank(model, weights);
    return {
      variant,
      model,
      weights,
      kind: "seeded",
      conv1: "bank",
      bankInfo,
      initMs,
      preprocessing,
    };
  }
  return { variant, model, weights, kind: "seeded", conv1: "seeded", initMs, preprocessing };
}
