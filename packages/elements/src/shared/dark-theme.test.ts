import "@tensorflow/tfjs-backend-cpu";
import axe from "axe-core";
import { afterEach, describe, expect, it } from "vitest";
import "../lenet-explorer/define.js";
import type { CsLenetExplorer } from "../lenet-explorer/lenet-explorer.component.js";
import { mount, settleExplorer } from "../test-utils/mount.js";

/** sRGB relative luminance of a computed "rgb(r, g, b)" colour (WCAG 2 formula). */
function luminance(rgb: string): number {
  const [r, g, b] = rgb
    .match(/[\d.]+/g)!
    .slice(0, 3)
    .map((v) => {
      const c = Number(v) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

describe('theme="dark"', () => {
  afterEach(() => document.body.replaceChildren());

  it("the explorer and the blocks inside it take the dark tokens: light text on a dark surface", async () => {
    const el = await mount<CsLenetExplorer>("cs-lenet-explorer", {
      backend: "cpu",
      weights: "seeded",
      theme: "dark",
    });
    await el.ready;
    await settleExplorer(el);
    expect(luminance(getComputedStyle(el).backgroundColor)).toBeLessThan(0.05);
    const network = el.shadowRoot!.querySelector("cs-network")!;
    const name = network.shadowRoot!.querySelector<HTMLElement>(".label .name")!;
    expect(luminance(getComputedStyle(name).color)).toBeGreaterThan(0.6);
  });

  it("has no colour-contrast violations in dark (axe)", async () => {
    const el = await mount<CsLenetExplorer>("cs-lenet-explorer", {
      backend: "cpu",
      weights: "seeded",
      theme: "dark",
    });
    await el.ready;
    await settleExplorer(el);
    const results = await axe.run(el, {
      runOnly: { type: "rule", values: ["color-contrast"] },
      resultTypes: ["violations"],
    });
    expect(
      results.violations.flatMap((v) =>
        v.nodes.map((n) => `${n.target.join(" ")}: ${n.failureSummary ?? ""}`.slice(0, 240)),
      ),
    ).toEqual([]);
  });
});
