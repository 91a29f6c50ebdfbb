/**
 * A single-channel image as plain data, and its checks. Preprocessing works on these, so it runs
 * alike in Node (a decoded PNG) and in a page (a canvas' pixels turned grey).
 */
import { InputError } from "../errors.js";

/** A single-channel image, row-major, values in [0, 1]. */
export interface GreyImage {
  readonly width: number;
  readonly height: number;
  /** `width · height` values in [0, 1], row by row. */
  readonly data: ArrayLike<number>;
}

/** Throws InputError unless `image` has positive integer sides and `width · height` finite values. */
export function checkGreyImage(image: GreyImage, what = "image"): void {
  const { width, height, data } = image;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width <= 0 || height <= 0) {
    throw new InputError(
      `${what}: expected positive integer width and height, got ${width}×${height}`,
    );
  }
  if (data?.length !== width * height) {
    throw new InputError(
      `${what}: expected ${width}·${height} = ${width * height} values, got ${data?.length}`,
    );
  }
  for (let i = 0; i < data.length; i++) {
    if (!Number.isFinite(data[i])) {
      throw new InputError(
        `${what}: expected finite values in [0, 1], got ${data[i]} at (${Math.floor(i / width)}, ${i % width})`,
      );
    }
  }
}
