/**
 * Reading a model's final output as a prediction: which class wins and how sure the model is.
 * Softmax outputs are probabilities already; for LeNet's RBF distances the lowest wins and its
 * probability is the softmax of the negated distances (exp(−y_i) / Σ exp(−y_j), the posterior of
 * LeCun et al.'s discriminative criterion); raw scores go through a softmax.
 */
import type { ModelSpec } from "@convstep/engine";

/** How the final layer's outputs are read. */
export type OutputKind = "probabilities" | "distances" | "scores";

/** The winning class of one input. */
export interface Prediction {
  /** Output index of the winner. */
  readonly index: number;
  /** Its class name (the spec's `output.classes`, else the index as text). */
  readonly label: string;
  /** Probability of the winner, in [0, 1]. */
  readonly probability: number;
  /** The winner's raw output: a probability, a distance or a score (see `kind`). */
  readonly value: number;
  readonly kind: OutputKind;
}

/** The output kind a spec declares, else inferred: RBF → distances, softmax → probabilities. */
export function outputKind(spec: ModelSpec): OutputKind {
  if (spec.output?.kind !== undefined) return spec.output.kind;
  const last = spec.layers[spec.layers.length - 1];
  if (last.kind === "rbf") return "distances";
  if ("activation" in last && last.activation === "softmax") return "probabilities";
  return "scores";
}

/** A numerically stable softmax. */
export function softmax(values: ArrayLike<number>): Float64Array {
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) max = Math.max(max, values[i]);
  const out = new Float64Array(values.length);
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    out[i] = Math.exp(values[i] - max);
    sum += out[i];
  }
  for (let i = 0; i < out.length; i++) out[i] /= sum;
  return out;
}

/** The index of the largest value (first one on ties). */
function argmax(values: ArrayLike<number>): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i] > values[best]) best = i;
  return best;
}

/** The winning class of a model's final output (batch item 0, flattened). */
export function predictFromOutput(spec: ModelSpec, output: ArrayLike<number>): Prediction {
  const kind = outputKind(spec);
  const probabilities =
    kind === "probabilities"
      ? Float64Array.from(output as ArrayLike<number>)
      : softmax(kind === "distances" ? Array.from(output, (d) => -d) : output);
  const index = argmax(probabilities);
  return {
    index,
    label: spec.output?.classes?.[index] ?? String(index),
    probability: probabilities[index],
    value: output[index],
    kind,
  };
}
