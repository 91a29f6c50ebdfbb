/**
 * Colours of the small grids: the activation scales of draw/color.ts, softened towards the
 * surface so that a page of numbers stays calm, with the text colour that reads best on each.
 *
 * Each scale is sampled once, when the module loads, at `CELL_STEPS + 1` evenly spaced points of
 * its domain; a cell takes the nearest sample as a class (`c-d0` … `c-d64` for the diverging
 * scale, `c-s0` … for the sequential one) whose rule is in `cellColorStyles`. A render parses no
 * colour and writes no inline style (which a strict Content-Security-Policy would refuse).
 */
import { css, unsafeCSS, type CSSResult } from "lit";
import { rgb } from "d3-color";
import { interpolateRgb } from "d3-interpolate";
import { activationScale, type ColorScale } from "../draw/color.js";

const DARK = "#1f2328";
const LIGHT = "#ffffff";

function luminance(color: string): number {
  const c = rgb(color);
  const lin = (v: number) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(c.r) + 0.7152 * lin(c.g) + 0.0722 * lin(c.b);
}

/** WCAG contrast ratio of two colours (1 … 21). */
export function contrast(a: string, b: string): number {
  const la = luminance(a);
  const lb = luminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/** A little above WCAG AA for small text (4.5:1), to stay clear of rounding. */
const MIN_CONTRAST = 4.6;

/** The text colour (dark or white) with the higher WCAG contrast on `background`. */
export function textOn(background: string): string {
  return contrast(background, DARK) >= contrast(background, LIGHT) ? DARK : LIGHT;
}

/** Intervals each colour ramp is cut into: a cell's colour is off by at most 1/128 of the domain. */
export const CELL_STEPS = 64;

/** How far the scale's colours are mixed towards white. */
const SOFTEN = 0.25;

/** A cell's background and the text colour that reads on it. */
export interface Swatch {
  readonly background: string;
  readonly text: string;
}

function swatchOf(color: string): Swatch {
  // Mid-tones that neither text colour reads on (WCAG 4.5:1) are lightened until dark text does.
  let t = SOFTEN;
  let background = rgb(interpolateRgb(color, LIGHT)(t)).formatHex();
  while (contrast(background, textOn(background)) < MIN_CONTRAST && t < 1) {
    t = Math.min(1, t + 0.05);
    background = rgb(interpolateRgb(color, LIGHT)(t)).formatHex();
  }
  return { background, text: textOn(background) };
}

/** `CELL_STEPS + 1` swatches from the low end of `scale`'s domain to its high end. */
function ramp(scale: ColorScale): readonly Swatch[] {
  const [lo, hi] = scale.domain;
  return Array.from({ length: CELL_STEPS + 1 }, (_, i) =>
    swatchOf(scale.color(lo + ((hi - lo) * i) / CELL_STEPS)),
  );
}

/** The two ramps: diverging (PuOr, signed values) and sequential (viridis), by class prefix. */
const RAMPS = {
  "c-d": ramp(activationScale(-1, 1)),
  "c-s": ramp(activationScale(0, 1)),
} as const;

/** The rules of the cell classes, for a component's `static styles`. */
export const cellColorStyles: CSSResult = css`
  ${unsafeCSS(
    Object.entries(RAMPS)
      .flatMap(([prefix, swatches]) =>
        swatches.map((w, i) => `.cell.${prefix}${i}{background:${w.background};color:${w.text}}`),
      )
      .join("\n"),
  )}
`;

/** Background and text colour of each value of a grid. */
export interface CellPalette {
  readonly scale: ColorScale;
  /** The class that colours a cell showing `value`. */
  className(value: number): string;
  /** The colours that class gives. */
  swatch(value: number): Swatch;
}

/**
 * A palette over values: diverging (centred on zero) when `signed` or when the values change
 * sign, else sequential.
 */
export function cellPalette(values: Iterable<number>, signed = false): CellPalette {
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    min = Math.min(min, v);
    max = Math.max(max, v);
  }
  if (min === Infinity) [min, max] = [0, 1];
  if (signed) {
    const m = Math.max(Math.abs(min), Math.abs(max)) || 1;
    [min, max] = [-m, m];
  }
  const scale = activationScale(min, max);
  const prefix = scale.signed ? "c-d" : "c-s";
  const [lo, hi] = scale.domain;
  const step = (value: number) => {
    const i = Math.round(((value - lo) / (hi - lo)) * CELL_STEPS);
    // NaN (no value) takes the middle; out-of-domain values the nearest end.
    return Number.isNaN(i) ? CELL_STEPS / 2 : Math.min(CELL_STEPS, Math.max(0, i));
  };
  return {
    scale,
    className: (value) => `${prefix}${step(value)}`,
    swatch: (value) => RAMPS[prefix][step(value)],
  };
}
