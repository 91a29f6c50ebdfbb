/**
 * One input policy for images, used by the CLI and every widget: an image larger than these limits
 * is refused from its header, before it is decoded (a decompression bomb of under 1 MB can ask for
 * gigabytes), with a message that names the size found and the limit.
 */
import { InputError } from "../errors.js";
import { readImageHeader, sniffImageFormat, type ImageHeader } from "./image-header.js";

/** The most pixels an input image may have: 40 megapixels (a phone photo is 12–48). */
export const MAX_IMAGE_PIXELS = 40_000_000;

/** The longest side an input image may have, in pixels. */
export const MAX_IMAGE_SIDE = 16_384;

/** Writes an integer with thin groups of three: 30000 → "30,000". */
function grouped(n: number): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/**
 * Throws an InputError when a `width × height` image is empty or over the limits; `what` names the
 * image in the message ("photo.png", "the picked file").
 *
 * @example
 * checkImageSize(30000, 30000, "bomb.png");
 * // InputError: bomb.png is 30,000 × 30,000 pixels (900 megapixels); images may have at most
 * // 16,384 pixels on a side and 40 megapixels
 */
export function checkImageSize(width: number, height: number, what = "the image"): void {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
    throw new InputError(`${what} has no pixels (its header says ${width} × ${height})`);
  }
  const pixels = width * height;
  if (width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE || pixels > MAX_IMAGE_PIXELS) {
    const mp = pixels / 1e6;
    const size = mp >= 10 ? grouped(mp) : mp.toFixed(1);
    throw new InputError(
      `${what} is ${grouped(width)} × ${grouped(height)} pixels (${size} megapixels); images may ` +
        `have at most ${grouped(MAX_IMAGE_SIDE)} pixels on a side and ` +
        `${grouped(MAX_IMAGE_PIXELS / 1e6)} megapixels`,
    );
  }
}

/**
 * Reads an image file's header and applies the policy: returns the header of an image within the
 * limits; throws an InputError naming `what` when the bytes are no known image, the header is cut
 * short, or the image is too large. Nothing is decoded.
 */
export function checkImageFile(bytes: Uint8Array, what = "the image"): ImageHeader {
  const format = sniffImageFormat(bytes);
  if (!format) {
    throw new InputError(`${what} is not an image: expected a PNG or JPEG file`);
  }
  const header = readImageHeader(bytes);
  if (!header) {
    throw new InputError(
      `${what} looks like a ${format.toUpperCase()} file but its header is cut short or damaged`,
    );
  }
  checkImageSize(header.width, header.height, what);
  return header;
}

/**
 * Clamps a requested element size (a pad's side, a canvas's width) to `[min, max]`, or returns
 * `fallback` when the value is not a finite number. Widgets use it so that `size="1000000"` draws a
 * bounded canvas instead of throwing.
 */
export function clampSize(value: number, min: number, max: number, fallback: number): number {
  if (!Number.isFinite(value)) return fallback;
  return Math.min(max, Math.max(min, Math.round(value)));
}
