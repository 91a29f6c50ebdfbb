import { rgb } from "d3-color";
import { scaleDiverging, scaleSequential } from "d3-scale";
import { interpolatePuOr, interpolateViridis } from "d3-scale-chromatic";
import { describe, expect, it } from "vitest";
import { activationScale } from "./color.js";
import {
  cellRect,
  channelRanges,
  dataIndex,
  hitTest,
  layoutGrid,
  paintLinks,
  paintMaps,
} from "./feature-map.js";
import { formatValue, legendModel } from "./legend.js";

/** Viridis over [lo, hi] and PuOr (purple high) over [−m, m], straight from d3. */
function viridis(lo: number, hi: number, v: number): [number, number, number] {
  const c = rgb(scaleSequential(interpolateViridis).domain([lo, hi])(v));
  return [c.r, c.g, c.b];
}
function puor(m: number, v: number): [number, number, number] {
  const s = scaleDiverging((t: number) => interpolatePuOr(1 - t)).domain([-m, 0, m]);
  const c = rgb(s(v));
  return [c.r, c.g, c.b];
}

function canvas(w: number, h: number): CanvasRenderingContext2D {
  const el = document.createElement("canvas");
  el.width = w;
  el.height = h;
  return el.getContext("2d", { willReadFrequently: true })!;
}

function pixel(ctx: CanvasRenderingContext2D, x: number, y: number): number[] {
  return [...ctx.getImageData(x, y, 1, 1).data];
}

function expectColor(got: number[], want: [number, number, number], tolerance = 2): void {
  for (let i = 0; i < 3; i++) expect(Math.abs(got[i] - want[i])).toBeLessThanOrEqual(tolerance);
  expect(got[3]).toBe(255);
}

describe("layoutGrid", () => {
  it("LeNet C1 [28,28,6] in 640 px → 3×2 maps of 140 px (cell 5), labels, 432×314", () => {
    // cap ⌊160/28⌋ = 5; ⌊(640+6)/(140+6)⌋ = 4 fit → 2 rows → 3 columns;
    // height 2·(14+140)+6 = 314 ≤ 480; width 3·140+2·6 = 432.
    const l = layoutGrid([28, 28, 6], 640);
    expect(l).toMatchObject({ kind: "maps", columns: 3, rows: 2, cell: 5, labelHeight: 14 });
    expect([l.width, l.height]).toEqual([432, 314]);
    expect(l.maps[4]).toEqual({ channel: 4, x: 146, y: 174, w: 140, h: 140 });
  });

  it("AlexNet conv1 [55,55,96] in 640 px → 1 px per activation, 10×10 maps, grows to 604×744", () => {
    // cell 2: 5 columns, 20 rows, 2594 px tall > 480; cell 1: 10 columns, 10·69+9·6 = 744.
    const l = layoutGrid([55, 55, 96], 640);
    expect(l).toMatchObject({ cell: 1, columns: 10, rows: 10 });
    expect([l.width, l.height]).toEqual([604, 744]);
    expect(l.maps[95]).toMatchObject({ x: 5 * 61, y: 9 * 75 + 14 });
  });

  it("fixed columns 8 and cell 3 for [10,10,16] in 400 px → 8×2, 282×94", () => {
    const l = layoutGrid([10, 10, 16], 400, { columns: 8, cell: 3 });
    expect(l).toMatchObject({ columns: 8, rows: 2, cell: 3, labelHeight: 14 });
    expect([l.width, l.height]).toEqual([8 * 30 + 7 * 6, 2 * (14 + 30) + 6]);
  });

  it("maps narrower than 16 px get no label band", () => {
    const l = layoutGrid([13, 13, 384], 640);
    expect(l.cell).toBe(1);
    expect(l.labelHeight).toBe(0);
  });

  it("vector [84] in 600 px → 24 px cells, 4 balanced rows of 21 (96 px tall), 1 px gaps", () => {
    // 24 px: ⌊600/24⌋ = 25 per row → 4 rows → 21 columns; 4·24 = 96 ≤ 96.
    const l = layoutGrid([84], 600);
    expect(l).toMatchObject({ kind: "units", cell: 24, columns: 21, rows: 4, gap: 1 });
    expect([l.width, l.height]).toEqual([504, 96]);
  });

  it("vector [4096] in 600 px → never below 8 px: 75 per row, 55 rows", () => {
    const l = layoutGrid([4096], 600);
    expect(l).toMatchObject({ cell: 8, rows: 55, columns: Math.ceil(4096 / 55) });
  });

  it("1×1 maps (LeNet C5 [1,1,120]) are drawn as a strip of 120 units", () => {
    const l = layoutGrid([1, 1, 120], 600);
    expect(l.kind).toBe("units");
    expect(l.count).toBe(120);
  });

  it("ten units in 600 px → one row of 24 px cells", () => {
    const l = layoutGrid([10], 600);
    expect(l).toMatchObject({ cell: 24, columns: 10, rows: 1 });
  });
});

describe("hitTest and cellRect", () => {
  const l = layoutGrid([28, 28, 6], 640);

  it("a point inside map 4 → its (y, x); cellRect maps it back", () => {
    expect(hitTest(l, 146 + 5 * 7 + 2, 174 + 5 * 12 + 4)).toEqual({ channel: 4, y: 12, x: 7 });
    expect(cellRect(l, { channel: 4, y: 12, x: 7 })).toEqual({ x: 181, y: 234, w: 5, h: 5 });
  });

  it("gaps, label bands and points outside → null", () => {
    expect(hitTest(l, 142, 20)).toBeNull(); // between maps 0 and 1
    expect(hitTest(l, 10, 165)).toBeNull(); // label band of row 1
    expect(hitTest(l, 432, 20)).toBeNull(); // right of the grid
    expect(hitTest(l, -1, 20)).toBeNull();
  });

  it("a last row with fewer maps → null past its last map", () => {
    const five = layoutGrid([28, 28, 5], 640); // 3 + 2
    expect(five.columns).toBe(3);
    expect(hitTest(five, 2 * 146 + 10, 174 + 10)).toBeNull();
  });

  it("a 3 px margin offsets every map and cell and widens the grid by 6", () => {
    const m = layoutGrid([28, 28, 6], 646, { margin: 3 });
    expect(m).toMatchObject({ columns: 3, cell: 5, margin: 3, width: 438, height: 320 });
    expect(m.maps[4]).toEqual({ channel: 4, x: 149, y: 177, w: 140, h: 140 });
    expect(hitTest(m, 149, 177)).toEqual({ channel: 4, y: 0, x: 0 });
    expect(hitTest(m, 2, 20)).toBeNull();
    const u = layoutGrid([84], 606, { margin: 3, cell: 8 });
    expect(cellRect(u, { channel: 43, y: 0, x: 0 })).toEqual({ x: 3 + 8, y: 3 + 8, w: 8, h: 8 });
    expect(hitTest(u, 3 + 8 + 1, 3 + 8 + 1)).toEqual({ channel: 43, y: 0, x: 0 });
  });

  it("units: row-major cells, none past the last unit", () => {
    const u = layoutGrid([84], 600, { cell: 8 }); // 2 rows of 42
    expect(u.columns).toBe(42);
    expect(hitTest(u, 41 * 8 + 3, 8 + 3)).toEqual({ channel: 83, y: 0, x: 0 });
    expect(hitTest(u, 3, 3)).toEqual({ channel: 0, y: 0, x: 0 });
    const ragged = layoutGrid([11], 600, { columns: 4 });
    expect(hitTest(ragged, 3 * ragged.cell + 1, 2 * ragged.cell + 1)).toBeNull(); // unit 11
  });

  it("dataIndex is HWC row-major; vectors index by channel", () => {
    expect(dataIndex([28, 28, 6], { channel: 4, y: 12, x: 7 })).toBe((12 * 28 + 7) * 6 + 4);
    expect(dataIndex([84], { channel: 9, y: 0, x: 0 })).toBe(9);
  });
});

describe("paintMaps", () => {
  // Shape [2, 3, 2], HWC: value of (c, y, x) at (y·3 + x)·2 + c.
  const data = Float32Array.from([-1, 0.5, 0.25, 2, 0, -0.5, 1, 1.5, -0.75, 0, 0.5, -2]);
  const shape = [2, 3, 2];
  const at = (c: number, y: number, x: number) => data[(y * 3 + x) * 2 + c];

  it("signed values, one layer scale → PuOr centred on 0, each cell one colour", () => {
    const layout = layoutGrid(shape, 100, { cell: 4, gap: 2 });
    expect(layout.labelHeight).toBe(0);
    const ctx = canvas(layout.width, layout.height);
    paintMaps(ctx, data, shape, layout, activationScale(-2, 2));
    for (let c = 0; c < 2; c++)
      for (let y = 0; y < 2; y++)
        for (let x = 0; x < 3; x++) {
          const box = layout.maps[c];
          const want = puor(2, at(c, y, x));
          // Both corners of the 4×4 cell: nearest-neighbour scaling keeps cells solid.
          expectColor(pixel(ctx, box.x + x * 4, box.y + y * 4), want);
          expectColor(pixel(ctx, box.x + x * 4 + 3, box.y + y * 4 + 3), want);
        }
    expect(pixel(ctx, 12, 0)[3]).toBe(0); // the gap stays transparent
  });

  it("per-map scales → viridis over each channel's own range", () => {
    const positive = data.map((v, i) => Math.abs(v) + (i % 2) * 3); // channel 1 in [3, 5]
    const layout = layoutGrid(shape, 100, { cell: 2, gap: 1 });
    const { min, max } = channelRanges(positive, shape);
    expect([min[0], max[0], min[1], max[1]]).toEqual([0, 1, 3, 5]);
    const ctx = canvas(layout.width, layout.height);
    const scales = [0, 1].map((c) => activationScale(min[c], max[c]));
    paintMaps(ctx, positive, shape, layout, scales);
    for (let c = 0; c < 2; c++) {
      const box = layout.maps[c];
      const v = positive[(1 * 3 + 2) * 2 + c];
      expectColor(pixel(ctx, box.x + 2 * 2 + 1, box.y + 2 + 1), viridis(min[c], max[c], v));
    }
  });

  it("units → one filled cell each, the 1 px gap left clear", () => {
    const v = Float32Array.from([0, 1, 2, 3]);
    const layout = layoutGrid([4], 100, { cell: 8 });
    const ctx = canvas(layout.width, layout.height);
    paintMaps(ctx, v, [4], layout, activationScale(0, 3));
    for (let u = 0; u < 4; u++) expectColor(pixel(ctx, u * 8 + 3, 3), viridis(0, 3, u));
    expect(pixel(ctx, 7, 3)[3]).toBe(0);
  });

  // How fast this paints is the bench's business (npm run bench); a test only checks the colours.
  it("AlexNet conv1's 290,400 values paint with one scale and with 96 per-map scales", () => {
    const shape96 = [55, 55, 96];
    const big = new Float32Array(55 * 55 * 96);
    for (let i = 0; i < big.length; i++) big[i] = Math.sin(i * 0.37) * 3;
    const layout = layoutGrid(shape96, 640);
    const ctx = canvas(layout.width, layout.height);
    const scale = activationScale(-3, 3);
    paintMaps(ctx, big, shape96, layout, scale);
    const box = layout.maps[50];
    const i = (10 * 55 + 20) * 96 + 50;
    expectColor(pixel(ctx, box.x + 20, box.y + 10), puor(3, big[i]));

    // 96 per-map scales (coarser 256-entry tables): colours within 4 per byte.
    const scales = Array.from({ length: 96 }, (_, c) => activationScale(0, 3 + c / 10));
    paintMaps(ctx, big, shape96, layout, scales);
    const v = Math.max(0, big[i]);
    if (big[i] >= 0) expectColor(pixel(ctx, box.x + 20, box.y + 10), viridis(0, 8, v), 4);
  });
});

describe("paintLinks", () => {
  const layout = layoutGrid([6, 6, 3], 100, { cell: 2, gap: 2 });
  const style = { focus: "#000", halo: "#fff", window: "#f00", veil: "#fff", veilAlpha: 0.5 };

  it("veils unlinked maps, frames the window in linked ones (clipped), leaves the rest clear", () => {
    const ctx = canvas(layout.width, layout.height);
    paintLinks(
      ctx,
      layout,
      { kind: "map", window: { y0: -1, x0: 2, y1: 2, x1: 5 }, channels: [0, 2] },
      style,
    );
    const [m0, m1] = layout.maps;
    expect(pixel(ctx, m1.x + 5, m1.y + 5)[3]).toBeGreaterThan(100); // veiled
    expect(pixel(ctx, m0.x + 1, m0.y + 9)[3]).toBe(0); // linked, outside the window
    // Window columns 2…4 → pixels 4…9; its left edge is stroked in red over a white halo.
    const edge = pixel(ctx, m0.x + 4, m0.y + 2);
    expect(edge[0]).toBe(255);
    expect(edge[3]).toBeGreaterThan(0);
  });

  it("a 1-unit range on a vector → veils every other unit", () => {
    const u = layoutGrid([5], 100, { cell: 8 });
    const ctx = canvas(u.width, u.height);
    paintLinks(ctx, u, { kind: "units", start: 2, end: 3 }, style);
    expect(pixel(ctx, 3, 3)[3]).toBeGreaterThan(100);
    expect(pixel(ctx, 2 * 8 + 4, 4)[3]).toBe(0);
  });
});

describe("legendModel and formatValue", () => {
  it("signed [−1, 3] → ticks min at 0, zero at 0.25, max at 1", () => {
    const m = legendModel(activationScale(-1, 3), -1, 3, { width: 300 });
    expect(m.ticks.map((t) => [t.offset, t.label, t.labelled])).toEqual([
      [0, "\u22121.000", true],
      [0.25, "0", true],
      [1, "3.000", true],
    ]);
    expect(m.gradient.startsWith("linear-gradient(to right, ")).toBe(true);
  });

  it("a zero tick too close to an end label keeps its mark but drops its label", () => {
    // "−0.506" is 6 characters: the 0 needs (6 + 2.5)·7 = 59.5 px of 176 → offset ≥ 0.338.
    const near = legendModel(activationScale(-0.506, 1.145), -0.506, 1.145);
    expect(near.ticks[1].offset).toBeCloseTo(0.306, 3);
    expect(near.ticks[1]).toMatchObject({ value: 0, labelled: false });
    const wide = legendModel(activationScale(-0.506, 1.145), -0.506, 1.145, { width: 240 });
    expect(wide.ticks[1].labelled).toBe(true); // 59.5/240 = 0.248 ≤ 0.306
    const high = legendModel(activationScale(-1, 0.02), -1, 0.02); // 0 at 0.98, beside "0.020"
    expect(high.ticks[1].labelled).toBe(false);
  });

  it("non-negative values → only min and max", () => {
    const m = legendModel(activationScale(0, 4), 0, 4);
    expect(m.ticks.map((t) => t.label)).toEqual(["0.000", "4.000"]);
  });

  it("formats with three decimals, a true minus, exponents for extremes", () => {
    expect(formatValue(0.8421)).toBe("0.842");
    expect(formatValue(-1.7159)).toBe("\u22121.716");
    expect(formatValue(0)).toBe("0.000");
    expect(formatValue(123456)).toBe("1.23e+5");
    expect(formatValue(-0.00012)).toBe("\u22121.20e\u22124");
  });
});
