/** Sizes, strides and padding of 2-D window ops, resolved to plain numbers. */
import { SpecError } from "../errors.js";
import type { PaddingSpec, Size2 } from "../spec/types.js";

/** `3` → `[3, 3]`; `[3, 2]` stays. Throws SpecError for non-positive or non-integer values. */
export function size2(
  value: Size2 | undefined,
  layer: string,
  attribute: string,
): [number, number] {
  const pair =
    typeof value === "number"
      ? [value, value]
      : Array.isArray(value) && value.length === 2
        ? value
        : undefined;
  if (!pair || pair.some((v) => !Number.isInteger(v) || v < 1)) {
    throw new SpecError(
      `expected a positive integer or [rows, cols], got ${JSON.stringify(value)}`,
      { layer, attribute },
    );
  }
  return [pair[0], pair[1]];
}

/** Explicit padding of a window op: zeros added on each side. */
export interface Pads {
  readonly top: number;
  readonly bottom: number;
  readonly left: number;
  readonly right: number;
}

/**
 * Resolves a padding spec for an input of `inH × inW`, an effective kernel of `kH × kW` (after
 * dilation) and strides `sH, sW`. `same` follows TensorFlow: total = max((⌈n/s⌉ − 1)·s + k − n, 0),
 * with the odd pixel at the bottom/right.
 */
export function resolvePadding(
  padding: PaddingSpec,
  input: readonly [number, number],
  kernel: readonly [number, number],
  strides: readonly [number, number],
  layer: string,
): Pads {
  if (padding === "valid") return { top: 0, bottom: 0, left: 0, right: 0 };
  if (padding === "same") {
    const total = (n: number, k: number, s: number) =>
      Math.max((Math.ceil(n / s) - 1) * s + k - n, 0);
    const th = total(input[0], kernel[0], strides[0]);
    const tw = total(input[1], kernel[1], strides[1]);
    return {
      top: Math.floor(th / 2),
      bottom: th - Math.floor(th / 2),
      left: Math.floor(tw / 2),
      right: tw - Math.floor(tw / 2),
    };
  }
  const values: readonly number[] = typeof padding === "number" ? [padding] : padding;
  if (
    !Array.isArray(values) ||
    ![1, 2, 4].includes(values.length) ||
    values.some((v) => !Number.isInteger(v) || v < 0)
  ) {
    throw new SpecError(
      `expected "valid", "same", a non-negative integer, [vertical, horizontal] or [top, bottom, left, right], got ${JSON.stringify(padding)}`,
      { layer, attribute: "padding" },
    );
  }
  if (values.length === 1)
    return { top: values[0], bottom: values[0], left: values[0], right: values[0] };
  if (values.length === 2)
    return { top: values[0], bottom: values[0], left: values[1], right: values[1] };
  return { top: values[0], bottom: values[1], left: values[2], right: values[3] };
}

/** Output length of a window op: ⌊(n + pads − k_eff)/s⌋ + 1, or 0 when the window does not fit. */
export function outputLength(
  n: number,
  padBefore: number,
  padAfter: number,
  kEff: number,
  s: number,
): number {
  const span = n + padBefore + padAfter - kEff;
  return span < 0 ? 0 : Math.floor(span / s) + 1;
}

/** Effective kernel extent with dilation d: (k − 1)·d + 1. */
export function dilatedExtent(k: number, d: number): number {
  return (k - 1) * d + 1;
}

/** Reads [h, w, c] from a feature-map shape, or throws naming the layer. */
export function spatialShape(shape: readonly number[], layer: string): [number, number, number] {
  if (shape.length !== 3) {
    throw new SpecError(
      `expects a feature map [height, width, channels] as input, got shape [${shape.join(", ")}]`,
      { layer },
    );
  }
  return [shape[0], shape[1], shape[2]];
}

/** Product of a shape's dimensions. */
export function sizeOf(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}
