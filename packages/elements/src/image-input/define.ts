import { defineElement } from "../shared/define.js";
import { CsImageInput } from "./image-input.component.js";

export { CsImageInput };

defineElement("cs-image-input", CsImageInput);

declare global {
  interface HTMLElementTagNameMap {
    "cs-image-input": CsImageInput;
  }
}
