/** A trace as a table (one row per activation) and the prediction as a sentence. */
import type { Prediction } from "../prediction.js";
import { formatDims, formatNumber, formatPercent } from "./numbers.js";
import { formatTable } from "./table.js";

/** One row of the table: an activation and its statistics. */
export interface TraceRow {
  readonly name: string;
  readonly kind: string;
  readonly shape: readonly number[];
  readonly min: number;
  readonly max: number;
  readonly mean: number;
}

/** The rows as an aligned table: layer, kind, output shape, min, max, mean. */
export function formatTraceTable(rows: readonly TraceRow[]): string {
  return formatTable(
    ["layer", "kind", "output", "min", "max", "mean"],
    rows.map((r) => [
      r.name,
      r.kind,
      formatDims(r.shape),
      formatNumber(r.min),
      formatNumber(r.max),
      formatNumber(r.mean),
    ]),
    ["left", "left", "left", "right", "right", "right"],
  );
}

/** "7 with probability 98.12%", or for distances "7 (lowest distance 12.5), probability …". */
export function formatPrediction(p: Prediction): string {
  switch (p.kind) {
    case "probabilities":
      return `${p.label} with probability ${formatPercent(p.probability)}`;
    case "distances":
      return `${p.label} (lowest RBF distance ${formatNumber(p.value)}), probability ${formatPercent(
        p.probability,
      )} (softmax of −distances)`;
    case "scores":
      return `${p.label} (highest score ${formatNumber(p.value)}), probability ${formatPercent(
        p.probability,
      )} (softmax of the scores)`;
  }
}

/** The prediction as JSON: class index, label, probability, and the raw value with its kind. */
export function predictionToJson(p: Prediction): Record<string, unknown> {
  const raw = p.kind === "distances" ? "distance" : p.kind === "scores" ? "score" : undefined;
  return {
    class: p.index,
    label: p.label,
    probability: p.probability,
    ...(raw !== undefined ? { [raw]: p.value } : {}),
  };
}
