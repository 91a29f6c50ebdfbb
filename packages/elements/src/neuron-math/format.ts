/**
 * Numbers as the neuron math shows them: a few significant digits for totals, one shared number
 * of decimals per grid (so a column of cells lines up), a true minus sign, and the full value for
 * the title. Pure functions, tested alone.
 */

import { formatNumber, MINUS } from "../shared/format-number.js";

function signed(text: string): string {
  return text.replace(/^-/, MINUS).replace(/e-/, `e${MINUS}`).replace(/e\+/, "e");
}

/** A value to `digits` significant digits without trailing zeros: 1.1838 → "1.18", −0.05 → "−0.05". */
export function formatValue(value: number, digits = 3, lang?: string): string {
  return formatNumber(value, {
    lang,
    significant: digits,
    grouping: false,
    scientificAbove: 1e6,
    scientificBelow: 1e-4,
    nan: "—",
  });
}

/** The full value, for a title/tooltip (the shortest text that reads back to the same number). */
export function fullValue(value: number): string {
  return Number.isNaN(value) ? "NaN" : signed(String(value));
}

/**
 * Decimals that give the largest |value| of a grid `digits` significant digits (0 … 5): 1.175 at
 * 3 digits → 2, 0.096 → 4.
 */
export function gridDecimals(values: Iterable<number>, digits = 3): number {
  let max = 0;
  for (const v of values) if (Number.isFinite(v)) max = Math.max(max, Math.abs(v));
  if (max === 0) return 0;
  const lead = Math.floor(Math.log10(max));
  return Math.min(5, Math.max(0, Math.round(digits) - 1 - lead));
}

/** A grid cell: fixed decimals, a minus sign, no "−0.00". */
export function formatFixed(value: number, decimals: number): string {
  if (!Number.isFinite(value)) return formatValue(value);
  const text = value.toFixed(decimals);
  return /^-0\.?0*$/.test(text) ? text.slice(1) : signed(text);
}

/** Reads a number back from text that `formatValue`/`formatFixed` wrote (for tests and tools). */
export function parseShown(text: string): number {
  return Number(text.trim().replaceAll(MINUS, "-"));
}

/** Characters the widest cell of a grid needs at `decimals` (sign, integer digits, point, decimals). */
export function cellChars(values: Iterable<number>, decimals: number): number {
  let max = 0;
  let negative = false;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    max = Math.max(max, Math.abs(v));
    if (v < 0 && Math.abs(v) >= 0.5 * 10 ** -decimals) negative = true;
  }
  const integer = max < 1 ? 1 : Math.floor(Math.log10(max)) + 1;
  return (negative ? 1 : 0) + integer + (decimals > 0 ? 1 + decimals : 0);
}
