/** Which bundled test digits the "pick a digit" strip shows (pure; tested alone). */

/**
 * Indices of `count` digits for page `page` of the strip: round-robin over the classes present
 * (0, 1, …, 9, 0, 1, …), so that every class shows up as evenly as the set allows. Each page
 * moves on to the next digits of every class and wraps around; no index appears twice on a page.
 *
 * ```ts
 * sampleIndices(labels, 20, 0); // two of each class: the first 0, the first 1, …, the second 9
 * ```
 */
export function sampleIndices(labels: ArrayLike<number>, count: number, page = 0): number[] {
  const byClass = new Map<number, number[]>();
  for (let i = 0; i < labels.length; i++) {
    const list = byClass.get(labels[i]);
    if (list) list.push(i);
    else byClass.set(labels[i], [i]);
  }
  const classes = [...byClass.keys()].sort((a, b) => a - b);
  const want = Math.max(0, Math.min(Math.floor(count), labels.length));
  if (want === 0 || classes.length === 0) return [];
  const perClass = Math.ceil(want / classes.length);
  const start = Math.max(0, Math.floor(page)) * perClass;
  const out: number[] = [];
  const taken = new Set<number>();
  // More rounds than perClass only when small classes run out of fresh digits.
  for (let round = 0; out.length < want && round < perClass + labels.length; round++) {
    for (const c of classes) {
      if (out.length >= want) break;
      const list = byClass.get(c)!;
      if (round >= list.length && round >= perClass) continue;
      const index = list[(start + round) % list.length];
      if (taken.has(index)) continue;
      taken.add(index);
      out.push(index);
    }
  }
  return out;
}

/** Digit `index` of a byte set as values in [0, 1]: byte / 255, row-major. */
export function digitFromBytes(images: Uint8Array, index: number, pixels: number): Float32Array {
  const out = new Float32Array(pixels);
  const offset = index * pixels;
  for (let i = 0; i < pixels; i++) out[i] = images[offset + i] / 255;
  return out;
}

/** Grey levels in [0, 1] of RGBA pixels (Rec. 601 luma; alpha composited over white). */
export function greyFromRgba(rgba: ArrayLike<number>, width: number, height: number): Float32Array {
  const n = width * height;
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const a = rgba[4 * i + 3] / 255;
    const luma = (0.299 * rgba[4 * i] + 0.587 * rgba[4 * i + 1] + 0.114 * rgba[4 * i + 2]) / 255;
    out[i] = luma * a + (1 - a);
  }
  return out;
}
