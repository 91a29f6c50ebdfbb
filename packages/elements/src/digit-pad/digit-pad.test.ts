import { afterEach, describe, expect, it } from "vitest";
import { userEvent } from "vitest/browser";
import type { DigitSet } from "@convstep/models";
import "./define.js";
import type { CsDigitPad } from "./digit-pad.component.js";
import { loadDigitSet } from "./digit-file.js";
import { greyFromRgba, sampleIndices } from "./samples.js";
import type { CsInputEvent } from "../shared/events.js";
import { expectNoAxeViolations, mount } from "../test-utils/mount.js";
import { setLanguage } from "../shared/localize.js";

/** The bundled file, as the test server serves the repository. */
const DIGIT_FILE = "/packages/models/data/mnist-test-500.bin";
/** The same file compressed with raw deflate (what the pad fetches by default). */
const DEFLATED_FILE = "/packages/models/data/mnist-test-500.deflate";

/** A tiny set of three 28×28 digits (labels 7, 1, 4) with distinct byte patterns. */
function tinySet(): DigitSet {
  const count = 3;
  const images = new Uint8Array(count * 784);
  for (let d = 0; d < count; d++) {
    for (let i = 0; i < 784; i++) images[d * 784 + i] = (i * (d + 3) + d * 11) % 256;
  }
  return {
    images,
    labels: Uint8Array.from([7, 1, 4]),
    count,
    rows: 28,
    cols: 28,
    sources: Uint16Array.from([0, 1, 2]),
  };
}

/** Resolves with the next cs-input event from `el`. */
function nextInput(el: HTMLElement): Promise<CsInputEvent> {
  return new Promise((resolve) => el.addEventListener("cs-input", resolve, { once: true }));
}

/** Synthesises a pointer stroke on `target` through pad points (CSS px from its top left). */
function stroke(target: Element, points: readonly [number, number][]): void {
  const rect = target.getBoundingClientRect();
  const init = (x: number, y: number, buttons: number): PointerEventInit => ({
    pointerId: 1,
    pointerType: "mouse",
    isPrimary: true,
    button: 0,
    buttons,
    clientX: rect.left + x,
    clientY: rect.top + y,
    bubbles: true,
    composed: true,
    cancelable: true,
  });
  const [first, ...rest] = points;
  target.dispatchEvent(new PointerEvent("pointerdown", init(first[0], first[1], 1)));
  for (const [x, y] of rest) target.dispatchEvent(new PointerEvent("pointermove", init(x, y, 1)));
  const last = points[points.length - 1];
  target.dispatchEvent(new PointerEvent("pointerup", init(last[0], last[1], 0)));
}

const pad = (el: CsDigitPad) =>
  el.shadowRoot!.querySelector<HTMLCanvasElement>("canvas[part=pad]")!;
const thumbs = (el: CsDigitPad) => [
  ...el.shadowRoot!.querySelectorAll<HTMLButtonElement>("[part~=sample]"),
];

afterEach(() => {
  document.body.replaceChildren();
});

describe("sampleIndices", () => {
  it("labels [0, 1, 0, 1, 2], 4 samples → round-robin over classes: [0, 1, 4, 2]", () => {
    expect(sampleIndices([0, 1, 0, 1, 2], 4)).toEqual([0, 1, 4, 2]);
  });

  it("labels i mod 10 (as the bundled file), 20 samples → page 0 = 0…19, page 1 = 20…39", () => {
    const labels = Array.from({ length: 500 }, (_, i) => i % 10);
    expect(sampleIndices(labels, 20, 0)).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(sampleIndices(labels, 20, 1)).toEqual(Array.from({ length: 20 }, (_, i) => 20 + i));
  });

  it("never repeats an index and never asks for more than the set holds", () => {
    expect(sampleIndices([3, 3, 5], 20)).toEqual([0, 2, 1]);
    expect(sampleIndices([], 20)).toEqual([]);
  });
});

describe("greyFromRgba", () => {
  it("white, black, transparent → 1, 0, 1 (transparent reads as white paper)", () => {
    expect([...greyFromRgba([255, 255, 255, 255, 0, 0, 0, 255, 0, 0, 0, 0], 3, 1)]).toEqual([
      1, 0, 1,
    ]);
  });
});

describe("<cs-digit-pad>", () => {
  it("a vertical stroke (a '1') emits a 28×28 MNIST-style digit: centre of mass ≈ (14, 14), ≤ 20 px tall", async () => {
    const el = await mount<CsDigitPad>("cs-digit-pad");
    el.digits = tinySet();
    await el.updateComplete;
    expect(el.size).toBe(224);
    const got = nextInput(el);
    const points: [number, number][] = [];
    for (let y = 40; y <= 184; y += 6) points.push([100 + (y - 40) * 0.05, y]);
    stroke(pad(el), points);
    const event = await got;
    expect(event.source).toBe("draw");
    expect(event.shape).toEqual([28, 28]);
    expect(event.data).toBeInstanceOf(Float32Array);
    expect(event.data).toHaveLength(784);
    let mass = 0;
    let mx = 0;
    let my = 0;
    let top = 28;
    let bottom = -1;
    let left = 28;
    let right = -1;
    let max = 0;
    for (let y = 0; y < 28; y++) {
      for (let x = 0; x < 28; x++) {
        const v = event.data[y * 28 + x];
        expect(v).toBeGreaterThanOrEqual(0);
        expect(v).toBeLessThanOrEqual(1);
        max = Math.max(max, v);
        mass += v;
        mx += v * x;
        my += v * y;
        if (v > 0) {
          top = Math.min(top, y);
          bottom = Math.max(bottom, y);
          left = Math.min(left, x);
          right = Math.max(right, x);
        }
      }
    }
    expect(max).toBeGreaterThan(0.9);
    expect(Math.abs(mx / mass - 14)).toBeLessThanOrEqual(1);
    expect(Math.abs(my / mass - 14)).toBeLessThanOrEqual(1);
    expect(bottom - top + 1).toBeLessThanOrEqual(20);
    expect(bottom - top + 1).toBeGreaterThanOrEqual(18);
    // A stroke as thick as MNIST's: a few pixels wide, not a hairline, not a blob.
    expect(right - left + 1).toBeGreaterThanOrEqual(2);
    expect(right - left + 1).toBeLessThanOrEqual(7);
    expect(el.value).toBe(event.data);
  });

  it("picking a test digit emits its exact bytes / 255 with its label (source 'sample')", async () => {
    const el = await mount<CsDigitPad>("cs-digit-pad");
    const set = tinySet();
    el.digits = set;
    await el.updateComplete;
    const buttons = thumbs(el);
    expect(buttons.map((b) => b.getAttribute("aria-label"))).toEqual([
      "Test digit 1",
      "Test digit 4",
      "Test digit 7",
    ]);
    const got = nextInput(el);
    buttons[2].click();
    const event = await got;
    expect(event.source).toBe("sample");
    expect(event.label).toBe(7);
    const expected = new Float32Array(784);
    for (let i = 0; i < 784; i++) expected[i] = set.images[i] / 255; // digit 0: label 7
    expect(event.data).toEqual(expected);
    await el.updateComplete;
    expect(thumbs(el)[2].getAttribute("aria-current")).toBe("true");
    expect(el.shadowRoot!.querySelector("[aria-live]")!.textContent).toContain("7");
  });

  it("Clear resets the pad, the preview and the value", async () => {
    const el = await mount<CsDigitPad>("cs-digit-pad");
    el.digits = tinySet();
    await el.updateComplete;
    const got = nextInput(el);
    stroke(pad(el), [
      [60, 60],
      [160, 160],
    ]);
    await got;
    await el.updateComplete;
    expect(el.value).toBeDefined();
    expect(el.shadowRoot!.querySelector(".placeholder")).toBeNull();
    el.shadowRoot!.querySelector<HTMLButtonElement>("[part=clear]")!.click();
    await el.updateComplete;
    expect(el.value).toBeUndefined();
    expect(el.shadowRoot!.querySelector(".placeholder")).not.toBeNull();
    expect(el.shadowRoot!.querySelector(".preview-empty")).not.toBeNull();
    // The pad holds only paper again.
    const ctx = pad(el).getContext("2d")!;
    const { data } = ctx.getImageData(0, 0, pad(el).width, pad(el).height);
    expect(Math.min(...greyFromRgba(data, pad(el).width, pad(el).height))).toBeGreaterThan(0.99);
  });

  it("keyboard: arrow keys move between thumbnails (roving tabindex) and Enter picks", async () => {
    const el = await mount<CsDigitPad>("cs-digit-pad");
    el.digits = tinySet();
    await el.updateComplete;
    expect(thumbs(el).map((b) => b.tabIndex)).toEqual([0, -1, -1]);
    thumbs(el)[0].focus();
    await userEvent.keyboard("{ArrowRight}");
    expect(el.shadowRoot!.activeElement).toBe(thumbs(el)[1]);
    expect(thumbs(el).map((b) => b.tabIndex)).toEqual([-1, 0, -1]);
    await userEvent.keyboard("{End}");
    expect(el.shadowRoot!.activeElement).toBe(thumbs(el)[2]);
    await userEvent.keyboard("{ArrowRight}");
    expect(el.shadowRoot!.activeElement).toBe(thumbs(el)[0]);
    const got = nextInput(el);
    await userEvent.keyboard("{Enter}");
    const event = await got;
    expect(event.label).toBe(1);
  });

  it("the pad tells keyboard users to use the strip and Clear", async () => {
    const el = await mount<CsDigitPad>("cs-digit-pad");
    el.digits = tinySet();
    await el.updateComplete;
    const description = pad(el).getAttribute("aria-description")!;
    expect(description).toMatch(/keyboard/i);
    expect(description).toMatch(/clear/i);
    expect(pad(el).style.touchAction || getComputedStyle(pad(el)).touchAction).toBe("none");
  });

  it("loads the bundled file: 20 thumbnails, two of each class, and 'More digits' pages on", async () => {
    const el = await mount<CsDigitPad>("cs-digit-pad", { src: DIGIT_FILE });
    await expect.poll(() => thumbs(el).length, { timeout: 10_000 }).toBe(20);
    const labels = thumbs(el).map((b) => b.getAttribute("aria-label"));
    expect(labels).toEqual(Array.from({ length: 20 }, (_, i) => `Test digit ${i % 10}`));
    expect(el.sampleIndices).toEqual(Array.from({ length: 20 }, (_, i) => i));
    el.shadowRoot!.querySelector<HTMLButtonElement>("[part=more]")!.click();
    await el.updateComplete;
    expect(el.sampleIndices).toEqual(Array.from({ length: 20 }, (_, i) => 20 + i));
  });

  it("the raw-deflate file inflates to the .bin file's digits and labels, byte for byte", async () => {
    const [plain, deflated] = await Promise.all([
      loadDigitSet(DIGIT_FILE),
      loadDigitSet(DEFLATED_FILE),
    ]);
    expect(deflated.count).toBe(500);
    expect(deflated.labels).toEqual(plain.labels);
    expect(deflated.sources).toEqual(plain.sources);
    let differing = 0;
    for (let i = 0; i < plain.images.length; i++)
      if (plain.images[i] !== deflated.images[i]) differing++;
    expect(deflated.images.length).toBe(500 * 784);
    expect(differing).toBe(0);
  });

  it("`samples` and `brush` attributes are read", async () => {
    const el = await mount<CsDigitPad>("cs-digit-pad", { samples: "2", brush: "12", size: "160" });
    el.digits = tinySet();
    await el.updateComplete;
    expect(el.samples).toBe(2);
    expect(el.brushSize).toBe(12);
    expect(el.size).toBe(160);
    expect(thumbs(el)).toHaveLength(2);
    expect(pad(el).getBoundingClientRect().width).toBeCloseTo(160, 0);
  });

  it("a digit file that fails to load shows a message in place, and drawing still works", async () => {
    const el = await mount<CsDigitPad>("cs-digit-pad", { src: "/no-such-file/digits.bin" });
    await expect
      .poll(() => el.shadowRoot!.querySelector(".strip-section .error")?.textContent ?? "", {
        timeout: 10_000,
      })
      .toContain("Could not load the test digits");
    const got = nextInput(el);
    stroke(pad(el), [
      [112, 50],
      [112, 170],
    ]);
    expect((await got).source).toBe("draw");
  });

  it("speaks Korean: thumbnails are labelled 테스트 숫자 n", async () => {
    await setLanguage("ko");
    try {
      const el = await mount<CsDigitPad>("cs-digit-pad");
      el.digits = tinySet();
      await el.updateComplete;
      expect(thumbs(el)[0].getAttribute("aria-label")).toBe("테스트 숫자 1");
      expect(el.shadowRoot!.querySelector("[part=clear]")!.textContent!.trim()).toBe("지우기");
    } finally {
      await setLanguage("en");
    }
  });

  it("has no serious or critical axe violations", async () => {
    const el = await mount<CsDigitPad>("cs-digit-pad");
    el.digits = tinySet();
    await el.updateComplete;
    thumbs(el)[1].click();
    await el.updateComplete;
    await expectNoAxeViolations(el);
  });
});
