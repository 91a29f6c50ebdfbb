import { defineElement } from "../shared/define.js";
import { CsPrediction } from "./prediction.component.js";

export { CsPrediction };

defineElement("cs-prediction", CsPrediction);

declare global {
  interface HTMLElementTagNameMap {
    "cs-prediction": CsPrediction;
  }
}
