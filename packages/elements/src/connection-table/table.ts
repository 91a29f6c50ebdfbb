/**
 * A connection table (LeNet-5's Table I: `table[o]` = the input maps feeding output map `o`) read
 * as a matrix: links, what a column reads, what a row feeds, and the column groups the paper
 * draws. Pure functions, tested alone.
 */

/** `table[o]` lists the input maps that feed output map `o`. */
export type ConnectionTable = readonly (readonly number[])[];

/** How the inputs of a run of columns are chosen. */
export type GroupKind = "contiguous" | "scattered" | "all";

/** A run of neighbouring columns that read the same number of inputs chosen the same way. */
export interface ColumnGroup {
  /** First column (inclusive). */
  readonly start: number;
  /** Last column (inclusive). */
  readonly end: number;
  /** Inputs each column of the group reads. */
  readonly size: number;
  readonly kind: GroupKind;
}

/** Number of input maps: one more than the highest index the table names (at least `min`). */
export function inputCount(table: ConnectionTable, min = 0): number {
  let n = min;
  for (const row of table) for (const c of row) n = Math.max(n, c + 1);
  return n;
}

/** Whether input map `row` feeds output map `column`. */
export function isLinked(table: ConnectionTable, row: number, column: number): boolean {
  return table[column]?.includes(row) ?? false;
}

/** Every link (one per X of the paper's table). */
export function linkCount(table: ConnectionTable): number {
  return table.reduce((n, inputs) => n + inputs.length, 0);
}

/** The input maps an output map reads, ascending. */
export function inputsOf(table: ConnectionTable, column: number): number[] {
  return [...(table[column] ?? [])].sort((a, b) => a - b);
}

/** The output maps an input map feeds, ascending. */
export function outputsOf(table: ConnectionTable, row: number): number[] {
  const out: number[] = [];
  table.forEach((inputs, o) => {
    if (inputs.includes(row)) out.push(o);
  });
  return out;
}

/**
 * Whether a set of inputs is a run of neighbours on the ring 0 … n − 1 (LeCun's "contiguous
 * subsets": {4, 5, 0} counts, wrapping around).
 */
export function isCyclicRun(inputs: readonly number[], n: number): boolean {
  const set = new Set(inputs);
  const k = set.size;
  if (k === 0 || k >= n) return k === n;
  for (let s = 0; s < n; s++) {
    let ok = true;
    for (let i = 0; i < k && ok; i++) ok = set.has((s + i) % n);
    if (ok) return true;
  }
  return false;
}

/** How one column's inputs are chosen. */
export function columnKind(inputs: readonly number[], n: number): GroupKind {
  if (new Set(inputs).size === n) return "all";
  return isCyclicRun(inputs, n) ? "contiguous" : "scattered";
}

/**
 * Splits the columns into runs of the same size and kind. For Table I: 0–5 (three contiguous),
 * 6–11 (four contiguous), 12–14 (four, not contiguous), 15 (all six).
 */
export function columnGroups(table: ConnectionTable, n = inputCount(table)): ColumnGroup[] {
  const groups: ColumnGroup[] = [];
  table.forEach((inputs, o) => {
    const size = new Set(inputs).size;
    const kind = columnKind(inputs, n);
    const last = groups[groups.length - 1];
    if (last && last.size === size && last.kind === kind && last.end === o - 1) {
      groups[groups.length - 1] = { ...last, end: o };
    } else {
      groups.push({ start: o, end: o, size, kind });
    }
  });
  return groups;
}
