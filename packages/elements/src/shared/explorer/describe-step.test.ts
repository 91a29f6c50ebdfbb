import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Simulator } from "@convstep/engine";
import { lenetSimulator } from "../../test-utils/fixtures.js";
import { channelRange, describeStep, formatValue } from "./describe-step.js";

let sim: Simulator;
let dispose: () => void;

beforeAll(async () => {
  ({ simulator: sim, dispose } = await lenetSimulator("1998"));
});
afterAll(() => dispose());

function layer(i: number) {
  const l = sim.model.layers[i];
  return { name: l.name, kind: l.spec.kind, outputShape: l.outputShape };
}

describe("describeStep", () => {
  it("formatValue: 0.73449 → 0.734, −1.5 → −1.500 (a real minus), 123.456 → 123.5", () => {
    expect(formatValue(0.73449)).toBe("0.734");
    expect(formatValue(-1.5)).toBe("−1.500");
    expect(formatValue(123.456)).toBe("123.5");
  });

  it("channelRange of HWC [1,2, 3,4, 5,6] (3×1×2) channel 1 → 2…6", () => {
    expect(channelRange([1, 2, 3, 4, 5, 6], 2, 1)).toEqual({ min: 2, max: 6 });
  });

  it("layer C3 → its kind and output shape", () => {
    const text = describeStep(layer(2), sim.trace, { layer: 2, channel: 0, y: 0, x: 0 }, "layer");
    expect(text).toBe("C3: convolution, output 10×10×16.");
  });

  it("map C3:4 → the min and max of the trace's channel 4, by a plain loop", () => {
    const data = sim.trace!.step("C3").data;
    let min = Infinity;
    let max = -Infinity;
    for (let y = 0; y < 10; y++)
      for (let x = 0; x < 10; x++) {
        const v = data[(y * 10 + x) * 16 + 4];
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
    const text = describeStep(layer(2), sim.trace, { layer: 2, channel: 4, y: 0, x: 0 }, "channel");
    expect(text).toBe(`C3, map 4 of 16: values from ${formatValue(min)} to ${formatValue(max)}.`);
  });

  it("neuron C3:4:2,3 → the trace's value at (4, 2, 3)", () => {
    const v = sim.trace!.step("C3").valueAt(4, 2, 3);
    const text = describeStep(layer(2), sim.trace, { layer: 2, channel: 4, y: 2, x: 3 }, "neuron");
    expect(text).toBe(`C3, map 4, neuron (2, 3): ${formatValue(v)}.`);
  });

  it("unit 7 of the output (a vector) → 'unit', at channel and neuron granularity", () => {
    const v = sim.trace!.output.valueAt(7);
    const at = { layer: 7, channel: 7, y: 0, x: 0 };
    expect(describeStep(layer(7), sim.trace, at, "neuron")).toBe(
      `output, unit 7: ${formatValue(v)}.`,
    );
    expect(describeStep(layer(7), sim.trace, at, "channel")).toBe(
      `output, unit 7: ${formatValue(v)}.`,
    );
  });
});
