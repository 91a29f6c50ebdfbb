/**
 * Activation functions, twice: on tensors (for `forward`) and on plain numbers (for `explain`),
 * so the arithmetic shown to a reader is computed independently of tfjs.
 */
import * as tf from "@tensorflow/tfjs-core";
import type { ActivationName } from "../spec/types.js";

/** LeCun's squashing function: f(a) = A·tanh(S·a), A = 1.7159, S = 2/3. */
export const SCALED_TANH_A = 1.7159;
export const SCALED_TANH_S = 2 / 3;

export const ACTIVATIONS: readonly ActivationName[] = [
  "linear",
  "relu",
  "tanh",
  "scaled-tanh",
  "sigmoid",
  "softmax",
];

export function isActivation(value: unknown): value is ActivationName {
  return typeof value === "string" && (ACTIVATIONS as readonly string[]).includes(value);
}

/** Applies an activation to a tensor; softmax runs over the last axis. */
export function activate(x: tf.Tensor, activation: ActivationName = "linear"): tf.Tensor {
  switch (activation) {
    case "linear":
      return x.clone();
    case "relu":
      return tf.relu(x);
    case "tanh":
      return tf.tanh(x);
    case "scaled-tanh":
      return tf.tidy(() => tf.mul(tf.tanh(tf.mul(x, SCALED_TANH_S)), SCALED_TANH_A));
    case "sigmoid":
      return tf.sigmoid(x);
    case "softmax":
      return tf.softmax(x);
  }
}

/** Applies an element-wise activation to one number (softmax needs all logits: see `softmaxAt`). */
export function activateScalar(a: number, activation: ActivationName = "linear"): number {
  switch (activation) {
    case "linear":
      return a;
    case "relu":
      return a > 0 ? a : 0;
    case "tanh":
      return Math.tanh(a);
    case "scaled-tanh":
      return SCALED_TANH_A * Math.tanh(SCALED_TANH_S * a);
    case "sigmoid":
      return 1 / (1 + Math.exp(-a));
    case "softmax":
      throw new Error("softmax needs every logit: use softmaxAt");
  }
}

/** softmax(logits)[i], computed stably (max subtracted). */
export function softmaxAt(logits: ArrayLike<number>, i: number): number {
  let max = -Infinity;
  for (let j = 0; j < logits.length; j++) max = Math.max(max, logits[j]);
  let sum = 0;
  for (let j = 0; j < logits.length; j++) sum += Math.exp(logits[j] - max);
  return Math.exp(logits[i] - max) / sum;
}

/** A formula for people: "max(0, a)", "1.7159·tanh(2a/3)". */
export function activationFormula(activation: ActivationName = "linear"): string {
  switch (activation) {
    case "linear":
      return "a";
    case "relu":
      return "max(0, a)";
    case "tanh":
      return "tanh(a)";
    case "scaled-tanh":
      return "1.7159·tanh(2a/3)";
    case "sigmoid":
      return "1 / (1 + e^(−a))";
    case "softmax":
      return "e^(a_i) / Σ_j e^(a_j)";
  }
}
