/**
 * Partial connectivity of a convolution (LeNet-5's C3, Table I of LeCun et al. 1998): which input
 * channels feed each output map, as a 0/1 kernel mask and as link counts. Pure functions.
 *
 * A table is `connections[o]` = the input channels that feed output map `o`.
 */
import { SpecError } from "../errors.js";

/** A connection table: `table[o]` lists the input channels feeding output map `o`. */
export type ConnectionTable = readonly (readonly number[])[];

/**
 * Throws SpecError (attribute `connections`) unless `table` has one entry per output map, each a
 * non-empty list of distinct integers in [0, inChannels).
 */
export function validateConnections(
  table: unknown,
  inChannels: number,
  filters: number,
  layer: string,
): asserts table is ConnectionTable {
  const fail = (message: string): never => {
    throw new SpecError(message, { layer, attribute: "connections" });
  };
  if (!Array.isArray(table)) {
    fail(
      `expected an array with one list of input channels per output map, got ${JSON.stringify(table)}`,
    );
  }
  const rows = table as unknown[];
  if (rows.length !== filters) {
    fail(`expected ${filters} entries (one per filter), got ${rows.length}`);
  }
  rows.forEach((row, o) => {
    if (!Array.isArray(row) || row.length === 0) {
      fail(`entry ${o}: expected a non-empty list of input channels, got ${JSON.stringify(row)}`);
    }
    const seen = new Set<number>();
    for (const c of row as unknown[]) {
      if (typeof c !== "number" || !Number.isInteger(c) || c < 0 || c >= inChannels) {
        fail(
          `entry ${o}: expected input channels as integers in [0, ${inChannels - 1}], got ${JSON.stringify(c)}`,
        );
      }
      if (seen.has(c as number)) fail(`entry ${o}: input channel ${String(c)} is listed twice`);
      seen.add(c as number);
    }
  });
}

/**
 * The 0/1 mask of a kernel `[kh, kw, inChannels, filters]` (Keras layout, flattened row-major):
 * 1 where input channel `c` feeds output map `o` according to `table`, else 0.
 */
export function connectionMask(
  table: ConnectionTable,
  kh: number,
  kw: number,
  inChannels: number,
  filters: number,
): Float32Array {
  const mask = new Float32Array(kh * kw * inChannels * filters);
  table.forEach((row, o) => {
    for (const c of row) {
      for (let k = 0; k < kh * kw; k++) mask[(k * inChannels + c) * filters + o] = 1;
    }
  });
  return mask;
}

/** Kernel links of each output map: kh·kw·(number of input channels that feed it). */
export function linksPerOutput(table: ConnectionTable, kh: number, kw: number): number[] {
  return table.map((row) => kh * kw * row.length);
}

/** How many output maps each input channel feeds (LeNet's S2 map 0 feeds 10 of C3's 16). */
export function outputsPerInput(table: ConnectionTable, inChannels: number): number[] {
  const counts = new Array<number>(inChannels).fill(0);
  for (const row of table) for (const c of row) counts[c] += 1;
  return counts;
}
