import { afterEach, describe, expect, it } from "vitest";
import { userEvent } from "vitest/browser";
import { compileModel } from "@convstep/engine";
import {
  PRESETS,
  convArithmetic,
  runs,
  samePadding,
  windowSpan,
  type ConvSettings,
  type PresetName,
} from "./arithmetic.js";
import { convolvePicture, edgeWeight } from "./convolve.js";
import { explain } from "./describe.js";
import { exactText, formatNumber, formulaText } from "./formula.js";
import { autoRate } from "./playback.js";
import "./define.js";
import type { CsConvWindow } from "./conv-window.component.js";
import { setAssetBase } from "../shared/assets.js";
import { expectNoAxeViolations, frames, mount } from "../test-utils/mount.js";
import { setLanguage } from "../shared/localize.js";
import { templates as ko } from "../locales/ko/conv-window.js";
import componentSource from "./conv-window.component.ts?raw";
import describeSource from "./describe.ts?raw";
import partsSource from "./parts.ts?raw";

/** The engine's output side for a one-channel n × n input and one conv layer. */
function engineSide(s: ConvSettings): number {
  const model = compileModel({
    name: "t",
    input: { shape: [s.n, s.n, 1] },
    layers: [
      {
        name: "c",
        kind: "conv2d",
        filters: 1,
        kernelSize: s.k,
        strides: s.s,
        padding: s.padding === "same" ? "same" : s.p,
        dilation: s.d,
      },
    ],
  });
  const shape = model.outputShape;
  expect(shape[0]).toBe(shape[1]);
  return shape[0];
}

/** mulberry32: a small seeded generator, so the random settings are the same on every run. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const preset = (name: PresetName) => PRESETS.find((p) => p.name === name)!;

describe("convArithmetic", () => {
  it.each([
    ["alexnet-conv1", 55, 55],
    ["alexnet-224", 54, 54.25],
    ["torchvision", 55, 55.25],
    ["keras-same", 56, 56],
    ["lenet-c1", 28, 28],
  ] as const)("preset %s → %i (unrounded %d)", (name, out, exact) => {
    const a = convArithmetic(preset(name));
    expect(a.out).toBe(out);
    expect(a.exact).toBe(exact);
    expect(engineSide(preset(name))).toBe(out);
  });

  it("the formula matches the engine's output shape for 200 random valid settings", () => {
    const rand = seeded(2012);
    const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
    let checked = 0;
    while (checked < 200) {
      const s: ConvSettings = {
        n: int(1, 64),
        k: int(1, 11),
        s: int(1, 5),
        p: int(0, 5),
        d: int(1, 4),
        padding: rand() < 0.25 ? "same" : "explicit",
      };
      if (s.s > 1 && s.d > 1) continue; // TensorFlow.js rejects these.
      const a = convArithmetic(s);
      if (a.out < 1) continue;
      expect(engineSide(s), JSON.stringify(s)).toBe(a.out);
      checked++;
    }
  });

  it("AlexNet conv1: output (3, 5) reads rows 12–22, columns 20–30 (y·s − p … y·s − p + 10)", () => {
    const a = convArithmetic(preset("alexnet-conv1"));
    expect(windowSpan(a, 3)).toMatchObject({ start: 12, end: 22 });
    expect(windowSpan(a, 5)).toMatchObject({ start: 20, end: 30 });
  });

  it("torchvision pad 2: output 0 reads rows −2 … 8, partly padding", () => {
    expect(windowSpan(convArithmetic(preset("torchvision")), 0)).toMatchObject({
      start: -2,
      end: 8,
    });
  });

  it("dilation 2, k 3: k_eff = 5, taps at 0, 2, 4", () => {
    const a = convArithmetic({ n: 12, k: 3, s: 1, p: 0, d: 2, padding: "explicit" });
    expect(a.kEff).toBe(5);
    expect(a.out).toBe(8);
    expect(windowSpan(a, 1).taps).toEqual([1, 3, 5]);
  });

  it("224, k 11, s 4: a 55th window hangs 3 px over; column 223 is never read", () => {
    const a = convArithmetic(preset("alexnet-224"));
    // Windows start at 0, 4, …, 212 and end at 222; one at 216 would end at 226 > 223.
    expect(a.exactFit).toBe(false);
    expect(a.leftover).toBe(1);
    expect(a.overhang).toBe(3);
    expect(a.unread).toEqual([223]);
    expect(a.trailingUnread).toEqual([223]);
  });

  it("torchvision: the 1 px left over is padding, every input pixel is read", () => {
    const a = convArithmetic(preset("torchvision"));
    expect(a.leftover).toBe(1);
    expect(a.unread).toEqual([]);
  });

  it("'same' for 224, k 11, s 4: (56 − 1)·4 + 11 − 224 = 7 zeros, 3 before and 4 after", () => {
    expect(samePadding(224, 11, 4)).toEqual({ before: 3, after: 4 });
    const a = convArithmetic(preset("keras-same"));
    expect([a.before, a.after, a.padded, a.out]).toEqual([3, 4, 231, 56]);
  });

  it("stride 3 over k 2 on 10 px: windows 0–1, 3–4, 6–7; 2 and 5 are gaps, 8 and 9 trailing", () => {
    const a = convArithmetic({ n: 10, k: 2, s: 3, p: 0, d: 1, padding: "explicit" });
    expect(a.out).toBe(3);
    expect(a.unread).toEqual([2, 5, 8, 9]);
    expect(a.trailingUnread).toEqual([8, 9]);
  });

  it("a kernel larger than the padded input → empty output", () => {
    const a = convArithmetic({ n: 8, k: 11, s: 4, p: 1, d: 1, padding: "explicit" });
    expect(a.empty).toBe(true);
    expect(a.out).toBe(0);
  });

  it("runs([1, 2, 3, 7]) → [[1, 3], [7, 7]]", () => {
    expect(runs([1, 2, 3, 7])).toEqual([
      [1, 3],
      [7, 7],
    ]);
  });
});

describe("formula and explanation", () => {
  it("formatNumber: 54.25, 7.33…, −0.25, 55", () => {
    expect(formatNumber(54.25)).toBe("54.25");
    expect(formatNumber(22 / 3)).toBe("7.33…");
    expect(formatNumber(-0.25)).toBe("−0.25");
    expect(formatNumber(55)).toBe("55");
  });

  it("224 preset: ⌊(224 − 11)/4⌋ + 1 = ⌊53.25⌋ + 1 = 54", () => {
    const a = convArithmetic(preset("alexnet-224"));
    expect(formulaText(a)).toBe("⌊(224 − 11)/4⌋ + 1 = ⌊53.25⌋ + 1 = 54");
    expect(exactText(a)).toBe("(224 − 11)/4 + 1 = 54.25");
    const e = explain(a);
    expect(e.tone).toBe("warn");
    expect(e.lines.join(" ")).toBe(
      "(224 − 11)/4 + 1 = 54.25: one more window would hang 3 px over the edge. Frameworks floor to 54 and never read the last column and row (223).",
    );
  });

  it("torchvision: (224 + 2·2 − 11)/4 + 1 = 55.25, only padding left over", () => {
    const e = explain(convArithmetic(preset("torchvision")));
    expect(e.tone).toBe("ok");
    expect(e.lines[0]).toContain("(224 + 2·2 − 11)/4 + 1 = 55.25");
    expect(e.lines[0]).toContain("padding: every input pixel is still read");
  });

  it("same: the padding sum and its split are explained", () => {
    const e = explain(convArithmetic(preset("keras-same")));
    expect(e.lines[0]).toContain("max((⌈224/4⌉ − 1)·4 + 11 − 224, 0) = 7 zeros: 3 before");
    expect(e.lines[0]).toContain("⌈224/4⌉ = 56");
    expect(e.formula).toBe("⌊(224 + 3 + 4 − 11)/4⌋ + 1 = ⌊55⌋ + 1 = 56");
  });

  it("dilation: ⌊(12 − 2·(3 − 1) − 1)/1⌋ + 1 = 8", () => {
    const a = convArithmetic({ n: 12, k: 3, s: 1, p: 0, d: 2, padding: "explicit" });
    expect(formulaText(a)).toBe("⌊(12 − 2·(3 − 1) − 1)/1⌋ + 1 = ⌊7⌋ + 1 = 8");
  });

  it("empty output and gaps are explained", () => {
    const empty = explain(convArithmetic({ n: 8, k: 11, s: 4, p: 1, d: 1, padding: "explicit" }));
    expect(empty.tone).toBe("error");
    expect(empty.lines.join(" ")).toContain("larger than the padded input (10 px)");
    const gaps = explain(convArithmetic({ n: 10, k: 2, s: 3, p: 0, d: 1, padding: "explicit" }));
    expect(gaps.lines.join(" ")).toContain("rows and columns 2, 5");
  });
});

describe("convolvePicture", () => {
  /** A 3×3 RGBA picture whose red channel is 10·(index + 1). */
  const picture = () => {
    const rgba = new Uint8ClampedArray(9 * 4);
    for (let i = 0; i < 9; i++) rgba.set([10 * (i + 1), 0, 0, 255], i * 4);
    return rgba;
  };

  it("blur k 2, s 1 on 3×3: means of each 2×2 window (hand-computed)", () => {
    const a = convArithmetic({ n: 3, k: 2, s: 1, p: 0, d: 1, padding: "explicit" });
    const out = convolvePicture(picture(), a, "blur");
    // Red: [10 20 30; 40 50 60; 70 80 90] → (10+20+40+50)/4 = 30, 40, 60, 70.
    expect([0, 1, 2, 3].map((i) => out.data[i * 3])).toEqual([30, 40, 60, 70]);
  });

  it("blur k 3, p 1: the corner averages 4 pixels and 5 zeros", () => {
    const a = convArithmetic({ n: 3, k: 3, s: 2, p: 1, d: 1, padding: "explicit" });
    const out = convolvePicture(picture(), a, "blur");
    expect(out.size).toBe(2);
    expect(out.data[0]).toBeCloseTo((10 + 20 + 40 + 50) / 9, 6);
  });

  it("edge weights for k 3: −1, 0, +1; for k 4: −1, −1, +1, +1", () => {
    expect([0, 1, 2].map((t) => edgeWeight(t, 3))).toEqual([-1, 0, 1]);
    expect([0, 1, 2, 3].map((t) => edgeWeight(t, 4))).toEqual([-1, -1, 1, 1]);
  });

  it("auto rate: a whole pass in about 15 s, 2–400 cells a second", () => {
    expect(autoRate(3025)).toBeCloseTo(201.67, 1);
    expect(autoRate(4)).toBe(2);
    expect(autoRate(65536)).toBe(400);
  });
});

describe("<cs-conv-window>", () => {
  setAssetBase("/packages/models/");
  const root = (el: CsConvWindow) => el.shadowRoot!;
  const live = (el: CsConvWindow) => root(el).querySelector("[aria-live]")!.textContent!.trim();
  const explanation = (el: CsConvWindow) =>
    root(el).querySelector("[part=explanation]")!.textContent!;

  afterEach(() => {
    document.body.replaceChildren();
  });

  it("starts as AlexNet conv1 and reflects attributes n, k, s, p, d", async () => {
    const el = await mount<CsConvWindow>("cs-conv-window", {
      n: "32",
      k: "5",
      s: "1",
      p: "2",
      d: "1",
    });
    expect([el.n, el.k, el.s, el.p, el.d]).toEqual([32, 5, 1, 2, 1]);
    expect(el.arithmetic.out).toBe(32);
    expect(root(el).querySelector("figure:last-of-type figcaption")!.textContent).toContain(
      "32 × 32",
    );
  });

  it("the preset attribute and buttons set everything; preset outputs are 55, 54, 55, 56, 28", async () => {
    const el = await mount<CsConvWindow>("cs-conv-window", { preset: "keras-same" });
    expect(el.padding).toBe("same");
    expect(el.arithmetic.out).toBe(56);
    const buttons = [...root(el).querySelectorAll<HTMLButtonElement>("[part=preset]")];
    expect(buttons).toHaveLength(5);
    const outs: number[] = [];
    for (const b of buttons) {
      b.click();
      await el.updateComplete;
      expect(b.getAttribute("aria-pressed")).toBe("true");
      outs.push(el.arithmetic.out);
    }
    expect(outs).toEqual([55, 54, 55, 56, 28]);
    expect(el.getAttribute("preset")).toBe("lenet-c1");
  });

  it("the 224 preset explains 54.25 and names the unread column", async () => {
    const el = await mount<CsConvWindow>("cs-conv-window", { preset: "alexnet-224" });
    expect(explanation(el)).toContain("(224 − 11)/4 + 1 = 54.25");
    expect(explanation(el)).toContain("never read the last column and row (223)");
    expect(root(el).querySelector("[part=explanation]")!.classList.contains("warn")).toBe(true);
    const math = root(el).querySelector("math")!;
    expect(math.namespaceURI).toBe("http://www.w3.org/1998/Math/MathML");
    expect(math.querySelector("mfrac")).not.toBeNull();
    expect(math.querySelector(".result")!.textContent).toBe("54");
  });

  it("an empty output is explained, and the controls still work", async () => {
    const el = await mount<CsConvWindow>("cs-conv-window", { n: "8", k: "11", s: "4", p: "1" });
    expect(explanation(el)).toContain("the output would be empty");
    expect(root(el).querySelector("canvas[part=output]")).toBeNull();
    const n = root(el).querySelector<HTMLInputElement>("#range-n")!;
    n.value = "32";
    n.dispatchEvent(new Event("input"));
    await el.updateComplete;
    expect(el.arithmetic.out).toBe(6);
    expect(el.preset).toBeUndefined();
  });

  it("arrow keys move the output cell; the live sentence names its window", async () => {
    const el = await mount<CsConvWindow>("cs-conv-window", { preset: "alexnet-conv1" });
    const grid = root(el).querySelector<HTMLCanvasElement>("canvas[part=output]")!;
    grid.focus();
    for (const key of [
      "{ArrowDown}",
      "{ArrowDown}",
      "{ArrowDown}",
      "{ArrowRight}",
      "{ArrowRight}",
    ]) {
      await userEvent.keyboard(key);
    }
    for (let i = 0; i < 5; i++) await userEvent.keyboard("{ArrowRight}");
    for (let i = 0; i < 5; i++) await userEvent.keyboard("{ArrowLeft}");
    for (let i = 0; i < 3; i++) await userEvent.keyboard("{ArrowRight}");
    await el.updateComplete;
    expect(el.cursor).toEqual({ y: 3, x: 5 });
    expect(el.step).toBe(3 * 55 + 5);
    expect(el.window).toEqual({ rows: [12, 22], cols: [20, 30] });
    expect(live(el)).toBe("Output (3, 5) reads input rows 12–22, columns 20–30.");
    await userEvent.keyboard("{End}");
    expect(el.cursor).toEqual({ y: 54, x: 54 });
    await userEvent.keyboard("{Home}");
    expect(el.step).toBe(0);
  });

  it("the transport steps, plays and pauses", async () => {
    const el = await mount<CsConvWindow>("cs-conv-window", { preset: "lenet-c1", speed: "400" });
    const button = (cls: string) =>
      root(el).querySelector<HTMLButtonElement>(`.transport .${cls}`)!;
    button("next").click();
    button("next").click();
    await el.updateComplete;
    expect(el.step).toBe(2);
    button("prev").click();
    await el.updateComplete;
    expect(el.step).toBe(1);
    button("play").click();
    await el.updateComplete;
    expect(el.playing).toBe(true);
    expect(button("play").getAttribute("aria-label")).toBe("Pause");
    await expect.poll(() => el.step, { timeout: 30_000 }).toBeGreaterThan(1);
    button("play").click();
    await el.updateComplete;
    expect(el.playing).toBe(false);
    const stopped = el.step;
    await frames(3);
    expect(el.step).toBe(stopped);
    const scrub = root(el).querySelector<HTMLInputElement>(".scrub")!;
    scrub.value = "30";
    scrub.dispatchEvent(new Event("input"));
    await el.updateComplete;
    expect(el.cursor).toEqual({ y: 1, x: 2 });
  });

  it("autoplay starts once the picture is in, and stops at the last cell", async () => {
    const el = await mount<CsConvWindow>("cs-conv-window", {
      n: "6",
      k: "3",
      s: "1",
      autoplay: "",
      speed: "400",
    });
    await expect.poll(() => el.playing || el.step > 0).toBe(true);
    await expect.poll(() => el.step).toBe(15);
    expect(el.playing).toBe(false);
    expect(live(el)).toBe("Output (3, 3) reads input rows 3–5, columns 3–5.");
  });

  it("shows the sample's credit, and an error in place for a missing picture", async () => {
    const el = await mount<CsConvWindow>("cs-conv-window", { sample: "camera.jpg" });
    expect(root(el).querySelector(".credit")!.textContent).toContain(
      "The cameraman — Lav Varshney, CC0",
    );
    const bad = await mount<CsConvWindow>("cs-conv-window", {
      src: "/packages/models/samples/missing.jpg",
    });
    await expect
      .poll(() => bad.shadowRoot!.querySelector(".error")?.textContent ?? "")
      .toContain("Could not load");
    expect(bad.arithmetic.out).toBe(55);
  });

  it("every message id has a Korean translation, and the widget speaks Korean", async () => {
    const ids = [
      ...`${componentSource}${describeSource}${partsSource}`.matchAll(
        /id: "(conv-window\.[a-z0-9-]+)"/g,
      ),
    ].map((m) => m[1]);
    expect(ids.length).toBeGreaterThan(40);
    expect(ids.filter((id) => !(id in ko))).toEqual([]);
    await setLanguage("ko");
    try {
      const el = await mount<CsConvWindow>("cs-conv-window", { preset: "alexnet-224" });
      expect(root(el).querySelectorAll("[part=preset]")[1].textContent!.trim()).toBe(
        "논문의 224 → 54.25?",
      );
      expect(explanation(el)).toContain("마지막 열과 행(223)은 읽지 않습니다");
    } finally {
      await setLanguage("en");
    }
  });

  it("has no serious or critical axe violations (exact, leftover and empty settings)", async () => {
    const settings: Record<string, string>[] = [
      { preset: "alexnet-conv1" },
      { preset: "keras-same" },
      { n: "4", k: "9" },
    ];
    for (const attrs of settings) {
      const el = await mount<CsConvWindow>("cs-conv-window", attrs);
      await expectNoAxeViolations(el);
      el.remove();
    }
  });
});
