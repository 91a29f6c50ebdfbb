/**
 * Pieces of cs-conv-window's template: the sliders, the transport, the legend and the padding
 * note. Plain functions of the state and the handlers they call.
 */
import { msg, str } from "@lit/localize";
import { html, nothing, type TemplateResult } from "lit";
import { icons } from "../player/icons.js";
import { LIMITS, type ConvArithmetic } from "./arithmetic.js";

/** A setting with a slider. */
export type Setting = keyof typeof LIMITS;

/** What the controls call. */
export interface ControlHandlers {
  setting(name: Setting, value: number): void;
  same(on: boolean): void;
}

function slider(
  a: ConvArithmetic,
  name: Setting,
  label: string,
  on: ControlHandlers,
): TemplateResult {
  const [min, max] = LIMITS[name];
  const value = String(a[name]);
  const disabled = name === "p" && a.padding !== "explicit";
  const read = (e: Event) => on.setting(name, Number((e.target as HTMLInputElement).value));
  const shown = a.before === a.after ? String(a.before) : `${a.before} + ${a.after}`;
  return html`<div class="field ${disabled ? "disabled" : ""}">
    <label for="range-${name}"><var>${name}</var> ${label}</label>
    <input
      id="range-${name}"
      type="range"
      min=${min}
      max=${max}
      step="1"
      .value=${value}
      ?disabled=${disabled}
      @input=${read}
    />
    ${
      disabled
        ? html`<output for="range-${name}" class="value">${shown}</output>`
        : html`<input
            class="value"
            type="number"
            min=${min}
            max=${max}
            step="1"
            .value=${value}
            aria-label=${label}
            @change=${read}
          />`
    }
  </div>`;
}

/** The five sliders (each with a number box) and the 'same' checkbox. */
export function renderControls(a: ConvArithmetic, on: ControlHandlers): TemplateResult {
  return html`<div class="controls" part="controls">
    ${slider(a, "n", msg("input size", { id: "conv-window.n" }), on)}
    ${slider(a, "k", msg("kernel", { id: "conv-window.k" }), on)}
    ${slider(a, "s", msg("stride", { id: "conv-window.s" }), on)}
    ${slider(a, "p", msg("padding", { id: "conv-window.p" }), on)}
    ${slider(a, "d", msg("dilation", { id: "conv-window.d" }), on)}
    <label class="same">
      <input
        type="checkbox"
        .checked=${a.padding === "same"}
        @change=${(e: Event) => on.same((e.target as HTMLInputElement).checked)}
      />
      ${msg("TensorFlow 'same' padding", { id: "conv-window.same" })}
    </label>
  </div>`;
}

/** What the transport shows. */
export interface TransportState {
  readonly cells: number;
  readonly step: number;
  readonly cursor: { readonly y: number; readonly x: number } | undefined;
  readonly playing: boolean;
}

/** What the transport calls. */
export interface TransportHandlers {
  go(index: number): void;
  /** Moves by `delta` cells from wherever the cursor is when clicked. */
  by(delta: number): void;
  toggle(): void;
}

/** First, previous, play/pause, next, last, the scrubber and the readout. */
export function renderTransport(t: TransportState, on: TransportHandlers): TemplateResult {
  const { cells, step, cursor: c } = t;
  const disabled = cells === 0;
  const atStart = disabled || step === 0;
  const atEnd = disabled || step >= cells - 1;
  const button = (cls: string, label: string, icon: unknown, off: boolean, go: () => void) =>
    html`<button
      type="button"
      class=${cls}
      aria-label=${label}
      title=${label}
      ?disabled=${off}
      @click=${go}
    >
      ${icon}
    </button>`;
  const playLabel = t.playing
    ? msg("Pause", { id: "conv-window.pause" })
    : msg("Play", { id: "conv-window.play" });
  return html`<div class="transport" part="transport">
    ${button("first", msg("First cell", { id: "conv-window.first" }), icons.first, atStart, () =>
      on.go(0),
    )}
    ${button("prev", msg("Previous cell", { id: "conv-window.prev" }), icons.prev, atStart, () =>
      on.by(-1),
    )}
    ${button("play", playLabel, t.playing ? icons.pause : icons.play, disabled, () => on.toggle())}
    ${button("next", msg("Next cell", { id: "conv-window.next" }), icons.next, atEnd, () =>
      on.by(1),
    )}
    ${button("last", msg("Last cell", { id: "conv-window.last" }), icons.last, atEnd, () =>
      on.go(cells - 1),
    )}
    <input
      class="scrub"
      type="range"
      min="0"
      max=${Math.max(0, cells - 1)}
      step="1"
      .value=${String(step)}
      ?disabled=${disabled}
      aria-label=${msg("Output cell", { id: "conv-window.scrub" })}
      aria-valuetext=${c ? `(${c.y}, ${c.x})` : ""}
      @input=${(e: Event) => on.go(Number((e.target as HTMLInputElement).value))}
    />
    <span class="readout">
      ${
        c
          ? msg(str`cell (${c.y}, ${c.x}) · ${step + 1} of ${cells}`, { id: "conv-window.readout" })
          : msg("no output", { id: "conv-window.readout-empty" })
      }
    </span>
  </div>`;
}

/** "padded by 2 on each side" or "padded 3 top and left, 4 bottom and right". */
export function renderPaddingNote(a: ConvArithmetic): TemplateResult | typeof nothing {
  const { before, after } = a;
  if (before + after === 0) return nothing;
  return html`<p class="pad-note">
    ${
      before === after
        ? msg(str`padded by ${before} on each side`, { id: "conv-window.padded" })
        : msg(str`padded ${before} top and left, ${after} bottom and right`, {
            id: "conv-window.padded-uneven",
          })
    }
  </p>`;
}

/** What the marks on the input mean (only those present). */
export function renderLegend(a: ConvArithmetic): TemplateResult {
  const item = (cls: string, text: string) =>
    html`<li><span class="swatch ${cls}" aria-hidden="true"></span>${text}</li>`;
  const k = a.kEff;
  const taps = a.k;
  const d = a.d;
  const window =
    d > 1
      ? msg(
          str`the ${k} × ${k} window (${taps} × ${taps} taps, dilation ${d}) and its output cell`,
          {
            id: "conv-window.legend-window-dilated",
          },
        )
      : msg(str`the ${k} × ${k} window and its output cell`, { id: "conv-window.legend-window" });
  const tooLarge = msg(str`the ${k} × ${k} window, larger than the padded input`, {
    id: "conv-window.legend-too-large",
  });
  return html`<ul class="legend">
    ${a.empty ? item("ghost", tooLarge) : item("window", window)}
    ${
      a.before + a.after > 0
        ? item("padding", msg("zero padding", { id: "conv-window.legend-padding" }))
        : nothing
    }
    ${
      a.unread.length > 0 && !a.empty
        ? item("unread", msg("never read", { id: "conv-window.legend-unread" }))
        : nothing
    }
    ${
      !a.empty && !a.exactFit
        ? item(
            "ghost",
            msg("one more window, which would not fit", { id: "conv-window.legend-ghost" }),
          )
        : nothing
    }
  </ul>`;
}
