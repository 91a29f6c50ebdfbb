/**
 * The arithmetic of conv1's sweep (pure; tested alone): which layer sweeps, its kernel, stride and
 * padding, the window an output cell reads, the output-size formula and the paper's 224 puzzle,
 * and where a deeper neuron's receptive field falls in the picture conv1 reads.
 */
import {
  outputLength,
  receptiveField,
  resolvePadding,
  size2,
  type CompiledLayer,
  type CompiledModel,
  type Pads,
  type StepPosition,
  type Window,
} from "@convstep/engine";

/** The first convolution of a model (AlexNet's conv1), or −1. */
export function firstConvIndex(model: Pick<CompiledModel, "layers">): number {
  return model.layers.findIndex((l) => l.spec.kind === "conv2d");
}

/** conv1's sizes: input n × n, kernel k, stride s, padding, output out × out, filters. */
export interface ConvGeometry {
  /** Input height and width (the picture conv1 reads). */
  readonly inHeight: number;
  readonly inWidth: number;
  readonly channels: number;
  readonly kernel: number;
  readonly stride: number;
  readonly pads: Pads;
  /** `valid`, `same` or `explicit` (a number of zeros). */
  readonly padding: "valid" | "same" | "explicit";
  readonly outHeight: number;
  readonly outWidth: number;
  readonly filters: number;
}

interface ConvSpecLike {
  readonly kernelSize?: number | readonly [number, number];
  readonly strides?: number | readonly [number, number];
  readonly padding?: unknown;
  readonly filters?: number;
}

/** The geometry of a compiled convolution layer (rows; AlexNet's are square). */
export function convGeometry(layer: CompiledLayer): ConvGeometry {
  const spec = layer.spec as ConvSpecLike;
  const [inHeight, inWidth, channels] = layer.inputShape;
  const [kernel] = size2(spec.kernelSize as number, layer.name, "kernelSize");
  const [stride] = size2((spec.strides ?? 1) as number, layer.name, "strides");
  const padSpec = (spec.padding ?? "valid") as Parameters<typeof resolvePadding>[0];
  const pads = resolvePadding(
    padSpec,
    [inHeight, inWidth],
    [kernel, kernel],
    [stride, stride],
    layer.name,
  );
  const [outHeight, outWidth, filters] = layer.outputShape;
  const padding = padSpec === "valid" || padSpec === "same" ? padSpec : "explicit";
  return {
    inHeight,
    inWidth,
    channels,
    kernel,
    stride,
    pads,
    padding,
    outHeight,
    outWidth,
    filters,
  };
}

/**
 * The input window of output cell (y, x): rows y·s − top … y·s − top + k − 1 (half-open `y1`),
 * the same for columns. AlexNet 2012 conv1 (3, 5) → rows 12–22, columns 20–30.
 */
export function cellWindow(g: ConvGeometry, y: number, x: number): Window {
  const y0 = y * g.stride - g.pads.top;
  const x0 = x * g.stride - g.pads.left;
  return { y0, x0, y1: y0 + g.kernel, x1: x0 + g.kernel };
}

/** The output-size formula with its numbers: (n + pads − k)/s + 1. */
export interface SizeFormula {
  readonly n: number;
  readonly padTotal: number;
  readonly k: number;
  readonly s: number;
  /** (n + pads − k)/s + 1, unrounded (54.25 for the paper's 224). */
  readonly exact: number;
  /** What the layer really gives: ⌊exact⌋ (or the framework's rule). */
  readonly out: number;
  /** Whether the windows tile the padded input exactly (no leftover columns). */
  readonly fits: boolean;
}

/** The formula for an input of `n` with the geometry's kernel, stride and padding. */
export function sizeFormula(
  g: ConvGeometry,
  n = g.inWidth,
  padTotal = g.pads.left + g.pads.right,
): SizeFormula {
  const exact = (n + padTotal - g.kernel) / g.stride + 1;
  const out = outputLength(n, padTotal, 0, g.kernel, g.stride);
  return { n, padTotal, k: g.kernel, s: g.stride, exact, out, fits: Number.isInteger(exact) };
}

/**
 * The paper's puzzle: it says 224×224 inputs, but (224 − 11)/4 + 1 = 54.25 is not a whole number;
 * 227 gives 55 exactly (Caffe), and torchvision keeps 224 with 2 pixels of padding (→ 55).
 */
export function paperPuzzle(g: ConvGeometry): {
  paper: SizeFormula;
  used: SizeFormula;
  torchvision: SizeFormula;
} {
  return {
    paper: sizeFormula(g, 224, 0),
    used: sizeFormula(g),
    torchvision: sizeFormula(g, 224, 4),
  };
}

/**
 * Where a neuron's receptive field falls in the picture conv1 reads (conv1's input), clipped:
 * the region of the receptive-field path at conv1's input. Null for conv1's own input layers
 * (the Keras resize) or when only padding is read.
 */
export function fieldInConvInput(
  model: CompiledModel,
  position: StepPosition,
  convIndex: number,
): Window | null {
  if (position.layer < convIndex) return null;
  const rf = receptiveField(model, position);
  const entry = rf.path.find((p) => p.index === convIndex - 1);
  const region = entry?.region;
  if (!region || region.kind !== "map") return null;
  return region.window;
}

/** A whole number as text, or the value with two decimals (54.25). */
export function formatExact(v: number): string {
  return Number.isInteger(v) ? String(v) : v.toFixed(2);
}
