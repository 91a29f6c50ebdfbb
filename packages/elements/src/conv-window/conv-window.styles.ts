import { css } from "lit";

export const convWindowStyles = css`
  :host {
    display: block;
    container-type: inline-size;
    --_highlight: var(--cs-conv-window-highlight, #f59e0b);
    --_padding: var(
      --cs-conv-window-padding,
      color-mix(in srgb, var(--_border) 55%, var(--_surface))
    );
    --_padding-line: color-mix(in srgb, var(--_padding) 45%, #6e7781);
    --_unread: var(--cs-conv-window-unread, rgba(207, 34, 46, 0.55));
    --_halo: #1f2328;
    --_grid: rgba(255, 255, 255, 0.28);
    --_empty: color-mix(in srgb, var(--_border) 35%, var(--_surface));
  }
  [part="base"] {
    display: grid;
    gap: 16px;
    padding: 18px 20px;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    font-size: 14px;
    line-height: 1.45;
  }

  /* Presets */
  .presets {
    display: flex;
    flex-wrap: wrap;
    gap: 6px;
  }
  [part="preset"] {
    padding: 4px 12px;
    border: 1px solid var(--_border);
    border-radius: 999px;
    background: var(--_surface);
    color: var(--_text);
    font-size: 13px;
    cursor: pointer;
  }
  [part="preset"]:hover {
    border-color: var(--_accent);
  }
  [part="preset"][aria-pressed="true"] {
    background: var(--_accent);
    border-color: var(--_accent);
    color: #fff;
  }

  /* Controls */
  .controls {
    display: grid;
    grid-template-columns: repeat(5, minmax(0, 1fr));
    gap: 10px 18px;
  }
  .field {
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto;
    grid-template-areas: "label label" "range value";
    align-items: center;
    gap: 2px 6px;
  }
  .field label {
    grid-area: label;
    font-size: 12px;
    color: var(--_muted);
    white-space: nowrap;
  }
  var {
    font-family: "STIX Two Math", "Cambria Math", "Latin Modern Math", Georgia, serif;
    font-size: 15px;
    font-weight: 600;
    color: var(--_text);
    margin-right: 2px;
  }
  .field input[type="range"] {
    grid-area: range;
    width: 100%;
    min-width: 0;
    margin: 0;
    accent-color: var(--_accent);
  }
  .field .value {
    grid-area: value;
    width: 4.2em;
    padding: 1px 2px 1px 4px;
    border: 1px solid var(--_border);
    border-radius: 4px;
    background: var(--_surface);
    color: var(--_text);
    font-size: 13px;
    font-variant-numeric: tabular-nums;
    text-align: right;
  }
  .field output.value {
    border-color: transparent;
    color: var(--_muted);
  }
  .field.disabled label {
    opacity: 0.7;
  }
  .same {
    grid-column: 1 / -1;
    display: flex;
    align-items: center;
    gap: 6px;
    font-size: 13px;
    color: var(--_muted);
  }
  .same input {
    margin: 0;
    accent-color: var(--_accent);
  }

  /* Stage */
  .stage {
    display: grid;
    grid-template-columns: minmax(0, var(--_input)) auto minmax(0, var(--_output)) 1fr;
    align-items: start;
    justify-items: start;
    gap: 8px 18px;
  }
  figure {
    margin: 0;
    display: grid;
    gap: 6px;
    width: 100%;
  }
  figcaption {
    display: flex;
    align-items: baseline;
    gap: 8px;
    font-size: 12px;
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  figcaption strong {
    color: var(--_text);
    font-size: 13px;
  }
  canvas[part="input"] {
    width: 100%;
    max-width: var(--_input);
    height: auto;
    aspect-ratio: 1;
  }
  canvas[part="output"] {
    width: 100%;
    max-width: var(--_output);
    height: auto;
    aspect-ratio: 1;
    border-radius: 2px;
    cursor: crosshair;
    touch-action: none;
  }
  .arrow {
    align-self: center;
    font-size: 22px;
    color: var(--_muted);
  }
  .empty-output {
    margin: 0;
    display: grid;
    place-items: center;
    width: 120px;
    height: 120px;
    border: 1px dashed var(--_error);
    border-radius: 4px;
    color: var(--_error);
    font-size: 13px;
  }

  .pad-note {
    margin: 0;
    font-size: 12px;
    color: var(--_muted);
  }
  .legend {
    display: flex;
    flex-wrap: wrap;
    gap: 4px 18px;
    margin: -6px 0 0;
    padding: 0;
    list-style: none;
    font-size: 12px;
    color: var(--_muted);
  }
  .legend li {
    display: flex;
    align-items: center;
    gap: 6px;
  }
  .swatch {
    width: 14px;
    height: 14px;
    border-radius: 2px;
  }
  .swatch.window {
    border: 2px solid var(--_highlight);
    box-shadow: 0 0 0 1px var(--_halo);
    background: color-mix(in srgb, var(--_highlight) 18%, transparent);
  }
  .swatch.padding {
    background: repeating-linear-gradient(
      -45deg,
      var(--_padding-line) 0 1px,
      var(--_padding) 1px 5px
    );
    box-shadow: inset 0 0 0 1px var(--_padding-line);
  }
  .swatch.unread {
    background: var(--_unread);
  }
  .swatch.ghost {
    border: 1.5px dashed var(--_error);
  }

  /* Transport */
  .transport {
    display: flex;
    align-items: center;
    gap: 2px;
  }
  .transport button {
    display: grid;
    place-items: center;
    width: 34px;
    height: 34px;
    padding: 0;
    border: 0;
    border-radius: 8px;
    background: transparent;
    color: var(--_text);
    cursor: pointer;
  }
  .transport button:hover:not(:disabled) {
    background: color-mix(in srgb, var(--_accent) 10%, transparent);
  }
  .transport button:disabled {
    color: color-mix(in srgb, var(--_muted) 45%, transparent);
    cursor: default;
  }
  .transport button.play {
    margin: 0 4px;
    border-radius: 50%;
    background: var(--_accent);
    color: #fff;
  }
  .transport button.play:hover:not(:disabled) {
    background: color-mix(in srgb, var(--_accent) 85%, #000);
  }
  .transport button.play:disabled {
    background: color-mix(in srgb, var(--_muted) 30%, transparent);
  }
  .scrub {
    flex: 1;
    min-width: 80px;
    margin: 0 10px;
    accent-color: var(--_highlight);
  }
  .readout {
    min-width: 12.5em;
    color: var(--_muted);
    font-size: 13px;
    font-variant-numeric: tabular-nums;
    text-align: right;
    white-space: nowrap;
  }

  /* Formula and explanation */
  .formula {
    padding: 10px 14px;
    border-radius: 6px;
    --_scroll-bg: color-mix(in srgb, var(--_accent) 5%, var(--_surface));
    font-size: 18px;
  }
  .formula math {
    margin: 0;
    font-family:
      math, "STIX Two Math", "Cambria Math", "Latin Modern Math", "DejaVu Math TeX Gyre", serif;
  }
  .formula .result {
    color: var(--_accent);
    font-weight: 700;
  }
  .explanation {
    padding: 6px 12px;
    border-left: 3px solid var(--_ok);
    border-radius: 0 6px 6px 0;
    background: color-mix(in srgb, var(--_ok) 6%, var(--_surface));
  }
  .explanation.warn {
    border-color: var(--_warn);
    background: color-mix(in srgb, var(--_warn) 10%, var(--_surface));
  }
  .explanation.error {
    border-color: var(--_error);
    background: color-mix(in srgb, var(--_error) 7%, var(--_surface));
  }
  .explanation p {
    margin: 0.2em 0;
  }
  .credit {
    margin: 0;
    font-size: 12px;
    color: var(--_muted);
  }

  @container (max-width: 720px) {
    .controls {
      grid-template-columns: repeat(3, minmax(0, 1fr));
    }
  }
  @container (max-width: 560px) {
    [part="base"] {
      padding: 12px;
    }
    .controls {
      grid-template-columns: repeat(2, minmax(0, 1fr));
    }
    .stage {
      grid-template-columns: 1fr;
    }
    .arrow {
      display: none;
    }
    .readout {
      display: none;
    }
  }
`;
