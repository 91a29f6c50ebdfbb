import * as tf from "@tensorflow/tfjs-core";
import { describe, expect, it } from "vitest";
import { expectAllClose, expectNoLeaks, seededArray } from "../../../../test/helpers.js";
import { explainContext, randomNeurons } from "../../../../test/layer-harness.js";
import { InputError, SpecError } from "../errors.js";
import type { ActivationName, ActivationSpec } from "../spec/types.js";
import { activation } from "./activation.js";
import type { ElementwiseExplanation } from "./layer.js";

const spec = (name: ActivationName): ActivationSpec => ({
  name: "act",
  kind: "activation",
  activation: name,
});

const ALL: ActivationName[] = ["linear", "relu", "tanh", "scaled-tanh", "sigmoid", "softmax"];

describe("activation layer", () => {
  it("relu x=[1,2,2,1] = [−1, 0, 2, −3] → [0, 0, 2, 0]", async () => {
    await expectNoLeaks(async () => {
      const x = tf.tensor4d([-1, 0, 2, -3], [1, 2, 2, 1]);
      const y = activation.forward(spec("relu"), x, {}, { training: false });
      expect(y.shape).toEqual([1, 2, 2, 1]);
      expectAllClose(await y.data(), [0, 0, 2, 0]);
      tf.dispose([x, y]);
    });
  });

  it("scaled-tanh of 1.5 → 1.7159·tanh(1) ≈ 1.30679", async () => {
    await expectNoLeaks(async () => {
      const x = tf.tensor2d([[1.5]]);
      const y = activation.forward(spec("scaled-tanh"), x, {}, { training: false });
      expectAllClose(await y.data(), [1.7159 * Math.tanh(1)]);
      expect((await y.data())[0]).toBeCloseTo(1.30679, 4);
      tf.dispose([x, y]);
    });
  });

  it("softmax x=[1,1,2,2] runs over the channels: [0, ln 3] → [0.25, 0.75] at each position", async () => {
    await expectNoLeaks(async () => {
      const x = tf.tensor4d([0, Math.log(3), 5, 5], [1, 1, 2, 2]);
      const y = activation.forward(spec("softmax"), x, {}, { training: false });
      expectAllClose(await y.data(), [0.25, 0.75, 0.5, 0.5]);
      tf.dispose([x, y]);
    });
  });

  it("linear returns a new tensor with the same values (no aliasing)", async () => {
    await expectNoLeaks(async () => {
      const x = tf.tensor2d([[1, -2]]);
      const y = activation.forward(spec("linear"), x, {}, { training: false });
      expect(y).not.toBe(x);
      expectAllClose(await y.data(), [1, -2]);
      tf.dispose([x, y]);
    });
  });

  it("shape kept, no params, zero counts, window = the single position", () => {
    expect(activation.outputShape(spec("relu"), [13, 13, 384])).toEqual([13, 13, 384]);
    expect(activation.params(spec("relu"), [10])).toEqual([]);
    expect(activation.counts(spec("relu"), [10])).toEqual({
      trainable: 0,
      nonTrainable: 0,
      connections: 0,
      macs: 0,
    });
    expect(activation.window(spec("relu"), [5, 5, 1], 2, 3)).toEqual({
      y0: 2,
      x0: 3,
      y1: 3,
      x1: 4,
    });
  });

  it.each(ALL)(
    "%s explain() on a 3×4×5 map equals the tfjs forward output at random positions",
    async (name) => {
      await expectNoLeaks(async () => {
        const [h, w, c] = [3, 4, 5];
        const data = seededArray(h * w * c, 77, -3, 3);
        const x = tf.tensor4d(data, [1, h, w, c]);
        const y = activation.forward(spec(name), x, {}, { training: false });
        const out = await y.data();
        tf.dispose([x, y]);
        for (const at of randomNeurons(10, 78, [h, w, c])) {
          const e = activation.explain(
            spec(name),
            explainContext(data, [h, w, c], [h, w, c]),
            at,
          ) as ElementwiseExplanation;
          expectAllClose([e.output], [out[(at.y * w + at.x) * c + at.channel]], {
            rtol: 1e-5,
            atol: 1e-7,
          });
          const base = (at.y * w + at.x) * c;
          if (name === "softmax") {
            expect(e.inputs.map((i) => i.value)).toEqual(Array.from(data.subarray(base, base + c)));
            expect(e.inputs.every((i) => i.y === at.y && i.x === at.x)).toBe(true);
          } else {
            expect(e.inputs).toEqual([{ ...at, value: data[base + at.channel], padded: false }]);
          }
        }
      });
    },
  );

  it("softmax explain() of vector [2, 1, 0] unit 0 → e²/(e² + e + 1)", () => {
    const e = activation.explain(
      spec("softmax"),
      {
        input: { data: new Float32Array([2, 1, 0]), shape: [3] },
        inputShape: [3],
        outputShape: [3],
        weights: {},
      },
      { channel: 0, y: 0, x: 0 },
    ) as ElementwiseExplanation;
    const e2 = Math.exp(2);
    expect(e.output).toBeCloseTo(e2 / (e2 + Math.E + 1), 12);
    expect(e.formula).toBe("e^(a_i) / Σ_j e^(a_j)");
  });

  it("explain() at y=1 of a vector → InputError", () => {
    const ctx = explainContext(new Float32Array(3), [3], [3]);
    expect(() => activation.explain(spec("relu"), ctx, { channel: 0, y: 1, x: 0 })).toThrow(
      InputError,
    );
  });

  it("activation 'gelu' → SpecError naming layer and attribute", () => {
    const bad = { ...spec("relu"), activation: "gelu" } as unknown as ActivationSpec;
    expect(() => activation.validate(bad, [10])).toThrow(SpecError);
    expect(() => activation.validate(bad, [10])).toThrow(
      /layer "act", attribute "activation": expected linear, relu, tanh, scaled-tanh, sigmoid or softmax, got "gelu"/,
    );
  });

  it("input [4, 4] → SpecError naming the shape", () => {
    expect(() => activation.validate(spec("relu"), [4, 4])).toThrow(
      /layer "act".*got shape \[4, 4\]/,
    );
  });
});
