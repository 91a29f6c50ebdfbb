/**
 * From RGBA to the pixels a model reads: grey levels for LeNet, RGB for AlexNet. Transparent
 * pixels are composited over white (a drawing on a transparent canvas is ink on paper).
 */
import type { RgbaImage } from "./rgba-image.js";

/** A single-channel image, row-major, values in [0, 1]. */
export interface GreyImage {
  readonly width: number;
  readonly height: number;
  readonly data: Float32Array;
}

/** A three-channel image, row-major RGB (HWC), values in [0, 1]. */
export interface RgbImage {
  readonly width: number;
  readonly height: number;
  readonly data: Float32Array;
}

/** ITU-R BT.601 luma weights, as PIL's `convert("L")`. */
const LUMA = [0.299, 0.587, 0.114] as const;

/** `value` seen through alpha `a` over a white background. */
function overWhite(value: number, a: number): number {
  return a * value + (1 - a);
}

/** The largest minus the smallest value. */
function spread(data: Float32Array): number {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of data) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return data.length === 0 ? 0 : hi - lo;
}

/**
 * Grey levels (BT.601 luma) composited over white. When that leaves a flat image but the alpha
 * channel varies (white strokes on a transparent canvas), the alpha channel itself is the ink.
 */
export function toGrey(image: RgbaImage): GreyImage {
  const n = image.width * image.height;
  const data = new Float32Array(n);
  const alpha = new Float32Array(n);
  const d = image.data;
  for (let i = 0; i < n; i++) {
    const a = d[4 * i + 3] / 255;
    const luma = (LUMA[0] * d[4 * i] + LUMA[1] * d[4 * i + 1] + LUMA[2] * d[4 * i + 2]) / 255;
    data[i] = overWhite(luma, a);
    alpha[i] = a;
  }
  const useAlpha = image.alpha && spread(data) < 1e-6 && spread(alpha) > 1e-6;
  return { width: image.width, height: image.height, data: useAlpha ? alpha : data };
}

/** RGB composited over white (grey files give three equal channels). */
export function toRgb(image: RgbaImage): RgbImage {
  const n = image.width * image.height;
  const data = new Float32Array(n * 3);
  const d = image.data;
  for (let i = 0; i < n; i++) {
    const a = d[4 * i + 3] / 255;
    for (let c = 0; c < 3; c++) data[3 * i + c] = overWhite(d[4 * i + c] / 255, a);
  }
  return { width: image.width, height: image.height, data };
}
