/**
 * What the explorers' styles share: the frame, the header (title, credit, status line and its
 * chips), the error box, and the grid of panels. Each explorer adds its own sheet after this one:
 * the `--_gap`, `--_side` and `--_panel` it maps from its public properties, its spacing, its
 * blocks and its breakpoints.
 */
import { css } from "lit";

export const explorerStyles = css`
  :host {
    display: block;
    container-type: inline-size;
    line-height: 1.4;
  }
  [part="base"] {
    display: grid;
    gap: var(--_gap);
  }
  header {
    display: grid;
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
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0.35em 0.6em;
    font-size: 0.8em;
    color: var(--_muted);
  }
  .details {
    display: inline;
  }
  .details summary {
    display: inline;
    cursor: pointer;
    color: var(--_muted);
    text-decoration: underline dotted;
    text-underline-offset: 0.2em;
  }
  .details[open] summary {
    margin-inline-end: 0.5em;
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
    border-color: color-mix(in srgb, var(--_ok) 60%, transparent);
    background: color-mix(in srgb, var(--_ok) 10%, transparent);
    color: var(--_ok);
  }
  /* Not learned: seeded weights, or AlexNet's hand-built conv1 bank. */
  .chip.seeded,
  .chip.bank {
    border-color: color-mix(in srgb, var(--_warn) 60%, transparent);
    background: color-mix(in srgb, var(--_warn) 14%, transparent);
    color: var(--_warn);
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
  .attribute-notes {
    margin: 0;
    padding: 0.4em 0.75em 0.4em 1.75em;
    border-radius: 6px;
    background: color-mix(in srgb, var(--_warn) 12%, var(--_surface));
    color: var(--_text);
    font-size: 0.875em;
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
    /* One column that never grows past the region: wide blocks (the network) scroll inside. */
    grid-template-columns: minmax(0, 1fr);
    align-content: start;
    min-width: 0;
    background: var(--_panel);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) + 2px);
  }
  .region.math {
    overflow-x: auto;
  }
  cs-prediction {
    --cs-prediction-row-height: 1.3em;
  }
`;
