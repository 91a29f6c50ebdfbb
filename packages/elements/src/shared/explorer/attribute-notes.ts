/**
 * The explorer's note of refused attribute values, in place under its header: a reader who typed
 * `variant="kears"` sees why the paper's network is shown.
 */
import { html, nothing, type TemplateResult } from "lit";
import type { AttributeProblem } from "../attribute-guard.js";

/** One line per refused attribute value, or nothing. */
export function attributeNotes(
  problems: readonly AttributeProblem[],
): TemplateResult | typeof nothing {
  if (problems.length === 0) return nothing;
  return html`<ul part="attribute-notes" class="attribute-notes" role="status">
    ${problems.map((p) => html`<li>${p.message}</li>`)}
  </ul>`;
}
