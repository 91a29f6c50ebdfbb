/**
 * Reading a model input from a file: a PNG or JPEG image (its size checked from the header, then
 * decoded and preprocessed for the model) or JSON (a nested array already in the model's input
 * shape).
 */
import {
  ConvstepError,
  checkImageFile,
  sniffImageFormat,
  type CompiledModel,
} from "@convstep/engine";
import { UsageError, quote } from "../cli-error.js";
import { readFileBounded } from "../read-file.js";
import { describePreprocessing, preprocessImage } from "../preprocess/by-model.js";
import { decodeJpeg } from "./jpeg-image.js";
import { parseJsonInput } from "./json-input.js";
import { decodePng } from "./png-image.js";
import type { RgbaImage } from "./rgba-image.js";

/**
 * The largest input file read, in bytes (256 MiB): more than any image within the pixel limits
 * needs, and than a JSON array of AlexNet's 154,587 input values.
 */
export const MAX_INPUT_BYTES = 256 * 1024 * 1024;

/** A model input ready to run: values in HWC order (no batch) and where they came from. */
export interface ModelInput {
  readonly file: string;
  readonly format: "png" | "jpeg" | "json";
  /** The model's input shape, without batch. */
  readonly shape: readonly number[];
  readonly data: Float32Array;
  /** The source image's size, for images. */
  readonly imageSize?: { readonly width: number; readonly height: number };
  /** What was done to the image, in words, for images. */
  readonly preprocessing?: string;
}

/** Reads an input file's bytes (at most `maxBytes`); UsageError naming the file otherwise. */
export function readBytes(file: string, maxBytes = MAX_INPUT_BYTES): Promise<Buffer> {
  return readFileBounded(file, maxBytes, "input files");
}

/** Whether the bytes look like JSON text (the first non-blank character opens an array or object). */
function looksLikeJson(bytes: Buffer): boolean {
  const head = bytes.subarray(0, 64).toString("utf8").trimStart();
  return head.startsWith("[") || head.startsWith("{");
}

/** The image format a file's name promises, from its extension. */
function formatByName(file: string): "PNG" | "JPEG" | undefined {
  const name = file.toLowerCase();
  if (name.endsWith(".png")) return "PNG";
  if (name.endsWith(".jpg") || name.endsWith(".jpeg")) return "JPEG";
  return undefined;
}

/**
 * Decodes an image file's bytes after the one input policy (`checkImageFile`: the size in the
 * header, within 40 megapixels and 16,384 pixels a side) has passed. InputError or UsageError
 * naming the file otherwise.
 */
export async function decodeImageFile(bytes: Buffer, file: string): Promise<RgbaImage> {
  const header = checkImageFile(bytes, quote(file));
  switch (header.format) {
    case "png":
      return decodePng(bytes, file);
    case "jpeg":
      return decodeJpeg(bytes, file);
    default:
      throw new UsageError(
        `${quote(file)} is a ${header.format.toUpperCase()} image; convstep reads PNG and JPEG files (save it as one of those)`,
      );
  }
}

/**
 * Reads `file` as an input of `model`: an image (PNG or JPEG) by its signature, JSON by its
 * extension or first character. UsageError for anything else, for unreadable files and for wrong
 * shapes.
 */
export async function readModelInput(model: CompiledModel, file: string): Promise<ModelInput> {
  const bytes = await readBytes(file);
  const shape = model.inputShape;
  if (bytes.length === 0) {
    throw new UsageError(
      `${quote(file)} is empty (0 bytes); expected a PNG, a JPEG or a JSON array`,
    );
  }
  const format = sniffImageFormat(bytes);
  const named = formatByName(file);
  if (format === undefined && named !== undefined) {
    throw new UsageError(
      `${quote(file)} is not a ${named} file: its first bytes are no ${named} signature`,
    );
  }
  if (format !== undefined) {
    const image = await decodeImageFile(bytes, file);
    let data: Float32Array;
    try {
      data = preprocessImage(model, image);
    } catch (error) {
      // The engine's preprocessing errors (a blank image) say what, not which file.
      if (error instanceof ConvstepError) throw new UsageError(`${quote(file)}: ${error.message}`);
      throw error;
    }
    return {
      file,
      format: format === "jpeg" ? "jpeg" : "png",
      shape,
      data,
      imageSize: { width: image.width, height: image.height },
      preprocessing: describePreprocessing(model),
    };
  }
  if (file.toLowerCase().endsWith(".json") || looksLikeJson(bytes)) {
    return {
      file,
      format: "json",
      shape,
      data: parseJsonInput(bytes.toString("utf8"), shape, file),
    };
  }
  throw new UsageError(`${quote(file)} is neither a PNG or JPEG image nor a JSON array`);
}
