/**
 * AlexNet as commonly written in Keras for CIFAR-10: the 32×32 image is resized to 224×224,
 * convolutions use `same` padding, batch normalisation stands in for LRN, there are no groups,
 * and the output has 10 classes.
 */
import type { ModelSpec } from "@convstep/engine";
import { CIFAR10_CLASSES } from "./cifar10-classes.js";

/** Keras `MaxPooling2D(3, strides=2)`: AlexNet's overlapping pooling (pool1 and pool5). */
const MAX_POOL = { kind: "pool2d", mode: "max", poolSize: 3, strides: 2 } as const;

/** AlexNet, common Keras CIFAR-10 version: 58,324,746 parameters (1,216 non-trainable). */
export const ALEXNET_KERAS: ModelSpec = {
  name: "alexnet-keras",
  title: "AlexNet (common Keras CIFAR-10 version)",
  description:
    "The AlexNet of Keras tutorials: CIFAR-10 images resized to 224×224, conv 96 11×11/4, 256 5×5, " +
    "384, 384, 256 3×3 with `same` padding and ReLU, 3×3/2 max-pooling (2×2/2 after conv2), " +
    "BatchNormalization in place of LRN, no GPU groups, dense 4096–4096 with dropout and a " +
    "10-way softmax.",
  source:
    "After Krizhevsky et al. 2012, as commonly written in Keras (tf.keras Sequential: Resizing, " +
    "Conv2D, MaxPooling2D, BatchNormalization, Flatten, Dense, Dropout).",
  input: {
    shape: [32, 32, 3],
    range: [0, 1],
    description: "A 32×32 RGB CIFAR-10 image, pixel values divided by 255.",
  },
  layers: [
    {
      name: "resize",
      kind: "resizing",
      height: 224,
      width: 224,
      note: "Keras Resizing(224, 224): bilinear, 32×32 → 224×224",
    },
    {
      name: "conv1",
      kind: "conv2d",
      filters: 96,
      kernelSize: 11,
      strides: 4,
      padding: "same",
      activation: "relu",
      note: "Keras Conv2D(96, 11, strides=4, padding='same'): ⌈224/4⌉ = 56",
    },
    { ...MAX_POOL, name: "pool1", note: "Keras MaxPooling2D(3, strides=2): 56 → 27" },
    { name: "bn1", kind: "batch-norm", note: "Keras BatchNormalization(), in place of LRN" },
    {
      name: "conv2",
      kind: "conv2d",
      filters: 256,
      kernelSize: 5,
      padding: "same",
      activation: "relu",
      note: "Keras Conv2D(256, 5, padding='same'): one group",
    },
    {
      name: "pool2",
      kind: "pool2d",
      mode: "max",
      poolSize: 2,
      strides: 2,
      note: "Keras MaxPool2D((2, 2), strides=2): 27 → 13, windows that do not overlap",
    },
    { name: "bn2", kind: "batch-norm", note: "Keras BatchNormalization()" },
    {
      name: "conv3",
      kind: "conv2d",
      filters: 384,
      kernelSize: 3,
      padding: "same",
      activation: "relu",
      note: "Keras Conv2D(384, 3, padding='same')",
    },
    {
      name: "conv4",
      kind: "conv2d",
      filters: 384,
      kernelSize: 3,
      padding: "same",
      activation: "relu",
      note: "Keras Conv2D(384, 3, padding='same'): one group",
    },
    {
      name: "conv5",
      kind: "conv2d",
      filters: 256,
      kernelSize: 3,
      padding: "same",
      activation: "relu",
      note: "Keras Conv2D(256, 3, padding='same'): one group",
    },
    { ...MAX_POOL, name: "pool5", note: "Keras MaxPooling2D(3, strides=2): 13 → 6" },
    { name: "bn3", kind: "batch-norm", note: "Keras BatchNormalization()" },
    { name: "flatten", kind: "flatten", note: "Keras Flatten(): 6×6×256 = 9,216" },
    {
      name: "fc6",
      kind: "dense",
      units: 4096,
      activation: "relu",
      note: "Keras Dense(4096, activation='relu')",
    },
    { name: "drop6", kind: "dropout", rate: 0.5, note: "Keras Dropout(0.5)" },
    {
      name: "fc7",
      kind: "dense",
      units: 4096,
      activation: "relu",
      note: "Keras Dense(4096, activation='relu')",
    },
    { name: "drop7", kind: "dropout", rate: 0.5, note: "Keras Dropout(0.5)" },
    {
      name: "fc8",
      kind: "dense",
      units: 10,
      activation: "softmax",
      note: "Keras Dense(10, activation='softmax')",
    },
  ],
  output: { kind: "probabilities", classes: CIFAR10_CLASSES },
};
