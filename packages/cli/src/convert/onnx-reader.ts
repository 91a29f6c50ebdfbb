/**
 * Reading an ONNX model (`.onnx`) with the onnx-proto package's definitions (protobufjs): the
 * graph's nodes in order, with their initializers as blobs. The ONNX model zoo's `bvlc_alexnet` is
 * a conversion of Caffe's (input 1×3×224×224; Caffe's ceil-mode pooling emulated with asymmetric
 * MaxPool pads; fully connected layers as Gemm with transB = 1; LRN nodes with Caffe's constants);
 * a torchvision AlexNet exported with `torch.onnx.export` reads the same way.
 */
import onnxProto from "onnx-proto";
import type { onnx as OnnxTypes } from "onnx-proto";
import { ConvertError } from "./convert-error.js";
import type { Pads, SourceBlob, SourceLayer, SourceNet, SourceOp } from "./source-net.js";

const { onnx } = onnxProto;
type ITensorProto = OnnxTypes.ITensorProto;
type IAttributeProto = OnnxTypes.IAttributeProto;
type INodeProto = OnnxTypes.INodeProto;
type ModelProto = OnnxTypes.ModelProto;

function num(value: unknown): number {
  if (typeof value === "number") return value;
  if (value && typeof (value as { toNumber?: unknown }).toNumber === "function") {
    return (value as { toNumber(): number }).toNumber();
  }
  return Number(value);
}

const OPS: Readonly<Record<string, SourceOp>> = {
  Conv: "conv",
  Gemm: "fc",
  MatMul: "fc",
  Relu: "relu",
  LRN: "lrn",
  MaxPool: "pool",
  AveragePool: "pool",
  GlobalAveragePool: "pool",
  Dropout: "dropout",
  Flatten: "flatten",
  Reshape: "flatten",
  Softmax: "softmax",
};

/** ONNX TensorProto data types convstep reads: FLOAT (1) and DOUBLE (11). */
const FLOAT = 1;
const DOUBLE = 11;

function tensorValues(t: ITensorProto, label: string): ArrayLike<number> {
  const type = t.dataType ?? 0;
  const raw = t.rawData;
  if (type === FLOAT) {
    if (raw && raw.byteLength > 0) {
      const copy = new Uint8Array(raw.byteLength);
      copy.set(raw);
      return new Float32Array(copy.buffer, 0, copy.byteLength >> 2);
    }
    return t.floatData ?? [];
  }
  if (type === DOUBLE) {
    if (raw && raw.byteLength > 0) {
      const copy = new Uint8Array(raw.byteLength);
      copy.set(raw);
      return new Float64Array(copy.buffer, 0, copy.byteLength >> 3);
    }
    return t.doubleData ?? [];
  }
  throw new ConvertError(
    `${label}: the initializer "${t.name ?? ""}" has ONNX data type ${type}; expected float (1) or double (11)`,
  );
}

type Attrs = Map<string, IAttributeProto>;

function ints(attrs: Attrs, name: string): number[] | undefined {
  const a = attrs.get(name);
  return a?.ints && a.ints.length > 0 ? a.ints.map(num) : undefined;
}

/** A float attribute as the shortest decimal that is the same float32. */
function float32(v: number): number {
  const f = Math.fround(v);
  for (let digits = 1; digits < 9; digits++) {
    const short = Number(f.toPrecision(digits));
    if (Math.fround(short) === f) return short;
  }
  return f;
}

function int(attrs: Attrs, name: string, fallback: number): number {
  const a = attrs.get(name);
  return a?.i !== undefined && a.i !== null ? num(a.i) : fallback;
}

function float(attrs: Attrs, name: string, fallback: number): number {
  const a = attrs.get(name);
  return a?.f !== undefined && a.f !== null && a.type === onnx.AttributeProto.AttributeType.FLOAT
    ? float32(a.f)
    : fallback;
}

function hw(
  values: number[] | undefined,
  fallback?: number,
): readonly [number, number] | undefined {
  if (values && values.length >= 2) return [values[0], values[1]];
  return fallback === undefined ? undefined : [fallback, fallback];
}

/** ONNX pads [top, left, bottom, right] as [top, bottom, left, right]. */
function pads(attrs: Attrs): Pads {
  const p = ints(attrs, "pads");
  if (!p || p.length < 4) return [0, 0, 0, 0];
  return [p[0], p[2], p[1], p[3]];
}

/** "conv1_w_0" → "conv1", "features.0.weight" → "features.0". */
function layerName(weightName: string | undefined, node: INodeProto, index: number): string {
  if (weightName) {
    const stripped = weightName.replace(/(_w_0|_W|_w|\.weight|_weight)$/, "");
    if (stripped !== "") return stripped;
  }
  return node.name || `${node.opType ?? "node"}_${index}`;
}

/**
 * Decodes an ONNX ModelProto. ConvertError naming `label` for bytes that are not one (a truncated
 * file, another format) or a graph without nodes.
 */
export function readOnnx(bytes: Uint8Array, label: string): SourceNet {
  let model: ModelProto;
  try {
    model = onnx.ModelProto.decode(bytes);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const why = /index out of range/.test(message)
      ? "it ends in the middle of a record"
      : "its bytes are not protobuf records";
    throw new ConvertError(`${label}: not a readable ONNX model (${why}); is the file complete?`);
  }
  const graph = model.graph;
  if (!graph || !graph.node || graph.node.length === 0) {
    throw new ConvertError(`${label}: an ONNX model without a graph of nodes`);
  }
  const inits = new Map<string, ITensorProto>();
  for (const t of graph.initializer ?? []) inits.set(t.name ?? "", t);
  const blob = (name: string | undefined): SourceBlob | undefined => {
    const t = name === undefined ? undefined : inits.get(name);
    return t ? { shape: (t.dims ?? []).map(num), data: tensorValues(t, label) } : undefined;
  };
  const layers = graph.node.map((node, index): SourceLayer => {
    const type = node.opType ?? "";
    const op = OPS[type] ?? "other";
    const attrs: Attrs = new Map((node.attribute ?? []).map((a) => [a.name ?? "", a]));
    const inputs = node.input ?? [];
    const weightName = op === "conv" || op === "fc" ? inputs[1] : undefined;
    const blobs =
      op === "conv" || op === "fc"
        ? [blob(inputs[1]), blob(inputs[2])].filter((b): b is SourceBlob => b !== undefined)
        : [];
    const name = layerName(
      weightName && inits.has(weightName) ? weightName : undefined,
      node,
      index,
    );
    const base = { name, type, op, blobs };
    if (op === "conv") {
      return {
        ...base,
        conv: {
          numOutput: blobs[0]?.shape[0],
          kernel: hw(ints(attrs, "kernel_shape")),
          stride: hw(ints(attrs, "strides"), 1)!,
          pad: pads(attrs),
          group: int(attrs, "group", 1),
        },
      };
    }
    if (op === "lrn") {
      return {
        ...base,
        lrn: {
          size: int(attrs, "size", 5),
          alpha: float(attrs, "alpha", 1e-4),
          beta: float(attrs, "beta", 0.75),
          k: float(attrs, "bias", 1),
        },
      };
    }
    if (op === "pool") {
      return {
        ...base,
        pool: {
          mode: type === "MaxPool" ? "max" : "avg",
          kernel: hw(ints(attrs, "kernel_shape")),
          stride: hw(ints(attrs, "strides"), 1)!,
          pad: pads(attrs),
          ceil: int(attrs, "ceil_mode", 0) === 1,
          global: type === "GlobalAveragePool",
        },
      };
    }
    if (op === "fc") {
      if (type === "Gemm" && (float(attrs, "alpha", 1) !== 1 || int(attrs, "transA", 0) !== 0)) {
        throw new ConvertError(
          `${label}: the Gemm node "${name}" has alpha ≠ 1 or transA; expected a plain fully connected layer`,
        );
      }
      const transB = type === "Gemm" ? int(attrs, "transB", 0) : 0;
      return { ...base, fc: { numOutput: undefined, transposed: transB === 0 } };
    }
    return base;
  });
  const initNames = new Set(inits.keys());
  const input = (graph.input ?? []).find((i) => !initNames.has(i.name ?? ""));
  const dims = input?.type?.tensorType?.shape?.dim?.map((d) => num(d.dimValue ?? 0)) ?? [];
  return {
    format: "ONNX",
    label,
    layers,
    ...(dims.length === 4 && dims.every((d) => d > 0)
      ? { input: [dims[1], dims[2], dims[3]] as const }
      : {}),
  };
}
