/**
 * Loading a LeNet-5 for the explorer: the compiled model and its weights, trained when the shipped
 * files are there, seeded otherwise (and saying so). The only place in the elements that names a
 * model.
 */
import type * as tf from "@tensorflow/tfjs-core";
import {
  AbortError,
  compileModel,
  initWeights,
  lenet1998Input,
  lenetKerasInput,
  loadWeights,
  type CompiledModel,
  type FetchLike,
  type WeightsSource,
} from "@convstep/engine";
import { getModelSpec, type ModelName } from "@convstep/models";
import { assetUrl } from "../shared/assets.js";
import { SEEDED_WEIGHTS_SEED } from "../shared/explorer/seeded-weights.js";

/** The two LeNet-5s: the paper's, and the Keras version of blog posts. */
export type LenetVariant = "1998" | "keras";

/** The model name of a variant. */
export function modelNameOf(variant: LenetVariant): ModelName {
  return variant === "keras" ? "lenet5-keras" : "lenet5-1998";
}

/** The variant an attribute value means (anything but "keras" is the paper's). */
export function variantOf(value: string | null | undefined): LenetVariant {
  return value?.trim().toLowerCase() === "keras" ? "keras" : "1998";
}

/** Where the shipped trained weights of a variant are. */
export function defaultWeightsUrl(variant: LenetVariant): string {
  return assetUrl(`weights/${modelNameOf(variant)}/model.json`);
}

/** The model input from a 28×28 MNIST-style digit in [0, 1] (InputError when it is not 784 values). */
export function lenetInput(variant: LenetVariant, digit: ArrayLike<number>): Float32Array {
  return variant === "keras" ? lenetKerasInput(digit) : lenet1998Input(digit);
}

/** The `url` of weights that a cs-trainer on the page handed over. */
export const TRAINED_IN_PAGE = "trained-in-page";

/** A loaded model with its weights (the caller disposes the weights). */
export interface LoadedLenet {
  readonly variant: LenetVariant;
  readonly model: CompiledModel;
  readonly weights: Map<string, tf.Tensor>;
  /** `trained` when read from a file, `seeded` when drawn from the initialisers. */
  readonly kind: "trained" | "seeded";
  /** The model.json the weights came from, when trained. */
  readonly url?: string;
  /** Why seeded weights stand in for the shipped ones (their load failed), in words. */
  readonly fallback?: string;
}

/** Options of {@link loadLenet}. */
export interface LoadLenetOptions {
  /**
   * `undefined`: the shipped weights, or seeded ones when they cannot be read; a URL: that
   * model.json (a failure rejects); `"seeded"`: seeded weights without fetching.
   */
  readonly weights?: string;
  readonly signal?: AbortSignal;
  /** Used instead of the global fetch (tests). */
  readonly fetch?: FetchLike;
  /** Weights in memory (e.g. from a cs-trainer), used instead of `weights`; a failure rejects. */
  readonly source?: WeightsSource;
}

function seeded(variant: LenetVariant, model: CompiledModel, fallback?: string): LoadedLenet {
  const weights = initWeights(model, { seed: SEEDED_WEIGHTS_SEED });
  return fallback === undefined
    ? { variant, model, weights, kind: "seeded" }
    : { variant, model, weights, kind: "seeded", fallback };
}

/**
 * Compiles a LeNet-5 and loads its weights on the current tfjs backend. A weights URL given
 * explicitly must load (WeightsError otherwise, naming the URL); the shipped weights fall back to
 * seeded ones with the reason in `fallback`. An aborted signal rejects with an AbortError.
 */
export async function loadLenet(
  variant: LenetVariant,
  options: LoadLenetOptions = {},
): Promise<LoadedLenet> {
  const model = compileModel(getModelSpec(modelNameOf(variant)));
  const requested = options.weights?.trim();
  if (requested?.toLowerCase() === "seeded") return seeded(variant, model);
  if (options.source) {
    const weights = await loadWeights(model, options.source, { signal: options.signal });
    return { variant, model, weights, kind: "trained", url: TRAINED_IN_PAGE };
  }
  const url = requested
    ? new URL(requested, globalThis.document?.baseURI).href
    : defaultWeightsUrl(variant);
  const loadOptions = {
    signal: options.signal,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  };
  try {
    const weights = await loadWeights(model, url, loadOptions);
    return { variant, model, weights, kind: "trained", url };
  } catch (error) {
    if (requested || error instanceof AbortError || options.signal?.aborted) throw error;
    return seeded(variant, model, error instanceof Error ? error.message : String(error));
  }
}
