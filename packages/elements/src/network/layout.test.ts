import { describe, expect, it } from "vitest";
import { compileModel } from "@convstep/engine";
import { getModelSpec } from "@convstep/models";
import {
  columnKindOf,
  hitItem,
  layoutNetwork,
  shapeLabel,
  shareWidths,
  type LayoutModel,
} from "./layout.js";
import { bandsOf, feedingChannels, formatChannels, linksInto, ringsFor } from "./links.js";

const counts = (trainable: number) => ({ trainable, nonTrainable: 0 });

/** input 8×8×1 → conv 4×4×2 → dense 10 (shapes only; no weights). */
const tiny: LayoutModel = {
  inputShape: [8, 8, 1],
  layers: [
    { name: "c", spec: { kind: "conv2d" }, outputShape: [4, 4, 2], counts: counts(10) },
    { name: "d", spec: { kind: "dense" }, outputShape: [10], counts: counts(330) },
  ],
};

describe("layoutNetwork", () => {
  it("294 px, weights 1+1+0.7 over 270 px → widths 100, 100, 70 from x = 12", () => {
    const layout = layoutNetwork(tiny, 294, { height: 100 });
    expect(layout.width).toBe(294);
    expect(layout.columns.map((c) => c.kind)).toEqual(["maps", "maps", "vector"]);
    expect(layout.columns.map((c) => c.x)).toEqual([12, 112, 212]);
    for (const [c, w] of layout.columns.map((c, i) => [c, [100, 100, 70][i]] as const)) {
      expect(c.width).toBeCloseTo(w, 9);
    }
  });

  it("thumbnails: 1 map → min(96, 0.6·100, 100) = 60 px centred; 2 maps → ⌊(100 − 6)/2⌋ = 47 px", () => {
    const [input, conv] = layoutNetwork(tiny, 294, { height: 100 }).columns;
    expect(input.items).toEqual([{ channel: 0, x: 32, y: 20, width: 60, height: 60 }]);
    expect(conv.items).toEqual([
      { channel: 0, x: 138.5, y: 0, width: 47, height: 47 },
      { channel: 1, x: 138.5, y: 53, width: 47, height: 47 },
    ]);
  });

  it("boxes: 10 units in 100 px → ⌊(100 − 18)/10⌋ = 8 px tall, min(28, 42) = 28 wide, top (100 − 98)/2 = 1", () => {
    const dense = layoutNetwork(tiny, 294, { height: 100 }).columns[2];
    expect(dense.items).toHaveLength(10);
    expect(dense.items[0]).toEqual({ channel: 0, x: 233, y: 1, width: 28, height: 8 });
    expect(dense.items[9].y).toBe(1 + 9 * 10);
    expect(dense.hidden).toBe(0);
  });

  it("100 px is too narrow: minimum widths 72, 72, 60 → 228 px wide (scrolls)", () => {
    const layout = layoutNetwork(tiny, 100, { height: 100 });
    expect(layout.columns.map((c) => c.width)).toEqual([72, 72, 60]);
    expect(layout.width).toBe(228);
    expect(layout.columns[0].x).toBe(12);
  });

  it("1000 px for two columns: capped at 180 and 126 px and centred at x = (1000 − 306)/2", () => {
    const model: LayoutModel = { inputShape: [8, 8, 1], layers: [tiny.layers[1]] };
    const layout = layoutNetwork(model, 1000);
    expect(layout.columns.map((c) => c.width)).toEqual([180, 126]);
    expect(layout.columns[0].x).toBe(347);
    expect(layout.width).toBe(1000);
  });

  it("pages a 100-unit vector by 32: start 40 → 32 (32 shown, 68 hidden); start 99 → 96 (4 shown)", () => {
    const model: LayoutModel = {
      inputShape: [8, 8, 1],
      layers: [{ name: "d", spec: { kind: "dense" }, outputShape: [100], counts: counts(0) }],
    };
    const a = layoutNetwork(model, 400, { pageStarts: new Map([[0, 40]]) }).columns[1];
    expect([a.start, a.items.length, a.hidden, a.items[0].channel]).toEqual([32, 32, 68, 32]);
    const b = layoutNetwork(model, 400, { pageStarts: new Map([[0, 99]]) }).columns[1];
    expect([b.start, b.items.length, b.hidden]).toEqual([96, 4, 96]);
  });

  it("AlexNet (2012) at 320 px: 17 columns (16 layers + input) that scroll; fc6 shows 32 of 4,096; conv1 16 of 96 maps", () => {
    const model = compileModel(getModelSpec("alexnet-2012"));
    const layout = layoutNetwork(model, 320);
    expect(layout.columns).toHaveLength(model.layers.length + 1);
    expect(layout.width).toBeGreaterThan(320);
    const fc6 = layout.columns.find((c) => c.name === "fc6")!;
    expect([fc6.items.length, fc6.hidden, fc6.kind]).toEqual([32, 4064, "vector"]);
    const conv1 = layout.columns.find((c) => c.name === "conv1")!;
    expect([conv1.items.length, conv1.hidden, conv1.kind]).toEqual([16, 80, "maps"]);
    expect(layout.columns.find((c) => c.name === "drop6")!.kind).toBe("slim");
    // Columns never overlap and keep their order.
    for (let i = 1; i < layout.columns.length; i++) {
      const a = layout.columns[i - 1];
      expect(layout.columns[i].x).toBeCloseTo(a.x + a.width, 9);
    }
  });
});

describe("layout helpers", () => {
  it("shareWidths maps+slim in 120 px: slim 120/1.35·0.35 < 36 → 36, maps gets the other 84", () => {
    expect(shareWidths(["maps", "slim"], 120)).toEqual([84, 36]);
  });

  it("columnKindOf: 28×28×6 maps, 1×1×120 and [84] vectors, dropout slim", () => {
    expect(columnKindOf("conv2d", [28, 28, 6])).toBe("maps");
    expect(columnKindOf("conv2d", [1, 1, 120])).toBe("vector");
    expect(columnKindOf("dense", [84])).toBe("vector");
    expect(columnKindOf("dropout", [4096])).toBe("slim");
  });

  it("shapeLabel: [28, 28, 6] → 6@28×28, [84] → 84", () => {
    expect(shapeLabel([28, 28, 6])).toBe("6@28×28");
    expect(shapeLabel([84])).toBe("84");
  });

  it("hitItem picks the item under a point, the nearer one within half a gap, none outside", () => {
    const conv = layoutNetwork(tiny, 294, { height: 100 }).columns[1];
    expect(hitItem(conv, 150, 10)?.channel).toBe(0);
    expect(hitItem(conv, 150, 60)?.channel).toBe(1);
    expect(hitItem(conv, 150, 49)?.channel).toBe(0); // 2 px under item 0, in the 6 px gap
    expect(hitItem(conv, 300, 10)).toBeUndefined();
  });
});

describe("feedingChannels", () => {
  const lenet = compileModel(getModelSpec("lenet5-1998"));
  const c3 = lenet.layers.find((l) => l.name === "C3")!;
  // Table I of LeCun et al. 1998, as PAPERS.md lists it.
  const TABLE_I = [
    [0, 1, 2], [1, 2, 3], [2, 3, 4], [3, 4, 5], [0, 4, 5], [0, 1, 5],
    [0, 1, 2, 3], [1, 2, 3, 4], [2, 3, 4, 5], [0, 3, 4, 5], [0, 1, 4, 5], [0, 1, 2, 5],
    [0, 1, 3, 4], [1, 2, 4, 5], [0, 2, 3, 5],
    [0, 1, 2, 3, 4, 5],
  ]; // prettier-ignore

  it("LeNet-5 (1998) C3 maps 0–15 read Table I's S2 subsets (60 links)", () => {
    const rows = TABLE_I.map((_, o) => feedingChannels(c3, o));
    expect(rows).toEqual(TABLE_I);
    expect(rows.flat()).toHaveLength(60);
  });

  it("Keras LeNet-5 C3 is fully connected: every map reads all six S2 maps", () => {
    const keras = compileModel(getModelSpec("lenet5-keras"));
    const layer = keras.layers.find((l) => l.name === "C3")!;
    expect(feedingChannels(layer, 0)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it("AlexNet conv2 (2 groups, 96 → 256): map 0 reads 0–47, map 200 reads 48–95; conv3 reads all 256", () => {
    const alex = compileModel(getModelSpec("alexnet-2012"));
    const conv2 = alex.layers.find((l) => l.name === "conv2")!;
    expect(feedingChannels(conv2, 0)).toEqual(Array.from({ length: 48 }, (_, i) => i));
    expect(feedingChannels(conv2, 200)).toEqual(Array.from({ length: 48 }, (_, i) => 48 + i));
    const conv4 = alex.layers.find((l) => l.name === "conv4")!;
    expect(feedingChannels(conv4, 192)[0]).toBe(192);
    expect(
      feedingChannels(
        alex.layers.find((l) => l.name === "conv3")!,
        7,
      ),
    ).toHaveLength(256);
  });

  it("LRN n = 5 reads channels c−2…c+2 clipped; flatten of 6×6×256 unit 300 reads map 300 mod 256 = 44", () => {
    const alex = compileModel(getModelSpec("alexnet-2012"));
    const norm1 = alex.layers.find((l) => l.name === "norm1")!;
    expect(feedingChannels(norm1, 0)).toEqual([0, 1, 2]);
    expect(feedingChannels(norm1, 50)).toEqual([48, 49, 50, 51, 52]);
    expect(
      feedingChannels(
        alex.layers.find((l) => l.name === "flatten")!,
        300,
      ),
    ).toEqual([44]);
    expect(
      feedingChannels(
        alex.layers.find((l) => l.name === "pool1")!,
        9,
      ),
    ).toEqual([9]);
    expect(
      feedingChannels(
        alex.layers.find((l) => l.name === "fc6")!,
        9,
      ),
    ).toHaveLength(9216);
  });
});

describe("linksInto and bands", () => {
  it("into conv map 1 from the one-map input: one link from the input's right edge to the map's left edge", () => {
    const layout = layoutNetwork(tiny, 294, { height: 100 });
    const links = linksInto(layout, 0, 1, [0]);
    expect(links).toEqual([
      { key: "0:0->1", from: 0, to: 1, count: 1, x1: 92, y1: 50, x2: 138.5, y2: 76.5 },
    ]);
  });

  it("a fan from 100 units paged by 32 → 32 links plus one standing for the 68 off the page", () => {
    const model: LayoutModel = {
      inputShape: [8, 8, 1],
      layers: [
        { name: "a", spec: { kind: "dense" }, outputShape: [100], counts: counts(0) },
        { name: "b", spec: { kind: "dense" }, outputShape: [4], counts: counts(0) },
      ],
    };
    const layout = layoutNetwork(model, 600);
    const links = linksInto(
      layout,
      1,
      2,
      Array.from({ length: 100 }, (_, i) => i),
    );
    expect(links).toHaveLength(33);
    expect(links[32]).toMatchObject({ from: -1, count: 68 });
  });

  it("the input has no links; a focused item off its page has none either", () => {
    const layout = layoutNetwork(tiny, 294, { height: 100 });
    expect(linksInto(layout, -1, 0, [])).toEqual([]);
    expect(linksInto(layout, 1, 50, [0])).toEqual([]);
  });

  it("ringsFor: the focused item plus each source; a fan of 32 gets one ring around the stack", () => {
    const layout = layoutNetwork(tiny, 294, { height: 100 });
    const rings = ringsFor(layout, 0, 1, linksInto(layout, 0, 1, [0]));
    expect(rings.map((r) => [r.role, r.y, r.height])).toEqual([
      ["focus", 53, 47],
      ["source", 20, 60],
    ]);
    const model: LayoutModel = {
      inputShape: [8, 8, 1],
      layers: [
        { name: "a", spec: { kind: "dense" }, outputShape: [100], counts: counts(0) },
        { name: "b", spec: { kind: "dense" }, outputShape: [4], counts: counts(0) },
      ],
    };
    const wide = layoutNetwork(model, 600);
    const fan = ringsFor(
      wide,
      1,
      0,
      linksInto(
        wide,
        1,
        0,
        Array.from({ length: 100 }, (_, i) => i),
      ),
    );
    const a = wide.columns[1];
    const last = a.items[31];
    expect(fan).toHaveLength(2);
    expect(fan[1]).toMatchObject({
      key: "source:0:all",
      y: a.items[0].y,
      height: last.y + last.height - a.items[0].y,
    });
  });

  it("bandsOf: one band per consecutive pair, spanning the items", () => {
    const layout = layoutNetwork(tiny, 294, { height: 100 });
    const bands = bandsOf(layout);
    expect(bands).toHaveLength(2);
    expect(bands[0]).toEqual({
      layer: 0,
      x1: 92,
      top1: 20,
      bottom1: 80,
      x2: 138.5,
      top2: 0,
      bottom2: 100,
    });
  });

  it("formatChannels: [5, 0, 4] → '0, 4, 5'; 0…47 → '0–47'; [0, 1, 2] stays listed", () => {
    expect(formatChannels([5, 0, 4])).toBe("0, 4, 5");
    expect(formatChannels(Array.from({ length: 48 }, (_, i) => i))).toBe("0–47");
    expect(formatChannels([0, 1, 2])).toBe("0, 1, 2");
    expect(formatChannels([0, 1, 2, 3, 7])).toBe("0–3, 7");
  });
});
