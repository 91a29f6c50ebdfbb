/**
 * Colour scales for activations, from d3-scale-chromatic: perceptually uniform and legible to
 * colour-blind readers. Values of one sign use viridis; signed values use the diverging PuOr
 * scale centred on zero, so that zero always reads as the neutral middle.
 */
import { rgb } from "d3-color";
import { scaleDiverging, scaleSequential } from "d3-scale";
import { interpolatePuOr, interpolateViridis } from "d3-scale-chromatic";

/** A value → colour function with its domain, for a legend. */
export interface ColorScale {
  readonly domain: readonly [number, number];
  readonly signed: boolean;
  /** CSS colour of a value. */
  color(value: number): string;
  /** RGB bytes of a value, for ImageData. */
  rgb(value: number): [number, number, number];
}

/** A colour scale for activations spanning [min, max]. */
export function activationScale(min: number, max: number): ColorScale {
  const lo = Number.isFinite(min) ? min : 0;
  const hi = Number.isFinite(max) ? max : 0;
  const signed = lo < 0 && hi > 0;
  let color: (v: number) => string;
  let domain: [number, number];
  if (signed) {
    const m = Math.max(-lo, hi);
    domain = [-m, m];
    // PuOr runs orange (low) → white → purple (high); reverse so positive reads warm.
    const scale = scaleDiverging((t: number) => interpolatePuOr(1 - t)).domain([-m, 0, m]);
    color = (v) => scale(v);
  } else {
    domain = lo === hi ? [lo, lo + 1] : [lo, hi];
    const scale = scaleSequential(interpolateViridis).domain(domain);
    color = (v) => scale(v);
  }
  return {
    domain,
    signed,
    color,
    rgb(value) {
      const c = rgb(color(value));
      return [c.r, c.g, c.b];
    },
  };
}
