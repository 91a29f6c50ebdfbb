import { css } from "lit";

export const imageInputStyles = css`
  :host {
    display: block;
    container-type: inline-size;
    --_crop: var(--cs-image-input-crop-color, #f59e0b);
    --_thumb: var(--cs-image-input-thumb-size, 52px);
  }
  [part="base"] {
    display: grid;
    gap: 16px;
    padding: 18px 20px;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    font-size: 14px;
    line-height: 1.45;
    transition: border-color 120ms ease-out;
  }
  [part="base"].dragging {
    border: 1px dashed var(--_accent);
    background: color-mix(in srgb, var(--_accent) 4%, var(--_surface));
  }

  /* Picking */
  .pick {
    display: grid;
    grid-template-columns: auto 1fr;
    grid-template-areas: "label label" "samples own";
    align-items: center;
    gap: 8px 20px;
  }
  .label {
    grid-area: label;
    font-size: 12px;
    font-weight: 600;
    letter-spacing: 0.02em;
    color: var(--_muted);
    text-transform: uppercase;
  }
  .samples {
    grid-area: samples;
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
  }
  [part~="sample"] {
    display: block;
    padding: 0;
    border: 2px solid transparent;
    border-radius: 6px;
    background: none;
    cursor: pointer;
    box-shadow: 0 0 0 1px var(--_border);
  }
  [part~="sample"] img {
    display: block;
    width: calc(var(--_thumb) * 1.4);
    height: var(--_thumb);
    object-fit: cover;
    border-radius: 4px;
  }
  [part~="sample"]:hover {
    box-shadow: 0 0 0 1px var(--_accent);
  }
  [part~="selected"] {
    border-color: var(--_accent);
    box-shadow: none;
  }
  .own {
    grid-area: own;
    display: grid;
    justify-items: start;
    gap: 4px;
  }
  .file {
    padding: 6px 14px;
    border: 1px solid var(--_border);
    border-radius: 6px;
    background: var(--_surface);
    color: var(--_text);
    cursor: pointer;
  }
  .file:hover {
    border-color: var(--_accent);
    color: var(--_accent);
  }
  .hint {
    font-size: 12px;
    color: var(--_muted);
  }

  /* Stage */
  .stage {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 12px 22px;
  }
  figure {
    margin: 0;
    display: grid;
    gap: 6px;
    justify-items: start;
  }
  figcaption {
    display: grid;
    gap: 1px;
    font-size: 12px;
    color: var(--_muted);
    max-width: 340px;
  }
  figcaption strong {
    color: var(--_text);
    font-size: 13px;
  }
  .caption {
    color: var(--_text);
  }
  .size {
    font-variant-numeric: tabular-nums;
  }
  .frame {
    position: relative;
    max-width: 100%;
    overflow: hidden;
    border-radius: 3px;
    line-height: 0;
  }
  canvas.original {
    display: block;
    max-width: 100%;
    height: auto;
  }
  [part="crop"] {
    position: absolute;
    box-sizing: border-box;
    border: 2px solid var(--_crop);
    outline: 1px solid rgba(0, 0, 0, 0.6);
    box-shadow: 0 0 0 9999px rgba(15, 18, 22, 0.5);
    transition:
      left 250ms ease-out,
      top 250ms ease-out,
      width 250ms ease-out,
      height 250ms ease-out;
  }
  .arrow {
    font-size: 22px;
    color: var(--_muted);
  }
  canvas[part="input"] {
    display: block;
    width: 227px;
    max-width: 100%;
    height: auto;
    aspect-ratio: 1;
    border-radius: 3px;
    box-shadow: 0 0 0 1px var(--_border);
  }
  .keras canvas[part="input"] {
    width: 224px;
    image-rendering: pixelated;
  }
  .steps {
    margin: 0;
    padding-left: 1.4em;
    color: var(--_text);
    font-size: 13px;
  }
  .steps li + li {
    margin-top: 2px;
  }
  .steps li::marker {
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
  }
  .note {
    margin: 0;
    color: var(--_muted);
  }

  @container (max-width: 600px) {
    .pick {
      grid-template-columns: 1fr;
      grid-template-areas: "label" "samples" "own";
    }
    .arrow {
      display: none;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    [part="crop"],
    [part="base"] {
      transition: none;
    }
  }
`;
