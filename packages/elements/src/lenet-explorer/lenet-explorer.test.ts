import "@tensorflow/tfjs-backend-cpu";
import * as tf from "@tensorflow/tfjs-core";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import type { ConvExplanation, Simulator } from "@convstep/engine";
import { LENET5_TABLE_1 } from "@convstep/models";
import type { CsConnectionTable } from "../connection-table/connection-table.component.js";
import type { CsNetwork } from "../network/network.component.js";
import type { CsNeuronMath } from "../neuron-math/neuron-math.component.js";
import { setAssetBase } from "../shared/assets.js";
import { CsInputEvent, type CsErrorEvent } from "../shared/events.js";
import { setLanguage } from "../shared/localize.js";
import { syntheticSeven } from "../test-utils/fixtures.js";
import { expectNoAxeViolations, mount, settleExplorer } from "../test-utils/mount.js";
import { formatValue } from "../shared/explorer/describe-step.js";
import "./define.js";
import type { CsLenetExplorer } from "./lenet-explorer.component.js";

/** Mounts an explorer on the cpu backend and waits for its first trace (or its error). */
async function explorer(attributes: Record<string, string> = {}): Promise<CsLenetExplorer> {
  const el = await mount<CsLenetExplorer>("cs-lenet-explorer", { backend: "cpu", ...attributes });
  await el.ready;
  await settleExplorer(el);
  return el;
}

function block<T extends Element>(el: CsLenetExplorer, tag: string): T | null {
  return el.shadowRoot!.querySelector<T>(tag);
}

function text(el: Element): string {
  return (el.shadowRoot ?? el).textContent!.replace(/\s+/g, " ");
}

const SCALED_TANH = (a: number) => 1.7159 * Math.tanh((2 / 3) * a);

beforeAll(() => {
  tf.env().set("PROD", true);
  // The Vite dev server of the tests serves the repository: weights and data under packages/models.
  setAssetBase("/packages/models/");
});

afterEach(async () => {
  document.body.replaceChildren();
  history.replaceState(null, "", `${location.pathname}${location.search}`);
  await setLanguage("en");
});

describe("<cs-lenet-explorer> 1998", () => {
  it('step="C3:4:2,3" → cursor at C3 map 4, row 2, column 3, neuron granularity', async () => {
    const el = await explorer({ step: "C3:4:2,3" });
    const sim = el.simulator!;
    expect(sim.trace).not.toBeNull();
    expect(sim.cursor.neuron).toEqual({ layer: 2, channel: 4, y: 2, x: 3 });
    expect(sim.cursor.granularity).toBe("neuron");
  });

  it("the neuron math of C3:4:2,3 shows an independent explain() and a hand computation", async () => {
    const el = await explorer({ step: "C3:4:2,3" });
    const sim: Simulator = el.simulator!;
    const math = block<CsNeuronMath>(el, "cs-neuron-math")!;
    const shown = (role: string) =>
      Number(math.shadowRoot!.querySelector<HTMLElement>(`[data-role="${role}"]`)!.dataset.value);

    // explain() of the explorer's own simulator, computed here.
    const reference = sim.explain({ layer: 2, channel: 4, y: 2, x: 3 });
    const e = reference.explanation as ConvExplanation;
    expect(e.type).toBe("conv");
    expect(e.inputChannels).toEqual([...LENET5_TABLE_1[4]].sort((a, b) => a - b)); // Table I: 0, 4, 5
    expect(shown("sum")).toBe(e.sum);
    expect(shown("bias")).toBe(e.bias);
    expect(shown("pre")).toBe(e.preActivation);
    expect(shown("output")).toBe(e.output);
    const patches = math.shadowRoot!.querySelectorAll("[data-grid=patch]");
    expect(patches).toHaveLength(3);
    const firstPatch = [...patches[0].querySelectorAll<HTMLElement>("[data-value]")].map((c) =>
      Number(c.dataset.value),
    );
    expect(firstPatch).toEqual(e.patch[0].flat());

    // The value shown for the trace is the trace's own.
    const traced = sim.trace!.step("C3").valueAt(4, 2, 3);
    expect(shown("trace")).toBe(traced);

    // A second, plain computation from S2's activations and the C3 weights.
    const s2 = sim.trace!.step("S2");
    const kernel = sim.weights.get("C3/kernel")!.dataSync(); // [5, 5, 6, 16]
    const bias = sim.weights.get("C3/bias")!.dataSync();
    let sum = 0;
    for (const c of LENET5_TABLE_1[4])
      for (let ky = 0; ky < 5; ky++)
        for (let kx = 0; kx < 5; kx++)
          sum += s2.valueAt(c, 2 + ky, 3 + kx) * kernel[((ky * 5 + kx) * 6 + c) * 16 + 4];
    expect(shown("sum")).toBeCloseTo(sum, 5);
    expect(shown("output")).toBeCloseTo(SCALED_TANH(sum + bias[4]), 5);
    expect(shown("output")).toBeCloseTo(traced, 5);
  });

  it("stepping repaints the neuron math in the same update, before the next frame, and never re-runs the network", async () => {
    const el = await explorer({ step: "C3:4:2,3" });
    const sim = el.simulator!;
    const trace = sim.trace;
    const math = block<CsNeuronMath>(el, "cs-neuron-math")!;
    for (let i = 0; i < 12; i++) {
      let framed = false;
      requestAnimationFrame(() => (framed = true));
      sim.cursor.next();
      await el.updateComplete;
      await math.updateComplete; // every block updates in this same task
      expect(math.current?.position).toEqual(sim.cursor.neuron);
      expect(framed, "repainted before the next frame").toBe(false);
    }
    expect(sim.trace).toBe(trace);
  });

  it("focusing C3 map 9 in the connection table lights its Table I links in the network, and back", async () => {
    const el = await explorer({ step: "C1" });
    const table = block<CsConnectionTable>(el, "cs-connection-table")!;
    const network = block<CsNetwork>(el, "cs-network")!;
    table.shadowRoot!.querySelector<HTMLElement>('[data-r="-1"][data-c="9"]')!.focus();
    await settleExplorer(el);
    expect(network.focused).toEqual({ layer: 2, channel: 9 });
    expect(network.links.map((l) => l.from).sort()).toEqual([...LENET5_TABLE_1[9]].sort());
    // The reverse: the cursor (here moved as the network or the player would) lights the column.
    el.simulator!.cursor.moveTo({ layer: 2, channel: 6 });
    await settleExplorer(el);
    expect(table.focusChannel).toBe(6);
    expect(network.focused).toEqual({ layer: 2, channel: 6 });
  });

  it("sync-url reads the hash at start, writes each move, and follows hash changes", async () => {
    history.replaceState(null, "", "#lenet=S2:3:1,2@neuron");
    const el = await explorer({ "sync-url": "" });
    const cursor = el.simulator!.cursor;
    expect(cursor.neuron).toEqual({ layer: 1, channel: 3, y: 1, x: 2 });
    expect(cursor.granularity).toBe("neuron");

    cursor.moveTo({ layer: 2, channel: 4, y: 2, x: 3 });
    expect(location.hash).toBe("#lenet=C3:4:2,3@neuron");
    cursor.setGranularity("channel");
    expect(location.hash).toBe("#lenet=C3:4@channel");

    const changed = new Promise((resolve) =>
      addEventListener("hashchange", resolve, { once: true }),
    );
    location.hash = "#lenet=C5:7@channel";
    await changed;
    expect(cursor.neuron).toMatchObject({ layer: 4, channel: 7 });
    expect(cursor.granularity).toBe("channel");
  });

  it("two synced explorers keep their own hash keys: their ids", async () => {
    const a = await explorer({ id: "a", "sync-url": "", step: "C1:2" });
    const b = await explorer({ id: "b", "sync-url": "", variant: "keras", step: "F6" });
    a.simulator!.cursor.next();
    b.simulator!.cursor.next();
    expect(location.hash).toBe("#a=C1:3@channel&b=output@layer");
  });

  it("an unusable input shows its error in place; the last trace stays; a good input clears it", async () => {
    const el = await explorer();
    const sim = el.simulator!;
    const trace = sim.trace;
    const errors: unknown[] = [];
    el.addEventListener("cs-error", (e) => errors.push((e as CsErrorEvent).error));
    const pad = block(el, "cs-digit-pad")!;
    pad.dispatchEvent(new CsInputEvent(new Float32Array(10), [10], "draw"));
    await settleExplorer(el);
    const box = el.shadowRoot!.querySelector("[part=error]")!;
    expect(box.textContent).toContain("expected a 28×28 digit");
    expect(errors).toHaveLength(1);
    expect(sim.trace).toBe(trace);

    const traced = new Promise((r) => sim.addEventListener("trace-complete", r, { once: true }));
    pad.dispatchEvent(new CsInputEvent(syntheticSeven(), [28, 28], "draw"));
    await traced;
    await settleExplorer(el);
    expect(el.shadowRoot!.querySelector("[part=error]")).toBeNull();
    expect(sim.trace).not.toBe(trace);
    expect(sim.trace!.input.valueAt(0, 2, 2)).toBeCloseTo(-0.1, 6); // 1998 input: background −0.1
    // The live region gives the answer: the RBF unit with the smallest distance.
    const distances = [...sim.trace!.output.data];
    const answer = distances.indexOf(Math.min(...distances));
    const live = el.shadowRoot!.querySelector("[part=base] > [aria-live]")!;
    expect(live.textContent).toBe(`The network answers ${answer}.`);
  });

  it("a bad weights URL shows the error inside the widget while a second explorer works", async () => {
    const errors: unknown[] = [];
    document.addEventListener("cs-error", (e) => errors.push((e as CsErrorEvent).error));
    const bad = await explorer({ weights: "/packages/models/weights/no-such-model/model.json" });
    const good = await explorer({ weights: "seeded" });

    const box = bad.shadowRoot!.querySelector("[part=error]")!;
    expect(box.getAttribute("role")).toBe("alert");
    expect(box.textContent).toContain("no-such-model/model.json");
    expect(box.textContent).toContain("HTTP 404");
    expect(bad.simulator).toBeUndefined();
    expect(errors).toHaveLength(1);

    expect(good.simulator!.trace).not.toBeNull();
    expect(good.shadowRoot!.querySelector("[part=error]")).toBeNull();
    expect(block(good, "cs-neuron-math")).not.toBeNull();

    // The way out: seeded weights.
    const [, seeded] = box.querySelectorAll("button");
    seeded.click();
    await bad.updateComplete;
    await bad.ready;
    await settleExplorer(bad);
    expect(bad.shadowRoot!.querySelector("[part=error]")).toBeNull();
    expect(bad.simulator!.trace).not.toBeNull();
    expect(bad.weightsKind).toBe("seeded");
    expect(text(bad)).toContain("untrained (seeded) weights");
  });

  it("the status line names the backend and why, and the kind of weights", async () => {
    const el = await explorer();
    const status = el.shadowRoot!.querySelector("[part=status]")!.textContent!;
    expect(el.backendSelection?.backend).toBe("cpu");
    expect(status).toContain("cpu");
    expect(status).toContain(
      el.weightsKind === "trained" ? "trained weights" : "untrained (seeded) weights",
    );
    expect(text(el)).toContain("LeNet-5 (LeCun et al., 1998)");
    expect(el.hasAttribute("lang")).toBe(false); // never lang="": that would hide the page's
  });

  it("seeded weights mark cs-prediction untrained (note, no winner); the shipped trained ones do not", async () => {
    const seeded = await explorer({ weights: "seeded" });
    const trained = await explorer();
    expect(seeded.weightsKind).toBe("seeded");
    expect(trained.weightsKind).toBe("trained");
    const seededPrediction = block(seeded, "cs-prediction")!;
    const trainedPrediction = block(trained, "cs-prediction")!;
    expect(seededPrediction.hasAttribute("untrained")).toBe(true);
    expect(seededPrediction.shadowRoot!.querySelector("[part=untrained-note]")).not.toBeNull();
    expect(trainedPrediction.hasAttribute("untrained")).toBe(false);
    expect(trainedPrediction.shadowRoot!.querySelector("[part=untrained-note]")).toBeNull();
  });

  it("one voice: a move is described in the explorer's live region; the blocks' are muted", async () => {
    const el = await explorer({ step: "C3:4:2,3", weights: "seeded" });
    const sim = el.simulator!;
    sim.cursor.moveTo({ layer: 2, channel: 5, y: 1, x: 7 });
    await settleExplorer(el);
    const value = sim.trace!.step("C3").valueAt(5, 1, 7);
    const live = el.shadowRoot!.querySelector("[part=base] > [aria-live]")!;
    expect(live.getAttribute("aria-live")).toBe("polite");
    expect(live.textContent).toBe(`C3, map 5, neuron (1, 7): ${formatValue(value)}.`);
    // Every other live region inside the widget (player, network, feature maps, …) is off.
    const regions: Element[] = [];
    const walk = (root: ShadowRoot | Element) => {
      for (const n of root.querySelectorAll("*")) {
        if (n.hasAttribute("aria-live")) regions.push(n);
        if (n.shadowRoot) walk(n.shadowRoot);
      }
    };
    walk(el.shadowRoot!);
    const speaking = regions.filter((r) => r.getAttribute("aria-live") !== "off");
    expect(speaking).toEqual([live]);
    expect(regions.length).toBeGreaterThan(3);
  });

  it('step="C9:1" (no such layer) says so in place, and the explorer still works', async () => {
    const el = await explorer({ step: "C9:1", weights: "seeded" });
    const box = el.shadowRoot!.querySelector("[part=error]")!;
    expect(box.textContent).toContain('"C9" is not a step of this model');
    expect(box.textContent).toContain("C1, S2, C3, S4, C5, flatten, F6, output");
    expect(el.simulator!.trace).not.toBeNull();
    expect(el.simulator!.cursor.neuron.layer).toBe(0);
    const dismiss = box.querySelector("button")!;
    expect(dismiss.textContent!.trim()).toBe("Dismiss");
    dismiss.click();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector("[part=error]")).toBeNull();
    el.step = "S4:15";
    await settleExplorer(el);
    expect(el.simulator!.cursor.neuron).toMatchObject({ layer: 3, channel: 15 });
    expect(el.simulator!.cursor.granularity).toBe("channel");
  });

  it("a variant switch reloads: the keras model, the same step by name", async () => {
    const el = await explorer({ step: "C3:4", weights: "seeded" });
    el.variant = "keras";
    await el.updateComplete;
    await el.ready;
    await settleExplorer(el);
    expect(el.simulator!.model.spec.name).toBe("lenet5-keras");
    expect(el.simulator!.cursor.neuron).toMatchObject({ layer: 3, channel: 4 });
    expect(block(el, "cs-connection-table")).toBeNull();
  });

  it("hide removes the named parts", async () => {
    const el = await explorer({ hide: "pad maps summary", weights: "seeded" });
    expect(block(el, "cs-digit-pad")).toBeNull();
    expect(block(el, "cs-feature-maps")).toBeNull();
    expect(block(el, "cs-model-summary")).toBeNull();
    expect(block(el, "cs-network")).not.toBeNull();
    expect(block(el, "cs-neuron-math")).not.toBeNull();
  });

  it('the backend detail is folded under "details"; hide="header" removes title, credit and status', async () => {
    const el = await explorer({ weights: "seeded" });
    const details = el.shadowRoot!.querySelector<HTMLDetailsElement>("[part=header] details")!;
    expect(details.open).toBe(false);
    expect(details.querySelector("summary")!.textContent!.trim()).toBe("details");
    expect(details.querySelector(".chip.backend")!.checkVisibility()).toBe(false);
    el.remove();
    const bare = await explorer({ weights: "seeded", hide: "header" });
    expect(bare.shadowRoot!.querySelector("[part=header]")).toBeNull();
    expect(bare.shadowRoot!.querySelector(".attribute-notes")).toBeNull();
    expect(block(bare, "cs-network")).not.toBeNull();
  });

  it('the pad shows the starting "3" the network runs on: preview filled, picked in the strip', async () => {
    const el = await explorer({ weights: "seeded" });
    const pad = block<HTMLElement & { value?: Float32Array; updateComplete: Promise<unknown> }>(
      el,
      "cs-digit-pad",
    )!;
    await expect.poll(() => pad.shadowRoot!.querySelector("[part~=sample]")).not.toBeNull();
    await pad.updateComplete;
    const root = pad.shadowRoot!;
    expect(root.querySelector(".placeholder")).toBeNull();
    expect(root.querySelector(".preview-empty")).toBeNull();
    const picked = root.querySelector<HTMLElement>("[part~=sample][aria-current=true]")!;
    expect(picked.dataset.index).toBe("13");
    expect(picked.getAttribute("aria-label")).toBe("Test digit 3");
    // Digit 13 of the bundled file, read here byte by byte, is the digit the network ran.
    const file = new Uint8Array(
      await (await fetch("/packages/models/data/mnist-test-500.bin")).arrayBuffer(),
    );
    const header = file.length - 500 * 784; // the images are the file's last 500 × 784 bytes
    const bytes = file.subarray(header + 13 * 784, header + 14 * 784);
    expect(Array.from(pad.value!, (v) => Math.round(v * 255))).toEqual(Array.from(bytes));
  });

  it("removing the explorer frees every tensor it made (simulator and weights)", async () => {
    const before = tf.memory().numTensors;
    const el = await explorer({ weights: "seeded" });
    expect(tf.memory().numTensors).toBeGreaterThan(before);
    el.remove();
    expect(tf.memory().numTensors).toBe(before);
    expect(el.simulator).toBeUndefined();
  });

  it("has no serious or critical axe violations", async () => {
    const el = await explorer({ step: "C3:4:2,3", weights: "seeded" });
    await expectNoAxeViolations(el);
  });
});

describe("<cs-lenet-explorer> keras and Korean", () => {
  it('variant="keras": no connection table, and C3 map 4 is fed by all six S2 maps', async () => {
    const el = await explorer({ variant: "keras", step: "C3:4", weights: "seeded" });
    expect(block(el, "cs-connection-table")).toBeNull();
    expect(el.simulator!.model.spec.name).toBe("lenet5-keras");
    expect(el.simulator!.cursor.neuron).toMatchObject({ layer: 3, channel: 4 }); // padding is layer 0
    const network = block<CsNetwork>(el, "cs-network")!;
    expect(network.links.map((l) => l.from).sort()).toEqual([0, 1, 2, 3, 4, 5]);
    expect(text(el)).toContain("LeNet-5, Keras version");
    // Its input is the digit in [0, 1], not the paper's −0.1/1.175.
    expect(el.simulator!.trace!.input.shape).toEqual([28, 28, 1]);
  });

  it('lang="ko" shows Korean labels', async () => {
    const el = await explorer({ lang: "ko", weights: "seeded" });
    await settleExplorer(el);
    expect(text(el)).toContain("LeNet-5 (LeCun 외, 1998)");
    expect(el.getAttribute("lang")).toBe("ko");
    const labels = [...el.shadowRoot!.querySelectorAll("section")].map((s) =>
      s.getAttribute("aria-label"),
    );
    expect(labels).toContain("신경망");
    expect(labels).toContain("뉴런 계산");
  });
});
