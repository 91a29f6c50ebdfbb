import { defineElement } from "../shared/define.js";
import { CsPlayer } from "./player.component.js";

export { CsPlayer };

defineElement("cs-player", CsPlayer);

declare global {
  interface HTMLElementTagNameMap {
    "cs-player": CsPlayer;
  }
}
