/**
 * The pieces of an explorer's header that both explorers draw alike, as template functions: the
 * backend chip of the status line, and the error box with its ways out. Each explorer passes its
 * own words (under its own message ids), so that its translations stay its own.
 */
import { msg, str } from "@lit/localize";
import { html, nothing, type TemplateResult } from "lit";
import type { BackendSelection } from "@convstep/engine";

/** The message of an error, for people (the engine's errors say what was expected and what came). */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The words of the backend chip. */
export interface BackendWords {
  /** The chip (`Backend: webgl`). */
  readonly label: string;
  /** Said instead of the reason `requested`. */
  readonly requested: string;
  /** The disclosure's summary (`details`): the chip is detail for developers, folded away. */
  readonly details: string;
}

/**
 * The backend chip and why the engine chose it (`BackendSelection.reason`), folded into a small
 * "details" disclosure: readers need not see that WebGL renders in software.
 */
export function backendChip(selection: BackendSelection, words: BackendWords): TemplateResult {
  const reason = selection.reason.replace(/^\w+:\s*/, "");
  const why = reason === "requested" ? words.requested : reasonWords(reason);
  return html`<details part="details" class="details">
    <summary>${words.details}</summary>
    <span class="chip backend" title=${selection.reason}>${words.label}</span>
    <span class="why">${why}</span>
  </details>`;
}

/**
 * The engine's reasons (packages/engine/src/backend/backend.ts), in the reader's language; a
 * reason not known here is shown as the engine wrote it.
 */
export function reasonWords(reason: string): string {
  if (reason === "WebGL is not available here")
    return msg("WebGL is not available here", { id: "common.reason.no-webgl" });
  if (reason === "WebGL is available and its renderer is not reported; assuming a GPU")
    return msg("WebGL is available and its renderer is not reported; assuming a GPU", {
      id: "common.reason.unknown-renderer",
    });
  const software = /^WebGL renders in software \((.+)\), where wasm is ~30× faster$/.exec(reason);
  if (software) {
    const name = software[1];
    return msg(str`WebGL renders in software (${name}), where wasm is ~30× faster`, {
      id: "common.reason.software",
    });
  }
  const gpu = /^WebGL runs on a GPU \((.+)\)$/.exec(reason);
  if (gpu) {
    const name = gpu[1];
    return msg(str`WebGL runs on a GPU (${name})`, { id: "common.reason.gpu" });
  }
  return reason;
}

/** What the error box shows. */
export interface ErrorBox {
  /** What failed, in a few words. */
  readonly heading: string;
  /** The error, whose message is shown. */
  readonly error: unknown;
  /** Dismiss (the explorer goes on with what it has) instead of Retry (it cannot). */
  readonly dismissable: boolean;
}

/** The labels of the error box's buttons. */
export interface ErrorBoxWords {
  readonly dismiss: string;
  readonly retry: string;
  readonly useSeeded: string;
}

/** What the error box's buttons do. */
export interface ErrorBoxActions {
  readonly dismiss: () => void;
  readonly retry: () => void;
  /** Offered when present: run with untrained seeded weights instead. */
  readonly useSeeded?: () => void;
}

/** The error box, in place: a heading, the message, and the ways out. */
export function errorBox(
  box: ErrorBox,
  words: ErrorBoxWords,
  actions: ErrorBoxActions,
): TemplateResult {
  return html`<div part="error" class="error failure" role="alert">
    <p class="failure-heading"><strong>${box.heading}</strong></p>
    <p class="failure-message">${messageOf(box.error)}</p>
    <div class="actions">
      ${
        box.dismissable
          ? html`<button type="button" @click=${actions.dismiss}>${words.dismiss}</button>`
          : html`<button type="button" @click=${actions.retry}>${words.retry}</button>`
      }
      ${
        actions.useSeeded
          ? html`<button type="button" @click=${actions.useSeeded}>${words.useSeeded}</button>`
          : nothing
      }
    </div>
  </div>`;
}
