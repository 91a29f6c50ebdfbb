import { css } from "lit";

export const convSweepStyles = css`
  :host {
    display: block;
    container-type: inline-size;
    --_highlight: var(--cs-conv-sweep-highlight, #f0a020);
    --_field: var(--cs-conv-sweep-field, #1f6fd1);
    --_veil: var(--cs-conv-sweep-veil, rgba(255, 255, 255, 0.5));
    --_halo: rgba(20, 24, 28, 0.7);
    --_empty: color-mix(in srgb, var(--_border) 40%, var(--_surface));
    font-size: 0.9rem;
    line-height: 1.4;
  }
  [part="base"] {
    display: grid;
    gap: 10px;
  }
  p {
    margin: 0;
  }
  .lede {
    color: var(--_text);
    max-width: 72ch;
  }
  .panes {
    display: grid;
    grid-template-columns: auto auto 210px;
    grid-template-rows: auto 1fr auto;
    grid-template-areas:
      "picture map side"
      "picture notes side"
      "transport transport side";
    gap: 14px 20px;
    align-items: start;
    justify-content: start;
  }
  .picture-pane {
    grid-area: picture;
  }
  .map-pane {
    grid-area: map;
  }
  .side {
    grid-area: side;
  }
  .transport {
    grid-area: transport;
  }
  .arithmetic {
    grid-area: notes;
    max-width: 300px;
  }
  .stacked .panes {
    grid-template-columns: minmax(0, 1fr);
    grid-template-rows: none;
    grid-template-areas: "picture" "map" "notes" "side" "transport";
  }
  .stacked .arithmetic {
    max-width: none;
  }
  figure {
    margin: 0;
    display: grid;
    gap: 6px;
    justify-items: start;
  }
  figcaption {
    font-size: 0.78rem;
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
    display: grid;
    gap: 2px;
  }
  canvas {
    display: block;
  }
  canvas[part="picture"] {
    border-radius: 3px;
    box-shadow: 0 0 0 1px color-mix(in srgb, var(--_text) 14%, transparent);
  }
  canvas[part="map"],
  canvas[part="bank"] {
    cursor: pointer;
    border-radius: 3px;
  }
  .field-note {
    color: var(--_field);
    font-weight: 600;
  }
  .side {
    display: grid;
    gap: 12px;
    align-content: start;
  }
  .product {
    display: flex;
    align-items: flex-start;
    gap: 6px;
  }
  .product figure {
    justify-items: center;
  }
  .op {
    align-self: center;
    margin-top: -16px;
    font-size: 1.4rem;
    font-weight: 700;
    color: var(--_muted);
  }
  canvas[part="patch"],
  canvas[part="kernel"] {
    border-radius: 3px;
    box-shadow: 0 0 0 1px color-mix(in srgb, var(--_text) 18%, transparent);
  }
  canvas[part="patch"] {
    outline: 2px solid var(--_highlight);
    outline-offset: 1px;
  }
  .kernel-text {
    display: grid;
    gap: 2px;
    font-size: 0.78rem;
    color: var(--_muted);
  }
  .kernel-text .sum {
    color: var(--_text);
    font-weight: 600;
    font-variant-numeric: tabular-nums;
  }
  .bank-figure,
  .column-figure {
    display: grid;
    gap: 4px;
  }
  .bank-label {
    font-size: 0.68rem;
    color: var(--_muted);
    text-transform: uppercase;
    letter-spacing: 0.04em;
  }
  .transport {
    display: flex;
    align-items: center;
    gap: 12px;
    flex-wrap: wrap;
  }
  .transport input[type="range"] {
    flex: 1 1 220px;
    accent-color: var(--_highlight);
  }
  .play {
    padding: 0.35em 1em;
    border-radius: 999px;
    border: 1px solid var(--_accent);
    background: var(--_accent);
    color: #fff;
    font-weight: 600;
    cursor: pointer;
  }
  .play[aria-pressed="true"] {
    background: var(--_surface);
    color: var(--_accent);
  }
  .count {
    font-size: 0.78rem;
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
    min-width: 9ch;
    text-align: right;
  }
  .arithmetic {
    display: grid;
    gap: 4px;
    font-size: 0.85rem;
  }
  .formula {
    font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace;
    font-size: 0.95em;
    padding: 0.05em 0.4em;
    border-radius: 4px;
    background: color-mix(in srgb, var(--_accent) 8%, transparent);
    margin-right: 0.35em;
  }
  .note,
  .puzzle {
    color: var(--_muted);
  }
  .puzzle strong {
    color: var(--_text);
  }
`;
