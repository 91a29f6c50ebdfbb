/**
 * LeNet-5 as most Keras tutorials write it: 28×28 MNIST padded to 32×32, tanh, average pooling,
 * a fully connected C3 and a softmax output. Layer names follow the paper so that widgets label
 * both versions alike; each note gives the Keras layer.
 */
import type { ModelSpec } from "@convstep/engine";

/** LeNet-5, common Keras version: 61,706 parameters. */
export const LENET5_KERAS: ModelSpec = {
  name: "lenet5-keras",
  title: "LeNet-5 (common Keras version)",
  description:
    "The LeNet-5 of blog posts and tutorials: ZeroPadding2D(2) takes a 28×28 MNIST digit to 32×32, " +
    "then Conv2D/AveragePooling2D with tanh, a fully connected C3 (no Table I), Dense(84, tanh) " +
    "and Dense(10, softmax) in place of the RBF outputs.",
  source:
    "After LeCun et al. 1998, as commonly written in Keras (tf.keras Sequential: ZeroPadding2D, " +
    "Conv2D, AveragePooling2D, Flatten, Dense).",
  input: {
    shape: [28, 28, 1],
    range: [0, 1],
    description: "A 28×28 MNIST digit, pixel values divided by 255: background 0, ink 1.",
  },
  layers: [
    {
      name: "padding",
      kind: "zero-padding2d",
      padding: 2,
      note: "Keras ZeroPadding2D(2): 28×28 → 32×32",
    },
    {
      name: "C1",
      kind: "conv2d",
      filters: 6,
      kernelSize: 5,
      activation: "tanh",
      note: "Keras Conv2D(6, 5, activation='tanh')",
    },
    {
      name: "S2",
      kind: "pool2d",
      mode: "avg",
      poolSize: 2,
      note: "Keras AveragePooling2D(2): no trainable coefficient or bias",
    },
    {
      name: "C3",
      kind: "conv2d",
      filters: 16,
      kernelSize: 5,
      activation: "tanh",
      note: "Keras Conv2D(16, 5, activation='tanh'): every S2 map feeds every C3 map",
    },
    {
      name: "S4",
      kind: "pool2d",
      mode: "avg",
      poolSize: 2,
      note: "Keras AveragePooling2D(2)",
    },
    {
      name: "C5",
      kind: "conv2d",
      filters: 120,
      kernelSize: 5,
      activation: "tanh",
      note: "Keras Conv2D(120, 5, activation='tanh')",
    },
    { name: "flatten", kind: "flatten", note: "Keras Flatten()" },
    {
      name: "F6",
      kind: "dense",
      units: 84,
      activation: "tanh",
      note: "Keras Dense(84, activation='tanh')",
    },
    {
      name: "output",
      kind: "dense",
      units: 10,
      activation: "softmax",
      note: "Keras Dense(10, activation='softmax'), in place of the RBF outputs",
    },
  ],
  output: {
    kind: "probabilities",
    classes: ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"],
  },
};
