/**
 * The small CNN of the ReLU-versus-tanh experiment: two 5×5 convolutions with average pooling (tfjs's
 * cpu MaxPoolGrad was the slowest kernel of a step, several times the convolutions) and a
 * softmax layer, on 28×28 MNIST digits; only the activation of the hidden layers changes.
 */
import type { ModelSpec } from "../spec/types.js";

/** The hidden activations the experiment compares. */
export type RaceActivation = "relu" | "tanh";

/** One line that describes the network, for reports and legends. */
export const RACE_NETWORK_SUMMARY =
  "conv 5×5×8 → avg-pool 2 → conv 5×5×16 → avg-pool 2 → dense 10 (softmax); 5,994 weights";

/**
 * The race network with `activation` after both convolutions. Weights start from Glorot-uniform
 * (the engine's default), so both activations start from the same numbers for the same seed.
 */
export function raceNetworkSpec(activation: RaceActivation): ModelSpec {
  return {
    name: `race-${activation}`,
    title: `Small CNN with ${activation === "relu" ? "ReLU" : "tanh"}`,
    description: RACE_NETWORK_SUMMARY,
    input: { shape: [28, 28, 1], range: [0, 1], description: "A 28×28 MNIST digit, ink 1." },
    layers: [
      { name: "conv1", kind: "conv2d", filters: 8, kernelSize: 5, activation },
      { name: "pool1", kind: "pool2d", mode: "avg", poolSize: 2 },
      { name: "conv2", kind: "conv2d", filters: 16, kernelSize: 5, activation },
      { name: "pool2", kind: "pool2d", mode: "avg", poolSize: 2 },
      { name: "flatten", kind: "flatten" },
      { name: "output", kind: "dense", units: 10, activation: "softmax" },
    ],
    output: { kind: "probabilities", classes: ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"] },
  };
}
