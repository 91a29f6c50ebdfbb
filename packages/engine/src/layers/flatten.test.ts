import * as tf from "@tensorflow/tfjs-core";
import { describe, expect, it } from "vitest";
import { expectAllClose, expectNoLeaks, seededArray } from "../../../../test/helpers.js";
import { explainContext } from "../../../../test/layer-harness.js";
import { InputError, SpecError } from "../errors.js";
import type { FlattenSpec } from "../spec/types.js";
import { flatten } from "./flatten.js";
import type { ElementwiseExplanation } from "./layer.js";

const spec: FlattenSpec = { name: "flat", kind: "flatten" };

describe("flatten", () => {
  it("flatten x=[2,2,3,4] → [2,24] in NHWC order: unit (y·3 + x)·4 + c holds (y, x, c)", async () => {
    await expectNoLeaks(async () => {
      const [b, h, w, c] = [2, 2, 3, 4];
      // value = 1000·batch + 100·y + 10·x + c, so every unit says where it came from.
      const data = new Float32Array(b * h * w * c);
      for (let n = 0; n < b; n++)
        for (let y = 0; y < h; y++)
          for (let x = 0; x < w; x++)
            for (let k = 0; k < c; k++)
              data[((n * h + y) * w + x) * c + k] = 1000 * n + 100 * y + 10 * x + k;
      const input = tf.tensor4d(data, [b, h, w, c]);
      const out = flatten.forward(spec, input, {}, { training: false });
      expect(out.shape).toEqual([2, 24]);
      const expected: number[] = [];
      for (let n = 0; n < b; n++)
        for (let u = 0; u < h * w * c; u++) {
          const k = u % c;
          const x = Math.floor(u / c) % w;
          const y = Math.floor(u / (c * w));
          expected.push(1000 * n + 100 * y + 10 * x + k);
        }
      expectAllClose(await out.data(), expected, { rtol: 0, atol: 0 });
      tf.dispose([input, out]);
    });
  });

  it("flatten AlexNet 6×6×256 → [9216]; a vector [84] stays [84]", () => {
    expect(flatten.outputShape(spec, [6, 6, 256])).toEqual([9216]);
    expect(flatten.outputShape(spec, [84])).toEqual([84]);
    expect(flatten.params(spec, [6, 6, 256])).toEqual([]);
    expect(flatten.counts(spec, [6, 6, 256])).toEqual({
      trainable: 0,
      nonTrainable: 0,
      connections: 0,
      macs: 0,
    });
  });

  it("flatten window is the whole input map (6×6 for [6,6,256])", () => {
    expect(flatten.window(spec, [6, 6, 256], 0, 0)).toEqual({ y0: 0, x0: 0, y1: 6, x1: 6 });
  });

  it("flatten explain() unit 17 of [2,3,4] → input (y 1, x 1, c 1) since (1·3 + 1)·4 + 1 = 17", () => {
    const data = Float32Array.from({ length: 24 }, (_, i) => i / 10);
    const e = flatten.explain(spec, explainContext(data, [2, 3, 4], [24]), {
      channel: 17,
      y: 0,
      x: 0,
    }) as ElementwiseExplanation;
    expect(e.inputs).toEqual([{ channel: 1, y: 1, x: 1, value: data[17], padded: false }]);
    expect(e.output).toBe(data[17]);
    expect(e.terms).toMatchObject({ unit: 17, y: 1, x: 1, c: 1 });
  });

  it("flatten explain() equals the tfjs forward output at random units", async () => {
    await expectNoLeaks(async () => {
      const shape = [3, 5, 4];
      const data = seededArray(60, 17);
      const x = tf.tensor4d(data, [1, 3, 5, 4]);
      const y = flatten.forward(spec, x, {}, { training: false });
      const out = await y.data();
      tf.dispose([x, y]);
      const picks = seededArray(10, 3, 0, 60);
      for (const p of picks) {
        const unit = Math.floor(p);
        const e = flatten.explain(spec, explainContext(data, shape, [60]), {
          channel: unit,
          y: 0,
          x: 0,
        }) as ElementwiseExplanation;
        expect(e.output).toBe(out[unit]);
        const cell = e.inputs[0];
        expect((cell.y * 5 + cell.x) * 4 + cell.channel).toBe(unit);
      }
    });
  });

  it("flatten explain() unit 24 of 24 → InputError", () => {
    const ctx = explainContext(new Float32Array(24), [2, 3, 4], [24]);
    expect(() => flatten.explain(spec, ctx, { channel: 24, y: 0, x: 0 })).toThrow(InputError);
  });

  it("flatten of input [4, 4] → SpecError naming the layer and the shape", () => {
    expect(() => flatten.validate(spec, [4, 4])).toThrow(SpecError);
    expect(() => flatten.validate(spec, [4, 4])).toThrow(/layer "flat".*got shape \[4, 4\]/);
  });
});
