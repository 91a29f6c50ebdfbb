/**
 * The independent implementation the conv2d tests compare against: a plain-JS 2-D convolution,
 * loops only, written apart from the engine. Padding is given explicitly by the test (no
 * TensorFlow `same` rule here), so that a test states the pads it expects.
 */

/** A convolution's input, kernel and sizes (NHWC input of one image, Keras kernel layout). */
export interface ReferenceConv2dOptions {
  /** The input map, row-major `[h, w, c]`. */
  readonly x: Float32Array;
  readonly shape: readonly [number, number, number];
  /** `[kh, kw, c/groups, filters]`, row-major. */
  readonly kernel: Float32Array;
  readonly kh: number;
  readonly kw: number;
  readonly filters: number;
  readonly strides?: readonly [number, number];
  readonly dilation?: readonly [number, number];
  /** [top, bottom, left, right]. */
  readonly pads?: readonly [number, number, number, number];
  readonly groups?: number;
  readonly bias?: Float32Array;
  /** Whether input channel c feeds output map o (all when absent). */
  readonly linked?: (c: number, o: number) => boolean;
}

/**
 * Σ over the window, the channels of the filter's group (those `linked` to it) and the kernel
 * cells of input × weight, plus the bias; padded cells count as zero. Returns the output map
 * `[outH, outW, filters]`, row-major.
 */
export function referenceConv2d(p: ReferenceConv2dOptions): {
  data: Float32Array;
  outH: number;
  outW: number;
} {
  const [h, w, c] = p.shape;
  const [sh, sw] = p.strides ?? [1, 1];
  const [dh, dw] = p.dilation ?? [1, 1];
  const [t, b, l, r] = p.pads ?? [0, 0, 0, 0];
  const groups = p.groups ?? 1;
  const inPer = c / groups;
  const outPer = p.filters / groups;
  const outH = Math.floor((h + t + b - ((p.kh - 1) * dh + 1)) / sh) + 1;
  const outW = Math.floor((w + l + r - ((p.kw - 1) * dw + 1)) / sw) + 1;
  const at = (y: number, x: number, ch: number) => p.x[(y * w + x) * c + ch];
  const data = new Float32Array(outH * outW * p.filters);
  for (let oy = 0; oy < outH; oy++) {
    for (let ox = 0; ox < outW; ox++) {
      for (let o = 0; o < p.filters; o++) {
        const group = Math.floor(o / outPer);
        let sum = p.bias ? p.bias[o] : 0;
        for (let ci = 0; ci < inPer; ci++) {
          const ch = group * inPer + ci;
          if (p.linked && !p.linked(ch, o)) continue;
          for (let ky = 0; ky < p.kh; ky++) {
            for (let kx = 0; kx < p.kw; kx++) {
              const iy = oy * sh - t + ky * dh;
              const ix = ox * sw - l + kx * dw;
              if (iy < 0 || iy >= h || ix < 0 || ix >= w) continue;
              sum += at(iy, ix, ch) * p.kernel[((ky * p.kw + kx) * inPer + ci) * p.filters + o];
            }
          }
        }
        data[(oy * outW + ox) * p.filters + o] = sum;
      }
    }
  }
  return { data, outH, outW };
}
