import * as tf from "@tensorflow/tfjs-core";
import { describe, expect, it } from "vitest";
import { expectNoLeaks } from "../../../../test/helpers.js";
import { WeightDownloads } from "./explain.js";

describe("WeightDownloads", () => {
  it("a slice [0, 2] + [3, 1] of a 3×4 kernel holds column 2 only (by hand: 2, 6, 10), and is cached", async () => {
    await expectNoLeaks(() => {
      const kernel = tf.tensor2d([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], [3, 4]);
      const downloads = new WeightDownloads();
      const slice = { begin: [0, 2], size: [3, 1] };
      const column = downloads.get("fc/kernel", kernel, slice);
      expect([...column.data]).toEqual([2, 6, 10]);
      expect(column.shape).toEqual([3, 1]);
      expect(column.begin).toEqual([0, 2]);
      expect(downloads.get("fc/kernel", kernel, slice)).toBe(column);
      const all = downloads.get("fc/kernel", kernel);
      expect(all.data.length).toBe(12);
      expect(all.begin).toBeUndefined();
      kernel.dispose();
    });
  });

  it("keeps the last 16 slices of a tensor: the 17th drops the first, which is downloaded again", () => {
    const kernel = tf.tensor2d(
      Array.from({ length: 40 }, (_, i) => i),
      [2, 20],
    );
    const downloads = new WeightDownloads();
    const col = (u: number) => downloads.get("fc/kernel", kernel, { begin: [0, u], size: [2, 1] });
    const first = col(0);
    for (let u = 1; u <= 16; u++) col(u);
    expect(col(16)).toBe(col(16));
    const again = col(0);
    expect(again).not.toBe(first);
    expect([...again.data]).toEqual([0, 20]);
    kernel.dispose();
  });

  it("a disposed tensor → WeightsError naming it", () => {
    const kernel = tf.tensor2d([1, 2], [1, 2]);
    kernel.dispose();
    expect(() =>
      new WeightDownloads().get("fc6/kernel", kernel, { begin: [0, 0], size: [1, 1] }),
    ).toThrow(/fc6\/kernel.*disposed/);
  });
});
