/**
 * A faster `Conv2DBackpropFilter` (the gradient of a convolution with respect to its kernel) for
 * tfjs's CPU backend. The stock kernel reads every value through `TensorBuffer.get(…)` in the
 * innermost loop and runs 10–20 times slower than the forward convolution, so that it dominates
 * a training step. This one walks the same sums over flat arrays, innermost over output channels
 * (contiguous in NHWC), and accumulates in float64: the same mathematics, summed in another order.
 * NCHW inputs fall back to the stock kernel.
 */
import * as tf from "@tensorflow/tfjs-core";

type Conv2DBackpropFilterAttrs = {
  strides: number | [number, number];
  pad: "valid" | "same" | number | tf.backend_util.ExplicitPadding;
  dataFormat: "NHWC" | "NCHW";
  dimRoundingMode?: "floor" | "round" | "ceil";
  filterShape: [number, number, number, number];
};

/** The part of the CPU backend this kernel uses. */
interface CpuBackendLike {
  readonly data: { get(dataId: unknown): { values: unknown } };
  makeTensorInfo(shape: number[], dtype: tf.DataType, values: Float32Array): tf.TensorInfo;
}

const KERNEL = "Conv2DBackpropFilter";
const BACKEND = "cpu";

/**
 * dW[ky, kx, ci, co] = Σ_b Σ_oy Σ_ox x[b, oy·sh + ky − top, ox·sw + kx − left, ci] · dy[b, oy, ox, co],
 * positions outside x skipped (zero padding). Plain arrays in, plain array out (NHWC, HWIO).
 */
export function conv2dFilterGradient(
  x: ArrayLike<number>,
  xShape: readonly [number, number, number, number],
  dy: ArrayLike<number>,
  dyShape: readonly [number, number, number, number],
  filterShape: readonly [number, number, number, number],
  strides: readonly [number, number],
  pads: { readonly top: number; readonly left: number },
): Float32Array {
  const [batch, inH, inW, inC] = xShape;
  const [, outH, outW, outC] = dyShape;
  const [kh, kw] = filterShape;
  const [sh, sw] = strides;
  const acc = new Float64Array(kh * kw * inC * outC);
  for (let b = 0; b < batch; b++) {
    for (let oy = 0; oy < outH; oy++) {
      for (let ox = 0; ox < outW; ox++) {
        const dyBase = ((b * outH + oy) * outW + ox) * outC;
        for (let ky = 0; ky < kh; ky++) {
          const iy = oy * sh + ky - pads.top;
          if (iy < 0 || iy >= inH) continue;
          for (let kx = 0; kx < kw; kx++) {
            const ix = ox * sw + kx - pads.left;
            if (ix < 0 || ix >= inW) continue;
            const xBase = ((b * inH + iy) * inW + ix) * inC;
            const wBase = (ky * kw + kx) * inC * outC;
            for (let ci = 0; ci < inC; ci++) {
              const xv = x[xBase + ci];
              if (xv === 0) continue;
              const w0 = wBase + ci * outC;
              for (let co = 0; co < outC; co++) acc[w0 + co] += xv * dy[dyBase + co];
            }
          }
        }
      }
    }
  }
  return Float32Array.from(acc);
}

let original: tf.KernelConfig | undefined;

/**
 * Replaces the CPU backend's `Conv2DBackpropFilter` with the faster one above (idempotent).
 * A global change of tfjs's kernel registry: every later kernel gradient on the CPU backend uses
 * it. Returns false when no CPU kernel is registered (the CPU backend is not loaded).
 */
export function installFastCpuConvFilterGradient(): boolean {
  if (original) return true;
  const stock = tf.getKernel(KERNEL, BACKEND);
  if (!stock) return false;
  original = stock;
  const kernelFunc: tf.KernelFunc = (args) => {
    const { inputs, backend, attrs } = args;
    const { x, dy } = inputs as { x: tf.TensorInfo; dy: tf.TensorInfo };
    const a = attrs as unknown as Conv2DBackpropFilterAttrs;
    if (a.dataFormat === "NCHW" || x.dtype !== "float32" || dy.dtype !== "float32") {
      return stock.kernelFunc(args);
    }
    const info = tf.backend_util.computeConv2DInfo(
      x.shape as [number, number, number, number],
      a.filterShape,
      a.strides,
      1,
      a.pad,
      a.dimRoundingMode,
    );
    const cpu = backend as unknown as CpuBackendLike;
    const values = conv2dFilterGradient(
      cpu.data.get(x.dataId).values as Float32Array,
      x.shape as [number, number, number, number],
      cpu.data.get(dy.dataId).values as Float32Array,
      dy.shape as [number, number, number, number],
      a.filterShape,
      [info.strideHeight, info.strideWidth],
      info.padInfo,
    );
    return cpu.makeTensorInfo([...a.filterShape], "float32", values);
  };
  tf.unregisterKernel(KERNEL, BACKEND);
  tf.registerKernel({ ...stock, kernelFunc });
  return true;
}

/** Puts the stock CPU `Conv2DBackpropFilter` back (for tests). */
export function uninstallFastCpuConvFilterGradient(): void {
  if (!original) return;
  tf.unregisterKernel(KERNEL, BACKEND);
  tf.registerKernel(original);
  original = undefined;
}
