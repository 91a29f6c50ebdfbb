import * as tf from "@tensorflow/tfjs-core";
import { describe, expect, it } from "vitest";
import { expectAllClose, expectNoLeaks, seededArray } from "../../../../test/helpers.js";
import { explainContext, randomNeurons } from "../../../../test/layer-harness.js";
import { InputError, SpecError } from "../errors.js";
import type { ZeroPaddingSpec } from "../spec/types.js";
import type { ElementwiseExplanation } from "./layer.js";
import { zeroPadding2d } from "./zero-padding2d.js";

const spec = (padding: ZeroPaddingSpec["padding"]): ZeroPaddingSpec => ({
  name: "pad",
  kind: "zero-padding2d",
  padding,
});

/** Plain-JS zero padding of one [h, w, c] map. */
function padReference(
  data: Float32Array,
  [h, w, c]: number[],
  [top, bottom, left, right]: number[],
): Float32Array {
  const oh = h + top + bottom;
  const ow = w + left + right;
  const out = new Float32Array(oh * ow * c);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++)
      for (let k = 0; k < c; k++)
        out[((y + top) * ow + (x + left)) * c + k] = data[(y * w + x) * c + k];
  return out;
}

describe("zero-padding2d", () => {
  it("LeNet-Keras ZeroPadding2D(2): 28×28×1 → 32×32×1", () => {
    expect(zeroPadding2d.outputShape(spec(2), [28, 28, 1])).toEqual([32, 32, 1]);
  });

  it("padding [1, 2] (vertical, horizontal): 3×3×2 → 5×7×2; [1, 0, 2, 3] → 4×8×2", () => {
    expect(zeroPadding2d.outputShape(spec([1, 2]), [3, 3, 2])).toEqual([5, 7, 2]);
    expect(zeroPadding2d.outputShape(spec([1, 0, 2, 3]), [3, 3, 2])).toEqual([4, 8, 2]);
  });

  it("pad=2 x=[1,28,28,1] → [1,32,32,1]: border zeros, interior shifted by (2, 2)", async () => {
    await expectNoLeaks(async () => {
      const data = seededArray(28 * 28, 5, 0.1, 1);
      const x = tf.tensor4d(data, [1, 28, 28, 1]);
      const y = zeroPadding2d.forward(spec(2), x, {}, { training: false });
      expect(y.shape).toEqual([1, 32, 32, 1]);
      expectAllClose(await y.data(), padReference(data, [28, 28, 1], [2, 2, 2, 2]), {
        rtol: 0,
        atol: 0,
      });
      tf.dispose([x, y]);
    });
  });

  it("pad=[1, 0, 2, 3] x=[2,2,3,2] matches the plain-JS padding per batch item", async () => {
    await expectNoLeaks(async () => {
      const data = seededArray(2 * 2 * 3 * 2, 8);
      const x = tf.tensor4d(data, [2, 2, 3, 2]);
      const y = zeroPadding2d.forward(spec([1, 0, 2, 3]), x, {}, { training: false });
      expect(y.shape).toEqual([2, 3, 8, 2]);
      const expected = [
        ...padReference(data.slice(0, 12), [2, 3, 2], [1, 0, 2, 3]),
        ...padReference(data.slice(12), [2, 3, 2], [1, 0, 2, 3]),
      ];
      expectAllClose(await y.data(), expected, { rtol: 0, atol: 0 });
      tf.dispose([x, y]);
    });
  });

  it("no params, zero counts; window of output (5, 7) with pad 2 is input (3, 5)", () => {
    expect(zeroPadding2d.params(spec(2), [28, 28, 1])).toEqual([]);
    expect(zeroPadding2d.counts(spec(2), [28, 28, 1])).toEqual({
      trainable: 0,
      nonTrainable: 0,
      connections: 0,
      macs: 0,
    });
    expect(zeroPadding2d.window(spec(2), [28, 28, 1], 5, 7)).toEqual({
      y0: 3,
      x0: 5,
      y1: 4,
      x1: 6,
    });
    expect(zeroPadding2d.window(spec(2), [28, 28, 1], 0, 1)).toEqual({
      y0: -2,
      x0: -1,
      y1: -1,
      x1: 0,
    });
  });

  it("explain() output (0, 1) with pad 2 → padding → 0; (4, 3) → input (2, 1)", () => {
    const data = Float32Array.from({ length: 16 }, (_, i) => i + 1);
    const ctx = explainContext(data, [4, 4, 1], [8, 8, 1]);
    const pad = zeroPadding2d.explain(spec(2), ctx, {
      channel: 0,
      y: 0,
      x: 1,
    }) as ElementwiseExplanation;
    expect(pad.formula).toBe("padding → 0");
    expect(pad.output).toBe(0);
    expect(pad.inputs).toEqual([{ channel: 0, y: -2, x: -1, value: 0, padded: true }]);
    const inside = zeroPadding2d.explain(spec(2), ctx, {
      channel: 0,
      y: 4,
      x: 3,
    }) as ElementwiseExplanation;
    expect(inside.inputs).toEqual([
      { channel: 0, y: 2, x: 1, value: 2 * 4 + 1 + 1, padded: false },
    ]);
    expect(inside.output).toBe(10);
  });

  it("explain() equals the tfjs forward output at random positions", async () => {
    await expectNoLeaks(async () => {
      const [h, w, c] = [4, 3, 2];
      const p = [1, 2, 3, 0];
      const data = seededArray(h * w * c, 12);
      const x = tf.tensor4d(data, [1, h, w, c]);
      const y = zeroPadding2d.forward(
        spec(p as [number, number, number, number]),
        x,
        {},
        {
          training: false,
        },
      );
      const [, oh, ow] = y.shape;
      const out = await y.data();
      tf.dispose([x, y]);
      for (const at of randomNeurons(10, 2, [oh, ow, c])) {
        const e = zeroPadding2d.explain(
          spec(p as [number, number, number, number]),
          explainContext(data, [h, w, c], [oh, ow, c]),
          at,
        ) as ElementwiseExplanation;
        expect(e.output).toBe(out[(at.y * ow + at.x) * c + at.channel]);
      }
    });
  });

  it("explain() outside the output → InputError", () => {
    const ctx = explainContext(new Float32Array(4), [2, 2, 1], [4, 4, 1]);
    expect(() => zeroPadding2d.explain(spec(1), ctx, { channel: 0, y: 4, x: 0 })).toThrow(
      InputError,
    );
  });

  it.each([[-1], [1.5], [[1, 2, 3]], ["same"]])(
    "padding %j → SpecError naming layer and attribute",
    (padding) => {
      const bad = spec(padding as ZeroPaddingSpec["padding"]);
      expect(() => zeroPadding2d.validate(bad, [4, 4, 1])).toThrow(SpecError);
      expect(() => zeroPadding2d.validate(bad, [4, 4, 1])).toThrow(
        /layer "pad", attribute "padding": expected a non-negative integer/,
      );
    },
  );

  it("input vector [84] → SpecError: expects a feature map", () => {
    expect(() => zeroPadding2d.validate(spec(2), [84])).toThrow(/layer "pad".*feature map.*\[84\]/);
  });
});
