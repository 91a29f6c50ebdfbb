import { css } from "lit";

export const connectionTableStyles = css`
  :host {
    display: block;
    --_cell: var(--cs-connection-table-cell-size, 1.9rem);
    --_mark: var(--cs-connection-table-mark-color, #6e7781);
    --_lit: var(--cs-connection-table-lit-color, var(--_accent));
    --_tint: color-mix(in srgb, var(--_lit) 9%, transparent);
    font-size: 0.9rem;
  }
  figure {
    margin: 0;
    display: grid;
    gap: 0.6rem;
    justify-items: start;
  }
  .scroll {
    max-width: 100%;
    overflow-x: auto;
  }
  table {
    border-collapse: separate;
    border-spacing: 0;
    font-variant-numeric: tabular-nums;
  }
  caption {
    caption-side: top;
    text-align: start;
    font-weight: 600;
    padding-bottom: 0.5rem;
  }
  caption .count {
    font-weight: 400;
    color: var(--_muted);
  }
  th,
  td {
    width: var(--_cell);
    height: var(--_cell);
    padding: 0;
    text-align: center;
    vertical-align: middle;
  }
  th {
    font-weight: 500;
    color: var(--_muted);
    font-size: 0.8rem;
  }
  thead tr.groups th {
    height: auto;
    padding: 0 0.2rem 0.3rem;
    font-size: 0.7rem;
    font-weight: 400;
    line-height: 1.15;
    vertical-align: bottom;
    border-bottom: 1px solid var(--_border);
  }
  th.corner {
    width: auto;
    padding: 0 0.6rem 0 0;
    text-align: end;
    vertical-align: bottom;
    font-size: 0.72rem;
    white-space: nowrap;
  }
  th.corner .axis {
    display: block;
    line-height: 1.35;
  }
  th[data-r="-1"] {
    border-bottom: 1px solid var(--_border);
  }
  th[data-c="-1"] {
    width: auto;
    padding: 0 0.6rem 0 0;
    text-align: end;
    border-right: 1px solid var(--_border);
  }
  [data-r],
  td {
    cursor: pointer;
    outline-offset: -2px;
  }
  .gs {
    border-left: 1px dashed var(--_border);
  }
  td.tint,
  th.tint {
    background: var(--_tint);
  }
  th[data-lit] {
    color: var(--_lit);
    font-weight: 700;
  }
  .mark {
    display: inline-block;
    width: 0.62rem;
    height: 0.62rem;
    border-radius: 2px;
    background: var(--_mark);
    vertical-align: middle;
    transition:
      background-color 120ms ease-out,
      transform 120ms ease-out;
  }
  td[data-lit] .mark {
    background: var(--_lit);
    transform: scale(1.25);
  }
  td:not([data-linked]) .mark {
    width: 0.22rem;
    height: 0.22rem;
    border-radius: 50%;
    background: var(--_border);
  }
  td:hover,
  th[data-r]:hover {
    box-shadow: inset 0 0 0 1px var(--_lit);
  }
  .note,
  .why {
    margin: 0;
    max-width: 40rem;
    color: var(--_muted);
    font-size: 0.82rem;
    line-height: 1.45;
  }
  .live {
    margin: 0;
    min-height: 1.4em;
    font-size: 0.9rem;
  }
  .live strong {
    color: var(--_lit);
  }
  @media (prefers-reduced-motion: reduce) {
    .mark {
      transition: none;
    }
  }
`;
