import { defineElement } from "../shared/define.js";
import { CsNeuronMath } from "./neuron-math.component.js";

export { CsNeuronMath };

defineElement("cs-neuron-math", CsNeuronMath);

declare global {
  interface HTMLElementTagNameMap {
    "cs-neuron-math": CsNeuronMath;
  }
}
