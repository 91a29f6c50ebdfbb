/**
 * AlexNet as Krizhevsky, Sutskever and Hinton trained it (2012), in the layout of Caffe's
 * `bvlc_alexnet`: a 227×227 input (the paper's 224 does not divide: (224 − 11)/4 + 1 = 54.25),
 * conv2, conv4 and conv5 split in two groups (one per GPU), LRN with the paper's constants.
 */
import type { ImagePreprocessing, ModelSpec } from "@convstep/engine";
import { IMAGENET_CLASSES } from "./imagenet-classes.js";

/**
 * The ImageNet mean pixel in RGB order (R 123.68, G 116.779, B 103.939), subtracted from 0–255
 * pixels to make this model's input. Every preprocessing of `alexnet-2012` (CLI, widgets) uses it.
 */
export const IMAGENET_MEAN_RGB: readonly [number, number, number] = [123.68, 116.779, 103.939];

/** This spec's default input convention: 0–255 RGB minus {@link IMAGENET_MEAN_RGB}. */
export const IMAGENET_MEAN_PREPROCESSING: ImagePreprocessing = {
  scale: 1,
  mean: IMAGENET_MEAN_RGB,
  std: [1, 1, 1],
  description: "values in [0, 255] minus the ImageNet mean (R 123.68, G 116.779, B 103.939)",
};

/**
 * What Caffe's `bvlc_alexnet` expects, in RGB order: 0–255 minus the mean pixel B 104, G 117,
 * R 123 (the common per-channel approximation of its mean image). A conversion of the Caffe
 * weights records it in the model.json (conv1's channels reordered BGR → RGB).
 */
export const CAFFE_PREPROCESSING: ImagePreprocessing = {
  scale: 1,
  mean: [123, 117, 104],
  std: [1, 1, 1],
  description: "values in [0, 255] minus Caffe's mean pixel (B 104, G 117, R 123)",
};

/** The paper's local response normalisation: k = 2, n = 5, α = 1e−4, β = 0.75. */
const LRN = { kind: "lrn", k: 2, n: 5, alpha: 1e-4, beta: 0.75 } as const;

/** The paper's initialisation (§5): every weight from a zero-mean Gaussian with standard deviation 0.01. */
const PAPER_WEIGHTS = { kind: "normal", mean: 0, stddev: 0.01 } as const;

/** §5: "neuron biases in the second, fourth, and fifth convolutional layers, as well as in the
 * fully-connected hidden layers, with the constant 1" (to give the ReLUs positive inputs early). */
const INIT_BIAS_ONE = { kernelInitializer: PAPER_WEIGHTS, biasInitializer: "ones" } as const;

/** §5: "the neuron biases in the remaining layers with the constant 0". */
const INIT_BIAS_ZERO = { kernelInitializer: PAPER_WEIGHTS, biasInitializer: "zeros" } as const;

/** Overlapping max-pooling: 3×3 windows, stride 2. */
const OVERLAPPING_POOL = { kind: "pool2d", mode: "max", poolSize: 3, strides: 2 } as const;

/** AlexNet (Krizhevsky et al. 2012), Caffe layout: 60,965,224 parameters, 724,406,816 mult-adds. */
export const ALEXNET_2012: ModelSpec = {
  name: "alexnet-2012",
  title: "AlexNet (Krizhevsky et al., 2012)",
  description:
    "The ILSVRC-2012 winner: five convolutional layers (conv2, conv4, conv5 split across two GPUs), " +
    "ReLU, local response normalisation after conv1 and conv2, overlapping 3×3/2 max-pooling, and " +
    "three fully connected layers with dropout; 1000 ImageNet classes.",
  source:
    "A. Krizhevsky, I. Sutskever, G. E. Hinton, “ImageNet Classification with Deep Convolutional " +
    "Neural Networks”, NIPS 2012, §3–4, Fig. 2; layer layout of Caffe's models/bvlc_alexnet.",
  input: {
    shape: [227, 227, 3],
    range: [-IMAGENET_MEAN_RGB[0], 255 - IMAGENET_MEAN_RGB[2]],
    description:
      "A 227×227 RGB crop with values 0–255 minus the ImageNet mean pixel (R 123.68, G 116.779, " +
      "B 103.939), channels in RGB order (Caffe's own weights expect BGR).",
    preprocessing: IMAGENET_MEAN_PREPROCESSING,
  },
  layers: [
    {
      name: "conv1",
      ...INIT_BIAS_ZERO,
      kind: "conv2d",
      filters: 96,
      kernelSize: 11,
      strides: 4,
      activation: "relu",
      note: "96 kernels 11×11×3, stride 4: (227 − 11)/4 + 1 = 55",
    },
    { ...LRN, name: "norm1", note: "LRN across 5 neighbouring channels, after the ReLU" },
    { ...OVERLAPPING_POOL, name: "pool1", note: "overlapping max-pool 3×3, stride 2: 55 → 27" },
    {
      name: "conv2",
      ...INIT_BIAS_ONE,
      kind: "conv2d",
      filters: 256,
      kernelSize: 5,
      padding: 2,
      groups: 2,
      activation: "relu",
      note: "two groups (one per GPU): each 128 kernels read only their GPU's 48 channels",
    },
    { ...LRN, name: "norm2", note: "LRN, as norm1" },
    { ...OVERLAPPING_POOL, name: "pool2", note: "27 → 13" },
    {
      name: "conv3",
      ...INIT_BIAS_ZERO,
      kind: "conv2d",
      filters: 384,
      kernelSize: 3,
      padding: 1,
      activation: "relu",
      note: "reads all 256 channels: the one convolution where the two GPUs talk",
    },
    {
      name: "conv4",
      ...INIT_BIAS_ONE,
      kind: "conv2d",
      filters: 384,
      kernelSize: 3,
      padding: 1,
      groups: 2,
      activation: "relu",
      note: "two groups of 192",
    },
    {
      name: "conv5",
      ...INIT_BIAS_ONE,
      kind: "conv2d",
      filters: 256,
      kernelSize: 3,
      padding: 1,
      groups: 2,
      activation: "relu",
      note: "two groups of 128",
    },
    { ...OVERLAPPING_POOL, name: "pool5", note: "13 → 6" },
    {
      name: "flatten",
      kind: "flatten",
      note: "6×6×256 = 9,216 values in height-width-channel order (Caffe flattens channel first)",
    },
    { name: "fc6", ...INIT_BIAS_ONE, kind: "dense", units: 4096, activation: "relu" },
    { name: "drop6", kind: "dropout", rate: 0.5, note: "active only when training" },
    { name: "fc7", ...INIT_BIAS_ONE, kind: "dense", units: 4096, activation: "relu" },
    { name: "drop7", kind: "dropout", rate: 0.5, note: "active only when training" },
    {
      name: "fc8",
      ...INIT_BIAS_ZERO,
      kind: "dense",
      units: 1000,
      activation: "softmax",
      note: "1000 ILSVRC classes",
    },
  ],
  output: { kind: "probabilities", classes: IMAGENET_CLASSES },
};
