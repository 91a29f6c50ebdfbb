import { describe, expect, it } from "vitest";
import { expectAllClose } from "../../../../test/helpers.js";
import { InputError } from "../errors.js";
import { resample, resampleArea, resampleBilinear } from "./resample.js";

describe("resample", () => {
  it("area 4×4 → 2×2: each output is the mean of its 2×2 block", () => {
    // prettier-ignore
    const src = [
      1, 3, 0, 0,
      5, 7, 0, 4,
      2, 2, 8, 8,
      2, 2, 8, 0,
    ];
    expectAllClose(resampleArea(src, 4, 4, 2, 2), [4, 1, 2, 6]);
  });

  it("area 3×1 → 2×1: output 0 covers source [0, 1.5) → (a + b/2)/1.5", () => {
    // Output pixel 0 covers x ∈ [0, 1.5): all of pixel 0 and half of pixel 1.
    expectAllClose(resampleArea([3, 6, 9], 3, 1, 2, 1), [(3 + 3) / 1.5, (3 + 9) / 1.5]);
  });

  it("area keeps the total ink × scale²: 6×6 ones → 4×4 ones", () => {
    expectAllClose(resampleArea(new Array(36).fill(1), 6, 6, 4, 4), new Array(16).fill(1));
  });

  it("bilinear 2×1 → 4×1 with half-pixel centres → [0, 0.25, 0.75, 1]", () => {
    // Output centres map to source x = (o + 0.5)/2 − 0.5 = −0.25, 0.25, 0.75, 1.25 → clamped.
    expectAllClose(resampleBilinear([0, 1], 2, 1, 4, 1), [0, 0.25, 0.75, 1]);
  });

  it("bilinear 2×2 → 3×3: the centre is the mean of the four corners", () => {
    const out = resampleBilinear([0, 1, 2, 3], 2, 2, 3, 3);
    // centre: source (0.5, 0.5) → (0 + 1 + 2 + 3)/4
    expect(out[4]).toBeCloseTo(1.5, 6);
    // corners: source (−1/6 → 0, …) clamped to the corner pixels
    expectAllClose([out[0], out[2], out[6], out[8]], [0, 1, 2, 3]);
  });

  it("resample picks area to shrink, bilinear to grow", () => {
    expectAllClose(resample([0, 1], 2, 1, 4, 1), [0, 0.25, 0.75, 1]);
    expectAllClose(resample([0, 1, 1, 0], 4, 1, 2, 1), [0.5, 0.5]);
  });

  it("size 0 or a wrong number of values → InputError", () => {
    expect(() => resampleArea([1, 2], 2, 1, 0, 1)).toThrow(InputError);
    expect(() => resampleBilinear([1, 2, 3], 2, 1, 4, 1)).toThrow(/expected 2·1 = 2 values, got 3/);
  });
});
