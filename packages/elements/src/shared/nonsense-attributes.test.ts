/**
 * Nothing an author types into an attribute can break a widget: every element gets a corpus of
 * nonsense on each of its text, enum and number attributes. Each still renders, nothing throws
 * uncaught, no markup in a value becomes an element, and each refused enum or number value is
 * reported in one console warning that names the attribute.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import * as tf from "@tensorflow/tfjs-core";
import type { DigitSet } from "@convstep/models";
import "../define-all.js";
import { CsConvSweep } from "../alexnet-explorer/conv-sweep.component.js";
import { setAssetBase } from "./assets.js";
import { defineElement } from "./define.js";
import { lenetSimulator } from "../test-utils/fixtures.js";

const NONSENSE = [
  "",
  "abc",
  "-1",
  "1e999",
  "NaN",
  "x".repeat(10_000),
  "<script>alert(1)</script>",
  '"><img src=x onerror=alert(1)>',
];

type Lit = HTMLElement & { updateComplete: Promise<unknown>; ready?: Promise<void> };

interface ElementCase {
  readonly tag: string;
  /** Attributes to mount with (kept as the good values). */
  readonly mountWith?: Record<string, string>;
  /** Enum and number attributes (with a rule): attribute → property. */
  readonly ruled: Record<string, string>;
  /** Ruled attributes for which the empty value is valid (`lang=""`, `hide=""`, optional ones). */
  readonly emptyIsValid?: readonly string[];
  /** Free-text attributes (names, URLs, steps, headings): attribute → property. */
  readonly text: Record<string, string>;
  /** Gives the element a simulator (or data) before the nonsense starts. */
  readonly needsSimulator?: boolean;
}

const CASES: readonly ElementCase[] = [
  {
    tag: "cs-lenet-explorer",
    mountWith: { backend: "cpu", weights: "seeded" },
    ruled: {
      variant: "variant",
      backend: "backend",
      granularity: "granularity",
      speed: "speed",
      lang: "lang",
      hide: "hide",
    },
    emptyIsValid: ["lang", "hide", "granularity"],
    text: { step: "step", weights: "weights" },
  },
  {
    tag: "cs-alexnet-explorer",
    mountWith: { variant: "keras", backend: "cpu" },
    ruled: {
      variant: "variant",
      backend: "backend",
      conv1: "conv1",
      granularity: "granularity",
      speed: "speed",
      lang: "lang",
      hide: "hide",
    },
    emptyIsValid: ["lang", "hide", "granularity"],
    text: { step: "step" },
  },
  {
    tag: "cs-conv-sweep",
    ruled: {
      channel: "channel",
      position: "position",
      "kernel-source": "kernelSource",
      groups: "groups",
    },
    text: {},
  },
  {
    tag: "cs-trainer",
    ruled: {
      model: "model",
      "learning-rate": "learningRate",
      "batch-size": "batchSize",
      epochs: "epochs",
      seed: "seed",
      digits: "digits",
      "held-out": "heldOut",
      backend: "backend",
      lang: "lang",
    },
    // No learning rate: the model's own (0.05 for keras, 0.002 for 1998).
    emptyIsValid: ["learning-rate", "lang"],
    text: {},
  },
  {
    tag: "cs-activation-race",
    ruled: {
      "learning-rate": "learningRate",
      "batch-size": "batchSize",
      epochs: "epochs",
      seed: "seed",
      digits: "digits",
      backend: "backend",
      lang: "lang",
    },
    emptyIsValid: ["lang"],
    text: {},
  },
  {
    tag: "cs-connection-table",
    needsSimulator: true,
    ruled: { "focus-channel": "focusChannel" },
    emptyIsValid: ["focus-channel"],
    text: { layer: "layer", "input-layer": "inputLayer", heading: "heading" },
  },
  {
    tag: "cs-conv-window",
    ruled: {
      n: "n",
      k: "k",
      s: "s",
      p: "p",
      d: "d",
      padding: "padding",
      preset: "preset",
      kernel: "kernel",
      speed: "speed",
      step: "step",
    },
    emptyIsValid: ["preset", "speed"],
    text: { sample: "sample", src: "src" },
  },
  {
    tag: "cs-digit-pad",
    ruled: { size: "size", brush: "brush", samples: "samples" },
    emptyIsValid: ["brush"],
    text: { src: "src" },
  },
  {
    tag: "cs-feature-maps",
    needsSimulator: true,
    ruled: { scale: "scale", columns: "columns", "cell-size": "cellSize" },
    emptyIsValid: ["columns", "cell-size"],
    text: { layer: "layer" },
  },
  {
    tag: "cs-image-input",
    ruled: { target: "target" },
    text: { sample: "sample", src: "src" },
  },
  {
    tag: "cs-model-summary",
    needsSimulator: true,
    ruled: { metric: "metric" },
    text: { highlight: "highlight" },
  },
  {
    tag: "cs-network",
    needsSimulator: true,
    ruled: { "focus-channel": "focusChannel", "page-size": "pageSize" },
    emptyIsValid: ["focus-channel"],
    text: { "focus-layer": "focusLayer" },
  },
  {
    tag: "cs-neuron-math",
    needsSimulator: true,
    ruled: { digits: "digits", "max-channels": "maxChannels" },
    text: {},
  },
  {
    tag: "cs-player",
    needsSimulator: true,
    ruled: { granularity: "granularity", speed: "speed", hide: "hide" },
    emptyIsValid: ["hide"],
    text: {},
  },
  {
    tag: "cs-prediction",
    needsSimulator: true,
    ruled: { kind: "kind", top: "top" },
    emptyIsValid: ["kind"],
    text: { heading: "heading" },
  },
];

/** Every shadow root under `el` (the explorers nest their blocks). */
function shadowRoots(el: Element): ShadowRoot[] {
  const roots: ShadowRoot[] = [];
  const visit = (node: Element) => {
    if (node.shadowRoot) {
      roots.push(node.shadowRoot);
      node.shadowRoot.querySelectorAll("*").forEach(visit);
    }
  };
  visit(el);
  return roots;
}

/** Waits for the element and every block inside it. */
async function settle(el: Lit): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await el.updateComplete;
    for (const root of shadowRoots(el)) {
      for (const inner of root.querySelectorAll<Lit>("*")) {
        if (inner.updateComplete) await inner.updateComplete;
      }
    }
  }
}

const uncaught: unknown[] = [];
const onError = (e: ErrorEvent) => uncaught.push(e.error ?? e.message);
const onRejection = (e: PromiseRejectionEvent) => uncaught.push(e.reason);
let fixture: Awaited<ReturnType<typeof lenetSimulator>>;

beforeAll(async () => {
  tf.env().set("PROD", true);
  setAssetBase("/packages/models/");
  defineElement("cs-conv-sweep", CsConvSweep);
  window.addEventListener("error", onError);
  window.addEventListener("unhandledrejection", onRejection);
  fixture = await lenetSimulator();
});

afterAll(() => {
  window.removeEventListener("error", onError);
  window.removeEventListener("unhandledrejection", onRejection);
  fixture.dispose();
});

afterEach(() => {
  document.body.replaceChildren();
  vi.restoreAllMocks();
  uncaught.length = 0;
});

describe("nonsense attribute values", () => {
  for (const c of CASES) {
    it(`<${c.tag}>: each value on each attribute renders, throws nothing, injects nothing; the warning names the attribute`, async () => {
      const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
      const el = document.createElement(c.tag) as Lit;
      for (const [k, v] of Object.entries(c.mountWith ?? {})) el.setAttribute(k, v);
      if (c.needsSimulator) (el as unknown as { simulator: unknown }).simulator = fixture.simulator;
      document.body.append(el);
      await settle(el);
      await el.ready;
      const props = el as unknown as Record<string, unknown>;

      for (const [attribute, prop] of [...Object.entries(c.ruled), ...Object.entries(c.text)]) {
        const ruled = attribute in c.ruled;
        const before = props[prop];
        for (const value of NONSENSE) {
          warn.mockClear();
          el.setAttribute(attribute, value);
          await settle(el);
          for (const root of shadowRoots(el)) {
            expect(
              root.querySelector("script, img[onerror]"),
              `${attribute}=${value.slice(0, 40)}`,
            ).toBeNull();
          }
          expect(el.shadowRoot!.childElementCount, "it still renders").toBeGreaterThan(0);
          if (!ruled) continue;
          if (value === "" && c.emptyIsValid?.includes(attribute)) {
            expect(warn, `${attribute}="" is valid`).not.toHaveBeenCalled();
            continue;
          }
          // One warning, one line, naming the element, the attribute and the value.
          const lines = warn.mock.calls.map((args) => String(args[0]));
          const mine = lines.filter((l) => l.includes(`<${c.tag}> ${attribute}=`));
          expect(mine, `${attribute}=${value.slice(0, 40)}: ${lines.join(" | ")}`).toHaveLength(1);
          expect(mine[0]).not.toContain("\n");
          expect(mine[0].length).toBeLessThan(300);
          expect(mine[0]).toContain(JSON.stringify(value.slice(0, 40)).slice(0, -1));
          expect(mine[0]).toContain("expected");
          // The nonsense never reaches the property.
          expect(props[prop]).not.toBe(value);
          if (typeof before === "string") expect(props[prop]).toBe(before);
        }
        el.removeAttribute(attribute);
        props[prop] = before;
        await settle(el);
      }
      await el.ready;
      await settle(el);
      expect(uncaught).toEqual([]);
    });
  }
});

describe("the cases that threw", () => {
  it('<cs-neuron-math digits="abc"> and "-1" keep 3 significant digits and throw nothing', async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const el = document.createElement("cs-neuron-math") as Lit & { digits: number };
    (el as unknown as { simulator: unknown }).simulator = fixture.simulator;
    document.body.append(el);
    await el.updateComplete;
    for (const digits of ["abc", "-1"]) {
      el.setAttribute("digits", digits);
      await el.updateComplete;
      expect(el.digits).toBe(3);
    }
    expect(el.shadowRoot!.querySelector("[data-role=output]")).not.toBeNull();
    expect(warn.mock.calls.map((a) => String(a[0]))).toEqual([
      'convstep: <cs-neuron-math> digits="abc" is not valid: expected an integer from 1 to 10; keeping 3.',
      'convstep: <cs-neuron-math> digits="-1" is not valid: expected an integer from 1 to 10; keeping 3.',
    ]);
    expect(uncaught).toEqual([]);
  });

  it('<cs-digit-pad size="1000000">: clamped to 1024 px with a warning; a stroke emits a digit', async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const el = document.createElement("cs-digit-pad") as Lit & { size: number; digits: DigitSet };
    el.setAttribute("size", "1000000");
    el.digits = {
      images: new Uint8Array(784),
      labels: Uint8Array.from([1]),
      count: 1,
      rows: 28,
      cols: 28,
      sources: Uint16Array.from([0]),
    };
    document.body.append(el);
    await el.updateComplete;
    expect(el.size).toBe(1024);
    expect(String(warn.mock.calls[0]?.[0])).toBe(
      'convstep: <cs-digit-pad> size="1000000" is not valid: expected an integer from 64 to 1024; using 1024.',
    );
    const canvas = el.shadowRoot!.querySelector<HTMLCanvasElement>("canvas[part=pad]")!;
    const got = new Promise((resolve) => el.addEventListener("cs-input", resolve, { once: true }));
    const rect = canvas.getBoundingClientRect();
    const at = (x: number, y: number, buttons: number): PointerEventInit => ({
      pointerId: 1,
      pointerType: "mouse",
      isPrimary: true,
      buttons,
      clientX: rect.left + x,
      clientY: rect.top + y,
      bubbles: true,
      composed: true,
    });
    canvas.dispatchEvent(new PointerEvent("pointerdown", at(500, 200, 1)));
    canvas.dispatchEvent(new PointerEvent("pointermove", at(500, 800, 1)));
    canvas.dispatchEvent(new PointerEvent("pointerup", at(500, 800, 0)));
    await got;
    expect(uncaught).toEqual([]);
  });

  it('<cs-lenet-explorer variant="kears"> shows the paper\'s network and says why in place; "keras" clears it', async () => {
    vi.spyOn(console, "warn").mockImplementation(() => {});
    const el = document.createElement("cs-lenet-explorer") as Lit & { variant: string };
    for (const [k, v] of Object.entries({ backend: "cpu", weights: "seeded", variant: "kears" }))
      el.setAttribute(k, v);
    document.body.append(el);
    await el.updateComplete;
    await el.ready;
    expect(el.variant).toBe("1998");
    const notes = () => el.shadowRoot!.querySelector("[part=attribute-notes]");
    expect(notes()!.getAttribute("role")).toBe("status");
    expect(notes()!.textContent!.trim()).toBe(
      '<cs-lenet-explorer> variant="kears" is not valid: expected "1998", "keras"; keeping "1998".',
    );
    el.setAttribute("variant", "keras");
    await el.updateComplete;
    await el.ready;
    expect(el.variant).toBe("keras");
    expect(notes()).toBeNull();
    expect(uncaught).toEqual([]);
  });

  it("a warning is given once per element, attribute and value", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const el = document.createElement("cs-prediction") as Lit;
    document.body.append(el);
    for (const top of ["abc", "abc", "-5", "abc"]) {
      el.setAttribute("top", top);
      await el.updateComplete;
      el.setAttribute("top", "3");
      await el.updateComplete;
    }
    expect(warn.mock.calls.map((a) => String(a[0]))).toEqual([
      'convstep: <cs-prediction> top="abc" is not valid: expected an integer from 1 to 1000; keeping 10.',
      'convstep: <cs-prediction> top="-5" is not valid: expected an integer from 1 to 1000; using 1.',
    ]);
  });
});
