/**
 * Where the ink is in a grey image: its polarity (dark ink on light paper, or light on dark), the
 * box around it and its centre of mass. Pure functions over row-major arrays.
 */
import { InputError } from "../errors.js";
import type { GreyImage } from "./grey-image.js";

/**
 * Which values are ink: `auto` decides from the border (a light border means dark ink on light
 * paper), `dark-on-light` (ink near 0, paper near 1), `light-on-dark` (ink near 1, as MNIST).
 */
export type Polarity = "auto" | "dark-on-light" | "light-on-dark";

/** Ink levels of an image: background 0, the strongest ink 1. */
export interface InkImage {
  readonly width: number;
  readonly height: number;
  readonly data: Float32Array;
  /** True when the image was dark ink on light paper (the values were flipped). */
  readonly inverted: boolean;
  /** The paper's level in the original image (the median of the border pixels). */
  readonly background: number;
}

/** A box of pixels, half-open: columns x0 ≤ x < x1, rows y0 ≤ y < y1. */
export interface PixelBox {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

/** The median of the pixels on the image's outermost rows and columns. */
export function borderMedian(image: GreyImage): number {
  const { width, height, data } = image;
  const values: number[] = [];
  for (let x = 0; x < width; x++) {
    values.push(data[x]);
    if (height > 1) values.push(data[(height - 1) * width + x]);
  }
  for (let y = 1; y < height - 1; y++) {
    values.push(data[y * width]);
    if (width > 1) values.push(data[y * width + width - 1]);
  }
  values.sort((a, b) => a - b);
  const mid = values.length >> 1;
  return values.length % 2 === 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
}

/**
 * Ink levels: the distance of each pixel from the paper (the border's median), in the ink's
 * direction, divided by the strongest ink and clamped to [0, 1]. InputError for a blank image.
 *
 * ```ts
 * toInk({ width: 3, height: 1, data: [1, 0.2, 1] }).data; // [0, 1, 0] (dark ink, inverted)
 * ```
 */
export function toInk(image: GreyImage, polarity: Polarity = "auto"): InkImage {
  const background = borderMedian(image);
  const inverted = polarity === "dark-on-light" || (polarity === "auto" && background > 0.5);
  const sign = inverted ? -1 : 1;
  const n = image.width * image.height;
  const data = new Float32Array(n);
  let peak = 0;
  for (let i = 0; i < n; i++) {
    const v = sign * (image.data[i] - background);
    data[i] = v;
    if (v > peak) peak = v;
  }
  if (!(peak > 1e-3)) {
    throw new InputError(
      `expected some ink (values that differ from the border's ${background.toFixed(3)}), got a blank ${image.width}×${image.height} image`,
    );
  }
  for (let i = 0; i < n; i++) data[i] = Math.min(1, Math.max(0, data[i] / peak));
  return { width: image.width, height: image.height, data, inverted, background };
}

/** The smallest box holding every pixel above `threshold`; null when there is none. */
export function inkBox(
  data: ArrayLike<number>,
  width: number,
  height: number,
  threshold: number,
): PixelBox | null {
  let x0 = width;
  let y0 = height;
  let x1 = 0;
  let y1 = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (data[y * width + x] > threshold) {
        if (x < x0) x0 = x;
        if (x >= x1) x1 = x + 1;
        if (y < y0) y0 = y;
        if (y >= y1) y1 = y + 1;
      }
    }
  }
  return x1 > x0 && y1 > y0 ? { x0, y0, x1, y1 } : null;
}

/** Copies the pixels of `box` out of a `width`-wide image, row-major. */
export function cropPixels(data: ArrayLike<number>, width: number, box: PixelBox): Float32Array {
  const w = box.x1 - box.x0;
  const h = box.y1 - box.y0;
  const out = new Float32Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) out[y * w + x] = data[(box.y0 + y) * width + box.x0 + x];
  }
  return out;
}

/**
 * The centre of mass in pixel-index coordinates (pixel (x, y) weighs `data[y·width + x]` at
 * position (x, y)): MNIST's convention, under which its digits average (14.0, 14.0).
 * InputError when every value is zero.
 */
export function centreOfMass(
  data: ArrayLike<number>,
  width: number,
  height: number,
): { readonly x: number; readonly y: number } {
  let mass = 0;
  let mx = 0;
  let my = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const v = data[y * width + x];
      mass += v;
      mx += v * x;
      my += v * y;
    }
  }
  if (!(mass > 0)) throw new InputError(`centre of mass: expected some positive values, got none`);
  return { x: mx / mass, y: my / mass };
}
