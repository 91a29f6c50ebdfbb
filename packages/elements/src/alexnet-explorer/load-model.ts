/**
 * Loading an AlexNet for the explorer: the compiled model and its weights. AlexNet's trained
 * weights (~244 MB) cannot ship, so the default is seeded initialisation (the engine's
 * `initWeights`), optionally with the hand-built conv1 bank of `@convstep/models` in place of
 * conv1's random kernels; a `weights` URL loads converted trained weights instead.
 */
import * as tf from "@tensorflow/tfjs-core";
import {
  AbortError,
  compileModel,
  initWeightsAsync,
  loadWeights,
  type CompiledModel,
  type FetchLike,
  type WeightsLoadProgress,
} from "@convstep/engine";
import {
  alexnetConv1Bank,
  conv1BankGain,
  getModelSpec,
  type Conv1KernelInfo,
  type ModelName,
} from "@convstep/models";
import { SEEDED_WEIGHTS_SEED } from "../shared/explorer/seeded-weights.js";

/** The two AlexNets: Caffe's layout of the 2012 paper, and the Keras CIFAR-10 version. */
export type AlexnetVariant = "2012" | "keras";

/** Which conv1 kernels run: seeded random ones, the hand-built bank, or the loaded trained ones. */
export type Conv1Source = "seeded" | "bank" | "trained";

/** The model name of a variant. */
export function modelNameOf(variant: AlexnetVariant): ModelName {
  return variant === "keras" ? "alexnet-keras" : "alexnet-2012";
}

/** The variant an attribute value means (anything but "keras" is the paper's). */
export function variantOf(value: string | null | undefined): AlexnetVariant {
  return value?.trim().toLowerCase() === "keras" ? "keras" : "2012";
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

/** Puts the hand-built bank into conv1's kernel and bias (disposing the seeded ones). */
function useBank(
  model: CompiledModel,
  weights: Map<string, tf.Tensor>,
): readonly Conv1KernelInfo[] {
  const range = model.spec.input.range ?? [0, 255];
  const bank = alexnetConv1Bank({ norm: conv1BankGain(range) });
  weights.get("conv1/kernel")?.dispose();
  weights.get("conv1/bias")?.dispose();
  weights.set("conv1/kernel", tf.tensor(bank.kernel, [...bank.shape], "float32"));
  weights.set("conv1/bias", tf.tensor(bank.bias, [bank.bias.length], "float32"));
  return bank.info;
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
    const weights = await loadWeights(model, url, {
      signal: options.signal,
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      ...(options.fetch ? { fetch: options.fetch } : {}),
    });
    return { variant, model, weights, kind: "trained", conv1: "trained", url, initMs: 0 };
  }
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
    return { variant, model, weights, kind: "seeded", conv1: "bank", bankInfo, initMs };
  }
  return { variant, model, weights, kind: "seeded", conv1: "seeded", initMs };
}
