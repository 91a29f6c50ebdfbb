import { afterEach, describe, expect, it } from "vitest";
import * as tf from "@tensorflow/tfjs-core";
import {
  compileModel,
  createSimulator,
  initWeights,
  type ModelSpec,
  type NeuronPosition,
  type Simulator,
} from "@convstep/engine";
import { getModelSpec } from "@convstep/models";
import "./define.js";
import type { CsNeuronMath } from "./neuron-math.component.js";
import { channelRows, paddingMask } from "./channels.js";
import { formatFixed, formatValue, gridDecimals, parseShown } from "./format.js";
import { cellColorStyles, cellPalette, contrast, textOn } from "./cell-color.js";
import { setLanguage } from "../shared/localize.js";
import { expectNoAxeViolations, mount } from "../test-utils/mount.js";
import { lenetSimulator } from "../test-utils/fixtures.js";

const MATHML = "http://www.w3.org/1998/Math/MathML";

/** LeNet-5 (1998) layer indices: C1 S2 C3 S4 C5 flatten F6 output. */
const C1 = 0;
const S2 = 1;
const C3 = 2;
const F6 = 6;
const OUTPUT = 7;

const byRole = (el: Element, role: string) => [
  ...el.shadowRoot!.querySelectorAll<HTMLElement>(`[data-role="${role}"]`),
];

/**
 * The node shows `expected` to `digits` significant digits (its text), and holds it in full
 * (`data-value` and the title read back to the same number).
 */
function expectShown(node: HTMLElement | undefined, expected: number, digits = 3): void {
  expect(node, "node").toBeDefined();
  const text = parseShown(node!.textContent!);
  const magnitude = expected === 0 ? 0 : Math.floor(Math.log10(Math.abs(expected)));
  const half = 0.5 * 10 ** (magnitude - digits + 1);
  expect(Math.abs(text - expected)).toBeLessThanOrEqual(half * (1 + 1e-9));
  expect(Number(node!.dataset.value)).toBe(expected);
  expect(parseShown(node!.title)).toBe(expected);
}

async function showing(sim: Simulator, pos: NeuronPosition, attrs: Record<string, string> = {}) {
  const el = await mount<CsNeuronMath>("cs-neuron-math", attrs);
  sim.cursor.setGranularity("neuron");
  sim.cursor.moveTo(pos);
  el.simulator = sim;
  await el.updateComplete;
  return el;
}

afterEach(() => {
  document.body.replaceChildren();
});

describe("formatting and padding (pure)", () => {
  it("formatValue: 3 significant digits, true minus, no trailing zeros", () => {
    expect(formatValue(1.18384, 3)).toBe("1.18");
    expect(formatValue(-0.05, 3)).toBe("\u22120.05");
    expect(formatValue(12345, 3)).toBe("12300");
    expect(formatValue(1.234e-7, 3)).toBe("1.23e\u22127");
    expect(formatValue(0.9540123, 4)).toBe("0.954");
  });

  it("grids share decimals: max |v| 1.175 at 3 digits → 2; 0.096 → 4; no −0.00", () => {
    expect(gridDecimals([-0.1, 1.175, 0.5], 3)).toBe(2);
    expect(gridDecimals([0.096, -0.01], 3)).toBe(4);
    expect(formatFixed(-0.001, 2)).toBe("0.00");
    expect(formatFixed(-0.1, 2)).toBe("\u22120.10");
  });

  it("a 5×5 window at (−2, −2) on a map clipped to [0, 3) × [0, 3) pads rows/columns 0–1", () => {
    const mask = paddingMask(
      { y0: -2, x0: -2, y1: 3, x1: 3 },
      { y0: 0, x0: 0, y1: 3, x1: 3 },
      5,
      5,
    );
    expect(mask.flat().filter(Boolean)).toHaveLength(16);
    expect(mask[2][2]).toBe(false);
    expect(mask[1][4]).toBe(true);
  });

  it("text on dark purple is white, on pale yellow dark", () => {
    expect(textOn("#2d004b")).toBe("#ffffff");
    expect(textOn("#fdf6b5")).toBe("#1f2328");
  });

  it("every cell colour of a signed palette over [−1, 1] reads at ≥ 4.5:1 (WCAG AA)", () => {
    const palette = cellPalette([-1, 1], true);
    for (let v = -1; v <= 1; v += 0.01) {
      const { background, text } = palette.swatch(v);
      expect(contrast(background, text), `value ${v}`).toBeGreaterThanOrEqual(4.5);
    }
  });

  it("a value takes the nearest of 65 steps: over [−2, 2] −2 → c-d0, 0.03 → c-d32, 0.04 → c-d33, 1 → c-d48, 2 and 5 → c-d64", () => {
    // Signed: the domain is [−2, 2], a step is 4/64; (v + 2) / 4 × 64 rounded.
    const signed = cellPalette([-2, 1.5], true);
    expect([-2, 0.03, 0.04, 1, 2, 5].map((v) => signed.className(v))).toEqual([
      "c-d0",
      "c-d32",
      "c-d33",
      "c-d48",
      "c-d64",
      "c-d64",
    ]);
    // Unsigned values of one sign: the sequential scale over [1, 3].
    const sequential = cellPalette([1, 3]);
    expect([1, 2, 3].map((v) => sequential.className(v))).toEqual(["c-s0", "c-s32", "c-s64"]);
  });

  it("the end steps are the scales' ends mixed 25% towards white: the top diverging one PuOr's #2d004b → #624078, the lowest sequential one viridis's #440154 → #73417f, both with white text", () => {
    // 0x2d + (255 − 0x2d) × 0.25 = 97.5 → 98 = 0x62; 0 → 63.75 → 0x40; 0x4b → 120 = 0x78.
    // 0x44 → 114.75 → 0x73; 0x01 → 64.5 → 0x41; 0x54 → 126.75 → 0x7f.
    const rules = cellColorStyles.cssText.replace(/\s+/g, "");
    expect(rules).toContain(".cell.c-d64{background:#624078;color:#ffffff}");
    expect(rules).toContain(".cell.c-s0{background:#73417f;color:#ffffff}");
    expect(rules.match(/\.cell\.c-[ds]\d+\{/g)).toHaveLength(130);
  });
});

describe("<cs-neuron-math> on a real LeNet-5 (1998)", () => {
  it("C1 map 2 at (5, 7): patch, kernel, Σ, bias, a and y equal explain() and the trace", async () => {
    const before = tf.memory().numTensors;
    const { simulator, dispose } = await lenetSimulator("1998");
    const pos = { layer: C1, channel: 2, y: 5, x: 7 };
    const el = await showing(simulator, pos);
    const n = simulator.explain(pos);
    if (n.explanation.type !== "conv") throw new Error("C1 is a convolution");
    const e = n.explanation;
    expectShown(byRole(el, "sum")[0], e.sum);
    expectShown(byRole(el, "bias")[0], e.bias);
    expectShown(byRole(el, "pre")[0], e.preActivation);
    expectShown(byRole(el, "output")[0], e.output);
    // The JS recomputation agrees with the trace (tfjs) to the shown precision.
    expectShown(byRole(el, "trace")[0], simulator.valueAt(pos));
    expect(Math.abs(e.output - simulator.valueAt(pos))).toBeLessThan(1e-5);
    const patch = el.shadowRoot!.querySelector('[data-grid="patch"]')!;
    const cells = [...patch.querySelectorAll<HTMLElement>(".cell")].map((c) =>
      Number(c.dataset.value),
    );
    expect(cells).toEqual(e.patch[0].flat());
    // Each patch cell is coloured by its step's class (no inline style): the step of its value
    // over the grid's symmetric domain, and that class's rule wins over the plain cell's.
    const m = Math.max(...e.patch[0].flat().map(Math.abs));
    const rules = new Map(
      [
        ...cellColorStyles.cssText.matchAll(
          /\.cell\.(c-d\d+)\s*\{\s*background:\s*(#[0-9a-f]{6})/g,
        ),
      ].map((r) => [r[1], r[2]] as const),
    );
    const hex = (rgbText: string) =>
      `#${rgbText
        .match(/\d+/g)!
        .slice(0, 3)
        .map((c) => Number(c).toString(16).padStart(2, "0"))
        .join("")}`;
    for (const cell of patch.querySelectorAll<HTMLElement>(".cell")) {
      const v = Number(cell.dataset.value);
      const step = `c-d${Math.round(((v + m) / (2 * m)) * 64)}`;
      expect(cell.classList.contains(step), `${v} has ${step}`).toBe(true);
      expect(cell.hasAttribute("style")).toBe(false);
      expect(hex(getComputedStyle(cell).backgroundColor)).toBe(rules.get(step));
    }
    const kernel = el.shadowRoot!.querySelector('[data-grid="kernel"]')!;
    expect(
      [...kernel.querySelectorAll<HTMLElement>(".cell")].map((c) => Number(c.dataset.value)),
    ).toEqual(e.kernel[0].flat());
    expect(el.shadowRoot!.querySelector("h3")!.textContent).toContain("C1 map 2 at (5, 7)");
    el.remove();
    dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it("C3 map 0 shows exactly S2 maps 0, 1, 2; map 4 shows 0, 4, 5 (Table I)", async () => {
    const { simulator, dispose } = await lenetSimulator("1998");
    const el = await showing(simulator, { layer: C3, channel: 0, y: 2, x: 3 });
    const channels = () =>
      [...el.shadowRoot!.querySelectorAll<HTMLElement>(".chlabel")].map((l) =>
        Number(l.dataset.channel),
      );
    expect(channels()).toEqual([0, 1, 2]);
    expect(el.shadowRoot!.querySelector(".chlabel")!.textContent).toContain("S2 map 0");
    expect(el.shadowRoot!.querySelectorAll('[data-grid="patch"]')).toHaveLength(3);
    simulator.cursor.moveTo({ layer: C3, channel: 4, y: 2, x: 3 });
    await el.updateComplete;
    expect(channels()).toEqual([0, 4, 5]);
    const n = simulator.explain({ layer: C3, channel: 4, y: 2, x: 3 });
    if (n.explanation.type !== "conv") throw new Error("C3 is a convolution");
    const e = n.explanation;
    expectShown(byRole(el, "sum")[0], e.sum);
    expectShown(byRole(el, "output")[0], e.output);
    // Per-channel partial sums add up to the sum.
    const partials = byRole(el, "partial").map((p) => Number(p.dataset.value));
    expect(partials.reduce((a, b) => a + b, 0)).toBeCloseTo(e.sum, 5);
    const summary = el.shadowRoot!.querySelector("[aria-live]")!.textContent!.replace(/\s+/g, " ");
    expect(summary).toContain(
      `C3 map 4 at (2, 3): sum ${formatValue(e.sum)} + bias ${formatValue(e.bias)} = ${formatValue(e.preActivation)}, scaled tanh → ${formatValue(e.output)}`,
    );
    dispose();
  });

  it("S2: the window, Σ × coefficient + bias, squashed, equal explain() and the trace", async () => {
    const { simulator, dispose } = await lenetSimulator("1998");
    const pos = { layer: S2, channel: 3, y: 4, x: 6 };
    const el = await showing(simulator, pos);
    const n = simulator.explain(pos);
    if (n.explanation.type !== "pool") throw new Error("S2 subsamples");
    const e = n.explanation;
    // By hand: the four C1 values of the window.
    const c1 = simulator.trace!.layers[C1];
    const hand = [0, 1].flatMap((dy) => [0, 1].map((dx) => c1.valueAt(3, 8 + dy, 12 + dx)));
    const window = el.shadowRoot!.querySelector('[data-grid="window"]')!;
    expect(
      [...window.querySelectorAll<HTMLElement>(".cell")].map((c) => Number(c.dataset.value)),
    ).toEqual(hand);
    expectShown(byRole(el, "sum")[0], e.reduced);
    expect(e.reduced).toBeCloseTo(
      hand.reduce((a, b) => a + b, 0),
      5,
    );
    expectShown(byRole(el, "coefficient")[0], e.coefficient!);
    expectShown(byRole(el, "bias")[0], e.bias!);
    expectShown(byRole(el, "output")[0], e.output);
    const a = e.coefficient! * e.reduced + e.bias!;
    expect(e.output).toBeCloseTo(1.7159 * Math.tanh((2 / 3) * a), 5);
    expectShown(byRole(el, "trace")[0], simulator.valueAt(pos));
    dispose();
  });

  it("F6 unit 11: the ten largest x·w, the rest, Σ, bias and y equal explain()", async () => {
    const { simulator, dispose } = await lenetSimulator("1998");
    const pos = { layer: F6, channel: 11, y: 0, x: 0 };
    const el = await showing(simulator, pos);
    const n = simulator.explain(pos);
    if (n.explanation.type !== "dense") throw new Error("F6 is dense");
    const e = n.explanation;
    const products = byRole(el, "product");
    expect(products).toHaveLength(10);
    products.forEach((p, i) => expectShown(p, e.top[i].product));
    const listed = e.top.reduce((s, t) => s + t.product, 0);
    expect(Number(byRole(el, "rest")[0].dataset.value)).toBeCloseTo(e.sum - listed, 5);
    expectShown(byRole(el, "sum")[0], e.sum);
    expectShown(byRole(el, "bias")[0], e.bias);
    expectShown(byRole(el, "output")[0], e.output);
    expect(el.shadowRoot!.querySelector("h3")!.textContent).toContain("F6 unit 11");
    expectShown(byRole(el, "trace")[0], simulator.valueAt(pos));
    dispose();
  });

  it("output unit 7: y = Σ (x_j − w_7j)², by hand from F6 and the digit code", async () => {
    const { simulator, dispose } = await lenetSimulator("1998");
    const pos = { layer: OUTPUT, channel: 7, y: 0, x: 0 };
    const el = await showing(simulator, pos);
    const spec = getModelSpec("lenet5-1998").layers[OUTPUT];
    if (spec.kind !== "rbf") throw new Error("the output is RBF");
    const f6 = simulator.trace!.layers[F6].data;
    let hand = 0;
    for (let j = 0; j < 84; j++) hand += (f6[j] - spec.centers[7][j]) ** 2;
    const output = byRole(el, "output")[0];
    expect(Number(output.dataset.value)).toBeCloseTo(hand, 3);
    expectShown(output, simulator.explain(pos).output);
    expectShown(byRole(el, "trace")[0], simulator.valueAt(pos));
    expect(byRole(el, "term")).toHaveLength(10);
    dispose();
  });

  it("sets the formula in MathML with the actual totals", async () => {
    const { simulator, dispose } = await lenetSimulator("1998");
    const pos = { layer: C3, channel: 4, y: 2, x: 3 };
    const el = await showing(simulator, pos);
    const maths = el.shadowRoot!.querySelectorAll("math");
    expect(maths.length).toBeGreaterThanOrEqual(1);
    expect(maths[0].namespaceURI).toBe(MATHML);
    const mn = [...maths[0].querySelectorAll("mn")];
    expect(mn[0].namespaceURI).toBe(MATHML);
    const e = simulator.explain(pos).explanation;
    if (e.type !== "conv") throw new Error("conv");
    expect(mn.map((m) => parseShown(m.getAttribute("title")!))).toContain(e.sum);
    expect(mn.map((m) => parseShown(m.getAttribute("title")!)).at(-1)).toBe(e.output);
    expect(maths[0].querySelector("munder mo")!.textContent).toBe("∑");
    dispose();
  });

  it("reflects digits and max-channels; digits=5 shows five significant digits", async () => {
    const { simulator, dispose } = await lenetSimulator("1998");
    const pos = { layer: C3, channel: 15, y: 0, x: 0 };
    const el = await showing(simulator, pos, { digits: "5", "max-channels": "2" });
    expect(el.digits).toBe(5);
    expect(el.maxChannels).toBe(2);
    const e = simulator.explain(pos).explanation;
    if (e.type !== "conv") throw new Error("conv");
    expectShown(byRole(el, "sum")[0], e.sum, 5);
    expect(el.shadowRoot!.querySelectorAll(".chlabel")).toHaveLength(2);
    expect(el.shadowRoot!.querySelector('[data-role="more"]')!.textContent).toContain(
      "+4 more channels",
    );
    dispose();
  });

  it("an explicit `.explanation` wins over the cursor", async () => {
    const { simulator, dispose } = await lenetSimulator("1998");
    const el = await showing(simulator, { layer: C1, channel: 0, y: 0, x: 0 });
    el.explanation = simulator.explain({ layer: F6, channel: 3 });
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector("h3")!.textContent).toContain("F6 unit 3");
    dispose();
  });

  it("has no serious or critical axe violations (conv and dense)", async () => {
    const { simulator, dispose } = await lenetSimulator("1998");
    const el = await showing(simulator, { layer: C3, channel: 9, y: 1, x: 1 });
    await expectNoAxeViolations(el);
    simulator.cursor.moveTo({ layer: F6, channel: 0 });
    await el.updateComplete;
    await expectNoAxeViolations(el);
    dispose();
  });

  it("without a simulator, or before a run, says so in place", async () => {
    const el = await mount<CsNeuronMath>("cs-neuron-math");
    expect(el.shadowRoot!.textContent).toContain("No neuron to explain");
  });

  it("speaks Korean", async () => {
    const { simulator, dispose } = await lenetSimulator("1998");
    const el = await showing(simulator, { layer: C3, channel: 4, y: 2, x: 3 });
    await setLanguage("ko");
    try {
      await el.updateComplete;
      const text = el.shadowRoot!.textContent!;
      expect(text).toContain("S2 맵 0");
      expect(el.shadowRoot!.querySelector("[aria-live]")!.textContent).toContain("스케일된 tanh");
    } finally {
      await setLanguage("en");
      dispose();
    }
  });
});

describe("<cs-neuron-math> on a grouped, padded convolution (AlexNet conv2's shape)", () => {
  /** 96 input maps in two groups of 48, 5×5 kernels, padding 2: like AlexNet's conv2, small. */
  const SPEC: ModelSpec = {
    name: "grouped",
    input: { shape: [4, 4, 96] },
    layers: [
      {
        name: "conv2",
        kind: "conv2d",
        filters: 4,
        kernelSize: 5,
        padding: 2,
        groups: 2,
        activation: "relu",
      },
    ],
  };

  it("group 2 of map 3 at (0, 0): 4 channel grids, “+44 more channels”, 16 padded cells each", async () => {
    const before = tf.memory().numTensors;
    await lenetSimulator("1998").then((f) => f.dispose()); // the cpu backend, set up once
    const model = compileModel(SPEC);
    const weights = initWeights(model, { seed: 3 });
    const sim = createSimulator(model, weights);
    const input = Float32Array.from({ length: 4 * 4 * 96 }, (_, i) => Math.sin(i * 0.37));
    await sim.run(input);
    const el = await showing(sim, { layer: 0, channel: 3, y: 0, x: 0 }, { "max-channels": "4" });
    const n = sim.explain({ layer: 0, channel: 3, y: 0, x: 0 });
    if (n.explanation.type !== "conv") throw new Error("conv");
    const e = n.explanation;
    expect(e.inputChannels).toEqual(Array.from({ length: 48 }, (_, i) => 48 + i));
    const labels = [...el.shadowRoot!.querySelectorAll<HTMLElement>(".chlabel")];
    expect(labels.map((l) => Number(l.dataset.channel))).toEqual([48, 49, 50, 51]);
    expect(labels[0].textContent).toContain("input map 48");
    const more = el.shadowRoot!.querySelector('[data-role="more"]')!;
    expect(more.textContent).toContain("+44 more channels");
    expect(more.querySelectorAll("li")).toHaveLength(44);
    // Every channel's partial sum, shown or summarised, by hand from the products.
    const rows = channelRows(e, undefined);
    const partials = byRole(el, "partial");
    expect(partials).toHaveLength(48);
    partials.forEach((p, i) => expectShown(p, rows[i].partial));
    // Window rows/columns −2 and −1 lie outside the 4×4 map: 25 − 3·3 = 16 padded cells, shown as 0.
    const patch = el.shadowRoot!.querySelector('[data-grid="patch"]')!;
    const padded = [...patch.querySelectorAll<HTMLElement>("[data-padded]")];
    expect(padded).toHaveLength(16);
    expect(padded.every((c) => c.textContent!.trim() === "0")).toBe(true);
    expect(el.shadowRoot!.textContent).toContain("padding, read as 0");
    expectShown(byRole(el, "output")[0], Math.max(0, e.preActivation));
    expectShown(byRole(el, "trace")[0], sim.valueAt({ layer: 0, channel: 3, y: 0, x: 0 }));
    await expectNoAxeViolations(el);
    el.remove();
    sim.dispose();
    for (const t of weights.values()) t.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe("<cs-neuron-math> on the Keras LeNet (average pooling, softmax)", () => {
  it("S2 average: mean of the window; output unit 3: logits and softmax equal explain()", async () => {
    const { simulator, dispose } = await lenetSimulator("keras");
    const names = simulator.model.layers.map((l) => l.name);
    const s2 = { layer: names.indexOf("S2"), channel: 1, y: 3, x: 4 };
    const el = await showing(simulator, s2);
    const p = simulator.explain(s2).explanation;
    if (p.type !== "pool" || p.mode !== "avg") throw new Error("Keras S2 averages");
    const values = p.values.flat();
    expectShown(byRole(el, "output")[0], p.output);
    expect(p.output).toBeCloseTo(values.reduce((a, b) => a + b, 0) / values.length, 6);
    expectShown(byRole(el, "trace")[0], simulator.valueAt(s2));

    const out = { layer: names.indexOf("output"), channel: 3 };
    simulator.cursor.moveTo(out);
    await el.updateComplete;
    const d = simulator.explain(out).explanation;
    if (d.type !== "dense" || !d.logits) throw new Error("softmax dense");
    const logits = byRole(el, "logit");
    expect(logits).toHaveLength(10);
    logits.forEach((l, i) => expectShown(l, d.logits![i]));
    // softmax by hand from the logits
    const z = [...d.logits].reduce((a, b) => a + Math.exp(b), 0);
    expect(Number(byRole(el, "output")[0].dataset.value)).toBeCloseTo(Math.exp(d.logits[3]) / z, 6);
    expectShown(byRole(el, "trace")[0], simulator.valueAt(out));
    expect(el.shadowRoot!.querySelector("[aria-live]")!.textContent).toContain("softmax →");
    dispose();
  });
});

describe("<cs-neuron-math> on LRN and overlapping max-pooling (AlexNet's)", () => {
  const SPEC: ModelSpec = {
    name: "lrn-pool",
    input: { shape: [5, 5, 8] },
    layers: [
      { name: "norm1", kind: "lrn", k: 2, n: 5, alpha: 1e-4, beta: 0.75 },
      { name: "pool1", kind: "pool2d", mode: "max", poolSize: 3, strides: 2, padding: "same" },
    ],
  };

  it("LRN channel 1: neighbours 0…3, Σa², (k + αΣ)^β and b = a / divisor, by hand", async () => {
    await lenetSimulator("1998").then((f) => f.dispose());
    const sim = createSimulator(compileModel(SPEC), new Map());
    const input = Float32Array.from({ length: 5 * 5 * 8 }, (_, i) => 3 * Math.cos(i * 0.61));
    await sim.run(input);
    const el = await showing(sim, { layer: 0, channel: 1, y: 2, x: 3 });
    const at = (c: number) => input[(2 * 5 + 3) * 8 + c];
    const neighbours = byRole(el, "neighbour");
    expect(neighbours.map((n) => Number(n.dataset.value))).toEqual(
      [0, 1, 2, 3].map((c) => Math.fround(at(c))),
    );
    const sumSquares = [0, 1, 2, 3].reduce((s, c) => s + Math.fround(at(c)) ** 2, 0);
    expect(Number(byRole(el, "sum-squares")[0].dataset.value)).toBeCloseTo(sumSquares, 5);
    const divisor = (2 + 1e-4 * sumSquares) ** 0.75;
    expect(Number(byRole(el, "divisor")[0].dataset.value)).toBeCloseTo(divisor, 6);
    expect(Number(byRole(el, "output")[0].dataset.value)).toBeCloseTo(
      Math.fround(at(1)) / divisor,
      6,
    );
    expectShown(byRole(el, "trace")[0], sim.valueAt({ layer: 0, channel: 1, y: 2, x: 3 }));

    // Max-pool (3/2, same; padding 1 top/left, 1 bottom/right) at (2, 2) reads rows/cols 3…5 of a
    // 5×5 map: 5 of its 9 cells are padding.
    sim.cursor.moveTo({ layer: 1, channel: 5, y: 2, x: 2 });
    await el.updateComplete;
    const window = el.shadowRoot!.querySelector('[data-grid="window"]')!;
    expect(window.querySelectorAll("[data-padded]")).toHaveLength(5);
    const lrn = sim.trace!.layers[0];
    const inside = [3, 4].flatMap((y) => [3, 4].map((x) => lrn.valueAt(5, y, x)));
    expectShown(byRole(el, "output")[0], Math.max(...inside));
    expect(window.querySelector(".cell.mark")).not.toBeNull();
    await expectNoAxeViolations(el);
    sim.dispose();
  });
});
