// The sweep's pure helpers, against hand-made arrays.
import { describe, expect, it } from "vitest";
import {
  bankLayout,
  bankTile,
  bankTileAt,
  channelExtent,
  columnAt,
  kernelRgba,
  pictureRgba,
  sweepCell,
  sweepIndex,
} from "./sweep.js";

describe("sweep helpers", () => {
  it("row-major cells of a 55-wide map: 0 → (0, 0), 170 → (3, 5), and back", () => {
    expect(sweepCell(0, 55)).toEqual({ y: 0, x: 0 });
    expect(sweepCell(170, 55)).toEqual({ y: 3, x: 5 });
    expect(sweepIndex({ y: 3, x: 5 }, 55)).toBe(170);
    expect(sweepCell(-4, 55)).toEqual({ y: 0, x: 0 });
  });

  it("pictureRgba adds the offset, scales and clamps: −123.68 + 123.68 → 0, 0.5·255 → 127.5 → 128", () => {
    const mean = pictureRgba([-123.68, 200, -300], [1, 1, 3], { offset: [123.68, 0, 0], scale: 1 });
    expect(Array.from(mean)).toEqual([0, 200, 0, 255]);
    const unit = pictureRgba([0.5, 1, 2], [1, 1, 3], { offset: [0, 0, 0], scale: 255 });
    expect(Array.from(unit)).toEqual([128, 255, 255, 255]);
  });

  it("kernelRgba: 0 is mid-grey, the largest |w| full contrast, per filter of [kh, kw, in, out]", () => {
    // 1×1 kernel, 3 inputs, 2 filters: filter 1 has weights (2, −2, 0).
    const k = [9, 2, 9, -2, 9, 0];
    expect(Array.from(kernelRgba(k, [1, 1, 3, 2], 1))).toEqual([255, 0, 128, 255]);
  });

  it("columnAt and channelExtent read an HWC activation", () => {
    // 1×2×3: pixel 0 = (1, 2, 3), pixel 1 = (4, −5, 6).
    const data = [1, 2, 3, 4, -5, 6];
    expect(Array.from(columnAt(data, [1, 2, 3], { y: 0, x: 1 }))).toEqual([4, -5, 6]);
    expect(channelExtent(data, [1, 2, 3], 1)).toEqual([-5, 2]);
  });

  it("bank layout: 96 tiles, 8 a row, two groups of 48 (6 rows each) with a gap between the GPUs", () => {
    const layout = bankLayout(96, 8, 48, 19, 3, 16);
    expect(layout.width).toBe(8 * 19 + 7 * 3);
    const groupHeight = 6 * 19 + 5 * 3;
    expect(layout.height).toBe(2 * groupHeight + 16);
    expect(bankTile(layout, 9)).toEqual({ x: 22, y: 22, size: 19 });
    expect(bankTile(layout, 48)).toEqual({ x: 0, y: groupHeight + 16, size: 19 });
    expect(bankTileAt(layout, 30, 30)).toBe(9);
    expect(bankTileAt(layout, 5, groupHeight + 20)).toBe(48);
    expect(bankTileAt(layout, 5, groupHeight + 8)).toBe(-1);
  });
});
