import { css } from "lit";

export const modelSummaryStyles = css`
  :host {
    display: block;
    --_bar: var(--cs-model-summary-bar-color, var(--_accent));
    --_highlight: var(--cs-model-summary-highlight-color, #e36209);
    font-size: 14px;
    line-height: 1.4;
  }
  [part="base"] {
    display: grid;
    gap: 1.25em;
    min-width: 0;
  }
  header {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    justify-content: space-between;
    gap: 0.75em 2em;
  }
  h3 {
    margin: 0;
    font-size: 1.15em;
    font-weight: 650;
    letter-spacing: -0.01em;
  }
  .figures {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em 1.75em;
    margin: 0;
  }
  .figures div {
    display: grid;
    gap: 0.05em;
  }
  dt {
    color: var(--_muted);
    font-size: 0.75em;
    font-weight: 600;
    text-transform: uppercase;
    letter-spacing: 0.06em;
  }
  dd {
    margin: 0;
    font-size: 1.25em;
    font-weight: 600;
    font-variant-numeric: tabular-nums;
  }
  dd.sub {
    font-size: 0.75em;
    font-weight: 400;
    color: var(--_muted);
  }
  .table-wrap {
    overflow-x: auto;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  table {
    width: 100%;
    border-collapse: collapse;
    font-variant-numeric: tabular-nums;
  }
  th,
  td {
    padding: 0.35em 0.6em;
    text-align: left;
    white-space: nowrap;
    vertical-align: baseline;
  }
  th:first-child {
    padding-left: 0.85em;
  }
  :is(th, td):last-child {
    padding-right: 0.85em;
  }
  thead th {
    font-size: 0.75em;
    font-weight: 600;
    text-transform: uppercase;
    letter-spacing: 0.05em;
    color: var(--_muted);
    background: color-mix(in srgb, var(--_border) 22%, var(--_surface));
    border-bottom: 1px solid var(--_border);
    padding-block: 0.6em;
  }
  tbody tr + tr {
    border-top: 1px solid color-mix(in srgb, var(--_border) 55%, transparent);
  }
  tbody th {
    font-weight: 400;
  }
  .layer {
    font-weight: 600;
  }
  .kind {
    display: block;
    color: var(--_muted);
    font-size: 0.8em;
    line-height: 1.2;
  }
  .layer-note {
    display: block;
    max-width: 34em;
    white-space: normal;
    font-size: 0.85em;
    color: var(--_muted);
  }
  .shape {
    font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace;
    font-size: 0.85em;
  }
  .num {
    text-align: right;
  }
  td.zero {
    color: var(--_muted);
  }
  tbody tr.highlight {
    background: color-mix(in srgb, var(--_highlight) 12%, transparent);
    box-shadow: inset 3px 0 0 var(--_highlight);
  }
  tfoot tr {
    border-top: 2px solid var(--_text);
    font-weight: 650;
  }
  tfoot th,
  tfoot td {
    padding-block: 0.55em;
  }
  .chart-section {
    display: grid;
    gap: 0.5em;
  }
  .chart-head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5em 1em;
  }
  h4 {
    margin: 0;
    font-size: 1em;
    font-weight: 600;
  }
  .toggle {
    display: inline-flex;
    margin: 0;
    padding: 2px;
    border: 1px solid var(--_border);
    border-radius: 999px;
    background: color-mix(in srgb, var(--_border) 22%, var(--_surface));
  }
  .toggle label {
    position: relative;
    cursor: pointer;
  }
  .toggle input {
    position: absolute;
    opacity: 0;
    inset: 0;
    margin: 0;
    cursor: pointer;
  }
  .toggle span {
    display: block;
    padding: 0.2em 0.9em;
    border-radius: 999px;
    font-size: 0.85em;
    color: var(--_muted);
  }
  .toggle input:checked + span {
    background: var(--_surface);
    color: var(--_text);
    font-weight: 600;
    box-shadow: 0 1px 2px rgb(0 0 0 / 0.12);
  }
  .toggle input:focus-visible + span {
    outline: 2px solid var(--_accent);
    outline-offset: 1px;
  }
  .chart {
    min-width: 0;
  }
  svg {
    display: block;
    overflow: visible;
    font-size: 12px;
    font-variant-numeric: tabular-nums;
  }
  .grid line {
    stroke: var(--_border);
    stroke-dasharray: 2 3;
  }
  .grid text {
    fill: var(--_muted);
    font-size: 11px;
  }
  .row .name {
    fill: var(--_text);
  }
  .row .bar {
    fill: var(--_bar);
  }
  .row .share {
    fill: var(--_muted);
  }
  .row.empty .name,
  .row.empty .share {
    fill: color-mix(in srgb, var(--_muted) 60%, transparent);
  }
  .row.highlight .bar {
    fill: var(--_highlight);
  }
  .row.highlight .name,
  .row.highlight .share {
    fill: var(--_text);
    font-weight: 700;
  }
  .note {
    color: var(--_muted);
    font-size: 0.9em;
  }
`;
