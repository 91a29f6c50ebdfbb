// conv1's geometry, checked by hand: 2012 conv1 is 11×11, stride 4, no padding on 227 → 55; the
// Keras conv1 is 11×11, stride 4, 'same' on 224 → 56 with (56 − 1)·4 + 11 − 224 = 7 zeros (3 + 4).
import { compileModel } from "@convstep/engine";
import { getModelSpec } from "@convstep/models";
import { describe, expect, it } from "vitest";
import {
  cellWindow,
  convGeometry,
  fieldInConvInput,
  firstConvIndex,
  formatExact,
  paperPuzzle,
  sizeFormula,
} from "./sweep.js";

const caffe = compileModel(getModelSpec("alexnet-2012"));
const keras = compileModel(getModelSpec("alexnet-keras"));

describe("conv1 geometry", () => {
  it("2012: conv1 is layer 0; 227 in, k 11, s 4, no padding → 55 × 55 × 96", () => {
    expect(firstConvIndex(caffe)).toBe(0);
    const g = convGeometry(caffe.layers[0]);
    expect(g).toMatchObject({ inHeight: 227, inWidth: 227, channels: 3, kernel: 11, stride: 4 });
    expect(g).toMatchObject({ outHeight: 55, outWidth: 55, filters: 96, padding: "valid" });
    expect(g.pads).toEqual({ top: 0, bottom: 0, left: 0, right: 0 });
  });

  it("Keras: conv1 is layer 1 (after the resize); 'same' pads 3 above/left and 4 below/right → 56", () => {
    expect(firstConvIndex(keras)).toBe(1);
    const g = convGeometry(keras.layers[1]);
    expect(g).toMatchObject({ inWidth: 224, outWidth: 56, padding: "same" });
    expect(g.pads).toEqual({ top: 3, bottom: 4, left: 3, right: 4 });
  });

  it("cellWindow (3, 5): rows 12–22, columns 20–30 (2012); rows 9–19, columns 17–27 (Keras)", () => {
    expect(cellWindow(convGeometry(caffe.layers[0]), 3, 5)).toEqual({
      y0: 12,
      x0: 20,
      y1: 23,
      x1: 31,
    });
    expect(cellWindow(convGeometry(keras.layers[1]), 3, 5)).toEqual({
      y0: 9,
      x0: 17,
      y1: 20,
      x1: 28,
    });
  });

  it("cellWindow agrees with the engine's conv window at every corner of the map", () => {
    const layer = caffe.layers[0];
    const g = convGeometry(layer);
    for (const [y, x] of [
      [0, 0],
      [0, 54],
      [54, 0],
      [54, 54],
      [27, 13],
    ]) {
      expect(cellWindow(g, y, x)).toEqual(layer.impl.window(layer.spec, layer.inputShape, y, x));
    }
    const kl = keras.layers[1];
    expect(cellWindow(convGeometry(kl), 55, 55)).toEqual(
      kl.impl.window(kl.spec, kl.inputShape, 55, 55),
    );
  });

  it("the 224 puzzle: (224 − 11)/4 + 1 = 54.25; 227 → 55; torchvision's 224 + 2·2 → 55", () => {
    const { paper, used, torchvision } = paperPuzzle(convGeometry(caffe.layers[0]));
    expect([paper.exact, paper.out, paper.fits]).toEqual([54.25, 54, false]);
    expect([used.exact, used.out, used.fits]).toEqual([55, 55, true]);
    expect([torchvision.exact, torchvision.out]).toEqual([55.25, 55]);
    expect(formatExact(54.25)).toBe("54.25");
    expect(formatExact(55)).toBe("55");
    // Keras: (224 + 7 − 11)/4 + 1 = 56 exactly.
    expect(sizeFormula(convGeometry(keras.layers[1])).exact).toBe(56);
  });

  it("fieldInConvInput: conv1 (3, 5) is its own window; Keras's resize layer has none; conv5 matches the engine", () => {
    expect(fieldInConvInput(caffe, { layer: 0, channel: 0, y: 3, x: 5 }, 0)).toEqual({
      y0: 12,
      x0: 20,
      y1: 23,
      x1: 31,
    });
    expect(fieldInConvInput(keras, { layer: 0, channel: 0, y: 3, x: 5 }, 1)).toBeNull();
    const conv5 = caffe.layers.findIndex((l) => l.name === "conv5");
    // conv5 (6, 6) reads conv4 5–7, conv3 4–8, pool2 3–9, conv2 6–20 (×2 pool), … back to the input.
    const field = fieldInConvInput(caffe, { layer: conv5, channel: 0, y: 6, x: 6 }, 0)!;
    expect(field.y1 - field.y0).toBe(field.x1 - field.x0);
    expect(field.y0).toBeLessThan(100);
    expect(field.y1).toBeGreaterThan(127);
  });
});
