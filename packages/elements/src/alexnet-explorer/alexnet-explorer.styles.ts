/** The AlexNet explorer's own styles, after the explorers' shared sheet. */
import { css } from "lit";

export const alexnetExplorerStyles = css`
  :host {
    --_gap: var(--cs-alexnet-explorer-gap, 16px);
    --_side: var(--cs-alexnet-explorer-side-width, 300px);
    --_panel: var(--cs-alexnet-explorer-panel-color, var(--_surface));
    --_notice: var(--cs-alexnet-explorer-notice-color, #9a6700);
  }
  header {
    gap: 0.25em;
  }
  .credit {
    max-width: 100ch;
  }
  .status {
    margin: 0.2em 0 0;
  }
  /* A weights URL loading: the bar, "37.2 of 233.5 MB · 16 %", Cancel. */
  .progress {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.4em 0.75em;
    margin-top: 0.35em;
  }
  .progress progress {
    flex: 1 1 12em;
    max-width: 28em;
    height: 0.8em;
    accent-color: var(--_accent);
  }
  .progress-text {
    font-size: 0.85em;
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  .progress button {
    padding: 0.2em 0.8em;
    border-radius: var(--_radius);
    border: 1px solid var(--_border);
    background: var(--_surface);
    color: var(--_text);
    font: inherit;
    font-size: 0.85em;
    cursor: pointer;
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
  .region {
    gap: 10px;
    padding: 12px 14px 14px;
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
  cs-neuron-math {
    --cs-neuron-math-font-size: 0.62rem;
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
