// Expected numbers from /work/shared/PAPERS.md ("The simplified Keras versions"); shapes as Keras
// prints them for 28×28×1 → ZeroPadding2D(2) → … (each worked out by hand in the comments).
import { compileModel, formatSummary, summarizeModel } from "@convstep/engine";
import { describe, expect, it } from "vitest";
import { LENET5_KERAS } from "./lenet5-keras.js";

/** Name, Keras output shape, parameters. */
const KERAS: readonly (readonly [string, string, number])[] = [
  ["padding", "(None, 32, 32, 1)", 0], // 28 + 2 + 2
  ["C1", "(None, 28, 28, 6)", 156], // 6·(5·5·1 + 1)
  ["S2", "(None, 14, 14, 6)", 0],
  ["C3", "(None, 10, 10, 16)", 2_416], // 16·(5·5·6 + 1)
  ["S4", "(None, 5, 5, 16)", 0],
  ["C5", "(None, 1, 1, 120)", 48_120], // 120·(5·5·16 + 1)
  ["flatten", "(None, 120)", 0],
  ["F6", "(None, 84)", 10_164], // 84·(120 + 1)
  ["output", "(None, 10)", 850], // 10·(84 + 1)
];

describe("lenet5-keras", () => {
  const model = compileModel(LENET5_KERAS);
  const summary = summarizeModel(model);

  it("input 28×28×1 in [0, 1]; names shared with the 1998 model", () => {
    expect(model.inputShape).toEqual([28, 28, 1]);
    expect(LENET5_KERAS.input.range).toEqual([0, 1]);
    expect(model.layers.map((l) => l.name)).toEqual(KERAS.map(([name]) => name));
  });

  it.each(KERAS)("%s → %s, %d params", (name, shape, params) => {
    const row = summary.rows.find((r) => r.name === name)!;
    expect(`(None, ${row.outputShape.join(", ")})`).toBe(shape);
    expect(row.trainable).toBe(params);
    expect(row.nonTrainable).toBe(0);
  });

  it("156 + 2,416 + 48,120 + 10,164 + 850 = 61,706 params, all trainable", () => {
    expect(summary.totals).toMatchObject({ trainable: 61_706, nonTrainable: 0, total: 61_706 });
    expect(formatSummary(summary)).toContain("Total params: 61,706");
  });

  it("tanh everywhere, average pooling, fully connected C3, softmax output", () => {
    const byName = new Map(LENET5_KERAS.layers.map((l) => [l.name, l]));
    for (const name of ["C1", "C3", "C5", "F6"]) {
      expect(byName.get(name), name).toHaveProperty("activation", "tanh");
    }
    expect(byName.get("S2")).toMatchObject({ kind: "pool2d", mode: "avg", poolSize: 2 });
    expect(byName.get("C3")).not.toHaveProperty("connections");
    expect(byName.get("output")).toMatchObject({ kind: "dense", units: 10, activation: "softmax" });
    expect(LENET5_KERAS.output?.kind).toBe("probabilities");
  });

  it("every layer's note names its Keras layer type", () => {
    const types = ["ZeroPadding2D", "Conv2D", "AveragePooling2D", "Flatten", "Dense"];
    for (const layer of LENET5_KERAS.layers) {
      expect(
        types.some((t) => layer.note?.includes(t)),
        layer.name,
      ).toBe(true);
    }
  });
});
