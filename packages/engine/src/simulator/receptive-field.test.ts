import { describe, expect, it } from "vitest";
import { InputError } from "../errors.js";
import { compileModel } from "../model/compile.js";
import type { LayerSpec, ModelSpec } from "../spec/types.js";
import { clipWindow, receptiveField } from "./receptive-field.js";

const lrn = (name: string): LayerSpec => ({
  name,
  kind: "lrn",
  k: 2,
  n: 5,
  alpha: 1e-4,
  beta: 0.75,
});
const pool = (name: string): LayerSpec => ({
  name,
  kind: "pool2d",
  mode: "max",
  poolSize: 3,
  strides: 2,
});
const conv = (name: string, filters: number, k: number, extra: object = {}): LayerSpec =>
  ({ name, kind: "conv2d", filters, kernelSize: k, activation: "relu", ...extra }) as LayerSpec;

/** AlexNet in Caffe's layout (227×227×3). Compiled only: no weights needed. */
const ALEXNET: ModelSpec = {
  name: "alexnet-test",
  input: { shape: [227, 227, 3] },
  layers: [
    conv("conv1", 96, 11, { strides: 4 }),
    lrn("norm1"),
    pool("pool1"),
    conv("conv2", 256, 5, { padding: 2, groups: 2 }),
    lrn("norm2"),
    pool("pool2"),
    conv("conv3", 384, 3, { padding: 1 }),
    conv("conv4", 384, 3, { padding: 1, groups: 2 }),
    conv("conv5", 256, 3, { padding: 1, groups: 2 }),
    pool("pool5"),
    { name: "flatten", kind: "flatten" },
    { name: "fc6", kind: "dense", units: 16, activation: "relu" },
    { name: "drop6", kind: "dropout", rate: 0.5 },
    { name: "fc8", kind: "dense", units: 10, activation: "softmax" },
  ],
};

const alexnet = compileModel(ALEXNET);
const index = (name: string) => alexnet.layers.findIndex((l) => l.name === name);

/**
 * The textbook recurrence for a chain of k/s/p layers, written apart from the code under test:
 * size r ← r + (k − 1)·j, jump j ← j·s, start ← start + (−p)·j (start of output 0's window).
 */
function classic(layers: { k: number; s: number; p: number }[]) {
  let r = 1;
  let j = 1;
  let start = 0;
  for (const { k, s, p } of layers) {
    start -= p * j;
    r += (k - 1) * j;
    j *= s;
  }
  return { r, j, start };
}

const ALEX_GEOMETRY = {
  conv1: { k: 11, s: 4, p: 0 },
  norm1: { k: 1, s: 1, p: 0 },
  pool1: { k: 3, s: 2, p: 0 },
  conv2: { k: 5, s: 1, p: 2 },
  norm2: { k: 1, s: 1, p: 0 },
  pool2: { k: 3, s: 2, p: 0 },
  conv3: { k: 3, s: 1, p: 1 },
  conv4: { k: 3, s: 1, p: 1 },
  conv5: { k: 3, s: 1, p: 1 },
  pool5: { k: 3, s: 2, p: 0 },
};
const upTo = (name: keyof typeof ALEX_GEOMETRY) => {
  const names = Object.keys(ALEX_GEOMETRY) as (keyof typeof ALEX_GEOMETRY)[];
  return classic(names.slice(0, names.indexOf(name) + 1).map((n) => ALEX_GEOMETRY[n]));
};

describe("receptive field", () => {
  it("AlexNet conv1 (y=3, x=5) → rows 12…22, cols 20…30 of the 227×227 input", () => {
    const rf = receptiveField(alexnet, { layer: index("conv1"), channel: 7, y: 3, x: 5 });
    expect(rf.unclipped).toEqual({ y0: 12, y1: 23, x0: 20, x1: 31 });
    expect(rf.clipped).toEqual(rf.unclipped);
  });

  it("AlexNet conv1 (54, 54), the last neuron → rows/cols 216…226, the input's edge", () => {
    const rf = receptiveField(alexnet, { layer: 0, channel: 0, y: 54, x: 54 });
    expect(rf.clipped).toEqual({ y0: 216, y1: 227, x0: 216, x1: 227 });
  });

  it("AlexNet pool1 (y, x) → rows 8y…8y+18 (19 pixels)", () => {
    const rf = receptiveField(alexnet, { layer: index("pool1"), channel: 0, y: 2, x: 10 });
    expect(rf.unclipped).toEqual({ y0: 16, y1: 35, x0: 80, x1: 99 });
  });

  it("AlexNet conv2 (0, 0) reads padding: unclipped rows −16…34 (51), clipped 0…34", () => {
    const rf = receptiveField(alexnet, { layer: index("conv2"), channel: 200, y: 0, x: 0 });
    expect(rf.unclipped).toEqual({ y0: -16, y1: 35, x0: -16, x1: 35 });
    expect(rf.clipped).toEqual({ y0: 0, y1: 35, x0: 0, x1: 35 });
  });

  it("AlexNet centre neurons: 11, 19, 51, 67, 99, 131, 163, 195 pixels (textbook recurrence)", () => {
    const sizes: Record<string, number> = {};
    for (const name of [
      "conv1",
      "pool1",
      "conv2",
      "pool2",
      "conv3",
      "conv4",
      "conv5",
      "pool5",
    ] as const) {
      const layer = alexnet.layers[index(name)];
      const [h] = layer.outputShape;
      const y = Math.floor(h / 2);
      const rf = receptiveField(alexnet, { layer: layer.index, channel: 0, y, x: y });
      const { r, j, start } = upTo(name);
      expect(rf.unclipped, name).toEqual({
        y0: start + y * j,
        y1: start + y * j + r,
        x0: start + y * j,
        x1: start + y * j + r,
      });
      sizes[name] = rf.unclipped.y1 - rf.unclipped.y0;
    }
    expect(Object.values(sizes)).toEqual([11, 19, 51, 67, 99, 131, 163, 195]);
  });

  it("AlexNet fc6 and fc8 units see the whole 227×227 input", () => {
    for (const name of ["fc6", "drop6", "fc8"]) {
      const rf = receptiveField(alexnet, { layer: index(name), channel: 3 });
      expect(rf.clipped, name).toEqual({ y0: 0, y1: 227, x0: 0, x1: 227 });
    }
  });

  it("flatten unit of pool5 [6,6,256] → its cell; unit 256·(6·2+3)+9 is pool5 (2, 3) channel 9", () => {
    const unit = 256 * (6 * 2 + 3) + 9;
    const viaFlatten = receptiveField(alexnet, { layer: index("flatten"), channel: unit });
    const direct = receptiveField(alexnet, { layer: index("pool5"), channel: 9, y: 2, x: 3 });
    expect(viaFlatten.unclipped).toEqual(direct.unclipped);
    expect(viaFlatten.path[1]).toEqual({
      layer: "pool5",
      index: index("pool5"),
      region: { kind: "map", window: { y0: 2, y1: 3, x0: 3, x1: 4 } },
    });
  });

  it("path: from the neuron's layer back to the input, one entry per layer output plus input", () => {
    const rf = receptiveField(alexnet, { layer: index("pool1"), channel: 0, y: 1, x: 1 });
    expect(rf.path).toEqual([
      { layer: "pool1", index: 2, region: { kind: "map", window: { y0: 1, y1: 2, x0: 1, x1: 2 } } },
      { layer: "norm1", index: 1, region: { kind: "map", window: { y0: 2, y1: 5, x0: 2, x1: 5 } } },
      { layer: "conv1", index: 0, region: { kind: "map", window: { y0: 2, y1: 5, x0: 2, x1: 5 } } },
      {
        layer: "input",
        index: -1,
        region: { kind: "map", window: { y0: 8, y1: 27, x0: 8, x1: 27 } },
      },
    ]);
  });

  it("a neuron that reads only zero padding has clipped null (pad 2, 1×1 conv at (0, 0))", () => {
    const model = compileModel({
      name: "pad-only",
      input: { shape: [3, 3, 1] },
      layers: [
        { name: "pad", kind: "zero-padding2d", padding: 2 },
        { name: "c", kind: "conv2d", filters: 1, kernelSize: 1 },
      ],
    });
    const corner = receptiveField(model, { layer: 1, channel: 0, y: 0, x: 0 });
    expect(corner.unclipped).toEqual({ y0: -2, y1: -1, x0: -2, x1: -1 });
    expect(corner.clipped).toBeNull();
    const centre = receptiveField(model, { layer: 1, channel: 0, y: 3, x: 4 });
    expect(centre.clipped).toEqual({ y0: 1, y1: 2, x0: 2, x1: 3 });
  });

  it("same padding k=3 s=2 on 5×5: (0, 0) → rows [−1, 2); (2, 2) → rows [3, 6), clipped [3, 5)", () => {
    // TensorFlow's same: total pad = (3 − 1)·2 + 3 − 5 = 2 → 1 on top, 1 at the bottom.
    const model = compileModel({
      name: "same",
      input: { shape: [5, 5, 2] },
      layers: [
        { name: "c", kind: "conv2d", filters: 1, kernelSize: 3, strides: 2, padding: "same" },
      ],
    });
    expect(receptiveField(model, { layer: 0, y: 0, x: 0 }).unclipped).toEqual({
      y0: -1,
      y1: 2,
      x0: -1,
      x1: 2,
    });
    const last = receptiveField(model, { layer: 0, y: 2, x: 2 });
    expect(last.unclipped).toEqual({ y0: 3, y1: 6, x0: 3, x1: 6 });
    expect(last.clipped).toEqual({ y0: 3, y1: 5, x0: 3, x1: 5 });
  });

  it("out-of-range neuron → InputError naming the layer and the range", () => {
    expect(() => receptiveField(alexnet, { layer: 0, channel: 0, y: 55, x: 0 })).toThrow(
      InputError,
    );
    expect(() => receptiveField(alexnet, { layer: 0, channel: 0, y: 55, x: 0 })).toThrow(
      'layer "conv1" (#0): y 55 is out of range; expected an integer from 0 to 54',
    );
  });

  it("clipWindow keeps the part inside h×w, null when nothing is left", () => {
    expect(clipWindow({ y0: -3, y1: 2, x0: 4, x1: 9 }, 5, 6)).toEqual({
      y0: 0,
      y1: 2,
      x0: 4,
      x1: 6,
    });
    expect(clipWindow({ y0: 5, y1: 7, x0: 0, x1: 1 }, 5, 6)).toBeNull();
  });
});
