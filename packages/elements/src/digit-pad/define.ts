import { defineElement } from "../shared/define.js";
import { CsDigitPad } from "./digit-pad.component.js";

export { CsDigitPad };

defineElement("cs-digit-pad", CsDigitPad);

declare global {
  interface HTMLElementTagNameMap {
    "cs-digit-pad": CsDigitPad;
  }
}
