/**
 * The arithmetic of a neuron regrouped for display: per input channel of a convolution its
 * partial sum and which cells are padding; the leftover terms of a long sum. Pure functions.
 */
import type { ConvExplanation, NeuronExplanation, Window } from "@convstep/engine";

/** One input channel of a convolution neuron. */
export interface ChannelRow {
  /** Index into the explanation's arrays. */
  readonly index: number;
  /** The input channel (e.g. the S2 map). */
  readonly channel: number;
  /** Σ of this channel's products. */
  readonly partial: number;
  /** `padded[ky][kx]`: the cell lies outside the input map (a padded zero). */
  readonly padded: readonly (readonly boolean[])[];
}

/**
 * Whether each cell of a `kh × kw` window lies outside `clip` (the window clipped to the map; null
 * when all of it is padding). Cells sit at `y0 + ky·dy`, `x0 + kx·dx` (dilation from the span).
 */
export function paddingMask(
  window: Window,
  clip: Window | null,
  kh: number,
  kw: number,
): boolean[][] {
  const dy = kh > 1 ? (window.y1 - window.y0 - 1) / (kh - 1) : 1;
  const dx = kw > 1 ? (window.x1 - window.x0 - 1) / (kw - 1) : 1;
  return Array.from({ length: kh }, (_, ky) =>
    Array.from({ length: kw }, (_, kx) => {
      if (!clip) return true;
      const y = window.y0 + ky * dy;
      const x = window.x0 + kx * dx;
      return y < clip.y0 || y >= clip.y1 || x < clip.x0 || x >= clip.x1;
    }),
  );
}

/** The window of the layer's input the neuron really reads (clipped), from its receptive field. */
export function clippedInputWindow(n: NeuronExplanation): Window | null | undefined {
  const step = n.receptiveField?.path?.[1];
  if (!step) return undefined;
  if (!step.region) return null;
  return step.region.kind === "map" ? step.region.window : undefined;
}

/** The name of the layer that feeds the neuron's layer ("S2" for C3), if known. */
export function inputLayerName(n: NeuronExplanation): string | undefined {
  return n.receptiveField?.path?.[1]?.layer;
}

/** Every input channel of a convolution neuron with its partial sum and padding. */
export function channelRows(e: ConvExplanation, clip: Window | null | undefined): ChannelRow[] {
  const kh = e.patch[0]?.length ?? 0;
  const kw = e.patch[0]?.[0]?.length ?? 0;
  // Without a known clip, only positions before the map's origin are known to be padding.
  const known: Window | null =
    clip === undefined ? { y0: 0, x0: 0, y1: Infinity, x1: Infinity } : clip;
  const padded = paddingMask(e.window, known, kh, kw);
  return e.inputChannels.map((channel, index) => {
    let partial = 0;
    for (const row of e.products[index]) for (const p of row) partial += p;
    return { index, channel, partial, padded };
  });
}

/** Σ of the terms a short list leaves out: the total minus the listed ones. */
export function restOf(total: number, listed: readonly number[]): number {
  return listed.reduce((rest, v) => rest - v, total);
}

/** Indices of the `k` largest values by |value|, largest first (ties: lower index first). */
export function largest(values: ArrayLike<number>, k: number): number[] {
  return Array.from({ length: values.length }, (_, i) => i)
    .sort((a, b) => Math.abs(values[b]) - Math.abs(values[a]) || a - b)
    .slice(0, k);
}
