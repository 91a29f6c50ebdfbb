import { describe, expect, it } from "vitest";
import type { ModelSpec } from "../spec/types.js";
import { compileModel } from "./compile.js";
import {
  formatCount,
  formatKerasShape,
  formatSummary,
  summarizeModel,
  type ModelSummary,
} from "./summary.js";

/**
 * A tiny chain, counted by hand:
 * - conv: [6,6,2] → 3 filters 3×3 valid → [4,4,3]; params 3·3·2·3 + 3 = 57; 48 outputs with
 *   3·3·2 + 1 = 19 links each → 912 connections; 48·18 = 864 multiply-adds.
 * - flat: [48], nothing.
 * - out: dense 48 → 5; params 48·5 + 5 = 245 = connections; 240 multiply-adds.
 * Totals: 302 params, 1,157 connections, 1,104 multiply-adds.
 */
const TINY: ModelSpec = {
  name: "tiny",
  title: "Tiny",
  input: { shape: [6, 6, 2] },
  layers: [
    { name: "conv", kind: "conv2d", filters: 3, kernelSize: 3, activation: "relu", note: "valid" },
    { name: "flat", kind: "flatten" },
    { name: "out", kind: "dense", units: 5, activation: "softmax" },
  ],
};

describe("summarizeModel", () => {
  it("tiny conv(3, 3×3) → flatten → dense(5): rows and totals counted by hand", () => {
    const s = summarizeModel(compileModel(TINY));
    expect(s.name).toBe("tiny");
    expect(s.title).toBe("Tiny");
    expect(s.inputShape).toEqual([6, 6, 2]);
    expect(s.rows).toEqual([
      {
        name: "conv",
        kind: "conv2d",
        outputShape: [4, 4, 3],
        trainable: 57,
        nonTrainable: 0,
        connections: 912,
        macs: 864,
        note: "valid",
      },
      {
        name: "flat",
        kind: "flatten",
        outputShape: [48],
        trainable: 0,
        nonTrainable: 0,
        connections: 0,
        macs: 0,
      },
      {
        name: "out",
        kind: "dense",
        outputShape: [5],
        trainable: 245,
        nonTrainable: 0,
        connections: 245,
        macs: 240,
      },
    ]);
    expect(s.totals).toEqual({
      trainable: 302,
      nonTrainable: 0,
      total: 302,
      connections: 1157,
      macs: 1104,
    });
  });

  it("a summary survives a JSON round trip unchanged", () => {
    const s = summarizeModel(compileModel(TINY));
    expect(JSON.parse(JSON.stringify(s))).toEqual(s);
  });
});

describe("formatCount", () => {
  it.each([
    [0, "0"],
    [999, "999"],
    [1000, "1,000"],
    [61706, "61,706"],
    [60965224, "60,965,224"],
    [-1234567, "-1,234,567"],
  ])("%d → %s", (n, text) => {
    expect(formatCount(n)).toBe(text);
  });
});

describe("formatKerasShape", () => {
  it("[28, 28, 6] → (None, 28, 28, 6); [84] → (None, 84)", () => {
    expect(formatKerasShape([28, 28, 6])).toBe("(None, 28, 28, 6)");
    expect(formatKerasShape([84])).toBe("(None, 84)");
  });
});

describe("formatSummary", () => {
  /** Hand-made: a batch-norm row gives non-trainable params. */
  const SUMMARY: ModelSummary = {
    name: "hand-made",
    inputShape: [32, 32, 3],
    rows: [
      {
        name: "c1",
        kind: "conv2d",
        outputShape: [28, 28, 1000],
        trainable: 76000,
        nonTrainable: 0,
        connections: 59584000,
        macs: 58800000,
      },
      {
        name: "bn",
        kind: "batch-norm",
        outputShape: [28, 28, 1000],
        trainable: 2000,
        nonTrainable: 2000,
        connections: 0,
        macs: 0,
        note: "Keras BatchNormalization",
      },
    ],
    totals: {
      trainable: 78000,
      nonTrainable: 2000,
      total: 80000,
      connections: 59584000,
      macs: 58800000,
    },
  };
  const text = formatSummary(SUMMARY);
  const lines = text.split("\n");

  it("starts with the model name and the Keras-style header", () => {
    expect(lines[0]).toBe('Model: "hand-made"');
    expect(lines[2]).toMatch(/^Layer \(type\)\s+Output Shape\s+Param #\s+Connections\s+Mult-adds$/);
  });

  it("prints one line per layer: name (kind), Keras shape, params, connections, mult-adds", () => {
    const c1 = lines.find((l) => l.startsWith("c1 (conv2d)"));
    expect(c1?.split(/\s{2,}/)).toEqual([
      "c1 (conv2d)",
      "(None, 28, 28, 1000)",
      "76,000",
      "59,584,000",
      "58,800,000",
    ]);
    const bn = lines.find((l) => l.startsWith("bn (batch-norm)"));
    expect(bn?.split(/\s{2,}/)).toEqual([
      "bn (batch-norm)",
      "(None, 28, 28, 1000)",
      "4,000",
      "0",
      "0",
    ]);
  });

  it("right-aligns the number columns under their headers", () => {
    const header = lines[2];
    const c1 = lines.find((l) => l.startsWith("c1"))!;
    expect(c1.indexOf("58,800,000") + "58,800,000".length).toBe(header.length);
    expect(c1.length).toBe(header.length);
  });

  it("prints the totals with thousands separators, then the notes", () => {
    expect(lines).toContain("Total params: 80,000");
    expect(lines).toContain("Trainable params: 78,000");
    expect(lines).toContain("Non-trainable params: 2,000");
    expect(lines).toContain("Total connections: 59,584,000");
    expect(lines).toContain("Total mult-adds: 58,800,000");
    expect(lines.slice(-2)).toEqual(["Notes:", "  bn: Keras BatchNormalization"]);
  });

  it("no notes section when no layer has a note", () => {
    const plain = formatSummary({ ...SUMMARY, rows: SUMMARY.rows.map(({ note: _, ...r }) => r) });
    expect(plain).not.toContain("Notes:");
    expect(plain.split("\n").at(-1)).toMatch(/^_+$/);
  });
});
