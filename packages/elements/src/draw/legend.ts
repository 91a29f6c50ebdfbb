/**
 * The legend of a heat-map colour scale: a CSS gradient across the values actually present
 * (min … max, so the colour under each tick is the colour of that value) and its ticks — min,
 * 0 when the values have both signs, max.
 */
import type { ColorScale } from "./color.js";
import { formatNumber } from "../shared/format-number.js";

/** One tick of a legend. */
export interface LegendTick {
  readonly value: number;
  /** Position along the bar, 0 (left) to 1 (right). */
  readonly offset: number;
  /** The value as written. */
  readonly label: string;
  /** Whether the label is written (a zero tick too close to an end only gets its mark). */
  readonly labelled: boolean;
}

/** A legend: a CSS `linear-gradient(…)` and its ticks. */
export interface LegendModel {
  readonly gradient: string;
  readonly ticks: readonly LegendTick[];
}

/**
 * Formats an activation for people: three decimals, a true minus sign, and exponent notation for
 * very large or very small magnitudes.
 */
export function formatValue(value: number, lang?: string): string {
  return formatNumber(value, {
    lang,
    decimals: 3,
    grouping: false,
    scientificAbove: 1e5,
    scientificBelow: 1e-3,
    mantissaZeros: true,
    exponentPlus: true,
  });
}

/** Options of {@link legendModel}. */
export interface LegendOptions {
  /** Colour stops of the gradient (default 16). */
  readonly stops?: number;
  /** Width of the bar in pixels, to keep the zero label clear of the end labels (default 176). */
  readonly width?: number;
  /** Width of one character of the tick labels in pixels (default 7). */
  readonly charWidth?: number;
}

/** The legend of `scale` over the values [min, max]. */
export function legendModel(
  scale: ColorScale,
  min: number,
  max: number,
  options: LegendOptions = {},
): LegendModel {
  const { stops = 16, width = 176, charWidth = 7 } = options;
  const lo = Number.isFinite(min) ? min : 0;
  const hi = Number.isFinite(max) ? max : lo;
  const span = hi - lo;
  const colors: string[] = [];
  for (let i = 0; i < stops; i++) {
    const t = stops === 1 ? 0 : i / (stops - 1);
    colors.push(`${scale.color(lo + span * t)} ${(t * 100).toFixed(1)}%`);
  }
  const loLabel = formatValue(lo);
  const hiLabel = formatValue(hi);
  const ticks: LegendTick[] = [{ value: lo, offset: 0, label: loLabel, labelled: true }];
  if (lo < 0 && hi > 0) {
    const offset = -lo / span;
    // The "0" is centred on its tick: it needs its half width plus a gap clear of each end label.
    const clear = (label: string) => ((label.length + 2.5) * charWidth) / width;
    const labelled = offset >= clear(loLabel) && 1 - offset >= clear(hiLabel);
    ticks.push({ value: 0, offset, label: "0", labelled });
  }
  if (span > 0) ticks.push({ value: hi, offset: 1, label: formatValue(hi), labelled: true });
  return { gradient: `linear-gradient(to right, ${colors.join(", ")})`, ticks };
}
