/**
 * `convstep convert` through the built binary: bad input gives one line and exit 2 and leaves
 * nothing at --out; a model.json's recorded LRN and preprocessing reach the model that runs.
 * (The conversion itself is tested against a plain-JS Caffe forward pass in
 * packages/cli/src/convert/convert-model.test.ts; a full-size run is in bench/convert.mjs.)
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { netParameterType } from "../../packages/cli/src/convert/caffe-reader.js";
import { loadModelForWeights } from "../../packages/cli/src/model.js";
import { expectOk, expectUsageError, requireBuilt, runCli } from "./harness.js";

let dir: string;

/** A V1 caffemodel with AlexNet's eight weighted layers; conv1 as `conv1Dims`, no values. */
function caffemodel(conv1Dims: [number, number, number, number]): Uint8Array {
  const layer = (name: string, type: number, dims: number[], conv?: object): object => ({
    name,
    type,
    ...(conv ? { convolution_param: conv } : {}),
    blobs: [
      { num: dims[0], channels: dims[1], height: dims[2], width: dims[3] },
      { num: 1, channels: 1, height: 1, width: dims[0] },
    ],
  });
  const layers = [
    layer("conv1", 4, conv1Dims, { kernel_size: [11], stride: [4] }),
    layer("conv2", 4, [256, 48, 5, 5], { kernel_size: [5], pad: [2], group: 2 }),
    layer("conv3", 4, [384, 256, 3, 3], { kernel_size: [3], pad: [1] }),
    layer("conv4", 4, [384, 192, 3, 3], { kernel_size: [3], pad: [1], group: 2 }),
    layer("conv5", 4, [256, 192, 3, 3], { kernel_size: [3], pad: [1], group: 2 }),
    layer("fc6", 14, [1, 1, 4096, 9216]),
    layer("fc7", 14, [1, 1, 4096, 4096]),
    layer("fc8", 14, [1, 1, 1000, 4096]),
  ];
  const type = netParameterType();
  return type.encode(type.fromObject({ name: "AlexNet", layers })).finish();
}

beforeAll(() => {
  requireBuilt();
  dir = mkdtempSync(join(tmpdir(), "convstep-convert-"));
  writeFileSync(join(dir, "wrong-conv1.caffemodel"), caffemodel([64, 3, 11, 11]));
  const whole = caffemodel([96, 3, 11, 11]);
  writeFileSync(join(dir, "cut.caffemodel"), whole.subarray(0, whole.length - 3));
  writeFileSync(join(dir, "photo.bin"), Buffer.from("\x89PNG\r\n\x1a\nnot a model at all"));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs convert with --out DIR/out and checks that nothing is left there (nor a temporary). */
async function expectConvertError(args: string[], pattern: RegExp): Promise<void> {
  const out = join(dir, "out");
  const result = await runCli(["convert", ...args, "--out", out]);
  expectUsageError(result, pattern);
  expect(existsSync(out), "--out written").toBe(false);
  expect(
    readdirSync(dir).filter((f) => f.includes("convstep-")),
    "temporary folders",
  ).toEqual([]);
}

describe("convstep convert: bad input → one line, exit 2, nothing at --out", () => {
  test("a file that is neither format", async () => {
    await expectConvertError(
      [join(dir, "photo.bin"), "--model", "alexnet-2012"],
      /photo\.bin: neither a Caffe \.caffemodel nor an ONNX model/,
    );
  });

  test("a truncated caffemodel → not a readable Caffe model, is the file complete?", async () => {
    await expectConvertError(
      [join(dir, "cut.caffemodel"), "--model", "alexnet-2012"],
      /cut\.caffemodel: not a readable Caffe model \(it ends in the middle of a record\); is the file complete\?$/,
    );
  });

  test("conv1 with 64 kernels for alexnet-2012 → names conv1, expected (96, 3, 11, 11), found (64, 3, 11, 11)", async () => {
    await expectConvertError(
      [join(dir, "wrong-conv1.caffemodel"), "--model", "alexnet-2012"],
      /layer "conv1" \(CONVOLUTION "conv1" in .*wrong-conv1\.caffemodel\): expected weights \(96, 3, 11, 11\) \(out, in\/groups, h, w\), found \(64, 3, 11, 11\)$/,
    );
  });

  test("the right shapes but no values → conv1's weights need 34,848 values, the file holds 0", async () => {
    const file = join(dir, "empty.caffemodel");
    writeFileSync(file, caffemodel([96, 3, 11, 11]));
    await expectConvertError(
      [file, "--model", "alexnet-2012"],
      /layer "conv1" .*: its weights \(96, 3, 11, 11\) need 34848 values, the file holds 0$/,
    );
  });

  test("--model lenet5-1998 → only alexnet-2012 or alexnet-torchvision", async () => {
    await expectConvertError(
      [join(dir, "photo.bin"), "--model", "lenet5-1998"],
      /--model "lenet5-1998" cannot be converted to; expected alexnet-2012 or alexnet-torchvision$/,
    );
  });

  test("--quantize int8 → expects float16 or uint8", async () => {
    await expectConvertError(
      [join(dir, "photo.bin"), "--model", "alexnet-2012", "--quantize", "int8"],
      /--quantize expects float16 or uint8, got "int8"$/,
    );
  });

  test("a missing prototxt → cannot read it", async () => {
    await expectConvertError(
      [
        join(dir, "wrong-conv1.caffemodel"),
        "--model",
        "alexnet-2012",
        "--prototxt",
        join(dir, "none.prototxt"),
      ],
      /cannot read ".*none\.prototxt": no such file$/,
    );
  });

  test("an --out folder that is not empty is refused, and left as it was", async () => {
    const out = join(dir, "full");
    mkdirSync(out);
    writeFileSync(join(out, "keep.txt"), "mine");
    const result = await runCli([
      "convert",
      join(dir, "photo.bin"),
      "--model",
      "alexnet-2012",
      "--out",
      out,
    ]);
    expectUsageError(result, /--out ".*full" already exists and is not empty; give a new folder$/);
    expect(readdirSync(out)).toEqual(["keep.txt"]);
  });

  test("--mean with a mean image of 2 channels → expected 3 × H × W values (BGR)", async () => {
    const file = join(dir, "mean2.binaryproto");
    const blob = netParameterType().root.lookupType("caffe.BlobProto");
    writeFileSync(
      file,
      blob.encode({ num: 1, channels: 2, height: 1, width: 2, data: [1, 2, 3, 4] }).finish(),
    );
    await expectConvertError(
      [join(dir, "wrong-conv1.caffemodel"), "--model", "alexnet-2012", "--mean", file],
      /mean2\.binaryproto: expected a mean image of 3 × H × W values \(BGR\), found shape \(1, 2, 1, 2\) with 4 values$/,
    );
  });

  test("convert --help prints the usage", async () => {
    const result = await runCli(["convert", "--help"]);
    expectOk(result);
    expect(result.stdout).toMatch(
      /^Usage: convstep convert <file> --model alexnet-2012\|alexnet-torchvision --out DIR/,
    );
  });
});

describe("a converted model.json's record reaches the model that runs", () => {
  test("recorded Caffe LRN and mean → alexnet-2012's norm1/norm2 take k 1, α 2e-5; the input Caffe's mean", async () => {
    const path = join(dir, "record.json");
    const record = {
      lrn: { k: 1, n: 5, alpha: 2e-5, beta: 0.75, convention: "Caffe LRN" },
      preprocessing: { scale: 1, mean: [123, 117, 104], std: [1, 1, 1], description: "Caffe" },
    };
    writeFileSync(
      path,
      JSON.stringify({ convstep: { model: "alexnet-2012", ...record }, weightsManifest: [] }),
    );
    const model = await loadModelForWeights("alexnet-2012", path);
    for (const name of ["norm1", "norm2"]) {
      expect(model.layers.find((l) => l.name === name)!.spec).toMatchObject({
        k: 1,
        alpha: 2e-5,
        n: 5,
        beta: 0.75,
      });
    }
    expect(model.spec.input.preprocessing).toEqual(record.preprocessing);
    const plain = await loadModelForWeights("alexnet-2012", undefined);
    expect(plain.layers.find((l) => l.name === "norm1")!.spec).toMatchObject({ k: 2, alpha: 1e-4 });
  });
});
