import { defineElement } from "../shared/define.js";
import { CsActivationRace } from "./activation-race.component.js";

export { CsActivationRace };

defineElement("cs-activation-race", CsActivationRace);

declare global {
  interface HTMLElementTagNameMap {
    "cs-activation-race": CsActivationRace;
  }
}
