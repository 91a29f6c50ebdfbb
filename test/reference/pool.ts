/**
 * The independent implementation the pooling tests (pool2d, subsampling) compare against: a
 * plain-JS window reduction per channel, loops only, written apart from the engine. Padding is
 * given explicitly by the test; padded cells are skipped (they never win a max and are left out of
 * a mean, as in TensorFlow).
 */

/** How a window's cells are reduced: their max, their mean or their sum (LeNet's subsampling). */
export type ReferencePoolMode = "max" | "avg" | "sum";

/**
 * Reduces every `kh × kw` window (strides `sh, sw`, pads `[top, bottom, left, right]`) of each
 * channel of `input` (`[h, w, c]`, row-major). Returns the output map `[outH, outW, c]`, row-major,
 * in double precision.
 */
export function referencePool(
  input: Float32Array,
  [h, w, c]: readonly [number, number, number],
  mode: ReferencePoolMode,
  [kh, kw]: readonly [number, number],
  [sh, sw]: readonly [number, number],
  [t, b, l, r]: readonly [number, number, number, number] = [0, 0, 0, 0],
): { data: Float64Array; outH: number; outW: number } {
  const outH = Math.floor((h + t + b - kh) / sh) + 1;
  const outW = Math.floor((w + l + r - kw) / sw) + 1;
  const data = new Float64Array(outH * outW * c);
  for (let oy = 0; oy < outH; oy++)
    for (let ox = 0; ox < outW; ox++)
      for (let ch = 0; ch < c; ch++) {
        let max = -Infinity;
        let sum = 0;
        let n = 0;
        for (let ky = 0; ky < kh; ky++)
          for (let kx = 0; kx < kw; kx++) {
            const iy = oy * sh - t + ky;
            const ix = ox * sw - l + kx;
            if (iy < 0 || iy >= h || ix < 0 || ix >= w) continue;
            const v = input[(iy * w + ix) * c + ch];
            max = Math.max(max, v);
            sum += v;
            n++;
          }
        data[(oy * outW + ox) * c + ch] = mode === "max" ? max : mode === "avg" ? sum / n : sum;
      }
  return { data, outH, outW };
}
