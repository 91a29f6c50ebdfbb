import { css } from "lit";

export const digitPadStyles = css`
  :host {
    display: block;
    --_paper: var(--cs-digit-pad-paper, #ffffff);
    --_ink: var(--cs-digit-pad-ink, #1f2328);
    --_preview: var(--cs-digit-pad-preview-size, 112px);
    font-size: 14px;
    line-height: 1.4;
  }
  [part="base"] {
    /* The pad and the preview side by side, or the preview under the pad in a narrow column. */
    display: flex;
    flex-wrap: wrap;
    align-items: start;
    column-gap: 1.5em;
    row-gap: 1.1em;
    width: fit-content;
    max-width: 100%;
  }
  .pad-column {
    display: grid;
    gap: 0.5em;
    align-content: start;
  }
  .pad-frame {
    position: relative;
    width: var(--_size);
    height: var(--_size);
  }
  [part="pad"] {
    display: block;
    width: 100%;
    height: 100%;
    background: var(--_paper);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    box-shadow:
      0 1px 2px rgb(31 35 40 / 0.06),
      0 4px 14px rgb(31 35 40 / 0.06);
    touch-action: none;
    cursor: crosshair;
    user-select: none;
    -webkit-user-select: none;
  }
  .guide {
    position: absolute;
    inset: calc(100% * 4 / 28);
    border: 1px dashed color-mix(in srgb, var(--_border) 80%, transparent);
    border-radius: 4px;
    pointer-events: none;
  }
  .pad-frame.sample .guide {
    display: none;
  }
  .placeholder {
    position: absolute;
    inset: 0;
    display: grid;
    place-items: center;
    margin: 0;
    color: var(--_muted);
    font-size: 0.9em;
    pointer-events: none;
  }
  .pad-actions {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 0.75em;
  }
  .hint {
    color: var(--_muted);
    font-size: 0.85em;
  }
  button {
    cursor: pointer;
    color: var(--_text);
  }
  .clear {
    padding: 0.3em 0.95em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    font-size: 0.9em;
    font-weight: 500;
    white-space: nowrap;
  }
  .clear:hover {
    background: color-mix(in srgb, var(--_border) 30%, var(--_surface));
  }
  .preview {
    margin: 0;
    display: grid;
    gap: 0.6em;
    align-content: start;
  }
  .preview-frame {
    position: relative;
    width: var(--_preview);
    height: var(--_preview);
  }
  .preview-canvas {
    display: block;
    width: 100%;
    height: 100%;
    border-radius: var(--_radius);
    background: #000;
    image-rendering: pixelated;
  }
  .preview-empty {
    position: absolute;
    inset: 0;
    display: grid;
    place-items: center;
    color: #aeb5bd;
    font-size: 0.8em;
  }
  figcaption {
    display: grid;
    gap: 0.2em;
    font-size: 0.85em;
  }
  figcaption strong {
    font-weight: 600;
  }
  figcaption span {
    color: var(--_muted);
  }
  .preview .error {
    margin: 0;
  }
  .preview {
    width: max(var(--_preview), 9.5em);
  }
  .strip-section {
    /* A line of its own, as wide as the pad and the preview (it adds no width of its own). */
    flex: 1 0 100%;
    width: 0;
    display: grid;
    gap: 0.5em;
    min-width: 0;
  }
  .strip-head {
    display: flex;
    align-items: baseline;
    justify-content: space-between;
    gap: 1em;
  }
  .strip-label {
    font-size: 0.85em;
    font-weight: 600;
  }
  .more {
    padding: 0.1em 0.2em;
    border: 0;
    background: none;
    color: var(--_accent);
    font-size: 0.85em;
    font-weight: 500;
  }
  .more:hover {
    text-decoration: underline;
  }
  .strip {
    display: grid;
    grid-template-columns: repeat(var(--_columns, 10), minmax(0, 1fr));
    gap: 6px;
  }
  [part~="sample"] {
    display: block;
    aspect-ratio: 1;
    padding: 0;
    overflow: hidden;
    border: 1px solid var(--_border);
    border-radius: 4px;
    background: var(--_paper);
    transition:
      border-color 120ms ease-out,
      transform 120ms ease-out;
  }
  [part~="sample"]:hover {
    border-color: var(--_accent);
    transform: translateY(-1px);
  }
  [part~="picked"] {
    border-color: var(--_accent);
    box-shadow: 0 0 0 1px var(--_accent);
  }
  [part~="sample"] canvas {
    display: block;
    width: 100%;
    height: 100%;
  }
  .strip-section .error,
  .note {
    margin: 0;
  }
  .note {
    color: var(--_muted);
    font-size: 0.85em;
  }
  @media (prefers-reduced-motion: reduce) {
    [part~="sample"] {
      transition: none;
    }
    [part~="sample"]:hover {
      transform: none;
    }
  }
`;
