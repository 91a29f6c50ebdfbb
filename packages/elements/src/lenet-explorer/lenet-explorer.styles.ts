/** The LeNet explorer's own styles, after the explorers' shared sheet. */
import { css } from "lit";

export const lenetExplorerStyles = css`
  :host {
    --_gap: var(--cs-lenet-explorer-gap, 16px);
    --_side: var(--cs-lenet-explorer-side-width, 360px);
    --_panel: var(--cs-lenet-explorer-panel-color, var(--_surface));
  }
  header {
    gap: 0.2em;
  }
  .status {
    margin: 0.25em 0 0;
  }
  .region {
    padding: 12px 14px;
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
  cs-neuron-math {
    --cs-neuron-math-font-size: 0.64rem;
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
