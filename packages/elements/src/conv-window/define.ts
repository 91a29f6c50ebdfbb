import { defineElement } from "../shared/define.js";
import { CsConvWindow } from "./conv-window.component.js";

export { CsConvWindow };

defineElement("cs-conv-window", CsConvWindow);

declare global {
  interface HTMLElementTagNameMap {
    "cs-conv-window": CsConvWindow;
  }
}
