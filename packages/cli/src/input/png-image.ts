/**
 * Decoding a PNG file into an RGBA image of floats in [0, 1]. pngjs turns every colour type (grey,
 * grey+alpha, RGB, RGBA, palette) and bit depth (1–16) into 8-bit RGBA. Callers check the size in
 * the header first (`checkImageFile`): pngjs allocates what the header asks for.
 */
import pngjs from "pngjs";
import { UsageError, quote } from "../cli-error.js";
import { rgbaToFloats, type RgbaImage } from "./rgba-image.js";

export type { RgbaImage } from "./rgba-image.js";

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Whether the bytes start with the PNG signature. */
export function isPng(bytes: Uint8Array): boolean {
  return bytes.length >= SIGNATURE.length && SIGNATURE.every((b, i) => bytes[i] === b);
}

/**
 * What went wrong in pngjs' (or zlib's) words, in the reader's: "read requests waitng on finished
 * stream" and "invalid inflate data" both mean the compressed pixels are damaged or end early.
 */
function pngProblem(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/crc/i.test(message)) return "a part of it is damaged (a checksum does not match)";
  if (/unsupported|not supported/i.test(message)) {
    return "it uses a PNG feature that cannot be read here (save it again as an 8-bit PNG)";
  }
  return "its image data is damaged or cut short";
}

/** Decodes PNG bytes; UsageError naming the file when they are not a readable PNG. */
export function decodePng(bytes: Buffer, file: string): RgbaImage {
  if (!isPng(bytes)) {
    throw new UsageError(
      `${quote(file)} is not a PNG file: it does not start with PNG's signature`,
    );
  }
  let png: pngjs.PNGWithMetadata;
  try {
    png = pngjs.PNG.sync.read(bytes);
  } catch (error) {
    throw new UsageError(`${quote(file)} is not a readable PNG file: ${pngProblem(error)}`);
  }
  return {
    width: png.width,
    height: png.height,
    data: rgbaToFloats(png.data),
    color: png.color,
    alpha: png.alpha,
  };
}
