/**
 * A standalone activation layer (Keras' `Activation`): relu, tanh, LeCun's scaled tanh, sigmoid,
 * linear, or softmax over the last axis (the channels of a map, the units of a vector).
 */
import { SpecError } from "../errors.js";
import type { ActivationSpec } from "../spec/types.js";
import { activate, activateScalar, activationFormula, isActivation } from "./activations.js";
import type { ElementwiseExplanation, InputCell, LayerImpl } from "./layer.js";
import { asMap, checkMapOrVector, sameShape } from "./map-shape.js";
import { checkNeuron } from "./neuron-index.js";
import { noParams, zeroCounts } from "./weightless.js";
import { pointWindow } from "./window2d.js";

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
    checkMapOrVector(spec.name, inputShape);
  },

  outputShape: sameShape,
  params: noParams,
  counts: zeroCounts,

  forward(spec, x) {
    return activate(x, spec.activation);
  },

  window: pointWindow,

  explain(spec, ctx, at): ElementwiseExplanation {
    const [h, w, c] = asMap(ctx.inputShape);
    checkNeuron(spec.name, at, [h, w, c], ctx.inputShape);
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
