import { describe, expect, it } from "vitest";
import { rankOutputs } from "./rank.js";
import "./define.js";
import type { CsPrediction } from "./prediction.component.js";
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

  it("reflects `top` and `kind` attributes", async () => {
    const el = await mount<CsPrediction>("cs-prediction", { top: "2", kind: "distances" });
    el.values = [5, 1, 9, 3];
    await el.updateComplete;
    expect(el.top).toBe(2);
    const labels = [...el.shadowRoot!.querySelectorAll("[part=label]")].map((n) => n.textContent);
    expect(labels).toEqual(["1", "3"]);
    expect(el.shadowRoot!.textContent).toContain("shortest distance");
  });

  it("has no serious or critical axe violations", async () => {
    const el = await mount<CsPrediction>("cs-prediction");
    el.values = [0.2, 0.8];
    await el.updateComplete;
    await expectNoAxeViolations(el);
  });
});
