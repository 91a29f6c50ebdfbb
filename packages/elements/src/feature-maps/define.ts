import { defineElement } from "../shared/define.js";
import { CsFeatureMaps } from "./feature-maps.component.js";

export { CsFeatureMaps };

defineElement("cs-feature-maps", CsFeatureMaps);

declare global {
  interface HTMLElementTagNameMap {
    "cs-feature-maps": CsFeatureMaps;
  }
}
