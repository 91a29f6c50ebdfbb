/**
 * Fully connected layer: y = f(x·W + b) with the kernel in Keras' layout `[in, out]` and the bias
 * `[out]`. LeNet-5's F6 (120 → 84) and AlexNet's fc6–fc8 are dense layers.
 */
import * as tf from "@tensorflow/tfjs-core";
import { SpecError, WeightsError } from "../errors.js";
import type { DenseSpec } from "../spec/types.js";
import { activate, activateScalar, isActivation, softmaxAt } from "./activations.js";
import { downloadedValues } from "./explain-arrays.js";
import type {
  Contribution,
  DenseExplanation,
  ExplainContext,
  LayerImpl,
  ParamSpec,
} from "./layer.js";
import { vectorLength } from "./map-shape.js";
import { checkUnit } from "./neuron-index.js";
import { wholeMapWindow } from "./window2d.js";

/** How many of the largest contributions an explanation lists. */
const TOP = 10;

function useBias(spec: DenseSpec): boolean {
  return spec.useBias ?? true;
}

/**
 * Unit `unit`'s column of the kernel (`n` weights): the downloaded slice when the context holds
 * that column (see `explainSlice`), else read from the whole `[n, units]` kernel.
 */
function kernelColumn(
  layer: string,
  ctx: ExplainContext,
  n: number,
  units: number,
  unit: number,
): Float32Array {
  const w = ctx.weights.kernel;
  if (w?.begin && w.begin[1] === unit && w.data.length === n) return w.data.slice();
  const kernel = downloadedValues(layer, ctx, "kernel", n * units);
  const column = new Float32Array(n);
  for (let i = 0; i < n; i++) column[i] = kernel[i * units + unit];
  return column;
}

/** Dense: `matMul(x, kernel) + bias`, then the activation (softmax over the units). */
export const dense: LayerImpl<DenseSpec> = {
  kind: "dense",

  validate(spec, inputShape) {
    vectorLength(spec.name, inputShape);
    const units: unknown = spec.units;
    if (typeof units !== "number" || !Number.isInteger(units) || units < 1) {
      throw new SpecError(`expected a positive integer, got ${JSON.stringify(units)}`, {
        layer: spec.name,
        attribute: "units",
      });
    }
    if (spec.activation !== undefined && !isActivation(spec.activation)) {
      throw new SpecError(
        `expected linear, relu, tanh, scaled-tanh, sigmoid or softmax, got ${JSON.stringify(spec.activation)}`,
        { layer: spec.name, attribute: "activation" },
      );
    }
    if (spec.useBias !== undefined && typeof spec.useBias !== "boolean") {
      throw new SpecError(`expected true or false, got ${JSON.stringify(spec.useBias)}`, {
        layer: spec.name,
        attribute: "useBias",
      });
    }
  },

  outputShape(spec) {
    return [spec.units];
  },

  params(spec, inputShape): ParamSpec[] {
    const n = vectorLength(spec.name, inputShape);
    const kernel: ParamSpec = {
      name: "kernel",
      shape: [n, spec.units],
      trainable: true,
      initializer: spec.kernelInitializer ?? "glorot-uniform",
      fanIn: n,
      fanOut: spec.units,
    };
    if (!useBias(spec)) return [kernel];
    const bias: ParamSpec = {
      name: "bias",
      shape: [spec.units],
      trainable: true,
      initializer: spec.biasInitializer ?? "zeros",
      fanIn: n,
      fanOut: spec.units,
    };
    return [kernel, bias];
  },

  counts(spec, inputShape) {
    const n = vectorLength(spec.name, inputShape);
    const bias = useBias(spec) ? 1 : 0;
    return {
      trainable: n * spec.units + bias * spec.units,
      nonTrainable: 0,
      connections: (n + bias) * spec.units,
      macs: n * spec.units,
    };
  },

  forward(spec, x, weights) {
    const kernel = weights.kernel;
    if (!kernel) throw new WeightsError("missing", `${spec.name}/kernel`);
    const bias = weights.bias;
    if (useBias(spec) && !bias) throw new WeightsError("missing", `${spec.name}/bias`);
    return tf.tidy(() => {
      const z = tf.matMul(x as tf.Tensor2D, kernel as tf.Tensor2D);
      return activate(useBias(spec) ? tf.add(z, bias) : z, spec.activation);
    });
  },

  // A vector input has no spatial extent: the whole map is its single position.
  window: wholeMapWindow,

  // One unit reads one column of the kernel (fc6's is 9,216 of 37.7 M values); softmax needs
  // every unit's logit, so all of it.
  explainSlice(spec, param, inputShape, at) {
    if (param !== "kernel" || spec.activation === "softmax") return undefined;
    return { begin: [0, at.channel], size: [vectorLength(spec.name, inputShape), 1] };
  },

  explain(spec, ctx, at): DenseExplanation {
    const n = vectorLength(spec.name, ctx.inputShape);
    const units = spec.units;
    const unit = at.channel;
    checkUnit(spec.name, at, units);
    const inputs = ctx.input.data.slice(0, n);
    const biases = useBias(spec) ? downloadedValues(spec.name, ctx, "bias", units) : undefined;

    const logitOf = (u: number): number => {
      const kernel = downloadedValues(spec.name, ctx, "kernel", n * units);
      let s = 0;
      for (let i = 0; i < n; i++) s += inputs[i] * kernel[i * units + u];
      return s + (biases ? biases[u] : 0);
    };

    const weights = kernelColumn(spec.name, ctx, n, units, unit);
    const terms: Contribution[] = [];
    let sum = 0;
    for (let i = 0; i < n; i++) {
      const weight = weights[i];
      const product = inputs[i] * weight;
      sum += product;
      terms.push({ index: i, input: inputs[i], weight, product });
    }
    const top = terms
      .sort((a, b) => Math.abs(b.product) - Math.abs(a.product) || a.index - b.index)
      .slice(0, TOP);
    const bias = biases ? biases[unit] : 0;
    const preActivation = sum + bias;
    const activation = spec.activation ?? "linear";
    if (activation === "softmax") {
      const logits = new Float32Array(units);
      const exact: number[] = [];
      for (let u = 0; u < units; u++) exact.push(u === unit ? preActivation : logitOf(u));
      logits.set(exact);
      const output = softmaxAt(exact, unit);
      return {
        type: "dense",
        inputs,
        weights,
        top,
        sum,
        bias,
        activation,
        preActivation,
        output,
        logits,
      };
    }
    const output = activateScalar(preActivation, activation);
    return { type: "dense", inputs, weights, top, sum, bias, activation, preActivation, output };
  },
};
