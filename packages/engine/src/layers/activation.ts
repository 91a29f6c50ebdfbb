/**
 * A standalone activation layer (Keras' `Activation`): relu, tanh, LeCun's scaled tanh, sigmoid,
 * linear, or softmax over the last axis (the channels of a map, the units of a vector).
 */
import { InputError, SpecError, formatShape } from "../errors.js";
import type { ActivationSpec, Shape } from "../spec/types.js";
import { activate, activateScalar, activationFormula, isActivation } from "./activations.js";
import type { ElementwiseExplanation, InputCell, LayerImpl, NeuronIndex, Window } from "./layer.js";

/** `[h, w, c]` of a feature map, or `[1, 1, n]` for a vector. */
function asMap(shape: Shape): [number, number, number] {
  return shape.length === 3 ? [shape[0], shape[1], shape[2]] : [1, 1, shape[0]];
}

function checkNeuron(shape: Shape, at: NeuronIndex, layer: string): void {
  const [h, w, c] = asMap(shape);
  const valid = [at.channel, at.y, at.x].every(Number.isInteger);
  if (
    !valid ||
    at.channel < 0 ||
    at.channel >= c ||
    at.y < 0 ||
    at.y >= h ||
    at.x < 0 ||
    at.x >= w
  ) {
    throw new InputError(
      `layer "${layer}": neuron (channel ${at.channel}, y ${at.y}, x ${at.x}) lies outside the output ${formatShape(shape)}`,
    );
  }
}

/** Activation: applies `spec.activation` element-wise (softmax: over the last axis). */
export const activation: LayerImpl<ActivationSpec> = {
  kind: "activation",

  validate(spec, inputShape) {
    if (!isActivation(spec.activation)) {
      throw new SpecError(
        `expected linear, relu, tanh, scaled-tanh, sigmoid or softmax, got ${JSON.stringify(spec.activation)}`,
        { layer: spec.name, attribute: "activation" },
      );
    }
    if (inputShape.length !== 3 && inputShape.length !== 1) {
      throw new SpecError(
        `expects a feature map [height, width, channels] or a vector [units] as input, got shape ${formatShape(inputShape)}`,
        { layer: spec.name },
      );
    }
  },

  outputShape(_spec, inputShape) {
    return [...inputShape];
  },

  params() {
    return [];
  },

  counts() {
    return { trainable: 0, nonTrainable: 0, connections: 0, macs: 0 };
  },

  forward(spec, x) {
    return activate(x, spec.activation);
  },

  window(_spec, _inputShape, y, x): Window {
    return { y0: y, x0: x, y1: y + 1, x1: x + 1 };
  },

  explain(spec, ctx, at): ElementwiseExplanation {
    checkNeuron(ctx.inputShape, at, spec.name);
    const [, w, c] = asMap(ctx.inputShape);
    const base = (at.y * w + at.x) * c;
    const cell = (channel: number): InputCell => ({
      channel,
      y: at.y,
      x: at.x,
      value: ctx.input.data[base + channel],
      padded: false,
    });
    const formula = activationFormula(spec.activation);
    if (spec.activation !== "softmax") {
      const input = cell(at.channel);
      return {
        type: "elementwise",
        inputs: [input],
        formula,
        terms: { a: input.value },
        output: activateScalar(input.value, spec.activation),
      };
    }
    // Softmax reads every channel at this position; computed stably (max subtracted).
    const inputs = Array.from({ length: c }, (_, ch) => cell(ch));
    const max = inputs.reduce((m, i) => Math.max(m, i.value), -Infinity);
    const denominator = inputs.reduce((s, i) => s + Math.exp(i.value - max), 0);
    const numerator = Math.exp(inputs[at.channel].value - max);
    return {
      type: "elementwise",
      inputs,
      formula,
      terms: {
        a: inputs[at.channel].value,
        max,
        "e^(a_i − max)": numerator,
        "Σ_j e^(a_j − max)": denominator,
      },
      output: numerator / denominator,
    };
  },
};
