/**
 * Decoding a PNG file into an 8-bit RGBA image. pngjs turns every colour type (grey,
 * grey+alpha, RGB, RGBA, palette) and bit depth (1–16) into 8-bit RGBA. Callers check the size in
 * the header first (`checkImageFile`): pngjs allocates what the header asks for.
 */
import { crc32 } from "node:zlib";
import pngjs from "pngjs";
import { UsageError, quote } from "../cli-error.js";
import type { RgbaImage } from "./rgba-image.js";

export type { RgbaImage } from "./rgba-image.js";

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Whether the bytes start with the PNG signature. */
export function isPng(bytes: Uint8Array): boolean {
  return bytes.length >= SIGNATURE.length && SIGNATURE.every((b, i) => bytes[i] === b);
}

/**
 * After pngjs failed: the first chunk whose CRC does not match, or "cut short" when the chunks run
 * past the end of the file (pngjs reports these as "Crc error - 2010498916 - -1999255708" and
 * "Unexpected end of input").
 */
function chunkProblem(bytes: Uint8Array): string | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let at = SIGNATURE.length; at < bytes.length;) {
    if (at + 12 > bytes.length) return "the file is cut short";
    const length = view.getUint32(at);
    const end = at + 8 + length;
    if (end + 4 > bytes.length) return "the file is cut short";
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    if (crc32(bytes.subarray(at + 4, end)) !== view.getUint32(end)) {
      const name = /^[A-Za-z]{4}$/.test(type) ? `its ${type} chunk` : "a chunk";
      return `${name} is damaged (its checksum does not match)`;
    }
    if (type === "IEND") return undefined;
    at = end + 4;
  }
  return "the file is cut short";
}

/**
 * What went wrong in pngjs' (or zlib's) words, in the reader's: "read requests waitng on finished
 * stream" and "invalid inflate data" both mean the compressed pixels are damaged or end early.
 */
function pngProblem(error: unknown, bytes: Uint8Array): string {
  const message = error instanceof Error ? error.message : String(error);
  const chunk = chunkProblem(bytes);
  if (chunk !== undefined) return chunk;
  if (/unsupported|not supported/i.test(message)) {
    return "it uses a PNG feature that cannot be read here (save it again as an 8-bit PNG)";
  }
  return "its image data is damaged or cut short";
}

/**
 * Decodes PNG bytes; UsageError naming the file when they are not a readable PNG. pngjs' stream
 * parser, not its sync reader: on Node 20 the sync reader can turn damaged compressed data into a
 * blank image instead of an error.
 */
export async function decodePng(bytes: Buffer, file: string): Promise<RgbaImage> {
  if (!isPng(bytes)) {
    throw new UsageError(
      `${quote(file)} is not a PNG file: it does not start with PNG's signature`,
    );
  }
  const { png, meta } = await new Promise<{ png: pngjs.PNG; meta: pngjs.Metadata }>(
    (resolve, reject) => {
      let meta: pngjs.Metadata | undefined;
      const parser = new pngjs.PNG();
      parser.on("metadata", (m: pngjs.Metadata) => (meta = m));
      parser.parse(bytes, (error, png) => {
        if (error || meta === undefined) {
          reject(
            new UsageError(
              `${quote(file)} is not a readable PNG file: ${pngProblem(error, bytes)}`,
            ),
          );
        } else resolve({ png, meta });
      });
    },
  );
  return {
    width: png.width,
    height: png.height,
    data: png.data,
    color: meta.color,
    alpha: meta.alpha,
  };
}
