import * as tf from "@tensorflow/tfjs-core";
import {
  compileModel,
  createSimulator,
  initWeights,
  type ConvExplanation,
  type LRNExplanation,
  type PoolExplanation,
  type Simulator,
} from "@convstep/engine";
import { LENET5_TABLE_1 } from "@convstep/models";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import "./define.js";
import type { CsFeatureMaps } from "./feature-maps.component.js";
import { cellRect, layoutGrid, type NeuronAt } from "../draw/feature-map.js";
import type { CsNeuronEvent } from "../shared/events.js";
import { setLanguage } from "../shared/localize.js";
import { lenetSimulator } from "../test-utils/fixtures.js";
import { afterLayout, expectNoAxeViolations, mount } from "../test-utils/mount.js";
import { inputLinks } from "./input-links.js";
import { navigate } from "./navigate.js";

/** The value as the element writes it, by hand: three decimals and a true minus sign. */
const shown = (v: number) => v.toFixed(3).replace("-", "\u2212");

/** Waits until the element measured its width and rendered. */
async function settle(el: CsFeatureMaps): Promise<void> {
  await afterLayout(el);
}

function shadow(el: CsFeatureMaps): ShadowRoot {
  return el.shadowRoot!;
}

/** Client coordinates of the centre of a neuron's cell on the main canvas. */
function clientPoint(el: CsFeatureMaps, n: NeuronAt): { clientX: number; clientY: number } {
  const canvas = shadow(el).querySelector<HTMLCanvasElement>("canvas.maps")!;
  const rect = canvas.getBoundingClientRect();
  const cell = cellRect(el.layout!, n);
  return { clientX: rect.left + cell.x + cell.w / 2, clientY: rect.top + cell.y + cell.h / 2 };
}

function key(el: CsFeatureMaps, key: string): void {
  shadow(el)
    .querySelector(".stage")!
    .dispatchEvent(new KeyboardEvent("keydown", { key, bubbles: true, composed: true }));
}

describe("navigate", () => {
  const maps = layoutGrid([4, 5, 3], 400);
  const strip = layoutGrid([10], 400, { columns: 4 });

  it("maps [4,5,3]: arrows move (y, x), Page keys and [ ] the map, all clamped", () => {
    const n = { channel: 1, y: 2, x: 3 };
    expect(navigate(maps, n, "ArrowRight")).toEqual({ channel: 1, y: 2, x: 4 });
    expect(navigate(maps, { ...n, x: 4 }, "ArrowRight")).toEqual({ channel: 1, y: 2, x: 4 });
    expect(navigate(maps, n, "ArrowUp")).toEqual({ channel: 1, y: 1, x: 3 });
    expect(navigate(maps, n, "PageDown")).toEqual({ channel: 2, y: 2, x: 3 });
    expect(navigate(maps, { ...n, channel: 2 }, "]")).toEqual({ channel: 2, y: 2, x: 3 });
    expect(navigate(maps, n, "[")).toEqual({ channel: 0, y: 2, x: 3 });
    expect(navigate(maps, n, "Home")).toEqual({ channel: 1, y: 0, x: 0 });
    expect(navigate(maps, n, "End")).toEqual({ channel: 1, y: 3, x: 4 });
    expect(navigate(maps, n, "a")).toBeNull();
  });

  it("a strip of 10 in rows of 4: Left/Right ±1, Up/Down ±4, clamped to 0…9", () => {
    const u = { channel: 5, y: 0, x: 0 };
    expect(navigate(strip, u, "ArrowRight")).toMatchObject({ channel: 6 });
    expect(navigate(strip, u, "ArrowDown")).toMatchObject({ channel: 9 });
    expect(navigate(strip, u, "ArrowUp")).toMatchObject({ channel: 1 });
    expect(navigate(strip, { ...u, channel: 8 }, "ArrowDown")).toMatchObject({ channel: 9 });
    expect(navigate(strip, u, "End")).toMatchObject({ channel: 9 });
  });
});

describe("<cs-feature-maps> on LeNet-5 (1998)", () => {
  let sim: Simulator;
  let dispose: () => void;
  let tensorsBefore: number;

  beforeAll(async () => {
    ({ simulator: sim, dispose } = await lenetSimulator("1998"));
    tensorsBefore = tf.memory().numTensors;
  });

  afterEach(() => {
    document.body.replaceChildren();
    sim.cursor.setGranularity("layer");
    sim.cursor.moveTo({ layer: 0 });
  });

  afterAll(() => {
    expect(tf.memory().numTensors).toBe(tensorsBefore); // the element created no tensors
    dispose();
  });

  async function mountWith(attrs: Record<string, string> = {}): Promise<CsFeatureMaps> {
    const el = await mount<CsFeatureMaps>("cs-feature-maps", attrs);
    el.simulator = sim;
    await settle(el);
    return el;
  }

  it("shows the cursor's layer: C1, 6 maps of 28×28", async () => {
    const el = await mountWith();
    expect(el.layout).toMatchObject({ kind: "maps", count: 6, mapHeight: 28, mapWidth: 28 });
    const heading = shadow(el).querySelector("[part=label]")!.textContent!;
    expect(heading).toContain("C1");
    expect(heading).toContain("6 maps");
    const canvas = shadow(el).querySelector<HTMLCanvasElement>("canvas.maps")!;
    expect(parseFloat(canvas.style.width)).toBe(el.layout!.width);
  });

  it("follows the cursor to another layer and highlights its neuron", async () => {
    const el = await mountWith();
    sim.cursor.setGranularity("neuron");
    sim.cursor.moveTo({ layer: 1, channel: 3, y: 4, x: 9 });
    await settle(el);
    expect(el.layout).toMatchObject({ count: 6, mapHeight: 14 });
    expect(el.focused).toEqual({ channel: 3, y: 4, x: 9 });
    const live = shadow(el).querySelector("[aria-live]")!.textContent!.trim();
    const v = sim.trace!.step("S2").valueAt(3, 4, 9);
    expect(live).toBe(`S2, map 3 of 6, neuron (4, 9): ${shown(v)}`);
  });

  it("hover reads out the trace's value and emits cs-neuron; click moves the cursor there", async () => {
    const el = await mountWith();
    const events: CsNeuronEvent[] = [];
    el.addEventListener("cs-neuron", (e) => events.push(e));
    const n = { channel: 4, y: 12, x: 7 };
    const canvas = shadow(el).querySelector("canvas.maps")!;
    canvas.dispatchEvent(
      new PointerEvent("pointermove", { ...clientPoint(el, n), bubbles: true, composed: true }),
    );
    await settle(el);
    const v = sim.trace!.step("C1").valueAt(4, 12, 7);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ layer: "C1", channel: 4, y: 12, x: 7, value: v });
    expect(shadow(el).querySelector("[part=readout]")!.textContent).toContain(shown(v));
    const tip = shadow(el).querySelector<HTMLElement>("[part=tooltip]")!;
    expect(tip.hidden).toBe(false);
    expect(tip.textContent).toContain("(12, 7)");

    canvas.dispatchEvent(
      new MouseEvent("click", { ...clientPoint(el, n), bubbles: true, composed: true }),
    );
    await settle(el);
    expect(sim.cursor.neuron).toEqual({ layer: 0, channel: 4, y: 12, x: 7 });
    expect(el.focused).toEqual(n); // kept although the cursor steps by layer
  });

  it("keyboard: arrows move within a map, PageDown/[ switch maps, Enter commits", async () => {
    sim.cursor.setGranularity("neuron");
    sim.cursor.moveTo({ layer: 0, channel: 2, y: 5, x: 5 });
    const el = await mountWith();
    const events: CsNeuronEvent[] = [];
    el.addEventListener("cs-neuron", (e) => events.push(e));
    expect(el.focused).toEqual({ channel: 2, y: 5, x: 5 });
    key(el, "ArrowRight");
    key(el, "ArrowDown");
    await settle(el);
    expect(el.focused).toEqual({ channel: 2, y: 6, x: 6 });
    key(el, "PageDown");
    key(el, "PageDown");
    key(el, "[");
    await settle(el);
    expect(el.focused).toEqual({ channel: 3, y: 6, x: 6 });
    expect(sim.cursor.neuron).toEqual({ layer: 0, channel: 2, y: 5, x: 5 }); // not yet committed
    key(el, "End");
    key(el, "ArrowRight"); // clamped at the edge
    await settle(el);
    expect(el.focused).toEqual({ channel: 3, y: 27, x: 27 });
    key(el, "Enter");
    await settle(el);
    expect(sim.cursor.neuron).toEqual({ layer: 0, channel: 3, y: 27, x: 27 });
    const v = sim.trace!.step("C1").valueAt(3, 27, 27);
    expect(events.at(-1)!.value).toBe(v);
    const live = shadow(el).querySelector("[aria-live]")!.textContent!.trim();
    expect(live).toBe(`C1, map 3 of 6, neuron (27, 27): ${shown(v)}`);
  });

  it("a cursor move within the layer repaints only the overlay; a new layer repaints the maps", async () => {
    sim.cursor.setGranularity("neuron");
    const el = await mountWith();
    const drawImage = vi.spyOn(CanvasRenderingContext2D.prototype, "drawImage");
    try {
      sim.cursor.moveTo({ layer: 0, channel: 5, y: 20, x: 1 });
      await settle(el);
      expect(el.focused).toEqual({ channel: 5, y: 20, x: 1 });
      expect(drawImage).not.toHaveBeenCalled();
      sim.cursor.moveTo({ layer: 2, channel: 0 });
      await settle(el);
      expect(drawImage).toHaveBeenCalledTimes(16); // one per C3 map
    } finally {
      drawImage.mockRestore();
    }
  });

  it("the grid is focusable, labelled and described", async () => {
    const el = await mountWith();
    const stage = shadow(el).querySelector<HTMLElement>("[part=grid]")!;
    stage.focus();
    expect(shadow(el).activeElement).toBe(stage);
    expect(stage.getAttribute("aria-label")).toContain("C1");
    expect(shadow(el).getElementById(stage.getAttribute("aria-describedby")!)!.textContent).toMatch(
      /Page Up/,
    );
  });

  it("C3 with show-input: the window and channels marked equal explain()'s (Table I)", async () => {
    sim.cursor.setGranularity("neuron");
    const el = await mountWith({ "show-input": "" });
    for (const [channel, y, x] of [
      [0, 0, 0],
      [4, 3, 6],
      [9, 9, 9],
      [15, 5, 2],
    ]) {
      sim.cursor.moveTo({ layer: 2, channel, y, x });
      await settle(el);
      const e = sim.explain().explanation as ConvExplanation;
      expect(e.type).toBe("conv");
      expect(el.inputLinks).toEqual({ kind: "map", window: e.window, channels: e.inputChannels });
      expect(el.inputLinks).toMatchObject({ channels: [...LENET5_TABLE_1[channel]].sort() });
    }
    expect(el.inputLayout).toMatchObject({ count: 6, mapHeight: 14, mapWidth: 14 });
    const note = shadow(el).querySelector("section.below .note")!.textContent!;
    expect(note).toContain("C3 map 15 reads all 6 maps of S2");
    sim.cursor.moveTo({ layer: 2, channel: 0, y: 0, x: 0 });
    await settle(el);
    expect(shadow(el).querySelector("section.below .note")!.textContent).toContain(
      "reads 3 of 6 maps of S2: 0, 1, 2",
    );
  });

  it("S2 (subsampling) marks one channel and its 2×2 window, as explain() says", async () => {
    sim.cursor.setGranularity("neuron");
    sim.cursor.moveTo({ layer: 1, channel: 5, y: 7, x: 3 });
    const el = await mountWith({ "show-input": "" });
    const e = sim.explain().explanation as PoolExplanation;
    expect(el.inputLinks).toEqual({ kind: "map", window: e.window, channels: [e.channel] });
    expect(el.inputLayout).toMatchObject({ count: 6, mapHeight: 28 });
  });

  it("the legend shows the layer's min and max; scale=map shows the focused map's", async () => {
    const el = await mountWith();
    const { min, max } = sim.trace!.step("C1").stats;
    const legend = () => shadow(el).querySelector("[part=legend]")!;
    expect(legend().textContent).toContain(shown(min));
    expect(legend().textContent).toContain(shown(max));
    if (min < 0 && max > 0) expect(legend().querySelectorAll(".tick")).toHaveLength(3);

    sim.cursor.setGranularity("channel");
    sim.cursor.moveTo({ layer: 0, channel: 2 });
    el.scale = "map";
    await settle(el);
    const data = sim.trace!.step("C1").data;
    let lo = Infinity;
    let hi = -Infinity;
    for (let i = 2; i < data.length; i += 6) {
      lo = Math.min(lo, data[i]);
      hi = Math.max(hi, data[i]);
    }
    expect(legend().textContent).toContain(shown(lo));
    expect(legend().textContent).toContain(shown(hi));
    expect(legend().textContent).toContain("map 2");
  });

  it("layer=F6 draws a strip of 84 units; ArrowDown moves one row of cells", async () => {
    const el = await mountWith({ layer: "F6", "follow-cursor": "false" });
    expect(el.layer).toBe("F6");
    expect(el.followCursor).toBe(false);
    expect(el.layout).toMatchObject({ kind: "units", count: 84 });
    key(el, "ArrowDown");
    await settle(el);
    expect(el.focused).toEqual({ channel: el.layout!.columns, y: 0, x: 0 });
    sim.cursor.moveTo({ layer: 0, channel: 1 }); // not followed
    await settle(el);
    expect(el.layout!.count).toBe(84);
    expect(el.focused).toEqual({ channel: el.layout!.columns, y: 0, x: 0 });
  });

  it("flatten with show-input: a unit reads one unit of C5 (1×1 maps drawn as a strip)", async () => {
    sim.cursor.setGranularity("neuron");
    sim.cursor.moveTo({ layer: 5, channel: 37 });
    const el = await mountWith({ "show-input": "" });
    expect(el.inputLayout).toMatchObject({ kind: "units", count: 120 });
    expect(el.inputLinks).toMatchObject({ kind: "map", channels: [37] });
    expect(shadow(el).querySelector("section.below .note")!.textContent).toContain(
      "flatten unit 37 reads unit 37 of C5.",
    );
  });

  it("reflects columns and cell-size", async () => {
    const el = await mountWith({ columns: "2", "cell-size": "3" });
    expect(el.columns).toBe(2);
    expect(el.cellSize).toBe(3);
    expect(el.layout).toMatchObject({ columns: 2, rows: 3, cell: 3 });
  });

  it("an unknown layer shows a readable error in place", async () => {
    const el = await mountWith({ layer: "C9" });
    const error = shadow(el).querySelector(".error")!;
    expect(error.textContent).toContain('No layer named "C9"');
    expect(error.textContent).toContain("C1, S2, C3");
    el.layer = "C3";
    await settle(el);
    expect(shadow(el).querySelector(".error")).toBeNull();
    expect(el.layout!.count).toBe(16);
  });

  it("without a simulator it says what it needs", async () => {
    const el = await mount<CsFeatureMaps>("cs-feature-maps");
    expect(shadow(el).textContent).toContain("simulator");
  });

  it("speaks Korean: the live sentence and the heading's dimensions", async () => {
    sim.cursor.setGranularity("neuron");
    sim.cursor.moveTo({ layer: 0, channel: 1, y: 2, x: 3 });
    const el = await mountWith();
    try {
      await setLanguage("ko");
      await settle(el);
      const v = sim.trace!.step("C1").valueAt(1, 2, 3);
      const live = shadow(el).querySelector("[aria-live]")!.textContent!.trim();
      expect(live).toBe(`C1, 맵 1 / 6, 뉴런 (2, 3): ${shown(v)}`);
      expect(shadow(el).querySelector("[part=label]")!.textContent).toContain("맵 6개 · 28×28");
    } finally {
      await setLanguage("en");
    }
  });

  it("has no serious or critical axe violations (with the layer below)", async () => {
    sim.cursor.setGranularity("neuron");
    sim.cursor.moveTo({ layer: 2, channel: 4, y: 3, x: 6 });
    const el = await mountWith({ "show-input": "" });
    await expectNoAxeViolations(el);
  });
});

describe("inputLinks on AlexNet-like layers (grouped conv, LRN)", () => {
  it("a grouped conv marks only its group's channels, an LRN its neighbours, as explain() says", async () => {
    const model = compileModel({
      name: "grouped",
      input: { shape: [9, 9, 4] },
      layers: [
        { name: "conv", kind: "conv2d", filters: 6, kernelSize: 3, padding: 1, groups: 2 },
        { name: "norm", kind: "lrn", k: 2, n: 3, alpha: 1e-4, beta: 0.75 },
      ],
    });
    const weights = initWeights(model, { seed: 3 });
    const sim = createSimulator(model, weights);
    await sim.run(Float32Array.from({ length: 9 * 9 * 4 }, (_, i) => Math.sin(i)));
    try {
      for (const channel of [0, 2, 3, 5]) {
        const pos = { layer: 0, channel, y: 0, x: 8 };
        const e = sim.explain(pos).explanation as ConvExplanation;
        const links = inputLinks(model.layers[0], pos);
        expect(links).toEqual({ kind: "map", window: e.window, channels: e.inputChannels });
        expect(links).toMatchObject({ channels: channel < 3 ? [0, 1] : [2, 3] });
      }
      for (const channel of [0, 3, 5]) {
        const pos = { layer: 1, channel, y: 4, x: 4 };
        const e = sim.explain(pos).explanation as LRNExplanation;
        const links = inputLinks(model.layers[1], pos);
        expect(links).toMatchObject({ channels: e.neighbours.map((n) => n.channel) });
      }
    } finally {
      sim.dispose();
      for (const t of weights.values()) t.dispose();
    }
  });
});
