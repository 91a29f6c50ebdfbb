import { describe, expect, it } from "vitest";
import { expectAllClose } from "../../../../test/helpers.js";
import { InputError } from "../errors.js";
import type { GreyImage } from "./grey-image.js";
import { mnistStyle, mnistStyleSteps } from "./mnist-style.js";

/** A w×h image of `background` with the cells listed set to `ink`. */
function image(
  w: number,
  h: number,
  background: number,
  ink: number,
  cells: [number, number][],
): GreyImage {
  const data = new Float32Array(w * h).fill(background);
  for (const [x, y] of cells) data[y * w + x] = ink;
  return { width: w, height: h, data };
}

/** Every cell of the rectangle x0 ≤ x < x1, y0 ≤ y < y1. */
function rect(x0: number, y0: number, x1: number, y1: number): [number, number][] {
  const out: [number, number][] = [];
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) out.push([x, y]);
  return out;
}

/**
 * A synthetic "7"-like digit drawn with anti-aliased strokes on a `size`-pixel square canvas:
 * a top bar and a slanted stem, each a thick line; values are the fraction of each pixel within
 * `width` of the stroke (4×4 supersampling). Light ink on dark, in [0, 1].
 */
function drawSeven(size: number, x0: number, y0: number, scale: number): Float32Array {
  const segments = [
    [0, 0, 10, 0],
    [10, 0, 4, 16],
  ].map((s) => s.map((v, i) => (i % 2 === 0 ? x0 : y0) + v * scale));
  const half = 1.2 * scale;
  const out = new Float32Array(size * size);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let hits = 0;
      for (let sy = 0; sy < 4; sy++) {
        for (let sx = 0; sx < 4; sx++) {
          const px = x + (sx + 0.5) / 4;
          const py = y + (sy + 0.5) / 4;
          const near = segments.some(([ax, ay, bx, by]) => {
            const dx = bx - ax;
            const dy = by - ay;
            const t = Math.max(
              0,
              Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)),
            );
            return Math.hypot(px - ax - t * dx, py - ay - t * dy) <= half;
          });
          if (near) hits++;
        }
      }
      out[y * size + x] = hits / 16;
    }
  }
  return out;
}

/** Centre of mass and ink box of a 28×28 result, computed here (not with the code under test). */
function measure(digit: Float32Array): { cx: number; cy: number; w: number; h: number } {
  let m = 0;
  let mx = 0;
  let my = 0;
  let x0 = 28;
  let x1 = -1;
  let y0 = 28;
  let y1 = -1;
  for (let y = 0; y < 28; y++) {
    for (let x = 0; x < 28; x++) {
      const v = digit[y * 28 + x];
      m += v;
      mx += v * x;
      my += v * y;
      if (v > 0.1) {
        x0 = Math.min(x0, x);
        x1 = Math.max(x1, x);
        y0 = Math.min(y0, y);
        y1 = Math.max(y1, y);
      }
    }
  }
  return { cx: mx / m, cy: my / m, w: x1 - x0 + 1, h: y1 - y0 + 1 };
}

function meanAbsDiff(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += Math.abs(a[i] - b[i]);
  return s / a.length;
}

describe("mnistStyle", () => {
  it("a 2×4 ink bar on white 10×10 → inverted, scaled to 10×20 ones, centre of mass (14, 14) ± ½", () => {
    const steps = mnistStyleSteps(image(10, 10, 1, 0, rect(3, 2, 5, 6)));
    expect(steps.inverted).toBe(true);
    expect(steps.crop).toEqual({ x0: 3, y0: 2, x1: 5, y1: 6 });
    // Longer side 4 → 20: scale 5, so 2×4 → 10×20; a constant bar stays 1 under bilinear growth.
    expect([steps.scaledWidth, steps.scaledHeight]).toEqual([10, 20]);
    // Centre of mass of the 10×20 block: (4.5, 9.5) → offsets round(14 − 4.5) = 10, round(4.5) = 5.
    expect([steps.offsetX, steps.offsetY]).toEqual([10, 5]);
    const expected = new Float32Array(784);
    for (let y = 5; y < 25; y++) for (let x = 10; x < 20; x++) expected[y * 28 + x] = 1;
    expectAllClose(steps.digit, expected);
  });

  it("light ink on black works the same (no inversion)", () => {
    const dark = mnistStyleSteps(image(10, 10, 0, 1, rect(3, 2, 5, 6)));
    const light = mnistStyleSteps(image(10, 10, 1, 0, rect(3, 2, 5, 6)));
    expect(dark.inverted).toBe(false);
    expectAllClose(dark.digit, light.digit);
  });

  it("a 100×50 wide block → 20×10 (aspect ratio kept) by area averaging", () => {
    const steps = mnistStyleSteps(image(140, 80, 0, 1, rect(20, 10, 120, 60)));
    expect([steps.scaledWidth, steps.scaledHeight]).toEqual([20, 10]);
    const m = measure(steps.digit);
    expect([m.w, m.h]).toEqual([20, 10]);
    expect(Math.abs(m.cx - 14)).toBeLessThanOrEqual(0.5);
    expect(Math.abs(m.cy - 14)).toBeLessThanOrEqual(0.5);
  });

  it("a drawn 7: its box fits 20×20 with the longer side 20, centre of mass at (14, 14) ± ½", () => {
    const digit = mnistStyle({ width: 120, height: 120, data: drawSeven(120, 30, 20, 4) });
    const m = measure(digit);
    expect(Math.max(m.w, m.h)).toBeGreaterThanOrEqual(19);
    expect(Math.max(m.w, m.h)).toBeLessThanOrEqual(20);
    expect(Math.abs(m.cx - 14)).toBeLessThanOrEqual(0.5);
    expect(Math.abs(m.cy - 14)).toBeLessThanOrEqual(0.5);
  });

  it("the same 7 shifted, at a third of the size, or inverted → nearly the same 28×28 digit", () => {
    const reference = mnistStyle({ width: 120, height: 120, data: drawSeven(120, 30, 20, 4) });
    const shifted = mnistStyle({ width: 120, height: 120, data: drawSeven(120, 60, 45, 4) });
    const small = mnistStyle({ width: 60, height: 60, data: drawSeven(60, 5, 30, 4 / 3) });
    const ink = drawSeven(120, 30, 20, 4);
    const inverted = mnistStyle({ width: 120, height: 120, data: ink.map((v) => 1 - v) });
    // Shifting moves nothing once centred; inverting is exact; a smaller drawing differs only by
    // its anti-aliasing (measured mean difference ≈ 0.02 on a 0–1 scale).
    expect(meanAbsDiff(shifted, reference)).toBeLessThan(1e-6);
    expect(meanAbsDiff(inverted, reference)).toBeLessThan(1e-6);
    expect(meanAbsDiff(small, reference)).toBeLessThan(0.05);
  });

  it("a digit already MNIST-style comes back nearly unchanged", () => {
    const reference = mnistStyle({ width: 120, height: 120, data: drawSeven(120, 30, 20, 4) });
    const again = mnistStyle({ width: 28, height: 28, data: reference });
    expect(meanAbsDiff(again, reference)).toBeLessThan(0.02);
  });

  it("blank image, wrong data length or NaN → InputError", () => {
    expect(() => mnistStyle(image(8, 8, 1, 1, []))).toThrow(InputError);
    expect(() => mnistStyle({ width: 8, height: 8, data: new Float32Array(10) })).toThrow(
      /expected 8·8 = 64 values, got 10/,
    );
    const nan = new Float32Array(64);
    nan[9] = NaN;
    expect(() => mnistStyle({ width: 8, height: 8, data: nan })).toThrow(/got NaN at \(1, 1\)/);
  });
});
