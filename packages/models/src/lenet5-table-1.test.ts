import { SpecError } from "@convstep/engine";
import { describe, expect, it } from "vitest";
import { LENET5_TABLE_1, connectionsFromGrid } from "./lenet5-table-1.js";

describe("LeNet-5 Table I", () => {
  it("16 C3 maps: six read 3 S2 maps, nine read 4, one reads all 6 (60 links)", () => {
    expect(LENET5_TABLE_1.map((maps) => maps.length)).toEqual([
      3, 3, 3, 3, 3, 3, 4, 4, 4, 4, 4, 4, 4, 4, 4, 6,
    ]);
  });

  it("connectionsFromGrid: rows are inputs, columns outputs", () => {
    expect(connectionsFromGrid(["X.X", ".XX"])).toEqual([[0], [1], [0, 1]]);
  });

  it("connectionsFromGrid rejects a ragged grid and other characters with SpecError", () => {
    expect(() => connectionsFromGrid(["X.X", "X."])).toThrow(SpecError);
    expect(() => connectionsFromGrid(["X.o"])).toThrow(/expected 3 characters/);
  });
});
