/**
 * A trained model file (Caffe `.caffemodel`, optionally with its `deploy.prototxt`, or ONNX) to a
 * convstep weights manifest: read, map onto the spec (map-weights.ts), and save with the engine's
 * `saveWeights`, recording where the weights came from, their LRN constants and the preprocessing
 * they expect in the model.json's `convstep` object (the engine's `weightsMetadata`).
 */
import {
  applyWeightsMetadata,
  compileModel,
  saveWeights,
  type CompiledModel,
  type ImagePreprocessing,
  type ModelSpec,
  type SavedWeights,
  type WeightsMetadata,
} from "@convstep/engine";
import * as tf from "@tensorflow/tfjs-core";
import { readCaffemodel, readPrototxt } from "./caffe-reader.js";
import { ConvertError } from "./convert-error.js";
import { mapWeights, mergePrototxt, type MappedWeights } from "./map-weights.js";
import { readOnnx } from "./onnx-reader.js";
import type { SourceNet } from "./source-net.js";

/** Whose conventions the file follows: Caffe's (BGR, 0–255 minus a mean) or torchvision's. */
export interface Release {
  /** Reverse conv1's input channels: the file's input is BGR. */
  readonly bgr: boolean;
  readonly preprocessing: ImagePreprocessing;
  /** "BVLC Caffe bvlc_alexnet", "torchvision alexnet". */
  readonly name: string;
}

export interface ConvertOptions {
  readonly spec: ModelSpec;
  readonly release: Release;
  /** The model file's name (for messages and the record). */
  readonly label: string;
  /** A deploy.prototxt's text and name, for a .caffemodel. */
  readonly prototxt?: { readonly text: string; readonly label: string };
  readonly quantize?: "float16" | "uint8";
  readonly shardBytes?: number;
}

export interface ConvertResult {
  readonly saved: SavedWeights;
  readonly metadata: WeightsMetadata;
  /** "Caffe (V1 layers)", "ONNX". */
  readonly format: string;
  readonly pairs: readonly (readonly [string, string])[];
}

/** 0–255 RGB minus a mean pixel (RGB order), e.g. the average of Caffe's mean image. */
export function meanPixelPreprocessing(
  mean: readonly [number, number, number],
): ImagePreprocessing {
  const [r, g, b] = mean.map((v) => Number(v.toFixed(3)));
  return {
    scale: 1,
    mean: [r, g, b],
    std: [1, 1, 1],
    description: `values in [0, 255] minus the mean of Caffe's mean image (B ${b}, G ${g}, R ${r})`,
  };
}

/** What the file's bytes are: ONNX or Caffe by extension, else by trying both. */
export function readModelFile(bytes: Uint8Array, label: string): SourceNet {
  const lower = label.toLowerCase();
  if (lower.endsWith(".onnx")) return readOnnx(bytes, label);
  if (lower.endsWith(".caffemodel")) return readCaffemodel(bytes, label);
  for (const read of [readOnnx, readCaffemodel]) {
    try {
      const net = read(bytes, label);
      if (net.layers.some((l) => l.op === "conv" || l.op === "fc")) return net;
    } catch {
      // try the other format
    }
  }
  throw new ConvertError(
    `${label}: neither a Caffe .caffemodel nor an ONNX model (expected protobuf with convolution or fully connected layers)`,
  );
}

/**
 * Converts a model file to saved weights for `options.spec`. ConvertError (one line) when the
 * file cannot be read or does not fit the spec; nothing is written here.
 */
export async function convertModelFile(
  bytes: Uint8Array,
  options: ConvertOptions,
): Promise<ConvertResult> {
  const model = compileModel(options.spec);
  // Read and mapped in a function of its own, so that the decoded file can be freed before saving.
  const { mapped, format } = readAndMap(bytes, options, model);
  const metadata: WeightsMetadata = {
    release: `${options.release.name} (${basename(options.label)}, ${format})`,
    ...(mapped.lrn ? { lrn: mapped.lrn } : {}),
    preprocessing: options.release.preprocessing,
  };
  // Checks the recorded LRN against the spec (a model without LRN cannot take one).
  applyWeightsMetadata(options.spec, metadata);
  const weights = new Map<string, tf.Tensor>();
  try {
    for (const [name, t] of mapped.tensors) weights.set(name, tf.tensor(t.data, [...t.shape]));
    const saved = await saveWeights(model, weights, {
      ...(options.quantize ? { quantize: options.quantize } : {}),
      ...(options.shardBytes ? { shardBytes: options.shardBytes } : {}),
      metadata: { ...metadata },
    });
    return { saved, metadata, format, pairs: mapped.pairs };
  } finally {
    for (const t of weights.values()) t.dispose();
  }
}

function readAndMap(
  bytes: Uint8Array,
  options: ConvertOptions,
  model: CompiledModel,
): { mapped: MappedWeights; format: string } {
  let net = readModelFile(bytes, options.label);
  if (options.prototxt) {
    if (!net.format.startsWith("Caffe")) {
      throw new ConvertError(
        `--prototxt goes with a .caffemodel, but ${options.label} is ${net.format}`,
      );
    }
    net = mergePrototxt(net, readPrototxt(options.prototxt.text, options.prototxt.label));
  }
  return { mapped: mapWeights(model, net, { bgrToRgb: options.release.bgr }), format: net.format };
}

function basename(path: string): string {
  return path.slice(Math.max(path.lastIndexOf("/"), path.lastIndexOf("\\")) + 1);
}
