// The winner's name comes from the model's spec: ImageNet's for alexnet-2012, CIFAR-10's for
// alexnet-keras, the digit for LeNet. Outputs and names written by hand.
import { getModelSpec } from "@convstep/models";
import { describe, expect, it } from "vitest";
import { predictFromOutput } from "./prediction.js";

/** 1,000 probabilities: `p` at `index`, the rest shared equally. */
function imagenetOutput(index: number, p: number): Float32Array {
  const out = new Float32Array(1000).fill((1 - p) / 999);
  out[index] = p;
  return out;
}

describe("predictFromOutput names the winning class", () => {
  it('alexnet-2012, class 281 at 0.52 → "tabby, tabby cat", 0.52', () => {
    const prediction = predictFromOutput(getModelSpec("alexnet-2012"), imagenetOutput(281, 0.52));
    expect(prediction.index).toBe(281);
    expect(prediction.label).toBe("tabby, tabby cat");
    expect(prediction.probability).toBeCloseTo(0.52, 6);
    expect(prediction.kind).toBe("probabilities");
  });

  it('alexnet-2012, first and last classes → "tench, Tinca tinca" and "toilet tissue, …"', () => {
    const spec = getModelSpec("alexnet-2012");
    expect(predictFromOutput(spec, imagenetOutput(0, 0.9)).label).toBe("tench, Tinca tinca");
    expect(predictFromOutput(spec, imagenetOutput(999, 0.9)).label).toBe(
      "toilet tissue, toilet paper, bathroom tissue",
    );
  });

  it('alexnet-keras keeps CIFAR-10: class 3 → "cat"', () => {
    const output = [0.02, 0.02, 0.02, 0.8, 0.02, 0.04, 0.02, 0.02, 0.02, 0.02];
    expect(predictFromOutput(getModelSpec("alexnet-keras"), output)).toMatchObject({
      index: 3,
      label: "cat",
    });
  });
});
