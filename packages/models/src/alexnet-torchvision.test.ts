// Expected numbers worked out by hand from torchvision's AlexNet definition (features: Conv 3→64
// 11/4 pad 2, MaxPool 3/2, Conv 64→192 5 pad 2, MaxPool, Conv 192→384, 384→256, 256→256 3 pad 1,
// MaxPool; AdaptiveAvgPool 6×6; classifier 9216→4096→4096→1000) and its published total of
// 61,100,840 parameters (PAPERS.md), not from the code.
import { compileModel, summarizeModel } from "@convstep/engine";
import { describe, expect, it } from "vitest";
import { ALEXNET_TORCHVISION } from "./alexnet-torchvision.js";

/** Name, output shape, parameters (weights + biases), multiply-adds (convolutions, dense). */
const TORCHVISION: readonly (readonly [string, number[], number, number | null])[] = [
  ["conv1", [55, 55, 64], 11 * 11 * 3 * 64 + 64, 55 * 55 * 64 * 363],
  ["pool1", [27, 27, 64], 0, null],
  ["conv2", [27, 27, 192], 5 * 5 * 64 * 192 + 192, 27 * 27 * 192 * 1600],
  ["pool2", [13, 13, 192], 0, null],
  ["conv3", [13, 13, 384], 3 * 3 * 192 * 384 + 384, 13 * 13 * 384 * 1728],
  ["conv4", [13, 13, 256], 3 * 3 * 384 * 256 + 256, 13 * 13 * 256 * 3456],
  ["conv5", [13, 13, 256], 3 * 3 * 256 * 256 + 256, 13 * 13 * 256 * 2304],
  ["pool5", [6, 6, 256], 0, null],
  ["avgpool", [6, 6, 256], 0, null],
  ["flatten", [9216], 0, 0],
  ["drop6", [9216], 0, 0],
  ["fc6", [4096], 9216 * 4096 + 4096, 9216 * 4096],
  ["drop7", [4096], 0, 0],
  ["fc7", [4096], 4096 * 4096 + 4096, 4096 * 4096],
  ["fc8", [1000], 4096 * 1000 + 1000, 4096 * 1000],
];

describe("alexnet-torchvision", () => {
  const model = compileModel(ALEXNET_TORCHVISION);
  const summary = summarizeModel(model);

  it("input 224×224×3; layers in torchvision's order (dropout before fc6 and fc7)", () => {
    expect(model.inputShape).toEqual([224, 224, 3]);
    expect(model.layers.map((l) => l.name)).toEqual(TORCHVISION.map(([name]) => name));
  });

  it.each(TORCHVISION)("%s → %j, %d params", (name, shape, params, macs) => {
    const row = summary.rows.find((r) => r.name === name)!;
    expect(row.outputShape).toEqual(shape);
    expect(row.trainable).toBe(params);
    if (macs !== null) expect(row.macs).toBe(macs);
  });

  it("total: torchvision's published 61,100,840 parameters, all trainable", () => {
    expect(summary.totals).toMatchObject({ trainable: 61_100_840, nonTrainable: 0 });
  });

  it("no groups, no LRN; the adaptive average pool at 224 is a 1×1 window (the identity)", () => {
    expect(ALEXNET_TORCHVISION.layers.some((l) => l.kind === "lrn")).toBe(false);
    expect(ALEXNET_TORCHVISION.layers.some((l) => "groups" in l)).toBe(false);
    expect(ALEXNET_TORCHVISION.layers.find((l) => l.name === "avgpool")).toMatchObject({
      kind: "pool2d",
      mode: "avg",
      poolSize: 1,
    });
  });

  it("preprocessing: torchvision's mean (0.485, 0.456, 0.406) and std (0.229, 0.224, 0.225) on [0, 1]", () => {
    expect(ALEXNET_TORCHVISION.input.preprocessing).toMatchObject({
      scale: 1 / 255,
      mean: [0.485, 0.456, 0.406],
      std: [0.229, 0.224, 0.225],
    });
  });
});
