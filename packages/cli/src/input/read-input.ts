/**
 * Reading a model input from a file: a PNG (decoded, then preprocessed for the model) or JSON (a
 * nested array already in the model's input shape).
 */
import { readFile } from "node:fs/promises";
import { ConvstepError, type CompiledModel } from "@convstep/engine";
import { UsageError, fileError } from "../cli-error.js";
import { describePreprocessing, preprocessImage } from "../preprocess/by-model.js";
import { parseJsonInput } from "./json-input.js";
import { decodePng, isPng } from "./png-image.js";

/** A model input ready to run: values in HWC order (no batch) and where they came from. */
export interface ModelInput {
  readonly file: string;
  readonly format: "png" | "json";
  /** The model's input shape, without batch. */
  readonly shape: readonly number[];
  readonly data: Float32Array;
  /** The source image's size, for PNGs. */
  readonly imageSize?: { readonly width: number; readonly height: number };
  /** What was done to the image, in words, for PNGs. */
  readonly preprocessing?: string;
}

/** Reads a file's bytes; UsageError naming the file when it cannot be read. */
export async function readBytes(file: string): Promise<Buffer> {
  try {
    return await readFile(file);
  } catch (error) {
    throw fileError(file, error);
  }
}

/** Whether the bytes look like JSON text (the first non-blank character opens an array or object). */
function looksLikeJson(bytes: Buffer): boolean {
  const head = bytes.subarray(0, 64).toString("utf8").trimStart();
  return head.startsWith("[") || head.startsWith("{");
}

/**
 * Reads `file` as an input of `model`: PNG by its signature, JSON by its extension or first
 * character. UsageError for anything else, for unreadable files and for wrong shapes.
 */
export async function readModelInput(model: CompiledModel, file: string): Promise<ModelInput> {
  const bytes = await readBytes(file);
  const shape = model.inputShape;
  if (isPng(bytes) || file.toLowerCase().endsWith(".png")) {
    const image = decodePng(bytes, file);
    let data: Float32Array;
    try {
      data = preprocessImage(model, image);
    } catch (error) {
      // The engine's preprocessing errors (a blank image) say what, not which file.
      if (error instanceof ConvstepError)
        throw new UsageError(`${JSON.stringify(file)}: ${error.message}`);
      throw error;
    }
    return {
      file,
      format: "png",
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
  throw new UsageError(`${JSON.stringify(file)} is neither a PNG image nor a JSON array`);
}
