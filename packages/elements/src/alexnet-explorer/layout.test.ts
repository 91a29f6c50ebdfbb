import { describe, expect, it } from "vitest";
import { ALEXNET_PARTS, shownParts, templateAreas, wideRows } from "./layout.js";

describe("explorer layout", () => {
  it("wide: input beside the sweep, the idea and the prediction beside the maps, the rest full width", () => {
    expect(wideRows(ALEXNET_PARTS)).toEqual([
      ["input", "sweep"],
      ["network", "network"],
      ["player", "player"],
      ["idea", "maps"],
      ["prediction", "maps"],
      ["math", "math"],
      ["summary", "summary"],
    ]);
  });

  it("hiding the input gives the sweep the whole row; hiding the maps puts idea and prediction full width", () => {
    expect(wideRows(shownParts("input maps"))).toEqual([
      ["sweep", "sweep"],
      ["network", "network"],
      ["player", "player"],
      ["idea", "idea"],
      ["prediction", "prediction"],
      ["math", "math"],
      ["summary", "summary"],
    ]);
    expect(wideRows(shownParts("idea prediction"))).toContainEqual(["maps", "maps"]);
  });

  it("templateAreas: one column in reading order; unknown names in hide are ignored", () => {
    expect(
      templateAreas(shownParts("NETWORK player bogus summary math maps idea prediction"), 1),
    ).toBe('"input" "sweep"');
    expect(templateAreas([], 2)).toBe("none");
  });
});
