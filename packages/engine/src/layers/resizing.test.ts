import * as tf from "@tensorflow/tfjs-core";
import { describe, expect, it } from "vitest";
import { expectAllClose, expectNoLeaks, seededArray } from "../../../../test/helpers.js";
import { explainContext, randomNeurons } from "../../../../test/layer-harness.js";
import { InputError, SpecError } from "../errors.js";
import type { ResizingSpec } from "../spec/types.js";
import type { ElementwiseExplanation } from "./layer.js";
import { resizing } from "./resizing.js";

const spec = (
  height: number,
  width: number,
  interpolation?: ResizingSpec["interpolation"],
): ResizingSpec => ({ name: "resize", kind: "resizing", height, width, interpolation });

/** Plain-JS bilinear value at output (oy, ox, k), half-pixel centres, sources clamped to the map. */
function bilinearAt(
  data: Float32Array,
  [h, w, c]: number[],
  [oh, ow]: number[],
  oy: number,
  ox: number,
  k: number,
): number {
  const clamp = (v: number, hi: number) => Math.min(Math.max(v, 0), hi);
  const sy = clamp(((oy + 0.5) * h) / oh - 0.5, h - 1);
  const sx = clamp(((ox + 0.5) * w) / ow - 0.5, w - 1);
  const y0 = Math.floor(sy);
  const x0 = Math.floor(sx);
  const y1 = Math.min(y0 + 1, h - 1);
  const x1 = Math.min(x0 + 1, w - 1);
  const fy = sy - y0;
  const fx = sx - x0;
  const at = (y: number, x: number) => data[(y * w + x) * c + k];
  return (
    (1 - fy) * (1 - fx) * at(y0, x0) +
    (1 - fy) * fx * at(y0, x1) +
    fy * (1 - fx) * at(y1, x0) +
    fy * fx * at(y1, x1)
  );
}

/** Plain-JS nearest neighbour, half-pixel centres: floor((dst + 0.5)·in/out), clamped. */
function nearestAt(
  data: Float32Array,
  [h, w, c]: number[],
  [oh, ow]: number[],
  oy: number,
  ox: number,
  k: number,
): number {
  const sy = Math.min(Math.floor(((oy + 0.5) * h) / oh), h - 1);
  const sx = Math.min(Math.floor(((ox + 0.5) * w) / ow), w - 1);
  return data[(sy * w + sx) * c + k];
}

describe("resizing", () => {
  it("bilinear 2×2 → 4×4 of f = 8y + 4x: sources (0, 0.25, 0.75, 1) per axis, by hand", async () => {
    await expectNoLeaks(async () => {
      const x = tf.tensor4d([0, 4, 8, 12], [1, 2, 2, 1]);
      const y = resizing.forward(spec(4, 4), x, {}, { training: false });
      expect(y.shape).toEqual([1, 4, 4, 1]);
      const s = [0, 0.25, 0.75, 1];
      const expected = s.flatMap((sy) => s.map((sx) => 8 * sy + 4 * sx));
      expectAllClose(await y.data(), expected);
      tf.dispose([x, y]);
    });
  });

  it("bilinear 4×4×2 → 7×7×2 matches the plain-JS half-pixel reference everywhere", async () => {
    await expectNoLeaks(async () => {
      const data = seededArray(4 * 4 * 2, 3, -2, 2);
      const x = tf.tensor4d(data, [1, 4, 4, 2]);
      const y = resizing.forward(spec(7, 7), x, {}, { training: false });
      expect(y.shape).toEqual([1, 7, 7, 2]);
      const expected: number[] = [];
      for (let oy = 0; oy < 7; oy++)
        for (let ox = 0; ox < 7; ox++)
          for (let k = 0; k < 2; k++) expected.push(bilinearAt(data, [4, 4, 2], [7, 7], oy, ox, k));
      expectAllClose(await y.data(), expected, { rtol: 1e-5, atol: 1e-6 });
      tf.dispose([x, y]);
    });
  });

  it("Keras AlexNet Resizing(224, 224): 32×32×3 → 224×224×3, cells match the reference", async () => {
    expect(resizing.outputShape(spec(224, 224), [32, 32, 3])).toEqual([224, 224, 3]);
    await expectNoLeaks(async () => {
      const data = seededArray(32 * 32 * 3, 4, 0, 1);
      const x = tf.tensor4d(data, [1, 32, 32, 3]);
      const y = resizing.forward(spec(224, 224), x, {}, { training: false });
      expect(y.shape).toEqual([1, 224, 224, 3]);
      const out = await y.data();
      tf.dispose([x, y]);
      const cells = [
        [0, 0, 0],
        [3, 4, 1],
        [100, 57, 2],
        [111, 112, 0],
        [223, 223, 2],
        [223, 0, 1],
      ];
      for (const [oy, ox, k] of cells) {
        expectAllClose(
          [out[(oy * 224 + ox) * 3 + k]],
          [bilinearAt(data, [32, 32, 3], [224, 224], oy, ox, k)],
        );
      }
    });
  });

  it("nearest 3×5×1 → 7×4×1 matches floor((dst + 0.5)·in/out)", async () => {
    await expectNoLeaks(async () => {
      const data = seededArray(15, 6);
      const x = tf.tensor4d(data, [1, 3, 5, 1]);
      const y = resizing.forward(spec(7, 4, "nearest"), x, {}, { training: false });
      expect(y.shape).toEqual([1, 7, 4, 1]);
      const expected: number[] = [];
      for (let oy = 0; oy < 7; oy++)
        for (let ox = 0; ox < 4; ox++) expected.push(nearestAt(data, [3, 5, 1], [7, 4], oy, ox, 0));
      expectAllClose(await y.data(), expected, { rtol: 0, atol: 0 });
      tf.dispose([x, y]);
    });
  });

  it("no params, zero counts", () => {
    expect(resizing.params(spec(224, 224), [32, 32, 3])).toEqual([]);
    expect(resizing.counts(spec(224, 224), [32, 32, 3])).toEqual({
      trainable: 0,
      nonTrainable: 0,
      connections: 0,
      macs: 0,
    });
  });

  it("bilinear 4×4 → 7×7 output (3, 1): taps rows 1–2, columns 0–1 (src y 1.5, src x ≈ 0.357)", () => {
    // src y = 3.5·4/7 − 0.5 = 1.5; src x = 1.5·4/7 − 0.5 = 0.357…
    expect(resizing.window(spec(7, 7), [4, 4, 1], 3, 1)).toEqual({ y0: 1, x0: 0, y1: 3, x1: 2 });
    // Output (0, 0): src = −0.21 → clamped to 0: a single tap.
    expect(resizing.window(spec(7, 7), [4, 4, 1], 0, 0)).toEqual({ y0: 0, x0: 0, y1: 1, x1: 1 });
  });

  it("bilinear explain() at (1, 1) of 2×2 → 4×4: taps weights 9/16, 3/16, 3/16, 1/16", () => {
    const data = new Float32Array([0, 4, 8, 12]);
    const e = resizing.explain(spec(4, 4), explainContext(data, [2, 2, 1], [4, 4, 1]), {
      channel: 0,
      y: 1,
      x: 1,
    }) as ElementwiseExplanation;
    expect(e.inputs.map((i) => [i.y, i.x, i.value])).toEqual([
      [0, 0, 0],
      [0, 1, 4],
      [1, 0, 8],
      [1, 1, 12],
    ]);
    expect(e.terms["w(0,0)"]).toBeCloseTo(9 / 16, 12);
    expect(e.terms["w(0,1)"]).toBeCloseTo(3 / 16, 12);
    expect(e.terms["w(1,0)"]).toBeCloseTo(3 / 16, 12);
    expect(e.terms["w(1,1)"]).toBeCloseTo(1 / 16, 12);
    expect(e.output).toBeCloseTo(3, 12);
    expect(e.formula).toBe(
      "bilinear: 0.5625·a(0,0) + 0.1875·a(0,1) + 0.1875·a(1,0) + 0.0625·a(1,1)",
    );
  });

  it("bilinear explain() at a corner merges clamped taps into one of weight 1", () => {
    const data = new Float32Array([0, 4, 8, 12]);
    const e = resizing.explain(spec(4, 4), explainContext(data, [2, 2, 1], [4, 4, 1]), {
      channel: 0,
      y: 3,
      x: 0,
    }) as ElementwiseExplanation;
    expect(e.inputs).toEqual([{ channel: 0, y: 1, x: 0, value: 8, padded: false }]);
    expect(e.terms["w(1,0)"]).toBe(1);
    expect(e.output).toBe(8);
  });

  it.each([
    ["bilinear", 5, 6, 9, 7],
    ["nearest", 5, 6, 9, 7],
    ["bilinear", 32, 32, 224, 224],
    ["bilinear", 6, 4, 3, 2],
  ] as const)(
    "%s explain() %i×%i → %i×%i equals the tfjs forward output at random positions",
    async (mode, h, w, oh, ow) => {
      await expectNoLeaks(async () => {
        const c = 3;
        const s = spec(oh, ow, mode);
        const data = seededArray(h * w * c, oh + ow, -1, 1);
        const x = tf.tensor4d(data, [1, h, w, c]);
        const y = resizing.forward(s, x, {}, { training: false });
        const out = await y.data();
        tf.dispose([x, y]);
        for (const at of randomNeurons(12, h * w, [oh, ow, c])) {
          const e = resizing.explain(
            s,
            explainContext(data, [h, w, c], [oh, ow, c]),
            at,
          ) as ElementwiseExplanation;
          expectAllClose([e.output], [out[(at.y * ow + at.x) * c + at.channel]], {
            rtol: 1e-5,
            atol: 1e-6,
          });
          // Every tap lies inside the window, and the window is the taps' bounding box.
          const win = resizing.window(s, [h, w, c], at.y, at.x);
          expect(win).toEqual({
            y0: Math.min(...e.inputs.map((t) => t.y)),
            x0: Math.min(...e.inputs.map((t) => t.x)),
            y1: Math.max(...e.inputs.map((t) => t.y)) + 1,
            x1: Math.max(...e.inputs.map((t) => t.x)) + 1,
          });
          if (mode === "bilinear") {
            const weights = Object.entries(e.terms).filter(([k]) => k.startsWith("w("));
            expect(weights.reduce((sum, [, v]) => sum + v, 0)).toBeCloseTo(1, 12);
          }
        }
      });
    },
  );

  it("explain() outside the output → InputError", () => {
    const ctx = explainContext(new Float32Array(4), [2, 2, 1], [4, 4, 1]);
    expect(() => resizing.explain(spec(4, 4), ctx, { channel: 0, y: 0, x: 4 })).toThrow(InputError);
  });

  it.each([
    ["height", { height: 0 }],
    ["width", { width: 2.5 }],
    ["interpolation", { interpolation: "bicubic" }],
  ])("bad %s → SpecError naming layer and attribute", (attribute, patch) => {
    const bad = { ...spec(4, 4), ...patch } as ResizingSpec;
    expect(() => resizing.validate(bad, [2, 2, 1])).toThrow(SpecError);
    expect(() => resizing.validate(bad, [2, 2, 1])).toThrow(
      new RegExp(`layer "resize", attribute "${attribute}": expected`),
    );
  });

  it("input vector [10] → SpecError: expects a feature map", () => {
    expect(() => resizing.validate(spec(4, 4), [10])).toThrow(/layer "resize".*feature map/);
  });
});
