/**
 * A compiled model's summary: one row per layer with its output shape, parameters, connections and
 * multiply-adds, and the totals. `summarizeModel` gives plain data (JSON-serialisable, for widgets
 * and the CLI's `--json`); `formatSummary` prints it as a Keras-style table.
 */
import type { CompiledModel } from "./compile.js";

/** One layer of a summary. */
export interface SummaryRow {
  readonly name: string;
  /** The spec's `kind` (`conv2d`, `subsampling`, …). */
  readonly kind: string;
  /** Without the batch dimension: `[28, 28, 6]`, `[84]`. */
  readonly outputShape: readonly number[];
  readonly trainable: number;
  readonly nonTrainable: number;
  /** Links into the layer's outputs, a bias counting as one (LeCun et al. 1998). */
  readonly connections: number;
  /** Multiplications by a weight (each followed by an accumulation). */
  readonly macs: number;
  /** The spec's note for people, when it has one. */
  readonly note?: string;
}

/** Sums over every layer. `total` = `trainable` + `nonTrainable`. */
export interface SummaryTotals {
  readonly trainable: number;
  readonly nonTrainable: number;
  readonly total: number;
  readonly connections: number;
  readonly macs: number;
}

/** A whole model's summary: plain data, JSON-serialisable. */
export interface ModelSummary {
  /** The spec's registry name (`lenet5-1998`). */
  readonly name: string;
  readonly title?: string;
  /** Without the batch dimension. */
  readonly inputShape: readonly number[];
  readonly rows: readonly SummaryRow[];
  readonly totals: SummaryTotals;
}

/**
 * Summarises a compiled model from the counts its layers report.
 *
 * @example
 * const s = summarizeModel(compileModel(spec));
 * s.totals.trainable; // 60000 for LeNet-5 (1998)
 */
export function summarizeModel(model: CompiledModel): ModelSummary {
  const rows: SummaryRow[] = model.layers.map((layer) => {
    const { trainable, nonTrainable, connections, macs } = layer.counts;
    const row: SummaryRow = {
      name: layer.name,
      kind: layer.spec.kind,
      outputShape: [...layer.outputShape],
      trainable,
      nonTrainable,
      connections,
      macs,
    };
    return layer.spec.note !== undefined ? { ...row, note: layer.spec.note } : row;
  });
  const sum = (pick: (row: SummaryRow) => number) => rows.reduce((acc, row) => acc + pick(row), 0);
  const trainable = sum((r) => r.trainable);
  const nonTrainable = sum((r) => r.nonTrainable);
  const summary: ModelSummary = {
    name: model.spec.name,
    inputShape: [...model.inputShape],
    rows,
    totals: {
      trainable,
      nonTrainable,
      total: trainable + nonTrainable,
      connections: sum((r) => r.connections),
      macs: sum((r) => r.macs),
    },
  };
  return model.spec.title !== undefined ? { ...summary, title: model.spec.title } : summary;
}

/** An integer with comma thousands separators, independent of the locale: 60965224 → "60,965,224". */
export function formatCount(n: number): string {
  const sign = n < 0 ? "-" : "";
  const digits = String(Math.abs(Math.round(n)));
  return sign + digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** A shape as Keras prints it, batch first: [28, 28, 6] → "(None, 28, 28, 6)". */
export function formatKerasShape(shape: readonly number[]): string {
  return `(${["None", ...shape.map(String)].join(", ")})`;
}

const HEADERS = ["Layer (type)", "Output Shape", "Param #", "Connections", "Mult-adds"] as const;
const GAP = "  ";

/**
 * Prints a summary as a Keras-style text table (like `model.summary()`): the model name, one line
 * per layer (`C1 (conv2d)`, `(None, 28, 28, 6)`, parameters, connections, multiply-adds), the
 * totals, and the layers' notes, if any, at the end.
 *
 * @example
 * formatSummary(summarizeModel(compileModel(spec)));
 * // Model: "lenet5-1998"
 * // ...
 * // Total params: 60,000
 */
export function formatSummary(summary: ModelSummary): string {
  const cells = summary.rows.map((row) => [
    `${row.name} (${row.kind})`,
    formatKerasShape(row.outputShape),
    formatCount(row.trainable + row.nonTrainable),
    formatCount(row.connections),
    formatCount(row.macs),
  ]);
  const widths = HEADERS.map((header, col) =>
    Math.max(header.length, ...cells.map((line) => line[col].length)),
  );
  // Names and shapes align left, numbers right.
  const line = (values: readonly string[]) =>
    values
      .map((v, col) => (col < 2 ? v.padEnd(widths[col]) : v.padStart(widths[col])))
      .join(GAP)
      .trimEnd();
  const width = widths.reduce((a, b) => a + b, 0) + GAP.length * (widths.length - 1);
  const thin = "_".repeat(width);
  const thick = "=".repeat(width);
  const { totals } = summary;
  const out = [
    `Model: "${summary.name}"`,
    thin,
    line(HEADERS),
    thick,
    ...cells.flatMap((values, i) => (i === 0 ? [line(values)] : [thin, line(values)])),
    thick,
    `Total params: ${formatCount(totals.total)}`,
    `Trainable params: ${formatCount(totals.trainable)}`,
    `Non-trainable params: ${formatCount(totals.nonTrainable)}`,
    `Total connections: ${formatCount(totals.connections)}`,
    `Total mult-adds: ${formatCount(totals.macs)}`,
    thin,
  ];
  const notes = summary.rows.filter((row) => row.note !== undefined);
  if (notes.length > 0) {
    out.push("Notes:", ...notes.map((row) => `  ${row.name}: ${row.note}`));
  }
  return out.join("\n");
}
