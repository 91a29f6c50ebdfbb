/** Styles of cs-trainer and cs-activation-race: panels, the form, the charts' classes. */
import { css } from "lit";

export const trainingStyles = css`
  :host {
    display: block;
    container-type: inline-size;
  }
  .base {
    display: grid;
    gap: 12px;
    padding: 12px;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  h2 {
    font-size: 1.1em;
    margin: 0;
  }
  p {
    margin: 0;
  }
  .muted,
  .backend {
    color: var(--_muted);
    font-size: 0.9em;
  }
  form {
    display: flex;
    flex-wrap: wrap;
    gap: 8px 12px;
    align-items: end;
  }
  label {
    display: grid;
    gap: 2px;
    font-size: 0.85em;
    color: var(--_muted);
  }
  input {
    width: 7.5em;
  }
  input,
  select {
    max-width: 100%;
    padding: 4px 6px;
    border: 1px solid var(--_border);
    border-radius: 4px;
    color: var(--_text);
    background: var(--_surface);
  }
  .buttons {
    display: flex;
    flex-wrap: wrap;
    gap: 6px;
  }
  button,
  a.download {
    padding: 5px 12px;
    border: 1px solid var(--_border);
    border-radius: 4px;
    background: var(--_surface);
    color: var(--_text);
    cursor: pointer;
    font-size: 0.9em;
    text-decoration: none;
  }
  button.primary {
    background: var(--_accent);
    border-color: var(--_accent);
    color: #fff;
  }
  button:disabled {
    opacity: 0.5;
    cursor: default;
  }
  progress {
    width: 100%;
    height: 10px;
  }
  .charts {
    display: grid;
    grid-template-columns: 1fr;
    gap: 12px;
  }
  @container (min-width: 720px) {
    .charts {
      grid-template-columns: 1fr 1fr;
    }
  }
  figure {
    margin: 0;
    display: grid;
    gap: 4px;
  }
  figcaption {
    font-size: 0.85em;
    color: var(--_muted);
  }
  svg {
    width: 100%;
    height: auto;
    display: block;
    overflow: visible;
  }
  .axis text,
  .axis-label,
  .threshold-label {
    font-size: 11px;
    fill: var(--_muted);
  }
  .curve {
    stroke-width: 1.8;
    fill: none;
  }
  .curve.train,
  .curve.relu {
    stroke: var(--_accent);
  }
  .curve.held-out,
  .curve.tanh {
    stroke: #c0532b;
  }
  .dot.train {
    fill: var(--_accent);
  }
  .dot.held-out {
    fill: #c0532b;
  }
  .curve.tanh {
    stroke-dasharray: 6 4;
  }
  .threshold {
    stroke: var(--_muted);
    stroke-dasharray: 2 3;
  }
  .legend {
    display: flex;
    gap: 12px;
    font-size: 0.85em;
    flex-wrap: wrap;
  }
  .swatch {
    display: inline-block;
    width: 18px;
    height: 0;
    border-top: 3px solid var(--_accent);
    vertical-align: middle;
    margin-inline-end: 4px;
  }
  .swatch.held-out,
  .swatch.tanh {
    border-top-color: #c0532b;
  }
  .swatch.tanh {
    border-top-style: dashed;
  }
  .maps {
    display: grid;
    gap: 8px;
  }
  .maps canvas {
    max-width: 100%;
    image-rendering: pixelated;
    border: 1px solid var(--_border);
    background: #808080;
  }
  svg.race {
    max-width: 760px;
  }
  table {
    justify-self: start;
    border-collapse: collapse;
    font-size: 0.9em;
  }
  th,
  td {
    border-bottom: 1px solid var(--_border);
    padding: 3px 10px 3px 0;
    text-align: start;
  }
  td.number {
    font-variant-numeric: tabular-nums;
    text-align: end;
  }
  .attribute-notes {
    margin: 0;
    padding: 0.4em 0.75em 0.4em 1.75em;
    border-radius: 6px;
    background: color-mix(in srgb, #d4a72c 12%, var(--_surface, Canvas));
    font-size: 0.875em;
    overflow-wrap: anywhere;
  }
`;
