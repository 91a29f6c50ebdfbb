/**
 * LeNet-5 exactly as LeCun, Bottou, Bengio and Haffner describe it (1998): scaled-tanh squashing,
 * trainable subsampling, C3 wired by Table I, and a Euclidean RBF output with fixed 7×12 codes.
 */
import type { Initializer, ModelSpec } from "@convstep/engine";
import { LENET5_DIGIT_CODES } from "./lenet5-digit-codes.js";
import { LENET5_TABLE_1 } from "./lenet5-table-1.js";

/** The paper's initialisation (Appendix A): uniform in [−2.4/F, 2.4/F], F = the unit's fan-in. */
function lecun1998(fanIn: number): Initializer {
  return { kind: "uniform", min: -2.4 / fanIn, max: 2.4 / fanIn };
}

/** LeNet-5 (LeCun et al. 1998): 60,000 trainable parameters, 340,908 connections. */
export const LENET5_1998: ModelSpec = {
  name: "lenet5-1998",
  title: "LeNet-5 (LeCun et al., 1998)",
  description:
    "The original LeNet-5: 32×32 input, convolutions C1, C3, C5 with the squashing function " +
    "1.7159·tanh(2a/3), trainable subsampling S2, S4, C3 wired by Table I, fully connected F6 and " +
    "Euclidean RBF outputs whose fixed centres are stylised 7×12 bitmaps of the digits.",
  source:
    "Y. LeCun, L. Bottou, Y. Bengio, P. Haffner, “Gradient-Based Learning Applied to Document " +
    "Recognition”, Proceedings of the IEEE 86(11):2278–2324, 1998, §II-B, Table I, Fig. 2, Fig. 3.",
  input: {
    shape: [32, 32, 1],
    range: [-0.1, 1.175],
    description:
      "A 28×28 MNIST digit centred in a 32×32 field; background (white) −0.1, ink (black) 1.175.",
  },
  layers: [
    {
      name: "C1",
      kind: "conv2d",
      filters: 6,
      kernelSize: 5,
      activation: "scaled-tanh",
      kernelInitializer: lecun1998(25),
      biasInitializer: lecun1998(25),
      note: "6 feature maps 28×28, each unit reads a 5×5 neighbourhood of the input",
    },
    {
      name: "S2",
      kind: "subsampling",
      poolSize: 2,
      strides: 2,
      activation: "scaled-tanh",
      kernelInitializer: lecun1998(4),
      biasInitializer: lecun1998(4),
      note: "sum of 2×2 inputs × a trainable coefficient + a trainable bias, then squashed",
    },
    {
      name: "C3",
      kind: "conv2d",
      filters: 16,
      kernelSize: 5,
      connections: LENET5_TABLE_1,
      activation: "scaled-tanh",
      // Fan-in is 75, 100 or 150 depending on the map; 100 (four S2 maps, nine of sixteen) is used.
      kernelInitializer: lecun1998(100),
      biasInitializer: lecun1998(100),
      note: "each map reads a subset of the S2 maps (Table I): 60 of the 96 possible links",
    },
    {
      name: "S4",
      kind: "subsampling",
      poolSize: 2,
      strides: 2,
      activation: "scaled-tanh",
      kernelInitializer: lecun1998(4),
      biasInitializer: lecun1998(4),
      note: "like S2: 16 maps 5×5",
    },
    {
      name: "C5",
      kind: "conv2d",
      filters: 120,
      kernelSize: 5,
      activation: "scaled-tanh",
      kernelInitializer: lecun1998(400),
      biasInitializer: lecun1998(400),
      note: "a convolution over all 16 S4 maps whose 5×5 kernel covers the whole 5×5 input",
    },
    {
      name: "flatten",
      kind: "flatten",
      note: "C5's 1×1×120 output as a vector (not a layer in the paper)",
    },
    {
      name: "F6",
      kind: "dense",
      units: 84,
      activation: "scaled-tanh",
      kernelInitializer: lecun1998(120),
      biasInitializer: lecun1998(120),
      note: "84 units: one per pixel of the 7×12 output codes",
    },
    {
      name: "output",
      kind: "rbf",
      centers: LENET5_DIGIT_CODES,
      note: "Euclidean RBF: y_i = Σ_j (x_j − w_ij)², w_i = digit i's fixed ±1 code; lowest wins",
    },
  ],
  output: {
    kind: "distances",
    classes: ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"],
  },
};
