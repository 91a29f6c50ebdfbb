/**
 * Decoding a PNG file into an RGBA image of floats in [0, 1]. pngjs turns every colour type (grey,
 * grey+alpha, RGB, RGBA, palette) and bit depth (1–16) into 8-bit RGBA.
 */
import pngjs from "pngjs";
import { UsageError } from "../cli-error.js";

/** An image as 8-bit RGBA rescaled to [0, 1], row-major, with what the file held. */
export interface RgbaImage {
  readonly width: number;
  readonly height: number;
  /** `height·width·4` values in [0, 1]: R, G, B, A per pixel. */
  readonly data: Float32Array;
  /** The file stores colour (RGB, RGBA or a palette), not only grey levels. */
  readonly color: boolean;
  /** The file stores an alpha channel (or a transparent palette entry). */
  readonly alpha: boolean;
}

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Whether the bytes start with the PNG signature. */
export function isPng(bytes: Uint8Array): boolean {
  return bytes.length >= SIGNATURE.length && SIGNATURE.every((b, i) => bytes[i] === b);
}

/** Decodes PNG bytes; UsageError naming the file when they are not a readable PNG. */
export function decodePng(bytes: Buffer, file: string): RgbaImage {
  if (!isPng(bytes)) {
    throw new UsageError(`${JSON.stringify(file)} is not a PNG file (wrong signature)`);
  }
  let png: pngjs.PNGWithMetadata;
  try {
    png = pngjs.PNG.sync.read(bytes);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new UsageError(`${JSON.stringify(file)} is not a readable PNG file: ${reason}`);
  }
  const data = new Float32Array(png.width * png.height * 4);
  for (let i = 0; i < data.length; i++) data[i] = png.data[i] / 255;
  return { width: png.width, height: png.height, data, color: png.color, alpha: png.alpha };
}
