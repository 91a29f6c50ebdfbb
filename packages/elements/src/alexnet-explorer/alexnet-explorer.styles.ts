import { css } from "lit";

export const alexnetExplorerStyles = css`
  :host {
    display: block;
    container-type: inline-size;
    --_gap: var(--cs-alexnet-explorer-gap, 16px);
    --_side: var(--cs-alexnet-explorer-side-width, 300px);
    --_panel: var(--cs-alexnet-explorer-panel-color, var(--_surface));
    --_notice: var(--cs-alexnet-explorer-notice-color, #9a6700);
    line-height: 1.4;
  }
  [part="base"] {
    display: grid;
    gap: var(--_gap);
  }
  header {
    display: grid;
    gap: 0.25em;
  }
  h2 {
    margin: 0;
    font-size: 1.35em;
    font-weight: 650;
    letter-spacing: -0.01em;
  }
  .credit {
    margin: 0;
    color: var(--_muted);
    font-size: 0.85em;
    max-width: 100ch;
  }
  .status {
    margin: 0.2em 0 0;
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0.35em 0.6em;
    font-size: 0.8em;
    color: var(--_muted);
  }
  .chip {
    display: inline-block;
    padding: 0.05em 0.6em;
    border-radius: 999px;
    border: 1px solid var(--_border);
    color: var(--_text);
    background: color-mix(in srgb, var(--_border) 25%, transparent);
    font-weight: 600;
    white-space: nowrap;
  }
  .chip.trained {
    border-color: color-mix(in srgb, #1a7f37 60%, transparent);
    background: color-mix(in srgb, #1a7f37 10%, transparent);
    color: #116329;
  }
  .chip.seeded,
  .chip.bank {
    border-color: color-mix(in srgb, #9a6700 60%, transparent);
    background: color-mix(in srgb, #d4a72c 16%, transparent);
    color: #7d4e00;
  }
  .notice {
    display: grid;
    gap: 0.2em;
    margin-top: 0.35em;
    padding: 0.55em 0.85em;
    border-left: 4px solid var(--_notice);
    border-radius: var(--_radius);
    background: color-mix(in srgb, var(--_notice) 9%, var(--_surface));
    font-size: 0.88em;
  }
  .notice strong {
    color: color-mix(in srgb, var(--_notice) 70%, var(--_text));
  }
  .notice span {
    color: var(--_text);
  }
  .failure {
    display: grid;
    gap: 0.35em;
    background: color-mix(in srgb, var(--_error) 6%, var(--_surface));
  }
  .failure p {
    margin: 0;
  }
  .failure-message {
    color: var(--_text);
    overflow-wrap: anywhere;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    margin-top: 0.25em;
  }
  .actions button {
    padding: 0.3em 0.9em;
    border-radius: var(--_radius);
    border: 1px solid var(--_border);
    background: var(--_surface);
    color: var(--_text);
    cursor: pointer;
  }
  .actions button:first-child {
    background: var(--_accent);
    border-color: var(--_accent);
    color: #fff;
  }
  .grid {
    display: grid;
    gap: var(--_gap);
    align-items: start;
    grid-template-columns: minmax(0, 1fr);
    grid-template-areas: var(--_areas-1);
  }
  .region {
    align-self: stretch;
    display: grid;
    /* One column that never grows past the region: wide blocks (the network) scroll inside. */
    grid-template-columns: minmax(0, 1fr);
    align-content: start;
    gap: 10px;
    min-width: 0;
    padding: 12px 14px 14px;
    background: var(--_panel);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) + 2px);
  }
  .region-title {
    margin: 0;
    font-size: 0.72rem;
    font-weight: 650;
    text-transform: uppercase;
    letter-spacing: 0.06em;
    color: var(--_muted);
  }
  .region.player {
    padding: 8px 12px;
  }
  .region.player .region-title {
    display: none;
  }
  .region.math {
    overflow-x: auto;
  }
  cs-neuron-math {
    --cs-neuron-math-font-size: 0.62rem;
  }
  cs-prediction {
    --cs-prediction-row-height: 1.3em;
  }
  /* The input block */
  .input-block {
    display: grid;
    gap: 12px;
  }
  cs-image-input {
    --cs-image-input-thumb-size: 34px;
  }
  cs-image-input::part(base) {
    padding: 0;
    border: 0;
    background: transparent;
  }
  cs-image-input::part(input) {
    width: 128px;
    height: 128px;
  }
  cs-conv-sweep + .conv1-choice {
    margin-top: 4px;
  }
  .placeholder {
    margin: 0;
    padding: 48px 0;
    text-align: center;
    color: var(--_muted);
    font-size: 0.9rem;
  }
  .conv1-choice {
    margin: 0;
    padding: 8px 12px;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 4px 20px;
    font-size: 0.82rem;
  }
  .conv1-choice legend {
    padding: 0 4px;
    font-weight: 600;
    font-size: 0.78rem;
  }
  .conv1-choice label {
    display: flex;
    gap: 6px;
    align-items: baseline;
    cursor: pointer;
  }
  /* The idea of the step */
  .idea {
    display: grid;
    gap: 8px;
    font-size: 0.86rem;
  }
  .idea h3 {
    margin: 0;
    font-size: 1rem;
  }
  .idea p {
    margin: 0;
  }
  .idea .formula {
    font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace;
    font-size: 0.8rem;
    padding: 6px 8px;
    border-radius: var(--_radius);
    background: color-mix(in srgb, var(--_accent) 6%, transparent);
    overflow-wrap: anywhere;
  }
  .bars {
    display: flex;
    align-items: flex-end;
    gap: 8px;
    height: 60px;
  }
  .bar-item {
    display: grid;
    justify-items: center;
    gap: 2px;
  }
  .bar {
    width: 18px;
    border-radius: 2px 2px 0 0;
    background: color-mix(in srgb, var(--_accent) 35%, transparent);
  }
  .bar-item.self .bar {
    background: var(--_accent);
  }
  .bar-label {
    font-size: 0.7rem;
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
  }
  .strip .cell {
    fill: color-mix(in srgb, var(--_border) 40%, var(--_surface));
    stroke: var(--_border);
  }
  .pool-grid {
    display: inline-grid;
    gap: 2px;
    justify-content: start;
    font-size: 0.75rem;
    font-variant-numeric: tabular-nums;
  }
  .pool-grid span {
    padding: 2px 6px;
    border-radius: 3px;
    background: color-mix(in srgb, var(--_border) 30%, transparent);
    text-align: right;
  }
  .pool-grid span.max {
    background: var(--_accent);
    color: #fff;
    font-weight: 650;
  }
  .dots {
    margin: 0;
    display: grid;
    gap: 4px;
  }
  .dots div {
    display: grid;
    grid-template-columns: repeat(16, 12px);
    gap: 4px;
  }
  .dot {
    width: 12px;
    height: 12px;
    border-radius: 50%;
    background: var(--_accent);
  }
  .dot.off {
    background: transparent;
    box-shadow: inset 0 0 0 1.5px var(--_muted);
    position: relative;
  }
  .dot.off::after {
    content: "";
    position: absolute;
    left: 5px;
    top: -1px;
    width: 1.5px;
    height: 14px;
    background: var(--_muted);
    transform: rotate(45deg);
  }
  .dots figcaption {
    font-size: 0.75rem;
    color: var(--_muted);
  }
  @container (min-width: 1000px) {
    .grid {
      grid-template-columns: var(--_side) minmax(0, 1fr);
      grid-template-areas: var(--_areas-2);
    }
  }
`;
