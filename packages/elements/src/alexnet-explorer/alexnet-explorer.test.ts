// The AlexNet explorer on the wasm backend (a full trace takes ~70 ms there, ~1.4 s on cpu).
// Expected numbers come from hand computation (conv1 windows, output sizes, fc6's share), from the
// engine's own trace, explain() and receptiveField(), never from the element under test.
import * as tf from "@tensorflow/tfjs-core";
import {
  selectBackend,
  type ConvExplanation,
  type LRNExplanation,
  type PoolExplanation,
} from "@convstep/engine";
import { CIFAR10_CLASSES, IMAGENET_CLASSES } from "@convstep/models";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import type { CsImageInput } from "../image-input/image-input.component.js";
import type { CsNetwork } from "../network/network.component.js";
import type { CsPrediction } from "../prediction/prediction.component.js";
import { setAssetBase } from "../shared/assets.js";
import type { CsErrorEvent } from "../shared/events.js";
import { setLanguage } from "../shared/localize.js";
import { expectNoAxeViolations, mount, settleExplorer } from "../test-utils/mount.js";
import type { CsAlexnetExplorer } from "./alexnet-explorer.component.js";
import type { CsConvSweep } from "./conv-sweep.component.js";
import "./define.js";

const WASM = "/node_modules/@tensorflow/tfjs-backend-wasm/dist/";

/** Mounts an explorer on wasm (1280 px wide) and waits for its first trace (or its error). */
async function explorer(attributes: Record<string, string> = {}): Promise<CsAlexnetExplorer> {
  const el = await mount<CsAlexnetExplorer>("cs-alexnet-explorer", {
    backend: "wasm",
    style: "width: 1280px; display: block",
    ...attributes,
  });
  await el.ready;
  await settleExplorer(el);
  return el;
}

const sweepOf = (el: CsAlexnetExplorer) =>
  el.shadowRoot!.querySelector<CsConvSweep>("cs-conv-sweep")!;
const text = (el: Element) => (el.shadowRoot ?? el).textContent!.replace(/\s+/g, " ");
const layerIndex = (el: CsAlexnetExplorer, name: string) =>
  el.simulator!.model.layers.findIndex((l) => l.name === name);

/** A 227×227×3 (or side×side×3) input: dark/bright halves split vertically or horizontally. */
function stepImage(
  side: number,
  direction: "vertical" | "horizontal",
  low: number,
  high: number,
): Float32Array {
  const out = new Float32Array(side * side * 3);
  for (let y = 0; y < side; y++)
    for (let x = 0; x < side; x++) {
      const bright = direction === "vertical" ? x >= side / 2 : y >= side / 2;
      out.fill(bright ? high : low, (y * side + x) * 3, (y * side + x) * 3 + 3);
    }
  return out;
}

/** A number as the notes print it: three significant digits, exponent when tiny or huge, real minus. */
function shown(v: number): string {
  const abs = Math.abs(v);
  const t = abs !== 0 && (abs >= 1e5 || abs < 1e-3) ? v.toExponential(2) : v.toPrecision(3);
  return t.replace(/^-/, "−");
}

/** The indices of the `k` largest values, largest first (a plain sort, not the widget's ranking). */
function topIndices(values: ArrayLike<number>, k: number): number[] {
  return Array.from(values, (v, i) => [v, i] as const)
    .sort((a, b) => b[0] - a[0])
    .slice(0, k)
    .map(([, i]) => i);
}

const predictionOf = (el: CsAlexnetExplorer) =>
  el.shadowRoot!.querySelector<CsPrediction>("cs-prediction")!;
const predictionLabels = (el: CsAlexnetExplorer) =>
  [...predictionOf(el).shadowRoot!.querySelectorAll("[part=label]")].map((n) => n.textContent);

/** Largest value of one map of an HWC activation. */
function mapMax(data: Float32Array, channels: number, channel: number): number {
  let best = -Infinity;
  for (let i = channel; i < data.length; i += channels) best = Math.max(best, data[i]);
  return best;
}

beforeAll(async () => {
  tf.env().set("PROD", true);
  // The Vite dev server of the tests serves the repository: samples under packages/models.
  setAssetBase("/packages/models/");
  await selectBackend("wasm", { wasmPaths: WASM });
});

afterEach(async () => {
  document.body.replaceChildren();
  history.replaceState(null, "", `${location.pathname}${location.search}`);
  await setLanguage("en");
});

describe("<cs-alexnet-explorer variant=2012>", () => {
  it("conv1 makes 55×55×96 maps from the 227×227×3 crop of the sample photo; untrained notice visible", async () => {
    const el = await explorer();
    const sim = el.simulator!;
    expect(el.error).toBeUndefined();
    expect(sim.trace!.input.shape).toEqual([227, 227, 3]);
    expect(sim.trace!.step("conv1").shape).toEqual([55, 55, 96]);
    expect(el.input?.shape).toEqual([227, 227, 3]);
    expect(el.loaded).toMatchObject({ kind: "seeded", conv1: "seeded" });
    const notice = el.shadowRoot!.querySelector<HTMLElement>("[part=notice]")!;
    expect(notice.textContent).toContain(
      "Untrained weights: the shapes and the arithmetic are real, the features are not.",
    );
    const box = notice.getBoundingClientRect();
    expect(box.width).toBeGreaterThan(100);
    expect(box.height).toBeGreaterThan(10);
    expect(getComputedStyle(notice).visibility).toBe("visible");
  });

  it("the image block prepares the same input the explorer ran (no second run); a new sample runs", async () => {
    const el = await explorer();
    const sim = el.simulator!;
    const block = el.shadowRoot!.querySelector<CsImageInput>("cs-image-input")!;
    expect(block.target).toBe("alexnet-2012");
    await expect.poll(() => block.value, { timeout: 30_000 }).toBeDefined();
    await settleExplorer(el);
    const first = sim.trace;
    expect(Array.from(block.value!.data.slice(0, 30))).toEqual(
      Array.from(sim.trace!.input.data.slice(0, 30)),
    );
    expect(sim.trace).toBe(first);
    const done = new Promise((resolve) =>
      sim.addEventListener("trace-complete", resolve, { once: true }),
    );
    block.shadowRoot!.querySelectorAll<HTMLButtonElement>("[part~=sample]")[1].click();
    await done;
    expect(sim.trace).not.toBe(first);
    expect(sim.trace!.input.data).toEqual(block.value!.data);
  });

  it("conv1 neuron (3, 5) reads rows 12–22, columns 20–30 of the 227 input: the sweep draws that window", async () => {
    const el = await explorer();
    const sweep = sweepOf(el);
    sweep.moveTo({ y: 3, x: 5 });
    await sweep.updateComplete;
    // Hand computation: rows 4·3 … 4·3 + 10, columns 4·5 … 4·5 + 10 (half-open ends).
    const hand = { y0: 12, x0: 20, y1: 23, x1: 31 };
    expect(sweep.window).toEqual(hand);
    expect(sweep.frame!.picture.window).toEqual(hand);
    // The engine's receptive field agrees.
    expect(el.simulator!.receptiveField({ layer: 0, channel: 0, y: 3, x: 5 }).clipped).toEqual(
      hand,
    );
    // The previous stride position (3, 4) is drawn too: it overlaps by 11 − 4 = 7 columns.
    expect(sweep.frame!.picture.previous).toEqual({ y0: 12, x0: 16, y1: 23, x1: 27 });
    // Cells up to (3, 5) are computed: 3·55 + 5 + 1 = 171; the rest is veiled.
    expect(sweep.frame!.map.revealed).toBe(171);
    expect(sweep.frame!.picture.veiled).toBe(true);
    expect(text(sweep)).toContain("Window rows 12–22, columns 20–30");
  });

  it("step=conv1:17:20,31 puts the cursor on that neuron and the sweep on cell (20, 31)", async () => {
    const el = await explorer({ step: "conv1:17:20,31" });
    const sim = el.simulator!;
    expect(sim.cursor.neuron).toEqual({ layer: 0, channel: 17, y: 20, x: 31 });
    expect(sim.cursor.granularity).toBe("neuron");
    const sweep = sweepOf(el);
    expect(sweep.channel).toBe(17);
    expect(sweep.cell).toEqual({ y: 20, x: 31 });
    expect(sweep.window).toEqual({ y0: 80, x0: 124, y1: 91, x1: 135 });
    // The cell's caption shows the trace's value.
    const value = sim.trace!.step("conv1").valueAt(17, 20, 31);
    expect(text(sweep)).toContain(
      `Map 17, cell (20, 31) = ${value.toPrecision(3).replace(/^-/, "−")}`,
    );
  });

  it("the arithmetic: (227 − 11)/4 + 1 = 55, and the paper's 224 gives 54.25", async () => {
    const el = await explorer();
    const words = text(sweepOf(el));
    expect(words).toContain("(227 − 11) / 4 + 1 = 55");
    expect(words).toContain("(224 − 11) / 4 + 1 = 54.25");
    expect(words).toContain("55 × 55 × 96 = 290,400 values");
  });

  it("grouped layers: conv2 map 200 (GPU 2) reads pool1 maps 48–95 — network links, note and explain() agree", async () => {
    const el = await explorer({ step: "conv2:200" });
    const sim = el.simulator!;
    const e = sim.explain({ layer: layerIndex(el, "conv2"), channel: 200 })
      .explanation as ConvExplanation;
    expect(e.inputChannels).toEqual(Array.from({ length: 48 }, (_, i) => 48 + i));
    expect(e.group).toBe(1);
    const network = el.shadowRoot!.querySelector<CsNetwork>("cs-network")!;
    expect(network.towers).toBe(true);
    const sources = network.links.filter((l) => l.from >= 0).map((l) => l.from);
    expect(sources.every((c) => c >= 48 && c <= 95)).toBe(true);
    expect(sources.length).toBeGreaterThan(0);
    const pool1 = network.layout!.columns.find((c) => c.name === "pool1")!;
    const fed = pool1.items.filter((i) => sources.includes(i.channel));
    expect(fed.every((i) => i.tower === 1)).toBe(true);
    const idea = text(el.shadowRoot!.querySelector(".region.idea")!);
    expect(idea).toContain("map 200 lives on GPU 2");
    expect(idea).toContain("maps 48–95");
  });

  it("the hand-built conv1 bank: a vertical-edge kernel answers a vertical step more than a horizontal one", async () => {
    const el = await explorer({ conv1: "bank" });
    expect(el.loaded?.conv1).toBe("bank");
    const info = el.loaded!.bankInfo!;
    const vertical = info.findIndex(
      (i) => i.kind === "edge" && i.orientation === 90 && i.wavelength === 10 && i.phase === "odd",
    );
    expect(vertical).toBeGreaterThanOrEqual(0);
    const sim = el.simulator!;
    // Dark left / bright right, around the mean: 0–255 pixels minus the mean are about ±100.
    await el.run(stepImage(227, "vertical", -100, 100));
    const onVertical = mapMax(sim.trace!.step("conv1").data, 96, vertical);
    await el.run(stepImage(227, "horizontal", -100, 100));
    const onHorizontal = mapMax(sim.trace!.step("conv1").data, 96, vertical);
    expect(onVertical).toBeGreaterThan(1);
    expect(onVertical).toBeGreaterThan(10 * Math.max(onHorizontal, 1e-6));
    // The sweep says what the kernel is and that it is hand-built.
    const sweep = sweepOf(el);
    sweep.selectChannel(vertical);
    await sweep.updateComplete;
    expect(text(sweep)).toContain("Hand-built: edge at 90°, period 10 px");
    expect(text(el.shadowRoot!.querySelector("[part=notice]")!)).toContain("hand-built bank");
  });

  it("a deeper neuron's receptive field is drawn on the picture: conv5 (6, 6) as the engine computes it", async () => {
    const el = await explorer({ step: "conv5:3:6,6" });
    const sim = el.simulator!;
    const sweep = sweepOf(el);
    sweep.drawFrame();
    const rf = sim.receptiveField({ layer: layerIndex(el, "conv5"), channel: 3, y: 6, x: 6 });
    expect(sweep.frame!.picture.field).toEqual(rf.clipped);
    expect(rf.clipped!.y1 - rf.clipped!.y0).toBeGreaterThan(100);
  });

  it("the idea of the step: LRN's divisor, the 3×3/2 pool's maximum, dropout, fc6's 61.9% — with explain()'s numbers", async () => {
    const el = await explorer({ step: "norm1:5:10,10" });
    const sim = el.simulator!;
    const idea = () => text(el.shadowRoot!.querySelector(".region.idea")!);
    const lrn = sim.explain().explanation as LRNExplanation;
    expect(lrn.neighbours.map((n) => n.channel)).toEqual([3, 4, 5, 6, 7]);
    expect(idea()).toContain("5 neighbouring maps");
    expect(idea()).toContain("(2 + 0.0001 ×");
    expect(idea()).toContain(shown(lrn.output));

    sim.cursor.moveTo({ layer: layerIndex(el, "pool1"), channel: 2, y: 4, x: 7 });
    await settleExplorer(el);
    const pool = sim.explain().explanation as PoolExplanation;
    expect(pool.window).toEqual({ y0: 8, x0: 14, y1: 11, x1: 17 });
    expect(idea()).toContain("⌊(55 − 3) / 2⌋ + 1 = 27");
    expect(idea()).toContain(`max = ${shown(pool.output)}`);

    sim.cursor.moveTo({ layer: layerIndex(el, "drop6"), channel: 0 });
    await settleExplorer(el);
    expect(idea()).toContain("Dropout (rate 0.5)");
    expect(idea()).toContain("scaled by 2.00");

    sim.cursor.moveTo({ layer: layerIndex(el, "fc6"), channel: 0 });
    await settleExplorer(el);
    // 37,752,832 / 60,965,224 = 61.93 %
    expect(idea()).toContain("37,752,832 parameters, 61.9% of the whole network");
  });

  it("keyboard: arrows move the sweep, Enter selects the neuron, the bank is a slider; Space plays", async () => {
    const el = await explorer();
    const sim = el.simulator!;
    const sweep = sweepOf(el);
    sweep.moveTo({ y: 2, x: 2 });
    await sweep.updateComplete;
    const map = sweep.shadowRoot!.querySelector<HTMLCanvasElement>("canvas[part=map]")!;
    map.focus();
    const key = (target: HTMLElement, k: string) =>
      target.dispatchEvent(new KeyboardEvent("keydown", { key: k, bubbles: true, composed: true }));
    key(map, "ArrowRight");
    key(map, "ArrowDown");
    await sweep.updateComplete;
    expect(sweep.cell).toEqual({ y: 3, x: 3 });
    key(map, "Enter");
    await settleExplorer(el);
    expect(sim.cursor.neuron).toEqual({ layer: 0, channel: 0, y: 3, x: 3 });
    expect(sim.cursor.granularity).toBe("neuron");
    const bank = sweep.shadowRoot!.querySelector<HTMLCanvasElement>("canvas[part=bank]")!;
    key(bank, "ArrowDown");
    key(bank, "ArrowRight");
    await settleExplorer(el);
    // 12 kernels a row: down one row, right one → 13.
    expect(sweep.channel).toBe(13);
    expect(bank.getAttribute("aria-valuenow")).toBe("13");
    // With the cursor on conv1, picking a kernel moves the cursor's map too.
    expect(sim.cursor.neuron.channel).toBe(13);
    key(map, " ");
    await sweep.updateComplete;
    expect(sweep.playing).toBe(true);
    key(map, " ");
    await sweep.updateComplete;
    expect(sweep.playing).toBe(false);
  });

  it("playing the sweep reads the cached trace: no tensor work happens, no new trace", async () => {
    const el = await explorer();
    const sim = el.simulator!;
    const sweep = sweepOf(el);
    const trace = sim.trace;
    const tensors = tf.memory().numTensors;
    for (let i = 0; i < 60; i++) {
      sweep.position = i * 50;
      await sweep.updateComplete;
      expect(sweep.frame).toBeDefined();
    }
    expect(sim.trace).toBe(trace);
    expect(tf.memory().numTensors).toBe(tensors);
    // From the start (the loop above left the window near the end, where playing stops at once).
    sweep.position = 0;
    await sweep.updateComplete;
    sweep.play();
    expect(sweep.playing).toBe(true);
    await expect.poll(() => sweep.position, { timeout: 30_000 }).toBeGreaterThan(0);
    sweep.pause();
  });

  it("autoplay starts conv1's sweep once the first trace is ready", async () => {
    const el = await explorer({ autoplay: "" });
    const sweep = sweepOf(el);
    expect(sweep.playing).toBe(true);
    const from = sweep.position;
    await expect.poll(() => sweep.position, { timeout: 30_000 }).toBeGreaterThan(from);
    sweep.pause();
  });

  it("seeded weights: the prediction names the trace's top 5 ImageNet classes, dimmed, says in place they mean nothing, marks no winner", async () => {
    const el = await explorer();
    const output = el.simulator!.trace!.output.data;
    expect(output).toHaveLength(1000);
    expect(predictionLabels(el)).toEqual(topIndices(output, 5).map((i) => IMAGENET_CLASSES[i]));
    const prediction = predictionOf(el);
    expect(prediction.untrained).toBe(true);
    const root = prediction.shadowRoot!;
    expect(root.querySelector("[part=untrained-note]")!.textContent).toContain(
      "Untrained weights: these numbers are meaningless.",
    );
    expect(root.querySelectorAll("[part~=top]")).toHaveLength(0);
    expect(root.querySelector("ol")!.classList.contains("untrained")).toBe(true);
    // The hand-built conv1 bank stays on offer with seeded weights.
    expect(el.shadowRoot!.querySelector("fieldset.conv1-choice")).not.toBeNull();
    // The explorer's voice does not call the largest output an answer either.
    const best = IMAGENET_CLASSES[topIndices(output, 1)[0]];
    expect(el.shadowRoot!.querySelector("article > [aria-live]")!.textContent).toBe(
      `Untrained weights: the largest output, ${best}, means nothing.`,
    );
  });

  it("seeded weights in Korean: the prediction's untrained note in Korean", async () => {
    await setLanguage("ko");
    const el = await explorer({ lang: "ko" });
    const note = predictionOf(el).shadowRoot!.querySelector("[part=untrained-note]")!;
    expect(note.textContent).toContain("학습되지 않은 가중치: 이 숫자들은 의미가 없습니다.");
    expect(predictionOf(el).shadowRoot!.querySelectorAll("[part~=top]")).toHaveLength(0);
  });

  it("has no serious or critical axe violations", async () => {
    const el = await explorer({ step: "conv2:200" });
    await expectNoAxeViolations(el);
  });

  it("no leaked tensors after switching images ten times, and none after removal", async () => {
    const before = tf.memory().numTensors;
    const el = await explorer();
    const sim = el.simulator!;
    const withTrace = tf.memory().numTensors;
    expect(withTrace).toBeGreaterThan(before);
    for (let i = 0; i < 10; i++) {
      const low = -120 + 10 * i;
      await el.run(stepImage(227, i % 2 === 0 ? "vertical" : "horizontal", low, 100));
      expect(tf.memory().numTensors).toBe(withTrace);
    }
    expect(sim.trace).not.toBeNull();
    el.remove();
    expect(sim.disposed).toBe(true);
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe("<cs-alexnet-explorer variant=keras>", () => {
  it("conv1 makes 56×56×96 maps from the 224×224 resize of a 32×32 image; window (3, 5) reads rows 9–19, columns 17–27", async () => {
    const el = await explorer({ variant: "keras" });
    const sim = el.simulator!;
    expect(sim.trace!.input.shape).toEqual([32, 32, 3]);
    expect(sim.trace!.step("resize").shape).toEqual([224, 224, 3]);
    expect(sim.trace!.step("conv1").shape).toEqual([56, 56, 96]);
    expect(sim.trace!.output.shape).toEqual([10]);
    const sweep = sweepOf(el);
    sweep.moveTo({ y: 3, x: 5 });
    await sweep.updateComplete;
    // 'same': total padding (56 − 1)·4 + 11 − 224 = 7, 3 above: rows 4·3 − 3 … + 10.
    expect(sweep.window).toEqual({ y0: 9, x0: 17, y1: 20, x1: 28 });
    expect(text(sweep)).toContain("⌈224 / 4⌉ = 56, so 3 zero rows go above and 4 below");
    expect(text(el)).not.toContain("GPU 2");
    const network = el.shadowRoot!.querySelector<CsNetwork>("cs-network")!;
    expect(network.towers).toBe(false);
  });

  it("the prediction lists the 10 CIFAR-10 classes in class order, untrained: no winner", async () => {
    const el = await explorer({ variant: "keras" });
    expect(predictionLabels(el)).toEqual([...CIFAR10_CLASSES]);
    expect(predictionOf(el).untrained).toBe(true);
    expect(predictionOf(el).shadowRoot!.querySelectorAll("[part~=top]")).toHaveLength(0);
  });
});

describe("<cs-alexnet-explorer> errors in place", () => {
  it("a weights URL that is missing: the error names it, and 'Use seeded weights' recovers", async () => {
    const errors: unknown[] = [];
    document.addEventListener("cs-error", (e) => errors.push((e as CsErrorEvent).error), {
      once: true,
    });
    const el = await explorer({ weights: "/nowhere/alexnet/model.json" });
    expect(el.simulator).toBeUndefined();
    const box = el.shadowRoot!.querySelector("[part=error]")!;
    expect(box.textContent).toContain("The weights could not be loaded");
    expect(box.textContent).toContain("/nowhere/alexnet/model.json");
    expect(errors).toHaveLength(1);
    // No "drawn from a fixed seed" notice beside the error: no seeded weights were drawn.
    expect(el.shadowRoot!.querySelector("[part=notice]")).toBeNull();
    expect(el.shadowRoot!.textContent).not.toContain("drawn from a fixed seed");
    // A failed load no longer reads as loading.
    expect(el.shadowRoot!.querySelector("[part=base]")!.getAttribute("aria-busy")).toBe("false");
    expect(el.shadowRoot!.textContent).not.toContain("drawing 61 million seeded weights");
    const seeded = [...box.querySelectorAll("button")].find((b) =>
      b.textContent!.includes("Use seeded"),
    )!;
    seeded.click();
    await el.updateComplete;
    await el.ready;
    await settleExplorer(el);
    expect(el.simulator?.trace?.step("conv1").shape).toEqual([55, 55, 96]);
    expect(el.shadowRoot!.querySelector("[part=error]")).toBeNull();
    // Now the weights are seeded, and the notice says so.
    expect(el.shadowRoot!.querySelector("[part=notice]")!.textContent).toContain(
      "drawn from a fixed seed",
    );
  });

  it("an unknown sample shows the error and runs on a test card instead", async () => {
    const el = await explorer({ sample: "nope.jpg" });
    expect(el.shadowRoot!.querySelector("[part=error]")!.textContent).toContain(
      'No sample photo "nope.jpg"',
    );
    expect(el.simulator!.trace).not.toBeNull();
    expect(el.input?.shape).toEqual([227, 227, 3]);
  });

  it("a bad step names the layers", async () => {
    const el = await explorer({ step: "conv9" });
    const box = el.shadowRoot!.querySelector("[part=error]")!;
    expect(box.textContent).toContain('"conv9" is not a step of this model');
    expect(box.textContent).toContain("conv1, norm1, pool1");
  });

  it("speaks Korean: the untrained notice in Korean", async () => {
    const el = await explorer({ lang: "ko" });
    await settleExplorer(el);
    expect(el.shadowRoot!.querySelector("[part=notice]")!.textContent).toContain(
      "학습되지 않은 가중치: 모양과 계산은 진짜이지만, 특징은 진짜가 아닙니다.",
    );
  });
});
