// The blocks the explorer is made of register first (the component module itself has no side
// effects, so that importing the class from the package's index registers nothing).
import "../connection-table/define.js";
import "../digit-pad/define.js";
import "../feature-maps/define.js";
import "../model-summary/define.js";
import "../network/define.js";
import "../neuron-math/define.js";
import "../player/define.js";
import "../prediction/define.js";
import { defineElement } from "../shared/define.js";
import { CsLenetExplorer } from "./lenet-explorer.component.js";

export { CsLenetExplorer };

defineElement("cs-lenet-explorer", CsLenetExplorer);

declare global {
  interface HTMLElementTagNameMap {
    "cs-lenet-explorer": CsLenetExplorer;
  }
}
