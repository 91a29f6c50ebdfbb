/**
 * What the explorers' stories share: the controls that mean the same in every explorer, and the
 * page an explorer sits on (as wide as a blog's main column at most).
 */
import { html, type TemplateResult } from "lit";

/** Controls of the attributes every explorer has, with the same values and meaning. */
export const explorerArgTypes = {
  backend: {
    control: "inline-radio",
    options: ["auto", "webgl", "wasm", "cpu"],
    description:
      "The first explorer on a page decides (one engine per page): reload after a change.",
  },
  granularity: { control: "inline-radio", options: ["", "layer", "channel", "neuron"] },
  speed: { control: "select", options: [0.25, 0.5, 1, 2, 4, 8] },
  lang: { control: "inline-radio", options: ["en", "ko"] },
  syncUrl: { control: "boolean", name: "sync-url" },
} as const;

/** An explorer on its page. */
export function explorerPage(explorer: TemplateResult): TemplateResult {
  return html`<div style="padding: 24px; max-width: 1280px; margin: 0 auto; box-sizing: border-box">
    ${explorer}
  </div>`;
}
