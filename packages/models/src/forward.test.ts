// The LeNet specs run end to end (AlexNet's forward pass takes seconds on the CPU: not run here).
// Only shapes and finiteness are checked; each layer's arithmetic is tested with the layer.
import * as tf from "@tensorflow/tfjs-core";
import { type CompiledModel, compileModel, forwardAll } from "@convstep/engine";
import { describe, expect, it } from "vitest";
import { expectNoLeaks, seededArray } from "../../../test/helpers.js";
import { LENET5_1998 } from "./lenet5-1998.js";
import { LENET5_KERAS } from "./lenet5-keras.js";

/** Small seeded weights for every param of a compiled model (masked links stay zero). */
function randomWeights(model: CompiledModel): Map<string, tf.Tensor> {
  return new Map(
    model.params.map((p, i) => {
      const values = seededArray(
        p.shape.reduce((a, b) => a * b, 1),
        100 + i,
        -0.2,
        0.2,
      );
      if (p.mask) values.forEach((_, k) => (values[k] *= p.mask![k]));
      return [p.fullName, tf.tensor(values, [...p.shape])];
    }),
  );
}

describe.each([
  ["lenet5-1998", LENET5_1998, -0.1, 1.175],
  ["lenet5-keras", LENET5_KERAS, 0, 1],
] as const)("%s forward", (_, spec, lo, hi) => {
  it("a batch of 2 with small random weights: every layer's output has its compiled shape", async () => {
    const model = compileModel(spec);
    await expectNoLeaks(() => {
      const weights = randomWeights(model);
      const size = model.inputShape.reduce((a, b) => a * b, 1);
      const x = tf.tensor(seededArray(2 * size, 7, lo, hi), [2, ...model.inputShape]);
      const outputs = forwardAll(model, weights, x);
      expect(outputs.map((t) => t.shape)).toEqual(model.layers.map((l) => [2, ...l.outputShape]));
      expect(outputs.at(-1)!.dataSync().every(Number.isFinite)).toBe(true);
      tf.dispose([...outputs, x, ...weights.values()]);
    });
  });
});
