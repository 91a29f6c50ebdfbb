/** The localized words of exported figures (captions, arithmetic labels, export menu). */
import { msg, str } from "@lit/localize";
import type { NeuronExplanation } from "@convstep/engine";
import type { ArithmeticLabels } from "../draw/svg/arithmetic-svg.js";
import type { CaptionParts } from "../draw/svg/caption.js";
import { activationName } from "../neuron-math/sections.js";

/** The caption's words. */
export function captionWords(): NonNullable<CaptionParts["words"]> {
  return {
    layer: msg("layer", { id: "export.caption-layer" }),
    map: msg("map", { id: "export.caption-map" }),
    at: msg("at", { id: "export.caption-at" }),
  };
}

/** The arithmetic figure's words. */
export function arithmeticLabels(): ArithmeticLabels {
  return {
    where: (n: NeuronExplanation) => {
      const { channel, y, x } = n.position;
      const vector = n.explanation.type === "dense" || n.explanation.type === "rbf";
      return vector
        ? msg(str`${n.layer} unit ${channel}`, { id: "neuron-math.where-unit" })
        : msg(str`${n.layer} map ${channel} at (${y}, ${x})`, { id: "neuron-math.where-map" });
    },
    inputMap: (layer, channel) =>
      layer
        ? msg(str`${layer} map ${channel}`, { id: "export.input-map" })
        : msg(str`channel ${channel}`, { id: "export.input-channel" }),
    patch: msg("input patch", { id: "export.patch" }),
    kernel: msg("kernel", { id: "export.kernel" }),
    products: msg("products", { id: "export.products" }),
    window: msg("window", { id: "export.window" }),
    sum: msg("Σ products", { id: "export.sum" }),
    bias: msg("bias", { id: "export.bias" }),
    preActivation: msg("pre-activation", { id: "export.pre-activation" }),
    output: msg("output", { id: "export.output" }),
    more: (count, sum) =>
      msg(str`… and ${count} more input maps, Σ = ${sum}`, { id: "export.more" }),
    terms: msg("largest terms: input × weight = product", { id: "export.terms" }),
    activation: (name) => activationName(name as Parameters<typeof activationName>[0]),
  };
}
