// The explorer's input helpers; the preprocessing itself is cs-image-input's (tested there).
import { describe, expect, it } from "vitest";
import { canvasInput, fits, inputSide, sameInput, targetOf } from "./photo.js";

describe("from a photo to AlexNet's input", () => {
  it("targets and sides: 2012 → alexnet-2012, 227; keras → alexnet-keras, 32", () => {
    expect([targetOf("2012"), inputSide("2012")]).toEqual(["alexnet-2012", 227]);
    expect([targetOf("keras"), inputSide("keras")]).toEqual(["alexnet-keras", 32]);
  });

  it("sameInput compares the numbers; fits compares shapes", () => {
    expect(sameInput(new Float32Array([1, 2]), new Float32Array([1, 2]))).toBe(true);
    expect(sameInput(new Float32Array([1, 2]), new Float32Array([1, 3]))).toBe(false);
    expect(sameInput(undefined, new Float32Array(1))).toBe(false);
    expect(fits([227, 227, 3], [227, 227, 3])).toBe(true);
    expect(fits([32, 32, 3], [227, 227, 3])).toBe(false);
  });

  it("a white 64×64 canvas → Keras input of 32×32×3 ones; 2012 input of 255 minus the mean", () => {
    const canvas = document.createElement("canvas");
    canvas.width = canvas.height = 64;
    const ctx = canvas.getContext("2d")!;
    ctx.fillStyle = "#fff";
    ctx.fillRect(0, 0, 64, 64);
    const keras = canvasInput(canvas, "keras");
    expect(keras.shape).toEqual([32, 32, 3]);
    expect(keras.data.every((v) => Math.abs(v - 1) < 1e-6)).toBe(true);
    const caffe = canvasInput(canvas, "2012");
    expect(caffe.shape).toEqual([227, 227, 3]);
    expect(caffe.data[0]).toBeCloseTo(255 - 123.68, 3);
    expect(caffe.data[2]).toBeCloseTo(255 - 103.939, 3);
  });
});
