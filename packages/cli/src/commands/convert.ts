/**
 * `convstep convert <file> --model alexnet-2012|alexnet-torchvision --out DIR`: a published
 * AlexNet (Caffe `.caffemodel`, ONNX `.onnx`) to a convstep weights folder (model.json + 4 MB
 * shards) for `--weights` and the widgets' `weights=`. The folder is written beside `--out` under
 * a temporary name and renamed at the end, so a failed conversion leaves nothing at `--out`.
 */
import { mkdir, readdir, rename, rm, rmdir } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { CAFFE_PREPROCESSING, TORCHVISION_PREPROCESSING, getModelSpec } from "@convstep/models";
import { flag, onePositional, parseCommandArgs, requiredString, stringOption } from "../args.js";
import { useCpuBackend } from "../backend.js";
import { UsageError } from "../cli-error.js";
import { readMeanImage } from "../convert/caffe-reader.js";
import {
  convertModelFile,
  meanPixelPreprocessing,
  type Release,
} from "../convert/convert-model.js";
import { readBytes } from "../input/read-input.js";
import { line } from "../io.js";
import { writeWeightsToDisk } from "../weights-files.js";
import type { Command } from "./command.js";

/** The models a conversion can target, with the conventions of their published weights. */
const RELEASES: Readonly<Record<string, Release>> = {
  "alexnet-2012": {
    bgr: true,
    preprocessing: CAFFE_PREPROCESSING,
    name: "BVLC Caffe bvlc_alexnet",
  },
  "alexnet-torchvision": {
    bgr: false,
    preprocessing: TORCHVISION_PREPROCESSING,
    name: "torchvision alexnet",
  },
};

const HELP = `Usage: convstep convert <file> --model alexnet-2012|alexnet-torchvision --out DIR
                        [--prototxt deploy.prototxt] [--quantize float16|uint8]

Converts a published AlexNet to convstep weights: DIR/model.json and its 4 MB shards, for
--weights DIR/model.json and the widgets' weights= attribute. Nothing is downloaded.

  <file>        bvlc_alexnet.caffemodel (Caffe, V1 or new layers) or an .onnx model (the ONNX
                model zoo's bvlc_alexnet, or torchvision's alexnet exported with torch.onnx)
  --model M     alexnet-2012 (Caffe's weights: BGR, LRN, mean pixel) or alexnet-torchvision
  --out D       a new folder D (written under a temporary name, renamed when done)
  --prototxt F  the deploy.prototxt of a .caffemodel: its layers are checked against the file's
  --mean F      Caffe's mean image (imagenet_mean.binaryproto): record its per-channel average
                as the mean pixel instead of B 104, G 117, R 123
  --quantize Q  store float16 (half the size) or uint8 (a quarter) instead of float32
  -h, --help    show this help

The model.json records the LRN constants and the input preprocessing the weights were trained
with; convstep applies them when it loads the weights.

Example:
  convstep convert bvlc_alexnet.caffemodel --prototxt deploy.prototxt --model alexnet-2012 --out alexnet`;

const OPTIONS = {
  model: { type: "string" },
  out: { type: "string" },
  prototxt: { type: "string" },
  mean: { type: "string" },
  quantize: { type: "string" },
} as const;

/** An `--out` that does not exist yet, or an empty folder (replaced). */
async function checkOut(out: string): Promise<boolean> {
  let entries: string[];
  try {
    entries = await readdir(out);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === "ENOENT") return false;
    if (code === "ENOTDIR")
      throw new UsageError(`--out ${JSON.stringify(out)} is a file; give a new folder`);
    throw new UsageError(`cannot use --out ${JSON.stringify(out)}: ${(error as Error).message}`);
  }
  if (entries.length > 0) {
    throw new UsageError(
      `--out ${JSON.stringify(out)} already exists and is not empty; give a new folder`,
    );
  }
  return true;
}

function megabytes(bytes: number): string {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}

/** The convert command. */
export const convertCommand: Command = {
  name: "convert",
  summary: "convert a published AlexNet (.caffemodel, .onnx) to convstep weights",
  help: HELP,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, OPTIONS, "convert");
    if (flag(values, "help")) {
      line(io.out, HELP);
      return 0;
    }
    const file = onePositional(positionals, "model file", "convert");
    const modelName = requiredString(values, "model", "convert");
    const release = RELEASES[modelName];
    if (!release) {
      throw new UsageError(
        `--model ${JSON.stringify(modelName)} cannot be converted to; expected ${Object.keys(RELEASES).join(" or ")}`,
      );
    }
    const out = requiredString(values, "out", "convert");
    const quantize = stringOption(values, "quantize");
    if (quantize !== undefined && quantize !== "float16" && quantize !== "uint8") {
      throw new UsageError(`--quantize expects float16 or uint8, got ${JSON.stringify(quantize)}`);
    }
    const prototxtPath = stringOption(values, "prototxt");
    const meanPath = stringOption(values, "mean");
    if (meanPath !== undefined && !release.bgr) {
      throw new UsageError(`--mean is Caffe's mean image; ${modelName} normalises by mean and std`);
    }
    const replaceEmpty = await checkOut(out);

    await useCpuBackend();
    const bytes = await readBytes(file);
    const prototxt =
      prototxtPath === undefined
        ? undefined
        : { text: (await readBytes(prototxtPath)).toString("utf8"), label: prototxtPath };
    const mean =
      meanPath === undefined ? undefined : readMeanImage(await readBytes(meanPath), meanPath);
    const result = await convertModelFile(bytes, {
      spec: getModelSpec(modelName),
      release: mean ? { ...release, preprocessing: meanPixelPreprocessing(mean) } : release,
      label: file,
      ...(prototxt ? { prototxt } : {}),
      ...(quantize ? { quantize } : {}),
    });

    const parent = dirname(resolve(out));
    const temporary = join(parent, `.${basename(resolve(out))}.convstep-${process.pid}.tmp`);
    try {
      await mkdir(parent, { recursive: true });
      await writeWeightsToDisk(temporary, result.saved);
      if (replaceEmpty) await rmdir(out);
      await rename(temporary, out);
    } catch (error) {
      await rm(temporary, { recursive: true, force: true });
      throw error;
    }
    const bytesWritten = result.saved.shards.reduce((n, s) => n + s.data.byteLength, 0);
    const lrn = result.metadata.lrn;
    line(
      io.out,
      [
        `converted ${file} (${result.format}) for ${modelName}: ${result.pairs.length} layers with weights`,
        `wrote ${join(out, "model.json")} and ${result.saved.shards.length} shard(s), ${megabytes(bytesWritten)} (${quantize ?? "float32"})`,
        ...(lrn ? [`recorded: ${lrn.convention}`] : []),
        `recorded: input ${result.metadata.preprocessing?.description ?? ""}`,
        `run it: convstep predict ${modelName} --weights ${join(out, "model.json")} photo.png`,
      ].join("\n"),
    );
    return 0;
  },
};
