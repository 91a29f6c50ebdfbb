/**
 * Real engine output for the elements' browser tests: a LeNet-5 simulator on the CPU backend with
 * seeded weights, traced on a synthetic digit. Tests read numbers from the engine's own explain()
 * and trace, never from the element under test.
 */
import "@tensorflow/tfjs-backend-cpu";
import * as tf from "@tensorflow/tfjs-core";
import {
  compileModel,
  createSimulator,
  initWeights,
  lenet1998Input,
  lenetKerasInput,
  type Simulator,
} from "@convstep/engine";
import { getModelSpec } from "@convstep/models";

/** A 28×28 digit "7" in [0, 1] (white ink on black, as MNIST), drawn with plain loops. */
export function syntheticSeven(): Float32Array {
  const d = new Float32Array(28 * 28);
  for (let x = 7; x <= 20; x++) for (let y = 6; y <= 7; y++) d[y * 28 + x] = 1;
  for (let y = 8; y <= 22; y++) {
    const x = Math.round(20 - (y - 8) * 0.45);
    d[y * 28 + x] = 1;
    d[y * 28 + x - 1] = 0.8;
  }
  return d;
}

/** A traced LeNet-5 simulator (cpu backend, seeded weights). Dispose it (and its weights) after. */
export async function lenetSimulator(
  variant: "1998" | "keras" = "1998",
  seed = 7,
): Promise<{ simulator: Simulator; dispose(): void }> {
  tf.env().set("PROD", true);
  if (tf.getBackend() !== "cpu") await tf.setBackend("cpu");
  await tf.ready();
  const model = compileModel(getModelSpec(variant === "1998" ? "lenet5-1998" : "lenet5-keras"));
  const weights = initWeights(model, { seed });
  const simulator = createSimulator(model, weights);
  const digit = syntheticSeven();
  const input = variant === "1998" ? lenet1998Input(digit) : lenetKerasInput(digit);
  await simulator.run(input);
  return {
    simulator,
    dispose() {
      simulator.dispose();
      for (const t of weights.values()) t.dispose();
    },
  };
}
