/**
 * The explorer's own pieces of view, as plain template functions of their data: the header (title,
 * credit, status line), the error box, and the blocks' region labels. The blocks themselves are
 * the other elements.
 */
import { msg, str } from "@lit/localize";
import { html, nothing, type TemplateResult } from "lit";
import type { BackendSelection } from "@convstep/engine";
import { backendChip, errorBox, type ErrorBoxActions } from "../shared/explorer/status.js";
import type { ExplorerPart } from "./layout.js";
import type { LenetVariant, LoadedLenet } from "./load-model.js";

/** What went wrong, which decides the buttons offered. */
export type Failure =
  /** Weights or engine: Retry, Use seeded weights. */
  | { readonly kind: "load"; readonly error: unknown }
  /** Lost WebGL context: Retry (on the cpu backend). */
  | { readonly kind: "context"; readonly error: unknown }
  /** An unusable digit: Dismiss (the last trace stays). */
  | { readonly kind: "input"; readonly error: unknown }
  /** A step or hash naming no neuron: Dismiss. */
  | { readonly kind: "step"; readonly error: unknown };

/** Title, credit and status line. */
export function headerView(
  variant: LenetVariant,
  loading: boolean,
  selection: BackendSelection | undefined,
  loaded: LoadedLenet | undefined,
): TemplateResult {
  const keras = variant === "keras";
  const title = keras
    ? msg("LeNet-5, Keras version", { id: "lenet-explorer.title.keras" })
    : msg("LeNet-5 (LeCun et al., 1998)", { id: "lenet-explorer.title.1998" });
  const credit = keras
    ? msg(
        "The LeNet-5 most Keras tutorials write: zero padding, tanh, average pooling, a fully connected C3 and a softmax output, after LeCun et al. (1998).",
        { id: "lenet-explorer.credit.keras" },
      )
    : msg(
        "Y. LeCun, L. Bottou, Y. Bengio, P. Haffner, “Gradient-Based Learning Applied to Document Recognition”, Proc. IEEE 86(11), 1998: C3 wired by Table I, Euclidean RBF outputs.",
        { id: "lenet-explorer.credit.1998" },
      );
  return html`<header part="header">
    <h2 part="title">${title}</h2>
    <p part="credit" class="credit">${credit}</p>
    ${
      loading && !loaded
        ? html`<p part="status" class="status" role="status">
            ${msg("Loading the model…", { id: "lenet-explorer.loading" })}
          </p>`
        : html`<p part="status" class="status">
            ${selection ? backendView(selection) : nothing}
            ${loaded ? weightsView(loaded) : nothing}
          </p>`
    }
  </header>`;
}

/** The backend chip and why the engine chose it. */
function backendView(selection: BackendSelection): TemplateResult {
  const backend = selection.backend;
  return backendChip(selection, {
    label: msg(str`Backend: ${backend}`, { id: "lenet-explorer.backend" }),
    requested: msg("as the page asks", { id: "lenet-explorer.backend.requested" }),
    details: msg("details", { id: "lenet-explorer.details" }),
  });
}

/** Trained or seeded weights, and why seeded ones stand in when the shipped ones failed. */
function weightsView(loaded: LoadedLenet): TemplateResult {
  if (loaded.kind === "trained") {
    return html`<span class="chip trained" title=${loaded.url ?? ""}
      >${msg("trained weights", { id: "lenet-explorer.weights.trained" })}</span
    >`;
  }
  const chip = html`<span class="chip seeded" title=${loaded.fallback ?? ""}
    >${msg("untrained (seeded) weights", { id: "lenet-explorer.weights.seeded" })}</span
  >`;
  if (!loaded.fallback) return chip;
  const note = msg("The trained weights could not be read, so the predictions are guesses.", {
    id: "lenet-explorer.weights.fallback",
  });
  return html`${chip}<span class="why">${note}</span>`;
}

/** The error box: what failed, the engine's message, and the ways out. */
export function failureView(failure: Failure | undefined, actions: ErrorBoxActions) {
  if (!failure) return nothing;
  const headings: Record<Failure["kind"], string> = {
    input: msg("This input cannot be used", { id: "lenet-explorer.error.input" }),
    step: msg("This step cannot be shown", { id: "lenet-explorer.error.step" }),
    context: msg("The graphics context was lost", { id: "lenet-explorer.error.context" }),
    load: msg("The model could not be loaded", { id: "lenet-explorer.error.load" }),
  };
  const box = {
    heading: headings[failure.kind],
    error: failure.error,
    dismissable: failure.kind === "input" || failure.kind === "step",
  };
  const words = {
    dismiss: msg("Dismiss", { id: "lenet-explorer.dismiss" }),
    retry: msg("Retry", { id: "lenet-explorer.retry" }),
    useSeeded: msg("Use seeded weights", { id: "lenet-explorer.use-seeded" }),
  };
  // Seeded weights are offered for a failed load, unless they are in use already.
  const useSeeded = failure.kind === "load" ? actions.useSeeded : undefined;
  return errorBox(box, words, { ...actions, useSeeded });
}

/** The accessible name of a block's region. */
export function regionLabel(part: ExplorerPart): string {
  switch (part) {
    case "pad":
      return msg("Input digit", { id: "lenet-explorer.region.pad" });
    case "network":
      return msg("Network", { id: "lenet-explorer.region.network" });
    case "player":
      return msg("Player", { id: "lenet-explorer.region.player" });
    case "maps":
      return msg("Feature maps", { id: "lenet-explorer.region.maps" });
    case "math":
      return msg("Neuron arithmetic", { id: "lenet-explorer.region.math" });
    case "prediction":
      return msg("Prediction", { id: "lenet-explorer.region.prediction" });
    case "table":
      return msg("Connection table (Table I)", { id: "lenet-explorer.region.table" });
    case "summary":
      return msg("Model summary", { id: "lenet-explorer.region.summary" });
  }
}
