import { css } from "lit";

export const predictionStyles = css`
  :host {
    display: block;
    --_bar: var(--cs-prediction-bar-color, var(--_accent));
    --_bar-top: var(--cs-prediction-top-color, #e36209);
    --_row-height: var(--cs-prediction-row-height, 1.5em);
  }
  [part="base"] {
    display: grid;
    gap: 0.25em;
  }
  h3 {
    margin: 0 0 0.25em;
    font-size: 0.95em;
    font-weight: 600;
  }
  /* One set of columns for every row (subgrid), so that the bars start at one x: the labels
     take what the longest needs, at most half the width (ImageNet's names are long; the rest
     is cut with an ellipsis), and the bars keep at least 3em. */
  ol {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    grid-template-columns: fit-content(50%) minmax(3em, 1fr) 4.5em;
    column-gap: 0.5em;
    row-gap: 2px;
  }
  li {
    display: grid;
    grid-column: 1 / -1;
    grid-template-columns: subgrid;
    align-items: center;
    height: var(--_row-height);
    font-variant-numeric: tabular-nums;
  }
  .label {
    min-width: 3em;
    text-align: right;
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .track {
    display: block;
    height: 70%;
    background: color-mix(in srgb, var(--_border) 40%, transparent);
    border-radius: 2px;
    overflow: hidden;
  }
  [part~="bar"] {
    display: block;
    height: 100%;
    background: var(--_bar);
    transition: width 200ms ease-out;
  }
  li.top [part~="bar"] {
    background: var(--_bar-top);
  }
  li.top .label {
    font-weight: 700;
  }
  /* Untrained weights: the numbers are shown, grey and faint, and nothing stands out (the text
     keeps the muted colour's contrast). */
  ol.untrained {
    color: var(--_muted);
  }
  ol.untrained [part~="bar"] {
    background: var(--_muted);
    opacity: 0.4;
  }
  .untrained-note {
    margin: 0 0 0.25em;
    padding: 0.35em 0.5em;
    border-left: 3px solid var(--cs-prediction-untrained-color, #b08800);
    background: color-mix(in srgb, var(--cs-prediction-untrained-color, #b08800) 10%, transparent);
    font-size: 0.85em;
  }
  .value {
    text-align: right;
    color: var(--_muted);
    font-size: 0.9em;
  }
  .note {
    color: var(--_muted);
    font-size: 0.85em;
  }
  @media (prefers-reduced-motion: reduce) {
    [part~="bar"] {
      transition: none;
    }
  }
`;
