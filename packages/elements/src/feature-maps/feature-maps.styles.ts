import { css } from "lit";

export const featureMapsStyles = css`
  :host {
    display: block;
    --_focus: var(--cs-feature-maps-focus-color, #111111);
    --_halo: var(--cs-feature-maps-halo-color, #ffffff);
    --_window: var(--cs-feature-maps-window-color, #d81b60);
    --_label: var(--cs-feature-maps-label-color, var(--_muted));
    --_frame: var(--cs-feature-maps-frame-color, var(--_border));
    --_legend-width: var(--cs-feature-maps-legend-width, 11rem);
  }
  [part="base"] {
    display: grid;
    grid-template-columns: minmax(0, max-content);
    gap: 0.5rem;
  }
  header {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    justify-content: space-between;
    gap: 0.5rem 1.5rem;
  }
  h3,
  h4 {
    margin: 0;
    font-size: 0.95em;
    font-weight: 600;
    line-height: 1.3;
  }
  h4 {
    font-size: 0.9em;
  }
  .dims {
    margin-inline-start: 0.5em;
    color: var(--_muted);
    font-weight: 400;
    font-size: 0.9em;
  }
  .stage {
    position: relative;
    justify-self: start;
    max-width: 100%;
    border-radius: 2px;
    touch-action: manipulation;
  }
  .stage[tabindex] {
    cursor: crosshair;
  }
  canvas {
    display: block;
    max-width: 100%;
  }
  canvas.overlay {
    position: absolute;
    inset: 0;
    pointer-events: none;
  }
  .tip {
    position: absolute;
    z-index: 1;
    pointer-events: none;
    padding: 0.2em 0.45em;
    border-radius: 4px;
    background: color-mix(in srgb, var(--_text) 88%, transparent);
    color: var(--_surface);
    font-size: 0.8em;
    line-height: 1.35;
    white-space: nowrap;
    font-variant-numeric: tabular-nums;
  }
  .tip[hidden] {
    display: none;
  }
  .tip b {
    font-weight: 600;
  }
  .readout,
  .note {
    margin: 0;
    min-height: 1.35em;
    color: var(--_muted);
    font-size: 0.85em;
    font-variant-numeric: tabular-nums;
  }
  .readout b {
    color: var(--_text);
    font-weight: 600;
  }
  .legend {
    display: grid;
    grid-template-columns: auto var(--_legend-width);
    align-items: center;
    gap: 0 0.5em;
    font-size: 0.75em;
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
  }
  .legend .caption {
    grid-row: 1;
    text-align: right;
  }
  .legend .bar {
    grid-column: 2;
    height: 0.7rem;
    border-radius: 2px;
    box-shadow: inset 0 0 0 1px color-mix(in srgb, var(--_text) 12%, transparent);
  }
  .legend .ticks {
    grid-column: 2;
    position: relative;
    height: 1.4em;
  }
  .tick {
    position: absolute;
    top: 0;
    padding-top: 3px;
    transform: translateX(-50%);
    white-space: nowrap;
  }
  .tick::before {
    content: "";
    position: absolute;
    top: -1px;
    left: 50%;
    height: 4px;
    border-left: 1px solid currentColor;
  }
  .tick.start {
    transform: none;
  }
  .tick.start::before {
    left: 0;
  }
  .tick.end {
    transform: translateX(-100%);
  }
  .tick.end::before {
    left: auto;
    right: 0;
  }
  section.below {
    display: grid;
    gap: 0.4rem;
    margin-top: 0.5rem;
    padding-top: 0.75rem;
    border-top: 1px solid var(--_border);
  }
  .empty {
    color: var(--_muted);
    font-size: 0.9em;
  }
`;
