/**
 * The window of a pooling layer (pool2d, LeNet's subsampling) resolved to numbers: input size,
 * window, strides (the window when absent), `valid` or `same` padding, output size.
 */
import { SpecError } from "../errors.js";
import type { Shape, Size2 } from "../spec/types.js";
import { outputLength, resolvePadding, size2, spatialShape, type Pads } from "../util/geometry.js";
import type { Window } from "./layer.js";
import { stridedWindow } from "./window2d.js";

/** What a pooling spec says about its window (pool2d and subsampling specs both fit). */
export interface PoolWindowSpec {
  readonly name: string;
  readonly poolSize: Size2;
  readonly strides?: Size2;
}

/** Every size of a pooling layer, resolved to numbers. */
export interface PoolGeometry {
  readonly inH: number;
  readonly inW: number;
  readonly channels: number;
  readonly size: [number, number];
  readonly strides: [number, number];
  readonly pads: Pads;
  readonly outH: number;
  readonly outW: number;
}

/**
 * Resolves sizes (`padding` absent: valid); SpecError for a malformed input, poolSize, strides or
 * padding, checked in that order.
 */
export function poolGeometry(
  spec: PoolWindowSpec,
  inputShape: Shape,
  padding: "valid" | "same" | undefined,
): PoolGeometry {
  const [inH, inW, channels] = spatialShape(inputShape, spec.name);
  const size = size2(spec.poolSize, spec.name, "poolSize");
  const strides = size2(spec.strides ?? spec.poolSize, spec.name, "strides");
  const resolved = padding ?? "valid";
  if (resolved !== "valid" && resolved !== "same") {
    throw new SpecError(`expected "valid" or "same", got ${JSON.stringify(padding)}`, {
      layer: spec.name,
      attribute: "padding",
    });
  }
  const pads = resolvePadding(resolved, [inH, inW], size, strides, spec.name);
  return {
    inH,
    inW,
    channels,
    size,
    strides,
    pads,
    outH: outputLength(inH, pads.top, pads.bottom, size[0], strides[0]),
    outW: outputLength(inW, pads.left, pads.right, size[1], strides[1]),
  };
}

/** SpecError on `poolSize` when not one window fits the input. */
export function checkPoolFits(layer: string, g: PoolGeometry): void {
  if (g.outH < 1 || g.outW < 1) {
    throw new SpecError(
      `the ${g.size[0]}×${g.size[1]} window does not fit the ${g.inH}×${g.inW} input`,
      { layer, attribute: "poolSize" },
    );
  }
}

/** The window of output (y, x) in input coordinates (may extend into `same` padding). */
export function poolWindow(g: PoolGeometry, y: number, x: number): Window {
  return stridedWindow(y, x, g.size, g.strides, g.pads);
}
