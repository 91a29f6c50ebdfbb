import { defineElement } from "../shared/define.js";
import { CsConnectionTable } from "./connection-table.component.js";

export { CsConnectionTable };

defineElement("cs-connection-table", CsConnectionTable);

declare global {
  interface HTMLElementTagNameMap {
    "cs-connection-table": CsConnectionTable;
  }
}
