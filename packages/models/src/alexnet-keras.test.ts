// Shapes and totals from /work/shared/PAPERS.md ("The simplified Keras versions"); the per-layer
// parameters are worked out by hand in the comments (conv: k·k·in·out + out; dense: in·out + out;
// BatchNormalization: γ, β trainable + moving mean, variance non-trainable, c each).
import { compileModel, summarizeModel } from "@convstep/engine";
import { describe, expect, it } from "vitest";
import { ALEXNET_KERAS } from "./alexnet-keras.js";
import { CIFAR10_CLASSES } from "./cifar10-classes.js";

/** Name, output shape, trainable, non-trainable. */
const KERAS: readonly (readonly [string, number[], number, number])[] = [
  ["resize", [224, 224, 3], 0, 0],
  ["conv1", [56, 56, 96], 34_944, 0], // 11·11·3·96 + 96
  ["pool1", [27, 27, 96], 0, 0],
  ["bn1", [27, 27, 96], 192, 192],
  ["conv2", [27, 27, 256], 614_656, 0], // 5·5·96·256 + 256
  ["pool2", [13, 13, 256], 0, 0],
  ["bn2", [13, 13, 256], 512, 512],
  ["conv3", [13, 13, 384], 885_120, 0], // 3·3·256·384 + 384
  ["conv4", [13, 13, 384], 1_327_488, 0], // 3·3·384·384 + 384
  ["conv5", [13, 13, 256], 884_992, 0], // 3·3·384·256 + 256
  ["pool5", [6, 6, 256], 0, 0],
  ["bn3", [6, 6, 256], 512, 512],
  ["flatten", [9216], 0, 0],
  ["fc6", [4096], 37_752_832, 0], // 9216·4096 + 4096
  ["drop6", [4096], 0, 0],
  ["fc7", [4096], 16_781_312, 0], // 4096·4096 + 4096
  ["drop7", [4096], 0, 0],
  ["fc8", [10], 40_970, 0], // 4096·10 + 10
];

/**
 * Connections per layer, by hand: a conv output reads k·k·in inputs plus its bias, a dense unit
 * n inputs plus its bias, a max-pool output its window; resize, BN, flatten and dropout count
 * none (the engine counts only weighted links and pooling windows).
 */
const CONNECTIONS: readonly (readonly [string, number])[] = [
  ["conv1", (11 * 11 * 3 + 1) * 96 * 56 * 56], // 109,584,384
  ["pool1", 3 * 3 * 27 * 27 * 96], // 629,856
  ["conv2", (5 * 5 * 96 + 1) * 256 * 27 * 27], // 448,084,224
  ["pool2", 2 * 2 * 13 * 13 * 256], // 173,056: the seed's MaxPool2D((2,2), strides=2)
  ["conv3", (3 * 3 * 256 + 1) * 384 * 13 * 13], // 149,585,280
  ["conv4", (3 * 3 * 384 + 1) * 384 * 13 * 13], // 224,345,472
  ["conv5", (3 * 3 * 384 + 1) * 256 * 13 * 13], // 149,563,648
  ["pool5", 3 * 3 * 6 * 6 * 256], // 82,944
  ["fc6", (9216 + 1) * 4096], // 37,752,832
  ["fc7", (4096 + 1) * 4096], // 16,781,312
  ["fc8", (4096 + 1) * 10], // 40,970
];

/** PAPERS.md's list of per-layer outputs (BN and dropout layers keep their input's shape). */
const PAPER_SHAPES = [
  [224, 224, 3],
  [56, 56, 96],
  [27, 27, 96],
  [27, 27, 256],
  [13, 13, 256],
  [13, 13, 384],
  [13, 13, 384],
  [13, 13, 256],
  [6, 6, 256],
  [9216],
  [4096],
  [4096],
  [10],
];

describe("alexnet-keras", () => {
  const model = compileModel(ALEXNET_KERAS);
  const summary = summarizeModel(model);

  it("input 32×32×3 in [0, 1]; CIFAR-10 class names", () => {
    expect(model.inputShape).toEqual([32, 32, 3]);
    expect(ALEXNET_KERAS.input.range).toEqual([0, 1]);
    expect(ALEXNET_KERAS.output?.classes).toEqual(CIFAR10_CLASSES);
    expect(CIFAR10_CLASSES).toEqual([
      "airplane",
      "automobile",
      "bird",
      "cat",
      "deer",
      "dog",
      "frog",
      "horse",
      "ship",
      "truck",
    ]);
  });

  it("the outputs of the non-BN, non-dropout layers are PAPERS.md's 13 shapes", () => {
    const shapes = summary.rows
      .filter((r) => r.kind !== "batch-norm" && r.kind !== "dropout")
      .map((r) => r.outputShape);
    expect(shapes).toEqual(PAPER_SHAPES);
  });

  it.each(KERAS)("%s → %j, %d trainable, %d non-trainable", (name, shape, trainable, fixed) => {
    const row = summary.rows.find((r) => r.name === name)!;
    expect(row.outputShape).toEqual(shape);
    expect(row.trainable).toBe(trainable);
    expect(row.nonTrainable).toBe(fixed);
  });

  it("pool2 is the seed's MaxPool2D((2,2), strides=2): 2×2 windows, 27 → 13; pool1, pool5 stay 3/2", () => {
    const pools = ALEXNET_KERAS.layers.filter((l) => l.kind === "pool2d");
    expect(pools.map((l) => [l.name, l.poolSize, l.strides])).toEqual([
      ["pool1", 3, 2],
      ["pool2", 2, 2],
      ["pool5", 3, 2],
    ]);
  });

  it.each(CONNECTIONS)("%s has %d connections", (name, links) => {
    expect(summary.rows.find((r) => r.name === name)!.connections).toBe(links);
  });

  it("total connections 1,136,623,978 (the layers above; the others have none)", () => {
    const others = summary.rows.filter((r) => !CONNECTIONS.some(([name]) => name === r.name));
    expect(others.map((r) => r.connections)).toEqual(others.map(() => 0));
    expect(summary.totals.connections).toBe(1_136_623_978);
  });

  it("totals: 58,324,746 parameters, 1,216 of them non-trainable", () => {
    expect(model.layers.map((l) => l.name)).toEqual(KERAS.map(([name]) => name));
    expect(summary.totals).toMatchObject({
      total: 58_324_746,
      nonTrainable: 1_216,
      trainable: 58_323_530,
    });
  });
});
