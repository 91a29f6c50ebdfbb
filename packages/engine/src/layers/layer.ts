/**
 * The contract every layer kind implements. One module per kind (`conv2d.ts`, `pool2d.ts`, …);
 * `registry.ts` maps a spec's `kind` to its implementation.
 *
 * Conventions:
 * - Shapes exclude the batch; tensors passed to `forward` are batched (NHWC or [batch, units]).
 * - `forward` uses tfjs-core ops only (so it is differentiable and runs on every backend) and must
 *   not leak: wrap intermediate work in `tf.tidy`.
 * - `explain` is plain JavaScript over downloaded arrays. It recomputes one output neuron from its
 *   inputs, independently of the tfjs forward pass, and reports every step of the arithmetic.
 */
import type * as tf from "@tensorflow/tfjs-core";
import type { ActivationName, Initializer, LayerSpec, Shape } from "../spec/types.js";

/** One weight tensor a layer owns: `<layer>/<name>`. */
export interface ParamSpec {
  /** Local name: `kernel`, `bias`, `gamma`, `beta`, `moving_mean`, `moving_variance`. */
  readonly name: string;
  /** Keras layout: conv kernel `[kh, kw, in, out]` (in = channels per group), dense `[in, out]`. */
  readonly shape: readonly number[];
  readonly trainable: boolean;
  readonly initializer: Initializer;
  /** Fan-in and fan-out for variance-scaling initialisers (real links only). */
  readonly fanIn: number;
  readonly fanOut: number;
  /**
   * A 0/1 mask of the same shape, for partial connectivity (C3): entries with 0 must stay exactly
   * zero (initialised, trained and loaded as zero).
   */
  readonly mask?: Float32Array;
}

/** Parameter, connection and multiply-add counts of a layer (LeCun's "connections" include the bias). */
export interface LayerCounts {
  readonly trainable: number;
  readonly nonTrainable: number;
  /** Links into all output neurons, counting a bias as one link (LeCun et al. 1998). */
  readonly connections: number;
  /** Multiplications by a weight, each followed by an accumulation (conv, dense, RBF, subsampling). */
  readonly macs: number;
}

/** Weights by local name (`kernel`, `bias`, …) as tensors, for `forward`. */
export type LayerWeights = Readonly<Record<string, tf.Tensor>>;

/** A downloaded array with its shape, for `explain`. */
export interface ArrayWithShape {
  readonly data: Float32Array;
  /** Without batch for activations; the param's own shape for weights (the slice's, when sliced). */
  readonly shape: readonly number[];
  /** Where `data` starts in the weight when it holds only the slice the layer asked for. */
  readonly begin?: readonly number[];
}

/** A part of a weight tensor: `size` values along each axis from `begin` (as `tf.slice`). */
export interface WeightSlice {
  readonly begin: readonly number[];
  readonly size: readonly number[];
}

export interface ForwardContext {
  /** Training mode: dropout drops, batch norm uses batch statistics. Default false. */
  readonly training: boolean;
}

/** A rectangle of input positions, half-open: rows y0 ≤ y < y1, columns x0 ≤ x < x1. May extend past the map (padding). */
export interface Window {
  readonly y0: number;
  readonly x0: number;
  readonly y1: number;
  readonly x1: number;
}

/** Which output neuron. For vector layers `y = x = 0` and `channel` is the unit. */
export interface NeuronIndex {
  readonly channel: number;
  readonly y: number;
  readonly x: number;
}

/** One input value used by a neuron, where it sits, and whether it is padding. */
export interface InputCell {
  readonly channel: number;
  readonly y: number;
  readonly x: number;
  readonly value: number;
  /** True when the position lies outside the input map (a padded zero). */
  readonly padded: boolean;
}

/** The activation step of an explanation. */
export interface ActivationStep {
  readonly activation: ActivationName;
  readonly preActivation: number;
  readonly output: number;
}

/** conv2d: the patch, the kernel slice (only linked channels), products, sum, bias, activation. */
export interface ConvExplanation extends ActivationStep {
  readonly type: "conv";
  /** The window in the layer's input coordinates (before clipping to the map). */
  readonly window: Window;
  /** Input channels that really feed this output channel (group and C3 table respected). */
  readonly inputChannels: readonly number[];
  /** `patch[i][ky][kx]` for input channel `inputChannels[i]`. Padded positions hold 0. */
  readonly patch: readonly (readonly (readonly number[])[])[];
  /** Same layout as `patch`: the kernel slice. */
  readonly kernel: readonly (readonly (readonly number[])[])[];
  /** Same layout: patch × kernel. */
  readonly products: readonly (readonly (readonly number[])[])[];
  /** Σ products. */
  readonly sum: number;
  readonly bias: number;
  /** Group index (AlexNet's GPU) when `groups` > 1, else 0. */
  readonly group: number;
}

/** pool2d (max/avg) and subsampling: the window, the values, the result. */
export interface PoolExplanation extends ActivationStep {
  readonly type: "pool";
  readonly mode: "max" | "avg" | "subsampling";
  readonly window: Window;
  readonly channel: number;
  /** `values[ky][kx]`; padded positions are NaN for max (ignored) and excluded for avg. */
  readonly values: readonly (readonly number[])[];
  /** Max: the largest value; avg: the mean; subsampling: the window sum. */
  readonly reduced: number;
  /** Subsampling only: coefficient and bias (`preActivation = reduced·coefficient + bias`). */
  readonly coefficient?: number;
  readonly bias?: number;
  /** Max only: where the maximum sits, in input coordinates. */
  readonly argmax?: { readonly y: number; readonly x: number };
}

/** One term of a dense neuron's sum. */
export interface Contribution {
  readonly index: number;
  readonly input: number;
  readonly weight: number;
  readonly product: number;
}

/** dense: inputs, weights, the largest contributions, sum, bias, activation. */
export interface DenseExplanation extends ActivationStep {
  readonly type: "dense";
  readonly inputs: Float32Array;
  readonly weights: Float32Array;
  /** The terms with the largest |product|, largest first (at most 10). */
  readonly top: readonly Contribution[];
  readonly sum: number;
  readonly bias: number;
  /** For softmax: the logits of every unit (the output needs them all). */
  readonly logits?: Float32Array;
}

/** LRN: the neighbouring channels and the divisor. */
export interface LRNExplanation {
  readonly type: "lrn";
  readonly input: number;
  /** Channels j in [c − ⌊n/2⌋, c + ⌊n/2⌋] ∩ [0, N) with their values a_j. */
  readonly neighbours: readonly { readonly channel: number; readonly value: number }[];
  readonly sumSquares: number;
  /** (k + α·Σa²)^β. */
  readonly divisor: number;
  readonly k: number;
  readonly alpha: number;
  readonly beta: number;
  readonly n: number;
  readonly output: number;
}

/** RBF: the distance of the input vector to one class code. */
export interface RBFExplanation {
  readonly type: "rbf";
  readonly inputs: Float32Array;
  readonly center: Float32Array;
  /** (x_j − w_ij)². */
  readonly squaredDifferences: Float32Array;
  readonly output: number;
}

/**
 * Element-wise layers (activation, batch norm, dropout, flatten, zero padding, resizing): the
 * inputs the output reads, the formula in words, and the result.
 */
export interface ElementwiseExplanation {
  readonly type: "elementwise";
  readonly inputs: readonly InputCell[];
  /** e.g. "γ·(x − μ)/√(σ² + ε) + β", "max(0, x)", "bilinear: 0.25·a + 0.75·b". */
  readonly formula: string;
  /** Named numbers of the formula (γ, μ, σ², weights of the bilinear taps, …). */
  readonly terms: Readonly<Record<string, number>>;
  readonly output: number;
}

export type LayerExplanation =
  | ConvExplanation
  | PoolExplanation
  | DenseExplanation
  | LRNExplanation
  | RBFExplanation
  | ElementwiseExplanation;

/** What `explain` receives: the layer's input and weights, downloaded (batch item 0). */
export interface ExplainContext {
  readonly input: ArrayWithShape;
  readonly inputShape: Shape;
  readonly outputShape: Shape;
  readonly weights: Readonly<Record<string, ArrayWithShape>>;
}

/** The implementation of one layer kind. */
export interface LayerImpl<S extends LayerSpec = LayerSpec> {
  readonly kind: S["kind"];
  /** Throws `SpecError` naming the layer and the attribute when the spec or input shape is unusable. */
  validate(spec: S, inputShape: Shape): void;
  outputShape(spec: S, inputShape: Shape): Shape;
  /** The weight tensors this layer owns (none for pooling, LRN, …). */
  params(spec: S, inputShape: Shape): readonly ParamSpec[];
  counts(spec: S, inputShape: Shape): LayerCounts;
  forward(spec: S, x: tf.Tensor, weights: LayerWeights, ctx: ForwardContext): tf.Tensor;
  /**
   * The window of input positions that output (y, x) reads, in the layer's input coordinates.
   * Element-wise layers return the single position; vector layers the whole input.
   */
  window(spec: S, inputShape: Shape, y: number, x: number): Window;
  /** The exact arithmetic of one output neuron. */
  explain(spec: S, ctx: ExplainContext, at: NeuronIndex): LayerExplanation;
  /**
   * The part of weight `param` that `explain` reads at `at`, when it reads less than the whole
   * tensor (a dense unit's kernel column): only that part is downloaded. Undefined: all of it.
   */
  explainSlice?(
    spec: S,
    param: string,
    inputShape: Shape,
    at: NeuronIndex,
  ): WeightSlice | undefined;
}
