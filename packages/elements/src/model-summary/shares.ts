/** Where a model's parameters or multiply-adds live, layer by layer (pure; tested alone). */
import type { ModelSummary, SummaryRow } from "@convstep/engine";

/** What the bars measure: parameters (trainable + non-trainable) or multiply-adds. */
export type SummaryMetric = "params" | "macs";

/** One bar of the chart. */
export interface ShareBar {
  readonly name: string;
  readonly kind: string;
  /** The layer's count of the metric. */
  readonly value: number;
  /** `value` / the model's total, in [0, 1] (0 when the total is 0). */
  readonly share: number;
}

/** The count a row contributes to `metric`. */
export function metricValue(row: SummaryRow, metric: SummaryMetric): number {
  return metric === "macs" ? row.macs : row.trainable + row.nonTrainable;
}

/** One bar per layer, in layer order, with its share of the model's total. */
export function layerShares(summary: ModelSummary, metric: SummaryMetric): ShareBar[] {
  const values = summary.rows.map((row) => metricValue(row, metric));
  const total = values.reduce((a, b) => a + b, 0);
  return summary.rows.map((row, i) => ({
    name: row.name,
    kind: row.kind,
    value: values[i],
    share: total > 0 ? values[i] / total : 0,
  }));
}

/**
 * A share as a short label: one decimal ("61.9%"), "<0.1%" for a sliver, "0%" for nothing.
 * The digits and the percent sign read the same in English and Korean.
 */
export function formatShare(share: number): string {
  if (!(share > 0)) return "0%";
  if (share < 0.0005) return "<0.1%";
  return `${(share * 100).toFixed(1)}%`;
}

/** The `count` largest bars, largest first (ties keep layer order); zero bars are left out. */
export function largestShares(bars: readonly ShareBar[], count: number): ShareBar[] {
  return bars
    .filter((b) => b.value > 0)
    .map((b, i) => ({ b, i }))
    .sort((p, q) => q.b.value - p.b.value || p.i - q.i)
    .slice(0, count)
    .map((p) => p.b);
}
