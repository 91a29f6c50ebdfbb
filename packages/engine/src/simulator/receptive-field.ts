/**
 * The receptive field of a neuron in the model input: the neuron's position is carried back
 * through every earlier layer with each layer's `window()`, e.g. AlexNet conv1 (y, x) → rows
 * 4y … 4y+10 and columns 4x … 4x+10 of the 227×227 input.
 */
import type { Window } from "../layers/layer.js";
import type { CompiledLayer, CompiledModel } from "../model/compile.js";
import type { Shape } from "../spec/types.js";
import { resolvePosition, gridOf, type NeuronPosition, type StepPosition } from "./steps.js";

/**
 * A region of a layer's output (or of the input): a half-open window of a feature map, or a
 * half-open range of units of a vector.
 */
export type Region =
  | { readonly kind: "map"; readonly window: Window }
  | { readonly kind: "units"; readonly start: number; readonly end: number };

/** The region one layer's output contributes to the neuron (the first entry is the neuron itself). */
export interface ReceptiveFieldStep {
  /** Layer name, or `"input"` for the model input. */
  readonly layer: string;
  /** Layer index; −1 for the model input. */
  readonly index: number;
  /** The region after clipping to the layer's output; null when only padding is read. */
  readonly region: Region | null;
}

/** Where a neuron looks in the model input. */
export interface ReceptiveField {
  /**
   * The window composed through every layer without clipping: the theoretical extent, which may
   * pass the borders of the input (padding). Rows y0 ≤ y < y1, columns x0 ≤ x < x1.
   */
  readonly unclipped: Window;
  /**
   * The input positions the neuron really reads: clipped to each map on the way back. Null when
   * it reads only padding.
   */
  readonly clipped: Window | null;
  /** Region by region from the neuron's layer back to the input (clipped). */
  readonly path: readonly ReceptiveFieldStep[];
}

function isMap(shape: Shape): boolean {
  return shape.length === 3;
}

function unitsOf(shape: Shape): number {
  return shape.reduce((a, b) => a * b, 1);
}

function union(a: Window, b: Window): Window {
  return {
    y0: Math.min(a.y0, b.y0),
    x0: Math.min(a.x0, b.x0),
    y1: Math.max(a.y1, b.y1),
    x1: Math.max(a.x1, b.x1),
  };
}

/** Clips a window to a map of `h × w`; null when nothing is left. */
export function clipWindow(win: Window, h: number, w: number): Window | null {
  const clipped = {
    y0: Math.max(win.y0, 0),
    x0: Math.max(win.x0, 0),
    y1: Math.min(win.y1, h),
    x1: Math.min(win.x1, w),
  };
  return clipped.y0 < clipped.y1 && clipped.x0 < clipped.x1 ? clipped : null;
}

function clipRegion(region: Region, shape: Shape): Region | null {
  if (region.kind === "map") {
    const win = clipWindow(region.window, shape[0], shape[1]);
    return win && { kind: "map", window: win };
  }
  const start = Math.max(region.start, 0);
  const end = Math.min(region.end, unitsOf(shape));
  return start < end ? { kind: "units", start, end } : null;
}

function wholeOf(shape: Shape): Region {
  return isMap(shape)
    ? { kind: "map", window: { y0: 0, x0: 0, y1: shape[0], x1: shape[1] } }
    : { kind: "units", start: 0, end: unitsOf(shape) };
}

/** Units [start, end) of a flattened `[h, w, c]` map (row-major, channels last) → covering window. */
function flattenedWindow(start: number, end: number, shape: Shape): Window {
  const [, w, c] = shape;
  const rowSize = w * c;
  const y0 = Math.floor(start / rowSize);
  const y1 = Math.floor((end - 1) / rowSize) + 1;
  if (y1 - y0 > 1) return { y0, x0: 0, y1, x1: w };
  return { y0, x0: Math.floor(start / c) % w, y1, x1: (Math.floor((end - 1) / c) % w) + 1 };
}

/** Whether a vector layer's output unit i reads only input unit i (activation, dropout, …). */
function isUnitwise(layer: CompiledLayer): boolean {
  const spec = layer.spec;
  if (spec.kind === "activation") return spec.activation !== "softmax";
  return spec.kind === "dropout" || spec.kind === "batch-norm";
}

/**
 * The region of a layer's input that a region of its output reads. Map → map layers use the
 * layer's `window()` at the region's corners (windows grow with the position); flatten maps units
 * back to rows and columns; unit-wise vector layers keep the range; everything else reads it all.
 */
export function regionBack(layer: CompiledLayer, region: Region): Region {
  const input = layer.inputShape;
  if (region.kind === "map" && isMap(input) && isMap(layer.outputShape)) {
    const { y0, x0, y1, x1 } = region.window;
    const first = layer.impl.window(layer.spec, input, y0, x0);
    const last = layer.impl.window(layer.spec, input, y1 - 1, x1 - 1);
    return { kind: "map", window: union(first, last) };
  }
  if (region.kind === "units" && isMap(input) && layer.spec.kind === "flatten") {
    return { kind: "map", window: flattenedWindow(region.start, region.end, input) };
  }
  if (region.kind === "units" && !isMap(input) && isUnitwise(layer)) return region;
  return wholeOf(input);
}

function toWindow(region: Region): Window {
  return region.kind === "map" ? region.window : { y0: 0, x0: region.start, y1: 1, x1: region.end };
}

/**
 * The receptive field of one output neuron in the model input. A vector input is reported as a
 * 1 × n window (`x0…x1` are units). InputError when the position is out of range.
 */
export function receptiveField(model: CompiledModel, position: StepPosition): ReceptiveField {
  const grids = model.layers.map((l) => gridOf(l.name, l.outputShape));
  const at: NeuronPosition = resolvePosition(grids, position);
  const layer = model.layers[at.layer];
  const start: Region = isMap(layer.outputShape)
    ? { kind: "map", window: { y0: at.y, x0: at.x, y1: at.y + 1, x1: at.x + 1 } }
    : { kind: "units", start: at.channel, end: at.channel + 1 };

  const path: ReceptiveFieldStep[] = [{ layer: layer.name, index: layer.index, region: start }];
  let unclipped = start;
  let clipped: Region | null = start;
  for (let i = at.layer; i >= 0; i--) {
    const current = model.layers[i];
    unclipped = regionBack(current, unclipped);
    clipped = clipped && clipRegion(regionBack(current, clipped), current.inputShape);
    const below = i > 0 ? model.layers[i - 1] : undefined;
    path.push({
      layer: below ? below.name : "input",
      index: below ? below.index : -1,
      region: clipped,
    });
  }
  return {
    unclipped: toWindow(unclipped),
    clipped: clipped && toWindow(clipped),
    path,
  };
}
