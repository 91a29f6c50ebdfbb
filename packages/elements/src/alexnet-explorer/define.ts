import { defineElement } from "../shared/define.js";
import { CsAlexnetExplorer } from "./alexnet-explorer.component.js";
import { CsConvSweep } from "./conv-sweep.component.js";

export { CsAlexnetExplorer, CsConvSweep };

defineElement("cs-conv-sweep", CsConvSweep);
defineElement("cs-alexnet-explorer", CsAlexnetExplorer);

declare global {
  interface HTMLElementTagNameMap {
    "cs-alexnet-explorer": CsAlexnetExplorer;
    "cs-conv-sweep": CsConvSweep;
  }
}
