import { defineElement } from "../shared/define.js";
import { CsTrainer } from "./trainer.component.js";

export { CsTrainer };

defineElement("cs-trainer", CsTrainer);

declare global {
  interface HTMLElementTagNameMap {
    "cs-trainer": CsTrainer;
  }
}
