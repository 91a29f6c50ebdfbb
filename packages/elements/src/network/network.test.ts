import * as tf from "@tensorflow/tfjs-core";
import { compileModel, Cursor, type Simulator } from "@convstep/engine";
import { getModelSpec } from "@convstep/models";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import "./define.js";
import type { CsNetwork } from "./network.component.js";
import { CsFocusLayerEvent } from "../shared/events.js";
import { setLanguage } from "../shared/localize.js";
import { lenetSimulator } from "../test-utils/fixtures.js";
import { afterLayout, expectNoAxeViolations, mount } from "../test-utils/mount.js";

type Fixture = Awaited<ReturnType<typeof lenetSimulator>>;

/** PAPERS.md: trainable parameters of LeNet-5 (1998), layer by layer. */
const PAPER_PARAMS: Record<string, number> = {
  C1: 156,
  S2: 12,
  C3: 1516,
  S4: 32,
  C5: 48120,
  F6: 10164,
};

const expectedShape = (s: readonly number[]) =>
  s.length === 3 ? `${s[2]}@${s[0]}×${s[1]}` : `${s[0]}`;

async function mountNetwork(
  fixture: Fixture,
  attrs: Record<string, string> = {},
): Promise<CsNetwork> {
  const el = await mount<CsNetwork>("cs-network", attrs);
  el.style.width = "1000px";
  el.simulator = fixture.simulator;
  await afterLayout(el);
  return el;
}

const columns = (el: CsNetwork) => [
  ...el.shadowRoot!.querySelectorAll<HTMLElement>("[role=option]"),
];
const linkPaths = (el: CsNetwork) => el.shadowRoot!.querySelectorAll("svg path.link");
/** A column's accessible name: its content, where only the hidden sentence is exposed. */
const nameOf = (col: HTMLElement) => col.querySelector(".visually-hidden")!.textContent!.trim();
const live = (el: CsNetwork) => el.shadowRoot!.querySelector("[aria-live]")!.textContent!.trim();

describe("<cs-network> with LeNet-5 (1998)", () => {
  let fixture: Fixture;
  beforeAll(async () => {
    fixture = await lenetSimulator("1998");
  });
  afterAll(() => fixture.dispose());
  afterEach(() => {
    document.body.replaceChildren();
    fixture.simulator.cursor.moveTo({ layer: 0 });
  });

  it("one column per layer plus the input, labelled with the model's names, shapes and trainable counts", async () => {
    const el = await mountNetwork(fixture);
    const model = fixture.simulator.model;
    const cols = columns(el);
    expect(cols).toHaveLength(model.layers.length + 1);
    expect(cols[0].querySelector(".name")!.textContent).toBe("Input");
    expect(cols[0].querySelector(".shape")!.textContent).toBe("1@32×32");
    model.layers.forEach((layer, i) => {
      const col = cols[i + 1];
      expect(col.querySelector(".name")!.textContent).toBe(layer.name);
      expect(col.querySelector(".shape")!.textContent).toBe(expectedShape(layer.outputShape));
      const params = col.querySelector(".params")!.textContent!;
      const n = layer.counts.trainable + layer.counts.nonTrainable;
      expect(params).toBe(n === 0 ? "no params" : `${n.toLocaleString("en-US")} params`);
      if (layer.name in PAPER_PARAMS) expect(layer.counts.trainable).toBe(PAPER_PARAMS[layer.name]);
    });
    expect(nameOf(cols[3])).toBe("C3: 16 maps of 10×10, 1,516 parameters");
    expect(nameOf(cols[0])).toBe("Input: 1 map of 32×32");
  });

  it("paints every shown item from the trace: maps for C1–S4, boxes for C5 onwards", async () => {
    const el = await mountNetwork(fixture);
    const painted = el.painted;
    const shown = el.layout!.columns.reduce((n, c) => n + c.items.length, 0);
    expect(painted).toHaveLength(shown);
    expect(painted.filter((p) => p.layer === 2 && p.as === "map")).toHaveLength(16);
    expect(painted.filter((p) => p.layer === 6 && p.as === "box")).toHaveLength(32); // F6: first page of 84
    expect(painted.some((p) => p.as === "empty")).toBe(false);
  });

  it("focusing C3 map 0 draws exactly 3 links, from S2 maps {0, 1, 2} (Table I), and rings them", async () => {
    const el = await mountNetwork(fixture);
    fixture.simulator.cursor.moveTo({ layer: 2, channel: 0 });
    await el.updateComplete;
    expect(linkPaths(el)).toHaveLength(3);
    expect(el.links.map((l) => l.from)).toEqual([0, 1, 2]);
    // Each link starts at an S2 thumbnail's right edge: one path per pair of maps, not per value.
    const s2 = el.layout!.columns[2];
    expect(el.links.map((l) => l.x1)).toEqual(
      [0, 1, 2].map((c) => s2.items[c].x + s2.items[c].width),
    );
    expect(el.shadowRoot!.querySelectorAll("rect.ring.source")).toHaveLength(3);
    expect(el.shadowRoot!.querySelectorAll("rect.ring.focus")).toHaveLength(1);
    expect(live(el)).toBe("C3 map 0 reads S2 maps 0, 1, 2.");
  });

  it("focusing C3 map 15 draws 6 links, one from every S2 map", async () => {
    const el = await mountNetwork(fixture);
    fixture.simulator.cursor.moveTo({ layer: 2, channel: 15 });
    await el.updateComplete;
    expect(linkPaths(el)).toHaveLength(6);
    expect(el.links.map((l) => l.from)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(live(el)).toBe("C3 map 15 reads all 6 maps of S2.");
  });

  it("F6 unit 0 fans in from flatten: 32 shown units + one link for the 88 off the page", async () => {
    const el = await mountNetwork(fixture);
    fixture.simulator.cursor.moveTo({ layer: 6, channel: 0 });
    await el.updateComplete;
    expect(linkPaths(el)).toHaveLength(33);
    expect(el.links[32]).toMatchObject({ from: -1, count: 88 });
    expect(el.shadowRoot!.querySelectorAll("path.link.more")).toHaveLength(1);
  });

  it("focus-layer=C3 focus-channel=4 overrides the cursor: links and lit thumbnails from S2 {0, 4, 5}", async () => {
    const el = await mountNetwork(fixture, { "focus-layer": "C3", "focus-channel": "4" });
    expect(el.focusLayer).toBe("C3");
    expect(el.focusChannel).toBe(4);
    expect(el.focused).toEqual({ layer: 2, channel: 4 });
    expect(el.links.map((l) => l.from)).toEqual([0, 4, 5]);
    const s2 = el.layout!.columns[2];
    const rings = [...el.shadowRoot!.querySelectorAll<SVGRectElement>("rect.ring.source")];
    expect(rings.map((r) => Number(r.getAttribute("y")) + 2.5)).toEqual(
      [0, 4, 5].map((c) => s2.items[c].y),
    );
    expect(columns(el)[3].getAttribute("aria-selected")).toBe("true");
  });

  it("an unknown focus-layer shows a readable error and falls back to the cursor", async () => {
    const el = await mountNetwork(fixture, { "focus-layer": "C9" });
    expect(el.shadowRoot!.querySelector(".error")!.textContent).toContain("C9");
    expect(el.focused).toEqual({ layer: 0, channel: 0 });
  });

  it('show-links="false" hides the links', async () => {
    const el = await mountNetwork(fixture, { "show-links": "false" });
    expect(el.showLinks).toBe(false);
    fixture.simulator.cursor.moveTo({ layer: 2, channel: 0 });
    await el.updateComplete;
    expect(linkPaths(el)).toHaveLength(0);
  });

  it("page-size=8: F6 shows 8 boxes and '+ 76 more'; next page shows 8–15; focusing unit 50 pages to 48", async () => {
    const el = await mountNetwork(fixture, { "page-size": "8" });
    expect(el.pageSize).toBe(8);
    const f6 = () => el.layout!.columns[7];
    expect(f6().items.map((i) => i.channel)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    const pagers = [...el.shadowRoot!.querySelectorAll<HTMLElement>("[part=pager]")];
    const pager = pagers.find((p) => p.textContent!.includes("76"))!;
    expect(pager.querySelector(".more")!.textContent).toBe("+ 76 more");
    pager.querySelector<HTMLButtonElement>('button[aria-label="Next page of F6"]')!.click();
    await el.updateComplete;
    expect(f6().start).toBe(8);
    fixture.simulator.cursor.moveTo({ layer: 6, channel: 50 });
    await el.updateComplete;
    expect(f6().start).toBe(48);
  });

  it("clicking C3's fifth thumbnail moves the cursor to C3 map 4 and emits cs-focus-layer", async () => {
    const el = await mountNetwork(fixture);
    const events: CsFocusLayerEvent[] = [];
    document.body.addEventListener("cs-focus-layer", (e) => events.push(e));
    const item = el.layout!.columns[3].items[4];
    const stage = el.shadowRoot!.querySelector(".stage")!.getBoundingClientRect();
    columns(el)[3].dispatchEvent(
      new MouseEvent("click", {
        bubbles: true,
        composed: true,
        clientX: stage.left + item.x + item.width / 2,
        clientY: stage.top + item.y + item.height / 2,
      }),
    );
    await el.updateComplete;
    expect(fixture.simulator.cursor.neuron).toMatchObject({ layer: 2, channel: 4 });
    expect(events).toHaveLength(1);
    expect(events[0]).toBeInstanceOf(CsFocusLayerEvent);
    expect([events[0].layer, events[0].channel]).toEqual(["C3", 4]);
    expect(el.links.map((l) => l.from)).toEqual([0, 4, 5]);
  });

  it("keyboard: one tab stop; →/← move between columns, Enter focuses the layer, ↓/↑ step through maps", async () => {
    const el = await mountNetwork(fixture);
    const events: CsFocusLayerEvent[] = [];
    el.addEventListener("cs-focus-layer", (e) => events.push(e));
    const key = async (k: string) => {
      (el.shadowRoot!.activeElement as HTMLElement).dispatchEvent(
        new KeyboardEvent("keydown", { key: k, bubbles: true, composed: true }),
      );
      await el.updateComplete;
      await el.updateComplete;
    };
    expect(columns(el).filter((c) => c.tabIndex === 0)).toHaveLength(1);
    columns(el)[1].focus(); // C1 (the cursor's layer)
    await key("ArrowRight");
    expect((el.shadowRoot!.activeElement as HTMLElement).dataset.index).toBe("2");
    await key("ArrowRight");
    await key("ArrowLeft");
    expect((el.shadowRoot!.activeElement as HTMLElement).dataset.index).toBe("2");
    await key("Enter");
    expect(fixture.simulator.cursor.neuron).toMatchObject({ layer: 1, channel: 0 });
    expect(events.map((e) => e.layer)).toEqual(["S2"]);
    await key("ArrowDown");
    await key("ArrowDown");
    await key("ArrowUp");
    expect(fixture.simulator.cursor.neuron).toMatchObject({ layer: 1, channel: 1 });
    expect(events.map((e) => e.channel)).toEqual([0, 1, 2, 1]);
    expect(live(el)).toBe("S2 map 1 reads C1 map 1.");
    expect(
      columns(el)
        .filter((c) => c.tabIndex === 0)
        .map((c) => c.dataset.index),
    ).toEqual(["2"]);
  });

  it("a cursor move to a new layer sends a pulse along the new links", async () => {
    const el = await mountNetwork(fixture);
    fixture.simulator.cursor.moveTo({ layer: 2, channel: 3 });
    await el.updateComplete;
    const reduced = matchMedia("(prefers-reduced-motion: reduce)").matches;
    const pulses = el.shadowRoot!.querySelectorAll("circle.pulse").length;
    const lit = el.shadowRoot!.querySelectorAll("path.link.lit").length;
    expect(reduced ? lit : pulses).toBe(3);
  });

  it("speaks Korean: 입력, and C3's name and live sentence in Korean", async () => {
    const el = await mountNetwork(fixture);
    fixture.simulator.cursor.moveTo({ layer: 2, channel: 0 });
    try {
      await setLanguage("ko");
      await el.updateComplete;
      expect(columns(el)[0].querySelector(".name")!.textContent).toBe("입력");
      expect(nameOf(columns(el)[3])).toBe("C3: 10×10 맵 16개, 매개변수 1,516개");
      expect(live(el)).toBe("C3 맵 0의 입력: S2 맵 0, 1, 2.");
    } finally {
      await setLanguage("en");
    }
  });

  it("has no serious or critical axe violations", async () => {
    const el = await mountNetwork(fixture);
    fixture.simulator.cursor.moveTo({ layer: 2, channel: 0 });
    await el.updateComplete;
    await expectNoAxeViolations(el);
  });

  it("mounting, drawing and removing leaves no tensors behind", async () => {
    const before = tf.memory().numTensors;
    const el = await mountNetwork(fixture);
    fixture.simulator.cursor.moveTo({ layer: 4, channel: 7 });
    await el.updateComplete;
    el.remove();
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe("<cs-network> with the Keras LeNet-5", () => {
  let fixture: Fixture;
  beforeAll(async () => {
    fixture = await lenetSimulator("keras");
  });
  afterAll(() => fixture.dispose());

  it("C3 is fully connected: map 0 reads all six S2 maps", async () => {
    const el = await mountNetwork(fixture);
    const c3 = fixture.simulator.model.layers.findIndex((l) => l.name === "C3");
    fixture.simulator.cursor.moveTo({ layer: c3, channel: 0 });
    await el.updateComplete;
    expect(linkPaths(el)).toHaveLength(6);
    expect(el.links.map((l) => l.from)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(nameOf(columns(el)[c3 + 1])).toBe(
      `C3: 16 maps of 10×10, ${fixture.simulator.model.layers[c3].counts.trainable.toLocaleString("en-US")} parameters`,
    );
    el.remove();
  });
});

describe("<cs-network> with AlexNet (2012), before any run", () => {
  // The view needs only the model and a cursor until a trace exists: no 61 M weights here.
  const model = compileModel(getModelSpec("alexnet-2012"));
  const stub = () =>
    Object.assign(new EventTarget(), {
      model,
      trace: null,
      cursor: new Cursor(model),
    }) as unknown as Simulator;
  afterEach(() => document.body.replaceChildren());

  it("conv2 map 200 (second GPU) reads pool1 maps 48–95: the page turns to 48, 16 links + 1 for the 32 off it", async () => {
    const sim = stub();
    const el = await mount<CsNetwork>("cs-network");
    el.style.width = "1000px";
    el.simulator = sim;
    await el.updateComplete;
    sim.cursor.moveTo({ layer: model.layers.findIndex((l) => l.name === "conv2"), channel: 200 });
    await el.updateComplete;
    const pool1 = el.layout!.columns.find((c) => c.name === "pool1")!;
    expect(pool1.start).toBe(48);
    expect(el.links.map((l) => l.from)).toEqual([
      ...Array.from({ length: 16 }, (_, i) => 48 + i),
      -1,
    ]);
    expect(el.links[16].count).toBe(32);
    expect(linkPaths(el)).toHaveLength(17);
    expect(live(el)).toBe("conv2 map 200 reads pool1 maps 48–95.");
  });

  it("at 320 px the 17 columns scroll; fc6 says '+ 4,064 more'; items are blank until a run", async () => {
    const el = await mount<CsNetwork>("cs-network");
    el.style.width = "320px";
    el.simulator = stub();
    await afterLayout(el);
    const scroller = el.shadowRoot!.querySelector<HTMLElement>(".scroller")!;
    expect(scroller.scrollWidth).toBeGreaterThan(scroller.clientWidth);
    expect(columns(el)).toHaveLength(17);
    const more = [...el.shadowRoot!.querySelectorAll(".pager .more")].map((n) => n.textContent);
    expect(more).toContain("+ 4,064 more");
    expect(el.painted.every((p) => p.as === "empty")).toBe(true);
    expect(el.shadowRoot!.textContent).toContain("Run the network");
    await expectNoAxeViolations(el);
  });
});

describe("<cs-network> output column", () => {
  afterEach(() => document.body.replaceChildren());

  for (const variant of ["1998", "keras"] as const) {
    it(`LeNet-5 (${variant}): the output units are numbered 0–9 and the winner is coloured as the top of the scale`, async () => {
      const fixture = await lenetSimulator(variant);
      try {
        const el = await mount<CsNetwork>("cs-network");
        el.style.width = "1000px";
        el.simulator = fixture.simulator;
        await afterLayout(el);
        const labels = [...el.shadowRoot!.querySelectorAll(".unit-label")].map((n) =>
          n.textContent!.trim(),
        );
        expect(labels).toEqual(["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"]);
        // The winner, computed here: the lowest distance (1998) or the highest probability (keras).
        const out = Array.from(fixture.simulator.trace!.output.data);
        const winner =
          variant === "1998" ? out.indexOf(Math.min(...out)) : out.indexOf(Math.max(...out));
        const column = el.layout!.columns.at(-1)!;
        const item = column.items.find((i) => i.channel === winner)!;
        const canvas = el.shadowRoot!.querySelector("canvas")!;
        const dpr = canvas.width / el.layout!.width;
        const [r, g, b] = canvas
          .getContext("2d")!
          .getImageData(
            Math.round((item.x + item.width / 2) * dpr),
            Math.round((item.y + item.height / 2) * dpr),
            1,
            1,
          ).data;
        // softmax(−d) and p put the winner at the top of the sequential scale (viridis, whose
        // lightness rises): its box is the lightest of the column in both variants.
        const lightness = (x: number, y: number) => {
          const [rr, gg, bb] = canvas.getContext("2d")!.getImageData(x, y, 1, 1).data;
          return 0.2126 * rr + 0.7152 * gg + 0.0722 * bb;
        };
        const mine = 0.2126 * r + 0.7152 * g + 0.0722 * b;
        for (const other of column.items) {
          const l = lightness(
            Math.round((other.x + other.width / 2) * dpr),
            Math.round((other.y + other.height / 2) * dpr),
          );
          expect(l).toBeLessThanOrEqual(mine + 0.5);
        }
      } finally {
        fixture.dispose();
      }
    });
  }
});
