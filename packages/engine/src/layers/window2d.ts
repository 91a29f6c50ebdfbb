/** The input windows (`LayerImpl.window`) of output positions: one cell, the whole map, a stride. */
import type { Shape } from "../spec/types.js";
import type { Pads } from "../util/geometry.js";
import type { Window } from "./layer.js";
import { asMap } from "./map-shape.js";

/** `window()` of a layer whose output (y, x) reads input (y, x) only. */
export function pointWindow(_spec: unknown, _inputShape: Shape, y: number, x: number): Window {
  return { y0: y, x0: x, y1: y + 1, x1: x + 1 };
}

/** `window()` of a layer whose every output reads the whole input map (a vector: its one position). */
export function wholeMapWindow(_spec: unknown, inputShape: Shape): Window {
  const [h, w] = asMap(inputShape);
  return { y0: 0, x0: 0, y1: h, x1: w };
}

/**
 * The window of output (y, x) of a strided window op (convolution, pooling) in input coordinates:
 * it starts at (y·stride − top pad, x·stride − left pad), may extend into the padding, and spans
 * `extent` (the kernel's extent on the input, after dilation).
 */
export function stridedWindow(
  y: number,
  x: number,
  extent: readonly [number, number],
  strides: readonly [number, number],
  pads: Pads,
): Window {
  const y0 = y * strides[0] - pads.top;
  const x0 = x * strides[1] - pads.left;
  return { y0, x0, y1: y0 + extent[0], x1: x0 + extent[1] };
}
