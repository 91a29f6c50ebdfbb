/**
 * Decoding a JPEG file into an 8-bit RGBA image with jpeg-js. Callers check the size
 * in the header first (`checkImageFile`); jpeg-js' own limits on pixels and memory are a second
 * guard for what a header can hide (a frame whose tables ask for more).
 */
import { MAX_IMAGE_PIXELS } from "@convstep/engine";
import jpeg from "jpeg-js";
import { UsageError, quote } from "../cli-error.js";
import type { RgbaImage } from "./rgba-image.js";

/** The most memory jpeg-js may take for one image, in MB: a 40-megapixel RGBA image is 160 MB. */
export const JPEG_MAX_MEMORY_MB = 1024;

/** jpeg-js' complaint in the reader's words. */
function jpegProblem(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/maxResolutionInMP|maxMemoryUsageInMB|allocate enough memory/.test(message)) {
    return `decoding it would take more than ${MAX_IMAGE_PIXELS / 1e6} megapixels or ${JPEG_MAX_MEMORY_MB} MB`;
  }
  if (/unsupported color mode|single frame/i.test(message)) {
    return "it uses a JPEG feature that cannot be read here (save it again as a baseline RGB JPEG)";
  }
  return "its image data is damaged or cut short";
}

/** Decodes JPEG bytes; UsageError naming the file when they are not a readable JPEG. */
export function decodeJpeg(bytes: Uint8Array, file: string): RgbaImage {
  let decoded: { width: number; height: number; data: Uint8Array };
  try {
    decoded = jpeg.decode(bytes, {
      useTArray: true,
      formatAsRGBA: true,
      maxResolutionInMP: MAX_IMAGE_PIXELS / 1e6,
      maxMemoryUsageInMB: JPEG_MAX_MEMORY_MB,
    });
  } catch (error) {
    throw new UsageError(`${quote(file)} is not a readable JPEG file: ${jpegProblem(error)}`);
  }
  if (decoded.width < 1 || decoded.height < 1) {
    throw new UsageError(`${quote(file)} is not a readable JPEG file: it holds no pixels`);
  }
  return {
    width: decoded.width,
    height: decoded.height,
    data: decoded.data,
    color: true,
    alpha: false,
  };
}
