import { describe, expect, it } from "vitest";
import { rankOutputs } from "./rank.js";
import "./define.js";
import type { CsPrediction } from "./prediction.component.js";
import { setLanguage } from "../shared/localize.js";
import { expectNoAxeViolations, mount } from "../test-utils/mount.js";

describe("rankOutputs", () => {
  it("probabilities [0.1, 0.7, 0.2] with 3 ≤ top → class order, winner 1, bars = p", () => {
    const rows = rankOutputs([0.1, 0.7, 0.2], { kind: "probabilities", top: 10 });
    expect(rows.map((r) => r.index)).toEqual([0, 1, 2]);
    expect(rows.map((r) => r.top)).toEqual([false, true, false]);
    expect(rows.map((r) => r.share)).toEqual([0.1, 0.7, 0.2]);
    expect(rows[1].text).toBe("70.0%");
  });

  it("distances [3, 1, 2] → lowest wins, bars = softmax(−d) = [e⁻², 1, e⁻¹]/Σ", () => {
    const rows = rankOutputs([3, 1, 2], { kind: "distances", top: 10, classes: ["a", "b", "c"] });
    const z = Math.exp(-2) + 1 + Math.exp(-1);
    expect(rows[1].top).toBe(true);
    expect(rows[1].label).toBe("b");
    expect(rows[0].share).toBeCloseTo(Math.exp(-2) / z, 12);
    expect(rows[1].share).toBeCloseTo(1 / z, 12);
    expect(rows[2].text).toBe("d = 2.0");
  });

  it("1000 classes with top 5 → the five best, best first", () => {
    const values = Array.from({ length: 1000 }, (_, i) =>
      i === 281 ? 0.5 : i === 7 ? 0.3 : 0.0002,
    );
    const rows = rankOutputs(values, { kind: "probabilities", top: 5 });
    expect(rows).toHaveLength(5);
    expect(rows[0].index).toBe(281);
    expect(rows[1].index).toBe(7);
  });
});

describe("<cs-prediction>", () => {
  it("renders one bar per class from `values` and marks the winner", async () => {
    const el = await mount<CsPrediction>("cs-prediction");
    el.values = [0.05, 0.9, 0.05];
    el.classes = ["cat", "dog", "bird"];
    await el.updateComplete;
    const items = el.shadowRoot!.querySelectorAll("li");
    expect(items).toHaveLength(3);
    expect(items[1].classList.contains("top")).toBe(true);
    expect(items[1].textContent).toContain("dog");
    const bar = items[1].querySelector<HTMLElement>("[part~=bar]")!;
    expect(parseFloat(bar.style.width)).toBeCloseTo(90, 6);
    // The bar is really drawn: its rendered width is 90% of its track's.
    const track = bar.parentElement!.getBoundingClientRect().width;
    expect(track).toBeGreaterThan(0);
    expect(bar.getBoundingClientRect().width / track).toBeCloseTo(0.9, 2);
    expect(el.shadowRoot!.querySelector("[aria-live]")!.textContent).toContain("dog");
  });

  it("long ImageNet names in 300 px: every bar starts at one x, labels take at most half, the full name in a tooltip", async () => {
    const el = await mount<CsPrediction>("cs-prediction", {
      style: "width: 300px; display: block",
    });
    const long =
      "great white shark, white shark, man-eater, man-eating shark, Carcharodon carcharias";
    el.values = [0.2, 0.5, 0.3];
    el.classes = ["tabby, tabby cat", long, "cock"];
    await el.updateComplete;
    const root = el.shadowRoot!;
    const list = root.querySelector("ol")!.getBoundingClientRect();
    const tracks = [...root.querySelectorAll(".track")].map((t) => t.getBoundingClientRect());
    expect(new Set(tracks.map((t) => Math.round(t.left))).size).toBe(1);
    expect(tracks[0].width).toBeGreaterThan(40);
    for (const label of root.querySelectorAll<HTMLElement>("[part=label]")) {
      expect(label.getBoundingClientRect().width).toBeLessThanOrEqual(list.width / 2 + 0.5);
    }
    const cut = root.querySelectorAll<HTMLElement>("[part=label]")[1];
    expect(cut.scrollWidth).toBeGreaterThan(cut.clientWidth);
    expect(cut.title).toBe(long);
  });

  it("reflects `top` and `kind` attributes", async () => {
    const el = await mount<CsPrediction>("cs-prediction", { top: "2", kind: "distances" });
    el.values = [5, 1, 9, 3];
    await el.updateComplete;
    expect(el.top).toBe(2);
    const labels = [...el.shadowRoot!.querySelectorAll("[part=label]")].map((n) => n.textContent);
    expect(labels).toEqual(["1", "3"]);
    expect(el.shadowRoot!.textContent).toContain("shortest distance");
  });

  it("untrained: a note in place, the bars dimmed and grey, no winner marked (no .top, no part top)", async () => {
    const el = await mount<CsPrediction>("cs-prediction", { untrained: "" });
    el.values = [0.05, 0.9, 0.05];
    el.classes = ["cat", "dog", "bird"];
    await el.updateComplete;
    expect(el.untrained).toBe(true);
    const root = el.shadowRoot!;
    const note = root.querySelector<HTMLElement>("[part=untrained-note]")!;
    expect(note.textContent).toContain("Untrained weights: these numbers are meaningless.");
    expect(note.getBoundingClientRect().height).toBeGreaterThan(0);
    // The note comes before the bars it is about.
    const list = root.querySelector("ol")!;
    expect(note.compareDocumentPosition(list) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(list.getAttribute("aria-describedby")).toBe(note.id);
    expect(root.querySelectorAll("li.top")).toHaveLength(0);
    expect(root.querySelectorAll("[part~=top]")).toHaveLength(0);
    // Every bar has one colour, the muted grey, and is faint; the numbers are still shown.
    const bars = [...root.querySelectorAll<HTMLElement>("[part~=bar]")];
    const colours = new Set(bars.map((b) => getComputedStyle(b).backgroundColor));
    expect(colours).toEqual(new Set(["rgb(87, 96, 106)"])); // --_muted, #57606a
    expect(Number(getComputedStyle(bars[1]).opacity)).toBeLessThan(0.5);
    expect(parseFloat(bars[1].style.width)).toBeCloseTo(90, 6);
    expect(root.textContent).toContain("90.0%");
    expect(root.querySelector("[aria-live]")!.textContent).not.toContain("dog");
  });

  it("trained (the default): the winner's bar has the winner colour, no note", async () => {
    const el = await mount<CsPrediction>("cs-prediction");
    el.values = [0.05, 0.9, 0.05];
    await el.updateComplete;
    const root = el.shadowRoot!;
    expect(root.querySelector("[part=untrained-note]")).toBeNull();
    const top = root.querySelector<HTMLElement>("[part~=top]")!;
    expect(getComputedStyle(top).backgroundColor).toBe("rgb(227, 98, 9)"); // #e36209
  });

  it("untrained in Korean: the note in Korean", async () => {
    await setLanguage("ko");
    try {
      const el = await mount<CsPrediction>("cs-prediction", { untrained: "" });
      el.values = [0.2, 0.8];
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector("[part=untrained-note]")!.textContent).toContain(
        "학습되지 않은 가중치: 이 숫자들은 의미가 없습니다.",
      );
    } finally {
      await setLanguage("en");
    }
  });

  it("has no serious or critical axe violations", async () => {
    const el = await mount<CsPrediction>("cs-prediction");
    el.values = [0.2, 0.8];
    await el.updateComplete;
    await expectNoAxeViolations(el);
  });

  it("untrained has no serious or critical axe violations (the grey text keeps its contrast)", async () => {
    const el = await mount<CsPrediction>("cs-prediction", { untrained: "" });
    el.values = [0.2, 0.8];
    el.classes = ["tabby, tabby cat", "Egyptian cat"];
    await el.updateComplete;
    await expectNoAxeViolations(el);
  });
});
