// AlexNet's two GPUs drawn as towers. Expected channels come from the paper's layout
// (PAPERS.md: conv2, conv4, conv5 in two groups, conv3 and the dense layers read both halves) and
// hand arithmetic (HWC flatten: unit i comes from map i mod 256).
import { compileModel, Cursor, type Simulator } from "@convstep/engine";
import { getModelSpec } from "@convstep/models";
import { afterEach, describe, expect, it } from "vitest";
import { afterLayout, expectNoAxeViolations, mount } from "../test-utils/mount.js";
import "./define.js";
import { layoutNetwork, TOWER_GAP } from "./layout.js";
import type { CsNetwork } from "./network.component.js";
import {
  crossesTowers,
  splits,
  towerBandsOf,
  towerChannels,
  towerOf,
  towerOffset,
  towersOf,
} from "./towers.js";

const alexnet = compileModel(getModelSpec("alexnet-2012"));
const layer = (name: string) => alexnet.layers.find((l) => l.name === name)!;
const index = (name: string) => alexnet.layers.findIndex((l) => l.name === name);

describe("tower placement (pure)", () => {
  it("AlexNet 2012 has two towers (groups = 2); the Keras AlexNet and LeNet-5 have one", () => {
    expect(towersOf(alexnet.layers)).toBe(2);
    expect(towersOf(compileModel(getModelSpec("alexnet-keras")).layers)).toBe(1);
    expect(towersOf(compileModel(getModelSpec("lenet5-1998")).layers)).toBe(1);
    expect(splits(96, 2)).toBe(true);
    expect(splits(3, 2)).toBe(false);
  });

  it("conv2 map 200 of 256 lives on GPU 2 (tower 1), 72nd of its 128; map 127 on GPU 1", () => {
    expect(towerOf(layer("conv2"), 200, 2)).toBe(1);
    expect(towerOffset(layer("conv2"), 200, 2)).toBe(72);
    expect(towerOf(layer("conv2"), 127, 2)).toBe(0);
    const [a, b] = towerChannels(layer("conv2"), 2);
    expect([a[0], a[127], b[0], b[127]]).toEqual([0, 127, 128, 255]);
  });

  it("flatten 6×6×256: unit 300 comes from map 44 (GPU 1), offset 128 + 44 = 172; unit 128 from map 128 (GPU 2)", () => {
    const flatten = layer("flatten");
    expect(towerOf(flatten, 300, 2)).toBe(0);
    expect(towerOffset(flatten, 300, 2)).toBe(172);
    expect(towerOf(flatten, 128, 2)).toBe(1);
    const [a, b] = towerChannels(flatten, 2);
    expect(a).toHaveLength(4608);
    expect(b).toHaveLength(4608);
    expect(a[172]).toBe(300);
    expect(b.slice(0, 2)).toEqual([128, 129]);
  });

  it("the towers cross at conv3, fc6, fc7 and fc8 only", () => {
    const crossing = alexnet.layers.filter((l) => crossesTowers(l, 2)).map((l) => l.name);
    expect(crossing).toEqual(["conv3", "fc6", "fc7", "fc8"]);
    expect(crossesTowers(layer("conv3"), 1)).toBe(false);
  });
});

describe("layoutNetwork with towers", () => {
  const layout = layoutNetwork(alexnet, 1400, { towers: 2, height: 440, margin: 6, pageSize: 16 });
  const column = (name: string) => layout.columns.find((c) => c.name === name)!;

  it("conv2: 8 maps per tower, GPU 1's 0–7 in the upper band and GPU 2's 128–135 in the lower one", () => {
    const conv2 = column("conv2");
    expect(conv2.towers).toHaveLength(2);
    const [upper, lower] = conv2.towers!;
    expect(lower.top - upper.bottom).toBeCloseTo(TOWER_GAP, 9);
    expect(conv2.items.filter((i) => i.tower === 0).map((i) => i.channel)).toEqual([
      0, 1, 2, 3, 4, 5, 6, 7,
    ]);
    expect(conv2.items.filter((i) => i.tower === 1).map((i) => i.channel)).toEqual([
      128, 129, 130, 131, 132, 133, 134, 135,
    ]);
    for (const item of conv2.items) {
      const band = conv2.towers![item.tower!];
      expect(item.y).toBeGreaterThanOrEqual(band.top);
      expect(item.y + item.height).toBeLessThanOrEqual(band.bottom);
    }
    expect(conv2.hidden).toBe(256 - 16);
  });

  it("the input is not split; pool1 shows 0–7 and 48–95's first eight", () => {
    expect(column("input").towers).toBeUndefined();
    expect(column("pool1").items.map((i) => i.channel)).toEqual([
      ...[0, 1, 2, 3, 4, 5, 6, 7],
      ...[48, 49, 50, 51, 52, 53, 54, 55],
    ]);
  });

  it("a page start is an offset within each tower: conv2 at 72 shows 72–79 and 200–207", () => {
    const paged = layoutNetwork(alexnet, 1400, {
      towers: 2,
      pageSize: 16,
      pageStarts: new Map([[index("conv2"), 72]]),
    });
    const conv2 = paged.columns.find((c) => c.name === "conv2")!;
    expect(conv2.start).toBe(72);
    expect(conv2.items.map((i) => i.channel)).toEqual([
      ...Array.from({ length: 8 }, (_, i) => 72 + i),
      ...Array.from({ length: 8 }, (_, i) => 200 + i),
    ]);
  });

  it("bands: input → each conv1 tower; pool1 → conv2 within towers only; pool2 → conv3 also crosswise", () => {
    const bands = towerBandsOf(layout, alexnet.layers);
    const into = (name: string) => bands.filter((b) => b.layer === index(name));
    expect(into("conv1").map((b) => [b.key, b.cross])).toEqual([
      ["0:0->0", false],
      ["0:0->1", false],
    ]);
    expect(into("conv2").map((b) => b.cross)).toEqual([false, false]);
    expect(into("conv3").map((b) => [b.key, b.cross])).toEqual([
      [`${index("conv3")}:0->0`, false],
      [`${index("conv3")}:0->1`, true],
      [`${index("conv3")}:1->0`, true],
      [`${index("conv3")}:1->1`, false],
    ]);
    expect(into("fc6").filter((b) => b.cross)).toHaveLength(2);
    expect(into("conv4").some((b) => b.cross)).toBe(false);
  });
});

describe("<cs-network towers> with AlexNet (2012), before any run", () => {
  const stub = () =>
    Object.assign(new EventTarget(), {
      model: alexnet,
      trace: null,
      cursor: new Cursor(alexnet),
    }) as unknown as Simulator;
  afterEach(() => document.body.replaceChildren());

  async function towersView(): Promise<{ el: CsNetwork; sim: Simulator }> {
    const sim = stub();
    const el = await mount<CsNetwork>("cs-network", { towers: "", "page-size": "16" });
    el.style.width = "1400px";
    el.simulator = sim;
    await afterLayout(el);
    return { el, sim };
  }

  it("labels the towers GPU 1 and GPU 2 and marks 'both GPUs' at conv3, fc6, fc7 and fc8", async () => {
    const { el } = await towersView();
    const root = el.shadowRoot!;
    expect([...root.querySelectorAll(".tower-name")].map((n) => n.textContent!.trim())).toEqual([
      "GPU 1",
      "GPU 2",
    ]);
    expect(root.querySelectorAll(".tower-cross")).toHaveLength(4);
    // Two crossing ribbons into each of the four layers.
    expect(root.querySelectorAll("svg path.band.cross")).toHaveLength(8);
  });

  it("conv2 map 200 (GPU 2) reads pool1 maps 48–95: links only from GPU 2's half, 8 shown + 1 for the 40 off the page", async () => {
    const { el, sim } = await towersView();
    sim.cursor.moveTo({ layer: index("conv2"), channel: 200 });
    await el.updateComplete;
    const pool1 = el.layout!.columns.find((c) => c.name === "pool1")!;
    const conv2 = el.layout!.columns.find((c) => c.name === "conv2")!;
    expect(conv2.start).toBe(72);
    expect(el.links.map((l) => l.from)).toEqual([48, 49, 50, 51, 52, 53, 54, 55, -1]);
    expect(el.links[8].count).toBe(40);
    const fed = pool1.items.filter((i) => el.links.some((l) => l.from === i.channel));
    expect(fed.every((i) => i.tower === 1)).toBe(true);
    expect(el.shadowRoot!.querySelector("[aria-live]")!.textContent!.trim()).toBe(
      "conv2 map 200 reads pool1 maps 48–95.",
    );
  });

  it("conv3 map 0 reads both GPUs: links from pool2's GPU 1 (0–7) and GPU 2 (128–135) items", async () => {
    const { el, sim } = await towersView();
    sim.cursor.moveTo({ layer: index("conv3"), channel: 0 });
    await el.updateComplete;
    const from = el.links.filter((l) => l.from >= 0).map((l) => l.from);
    expect(from).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 128, 129, 130, 131, 132, 133, 134, 135]);
    expect(el.links.find((l) => l.from < 0)!.count).toBe(256 - 16);
  });

  it("paging a tower column: 'next' moves both towers by 8 and stops at the last page", async () => {
    const { el } = await towersView();
    const next = () =>
      el.shadowRoot!.querySelector<HTMLButtonElement>('button[aria-label="Next page of pool1"]')!;
    for (let i = 0; i < 5; i++) {
      next().click();
      await el.updateComplete;
    }
    const pool1 = el.layout!.columns.find((c) => c.name === "pool1")!;
    expect(pool1.start).toBe(40);
    expect(pool1.items.map((i) => i.channel)).toEqual([
      ...Array.from({ length: 8 }, (_, i) => 40 + i),
      ...Array.from({ length: 8 }, (_, i) => 88 + i),
    ]);
    expect(next().disabled).toBe(true);
  });

  it("has no serious or critical axe violations", async () => {
    const { el } = await towersView();
    await expectNoAxeViolations(el);
  });
});
