/**
 * The independent implementation the lrn tests compare against: plain-JS local response
 * normalisation across channels as Krizhevsky et al. 2012 write it, loops only, written apart from
 * the engine: b_i = a_i / (k + α·Σ_{j = max(0, i − ⌊n/2⌋)}^{min(N − 1, i + ⌊n/2⌋)} a_j²)^β.
 */

/** The constants of one LRN layer. */
export interface ReferenceLrnConstants {
  readonly k: number;
  readonly n: number;
  readonly alpha: number;
  readonly beta: number;
}

/** Normalises every position of `input` (`[h, w, c]`, row-major) on its own; double precision. */
export function referenceLrn(
  input: Float32Array,
  [h, w, c]: readonly [number, number, number],
  { k, n, alpha, beta }: ReferenceLrnConstants,
): Float64Array {
  const r = Math.floor(n / 2);
  const out = new Float64Array(h * w * c);
  for (let p = 0; p < h * w; p++)
    for (let i = 0; i < c; i++) {
      let s = 0;
      for (let j = Math.max(0, i - r); j <= Math.min(c - 1, i + r); j++) s += input[p * c + j] ** 2;
      out[p * c + i] = input[p * c + i] / Math.pow(k + alpha * s, beta);
    }
  return out;
}
