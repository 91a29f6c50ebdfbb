/** Numbers and shapes as the CLI prints them. */

/**
 * A real number, short and readable: up to `digits` significant digits, plain notation between
 * 0.001 and 100,000, exponential outside; trailing zeros dropped. `-0` prints as `0`.
 *
 * @example formatNumber(0.123456) // "0.1235"; formatNumber(1.5e-7) // "1.5e-7"
 */
export function formatNumber(value: number, digits = 4): string {
  if (Number.isNaN(value)) return "NaN";
  if (!Number.isFinite(value)) return value > 0 ? "Infinity" : "-Infinity";
  if (value === 0) return "0";
  const abs = Math.abs(value);
  if (abs >= 1e5 || abs < 1e-3) {
    const [mantissa, exponent] = value.toExponential(digits - 1).split("e");
    return `${trimZeros(mantissa)}e${exponent.replace("+", "")}`;
  }
  const decimals = Math.max(0, digits - 1 - Math.floor(Math.log10(abs)));
  return trimZeros(value.toFixed(decimals));
}

/** "1.2300" → "1.23", "5.000" → "5". */
function trimZeros(text: string): string {
  return text.includes(".") ? text.replace(/\.?0+$/, "") : text;
}

/** A shape as `28×28×6` (or `84`). */
export function formatDims(shape: readonly number[]): string {
  return shape.join("×");
}

/** A probability as a percentage with two decimals: 0.98765 → "98.77%". */
export function formatPercent(p: number): string {
  return `${(p * 100).toFixed(2)}%`;
}
