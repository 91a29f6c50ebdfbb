/**
 * Reading Caffe's files with protobufjs and Caffe's own schema (caffe-schema.ts): a binary
 * `.caffemodel` (a NetParameter with the trained blobs) and a text `deploy.prototxt` (the same
 * message in protobuf's text format, read with prototxt-parser). Both of Caffe's layer forms are
 * accepted: the 2014 V1 `layers` (enum types, 4-D blobs, fully connected weights as
 * (1, 1, out, in)) and today's `layer`.
 */
import protobuf from "protobufjs";
import prototxt from "prototxt-parser";
import { CAFFE_PROTO } from "./caffe-schema.js";
import { ConvertError } from "./convert-error.js";
import type { Pads, SourceBlob, SourceLayer, SourceNet, SourceOp } from "./source-net.js";

let root: protobuf.Root | undefined;

/** Caffe's schema, parsed once. */
export function caffeRoot(): protobuf.Root {
  root ??= protobuf.parse(CAFFE_PROTO, { keepCase: true }).root;
  return root;
}

/** The NetParameter message type (for tests that write files with the same schema). */
export function netParameterType(): protobuf.Type {
  return caffeRoot().lookupType("caffe.NetParameter");
}

type Message = Record<string, unknown>;

/** An int64/uint64 field (a number, or a Long when the long package is present) as a number. */
function num(value: unknown): number {
  if (typeof value === "number") return value;
  if (value && typeof (value as { toNumber?: unknown }).toNumber === "function") {
    return (value as { toNumber(): number }).toNumber();
  }
  return Number(value);
}

/** Whether a decoded message sets `key` itself (protobufjs puts defaults on the prototype). */
function has(m: Message, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(m, key) && m[key] !== undefined && m[key] !== null;
}

/** A float field as the shortest decimal that is the same float32 (0.0001, not 9.99999974738e-5). */
function float32(value: unknown): number {
  const v = Math.fround(num(value));
  for (let digits = 1; digits < 9; digits++) {
    const short = Number(v.toPrecision(digits));
    if (Math.fround(short) === v) return short;
  }
  return v;
}

function list(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/** Caffe's V1 enum names and today's type strings, to the converter's ops. */
const OPS: Readonly<Record<string, SourceOp>> = {
  Input: "input",
  Data: "input",
  DATA: "input",
  Convolution: "conv",
  CONVOLUTION: "conv",
  InnerProduct: "fc",
  INNER_PRODUCT: "fc",
  ReLU: "relu",
  RELU: "relu",
  LRN: "lrn",
  Pooling: "pool",
  POOLING: "pool",
  Dropout: "dropout",
  DROPOUT: "dropout",
  Flatten: "flatten",
  FLATTEN: "flatten",
  Softmax: "softmax",
  SOFTMAX: "softmax",
};

const V1_TYPE_NAMES = (): Readonly<Record<number, string>> =>
  caffeRoot().lookupEnum("caffe.V1LayerParameter.LayerType").valuesById;

function blobOf(raw: Message): SourceBlob {
  const shapeMsg = raw.shape as Message | undefined | null;
  const dims = shapeMsg ? list(shapeMsg.dim).map(num) : [];
  const legacy = [raw.num, raw.channels, raw.height, raw.width].map((d) => num(d ?? 0));
  const shape = dims.length > 0 ? dims : legacy;
  const floats = list(raw.data) as number[];
  const doubles = list(raw.double_data) as number[];
  return { shape, data: floats.length > 0 ? floats : doubles };
}

/** One number or the pair Caffe gives ("kernel_size: 11" or "kernel_h: 11 kernel_w: 11"). */
function pair(
  m: Message,
  single: string,
  h: string,
  w: string,
  fallback: number | undefined,
): readonly [number, number] | undefined {
  if (has(m, h) && has(m, w)) return [num(m[h]), num(m[w])];
  const values = has(m, single) ? list(m[single]).map(num) : [];
  if (values.length === 1) return [values[0], values[0]];
  if (values.length >= 2) return [values[0], values[1]];
  return fallback === undefined ? undefined : [fallback, fallback];
}

function pads(m: Message): Pads {
  const [ph, pw] = pair(m, "pad", "pad_h", "pad_w", 0)!;
  const hasHw = has(m, "pad_h") || has(m, "pad_w");
  const [h, w] = hasHw ? [num(m.pad_h ?? 0), num(m.pad_w ?? 0)] : [ph, pw];
  return [h, h, w, w];
}

function layerOf(raw: Message, v1: boolean): SourceLayer {
  const name = String(raw.name ?? "");
  const type = v1
    ? typeof raw.type === "number"
      ? (V1_TYPE_NAMES()[raw.type] ?? `type ${raw.type}`)
      : String(raw.type ?? "NONE")
    : String(raw.type ?? "");
  const op = OPS[type] ?? "other";
  const blobs = list(raw.blobs).map((b) => blobOf(b as Message));
  const c = raw.convolution_param as Message | undefined | null;
  const l = raw.lrn_param as Message | undefined | null;
  const p = raw.pooling_param as Message | undefined | null;
  const f = raw.inner_product_param as Message | undefined | null;
  const base = { name, type, op, blobs };
  if (op === "conv") {
    const m = c ?? {};
    return {
      ...base,
      conv: {
        numOutput: has(m, "num_output") ? num(m.num_output) : undefined,
        kernel: pair(m, "kernel_size", "kernel_h", "kernel_w", undefined),
        stride: pair(m, "stride", "stride_h", "stride_w", 1)!,
        pad: pads(m),
        group: num(m.group ?? 1),
      },
    };
  }
  if (op === "lrn") {
    const m = l ?? {};
    if (num(m.norm_region ?? 0) !== 0) {
      throw new ConvertError(
        `LRN layer "${name}" normalises within each channel (WITHIN_CHANNEL); convstep's LRN runs across channels, as AlexNet's`,
      );
    }
    return {
      ...base,
      lrn: {
        size: num(m.local_size ?? 5),
        alpha: float32(m.alpha ?? 1),
        beta: float32(m.beta ?? 0.75),
        k: float32(m.k ?? 1),
      },
    };
  }
  if (op === "pool") {
    const m = p ?? {};
    const method = num(m.pool ?? 0);
    return {
      ...base,
      pool: {
        mode: method === 0 ? "max" : method === 1 ? "avg" : "other",
        kernel: pair(m, "kernel_size", "kernel_h", "kernel_w", undefined),
        stride: pair(m, "stride", "stride_h", "stride_w", 1)!,
        pad: pads(m),
        ceil: true,
        global: m.global_pooling === true,
      },
    };
  }
  if (op === "fc") {
    const m = f ?? {};
    return {
      ...base,
      fc: {
        numOutput: has(m, "num_output") ? num(m.num_output) : undefined,
        transposed: m.transpose === true,
      },
    };
  }
  return base;
}

function inputOf(net: Message, layers: readonly Message[]): [number, number, number] | undefined {
  const fromDims = (dims: number[]): [number, number, number] | undefined =>
    dims.length === 4 ? [dims[1], dims[2], dims[3]] : undefined;
  const shapes = list(net.input_shape) as Message[];
  if (shapes.length > 0) return fromDims(list(shapes[0].dim).map(num));
  const dims = list(net.input_dim).map(num);
  if (dims.length >= 4) return fromDims(dims.slice(0, 4));
  for (const layer of layers) {
    const param = layer.input_param as Message | undefined | null;
    const shape = param ? (list(param.shape)[0] as Message | undefined) : undefined;
    if (shape) return fromDims(list(shape.dim).map(num));
  }
  return undefined;
}

function netOf(net: Message, label: string): SourceNet {
  const layer = list(net.layer) as Message[];
  const layers = list(net.layers) as Message[];
  if (layer.length > 0 && layers.length > 0) {
    throw new ConvertError(
      `${label}: has both V1 "layers" and new "layer" blocks; expected one form`,
    );
  }
  const v1 = layers.length > 0;
  const raw = v1 ? layers : layer;
  const input = inputOf(net, raw);
  return {
    format: v1 ? "Caffe (V1 layers)" : "Caffe",
    label,
    layers: raw.map((l) => layerOf(l, v1)),
    ...(input ? { input } : {}),
  };
}

/**
 * Decodes a binary `.caffemodel`. ConvertError naming `label` when the bytes are not a Caffe
 * NetParameter (a truncated file, another format) or hold no layers.
 */
export function readCaffemodel(bytes: Uint8Array, label: string): SourceNet {
  let message: protobuf.Message;
  try {
    message = netParameterType().decode(bytes);
  } catch (error) {
    throw new ConvertError(
      `${label}: not a readable Caffe model (${reason(error)}); is the file complete?`,
    );
  }
  const net = netOf(message as unknown as Message, label);
  if (net.layers.length === 0) {
    throw new ConvertError(
      `${label}: a Caffe NetParameter without layers; expected a trained model`,
    );
  }
  return net;
}

/** protobufjs' decoding errors in a reader's words. */
function reason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/index out of range/.test(message)) return "it ends in the middle of a record";
  if (/invalid wire type/.test(message)) return "its bytes are not protobuf records";
  return message.split("\n")[0];
}

/** Wraps single values in arrays where Caffe's schema has a repeated field, recursively. */
function normalise(type: protobuf.Type, value: Message): Message {
  const out: Message = {};
  for (const [key, raw] of Object.entries(value)) {
    const field = type.fields[key];
    if (!field) continue; // fields convstep does not read (param, blobs_lr, …)
    field.resolve();
    const items = field.repeated ? list(raw) : [raw];
    const converted = items.map((item) =>
      field.resolvedType instanceof protobuf.Type && typeof item === "object" && item !== null
        ? normalise(field.resolvedType, item as Message)
        : item,
    );
    out[key] = field.repeated ? converted : converted[0];
  }
  return out;
}

/**
 * Reads a text `deploy.prototxt` into the same layer list (without blobs). ConvertError naming
 * `label` when it is not protobuf text or not a NetParameter.
 */
export function readPrototxt(text: string, label: string): SourceNet {
  let parsed: unknown;
  try {
    parsed = prototxt.parse(text);
  } catch {
    throw new ConvertError(`${label}: not a readable prototxt (protobuf text format)`);
  }
  if (typeof parsed !== "object" || parsed === null) {
    throw new ConvertError(`${label}: not a readable prototxt (protobuf text format)`);
  }
  let message: protobuf.Message;
  try {
    const type = netParameterType();
    message = type.fromObject(normalise(type, parsed as Message));
  } catch (error) {
    throw new ConvertError(`${label}: not a Caffe net description (${reason(error)})`);
  }
  const net = netOf(message as unknown as Message, label);
  if (net.layers.length === 0) {
    throw new ConvertError(`${label}: no layer or layers blocks; expected a Caffe deploy.prototxt`);
  }
  return net;
}

/**
 * Caffe's mean image (`imagenet_mean.binaryproto`, a BlobProto of 1 × 3 × H × W, BGR) averaged
 * per channel, in RGB order: the mean pixel to subtract. ConvertError naming `label` when the
 * bytes are not a three-channel BlobProto.
 */
export function readMeanImage(bytes: Uint8Array, label: string): [number, number, number] {
  let message: Message;
  try {
    message = caffeRoot().lookupType("caffe.BlobProto").decode(bytes) as unknown as Message;
  } catch (error) {
    throw new ConvertError(`${label}: not a readable Caffe mean image (${reason(error)})`);
  }
  const blob = blobOf(message);
  const dims = blob.shape.filter((d, i) => !(d === 1 && i === 0 && blob.shape.length === 4));
  const [c, h, w] = dims.length === 3 ? dims : [0, 0, 0];
  if (c !== 3 || blob.data.length !== c * h * w || h * w === 0) {
    throw new ConvertError(
      `${label}: expected a mean image of 3 × H × W values (BGR), found shape (${blob.shape.join(", ")}) with ${blob.data.length} values`,
    );
  }
  const sums = [0, 0, 0];
  for (let ch = 0; ch < 3; ch++) {
    for (let i = 0; i < h * w; i++) sums[ch] += blob.data[ch * h * w + i];
  }
  const [b, g, r] = sums.map((x) => x / (h * w));
  return [r, g, b];
}
