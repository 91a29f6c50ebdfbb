// Conversion of Caffe (V1 and new forms) and ONNX files built here with the same schemas, AlexNet's
// layer names and kinds at reduced widths. The converted weights must give, in the engine, the
// activations of an independent plain-JS forward pass in Caffe's conventions
// (test/caffe-forward.ts: NCHW, BGR, channel-major flatten, Caffe LRN, ceil-mode pooling).
import {
  applyWeightsMetadata,
  compileModel,
  forwardAll,
  loadWeightsWithMetadata,
  type ModelSpec,
} from "@convstep/engine";
import { CAFFE_PREPROCESSING, TORCHVISION_PREPROCESSING } from "@convstep/models";
import * as tf from "@tensorflow/tfjs-core";
import onnxProto from "onnx-proto";
import { describe, expect, it } from "vitest";
import {
  blob3,
  caffeConv,
  caffeInnerProduct,
  caffeLrn,
  caffeMaxPool,
  caffeRelu,
  randomValues,
  softmax,
  toHwc,
  type Blob3,
} from "../../../../test/caffe-forward.js";
import { expectNoLeaks } from "../../../../test/helpers.js";
import { caffeRoot, netParameterType, readMeanImage } from "./caffe-reader.js";
import { ConvertError } from "./convert-error.js";
import { convertModelFile, meanPixelPreprocessing, type Release } from "./convert-model.js";

const { onnx } = onnxProto;

const CAFFE: Release = { bgr: true, preprocessing: CAFFE_PREPROCESSING, name: "test Caffe" };
const TORCH: Release = { bgr: false, preprocessing: TORCHVISION_PREPROCESSING, name: "test torch" };

/**
 * AlexNet 2012 at reduced widths and a 99×99 input: conv1 (99 − 11)/4 + 1 = 23, pools 23 → 11 →
 * 5 → 2 (the same rounded up or down), flatten 2×2×4 = 16. LRN with the paper's constants: the
 * conversion must replace them by Caffe's.
 */
const SMALL_2012: ModelSpec = {
  name: "alexnet-small",
  input: { shape: [99, 99, 3] },
  layers: [
    { name: "conv1", kind: "conv2d", filters: 4, kernelSize: 11, strides: 4, activation: "relu" },
    { name: "norm1", kind: "lrn", k: 2, n: 5, alpha: 1e-4, beta: 0.75 },
    { name: "pool1", kind: "pool2d", mode: "max", poolSize: 3, strides: 2 },
    {
      name: "conv2",
      kind: "conv2d",
      filters: 6,
      kernelSize: 5,
      padding: 2,
      groups: 2,
      activation: "relu",
    },
    { name: "norm2", kind: "lrn", k: 2, n: 5, alpha: 1e-4, beta: 0.75 },
    { name: "pool2", kind: "pool2d", mode: "max", poolSize: 3, strides: 2 },
    { name: "conv3", kind: "conv2d", filters: 8, kernelSize: 3, padding: 1, activation: "relu" },
    {
      name: "conv4",
      kind: "conv2d",
      filters: 6,
      kernelSize: 3,
      padding: 1,
      groups: 2,
      activation: "relu",
    },
    {
      name: "conv5",
      kind: "conv2d",
      filters: 4,
      kernelSize: 3,
      padding: 1,
      groups: 2,
      activation: "relu",
    },
    { name: "pool5", kind: "pool2d", mode: "max", poolSize: 3, strides: 2 },
    { name: "flatten", kind: "flatten" },
    { name: "fc6", kind: "dense", units: 10, activation: "relu" },
    { name: "drop6", kind: "dropout", rate: 0.5 },
    { name: "fc7", kind: "dense", units: 8, activation: "relu" },
    { name: "drop7", kind: "dropout", rate: 0.5 },
    { name: "fc8", kind: "dense", units: 5, activation: "softmax" },
  ],
};

/** Caffe's blobs of SMALL_2012: [name, OIHW or (out, in) shape, conv kernel, stride, pad, group]. */
const CONVS = [
  ["conv1", [4, 3, 11, 11], 11, 4, 0, 1],
  ["conv2", [6, 2, 5, 5], 5, 1, 2, 2],
  ["conv3", [8, 6, 3, 3], 3, 1, 1, 1],
  ["conv4", [6, 4, 3, 3], 3, 1, 1, 2],
  ["conv5", [4, 3, 3, 3], 3, 1, 1, 2],
] as const;
const FCS = [
  ["fc6", 10, 16],
  ["fc7", 8, 10],
  ["fc8", 5, 8],
] as const;

interface Params {
  readonly w: Map<string, Float32Array>;
  readonly b: Map<string, Float32Array>;
}

/** Seeded weights; scales keep activations in the tens so that LRN changes them visibly. */
function makeParams(seed: number): Params {
  const w = new Map<string, Float32Array>();
  const b = new Map<string, Float32Array>();
  let s = seed;
  for (const [name, shape] of CONVS) {
    const fanIn = shape[1] * shape[2] * shape[3];
    w.set(
      name,
      randomValues(s++, shape[0] * fanIn, name === "conv1" ? 0.05 : 2 / Math.sqrt(fanIn)),
    );
    b.set(name, randomValues(s++, shape[0], 1));
  }
  for (const [name, out, inputs] of FCS) {
    w.set(name, randomValues(s++, out * inputs, 1.5 / Math.sqrt(inputs)));
    b.set(name, randomValues(s++, out, 0.5));
  }
  return { w, b };
}

/** An engine input (HWC, RGB, already mean-subtracted) and the same values as Caffe's BGR CHW. */
function makeInput(seed: number, size: number): { hwc: Float32Array; bgr: Blob3 } {
  const hwc = randomValues(seed, size * size * 3, 128);
  const bgr = blob3(3, size, size);
  for (let p = 0; p < size * size; p++) {
    for (let c = 0; c < 3; c++) bgr.data[c * size * size + p] = hwc[p * 3 + (2 - c)];
  }
  return { hwc, bgr };
}

const CAFFE_LRN = { n: 5, alpha: 1e-4, beta: 0.75, k: 1 };

/** Caffe's forward pass of SMALL_2012: each layer's top in the engine's (H, W, C) order. */
function caffeForward(p: Params, input: Blob3, lrn = CAFFE_LRN): Map<string, Float64Array> {
  const out = new Map<string, Float64Array>();
  const conv = (x: Blob3, i: number): Blob3 => {
    const [name, shape, k, stride, pad, group] = CONVS[i];
    return caffeRelu(caffeConv(x, p.w.get(name)!, p.b.get(name)!, shape[0], k, stride, pad, group));
  };
  const norm = (x: Blob3): Blob3 => caffeLrn(x, lrn.n, lrn.alpha, lrn.beta, lrn.k);
  const keep = (name: string, x: Blob3): Blob3 => (out.set(name, toHwc(x)), x);
  let x = keep("conv1", conv(input, 0));
  x = keep("norm1", norm(x));
  x = keep("pool1", caffeMaxPool(x, 3, 2));
  x = keep("conv2", conv(x, 1));
  x = keep("norm2", norm(x));
  x = keep("pool2", caffeMaxPool(x, 3, 2));
  x = keep("conv3", conv(x, 2));
  x = keep("conv4", conv(x, 3));
  x = keep("conv5", conv(x, 4));
  x = keep("pool5", caffeMaxPool(x, 3, 2));
  let v: Float64Array = x.data; // Caffe's InnerProduct reads the blob in (C, H, W) order
  const fc = (name: string, units: number, relu: boolean): Float64Array => {
    const y = caffeInnerProduct(v, p.w.get(name)!, p.b.get(name)!, units);
    return relu ? y.map((t) => Math.max(0, t)) : y;
  };
  v = fc("fc6", 10, true);
  out.set("fc6", v);
  v = fc("fc7", 8, true);
  out.set("fc7", v);
  out.set("fc8", softmax(fc("fc8", 5, false)));
  return out;
}

// ---------------------------------------------------------------------------------------------
// Writing Caffe files with Caffe's schema

const V1 = {
  CONVOLUTION: 4,
  DATA: 5,
  DROPOUT: 6,
  INNER_PRODUCT: 14,
  LRN: 15,
  POOLING: 17,
  RELU: 18,
  SOFTMAX: 20,
};

function blobV1(n: number, c: number, h: number, w: number, data: Float32Array): object {
  return { num: n, channels: c, height: h, width: w, data: Array.from(data) };
}

function blobNew(dim: readonly number[], data: Float32Array): object {
  return { shape: { dim: [...dim] }, data: Array.from(data) };
}

/** Today's type strings → the V1 enum names a 2014 prototxt writes. */
const V1_NAMES: Readonly<Record<string, string>> = {
  Convolution: "CONVOLUTION",
  ReLU: "RELU",
  LRN: "LRN",
  Pooling: "POOLING",
  InnerProduct: "INNER_PRODUCT",
  Softmax: "SOFTMAX",
};

const LRN_PARAM = { local_size: 5, alpha: 1e-4, beta: 0.75 };
const POOL_PARAM = { pool: 0, kernel_size: 3, stride: 2 };

/** The 2014 form: `layers` with enum types, 4-D blobs, FC weights (1, 1, out, in). */
function caffemodelV1(
  p: Params,
  overrides: (layers: Record<string, unknown>[]) => void = () => {},
): Uint8Array {
  const layers: Record<string, unknown>[] = [{ name: "data", type: V1.DATA, top: ["data"] }];
  const convLayer = (i: number): Record<string, unknown> => {
    const [name, shape, k, stride, pad, group] = CONVS[i];
    return {
      name,
      type: V1.CONVOLUTION,
      blobs: [
        blobV1(shape[0], shape[1], shape[2], shape[3], p.w.get(name)!),
        blobV1(1, 1, 1, shape[0], p.b.get(name)!),
      ],
      convolution_param: {
        num_output: shape[0],
        kernel_size: [k],
        stride: [stride],
        pad: [pad],
        group,
      },
    };
  };
  const fcLayer = (i: number): Record<string, unknown> => {
    const [name, out, inputs] = FCS[i];
    return {
      name,
      type: V1.INNER_PRODUCT,
      blobs: [blobV1(1, 1, out, inputs, p.w.get(name)!), blobV1(1, 1, 1, out, p.b.get(name)!)],
      inner_product_param: { num_output: out },
    };
  };
  layers.push(convLayer(0), { name: "relu1", type: V1.RELU });
  layers.push(
    { name: "norm1", type: V1.LRN, lrn_param: LRN_PARAM },
    { name: "pool1", type: V1.POOLING, pooling_param: POOL_PARAM },
  );
  layers.push(convLayer(1), { name: "relu2", type: V1.RELU });
  layers.push(
    { name: "norm2", type: V1.LRN, lrn_param: LRN_PARAM },
    { name: "pool2", type: V1.POOLING, pooling_param: POOL_PARAM },
  );
  layers.push(convLayer(2), { name: "relu3", type: V1.RELU }, convLayer(3), {
    name: "relu4",
    type: V1.RELU,
  });
  layers.push(
    convLayer(4),
    { name: "relu5", type: V1.RELU },
    { name: "pool5", type: V1.POOLING, pooling_param: POOL_PARAM },
  );
  layers.push(fcLayer(0), { name: "relu6", type: V1.RELU }, { name: "drop6", type: V1.DROPOUT });
  layers.push(fcLayer(1), { name: "relu7", type: V1.RELU }, { name: "drop7", type: V1.DROPOUT });
  layers.push(fcLayer(2), { name: "prob", type: V1.SOFTMAX });
  overrides(layers);
  const type = netParameterType();
  return type.encode(type.fromObject({ name: "AlexNet", layers })).finish();
}

/** Today's form: `layer` blocks with string types and BlobShape dims, FC weights (out, in). */
function caffemodelNew(p: Params): Uint8Array {
  const layer: Record<string, unknown>[] = [
    {
      name: "data",
      type: "Input",
      top: ["data"],
      input_param: { shape: [{ dim: [1, 3, 99, 99] }] },
    },
  ];
  const relu = (name: string): object => ({ name, type: "ReLU" });
  const pool = (name: string): object => ({ name, type: "Pooling", pooling_param: POOL_PARAM });
  const lrn = (name: string): object => ({ name, type: "LRN", lrn_param: LRN_PARAM });
  const convLayer = (i: number): object => {
    const [name, shape, k, stride, pad, group] = CONVS[i];
    return {
      name,
      type: "Convolution",
      blobs: [blobNew(shape, p.w.get(name)!), blobNew([shape[0]], p.b.get(name)!)],
      convolution_param: {
        num_output: shape[0],
        kernel_size: [k],
        stride: [stride],
        pad: [pad],
        group,
      },
    };
  };
  const fcLayer = (i: number): object => {
    const [name, out, inputs] = FCS[i];
    return {
      name,
      type: "InnerProduct",
      blobs: [blobNew([out, inputs], p.w.get(name)!), blobNew([out], p.b.get(name)!)],
      inner_product_param: { num_output: out },
    };
  };
  layer.push(convLayer(0), relu("relu1"), lrn("norm1"), pool("pool1"));
  layer.push(convLayer(1), relu("relu2"), lrn("norm2"), pool("pool2"));
  layer.push(
    convLayer(2),
    relu("relu3"),
    convLayer(3),
    relu("relu4"),
    convLayer(4),
    relu("relu5"),
    pool("pool5"),
  );
  layer.push(fcLayer(0), relu("relu6"), { name: "drop6", type: "Dropout" });
  layer.push(fcLayer(1), relu("relu7"), { name: "drop7", type: "Dropout" }, fcLayer(2), {
    name: "prob",
    type: "Softmax",
  });
  const type = netParameterType();
  return type.encode(type.fromObject({ name: "AlexNet", layer })).finish();
}

/** A deploy.prototxt of SMALL_2012 in today's form (no blobs), with `numOutput2` for conv2. */
function deployPrototxt(numOutput2 = 6): string {
  const conv = (name: string, n: number, k: number, s: number, pad: number, g: number): string =>
    `layer {\n  name: "${name}"\n  type: "Convolution"\n  bottom: "x"\n  top: "${name}"\n  param { lr_mult: 1 decay_mult: 1 }\n  convolution_param {\n    num_output: ${n}\n    kernel_size: ${k}\n    stride: ${s}\n    pad: ${pad}\n    group: ${g}\n  }\n}\n`;
  const fc = (name: string, n: number): string =>
    `layer { name: "${name}" type: "InnerProduct" inner_product_param { num_output: ${n} } }\n`;
  return [
    'name: "AlexNet"\n# the deploy net\nlayer {\n  name: "data"\n  type: "Input"\n  top: "data"\n  input_param { shape: { dim: 10 dim: 3 dim: 99 dim: 99 } }\n}\n',
    conv("conv1", 4, 11, 4, 0, 1),
    'layer { name: "relu1" type: "ReLU" }\nlayer { name: "norm1" type: "LRN" lrn_param { local_size: 5 alpha: 0.0001 beta: 0.75 } }\n',
    'layer { name: "pool1" type: "Pooling" pooling_param { pool: MAX kernel_size: 3 stride: 2 } }\n',
    conv("conv2", numOutput2, 5, 1, 2, 2),
    'layer { name: "norm2" type: "LRN" lrn_param { local_size: 5 alpha: 0.0001 beta: 0.75 } }\n',
    'layer { name: "pool2" type: "Pooling" pooling_param { pool: MAX kernel_size: 3 stride: 2 } }\n',
    conv("conv3", 8, 3, 1, 1, 1),
    conv("conv4", 6, 3, 1, 1, 2),
    conv("conv5", 4, 3, 1, 1, 2),
    'layer { name: "pool5" type: "Pooling" pooling_param { pool: MAX kernel_size: 3 stride: 2 } }\n',
    fc("fc6", 10),
    fc("fc7", 8),
    fc("fc8", 5),
    'layer { name: "prob" type: "Softmax" }\n',
  ].join("");
}

// ---------------------------------------------------------------------------------------------
// Writing ONNX files with onnx-proto

const F = onnx.AttributeProto.AttributeType.FLOAT;
const I = onnx.AttributeProto.AttributeType.INT;
const IS = onnx.AttributeProto.AttributeType.INTS;

function ints(name: string, values: number[]): object {
  return { name, type: IS, ints: values };
}

function tensor(name: string, dims: readonly number[], data: Float32Array): object {
  const raw = new Uint8Array(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength));
  return { name, dims: [...dims], dataType: 1, rawData: raw };
}

/**
 * The ONNX zoo's layout: `data_0` 1×3×size×size, initializers conv1_w_0 …, LRN with Caffe's
 * constants, MaxPool with `pool1Pads` ([top, left, bottom, right]), Gemm with transB 1.
 */
function zooOnnx(p: Params, size: number, pool1Pads: number[], transB = 1): Uint8Array {
  const nodes: object[] = [];
  const inits: object[] = [];
  let prev = "data_0";
  const node = (opType: string, inputs: string[], attribute: object[] = []): void => {
    const out = `${opType}_${nodes.length}`;
    nodes.push({ opType, input: inputs, output: [out], name: out, attribute });
    prev = out;
  };
  for (const [i, [name, shape, k, stride, pad, group]] of CONVS.entries()) {
    inits.push(
      tensor(`${name}_w_0`, shape, p.w.get(name)!),
      tensor(`${name}_b_0`, [shape[0]], p.b.get(name)!),
    );
    node(
      "Conv",
      [prev, `${name}_w_0`, `${name}_b_0`],
      [
        ints("kernel_shape", [k, k]),
        ints("strides", [stride, stride]),
        ints("pads", [pad, pad, pad, pad]),
        { name: "group", type: I, i: group },
      ],
    );
    node("Relu", [prev]);
    if (i < 2) {
      node(
        "LRN",
        [prev],
        [
          { name: "size", type: I, i: 5 },
          { name: "alpha", type: F, f: 1e-4 },
          { name: "beta", type: F, f: 0.75 },
          { name: "bias", type: F, f: 1 },
        ],
      );
    }
    if (i < 2 || i === 4) {
      node(
        "MaxPool",
        [prev],
        [
          ints("kernel_shape", [3, 3]),
          ints("strides", [2, 2]),
          ints("pads", i === 0 ? pool1Pads : [0, 0, 0, 0]),
        ],
      );
    }
  }
  inits.push(tensor("shape", [2], new Float32Array([1, -1])));
  node("Reshape", [prev, "shape"]);
  for (const [i, [name, out, inputs]] of FCS.entries()) {
    const w = p.w.get(name)!;
    // transB 0 stores B as (in, out).
    const stored =
      transB === 1
        ? w
        : Float32Array.from(
            { length: w.length },
            (_, j) => w[(j % out) * inputs + Math.floor(j / out)],
          );
    inits.push(
      tensor(`${name}_w_0`, transB === 1 ? [out, inputs] : [inputs, out], stored),
      tensor(`${name}_b_0`, [out], p.b.get(name)!),
    );
    node("Gemm", [prev, `${name}_w_0`, `${name}_b_0`], [{ name: "transB", type: I, i: transB }]);
    if (i < 2) {
      node("Relu", [prev]);
      node("Dropout", [prev]);
    }
  }
  node("Softmax", [prev]);
  const model = onnx.ModelProto.fromObject({
    irVersion: 3,
    producerName: "convstep test",
    graph: {
      name: "alexnet",
      node: nodes,
      initializer: inits,
      input: [
        {
          name: "data_0",
          type: {
            tensorType: {
              elemType: 1,
              shape: { dim: [1, 3, size, size].map((d) => ({ dimValue: d })) },
            },
          },
        },
      ],
    },
  });
  return onnx.ModelProto.encode(model).finish();
}

// ---------------------------------------------------------------------------------------------

/** Engine outputs of the converted weights, by layer name, with the metadata applied. */
async function engineForward(
  spec: ModelSpec,
  saved: Awaited<ReturnType<typeof convertModelFile>>["saved"],
  input: Float32Array,
  applyMetadata = true,
): Promise<Map<string, Float32Array>> {
  const base = compileModel(spec);
  const { weights, metadata } = await loadWeightsWithMetadata(base, {
    modelJson: JSON.parse(JSON.stringify(saved.modelJson)) as unknown as string,
    shards: saved.shards.map((s) => s.data),
  });
  const model = applyMetadata ? compileModel(applyWeightsMetadata(spec, metadata)) : base;
  const x = tf.tensor(input, [...model.inputShape]);
  const outs = forwardAll(model, weights, x);
  const result = new Map<string, Float32Array>();
  model.layers.forEach((l, i) => result.set(l.name, outs[i].dataSync() as Float32Array));
  for (const t of [x, ...outs, ...weights.values()]) t.dispose();
  return result;
}

/** Every value within 1e-4 of the reference, relative to the layer's largest value (at least 1). */
function expectClose(actual: Map<string, Float32Array>, expected: Map<string, Float64Array>): void {
  for (const [name, want] of expected) {
    const got = actual.get(name)!;
    expect(got.length, name).toBe(want.length);
    const scale = Math.max(1, ...Array.from(want, Math.abs));
    let worst = 0;
    for (let i = 0; i < want.length; i++) worst = Math.max(worst, Math.abs(got[i] - want[i]));
    expect(worst / scale, `${name}: worst difference ${worst} (scale ${scale})`).toBeLessThan(1e-4);
  }
}

async function convertError(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(ConvertError);
    return (error as Error).message;
  }
  throw new Error("expected a ConvertError");
}

describe("convert: converted weights give Caffe's activations (reduced AlexNet, 99×99)", () => {
  const params = makeParams(11);
  const { hwc, bgr } = makeInput(5, 99);
  const reference = caffeForward(params, bgr);

  it("Caffe's V1 layers (enum types, 4-D blobs, FC (1, 1, out, in)) → every layer within 1e-4", async () => {
    await expectNoLeaks(async () => {
      const result = await convertModelFile(caffemodelV1(params), {
        spec: SMALL_2012,
        release: CAFFE,
        label: "small.caffemodel",
      });
      expect(result.format).toBe("Caffe (V1 layers)");
      expectClose(await engineForward(SMALL_2012, result.saved, hwc), reference);
    });
  });

  it("the new layer form (string types, BlobShape dims) with its deploy.prototxt → every layer within 1e-4", async () => {
    await expectNoLeaks(async () => {
      const result = await convertModelFile(caffemodelNew(params), {
        spec: SMALL_2012,
        release: CAFFE,
        label: "small.caffemodel",
        prototxt: { text: deployPrototxt(), label: "deploy.prototxt" },
      });
      expect(result.format).toBe("Caffe");
      expectClose(await engineForward(SMALL_2012, result.saved, hwc), reference);
    });
  });

  it("V1 caffemodel with a V1 deploy.prototxt (layers { type: CONVOLUTION }, input_dim) → within 1e-4", async () => {
    const v1Text = deployPrototxt()
      .replace(
        /layer \{\n {2}name: "data"[\s\S]*?\n\}\n/,
        'input: "data"\ninput_dim: 1\ninput_dim: 3\ninput_dim: 99\ninput_dim: 99\n',
      )
      .replaceAll("layer {", "layers {")
      .replace(/type: "(\w+)"/g, (_, t: string) => `type: ${V1_NAMES[t] ?? t}`);
    expect(v1Text).toContain("type: CONVOLUTION");
    expect(v1Text).not.toContain('type: "');
    await expectNoLeaks(async () => {
      const result = await convertModelFile(caffemodelV1(params), {
        spec: SMALL_2012,
        release: CAFFE,
        label: "small.caffemodel",
        prototxt: { text: v1Text, label: "deploy-v1.prototxt" },
      });
      expectClose(await engineForward(SMALL_2012, result.saved, hwc), reference);
    });
  });

  it("the manifest records Caffe's LRN (k 1, α 1e-4/5 = 2e-5, n 5, β 0.75), Caffe's mean and the release", async () => {
    const { saved } = await convertModelFile(caffemodelV1(params), {
      spec: SMALL_2012,
      release: CAFFE,
      label: "dir/small.caffemodel",
    });
    const convstep = saved.modelJson.convstep as Record<string, unknown>;
    expect(convstep.model).toBe("alexnet-small");
    expect(convstep.lrn).toMatchObject({ k: 1, n: 5, beta: 0.75 });
    expect((convstep.lrn as { alpha: number }).alpha).toBeCloseTo(2e-5, 12);
    expect(convstep.preprocessing).toEqual(CAFFE_PREPROCESSING);
    expect(convstep.release).toBe("test Caffe (small.caffemodel, Caffe (V1 layers))");
  });

  it("run with the paper's LRN (k 2, α 1e-4 undivided) instead, norm1 differs from Caffe's by more than 1 %", async () => {
    await expectNoLeaks(async () => {
      const { saved } = await convertModelFile(caffemodelV1(params), {
        spec: SMALL_2012,
        release: CAFFE,
        label: "small.caffemodel",
      });
      const paper = await engineForward(SMALL_2012, saved, hwc, false);
      const got = paper.get("norm1")!;
      const want = reference.get("norm1")!;
      const scale = Math.max(...Array.from(want, Math.abs));
      const worst = Math.max(...Array.from(want, (v, i) => Math.abs(got[i] - v)));
      expect(worst / scale).toBeGreaterThan(0.01);
    });
  });

  it("without the BGR → RGB swap of conv1 the result differs (the swap is what makes it match)", async () => {
    await expectNoLeaks(async () => {
      const { saved } = await convertModelFile(caffemodelV1(params), {
        spec: SMALL_2012,
        release: { ...CAFFE, bgr: false },
        label: "small.caffemodel",
      });
      const got = (await engineForward(SMALL_2012, saved, hwc)).get("conv1")!;
      const want = reference.get("conv1")!;
      const worst = Math.max(...Array.from(want, (v, i) => Math.abs(got[i] - v)));
      expect(worst).toBeGreaterThan(0.1);
    });
  });

  it("ONNX zoo layout: 95×95 input, pool1 pads [0, 0, 1, 1] (Caffe's ceil emulated), Gemm transB 1 → within 1e-4", async () => {
    await expectNoLeaks(async () => {
      const result = await convertModelFile(zooOnnx(params, 95, [0, 0, 1, 1]), {
        spec: SMALL_2012,
        release: CAFFE,
        label: "small.onnx",
      });
      expect(result.format).toBe("ONNX");
      expect(result.pairs.map(([a, b]) => a === b)).toEqual(Array(8).fill(true));
      expect((result.saved.modelJson.convstep as { lrn: { k: number } }).lrn.k).toBe(1);
      expectClose(await engineForward(SMALL_2012, result.saved, hwc), reference);
    });
  });

  it("ONNX with Gemm transB 0 (weights stored (in, out)) → within 1e-4", async () => {
    await expectNoLeaks(async () => {
      const result = await convertModelFile(zooOnnx(params, 95, [0, 0, 1, 1], 0), {
        spec: SMALL_2012,
        release: CAFFE,
        label: "small.onnx",
      });
      expectClose(await engineForward(SMALL_2012, result.saved, hwc), reference);
    });
  });

  it("ONNX at 95×95 without pool1's extra pad → pool5 is 1×1: fc6 names the flatten 4×1×1 vs 2×2×4", async () => {
    const message = await convertError(
      convertModelFile(zooOnnx(params, 95, [0, 0, 0, 0]), {
        spec: SMALL_2012,
        release: CAFFE,
        label: "small.onnx",
      }),
    );
    expect(message).toBe(
      'layer "fc6" (Gemm "fc6" in small.onnx): the file flattens 4×1×1 (channels × height × width) into it, model "alexnet-small" flattens 2×2×4 (height × width × channels)',
    );
  });

  it("quantized float16 → within float16's precision of the float32 conversion (fc8 probabilities within 1e-2)", async () => {
    await expectNoLeaks(async () => {
      const { saved } = await convertModelFile(caffemodelV1(params), {
        spec: SMALL_2012,
        release: CAFFE,
        label: "small.caffemodel",
        quantize: "float16",
      });
      expect(saved.modelJson.weightsManifest[0].weights[0].quantization).toEqual({
        dtype: "float16",
      });
      const got = (await engineForward(SMALL_2012, saved, hwc)).get("fc8")!;
      const want = reference.get("fc8")!;
      for (let i = 0; i < want.length; i++) expect(Math.abs(got[i] - want[i])).toBeLessThan(1e-2);
    });
  });
});

/** torchvision's AlexNet at reduced widths, 99×99: no groups, no LRN, dropout before fc6. */
const SMALL_TORCH: ModelSpec = {
  name: "torch-small",
  input: { shape: [99, 99, 3] },
  layers: [
    { name: "conv1", kind: "conv2d", filters: 4, kernelSize: 11, strides: 4, activation: "relu" },
    { name: "pool1", kind: "pool2d", mode: "max", poolSize: 3, strides: 2 },
    { name: "conv2", kind: "conv2d", filters: 6, kernelSize: 5, padding: 2, activation: "relu" },
    { name: "pool2", kind: "pool2d", mode: "max", poolSize: 3, strides: 2 },
    { name: "conv3", kind: "conv2d", filters: 8, kernelSize: 3, padding: 1, activation: "relu" },
    { name: "conv4", kind: "conv2d", filters: 6, kernelSize: 3, padding: 1, activation: "relu" },
    { name: "conv5", kind: "conv2d", filters: 4, kernelSize: 3, padding: 1, activation: "relu" },
    { name: "pool5", kind: "pool2d", mode: "max", poolSize: 3, strides: 2 },
    { name: "flatten", kind: "flatten" },
    { name: "drop6", kind: "dropout", rate: 0.5 },
    { name: "fc6", kind: "dense", units: 10, activation: "relu" },
    { name: "drop7", kind: "dropout", rate: 0.5 },
    { name: "fc7", kind: "dense", units: 8, activation: "relu" },
    { name: "fc8", kind: "dense", units: 5, activation: "softmax" },
  ],
};

describe("convert: a torchvision-style ONNX export (features.N.weight names, RGB, no LRN)", () => {
  it("paired in order, conv1 not swapped, fc6 reordered → PyTorch's activations within 1e-4", async () => {
    const p = makeParams(23);
    const w = (name: string): Float32Array => p.w.get(name)!;
    const b = (name: string): Float32Array => p.b.get(name)!;
    const convs = [
      ["conv1", "features.0", [4, 3, 11, 11], 4, 0],
      ["conv2", "features.3", [6, 4, 5, 5], 1, 2],
      ["conv3", "features.6", [8, 6, 3, 3], 1, 1],
      ["conv4", "features.8", [6, 8, 3, 3], 1, 1],
      ["conv5", "features.10", [4, 6, 3, 3], 1, 1],
    ] as const;
    // Ungrouped widths: new weights for conv2, conv4, conv5.
    for (const [name, , shape] of convs)
      p.w.set(
        name,
        randomValues(
          name.length * 7 + shape[1],
          shape.reduce((a, c) => a * c, 1),
          name === "conv1" ? 0.05 : 1 / Math.sqrt(shape[1] * shape[2] * shape[3]),
        ),
      );
    const nodes: object[] = [];
    const inits: object[] = [];
    let prev = "input";
    const node = (opType: string, inputs: string[], attribute: object[] = []): void => {
      const out = `/${opType}_${nodes.length}`;
      nodes.push({ opType, input: inputs, output: [out], name: out, attribute });
      prev = out;
    };
    for (const [i, [name, tv, shape, stride, pad]] of convs.entries()) {
      inits.push(tensor(`${tv}.weight`, shape, w(name)), tensor(`${tv}.bias`, [shape[0]], b(name)));
      node(
        "Conv",
        [prev, `${tv}.weight`, `${tv}.bias`],
        [
          ints("kernel_shape", [shape[2], shape[3]]),
          ints("strides", [stride, stride]),
          ints("pads", [pad, pad, pad, pad]),
        ],
      );
      node("Relu", [prev]);
      if (i < 2 || i === 4)
        node("MaxPool", [prev], [ints("kernel_shape", [3, 3]), ints("strides", [2, 2])]);
    }
    node("Flatten", [prev]);
    for (const [i, [name, out, inputs], tv] of FCS.map(
      (f, i) => [i, f, `classifier.${[1, 4, 6][i]}`] as const,
    )) {
      inits.push(
        tensor(`${tv}.weight`, [out, inputs], w(name)),
        tensor(`${tv}.bias`, [out], b(name)),
      );
      node("Gemm", [prev, `${tv}.weight`, `${tv}.bias`], [{ name: "transB", type: I, i: 1 }]);
      if (i < 2) node("Relu", [prev]);
    }
    const bytes = onnx.ModelProto.encode(
      onnx.ModelProto.fromObject({
        irVersion: 7,
        graph: { name: "torch", node: nodes, initializer: inits },
      }),
    ).finish();

    // PyTorch's forward: NCHW, RGB, floor-mode pooling (the same sizes here), (C, H, W) flatten.
    const input = randomValues(9, 99 * 99 * 3, 2);
    const rgb = blob3(3, 99, 99);
    for (let q = 0; q < 99 * 99; q++)
      for (let c = 0; c < 3; c++) rgb.data[c * 99 * 99 + q] = input[q * 3 + c];
    let x: Blob3 = rgb;
    const reference = new Map<string, Float64Array>();
    for (const [i, [name, , shape, stride, pad]] of convs.entries()) {
      x = caffeRelu(caffeConv(x, w(name), b(name), shape[0], shape[2], stride, pad, 1));
      reference.set(name, toHwc(x));
      if (i < 2 || i === 4) {
        x = caffeMaxPool(x, 3, 2);
        reference.set(`pool${i === 4 ? 5 : i + 1}`, toHwc(x));
      }
    }
    let v: Float64Array = x.data;
    for (const [i, [name, out]] of FCS.entries()) {
      v = caffeInnerProduct(v, w(name), b(name), out);
      v = i < 2 ? v.map((t) => Math.max(0, t)) : softmax(v);
      reference.set(name, v);
    }

    await expectNoLeaks(async () => {
      const result = await convertModelFile(bytes, {
        spec: SMALL_TORCH,
        release: TORCH,
        label: "tv.onnx",
      });
      expect(result.pairs[0]).toEqual(["conv1", "features.0"]);
      expect(result.pairs[7]).toEqual(["fc8", "classifier.6"]);
      expect(result.saved.modelJson.convstep).not.toHaveProperty("lrn");
      expect((result.saved.modelJson.convstep as { preprocessing: unknown }).preprocessing).toEqual(
        TORCHVISION_PREPROCESSING,
      );
      expectClose(await engineForward(SMALL_TORCH, result.saved, input), reference);
    });
  });
});

describe("convert: bad input is one line naming the file or layer", () => {
  const params = makeParams(11);

  it("bytes that are neither format → neither a Caffe .caffemodel nor an ONNX model", async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);
    expect(
      await convertError(
        convertModelFile(png, { spec: SMALL_2012, release: CAFFE, label: "photo.bin" }),
      ),
    ).toBe(
      "photo.bin: neither a Caffe .caffemodel nor an ONNX model (expected protobuf with convolution or fully connected layers)",
    );
  });

  it("a caffemodel cut in half → not a readable Caffe model, it ends in the middle of a record", async () => {
    const bytes = caffemodelV1(params);
    expect(
      await convertError(
        convertModelFile(bytes.subarray(0, Math.floor(bytes.length / 2)), {
          spec: SMALL_2012,
          release: CAFFE,
          label: "cut.caffemodel",
        }),
      ),
    ).toBe(
      "cut.caffemodel: not a readable Caffe model (it ends in the middle of a record); is the file complete?",
    );
  });

  it("an ONNX file cut short → not a readable ONNX model", async () => {
    const bytes = zooOnnx(params, 95, [0, 0, 1, 1]);
    expect(
      await convertError(
        convertModelFile(bytes.subarray(0, bytes.length - 100), {
          spec: SMALL_2012,
          release: CAFFE,
          label: "cut.onnx",
        }),
      ),
    ).toMatch(/^cut\.onnx: not a readable ONNX model \(.*\); is the file complete\?$/);
  });

  it("conv2 with 96 inputs per group where the spec has 2 → names the layer, expected and found shapes", async () => {
    const bytes = caffemodelV1(params, (layers) => {
      const conv2 = layers.find((l) => l.name === "conv2")!;
      (conv2.blobs as { channels: number; data: number[] }[])[0].channels = 1;
      (conv2.blobs as { num: number; data: number[] }[])[0].num = 12;
    });
    expect(
      await convertError(
        convertModelFile(bytes, { spec: SMALL_2012, release: CAFFE, label: "m.caffemodel" }),
      ),
    ).toBe(
      'layer "conv2" (CONVOLUTION "conv2" in m.caffemodel): expected weights (6, 2, 5, 5) (out, in/groups, h, w), found (12, 1, 5, 5)',
    );
  });

  it("fc7 weights (1, 1, 9, 10) for a spec with 8 units → expected (8, 10), found (1, 1, 9, 10)", async () => {
    const bytes = caffemodelV1(params, (layers) => {
      const fc7 = layers.find((l) => l.name === "fc7")!;
      (fc7.blobs as { height: number }[])[0].height = 9;
    });
    expect(
      await convertError(
        convertModelFile(bytes, { spec: SMALL_2012, release: CAFFE, label: "m.caffemodel" }),
      ),
    ).toBe(
      'layer "fc7" (INNER_PRODUCT "fc7" in m.caffemodel): expected weights (8, 10) (out, in), found (1, 1, 9, 10)',
    );
  });

  it("Caffe's grouped weights onto the torchvision-style spec → conv2 expected (6, 4, 5, 5)", async () => {
    expect(
      await convertError(
        convertModelFile(caffemodelV1(params), {
          spec: SMALL_TORCH,
          release: CAFFE,
          label: "m.caffemodel",
        }),
      ),
    ).toMatch(
      /^layer "conv2" \(CONVOLUTION "conv2" in m\.caffemodel\): expected weights \(6, 4, 5, 5\)/,
    );
  });

  it("Caffe weights with LRN onto the spec without its norm layers → 2 LRN layers vs none", async () => {
    const noLrn: ModelSpec = {
      ...SMALL_2012,
      layers: SMALL_2012.layers.filter((l) => l.kind !== "lrn"),
    };
    expect(
      await convertError(
        convertModelFile(caffemodelV1(params), {
          spec: noLrn,
          release: CAFFE,
          label: "m.caffemodel",
        }),
      ),
    ).toBe('m.caffemodel: has 2 LRN layer(s) (norm1, norm2), model "alexnet-small" has 0 (none)');
  });

  it("a prototxt whose conv2 says num_output 8 → prototxt and caffemodel do not match, naming conv2", async () => {
    expect(
      await convertError(
        convertModelFile(caffemodelNew(params), {
          spec: SMALL_2012,
          release: CAFFE,
          label: "m.caffemodel",
          prototxt: { text: deployPrototxt(8), label: "deploy.prototxt" },
        }),
      ),
    ).toBe(
      'deploy.prototxt does not match m.caffemodel: layer "conv2" has num_output 8 in the prototxt, but its caffemodel weights are (6, 2, 5, 5)',
    );
  });

  it("a prototxt without fc8 → the caffemodel's fc8 is not in the prototxt", async () => {
    const text = deployPrototxt().replace(/layer \{ name: "fc8"[^\n]*\n/, "");
    expect(
      await convertError(
        convertModelFile(caffemodelNew(params), {
          spec: SMALL_2012,
          release: CAFFE,
          label: "m.caffemodel",
          prototxt: { text, label: "deploy.prototxt" },
        }),
      ),
    ).toBe(
      'deploy.prototxt does not match m.caffemodel: the caffemodel\'s InnerProduct layer "fc8" is not in the prototxt',
    );
  });

  it("a prototxt that is not protobuf text → not a readable prototxt", async () => {
    expect(
      await convertError(
        convertModelFile(caffemodelNew(params), {
          spec: SMALL_2012,
          release: CAFFE,
          label: "m.caffemodel",
          prototxt: { text: "layer { name: ", label: "deploy.prototxt" },
        }),
      ),
    ).toBe("deploy.prototxt: not a readable prototxt (protobuf text format)");
  });
});

describe("Caffe's mean image (binaryproto) as the recorded mean pixel", () => {
  it("a 1×3×2×2 BGR mean image → per-channel averages in RGB order, recorded as the mean", () => {
    // B plane 100, 102, 104, 106 (mean 103); G 110…116 (113); R 120…126 (123).
    const data = [100, 102, 104, 106, 110, 112, 114, 116, 120, 122, 124, 126];
    const bytes = caffeRoot()
      .lookupType("caffe.BlobProto")
      .encode({ num: 1, channels: 3, height: 2, width: 2, data })
      .finish();
    const mean = readMeanImage(bytes, "mean.binaryproto");
    expect(mean).toEqual([123, 113, 103]);
    expect(meanPixelPreprocessing(mean)).toEqual({
      scale: 1,
      mean: [123, 113, 103],
      std: [1, 1, 1],
      description: "values in [0, 255] minus the mean of Caffe's mean image (B 103, G 113, R 123)",
    });
  });
});
