/**
 * Puts a source network's blobs onto a convstep model: layers paired by name (or in order when the
 * file's names are not the spec's, as torchvision's `features.0`), shapes checked, and the values
 * moved from the source's conventions to the engine's:
 *
 * - kernels OIHW (out, in/groups, h, w) → HWIO [h, w, in/groups, out]; grouped convolutions keep
 *   their filter order (group g's filters are g·out/groups …, in Caffe and in the engine alike);
 * - conv1's input channels BGR (Caffe's) → RGB (the engine's) when asked;
 * - the fully connected layer after the last feature map: its inputs flattened channel first
 *   (c, y, x) in Caffe, ONNX and PyTorch, (y, x, c) in the engine;
 * - fully connected weights (out, in) (Caffe, Gemm transB 1) or (in, out) (Gemm transB 0) →
 *   [in, out];
 * - LRN constants: both Caffe and ONNX divide α by the window size, the engine does not.
 *
 * Pure: no files, no tensors.
 */
import type { CompiledLayer, CompiledModel, Conv2DSpec } from "@convstep/engine";
import { ConvertError } from "./convert-error.js";
import { formatDims, type SourceLayer, type SourceLrn, type SourceNet } from "./source-net.js";

/** One converted tensor, in the engine's layout. */
export interface MappedTensor {
  readonly shape: readonly number[];
  readonly data: Float32Array;
}

/** LRN constants in the engine's convention, with the source's in words. */
export interface MappedLrn {
  readonly k: number;
  readonly n: number;
  readonly alpha: number;
  readonly beta: number;
  readonly convention: string;
}

export interface MappedWeights {
  /** By the model's full weight names (`conv1/kernel`). */
  readonly tensors: Map<string, MappedTensor>;
  /** The file's LRN constants when the model has LRN layers. */
  readonly lrn?: MappedLrn;
  /** Which source layer gave each model layer: [model layer, source layer]. */
  readonly pairs: readonly (readonly [string, string])[];
}

export interface MapOptions {
  /** Reverse conv1's input channels (the file's input is BGR, the engine's RGB). */
  readonly bgrToRgb: boolean;
}

const WEIGHTED = new Set(["conv", "fc"]);

function product(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}

/** Drops leading 1s (Caffe V1 stores a bias as (1, 1, 1, n) and an FC weight as (1, 1, out, in)). */
function squeezeLeading(shape: readonly number[], rank: number): readonly number[] {
  let s = [...shape];
  while (s.length > rank && s[0] === 1) s = s.slice(1);
  return s;
}

function sameDims(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

/** Merges a deploy.prototxt's layers (the architecture) with a caffemodel's blobs. */
export function mergePrototxt(model: SourceNet, deploy: SourceNet): SourceNet {
  const byName = new Map(model.layers.map((l) => [l.name, l]));
  const deployNames = new Set(deploy.layers.map((l) => l.name));
  for (const l of model.layers) {
    if (WEIGHTED.has(l.op) && l.blobs.length > 0 && !deployNames.has(l.name)) {
      throw new ConvertError(
        `${deploy.label} does not match ${model.label}: the caffemodel's ${l.type} layer "${l.name}" is not in the prototxt`,
      );
    }
  }
  const layers = deploy.layers.map((d): SourceLayer => {
    if (!WEIGHTED.has(d.op)) return d;
    const m = byName.get(d.name);
    if (!m || m.blobs.length === 0) {
      throw new ConvertError(
        `${deploy.label} does not match ${model.label}: the prototxt's ${d.type} layer "${d.name}" has no weights in the caffemodel`,
      );
    }
    if (m.op !== d.op) {
      throw new ConvertError(
        `${deploy.label} does not match ${model.label}: layer "${d.name}" is ${d.type} in the prototxt, ${m.type} in the caffemodel`,
      );
    }
    const declared = d.conv?.numOutput ?? d.fc?.numOutput;
    const weight = m.blobs[0].shape;
    const outputs = d.op === "fc" ? squeezeLeading(weight, 2)[0] : weight[0];
    if (declared !== undefined && declared !== outputs) {
      throw new ConvertError(
        `${deploy.label} does not match ${model.label}: layer "${d.name}" has num_output ${declared} in the prototxt, but its caffemodel weights are ${formatDims(weight)}`,
      );
    }
    return { ...d, blobs: m.blobs };
  });
  return { ...model, layers, ...(deploy.input ? { input: deploy.input } : {}) };
}

/** (channels, height, width) entering each weighted source layer, following the file's geometry. */
function sourceGeometry(
  net: SourceNet,
  start: readonly [number, number, number],
): Map<SourceLayer, readonly [number, number, number]> {
  const out = new Map<SourceLayer, readonly [number, number, number]>();
  let [c, h, w] = start;
  let flat = false;
  for (const layer of net.layers) {
    if (WEIGHTED.has(layer.op)) out.set(layer, [c, h, w]);
    if (layer.op === "conv" && layer.blobs.length > 0 && !flat) {
      const weight = layer.blobs[0].shape;
      const [kh, kw] = layer.conv?.kernel ?? [weight[2], weight[3]];
      const [sh, sw] = layer.conv?.stride ?? [1, 1];
      const [pt, pb, pl, pr] = layer.conv?.pad ?? [0, 0, 0, 0];
      c = weight[0];
      h = Math.floor((h + pt + pb - kh) / sh) + 1;
      w = Math.floor((w + pl + pr - kw) / sw) + 1;
    } else if (layer.op === "pool" && layer.pool && !flat) {
      const p = layer.pool;
      if (p.global) {
        h = 1;
        w = 1;
      } else if (p.kernel) {
        const round = p.ceil ? Math.ceil : Math.floor;
        const [pt, pb, pl, pr] = p.pad;
        h = round((h + pt + pb - p.kernel[0]) / p.stride[0]) + 1;
        w = round((w + pl + pr - p.kernel[1]) / p.stride[1]) + 1;
      }
    } else if (layer.op === "fc") {
      // Only the first fully connected layer reads a feature map.
      flat = true;
    }
  }
  return out;
}

/** The [h, w, c] map a dense layer's inputs were flattened from (over dropouts), if any. */
function flattenedFrom(model: CompiledModel, layer: CompiledLayer): readonly number[] | undefined {
  for (let i = layer.index - 1; i >= 0; i--) {
    const prev = model.layers[i];
    if (prev.spec.kind === "dropout") continue;
    if (prev.spec.kind === "flatten" && prev.inputShape.length === 3) return prev.inputShape;
    return undefined;
  }
  return undefined;
}

function describeSource(l: SourceLayer): string {
  return `${l.type} "${l.name}"`;
}

/** OIHW → HWIO, reversing the input channels when `reverseIn`. */
function convKernel(
  data: ArrayLike<number>,
  [o, i, kh, kw]: readonly number[],
  reverseIn: boolean,
): Float32Array {
  const out = new Float32Array(o * i * kh * kw);
  for (let oo = 0; oo < o; oo++) {
    for (let ii = 0; ii < i; ii++) {
      const to = reverseIn ? i - 1 - ii : ii;
      for (let y = 0; y < kh; y++) {
        for (let x = 0; x < kw; x++) {
          out[((y * kw + x) * i + to) * o + oo] = data[((oo * i + ii) * kh + y) * kw + x];
        }
      }
    }
  }
  return out;
}

/**
 * (out, in) or (in, out) → [in, out]; when `map` ([h, w, c]) is given, the source's inputs are in
 * (c, y, x) order and the engine's in (y, x, c).
 */
function denseKernel(
  data: ArrayLike<number>,
  units: number,
  inputs: number,
  transposed: boolean,
  map: readonly number[] | undefined,
): Float32Array {
  const out = new Float32Array(inputs * units);
  const [h, w, c] = map ?? [1, 1, inputs];
  for (let r = 0; r < inputs; r++) {
    // Engine row r = (y·w + x)·c + ch  ←  source column ch·h·w + y·w + x.
    const ch = r % c;
    const pixel = (r - ch) / c;
    const col = map ? ch * h * w + pixel : r;
    for (let o = 0; o < units; o++) {
      out[r * units + o] = transposed ? data[col * units + o] : data[o * inputs + col];
    }
  }
  return out;
}

function lrnConstants(l: SourceLrn, format: string): MappedLrn {
  const alpha = l.alpha / l.size;
  return {
    k: l.k,
    n: l.size,
    alpha,
    beta: l.beta,
    convention: `${format.startsWith("ONNX") ? "ONNX" : "Caffe"} LRN: size ${l.size}, alpha ${l.alpha} divided by the size (${Number(alpha.toPrecision(6))}), beta ${l.beta}, k ${l.k}`,
  };
}

/**
 * Maps `net`'s blobs onto `model`'s weights. ConvertError naming the layer, with the expected and
 * found shapes, when the file does not fit the model.
 */
export function mapWeights(
  model: CompiledModel,
  net: SourceNet,
  options: MapOptions,
): MappedWeights {
  const label = net.label;
  const targets = model.layers.filter((l) => l.spec.kind === "conv2d" || l.spec.kind === "dense");
  const sources = net.layers.filter((l) => WEIGHTED.has(l.op) && l.blobs.length > 0);
  const names = (ls: readonly { name: string }[]): string => ls.map((l) => l.name).join(", ");
  if (sources.length !== targets.length) {
    throw new ConvertError(
      `${label}: has ${sources.length} layers with weights (${names(sources) || "none"}), model "${model.spec.name}" has ${targets.length} (${names(targets)})`,
    );
  }
  const sourceNames = new Map(sources.map((s) => [s.name, s]));
  const byName = targets.every((t) => sourceNames.has(t.name));
  const paired = targets.map(
    (t, i) => [t, byName ? sourceNames.get(t.name)! : sources[i]] as const,
  );

  const [ih, iw, ic] = model.inputShape;
  const geometry = sourceGeometry(net, net.input ?? [ic, ih, iw]);
  const tensors = new Map<string, MappedTensor>();
  const firstConv = targets.find((t) => t.spec.kind === "conv2d");

  for (const [target, source] of paired) {
    const where = `layer "${target.name}" (${describeSource(source)} in ${label})`;
    const [weight, bias] = source.blobs;
    const kernelParam = target.params.find((p) => p.name === "kernel")!;
    const checkValues = (): void => {
      for (const [i, blob] of source.blobs.slice(0, 2).entries()) {
        if (blob.data.length !== product(blob.shape)) {
          throw new ConvertError(
            `${where}: its ${i === 0 ? "weights" : "bias"} ${formatDims(blob.shape)} need ${product(blob.shape)} values, the file holds ${blob.data.length}`,
          );
        }
      }
    };
    const biasParam = target.params.find((p) => p.name === "bias");
    if (target.spec.kind === "conv2d") {
      const spec = target.spec as Conv2DSpec;
      if (source.op !== "conv") {
        throw new ConvertError(`${where}: expected a convolution, found ${source.type}`);
      }
      const [kh, kw, inPerGroup, filters] = kernelParam.shape;
      const expected = [filters, inPerGroup, kh, kw];
      if (!sameDims(weight.shape, expected)) {
        throw new ConvertError(
          `${where}: expected weights ${formatDims(expected)} (out, in/groups, h, w), found ${formatDims(weight.shape)}`,
        );
      }
      const groups = spec.groups ?? 1;
      if (source.conv && source.conv.group !== groups) {
        throw new ConvertError(`${where}: expected ${groups} group(s), found ${source.conv.group}`);
      }
      const strides =
        typeof spec.strides === "number" ? [spec.strides, spec.strides] : (spec.strides ?? [1, 1]);
      if (source.conv && !sameDims(source.conv.stride, strides)) {
        throw new ConvertError(
          `${where}: expected stride ${formatDims(strides)}, found ${formatDims(source.conv.stride)}`,
        );
      }
      checkValues();
      const reverse = options.bgrToRgb && target === firstConv && inPerGroup === 3;
      tensors.set(`${target.name}/kernel`, {
        shape: kernelParam.shape,
        data: convKernel(weight.data, weight.shape, reverse),
      });
    } else {
      if (source.op !== "fc") {
        throw new ConvertError(`${where}: expected a fully connected layer, found ${source.type}`);
      }
      const [inputs, units] = kernelParam.shape;
      const transposed = source.fc?.transposed ?? false;
      const found = squeezeLeading(weight.shape, 2);
      const expected = transposed ? [inputs, units] : [units, inputs];
      if (!sameDims(found, expected)) {
        throw new ConvertError(
          `${where}: expected weights ${formatDims(expected)} (${transposed ? "in, out" : "out, in"}), found ${formatDims(weight.shape)}`,
        );
      }
      checkValues();
      const map = flattenedFrom(model, target);
      if (map) {
        const [h, w, c] = map;
        const came = geometry.get(source);
        if (came && (came[0] !== c || came[1] !== h || came[2] !== w)) {
          throw new ConvertError(
            `${where}: the file flattens ${came[0]}×${came[1]}×${came[2]} (channels × height × width) into it, model "${model.spec.name}" flattens ${h}×${w}×${c} (height × width × channels)`,
          );
        }
      }
      tensors.set(`${target.name}/kernel`, {
        shape: kernelParam.shape,
        data: denseKernel(weight.data, units, inputs, transposed, map),
      });
    }
    if (biasParam) {
      if (!bias) throw new ConvertError(`${where}: expected a bias, found none`);
      const n = biasParam.shape[0];
      if (product(bias.shape) !== n || squeezeLeading(bias.shape, 1).length !== 1) {
        throw new ConvertError(
          `${where}: expected a bias of ${n} values, found ${formatDims(bias.shape)}`,
        );
      }
      tensors.set(`${target.name}/bias`, { shape: [n], data: Float32Array.from(bias.data) });
    }
  }

  const modelLrns = model.layers.filter((l) => l.spec.kind === "lrn");
  const sourceLrns = net.layers.filter((l) => l.op === "lrn" && l.lrn);
  if (modelLrns.length !== sourceLrns.length) {
    throw new ConvertError(
      `${label}: has ${sourceLrns.length} LRN layer(s) (${names(sourceLrns) || "none"}), model "${model.spec.name}" has ${modelLrns.length} (${names(modelLrns) || "none"})`,
    );
  }
  let lrn: MappedLrn | undefined;
  for (const s of sourceLrns) {
    const c = lrnConstants(s.lrn!, net.format);
    if (lrn && (lrn.k !== c.k || lrn.n !== c.n || lrn.alpha !== c.alpha || lrn.beta !== c.beta)) {
      throw new ConvertError(
        `${label}: LRN layer "${s.name}" has other constants than "${sourceLrns[0].name}"; convstep records one set for all LRN layers`,
      );
    }
    lrn ??= c;
  }
  return {
    tensors,
    ...(lrn ? { lrn } : {}),
    pairs: paired.map(([t, s]) => [t.name, s.name] as const),
  };
}
