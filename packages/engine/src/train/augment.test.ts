import { describe, expect, it } from "vitest";
import { expectAllClose } from "../../../../test/helpers.js";
import { randomAffine, randomShift } from "./augment.js";

/** A generator that returns the given draws in turn. */
const draws =
  (...values: number[]) =>
  () =>
    values.shift()!;

describe("augment", () => {
  it("randomShift max 1 on a 3×3 sample, draws → dy = +1, dx = −1: rows move down, columns left", () => {
    // randomInt(r, 3) − 1: draw 0.9 → 2 − 1 = +1 (dy); draw 0.1 → 0 − 1 = −1 (dx).
    const batch = Float32Array.of(1, 2, 3, 4, 5, 6, 7, 8, 9);
    randomShift({ maxShift: 1, fill: -0.1 })(batch, 1, [3, 3, 1], draws(0.9, 0.1));
    // out(y, x) = in(y − 1, x + 1), −0.1 outside.
    // prettier-ignore
    expectAllClose(batch, [
      -0.1, -0.1, -0.1,
      2, 3, -0.1,
      5, 6, -0.1,
    ]);
  });

  it("randomShift leaves a sample alone when both shifts are 0, and shifts each sample on its own", () => {
    const batch = Float32Array.of(1, 2, 3, 4);
    // sample 0: draws 0.5, 0.5 → 0, 0; sample 1: 0.99, 0.5 → dy = +1, dx = 0
    randomShift({ maxShift: 1, fill: 0 })(batch, 2, [2, 1, 1], draws(0.5, 0.5, 0.99, 0.5));
    expect(Array.from(batch)).toEqual([1, 2, 0, 3]);
  });

  it("randomAffine with all draws ½ (no rotation, scale 1, no shift) → unchanged", () => {
    const batch = Float32Array.from({ length: 16 }, (_, i) => i / 16);
    const copy = batch.slice();
    randomAffine({ maxRotation: 10, maxScale: 0.1, maxShift: 2, fill: 0 })(
      batch,
      1,
      [4, 4, 1],
      () => 0.5,
    );
    expectAllClose(batch, copy, { atol: 1e-6 });
  });

  it("randomAffine shift of exactly +1 row (draws ½, ½, 1, ½, max shift 1) → rows move down by one", () => {
    const batch = Float32Array.of(1, 2, 3, 4, 5, 6, 7, 8, 9);
    // draws: angle 0, scale 1, ty = (2·1 − 1)·1 = +1, tx = 0
    randomAffine({ maxRotation: 10, maxScale: 0.1, maxShift: 1, fill: -1 })(
      batch,
      1,
      [3, 3, 1],
      draws(0.5, 0.5, 1, 0.5),
    );
    expectAllClose(batch, [-1, -1, -1, 1, 2, 3, 4, 5, 6], { atol: 1e-6 });
  });

  it("randomAffine rotation by 90° (draws 1, ½, ½, ½, max 90°) turns a 3×3 sample a quarter", () => {
    const batch = Float32Array.of(1, 2, 3, 4, 5, 6, 7, 8, 9);
    randomAffine({ maxRotation: 90, maxScale: 0, maxShift: 0, fill: 0 })(
      batch,
      1,
      [3, 3, 1],
      draws(1, 0.5, 0.5, 0.5),
    );
    // out(y, x) = in(sy, sx) with sy = cos·dy − sin·dx + 1, sx = sin·dy + cos·dx + 1, θ = 90°:
    // sy = 1 − dx = 2 − x, sx = dy + 1 = y → out(y, x) = in(2 − x, y).
    expectAllClose(batch, [7, 4, 1, 8, 5, 2, 9, 6, 3], { atol: 1e-5 });
  });

  it("bad options → RangeError", () => {
    expect(() => randomShift({ maxShift: 1.5, fill: 0 })).toThrow(RangeError);
    expect(() => randomAffine({ maxRotation: 0, maxScale: 1, maxShift: 0, fill: 0 })).toThrow(
      RangeError,
    );
  });
});
