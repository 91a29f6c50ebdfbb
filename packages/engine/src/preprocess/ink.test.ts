import { describe, expect, it } from "vitest";
import { expectAllClose } from "../../../../test/helpers.js";
import { InputError } from "../errors.js";
import { borderMedian, centreOfMass, cropPixels, inkBox, toInk } from "./ink.js";

describe("ink", () => {
  it("borderMedian of a 3×3 image reads the 8 border pixels, not the centre", () => {
    // border: 1, 2, 3, 4, 6, 7, 8, 9 → median (4 + 6)/2 = 5; centre 100 ignored
    expect(borderMedian({ width: 3, height: 3, data: [1, 2, 3, 4, 100, 6, 7, 8, 9] })).toBe(5);
  });

  it("toInk auto, dark ink (0.2) on light paper (1) → inverted, ink 1, paper 0", () => {
    const ink = toInk({ width: 3, height: 3, data: [1, 1, 1, 1, 0.2, 0.6, 1, 1, 1] });
    expect(ink.inverted).toBe(true);
    expect(ink.background).toBe(1);
    // (1 − v)/(1 − 0.2): 0.2 → 1, 0.6 → 0.5
    expectAllClose(ink.data, [0, 0, 0, 0, 1, 0.5, 0, 0, 0]);
  });

  it("toInk auto, light ink (0.8) on grey (0.1) → not inverted, (v − 0.1)/0.7", () => {
    const ink = toInk({
      width: 3,
      height: 3,
      data: [0.1, 0.1, 0.1, 0.1, 0.8, 0.45, 0.1, 0.1, 0.1],
    });
    expect(ink.inverted).toBe(false);
    expectAllClose(ink.data, [0, 0, 0, 0, 1, 0.5, 0, 0, 0]);
  });

  it("toInk with an explicit polarity overrides the border: dark-on-light on a dark image", () => {
    const ink = toInk({ width: 3, height: 1, data: [0.2, 0, 0.2] }, "dark-on-light");
    expect(ink.inverted).toBe(true);
    expectAllClose(ink.data, [0, 1, 0]);
  });

  it("toInk of a blank image → InputError", () => {
    expect(() => toInk({ width: 2, height: 2, data: [1, 1, 1, 1] })).toThrow(InputError);
    expect(() => toInk({ width: 2, height: 2, data: [1, 1, 1, 1] })).toThrow(/blank 2×2 image/);
  });

  it("inkBox of a 5×4 image with ink at (1,1) and (3,2) → x 1…3, y 1…2 (half-open)", () => {
    const data = new Array(20).fill(0);
    data[1 * 5 + 1] = 0.5;
    data[2 * 5 + 3] = 0.9;
    data[3 * 5 + 4] = 0.05; // below the threshold
    expect(inkBox(data, 5, 4, 0.1)).toEqual({ x0: 1, y0: 1, x1: 4, y1: 3 });
    expect(inkBox(new Array(20).fill(0), 5, 4, 0.1)).toBeNull();
  });

  it("cropPixels copies the box row by row", () => {
    const data = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
    expect(Array.from(cropPixels(data, 4, { x0: 1, y0: 1, x1: 3, y1: 3 }))).toEqual([5, 6, 9, 10]);
  });

  it("centreOfMass: weights 1 at (0,0) and 3 at (2,1) → (1.5, 0.75)", () => {
    const data = [1, 0, 0, 0, 0, 3];
    expect(centreOfMass(data, 3, 2)).toEqual({ x: (0 + 3 * 2) / 4, y: (0 + 3 * 1) / 4 });
    expect(() => centreOfMass([0, 0], 2, 1)).toThrow(InputError);
  });
});
