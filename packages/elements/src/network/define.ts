import { defineElement } from "../shared/define.js";
import { CsNetwork } from "./network.component.js";

export { CsNetwork };

defineElement("cs-network", CsNetwork);

declare global {
  interface HTMLElementTagNameMap {
    "cs-network": CsNetwork;
  }
}
