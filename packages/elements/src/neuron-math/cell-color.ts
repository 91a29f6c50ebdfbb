/**
 * Colours of the small grids: the activation scales of draw/color.ts, softened towards the
 * surface so that a page of numbers stays calm, with the text colour that reads best on each.
 */
import { interpolateRgb, rgb } from "d3";
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

/** Background and text colour of each value of a grid. */
export interface CellPalette {
  readonly scale: ColorScale;
  style(value: number): string;
}

/**
 * A palette over values: diverging (centred on zero) when `signed` or when the values change
 * sign, else sequential. `soften` ∈ [0, 1] mixes the colours towards white.
 */
export function cellPalette(values: Iterable<number>, signed = false, soften = 0.25): CellPalette {
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
  const cache = new Map<number, string>();
  return {
    scale,
    style(value) {
      let s = cache.get(value);
      if (s === undefined) {
        // Mid-tones that neither text colour reads on (WCAG 4.5:1) are lightened until dark text does.
        let t = soften;
        let bg = rgb(interpolateRgb(scale.color(value), LIGHT)(t)).formatHex();
        while (contrast(bg, textOn(bg)) < MIN_CONTRAST && t < 1) {
          t = Math.min(1, t + 0.05);
          bg = rgb(interpolateRgb(scale.color(value), LIGHT)(t)).formatHex();
        }
        s = `background:${bg};color:${textOn(bg)}`;
        cache.set(value, s);
      }
      return s;
    },
  };
}
