/**
 * The explorers' toolbar: the full-screen (present) button, the presenter-layout switch and the
 * export menu (network SVG, arithmetic SVG, feature maps PNG). A plain template function.
 */
import { msg } from "@lit/localize";
import { html, nothing, type TemplateResult } from "lit";
import type { FigureKind } from "./figures.js";

/** What the toolbar shows and does. */
export interface ToolbarState {
  readonly fullscreen: boolean;
  readonly fullscreenAvailable: boolean;
  readonly presenter: boolean;
  readonly toggleFullscreen: () => void;
  readonly togglePresenter: () => void;
  readonly exportFigure: (what: FigureKind) => void;
}

function figureLabel(what: FigureKind): string {
  switch (what) {
    case "network":
      return msg("Network (SVG)", { id: "export.menu-network" });
    case "arithmetic":
      return msg("Neuron arithmetic (SVG)", { id: "export.menu-arithmetic" });
    case "maps":
      return msg("Feature maps (PNG, 2×)", { id: "export.menu-maps" });
  }
}

/** The toolbar. */
export function toolbarView(s: ToolbarState): TemplateResult {
  const pick = (what: FigureKind) => (e: Event) => {
    (e.currentTarget as HTMLElement).closest("details")?.removeAttribute("open");
    s.exportFigure(what);
  };
  return html`<div class="toolbar" part="toolbar">
    ${
      s.fullscreenAvailable
        ? html`<button
            type="button"
            class="fullscreen"
            part="fullscreen-button"
            aria-pressed=${s.fullscreen ? "true" : "false"}
            @click=${s.toggleFullscreen}
          >
            ${
              s.fullscreen
                ? msg("Leave full screen", { id: "presenter.leave" })
                : msg("Present (full screen)", { id: "presenter.enter" })
            }
          </button>`
        : nothing
    }
    <button
      type="button"
      class="presenter"
      part="presenter-button"
      aria-pressed=${s.presenter ? "true" : "false"}
      @click=${s.togglePresenter}
    >
      ${msg("Presenter layout", { id: "presenter.layout" })}
    </button>
    <details class="export" part="export">
      <summary>${msg("Export", { id: "export.menu" })}</summary>
      <div
        class="export-menu"
        role="group"
        aria-label=${msg("Export a figure", { id: "export.menu-label" })}
      >
        ${(["network", "arithmetic", "maps"] as const).map(
          (what) =>
            html`<button type="button" data-figure=${what} @click=${pick(what)}>
              ${figureLabel(what)}
            </button>`,
        )}
      </div>
    </details>
  </div>`;
}
