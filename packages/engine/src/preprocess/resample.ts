/**
 * Resizing a single-channel image: area averaging to shrink (each output pixel is the mean of the
 * source area it covers, as an anti-aliasing scanner would see it), bilinear interpolation to
 * enlarge (half-pixel centres). Pure functions over row-major arrays.
 */
import { InputError } from "../errors.js";

/**
 * Shrinks (or stretches) `src` (`sw × sh`) to `dw × dh` by area averaging: the source is taken as
 * piecewise constant and each output pixel is the mean over the rectangle it covers.
 *
 * ```ts
 * resampleArea(Float32Array.of(0, 1, 1, 0), 2, 2, 1, 1); // [0.5]
 * ```
 */
export function resampleArea(
  src: ArrayLike<number>,
  sw: number,
  sh: number,
  dw: number,
  dh: number,
): Float32Array {
  checkSizes(src, sw, sh, dw, dh);
  const out = new Float32Array(dw * dh);
  const fx = sw / dw;
  const fy = sh / dh;
  for (let oy = 0; oy < dh; oy++) {
    const y0 = oy * fy;
    const y1 = y0 + fy;
    for (let ox = 0; ox < dw; ox++) {
      const x0 = ox * fx;
      const x1 = x0 + fx;
      let sum = 0;
      for (let sy = Math.floor(y0); sy < Math.min(sh, Math.ceil(y1)); sy++) {
        const wy = Math.min(y1, sy + 1) - Math.max(y0, sy);
        if (wy <= 0) continue;
        for (let sx = Math.floor(x0); sx < Math.min(sw, Math.ceil(x1)); sx++) {
          const wx = Math.min(x1, sx + 1) - Math.max(x0, sx);
          if (wx > 0) sum += wx * wy * src[sy * sw + sx];
        }
      }
      out[oy * dw + ox] = sum / (fx * fy);
    }
  }
  return out;
}

/**
 * Resizes `src` (`sw × sh`) to `dw × dh` by bilinear interpolation with half-pixel centres (output
 * pixel centre (x + ½)·sw/dw − ½ in source coordinates, clamped to the edge pixels).
 *
 * ```ts
 * resampleBilinear(Float32Array.of(0, 1), 2, 1, 4, 1); // [0, 0.25, 0.75, 1]
 * ```
 */
export function resampleBilinear(
  src: ArrayLike<number>,
  sw: number,
  sh: number,
  dw: number,
  dh: number,
): Float32Array {
  checkSizes(src, sw, sh, dw, dh);
  const out = new Float32Array(dw * dh);
  const fx = sw / dw;
  const fy = sh / dh;
  for (let oy = 0; oy < dh; oy++) {
    const y = Math.min(sh - 1, Math.max(0, (oy + 0.5) * fy - 0.5));
    const ya = Math.floor(y);
    const yb = Math.min(sh - 1, ya + 1);
    const ty = y - ya;
    for (let ox = 0; ox < dw; ox++) {
      const x = Math.min(sw - 1, Math.max(0, (ox + 0.5) * fx - 0.5));
      const xa = Math.floor(x);
      const xb = Math.min(sw - 1, xa + 1);
      const tx = x - xa;
      const top = src[ya * sw + xa] * (1 - tx) + src[ya * sw + xb] * tx;
      const bottom = src[yb * sw + xa] * (1 - tx) + src[yb * sw + xb] * tx;
      out[oy * dw + ox] = top * (1 - ty) + bottom * ty;
    }
  }
  return out;
}

/** Area averaging when every side shrinks or stays, bilinear when one grows. */
export function resample(
  src: ArrayLike<number>,
  sw: number,
  sh: number,
  dw: number,
  dh: number,
): Float32Array {
  return dw <= sw && dh <= sh
    ? resampleArea(src, sw, sh, dw, dh)
    : resampleBilinear(src, sw, sh, dw, dh);
}

function checkSizes(src: ArrayLike<number>, sw: number, sh: number, dw: number, dh: number): void {
  for (const [name, v] of [
    ["source width", sw],
    ["source height", sh],
    ["target width", dw],
    ["target height", dh],
  ] as const) {
    if (!Number.isInteger(v) || v <= 0) {
      throw new InputError(`resample: expected a positive integer ${name}, got ${v}`);
    }
  }
  if (src.length !== sw * sh) {
    throw new InputError(`resample: expected ${sw}·${sh} = ${sw * sh} values, got ${src.length}`);
  }
}
