/**
 * The explorer's fixed pieces as template functions: the header (title, credit, status, the
 * untrained-weights notice), the error box, the conv1 kernel choice, the blocks' names and the
 * words for AlexNet's layer kinds. State comes in as arguments; clicks go out as callbacks.
 */
import { msg, str } from "@lit/localize";
import { html, nothing } from "lit";
import {
  AbortError,
  WeightsError,
  type BackendSelection,
  type WeightsLoadProgress,
} from "@convstep/engine";
import { backendChip, errorBox, type ErrorBoxActions } from "../shared/explorer/status.js";
import type { AlexnetPart } from "./layout.js";
import type { AlexnetVariant, LoadedAlexnet } from "./load-model.js";
import { progressView } from "./progress.js";

/** What went wrong, which decides the buttons offered. */
export type Failure =
  | { kind: "load"; error: unknown } // weights or engine: Retry, Use seeded weights
  | { kind: "context"; error: unknown } // lost WebGL context: Retry (on another backend)
  | { kind: "input"; error: unknown; from?: "run" | "photo" | "step" }; // Dismiss

/** What the header shows. */
export interface HeaderState {
  readonly variant: AlexnetVariant;
  readonly loading: boolean;
  readonly loaded: LoadedAlexnet | undefined;
  readonly selection: BackendSelection | undefined;
  /** Megabytes of the weights, for the notice. */
  readonly megabytes: number;
  /** Whether the untrained-weights notice is shown (seeded weights loaded or being drawn). */
  readonly seeded: boolean;
  /** A weights URL being fetched: how far it has come, and how to stop it. */
  readonly fetching?: FetchState;
}

/** A weights URL being fetched. */
export interface FetchState {
  readonly url: string;
  /** Undefined until the manifest has been read and checked. */
  readonly progress: WeightsLoadProgress | undefined;
  readonly cancel: () => void;
}

/** The progress bar of a weights URL: bytes and percent, and Cancel. */
function fetchProgress(fetching: FetchState) {
  const { progress } = fetching;
  const view = progress ? progressView(progress) : undefined;
  const label = msg("Trained weights arriving", { id: "alexnet-explorer.progress.label" });
  return html`<div part="progress" class="progress">
    ${
      progress
        ? html`<progress
            aria-label=${label}
            max=${progress.totalBytes}
            .value=${Math.min(progress.loadedBytes, progress.totalBytes)}
          ></progress>`
        : html`<progress aria-label=${label}></progress>`
    }
    <span class="progress-text"
      >${
        view
          ? msg(str`${view.loadedMb} of ${view.totalMb} MB · ${view.percent} %`, {
              id: "alexnet-explorer.progress",
            })
          : msg("Reading model.json…", { id: "alexnet-explorer.progress.manifest" })
      }</span
    >
    <button type="button" @click=${fetching.cancel}>
      ${msg("Cancel", { id: "alexnet-explorer.cancel" })}
    </button>
  </div>`;
}

function status(state: HeaderState) {
  const { loaded, selection: sel } = state;
  if (state.loading && !loaded && state.fetching) {
    return html`<p part="status" class="status" role="status">
        ${msg(str`Loading trained weights from ${state.fetching.url}…`, {
          id: "alexnet-explorer.loading-url",
        })}
      </p>
      ${fetchProgress(state.fetching)}`;
  }
  if (state.loading && !loaded) {
    return html`<p part="status" class="status" role="status">
      ${msg("Loading the model and drawing 61 million seeded weights…", {
        id: "alexnet-explorer.loading",
      })}
    </p>`;
  }
  const weights = !loaded
    ? nothing
    : loaded.kind === "trained"
      ? html`<span class="chip trained"
          >${msg("trained weights", { id: "alexnet-explorer.weights.trained" })}</span
        >`
      : html`<span class="chip seeded"
          >${msg("untrained (seeded) weights", { id: "alexnet-explorer.weights.seeded" })}</span
        >`;
  return html`<p part="status" class="status">
    ${sel ? backendView(sel) : nothing} ${weights}
    ${
      loaded?.conv1 === "bank"
        ? html`<span class="chip bank"
            >${msg("hand-built conv1", { id: "alexnet-explorer.weights.bank" })}</span
          >`
        : nothing
    }
  </p>`;
}

/** The backend chip and why the engine chose it. */
function backendView(selection: BackendSelection) {
  const backend = selection.backend;
  return backendChip(selection, {
    label: msg(str`Backend: ${backend}`, { id: "alexnet-explorer.backend" }),
    requested: msg("as the page asks", { id: "alexnet-explorer.backend.requested" }),
    details: msg("details", { id: "alexnet-explorer.details" }),
  });
}

function notice(state: HeaderState) {
  const { loaded, megabytes } = state;
  if (!state.seeded) return nothing;
  return html`<div part="notice" class="notice" role="note">
    <strong
      >${msg("Untrained weights: the shapes and the arithmetic are real, the features are not.", {
        id: "alexnet-explorer.notice",
      })}</strong
    >
    <span>
      ${msg(
        str`The trained weights (about ${megabytes} MB) do not ship with this page; these are drawn from a fixed seed. Pass weights="…/model.json" to load converted trained weights.`,
        { id: "alexnet-explorer.notice-detail" },
      )}
      ${
        loaded?.conv1 === "bank"
          ? msg(
              "conv1 uses a hand-built bank of edge and colour kernels (illustrative, not learned) so that its maps show edges you can recognise.",
              { id: "alexnet-explorer.notice-bank" },
            )
          : nothing
      }
    </span>
  </div>`;
}

/** Title, credit, status line and (for untrained weights) the notice. */
export function renderHeader(state: HeaderState) {
  const keras = state.variant === "keras";
  const torchvision = state.variant === "torchvision";
  const title = keras
    ? msg("AlexNet, Keras CIFAR-10 version", { id: "alexnet-explorer.title.keras" })
    : torchvision
      ? msg("AlexNet, torchvision version (Krizhevsky, 2014)", {
          id: "alexnet-explorer.title.torchvision",
        })
      : msg("AlexNet (Krizhevsky, Sutskever, Hinton, 2012)", { id: "alexnet-explorer.title.2012" });
  const credit = torchvision
    ? msg(
        "The AlexNet torchvision ships: A. Krizhevsky, “One weird trick for parallelizing convolutional neural networks”, 2014. One GPU: 224×224 input, 64-192-384-256-256 kernels, no groups, no LRN, 61,100,840 parameters.",
        { id: "alexnet-explorer.credit.torchvision" },
      )
    : keras
      ? msg(
          "The AlexNet of Keras tutorials: a 32×32 CIFAR-10 image resized to 224×224, 'same' padding, batch normalisation instead of LRN, no GPU groups, 10 classes: 58,324,746 parameters.",
          { id: "alexnet-explorer.credit.keras" },
        )
      : msg(
          "A. Krizhevsky, I. Sutskever, G. E. Hinton, “ImageNet Classification with Deep Convolutional Neural Networks”, NIPS 2012, in the layout of Caffe's bvlc_alexnet: 227×227 input, two GPU towers, 60,965,224 parameters.",
          { id: "alexnet-explorer.credit.2012" },
        );
  return html`<header part="header">
    <h2>${title}</h2>
    <p class="credit">${credit}</p>
    ${status(state)} ${notice(state)}
  </header>`;
}

/** What failed in a load, in a few words: cancelled, a weights file that does not fit, … */
function loadHeading(error: unknown): string {
  if (error instanceof AbortError)
    return msg("Loading was cancelled", { id: "alexnet-explorer.error.cancelled" });
  if (error instanceof WeightsError && error.tensor !== undefined) {
    const layer = error.tensor.split("/")[0];
    return msg(str`The weights do not fit this model (layer ${layer})`, {
      id: "alexnet-explorer.error.mismatch",
    });
  }
  if (error instanceof WeightsError)
    return msg("The weights could not be loaded", { id: "alexnet-explorer.error.weights" });
  return msg("The model could not be loaded", { id: "alexnet-explorer.error.load" });
}

/** The error box, in place: a heading, the message, and what can be done. */
export function renderFailure(f: Failure | undefined, actions: ErrorBoxActions) {
  if (!f) return nothing;
  const heading =
    f.kind === "input"
      ? msg("This input cannot be used", { id: "alexnet-explorer.error.input" })
      : f.kind === "context"
        ? msg("The graphics context was lost", { id: "alexnet-explorer.error.context" })
        : loadHeading(f.error);
  const words = {
    dismiss: msg("Dismiss", { id: "alexnet-explorer.dismiss" }),
    retry: msg("Retry", { id: "alexnet-explorer.retry" }),
    useSeeded: msg("Use seeded weights", { id: "alexnet-explorer.use-seeded" }),
  };
  // Seeded weights are offered for a failed weights URL only.
  const useSeeded = f.kind === "load" ? actions.useSeeded : undefined;
  return errorBox({ heading, error: f.error, dismissable: f.kind === "input" }, words, {
    ...actions,
    useSeeded,
  });
}

/** The choice of conv1's kernels (offered with seeded weights). */
export function renderConv1Choice(
  current: "seeded" | "bank",
  choose: (value: "seeded" | "bank") => void,
) {
  return html`<fieldset class="conv1-choice">
    <legend>${msg("conv1 kernels", { id: "alexnet-explorer.conv1" })}</legend>
    <label
      ><input
        type="radio"
        name="conv1"
        value="seeded"
        .checked=${current === "seeded"}
        @change=${() => choose("seeded")}
      />
      ${msg("Random (seeded)", { id: "alexnet-explorer.conv1.seeded" })}</label
    >
    <label
      ><input
        type="radio"
        name="conv1"
        value="bank"
        .checked=${current === "bank"}
        @change=${() => choose("bank")}
      />
      ${msg("Hand-built edges and colours (illustrative)", {
        id: "alexnet-explorer.conv1.bank",
      })}</label
    >
  </fieldset>`;
}

/** A block's name (its region's label). */
export function regionLabel(part: AlexnetPart): string {
  switch (part) {
    case "input":
      return msg("Input photo", { id: "alexnet-explorer.region.input" });
    case "sweep":
      return msg("conv1 sweep", { id: "alexnet-explorer.region.sweep" });
    case "network":
      return msg("Network", { id: "alexnet-explorer.region.network" });
    case "player":
      return msg("Player", { id: "alexnet-explorer.region.player" });
    case "idea":
      return msg("The idea of this step", { id: "alexnet-explorer.region.idea" });
    case "maps":
      return msg("Feature maps", { id: "alexnet-explorer.region.maps" });
    case "prediction":
      return msg("Prediction", { id: "alexnet-explorer.region.prediction" });
    case "math":
      return msg("Neuron arithmetic", { id: "alexnet-explorer.region.math" });
    case "summary":
      return msg("Model summary", { id: "alexnet-explorer.region.summary" });
  }
}

/**
 * AlexNet's layer kinds that the shared step sentence does not name, in words; other kinds pass
 * through (the sentence names convolutions, pooling, dense layers and flatten itself).
 */
export function kindWords(kind: string): string {
  switch (kind) {
    case "lrn":
      return msg("local response normalisation", { id: "alexnet-explorer.kind.lrn" });
    case "dropout":
      return msg("dropout", { id: "alexnet-explorer.kind.dropout" });
    case "batch-norm":
      return msg("batch normalisation", { id: "alexnet-explorer.kind.batch-norm" });
    case "resizing":
      return msg("resizing", { id: "alexnet-explorer.kind.resizing" });
    default:
      return kind;
  }
}
