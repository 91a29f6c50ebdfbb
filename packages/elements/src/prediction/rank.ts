/** Turns a model's raw output into ranked rows for the prediction bars (pure; tested alone). */

export interface RankedOutput {
  readonly index: number;
  readonly label: string;
  /** The raw output value (probability, distance or score). */
  readonly value: number;
  /** Bar length in [0, 1]. */
  readonly share: number;
  /** The value as shown: "97.1%" or "d = 12.3". */
  readonly text: string;
  /** The winner: highest probability or score, lowest distance. */
  readonly top: boolean;
}

export interface RankOptions {
  readonly kind: "probabilities" | "distances" | "scores";
  readonly classes?: readonly string[] | undefined;
  /** Rows to keep; when the output has more classes, the best `top` are listed, best first. */
  readonly top: number;
}

/**
 * Ranks outputs. Probabilities: bar = p. Distances (RBF): bar = softmax(−d), the confidence the
 * training criterion assigns, and the row shows d. Scores: bar scaled to the largest |score|.
 * With at most `top` classes they stay in class order; otherwise the best `top`, best first.
 */
export function rankOutputs(values: ArrayLike<number>, options: RankOptions): RankedOutput[] {
  const n = values.length;
  const v = Array.from({ length: n }, (_, i) => values[i]);
  const better =
    options.kind === "distances"
      ? (a: number, b: number) => a < b
      : (a: number, b: number) => a > b;
  let best = 0;
  for (let i = 1; i < n; i++) if (better(v[i], v[best])) best = i;
  let shares: number[];
  if (options.kind === "probabilities") {
    shares = v.map((p) => Math.min(1, Math.max(0, p)));
  } else if (options.kind === "distances") {
    const min = Math.min(...v);
    const e = v.map((d) => Math.exp(-(d - min)));
    const sum = e.reduce((a, b) => a + b, 0);
    shares = e.map((x) => x / sum);
  } else {
    const m = Math.max(...v.map(Math.abs), 1e-12);
    shares = v.map((s) => Math.abs(s) / m);
  }
  const rows = v.map<RankedOutput>((value, index) => ({
    index,
    label: options.classes?.[index] ?? String(index),
    value,
    share: shares[index],
    text:
      options.kind === "probabilities"
        ? `${(value * 100).toFixed(1)}%`
        : options.kind === "distances"
          ? `d = ${value.toFixed(1)}`
          : value.toFixed(2),
    top: index === best,
  }));
  if (n <= options.top) return rows;
  return rows
    .sort((a, b) => (better(a.value, b.value) ? -1 : better(b.value, a.value) ? 1 : 0))
    .slice(0, options.top);
}
