import { defineElement } from "../shared/define.js";
import { CsModelSummary } from "./model-summary.component.js";

export { CsModelSummary };

defineElement("cs-model-summary", CsModelSummary);

declare global {
  interface HTMLElementTagNameMap {
    "cs-model-summary": CsModelSummary;
  }
}
