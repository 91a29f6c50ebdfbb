import { css } from "lit";

export const lenetExplorerStyles = css`
  :host {
    display: block;
    container-type: inline-size;
    --_gap: var(--cs-lenet-explorer-gap, 16px);
    --_side: var(--cs-lenet-explorer-side-width, 360px);
    --_panel: var(--cs-lenet-explorer-panel-color, var(--_surface));
    line-height: 1.4;
  }
  [part="base"] {
    display: grid;
    gap: var(--_gap);
  }
  header {
    display: grid;
    gap: 0.2em;
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
  }
  .status {
    margin: 0.25em 0 0;
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
  .chip.seeded {
    border-color: color-mix(in srgb, #9a6700 60%, transparent);
    background: color-mix(in srgb, #d4a72c 16%, transparent);
    color: #7d4e00;
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
  /* Every block fills the rows its neighbours' stack makes: the panels line up. */
  .region {
    align-self: stretch;
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    align-content: start;
    min-width: 0;
    padding: 12px 14px;
    background: var(--_panel);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) + 2px);
  }
  .region.network {
    align-content: center;
  }
  /* The player is a framed bar already: it fills its cell instead of sitting in a panel. */
  .region.player {
    padding: 0;
    border: 0;
    background: none;
    align-content: stretch;
  }
  cs-player::part(base) {
    height: 100%;
    border-radius: calc(var(--_radius) + 2px);
    background: var(--_panel);
    padding: 8px 16px 8px 10px;
  }
  cs-digit-pad {
    --cs-digit-pad-preview-size: 104px;
  }
  cs-digit-pad::part(strip) {
    gap: 3px;
  }
  cs-prediction {
    --cs-prediction-row-height: 1.3em;
  }
  cs-neuron-math {
    --cs-neuron-math-font-size: 0.64rem;
  }
  .region.math {
    overflow-x: auto;
  }
  @container (min-width: 720px) {
    .grid {
      grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
      grid-template-areas: var(--_areas-2);
    }
  }
  @container (min-width: 1100px) {
    .grid {
      grid-template-columns: var(--_side) minmax(0, 1fr);
      grid-template-areas: var(--_areas-wide);
    }
  }
`;
