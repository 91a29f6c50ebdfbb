import { describe, expect, it } from "vitest";
import { EXPLORER_PARTS, layoutRows, templateAreas } from "./layout.js";

const ALL = EXPLORER_PARTS;
const without = (...parts: string[]) => ALL.filter((p) => !parts.includes(p));

/** Every area of a template must be one rectangle, or CSS grid drops the whole template. */
function expectRectangles(rows: string[][]): void {
  const cells = new Map<string, [number, number][]>();
  rows.forEach((row, r) =>
    row.forEach((name, c) => {
      if (name !== ".") cells.set(name, [...(cells.get(name) ?? []), [r, c]]);
    }),
  );
  for (const [name, at] of cells) {
    const rs = at.map(([r]) => r);
    const cs = at.map(([, c]) => c);
    const height = Math.max(...rs) - Math.min(...rs) + 1;
    const width = Math.max(...cs) - Math.min(...cs) + 1;
    expect(at.length, `area ${name} is not a rectangle`).toBe(height * width);
  }
}

describe("layoutRows", () => {
  it("wide, every part: two stacks beside network/player and math", () => {
    expect(layoutRows(ALL, "wide")).toEqual([
      ["pad", "network"],
      ["prediction", "network"],
      ["prediction", "player"],
      ["maps", "math"],
      ["table", "math"],
      ["summary", "summary"],
    ]);
  });

  it("wide, Keras (no table): maps beside math on one row", () => {
    expect(layoutRows(without("table"), "wide")).toEqual([
      ["pad", "network"],
      ["prediction", "network"],
      ["prediction", "player"],
      ["maps", "math"],
      ["summary", "summary"],
    ]);
  });

  it("two columns: pad beside prediction, maps beside table, the rest full width", () => {
    expect(layoutRows(ALL, 2)).toEqual([
      ["pad", "prediction"],
      ["network", "network"],
      ["player", "player"],
      ["maps", "table"],
      ["math", "math"],
      ["summary", "summary"],
    ]);
  });

  it("one column: the reading order", () => {
    expect(layoutRows(ALL, 1).map((r) => r[0])).toEqual([...ALL]);
  });

  it("a hidden part leaves no hole: its neighbour takes its cells", () => {
    expect(layoutRows(without("prediction"), 2)[0]).toEqual(["pad", "pad"]);
    expect(layoutRows(without("pad"), 2)[0]).toEqual(["prediction", "prediction"]);
    expect(layoutRows(without("pad", "prediction"), "wide").slice(0, 2)).toEqual([
      ["network", "network"],
      ["player", "player"],
    ]);
    expect(layoutRows(without("network", "player"), "wide")[0]).toEqual(["pad", "prediction"]);
    expect(layoutRows(without("math"), "wide")).toContainEqual(["maps", "table"]);
  });

  it("every combination of hidden parts gives rectangles only, each shown part once", () => {
    for (let mask = 0; mask < 1 << ALL.length; mask++) {
      const shown = ALL.filter((_, i) => mask & (1 << i));
      for (const kind of [1, 2, "wide"] as const) {
        const rows = layoutRows(shown, kind);
        expectRectangles(rows);
        expect(new Set(rows.flat())).toEqual(new Set(shown));
        expect(new Set(rows.map((r) => r.length)).size).toBeLessThanOrEqual(1);
      }
    }
  });
});

describe("templateAreas", () => {
  it('quotes each row: "pad prediction" "network network" …; nothing shown → none', () => {
    expect(templateAreas(["pad", "prediction", "network"], 2)).toBe(
      '"pad prediction" "network network"',
    );
    expect(templateAreas([], "wide")).toBe("none");
  });
});
