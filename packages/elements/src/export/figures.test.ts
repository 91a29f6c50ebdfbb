import "@tensorflow/tfjs-backend-cpu";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { ConvExplanation, Simulator } from "@convstep/engine";
import "../feature-maps/define.js";
import "../network/define.js";
import "../neuron-math/define.js";
import type { CsFeatureMaps } from "../feature-maps/feature-maps.component.js";
import type { CsNetwork } from "../network/network.component.js";
import type { CsNeuronMath } from "../neuron-math/neuron-math.component.js";
import { thumbnail } from "../draw/svg/network-svg.js";
import { colorLut } from "../draw/network.js";
import { activationScale } from "../draw/color.js";
import { lenetSimulator } from "../test-utils/fixtures.js";
import { mount } from "../test-utils/mount.js";

let sim: Simulator;
let dispose: () => void;

beforeAll(async () => {
  ({ simulator: sim, dispose } = await lenetSimulator("1998"));
  sim.cursor.setGranularity("neuron");
  sim.cursor.moveTo({ layer: 2, channel: 4, y: 2, x: 3 }); // C3 map 4 at (2, 3)
});
afterAll(() => dispose());
afterEach(() => document.body.replaceChildren());

function parse(svg: string): Document {
  const doc = new DOMParser().parseFromString(svg, "image/svg+xml");
  expect(doc.querySelector("parsererror")?.textContent ?? null).toBeNull();
  expect(doc.documentElement.namespaceURI).toBe("http://www.w3.org/2000/svg");
  return doc;
}

const texts = (doc: Document) => [...doc.querySelectorAll("text")].map((t) => t.textContent ?? "");

/** 4 significant digits, a true minus sign: the figure's totals. */
const four = (v: number) => String(Number(v.toPrecision(4))).replace("-", "\u2212");

describe("figures of the elements", () => {
  it("cs-network.toSVG() parses and holds every column label on screen; toPNG() is the SVG at 2×", async () => {
    const el = await mount<CsNetwork>("cs-network");
    el.simulator = sim;
    await el.updateComplete;
    const doc = parse(await el.toSVG());
    const onScreen = [
      ...el.shadowRoot!.querySelectorAll(".label .name, .label .shape, .label .params"),
    ].map((n) => n.textContent!.trim());
    expect(onScreen).toContain("C3");
    for (const label of onScreen) expect(texts(doc)).toContain(label);
    expect(texts(doc).at(-1)).toMatch(/· layer C3 · map 4$/);
    // One ring on the focused map, three on the S2 maps Table I wires to C3 map 4 (0, 4, 5).
    expect(doc.querySelectorAll(".ring.focus")).toHaveLength(1);
    expect(doc.querySelectorAll(".ring.source")).toHaveLength(3);
    const width = Number(doc.documentElement.getAttribute("width"));
    const height = Number(doc.documentElement.getAttribute("height"));
    const png = await createImageBitmap(await el.toPNG());
    expect([png.width, png.height]).toEqual([width * 2, height * 2]);
    const wide = await createImageBitmap(await el.toPNG({ width: 1000 }));
    expect([wide.width, wide.height]).toEqual([1000, Math.round((height * 1000) / width)]);
  });

  it("cs-neuron-math.toSVG() shows C3 map 4 at (2, 3): each input map's partial sum, the total, bias and output", async () => {
    const el = await mount<CsNeuronMath>("cs-neuron-math");
    el.simulator = sim;
    await el.updateComplete;
    const words = texts(parse(await el.toSVG())).join("\n");
    const n = sim.explain({ layer: 2, channel: 4, y: 2, x: 3 });
    const e = n.explanation as ConvExplanation;
    expect(words).toContain("C3 map 4 at (2, 3)");
    // Σ patch × kernel per input map, by hand.
    let total = 0;
    e.inputChannels.forEach((c, i) => {
      let partial = 0;
      for (let y = 0; y < 5; y++)
        for (let x = 0; x < 5; x++) partial += e.patch[i][y][x] * e.kernel[i][y][x];
      total += partial;
      expect(words).toContain(`S2 map ${c}`);
      expect(words).toContain(`Σ = ${four(partial)}`);
    });
    expect(words).toContain(four(total));
    expect(words).toContain(four(e.bias));
    // The scaled tanh of LeNet-5: 1.7159·tanh(2a/3).
    expect(words).toContain(four(1.7159 * Math.tanh((2 / 3) * (total + e.bias))));
  });

  it("cs-feature-maps.toPNG() is the maps at 2× with a caption strip, or the width asked", async () => {
    const el = await mount<CsFeatureMaps>("cs-feature-maps");
    el.simulator = sim;
    await el.updateComplete;
    await new Promise((r) => requestAnimationFrame(r));
    const canvas = el.shadowRoot!.querySelector("canvas.maps")!.getBoundingClientRect();
    const png = await createImageBitmap(await el.toPNG());
    expect(png.width).toBe(Math.round(canvas.width * 2));
    expect(png.height).toBe(Math.round((canvas.height + 28) * 2));
    const asked = await createImageBitmap(await el.toPNG({ width: 640 }));
    expect(asked.width).toBe(640);
    await expect(el.toPNG({ scale: 0 })).rejects.toThrow(/positive scale or width, got scale 0/);
    parse(await el.toSVG());
  });

  it("a thumbnail draws one rectangle per run of equal colour", () => {
    // A 2×3 map, one channel: row 0 = 0 0 1, row 1 = 1 1 1 → runs: 2 + 1, then 3 → 3 rectangles.
    const step = { data: [0, 0, 1, 1, 1, 1], shape: [2, 3, 1], stats: { min: 0, max: 1 } };
    const lut = colorLut(activationScale(0, 1));
    const svg = thumbnail(step, 0, lut, { x: 0, y: 0, width: 30, height: 20 });
    const rects = [...svg.matchAll(/<rect x="([\d.]+)" y="([\d.]+)" width="([\d.]+)"/g)].map((m) =>
      m.slice(1).map(Number),
    );
    expect(rects.map(([x, y]) => [x, y])).toEqual([
      [0, 0],
      [20, 0],
      [0, 10],
    ]);
    expect(rects.map((r) => Math.round(r[2]))).toEqual([20, 10, 30]);
  });
});
