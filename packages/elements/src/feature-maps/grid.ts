/**
 * One activation grid as the element draws it: a trace step with its layout and colour scales
 * (one for the layer, or one per map), resolved from the element's properties.
 */
import type { TraceStep } from "@convstep/engine";
import { activationScale, type ColorScale } from "../draw/color.js";
import {
  type GridLayout,
  type LayoutOptions,
  type MapScales,
  type NeuronAt,
  channelRanges,
  dataIndex,
  layoutGrid,
} from "../draw/feature-map.js";

/** Per-channel minima and maxima. */
export interface Ranges {
  readonly min: Float32Array;
  readonly max: Float32Array;
}

/** A step, laid out and coloured. */
export interface Grid {
  /** Name shown for the step (a layer name, or the input's). */
  readonly name: string;
  readonly step: TraceStep;
  readonly layout: GridLayout;
  readonly scales: MapScales;
  /** Per-map ranges when each map has its own scale. */
  readonly ranges: Ranges | undefined;
}

const rangesCache = new WeakMap<TraceStep, Ranges>();

function rangesOf(step: TraceStep): Ranges {
  let r = rangesCache.get(step);
  if (!r) {
    r = channelRanges(step.data, step.shape);
    rangesCache.set(step, r);
  }
  return r;
}

/**
 * Lays out and colours a step. `scale: "map"` gives each map its own domain but one colour
 * family for the layer: a signed layer keeps PuOr centred on 0 in every map (each map's own
 * ±max), a non-negative one viridis over each map's own range.
 */
export function makeGrid(
  name: string,
  step: TraceStep,
  width: number,
  scale: "layer" | "map",
  options: LayoutOptions,
): Grid {
  const layout = layoutGrid(step.shape, width, options);
  if (scale !== "map") {
    return {
      name,
      step,
      layout,
      scales: activationScale(step.stats.min, step.stats.max),
      ranges: undefined,
    };
  }
  const ranges = rangesOf(step);
  const signed = step.stats.min < 0 && step.stats.max > 0;
  const scales = Array.from(ranges.min, (min, c) => {
    const max = ranges.max[c];
    if (!signed) return activationScale(min, max);
    const m = Math.max(-min, max) || 1;
    return activationScale(-m, m);
  });
  return { name, step, layout, scales, ranges };
}

/** The value of a neuron of the grid's step. */
export function valueAt(grid: Grid, n: NeuronAt): number {
  return grid.step.data[dataIndex(grid.step.shape, n)];
}

/** The scale and value range a legend shows: the layer's, or map `channel`'s with per-map scales. */
export function legendRange(
  grid: Grid,
  channel: number | undefined,
): { scale: ColorScale; min: number; max: number; map: number | undefined } {
  if (grid.ranges && Array.isArray(grid.scales)) {
    const c = Math.max(0, Math.min(channel ?? 0, grid.layout.count - 1));
    const scales = grid.scales as readonly ColorScale[];
    return { scale: scales[c], min: grid.ranges.min[c], max: grid.ranges.max[c], map: c };
  }
  const { min, max } = grid.step.stats;
  return { scale: grid.scales as ColorScale, min, max, map: undefined };
}
