/**
 * Convolution arithmetic along one axis (the widget's input is square): padding, the effective
 * kernel, the output length, which input pixels each output reads and which are never read.
 * Plain numbers in, plain numbers out; tested against hand computation and the engine.
 *
 * Coordinates: "padded" indices run over the input with its padding (0 … n + before + after − 1);
 * input indices are padded indices minus `before` (negative or ≥ n inside the padding).
 */

import type { ConvArithmetic, ConvSettings, PaddingMode } from "../draw/conv-geometry.js";

export type { ConvArithmetic, ConvSettings, PaddingMode };

/** TensorFlow's `same` padding for one axis: total = max((⌈n/s⌉ − 1)·s + kEff − n, 0), odd pixel after. */
export function samePadding(n: number, kEff: number, s: number): { before: number; after: number } {
  const total = Math.max((Math.ceil(n / s) - 1) * s + kEff - n, 0);
  const before = Math.floor(total / 2);
  return { before, after: total - before };
}

/** Works out the arithmetic of a setting (sizes are assumed to be positive integers, p ≥ 0). */
export function convArithmetic(settings: ConvSettings): ConvArithmetic {
  const { n, k, s, d } = settings;
  const kEff = d * (k - 1) + 1;
  const pads =
    settings.padding === "same"
      ? samePadding(n, kEff, s)
      : settings.padding === "valid"
        ? { before: 0, after: 0 }
        : { before: settings.p, after: settings.p };
  const padded = n + pads.before + pads.after;
  const span = padded - kEff;
  const empty = span < 0;
  const out = empty ? 0 : Math.floor(span / s) + 1;
  const leftover = empty ? 0 : span % s;
  const read = readMask(padded, out, s, k, d);
  const lastRead = empty ? -1 : (out - 1) * s + kEff - 1;
  const unread: number[] = [];
  const trailingUnread: number[] = [];
  for (let i = 0; i < n; i++) {
    if (read[i + pads.before]) continue;
    unread.push(i);
    if (i + pads.before > lastRead) trailingUnread.push(i);
  }
  return {
    ...settings,
    kEff,
    before: pads.before,
    after: pads.after,
    padded,
    span,
    exact: span / s + 1,
    out,
    empty,
    exactFit: !empty && leftover === 0,
    leftover,
    overhang: empty || leftover === 0 ? 0 : s - leftover,
    unread,
    trailingUnread,
  };
}

/** Which padded indices some tap of some window reads. */
function readMask(padded: number, out: number, s: number, k: number, d: number): Uint8Array {
  const read = new Uint8Array(padded);
  for (let o = 0; o < out; o++) for (let t = 0; t < k; t++) read[o * s + t * d] = 1;
  return read;
}

/** The input rows (or columns) output index `o` reads: first and last, in input coordinates. */
export interface WindowSpan {
  /** First input index, o·s − before (negative inside the padding). */
  readonly start: number;
  /** Last input index, start + kEff − 1. */
  readonly end: number;
  /** Indices of the taps: start + t·d for t = 0 … k − 1. */
  readonly taps: readonly number[];
}

/** The receptive window of output index `o` along one axis: rows o·s − p … o·s − p + kEff − 1. */
export function windowSpan(a: ConvArithmetic, o: number): WindowSpan {
  const start = o * a.s - a.before;
  const taps = Array.from({ length: a.k }, (_, t) => start + t * a.d);
  return { start, end: start + a.kEff - 1, taps };
}

/** Groups ascending integers into runs: [1, 2, 3, 7] → [[1, 3], [7, 7]]. */
export function runs(values: readonly number[]): [number, number][] {
  const out: [number, number][] = [];
  for (const v of values) {
    const last = out[out.length - 1];
    if (last && v === last[1] + 1) last[1] = v;
    else out.push([v, v]);
  }
  return out;
}

/** Limits of the controls (and of attributes: values outside are clamped). */
export const LIMITS = {
  n: [1, 256],
  k: [1, 15],
  s: [1, 8],
  p: [0, 16],
  d: [1, 6],
} as const satisfies Record<string, readonly [number, number]>;

/** A value clamped to a control's limits and rounded to an integer (NaN → the lower limit). */
export function clampSetting(name: keyof typeof LIMITS, value: number): number {
  const [lo, hi] = LIMITS[name];
  return Number.isFinite(value) ? Math.min(hi, Math.max(lo, Math.round(value))) : lo;
}

/** The named presets. */
export type PresetName =
  "alexnet-conv1" | "alexnet-224" | "torchvision" | "keras-same" | "lenet-c1";

export interface Preset extends ConvSettings {
  readonly name: PresetName;
}

/** The presets, in the order of their buttons (their labels are localized in the component). */
export const PRESETS: readonly Preset[] = [
  { name: "alexnet-conv1", n: 227, k: 11, s: 4, p: 0, d: 1, padding: "explicit" },
  { name: "alexnet-224", n: 224, k: 11, s: 4, p: 0, d: 1, padding: "explicit" },
  { name: "torchvision", n: 224, k: 11, s: 4, p: 2, d: 1, padding: "explicit" },
  { name: "keras-same", n: 224, k: 11, s: 4, p: 0, d: 1, padding: "same" },
  { name: "lenet-c1", n: 32, k: 5, s: 1, p: 0, d: 1, padding: "explicit" },
];

/** The preset of that name, or undefined. */
export function findPreset(name: string | undefined | null): Preset | undefined {
  return PRESETS.find((p) => p.name === name);
}
