import { afterEach, describe, expect, it } from "vitest";
import { userEvent } from "vitest/browser";
import { compileModel, summarizeModel, type CompiledModel } from "@convstep/engine";
import { getModelSpec } from "@convstep/models";
import "./define.js";
import type { CsModelSummary } from "./model-summary.component.js";
import { formatShare, largestShares, layerShares } from "./shares.js";
import { expectNoAxeViolations, mount } from "../test-utils/mount.js";
import { lenetSimulator } from "../test-utils/fixtures.js";
import { setLanguage } from "../shared/localize.js";
import * as tf from "@tensorflow/tfjs-core";

const lenet = (): CompiledModel => compileModel(getModelSpec("lenet5-1998"));
const alexnet = (): CompiledModel => compileModel(getModelSpec("alexnet-2012"));

/** Cell texts of a table row, commas and all. */
const cells = (tr: Element) =>
  [...tr.children].map((c) => c.textContent!.replace(/\s+/g, " ").trim());

afterEach(() => {
  document.body.replaceChildren();
});

describe("layerShares", () => {
  it("three layers with 10, 30, 60 params → shares 0.1, 0.3, 0.6; macs metric reads macs", () => {
    const row = (name: string, trainable: number, macs: number) => ({
      name,
      kind: "dense",
      outputShape: [1],
      trainable,
      nonTrainable: 0,
      connections: trainable,
      macs,
    });
    const summary = {
      name: "toy",
      inputShape: [1],
      rows: [row("a", 10, 0), row("b", 30, 5), row("c", 60, 15)],
      totals: { trainable: 100, nonTrainable: 0, total: 100, connections: 100, macs: 20 },
    };
    expect(layerShares(summary, "params").map((b) => b.share)).toEqual([0.1, 0.3, 0.6]);
    expect(layerShares(summary, "macs").map((b) => b.share)).toEqual([0, 0.25, 0.75]);
    expect(largestShares(layerShares(summary, "macs"), 3).map((b) => b.name)).toEqual(["c", "b"]);
  });

  it("non-trainable parameters count as parameters", () => {
    const summary = {
      name: "bn",
      inputShape: [1],
      rows: [
        {
          name: "bn",
          kind: "batch-norm",
          outputShape: [4],
          trainable: 8,
          nonTrainable: 8,
          connections: 0,
          macs: 0,
        },
        {
          name: "fc",
          kind: "dense",
          outputShape: [4],
          trainable: 16,
          nonTrainable: 0,
          connections: 16,
          macs: 16,
        },
      ],
      totals: { trainable: 24, nonTrainable: 8, total: 32, connections: 16, macs: 16 },
    };
    expect(layerShares(summary, "params").map((b) => b.value)).toEqual([16, 16]);
  });

  it("formatShare: 0.619 → 61.9%, a sliver → <0.1%, 0 → 0%", () => {
    expect(formatShare(37752832 / 60965224)).toBe("61.9%");
    expect(formatShare(0.0001)).toBe("<0.1%");
    expect(formatShare(0)).toBe("0%");
  });
});

describe("<cs-model-summary>", () => {
  it("LeNet-5 (1998): one row per layer matching summarizeModel, footer 60,000 params / 340,908 connections", async () => {
    const el = await mount<CsModelSummary>("cs-model-summary");
    const model = lenet();
    el.model = model;
    await el.updateComplete;
    const expected = summarizeModel(model);
    const rows = [...el.shadowRoot!.querySelectorAll("tbody tr")];
    expect(rows).toHaveLength(expected.rows.length);
    const withCommas = (n: number) => n.toLocaleString("en-US");
    rows.forEach((tr, i) => {
      const r = expected.rows[i];
      expect(cells(tr)).toEqual([
        `${r.name} (${r.kind})`,
        `(None, ${r.outputShape.join(", ")})`,
        withCommas(r.trainable),
        withCommas(r.connections),
        withCommas(r.macs),
      ]);
    });
    // C3 (Table I): 1,516 parameters, 151,600 connections (LeCun et al. 1998).
    expect(cells(rows[2]).slice(2, 4)).toEqual(["1,516", "151,600"]);
    const foot = cells(el.shadowRoot!.querySelector("tfoot tr")!);
    expect(foot[0]).toBe("Total");
    expect(foot[2]).toBe("60,000");
    expect(foot[3]).toBe("340,908");
    // A real table with a caption and scoped headers.
    const table = el.shadowRoot!.querySelector("table")!;
    expect(table.caption?.textContent).toContain("LeNet-5");
    expect(table.querySelectorAll("thead th[scope=col]")).toHaveLength(5);
    expect(table.querySelectorAll("tbody th[scope=row]")).toHaveLength(expected.rows.length);
  });

  it("AlexNet (2012): footer 60,965,224 params / 724,406,816 mult-adds; fc6 holds ≈ 61.9% of the parameters", async () => {
    const el = await mount<CsModelSummary>("cs-model-summary");
    el.model = alexnet();
    await el.updateComplete;
    const foot = cells(el.shadowRoot!.querySelector("tfoot tr")!);
    expect(foot[2]).toBe("60,965,224");
    expect(foot[4]).toBe("724,406,816");
    // PAPERS.md: fc6 has 37,752,832 of the 60,965,224 parameters.
    const fc6Share = 37752832 / 60965224;
    expect(fc6Share).toBeCloseTo(0.619, 3);
    const fc6 = el.bars.find((b) => b.name === "fc6")!;
    expect(fc6.value).toBe(37752832);
    expect(fc6.share).toBeCloseTo(fc6Share, 12);
    const g = [...el.shadowRoot!.querySelectorAll("svg g.row")];
    expect(g).toHaveLength(16);
    const fc6Row = g.find((n) => n.querySelector(".name")!.textContent === "fc6")!;
    expect(fc6Row.querySelector(".share")!.textContent).toBe("61.9%");
    expect(fc6Row.querySelector("title")!.textContent).toBe("fc6: 37,752,832 parameters (61.9%)");
    const svg = el.shadowRoot!.querySelector("svg")!;
    expect(svg.getAttribute("role")).toBe("img");
    expect(svg.getAttribute("aria-label")).toContain("fc6 61.9%");
  });

  it("the metric toggle switches the bars to multiply-adds (conv2: 223,948,800 / 724,406,816) and reflects", async () => {
    const el = await mount<CsModelSummary>("cs-model-summary");
    el.model = alexnet();
    await el.updateComplete;
    const radio = el.shadowRoot!.querySelector<HTMLInputElement>("input[value=macs]")!;
    radio.click();
    await el.updateComplete;
    expect(el.metric).toBe("macs");
    expect(el.getAttribute("metric")).toBe("macs");
    const conv2 = el.bars.find((b) => b.name === "conv2")!;
    expect(conv2.value).toBe(223948800);
    expect(conv2.share).toBeCloseTo(223948800 / 724406816, 12);
    const titles = [...el.shadowRoot!.querySelectorAll("svg g.row title")].map(
      (t) => t.textContent,
    );
    expect(titles).toContain(
      `conv2: 223,948,800 multiply-adds (${((223948800 / 724406816) * 100).toFixed(1)}%)`,
    );
    expect(el.shadowRoot!.querySelector("svg")!.getAttribute("aria-label")).toContain(
      "multiply-adds",
    );
    // Lengths follow the shares: conv2 (≈ 30.9%) longest, fc6 (≈ 5.2%) about a sixth of it.
    const lengths = el.chartLayout!.lengths;
    const names = el.bars.map((b) => b.name);
    expect(Math.max(...lengths)).toBe(lengths[names.indexOf("conv2")]);
    expect(lengths[names.indexOf("fc6")] / lengths[names.indexOf("conv2")]).toBeCloseTo(
      37748736 / 223948800,
      2,
    );
  });

  it("metric attribute and the keyboard: arrow keys move between the two radios", async () => {
    const el = await mount<CsModelSummary>("cs-model-summary", { metric: "macs" });
    el.model = lenet();
    await el.updateComplete;
    expect(el.metric).toBe("macs");
    expect(el.shadowRoot!.querySelector<HTMLInputElement>("input[value=macs]")!.checked).toBe(true);
    el.shadowRoot!.querySelector<HTMLInputElement>("input[value=macs]")!.focus();
    await userEvent.keyboard("{ArrowLeft}");
    await el.updateComplete;
    expect(el.metric).toBe("params");
  });

  it("highlights the named layer, or the simulator cursor's layer", async () => {
    const el = await mount<CsModelSummary>("cs-model-summary", { highlight: "C3" });
    el.model = lenet();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector("tr.highlight")!.getAttribute("data-layer")).toBe("C3");
    expect(el.shadowRoot!.querySelector("g.row.highlight .name")!.textContent).toBe("C3");

    const { simulator, dispose } = await lenetSimulator("1998");
    const tensors = tf.memory().numTensors;
    try {
      const el2 = await mount<CsModelSummary>("cs-model-summary");
      el2.simulator = simulator;
      simulator.cursor.moveTo({ layer: 4 });
      await el2.updateComplete;
      expect(el2.shadowRoot!.querySelector("tr.highlight")!.getAttribute("data-layer")).toBe(
        simulator.model.layers[4].name,
      );
      el2.remove();
      // The summary holds no tensors of its own.
      expect(tf.memory().numTensors).toBe(tensors);
    } finally {
      dispose();
    }
  });

  it("Keras AlexNet shows a non-trainable column (1,216 moving statistics)", async () => {
    const el = await mount<CsModelSummary>("cs-model-summary");
    el.model = compileModel(getModelSpec("alexnet-keras"));
    await el.updateComplete;
    expect(el.shadowRoot!.querySelectorAll("thead th")).toHaveLength(6);
    const foot = cells(el.shadowRoot!.querySelector("tfoot tr")!);
    expect(foot[3]).toBe("1,216");
    expect(el.shadowRoot!.querySelector(".figures")!.textContent).toContain("58,324,746");
  });

  it("speaks Korean: headings and the total row translated, the same digits and commas", async () => {
    await setLanguage("ko");
    try {
      const el = await mount<CsModelSummary>("cs-model-summary");
      el.model = lenet();
      await el.updateComplete;
      const foot = cells(el.shadowRoot!.querySelector("tfoot tr")!);
      expect(foot[0]).toBe("합계");
      expect(foot[2]).toBe("60,000");
      expect(el.shadowRoot!.querySelector("thead th")!.textContent).toContain("층");
    } finally {
      await setLanguage("en");
    }
  });

  it("without a model it says so", async () => {
    const el = await mount<CsModelSummary>("cs-model-summary");
    expect(el.shadowRoot!.textContent).toContain("No model");
  });

  it("has no serious or critical axe violations", async () => {
    const el = await mount<CsModelSummary>("cs-model-summary", { highlight: "fc6" });
    el.model = alexnet();
    await el.updateComplete;
    await expectNoAxeViolations(el);
  });
});
