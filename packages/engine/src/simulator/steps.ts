/**
 * Step arithmetic of the cursor: how many steps a model has at each granularity, which step a
 * position is, and which position a step is. Pure functions over per-layer sizes; nothing is
 * enumerated, so AlexNet's million neuron steps cost a few additions.
 */
import { InputError } from "../errors.js";
import type { Shape } from "../spec/types.js";

/**
 * How finely the cursor steps: one step per `layer`, per output `channel` of each layer (a vector
 * layer's unit counts as a channel), or per output `neuron` (channel-major, then row-major).
 */
export type Granularity = "layer" | "channel" | "neuron";

/** Every granularity, coarsest first. */
export const GRANULARITIES: readonly Granularity[] = ["layer", "channel", "neuron"];

/**
 * A cursor position. `layer` indexes the model's layers (0 is the first layer, not the input);
 * `channel` is set at channel and neuron granularity, `y` and `x` at neuron granularity.
 */
export interface StepPosition {
  readonly layer: number;
  readonly channel?: number;
  readonly y?: number;
  readonly x?: number;
}

/** A position with every coordinate set (vector layers have `y = x = 0`). */
export interface NeuronPosition {
  readonly layer: number;
  readonly channel: number;
  readonly y: number;
  readonly x: number;
}

/** The output grid of one layer, as the cursor sees it: a vector of n is 1×1×n. */
export interface LayerGrid {
  readonly name: string;
  readonly height: number;
  readonly width: number;
  readonly channels: number;
}

/** The grid of an output shape: `[h, w, c]` stays, `[n]` is 1×1×n, other ranks fold into channels. */
export function gridOf(name: string, shape: Shape): LayerGrid {
  if (shape.length === 3) return { name, height: shape[0], width: shape[1], channels: shape[2] };
  return { name, height: 1, width: 1, channels: shape.reduce((a, b) => a * b, 1) };
}

/** Steps one layer contributes at a granularity. */
export function stepsInLayer(grid: LayerGrid, granularity: Granularity): number {
  switch (granularity) {
    case "layer":
      return 1;
    case "channel":
      return grid.channels;
    case "neuron":
      return grid.channels * grid.height * grid.width;
  }
}

/**
 * The step plan of a model at one granularity: `offsets[l]` is the index of layer l's first step,
 * `offsets[layers.length]` the step count.
 */
export interface StepPlan {
  readonly granularity: Granularity;
  readonly grids: readonly LayerGrid[];
  readonly offsets: readonly number[];
  readonly count: number;
}

/** Builds the step plan of a list of layer grids at a granularity (one addition per layer). */
export function stepPlan(grids: readonly LayerGrid[], granularity: Granularity): StepPlan {
  const offsets = [0];
  for (const grid of grids)
    offsets.push(offsets[offsets.length - 1] + stepsInLayer(grid, granularity));
  return { granularity, grids, offsets, count: offsets[offsets.length - 1] };
}

function describeRange(n: number): string {
  return n === 1 ? "0 (the only value)" : `0 to ${n - 1}`;
}

function checkCoordinate(
  grid: LayerGrid,
  layer: number,
  coordinate: string,
  value: unknown,
  size: number,
): number {
  if (value === undefined) return 0;
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0 || value >= size) {
    throw new InputError(
      `layer "${grid.name}" (#${layer}): ${coordinate} ${JSON.stringify(value)} is out of range; ` +
        `expected an integer from ${describeRange(size)}`,
    );
  }
  return value;
}

/**
 * Checks a position against the grids and fills missing coordinates with 0. Throws InputError
 * naming the layer, the bad coordinate and the valid range.
 */
export function resolvePosition(
  grids: readonly LayerGrid[],
  position: StepPosition,
): NeuronPosition {
  if (typeof position !== "object" || position === null) {
    throw new InputError(`expected a position such as { layer: 0 }, got ${String(position)}`);
  }
  const layer = position.layer;
  if (typeof layer !== "number" || !Number.isInteger(layer) || layer < 0 || layer >= grids.length) {
    const names = grids.length > 0 ? ` (${grids[0].name} … ${grids[grids.length - 1].name})` : "";
    throw new InputError(
      `layer ${JSON.stringify(layer)} is out of range; expected an integer from ${describeRange(grids.length)}${names}`,
    );
  }
  const grid = grids[layer];
  return {
    layer,
    channel: checkCoordinate(grid, layer, "channel", position.channel, grid.channels),
    y: checkCoordinate(grid, layer, "y", position.y, grid.height),
    x: checkCoordinate(grid, layer, "x", position.x, grid.width),
  };
}

/** The position as the granularity shows it: coarser granularities drop the finer coordinates. */
export function coarsen(position: NeuronPosition, granularity: Granularity): StepPosition {
  switch (granularity) {
    case "layer":
      return { layer: position.layer };
    case "channel":
      return { layer: position.layer, channel: position.channel };
    case "neuron":
      return { ...position };
  }
}

/** The step index of a (resolved) position in a plan. */
export function stepIndexOf(plan: StepPlan, position: NeuronPosition): number {
  const base = plan.offsets[position.layer];
  const grid = plan.grids[position.layer];
  switch (plan.granularity) {
    case "layer":
      return base;
    case "channel":
      return base + position.channel;
    case "neuron":
      return base + (position.channel * grid.height + position.y) * grid.width + position.x;
  }
}

/** The position of a step index (binary search over the layer offsets). InputError when out of range. */
export function positionAt(plan: StepPlan, stepIndex: number): NeuronPosition {
  if (!Number.isInteger(stepIndex) || stepIndex < 0 || stepIndex >= plan.count) {
    throw new InputError(
      `step ${JSON.stringify(stepIndex)} is out of range; expected an integer from ` +
        `${describeRange(plan.count)} (${plan.granularity} granularity)`,
    );
  }
  let lo = 0;
  let hi = plan.grids.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (plan.offsets[mid] <= stepIndex) lo = mid;
    else hi = mid - 1;
  }
  const layer = lo;
  const grid = plan.grids[layer];
  const local = stepIndex - plan.offsets[layer];
  switch (plan.granularity) {
    case "layer":
      return { layer, channel: 0, y: 0, x: 0 };
    case "channel":
      return { layer, channel: local, y: 0, x: 0 };
    case "neuron": {
      const plane = grid.height * grid.width;
      const channel = Math.floor(local / plane);
      const rest = local - channel * plane;
      return { layer, channel, y: Math.floor(rest / grid.width), x: rest % grid.width };
    }
  }
}
