/**
 * AlexNet as torchvision ships it (`torchvision.models.alexnet`): Krizhevsky's 2014 "one weird
 * trick" variant of the 2012 network, on one GPU. 64-192-384-256-256 kernels, no groups, no LRN,
 * a 224×224 input (conv1 pads by 2: (224 + 4 − 11)/4 + 1 = 55, rounded down), 61,100,840
 * parameters.
 */
import type { ImagePreprocessing, ModelSpec } from "@convstep/engine";
import { IMAGENET_CLASSES } from "./imagenet-classes.js";

/** torchvision's ImageNet normalisation, RGB: pixels in [0, 1] minus the mean, over the std. */
export const TORCHVISION_PREPROCESSING: ImagePreprocessing = {
  scale: 1 / 255,
  mean: [0.485, 0.456, 0.406],
  std: [0.229, 0.224, 0.225],
  description:
    "RGB in [0, 1] minus the mean (0.485, 0.456, 0.406), divided by the std (0.229, 0.224, 0.225)",
};

const POOL = { kind: "pool2d", mode: "max", poolSize: 3, strides: 2 } as const;

/** torchvision's AlexNet: 61,100,840 parameters. */
export const ALEXNET_TORCHVISION: ModelSpec = {
  name: "alexnet-torchvision",
  title: "AlexNet (torchvision, Krizhevsky 2014)",
  description:
    "The AlexNet torchvision ships: Krizhevsky's 2014 single-GPU variant with 64, 192, 384, 256 " +
    "and 256 kernels, no groups and no local response normalisation, 3×3/2 max-pooling, dropout " +
    "before fc6 and fc7; 1000 ImageNet classes.",
  source:
    "A. Krizhevsky, “One weird trick for parallelizing convolutional neural networks”, " +
    "arXiv:1404.5997 (2014); torchvision.models.alexnet (AlexNet_Weights.IMAGENET1K_V1).",
  input: {
    shape: [224, 224, 3],
    range: [-0.485 / 0.229, (1 - 0.406) / 0.225],
    description:
      "A 224×224 RGB crop with values in [0, 1] normalised per channel by torchvision's ImageNet " +
      "mean (0.485, 0.456, 0.406) and std (0.229, 0.224, 0.225).",
    preprocessing: TORCHVISION_PREPROCESSING,
  },
  layers: [
    {
      name: "conv1",
      kind: "conv2d",
      filters: 64,
      kernelSize: 11,
      strides: 4,
      padding: 2,
      activation: "relu",
      note: "64 kernels 11×11×3, stride 4, pad 2: ⌊(224 + 4 − 11)/4⌋ + 1 = 55",
    },
    { ...POOL, name: "pool1", note: "3×3/2 max-pool: 55 → 27" },
    {
      name: "conv2",
      kind: "conv2d",
      filters: 192,
      kernelSize: 5,
      padding: 2,
      activation: "relu",
      note: "192 kernels 5×5×64, no groups",
    },
    { ...POOL, name: "pool2", note: "27 → 13" },
    { name: "conv3", kind: "conv2d", filters: 384, kernelSize: 3, padding: 1, activation: "relu" },
    { name: "conv4", kind: "conv2d", filters: 256, kernelSize: 3, padding: 1, activation: "relu" },
    { name: "conv5", kind: "conv2d", filters: 256, kernelSize: 3, padding: 1, activation: "relu" },
    { ...POOL, name: "pool5", note: "13 → 6" },
    {
      name: "avgpool",
      kind: "pool2d",
      mode: "avg",
      poolSize: 1,
      note: "torchvision's AdaptiveAvgPool2d((6, 6)): at a 224 input pool5 is already 6×6, so each window holds one value and this is the identity",
    },
    {
      name: "flatten",
      kind: "flatten",
      note: "6×6×256 = 9,216 values in height-width-channel order (PyTorch flattens channel first)",
    },
    { name: "drop6", kind: "dropout", rate: 0.5, note: "active only when training" },
    { name: "fc6", kind: "dense", units: 4096, activation: "relu" },
    { name: "drop7", kind: "dropout", rate: 0.5, note: "active only when training" },
    { name: "fc7", kind: "dense", units: 4096, activation: "relu" },
    {
      name: "fc8",
      kind: "dense",
      units: 1000,
      activation: "softmax",
      note: "1000 ILSVRC classes (torchvision returns the scores; softmax makes them probabilities)",
    },
  ],
  output: { kind: "probabilities", classes: IMAGENET_CLASSES },
};
