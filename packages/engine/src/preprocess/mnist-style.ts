/**
 * MNIST's own preprocessing for any grey image of a digit (LeCun, Cortes, Burges, "The MNIST
 * database"): find the ink, scale it to fit a 20×20 box keeping its aspect ratio (anti-aliased),
 * and place it in a 28×28 field so that its centre of mass sits at the centre. Used by the drawing
 * pad and the CLI, so that a digit drawn anywhere, at any size and either polarity, looks like the
 * digits the networks were trained on.
 */
import { InputError } from "../errors.js";
import { checkGreyImage, type GreyImage } from "./grey-image.js";
import { centreOfMass, cropPixels, inkBox, toInk, type PixelBox, type Polarity } from "./ink.js";
import { resample } from "./resample.js";

/** MNIST's field: 28×28. */
export const MNIST_SIZE = 28;

/** MNIST's box for the digit itself: 20×20. */
export const MNIST_BOX = 20;

/** Options of {@link mnistStyle}. */
export interface MnistStyleOptions {
  /** Which values are ink; default `auto` (from the border). */
  readonly polarity?: Polarity;
  /** Ink level (0–1, after normalising) above which a pixel belongs to the digit's box. Default 0.1. */
  readonly threshold?: number;
  /** Side of the square the digit is scaled to fit. Default 20. */
  readonly box?: number;
  /** Side of the output field. Default 28. */
  readonly size?: number;
}

/** The result of {@link mnistStyleSteps}: the digit and how it was made. */
export interface MnistStyleResult {
  /** `size × size` values, row-major: background 0, ink up to 1 (MNIST's polarity). */
  readonly digit: Float32Array;
  /** True when the image was dark ink on light paper. */
  readonly inverted: boolean;
  /** The ink's box in the original image. */
  readonly crop: PixelBox;
  /** Width and height of the scaled digit (the longer side equals `box`). */
  readonly scaledWidth: number;
  readonly scaledHeight: number;
  /** Where the scaled digit's top-left pixel lands in the output (may be negative: clipped). */
  readonly offsetX: number;
  readonly offsetY: number;
}

/**
 * MNIST-style preprocessing with every intermediate step reported (for widgets that show them).
 * InputError for a malformed or blank image.
 */
export function mnistStyleSteps(
  image: GreyImage,
  options: MnistStyleOptions = {},
): MnistStyleResult {
  const { polarity = "auto", threshold = 0.1, box = MNIST_BOX, size = MNIST_SIZE } = options;
  checkGreyImage(image);
  if (!Number.isInteger(box) || !Number.isInteger(size) || box <= 0 || size < box) {
    throw new InputError(
      `mnistStyle: expected integers 0 < box ≤ size, got box ${box}, size ${size}`,
    );
  }
  if (!(threshold >= 0 && threshold < 1)) {
    throw new InputError(`mnistStyle: expected a threshold in [0, 1), got ${threshold}`);
  }
  const ink = toInk(image, polarity);
  const crop = inkBox(ink.data, ink.width, ink.height, threshold);
  if (crop === null) {
    throw new InputError(`mnistStyle: no pixel has an ink level above the threshold ${threshold}`);
  }
  const cw = crop.x1 - crop.x0;
  const ch = crop.y1 - crop.y0;
  const scale = box / Math.max(cw, ch);
  const scaledWidth = Math.max(1, Math.min(box, Math.round(cw * scale)));
  const scaledHeight = Math.max(1, Math.min(box, Math.round(ch * scale)));
  const scaled = resample(cropPixels(ink.data, ink.width, crop), cw, ch, scaledWidth, scaledHeight);
  const com = centreOfMass(scaled, scaledWidth, scaledHeight);
  // MNIST puts the centre of mass at index (14, 14) of 28×28: the field's centre in index terms.
  const offsetX = Math.round(size / 2 - com.x);
  const offsetY = Math.round(size / 2 - com.y);
  const digit = new Float32Array(size * size);
  for (let y = 0; y < scaledHeight; y++) {
    const ty = y + offsetY;
    if (ty < 0 || ty >= size) continue;
    for (let x = 0; x < scaledWidth; x++) {
      const tx = x + offsetX;
      if (tx >= 0 && tx < size) digit[ty * size + tx] = scaled[y * scaledWidth + x];
    }
  }
  return { digit, inverted: ink.inverted, crop, scaledWidth, scaledHeight, offsetX, offsetY };
}

/**
 * A 28×28 MNIST-style digit (background 0, ink 1, row-major) from a grey image of either polarity:
 * crop to the ink, scale to fit 20×20 keeping the aspect ratio, centre by centre of mass.
 *
 * ```ts
 * const digit = mnistStyle({ width: 280, height: 280, data: canvasGrey }); // Float32Array(784)
 * ```
 */
export function mnistStyle(image: GreyImage, options: MnistStyleOptions = {}): Float32Array {
  return mnistStyleSteps(image, options).digit;
}
