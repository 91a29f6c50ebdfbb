import * as tf from "@tensorflow/tfjs-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAllClose, expectNoLeaks, seededArray } from "../../../../test/helpers.js";
import { ensureGradients } from "./backend-check.js";
import {
  conv2dFilterGradient,
  installFastCpuConvFilterGradient,
  uninstallFastCpuConvFilterGradient,
} from "./cpu-conv-grad.js";

/**
 * ∂(Σ conv2d(x, k) · dy)/∂k by the definition, with TensorFlow's padding rule written out here:
 * `same` pads ⌊total/2⌋ at the top/left, total = max((out − 1)·s + k − in, 0).
 */
function plainFilterGradient(
  x: Float32Array,
  [b, h, w, ci]: number[],
  dy: Float32Array,
  [oh, ow, co]: number[],
  [kh, kw]: number[],
  s: number,
  padding: "valid" | "same",
): Float32Array {
  const top = padding === "same" ? Math.floor(Math.max((oh - 1) * s + kh - h, 0) / 2) : 0;
  const left = padding === "same" ? Math.floor(Math.max((ow - 1) * s + kw - w, 0) / 2) : 0;
  const out = new Float32Array(kh * kw * ci * co);
  for (let ky = 0; ky < kh; ky++)
    for (let kx = 0; kx < kw; kx++)
      for (let i = 0; i < ci; i++)
        for (let o = 0; o < co; o++) {
          let sum = 0;
          for (let n = 0; n < b; n++)
            for (let y = 0; y < oh; y++)
              for (let xx = 0; xx < ow; xx++) {
                const iy = y * s + ky - top;
                const ix = xx * s + kx - left;
                if (iy < 0 || iy >= h || ix < 0 || ix >= w) continue;
                sum += x[((n * h + iy) * w + ix) * ci + i] * dy[((n * oh + y) * ow + xx) * co + o];
              }
          out[((ky * kw + kx) * ci + i) * co + o] = sum;
        }
  return out;
}

const CASES = [
  {
    name: "x=[2,6,6,3] k=3×3→4 s=1 valid",
    x: [2, 6, 6, 3],
    k: [3, 3, 3, 4],
    s: 1,
    pad: "valid" as const,
  },
  {
    name: "x=[2,7,7,2] k=3×3→3 s=2 same",
    x: [2, 7, 7, 2],
    k: [3, 3, 2, 3],
    s: 2,
    pad: "same" as const,
  },
  {
    name: "x=[1,5,4,1] k=2×3→2 s=1 same",
    x: [1, 5, 4, 1],
    k: [2, 3, 1, 2],
    s: 1,
    pad: "same" as const,
  },
];

describe("fast CPU Conv2DBackpropFilter", () => {
  beforeAll(async () => {
    await ensureGradients();
    installFastCpuConvFilterGradient();
  });
  afterAll(() => uninstallFastCpuConvFilterGradient());

  for (const c of CASES) {
    it(`${c.name}: tf.grad through the installed kernel = the plain definition`, async () => {
      await expectNoLeaks(async () => {
        const xv = seededArray(
          c.x.reduce((a, b) => a * b, 1),
          1,
        );
        const kv = seededArray(
          c.k.reduce((a, b) => a * b, 1),
          2,
        );
        const x = tf.tensor4d(xv, c.x as [number, number, number, number]);
        const k = tf.tensor4d(kv, c.k as [number, number, number, number]);
        const y = tf.conv2d(x, k, c.s, c.pad);
        const dyv = seededArray(y.size, 3);
        const dy = tf.tensor(dyv, y.shape);
        const g = tf.grad((kk: tf.Tensor) => tf.conv2d(x, kk as tf.Tensor4D, c.s, c.pad))(k, dy);
        const expected = plainFilterGradient(xv, c.x, dyv, y.shape.slice(1), c.k, c.s, c.pad);
        expectAllClose(await g.data(), expected, { rtol: 1e-5, atol: 1e-5 });
        tf.dispose([x, k, y, dy, g]);
      });
    });
  }

  it("conv2dFilterGradient on plain arrays: x = 1…4 (2×2), dy = 1 (1×1), k 2×2 → x itself", () => {
    const out = conv2dFilterGradient(
      [1, 2, 3, 4],
      [1, 2, 2, 1],
      [1],
      [1, 1, 1, 1],
      [2, 2, 1, 1],
      [1, 1],
      {
        top: 0,
        left: 0,
      },
    );
    expect(Array.from(out)).toEqual([1, 2, 3, 4]);
  });

  it("install is idempotent and uninstall restores the stock kernel", () => {
    const fast = tf.getKernel("Conv2DBackpropFilter", "cpu");
    expect(installFastCpuConvFilterGradient()).toBe(true);
    expect(tf.getKernel("Conv2DBackpropFilter", "cpu")).toBe(fast);
    uninstallFastCpuConvFilterGradient();
    expect(tf.getKernel("Conv2DBackpropFilter", "cpu")).not.toBe(fast);
    installFastCpuConvFilterGradient();
  });
});
