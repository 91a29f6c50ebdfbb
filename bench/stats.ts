/** Small statistics and the report table of the bench (pure). */

/** The median of a list of numbers (the mean of the two middle ones for an even count); NaN when empty. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Runs `fn` `warmup` times unmeasured, then `runs` times, and returns each run's milliseconds. */
export async function timeRuns(
  fn: () => unknown,
  runs: number,
  warmup = 1,
  now: () => number = () => performance.now(),
): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = now();
    await fn();
    times.push(now() - t0);
  }
  return times;
}

/** "70.3 ms" / "1.42 s". */
export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return "–";
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`;
}

/** One row of the printed table. */
export interface BenchRow {
  readonly name: string;
  readonly backend: string;
  readonly runs: number;
  readonly median: number;
  readonly min: number;
  readonly max: number;
}

/** A row from a list of times. */
export function row(name: string, backend: string, times: readonly number[]): BenchRow {
  return {
    name,
    backend,
    runs: times.length,
    median: median(times),
    min: Math.min(...times),
    max: Math.max(...times),
  };
}

/** The rows and ratios as a plain-text table. */
export function formatReport(
  rows: readonly BenchRow[],
  ratios: readonly [string, number][],
): string {
  const header = ["measure", "backend", "runs", "median", "min", "max"];
  const lines = rows.map((r) => [
    r.name,
    r.backend,
    String(r.runs),
    formatMs(r.median),
    formatMs(r.min),
    formatMs(r.max),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const fmt = (cells: string[]) =>
    cells.map((c, i) => (i >= 2 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join("  ");
  const out = [fmt(header), widths.map((w) => "-".repeat(w)).join("  "), ...lines.map(fmt)];
  if (ratios.length > 0) {
    out.push("");
    const w = Math.max(...ratios.map(([k]) => k.length));
    for (const [k, v] of ratios)
      out.push(`${k.padEnd(w)}  ${Number.isFinite(v) ? v.toFixed(2) : "–"}×`);
  }
  return out.join("\n");
}
