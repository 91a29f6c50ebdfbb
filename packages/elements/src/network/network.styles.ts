import { css } from "lit";

export const networkStyles = css`
  :host {
    display: block;
    --_link: var(--cs-network-link-color, var(--_accent));
    --_source: var(--cs-network-source-color, color-mix(in srgb, var(--_accent) 55%, transparent));
    --_pulse: var(--cs-network-pulse-color, #f0a020);
    --_selected-bg: var(
      --cs-network-selected-background,
      color-mix(in srgb, var(--_accent) 6%, transparent)
    );
    --_band: var(--cs-network-band-color, color-mix(in srgb, var(--_muted) 5%, transparent));
    --_tower-cross: var(--cs-network-cross-color, #c2410c);
    --_empty: color-mix(in srgb, var(--_border) 45%, var(--_surface));
    --_item-border: color-mix(in srgb, var(--_text) 16%, transparent);
  }
  .scroller {
    overflow-x: auto;
    overflow-y: hidden;
    overscroll-behavior-x: contain;
  }
  .scroll-hint {
    margin: 0 0 0.25em;
    font-size: 0.75rem;
    color: var(--_muted);
    text-align: end;
  }
  .stage {
    position: relative;
  }
  .columns {
    position: absolute;
    inset: 0;
  }
  canvas,
  svg {
    position: absolute;
    left: 0;
    top: 0;
    pointer-events: none;
  }
  canvas {
    z-index: 1;
  }
  svg {
    z-index: 2;
    overflow: visible;
  }
  .column {
    position: absolute;
    top: 0;
    border-radius: var(--_radius);
    cursor: pointer;
    transition: background-color 150ms ease-out;
  }
  .column:hover {
    background: color-mix(in srgb, var(--_accent) 4%, transparent);
  }
  .column[aria-selected="true"] {
    background: var(--_selected-bg);
  }
  .column:focus-visible {
    outline-offset: -2px;
  }
  .label {
    position: absolute;
    left: 2px;
    right: 2px;
    display: flex;
    flex-direction: column;
    align-items: center;
    gap: 1px;
    text-align: center;
    line-height: 1.25;
    font-variant-numeric: tabular-nums;
  }
  .label > span {
    /* Never wider than the column: "256@27×27" breaks after the @, "37.8M params" at the space,
       and a word longer than a slim column breaks anywhere rather than run into its neighbour. */
    max-width: 100%;
    overflow-wrap: anywhere;
  }
  .column.slim .name {
    font-size: 0.68rem;
    font-weight: 600;
    letter-spacing: 0;
  }
  .column.slim .shape {
    font-size: 0.62rem;
  }
  /* Pass-throughs have no parameters (the column's accessible name still says so): no room. */
  .column.slim .params {
    display: none;
  }
  .name {
    font-weight: 650;
    font-size: 0.85rem;
    letter-spacing: 0.01em;
  }
  .column[aria-selected="true"] .name {
    color: var(--_accent);
  }
  .shape {
    font-size: 0.75rem;
    color: var(--_text);
  }
  .params {
    font-size: 0.7rem;
    color: var(--_muted);
  }
  .pager {
    position: absolute;
    z-index: 3;
    display: flex;
    flex-direction: column;
    align-items: center;
    gap: 2px;
    font-size: 0.7rem;
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  .pager .more {
    /* A narrow column breaks "+ 4,080 more" over two lines rather than overlap its neighbours. */
    white-space: normal;
    text-align: center;
    line-height: 1.1;
    max-width: 100%;
    overflow-wrap: anywhere;
  }
  .pager .buttons {
    display: flex;
    gap: 4px;
  }
  .pager button {
    width: 22px;
    height: 20px;
    padding: 0;
    line-height: 1;
    border: 1px solid var(--_border);
    border-radius: 4px;
    background: var(--_surface);
    color: var(--_text);
    cursor: pointer;
  }
  .pager button:disabled {
    opacity: 0.4;
    cursor: default;
  }
  .band {
    fill: var(--_band);
    transition: fill 200ms ease-out;
  }
  .band.into {
    fill: color-mix(in srgb, var(--_accent) 7%, transparent);
  }
  .band.cross {
    fill: color-mix(in srgb, var(--_tower-cross) 14%, transparent);
  }
  .band.cross.into {
    fill: color-mix(in srgb, var(--_tower-cross) 24%, transparent);
  }
  .towers {
    position: absolute;
    inset: 0;
    z-index: 3;
    pointer-events: none;
  }
  .unit-labels {
    position: absolute;
    inset: 0;
    z-index: 3;
    pointer-events: none;
  }
  .unit-label {
    position: absolute;
    transform: translateY(-50%);
    line-height: 1;
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
  }
  .tower-backs {
    position: absolute;
    inset: 0;
    z-index: 0;
    pointer-events: none;
  }
  .tower-back {
    position: absolute;
    border-radius: 10px;
    background: color-mix(in srgb, var(--_muted) 4%, transparent);
  }
  .tower-name {
    position: absolute;
    transform: translate(-50%, -50%);
    font-size: 0.68rem;
    font-weight: 700;
    letter-spacing: 0.06em;
    text-transform: uppercase;
    color: var(--_muted);
    white-space: nowrap;
  }
  .tower-cross {
    position: absolute;
    transform: translate(-50%, -50%);
    padding: 1px 6px;
    border-radius: 999px;
    font-size: 0.64rem;
    font-weight: 650;
    white-space: nowrap;
    color: color-mix(in srgb, var(--_tower-cross) 75%, var(--_text));
    background: color-mix(in srgb, var(--_tower-cross) 12%, var(--_surface));
    border: 1px solid color-mix(in srgb, var(--_tower-cross) 45%, transparent);
  }
  .link {
    fill: none;
    stroke: var(--_link);
    stroke-width: 1.25;
    stroke-opacity: 0.7;
  }
  .link.more {
    stroke-dasharray: 3 3;
  }
  .link.lit {
    stroke-width: 2.5;
    stroke-opacity: 1;
  }
  .ring {
    fill: none;
    stroke-width: 2;
  }
  .ring.focus {
    stroke: var(--_link);
  }
  .ring.source {
    stroke: var(--_source);
  }
  .pulse {
    fill: var(--_pulse);
    stroke: var(--_surface);
    stroke-width: 1;
    filter: drop-shadow(0 0 3px var(--_pulse));
  }
  .footer {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    align-items: center;
    gap: 0.35em 1.5em;
    margin-top: 0.35em;
    font-size: 0.75rem;
    color: var(--_muted);
  }
  .legend {
    display: inline-flex;
    align-items: center;
    gap: 0.5em;
    font-variant-numeric: tabular-nums;
  }
  .legend-name {
    color: var(--_text);
    font-weight: 600;
  }
  .ramp {
    width: 120px;
    height: 10px;
    border-radius: 2px;
    box-shadow: inset 0 0 0 1px var(--_item-border);
  }
  .note {
    color: var(--_muted);
    font-size: 0.85em;
    margin: 0.25em 0 0;
  }
  @media (prefers-reduced-motion: reduce) {
    .column,
    .band {
      transition: none;
    }
  }
`;
