/**
 * An independent forward pass in Caffe's own conventions, for the conversion tests: NCHW blobs,
 * kernels OIHW with groups, BGR input, inner products over the channel-major (C, H, W) flatten,
 * Caffe's LRN (k + α/n · Σ a², β), ceil-mode max-pooling with Caffe's clipping rule, softmax.
 * Plain JavaScript numbers (doubles); nothing from the engine or the converter.
 */

/** A (C, H, W) blob. */
export interface Blob3 {
  readonly c: number;
  readonly h: number;
  readonly w: number;
  readonly data: Float64Array;
}

export function blob3(c: number, h: number, w: number, data?: ArrayLike<number>): Blob3 {
  return { c, h, w, data: data ? Float64Array.from(data) : new Float64Array(c * h * w) };
}

/** Caffe's convolution: weight (O, C/g, kh, kw), output ⌊(H + 2p − k)/s⌋ + 1. */
export function caffeConv(
  x: Blob3,
  weight: ArrayLike<number>,
  bias: ArrayLike<number>,
  o: number,
  k: number,
  stride: number,
  pad: number,
  group: number,
): Blob3 {
  const oh = Math.floor((x.h + 2 * pad - k) / stride) + 1;
  const ow = Math.floor((x.w + 2 * pad - k) / stride) + 1;
  const out = blob3(o, oh, ow);
  const inPer = x.c / group;
  const outPer = o / group;
  for (let oc = 0; oc < o; oc++) {
    const g = Math.floor(oc / outPer);
    for (let y = 0; y < oh; y++) {
      for (let xx = 0; xx < ow; xx++) {
        let sum = bias[oc];
        for (let ic = 0; ic < inPer; ic++) {
          const c = g * inPer + ic;
          for (let ky = 0; ky < k; ky++) {
            const iy = y * stride - pad + ky;
            if (iy < 0 || iy >= x.h) continue;
            for (let kx = 0; kx < k; kx++) {
              const ix = xx * stride - pad + kx;
              if (ix < 0 || ix >= x.w) continue;
              sum +=
                weight[((oc * inPer + ic) * k + ky) * k + kx] * x.data[(c * x.h + iy) * x.w + ix];
            }
          }
        }
        out.data[(oc * oh + y) * ow + xx] = sum;
      }
    }
  }
  return out;
}

export function caffeRelu(x: Blob3): Blob3 {
  return { ...x, data: x.data.map((v) => Math.max(0, v)) };
}

/** Caffe's LRN across channels: b = a · (k + α/n Σ_{window} a²)^−β, the window zero-padded. */
export function caffeLrn(x: Blob3, n: number, alpha: number, beta: number, k: number): Blob3 {
  const out = blob3(x.c, x.h, x.w);
  const half = Math.floor(n / 2);
  for (let c = 0; c < x.c; c++) {
    for (let p = 0; p < x.h * x.w; p++) {
      let sum = 0;
      for (let j = c - half; j <= c + half; j++) {
        if (j < 0 || j >= x.c) continue;
        const v = x.data[j * x.h * x.w + p];
        sum += v * v;
      }
      out.data[c * x.h * x.w + p] =
        x.data[c * x.h * x.w + p] * Math.pow(k + (alpha / n) * sum, -beta);
    }
  }
  return out;
}

/** Caffe's max-pooling: ⌈(H + 2p − k)/s⌉ + 1, the last window dropped if it starts in the padding. */
export function caffeMaxPool(x: Blob3, k: number, stride: number, pad = 0): Blob3 {
  const size = (n: number): number => {
    let out = Math.ceil((n + 2 * pad - k) / stride) + 1;
    if (pad > 0 && (out - 1) * stride >= n + pad) out--;
    return out;
  };
  const oh = size(x.h);
  const ow = size(x.w);
  const out = blob3(x.c, oh, ow);
  for (let c = 0; c < x.c; c++) {
    for (let y = 0; y < oh; y++) {
      const hs = Math.max(y * stride - pad, 0);
      const he = Math.min(y * stride - pad + k, x.h);
      for (let xx = 0; xx < ow; xx++) {
        const ws = Math.max(xx * stride - pad, 0);
        const we = Math.min(xx * stride - pad + k, x.w);
        let m = -Infinity;
        for (let iy = hs; iy < he; iy++) {
          for (let ix = ws; ix < we; ix++) m = Math.max(m, x.data[(c * x.h + iy) * x.w + ix]);
        }
        out.data[(c * oh + y) * ow + xx] = m;
      }
    }
  }
  return out;
}

/** Caffe's InnerProduct: weight (out, in) over the blob's (C, H, W) order. */
export function caffeInnerProduct(
  x: ArrayLike<number>,
  weight: ArrayLike<number>,
  bias: ArrayLike<number>,
  out: number,
): Float64Array {
  const n = x.length;
  const y = new Float64Array(out);
  for (let o = 0; o < out; o++) {
    let sum = bias[o];
    for (let i = 0; i < n; i++) sum += weight[o * n + i] * x[i];
    y[o] = sum;
  }
  return y;
}

export function softmax(x: ArrayLike<number>): Float64Array {
  const m = Math.max(...Array.from(x));
  const e = Float64Array.from(x, (v) => Math.exp(v - m));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / s);
}

/** A (C, H, W) blob in the engine's (H, W, C) order, to compare with the engine's outputs. */
export function toHwc(x: Blob3): Float64Array {
  const out = new Float64Array(x.c * x.h * x.w);
  for (let c = 0; c < x.c; c++) {
    for (let p = 0; p < x.h * x.w; p++) out[p * x.c + c] = x.data[c * x.h * x.w + p];
  }
  return out;
}

/** Seeded uniform numbers in [−1, 1) (mulberry32). */
export function randomValues(seed: number, count: number, scale: number): Float32Array {
  let a = seed >>> 0;
  const out = new Float32Array(count);
  for (let i = 0; i < count; i++) {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    out[i] = ((((t ^ (t >>> 14)) >>> 0) / 4294967296) * 2 - 1) * scale;
  }
  return out;
}
