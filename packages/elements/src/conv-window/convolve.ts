/**
 * What the widget's output grid shows: the picture convolved with a simple kernel of the chosen
 * size, stride, padding and dilation, so that the grid fills in with something recognisable.
 * `blur` averages the window's taps (colour kept: the output is a smaller, zero-bordered copy of
 * the picture); `edges` subtracts the left half of the window from the right half (vertical edges).
 */
import { activationScale } from "../draw/color.js";
import type { ConvArithmetic } from "./arithmetic.js";

/** The kernel the output is computed with. */
export type KernelKind = "blur" | "edges";

/** The computed output: out × out cells, `channels` values each (HWC). */
export interface ConvOutput {
  readonly data: Float32Array;
  readonly channels: 1 | 3;
  readonly size: number;
}

/** Weight of kernel column `t` of `k` for `edges`: −1 left of the centre, +1 right, 0 on it. */
export function edgeWeight(t: number, k: number): number {
  const c = (k - 1) / 2;
  return t < c ? -1 : t > c ? 1 : 0;
}

/**
 * Convolves an n × n RGBA picture (bytes, row-major) as the arithmetic says, with zeros outside
 * it. `blur` gives RGB means in [0, 255]; `edges` gives (right − left) luminance means in
 * [−255, 255].
 */
export function convolvePicture(
  rgba: ArrayLike<number>,
  a: ConvArithmetic,
  kind: KernelKind,
): ConvOutput {
  const { n, k, s, d, out, before } = a;
  const channels = kind === "blur" ? 3 : 1;
  const data = new Float32Array(out * out * channels);
  const half = Math.floor(k / 2);
  const norm = kind === "blur" ? k * k : Math.max(1, k * half);
  const acc = [0, 0, 0];
  for (let oy = 0; oy < out; oy++) {
    for (let ox = 0; ox < out; ox++) {
      acc[0] = acc[1] = acc[2] = 0;
      for (let ty = 0; ty < k; ty++) {
        const y = oy * s - before + ty * d;
        if (y < 0 || y >= n) continue;
        for (let tx = 0; tx < k; tx++) {
          const x = ox * s - before + tx * d;
          if (x < 0 || x >= n) continue;
          const i = (y * n + x) * 4;
          if (kind === "blur") {
            acc[0] += rgba[i];
            acc[1] += rgba[i + 1];
            acc[2] += rgba[i + 2];
          } else {
            acc[0] += edgeWeight(tx, k) * luminance(rgba[i], rgba[i + 1], rgba[i + 2]);
          }
        }
      }
      const o = (oy * out + ox) * channels;
      for (let c = 0; c < channels; c++) data[o + c] = acc[c] / norm;
    }
  }
  return { data, channels, size: out };
}

/** Rec. 601 luma of 0–255 RGB. */
export function luminance(r: number, g: number, b: number): number {
  return 0.299 * r + 0.587 * g + 0.114 * b;
}

/**
 * Colours of the output cells as RGBA bytes (out × out × 4): blur values as they are (or grey),
 * edge values on the diverging scale centred on zero.
 */
export function outputColours(output: ConvOutput, greyscale: boolean): Uint8ClampedArray {
  const cells = output.size * output.size;
  const rgba = new Uint8ClampedArray(cells * 4);
  if (output.channels === 3) {
    for (let i = 0; i < cells; i++) {
      const [r, g, b] = [output.data[i * 3], output.data[i * 3 + 1], output.data[i * 3 + 2]];
      const y = greyscale ? luminance(r, g, b) : 0;
      rgba.set(greyscale ? [y, y, y, 255] : [r, g, b, 255], i * 4);
    }
    return rgba;
  }
  let m = 1e-6;
  for (let i = 0; i < cells; i++) m = Math.max(m, Math.abs(output.data[i]));
  const scale = activationScale(-m, m);
  for (let i = 0; i < cells; i++) rgba.set([...scale.rgb(output.data[i]), 255], i * 4);
  return rgba;
}
