import { describe, expect, it } from "vitest";
import { progressMoved, progressView } from "./progress.js";

const at = (loadedBytes: number, totalBytes = 233_298_984, shardsLoaded = 0, shards = 56) => ({
  loadedBytes,
  totalBytes,
  shardsLoaded,
  shards,
});

describe("the weights progress bar's numbers", () => {
  it("37,200,000 of 233,298,984 bytes → 37.2 of 233.3 MB, ⌊15.95⌋ = 15 %", () => {
    expect(progressView(at(37_200_000))).toEqual({
      loadedMb: "37.2",
      totalMb: "233.3",
      percent: 15,
    });
  });

  it("100 % only when every byte is in; an empty manifest counts as done", () => {
    expect(progressView(at(233_298_983)).percent).toBe(99);
    expect(progressView(at(233_298_984)).percent).toBe(100);
    expect(progressView(at(0, 0, 0, 0))).toEqual({ loadedMb: "0.0", totalMb: "0.0", percent: 100 });
  });

  it("moves on the first report, a new thousandth or a finished shard; not on a few more bytes", () => {
    // A thousandth of 233,298,984 bytes is 233,298.984.
    expect(progressMoved(undefined, at(0))).toBe(true);
    expect(progressMoved(at(0), at(233_298))).toBe(false);
    expect(progressMoved(at(0), at(233_299))).toBe(true);
    expect(progressMoved(at(233_299), at(233_299, 233_298_984, 1))).toBe(true);
  });
});
