// Every expected number below is from /work/shared/PAPERS.md (LeCun et al. 1998), not from the code.
import { compileModel, summarizeModel } from "@convstep/engine";
import { describe, expect, it } from "vitest";
import { LENET5_1998 } from "./lenet5-1998.js";
import { LENET5_DIGIT_CODES } from "./lenet5-digit-codes.js";
import { TABLE_I } from "../../../test/reference/lenet-table-1.js";

/** PAPERS.md's LeNet-5 table: output shape, trainable parameters, connections. */
const PAPER: readonly (readonly [string, number[], number, number])[] = [
  ["C1", [28, 28, 6], 156, 122_304],
  ["S2", [14, 14, 6], 12, 5_880],
  ["C3", [10, 10, 16], 1_516, 151_600],
  ["S4", [5, 5, 16], 32, 2_000],
  ["C5", [1, 1, 120], 48_120, 48_120],
  ["flatten", [120], 0, 0],
  ["F6", [84], 10_164, 10_164],
  ["output", [10], 0, 840],
];

describe("lenet5-1998", () => {
  const model = compileModel(LENET5_1998);
  const summary = summarizeModel(model);

  it("input 32×32×1 in [−0.1, 1.175]; layers C1, S2, C3, S4, C5, flatten, F6, output", () => {
    expect(model.inputShape).toEqual([32, 32, 1]);
    expect(LENET5_1998.input.range).toEqual([-0.1, 1.175]);
    expect(model.layers.map((l) => l.name)).toEqual(PAPER.map(([name]) => name));
  });

  it.each(PAPER)("%s → %j, %d trainable params, %d connections", (name, shape, params, links) => {
    const row = summary.rows.find((r) => r.name === name)!;
    expect(row.outputShape).toEqual(shape);
    expect(row.trainable).toBe(params);
    expect(row.nonTrainable).toBe(0);
    expect(row.connections).toBe(links);
  });

  it("totals: 60,000 trainable parameters and 340,908 connections", () => {
    expect(summary.totals.trainable).toBe(60_000);
    expect(summary.totals.nonTrainable).toBe(0);
    expect(summary.totals.connections).toBe(340_908);
  });

  it("squashing f(a) = 1.7159·tanh(2a/3) on C1, S2, C3, S4, C5, F6; S2, S4 trainable subsampling 2×2/2", () => {
    for (const layer of LENET5_1998.layers) {
      if (["C1", "S2", "C3", "S4", "C5", "F6"].includes(layer.name)) {
        expect(layer, layer.name).toHaveProperty("activation", "scaled-tanh");
      }
    }
    for (const name of ["S2", "S4"]) {
      expect(LENET5_1998.layers.find((l) => l.name === name)).toMatchObject({
        kind: "subsampling",
        poolSize: 2,
        strides: 2,
      });
    }
  });

  it("C3 follows Table I link by link (60 of 96 links)", () => {
    const c3 = LENET5_1998.layers.find((l) => l.name === "C3");
    expect(c3?.kind).toBe("conv2d");
    const connections = c3?.kind === "conv2d" ? c3.connections : undefined;
    expect(connections?.map((maps) => [...maps].sort((a, b) => a - b))).toEqual(TABLE_I);
    expect(connections?.flat().length).toBe(60);
  });

  it("S2 map 0 feeds C3 maps 0, 4, 5, 6, 9, 10, 11, 12, 14, 15", () => {
    const c3 = LENET5_1998.layers.find((l) => l.name === "C3");
    const connections = c3?.kind === "conv2d" ? (c3.connections ?? []) : [];
    const fed = connections.flatMap((maps, o) => (maps.includes(0) ? [o] : []));
    expect(fed).toEqual([0, 4, 5, 6, 9, 10, 11, 12, 14, 15]);
  });

  it("output: RBF with the 10 digit codes, read as distances (lowest wins), classes 0–9", () => {
    const output = LENET5_1998.layers.at(-1);
    expect(output?.kind).toBe("rbf");
    expect(output?.kind === "rbf" ? output.centers : undefined).toBe(LENET5_DIGIT_CODES);
    expect(LENET5_1998.output).toEqual({
      kind: "distances",
      classes: ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"],
    });
  });

  it("the spec is plain JSON: a round trip compiles to the same shapes and counts", () => {
    const copy = JSON.parse(JSON.stringify(LENET5_1998));
    expect(summarizeModel(compileModel(copy))).toEqual(summary);
  });
});
