import { css } from "lit";

export const neuronMathStyles = css`
  :host {
    display: block;
    --_grid-font: var(--cs-neuron-math-font-size, 0.7rem);
    --_hl: var(--cs-neuron-math-highlight, var(--_accent));
    --_hair: color-mix(in srgb, var(--_border) 70%, transparent);
    font-size: 0.9rem;
    line-height: 1.4;
  }
  [part="base"] {
    display: grid;
    gap: 0.75rem;
    justify-items: start;
    min-width: 0;
  }
  header {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0.25rem 0.75rem;
  }
  h3 {
    margin: 0;
    font-size: 1.05rem;
    font-weight: 650;
  }
  h4 {
    margin: 0.25rem 0 -0.25rem;
    font-size: 0.8rem;
    font-weight: 600;
    color: var(--_muted);
    text-transform: uppercase;
    letter-spacing: 0.04em;
  }
  .kind,
  .aside,
  .note {
    color: var(--_muted);
  }
  .kind {
    font-size: 0.85rem;
  }
  .summary {
    margin: 0;
    padding: 0.4rem 0.65rem;
    border-left: 3px solid var(--_hl);
    background: color-mix(in srgb, var(--_hl) 6%, transparent);
    font-variant-numeric: tabular-nums;
  }
  .body {
    display: grid;
    gap: 0.75rem;
    justify-items: start;
    max-width: 100%;
    overflow-x: auto;
  }
  .num {
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }

  /* Convolution: label | patch × kernel = products | Σ, one row per input channel. */
  .conv {
    display: grid;
    grid-template-columns: max-content max-content auto max-content auto max-content;
    align-items: center;
    gap: 0.5rem 0.55rem;
  }
  .colhead {
    font-size: 0.75rem;
    color: var(--_muted);
    text-align: center;
  }
  .chlabel {
    display: grid;
    justify-items: end;
    gap: 0.1rem;
    font-size: 0.8rem;
    color: var(--_muted);
    white-space: nowrap;
  }
  .chlabel .partial {
    color: var(--_text);
  }
  .op {
    color: var(--_muted);
    text-align: center;
  }
  .pool {
    display: flex;
    align-items: center;
    gap: 0.75rem;
  }

  .grid {
    display: grid;
    grid-template-columns: repeat(var(--cols), var(--cs-neuron-math-cell-size, var(--cw)));
    gap: 1px;
    padding: 1px;
    background: var(--_hair);
    border-radius: 3px;
    font-size: var(--_grid-font);
    font-variant-numeric: tabular-nums;
  }
  .cell {
    height: 1.9em;
    padding: 0 0.35em;
    display: flex;
    align-items: center;
    justify-content: flex-end;
    background: var(--_surface);
    white-space: nowrap;
  }
  .grid.compact .cell {
    height: 0.8rem;
    padding: 0;
  }
  .cell.pad,
  .swatch.pad {
    justify-content: center;
    color: var(--_muted);
    background: repeating-linear-gradient(
      135deg,
      color-mix(in srgb, var(--_border) 25%, var(--_surface)) 0 3px,
      color-mix(in srgb, var(--_border) 50%, var(--_surface)) 3px 5px
    );
  }
  .cell.mark {
    box-shadow: inset 0 0 0 2px var(--_hl);
    font-weight: 700;
  }
  .swatch {
    display: inline-block;
    width: 0.9em;
    height: 0.9em;
    vertical-align: -0.1em;
    border: 1px solid var(--_border);
    margin-right: 0.3em;
  }

  .more {
    justify-self: stretch;
  }
  .more p {
    margin: 0 0 0.35rem;
    font-size: 0.82rem;
    color: var(--_muted);
  }
  ol.partials,
  ol.logits {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(7em, 1fr));
    gap: 2px 1.25rem;
    width: min(48rem, 100%);
    font-size: 0.82rem;
  }
  ol.partials li,
  ol.logits li {
    display: flex;
    justify-content: space-between;
    gap: 0.5em;
    border-bottom: 1px solid var(--_hair);
    padding: 1px 0;
  }
  .chname {
    color: var(--_muted);
  }
  li.self,
  tr.self {
    font-weight: 700;
    color: var(--_hl);
  }
  li.self .chname {
    color: inherit;
  }

  table {
    border-collapse: collapse;
    font-variant-numeric: tabular-nums;
  }
  td.num {
    text-align: right;
    padding: 0.2rem 0 0.2rem 1.25rem;
  }
  .terms {
    font-size: 0.85rem;
  }
  .terms th {
    font-weight: 500;
    color: var(--_muted);
    padding: 0.15rem 0;
    text-align: right;
  }
  .terms thead th {
    border-bottom: 1px solid var(--_border);
    padding-left: 1.25rem;
  }
  .terms thead th:first-child {
    padding-left: 0;
  }
  .terms td.num {
    padding-top: 0.15rem;
    padding-bottom: 0.15rem;
  }
  .terms tbody tr + tr {
    border-top: 1px solid var(--_hair);
  }
  .terms tfoot {
    border-top: 1px solid var(--_border);
  }
  .terms tfoot th {
    font-style: italic;
  }

  .ledger {
    min-width: min(26rem, 100%);
  }
  .ledger th {
    text-align: left;
    font-weight: 400;
    padding: 0.25rem 0;
  }
  .ledger tr + tr {
    border-top: 1px solid var(--_hair);
  }
  .ledger tr.total {
    border-top: 1.5px solid var(--_text);
    font-weight: 650;
  }
  .ledger tr.total td {
    color: var(--_hl);
  }
  .ledger .aside {
    font-size: 0.8rem;
    margin-left: 0.4em;
    font-weight: 400;
  }
  var {
    font-family: "Times New Roman", "Noto Serif", serif;
    font-size: 1.08em;
  }

  .formula {
    max-width: 100%;
    overflow-x: auto;
    padding: 0.35rem 0;
    border-top: 1px solid var(--_hair);
    border-bottom: 1px solid var(--_hair);
  }
  math {
    font-size: 1.1rem;
    margin: 0.2rem 0;
  }
  math.definition {
    font-size: 0.95rem;
    color: var(--_muted);
  }
  .formula-text {
    margin: 0;
    font-family: ui-monospace, "SFMono-Regular", Menlo, monospace;
    font-size: 0.85rem;
  }
  .note {
    margin: 0;
    font-size: 0.82rem;
  }
`;
