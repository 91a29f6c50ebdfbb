import { css, unsafeCSS } from "lit";

/** Gap between two layers' segments of the track, in px (the pointer maths needs it too). */
export const SEGMENT_GAP = 3;

const gap = unsafeCSS(`${SEGMENT_GAP}px`);

export const playerStyles = css`
  :host {
    display: block;
    container-type: inline-size;
    --_fill: var(--cs-player-fill-color, var(--_accent));
    --_track: var(--cs-player-track-color, color-mix(in srgb, var(--_border) 70%, var(--_surface)));
    --_control: var(--cs-player-control-size, 40px);
  }

  /* One row when wide; below 900 px the timeline gets a row of its own, below 560 px all do. */
  [part="base"] {
    display: grid;
    grid-template-columns: auto minmax(0, 1fr) auto;
    grid-template-areas: "transport center options";
    align-items: center;
    gap: 6px 18px;
    padding: 6px 14px 6px 6px;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    font-size: 14px;
  }
  [part="base"].bare {
    grid-template-columns: auto minmax(0, 1fr);
    grid-template-areas: "transport center";
  }
  .transport {
    grid-area: transport;
  }
  .center {
    grid-area: center;
  }
  .options {
    grid-area: options;
  }
  @container (max-width: 900px) {
    [part="base"] {
      grid-template-columns: auto minmax(0, 1fr);
      grid-template-areas: "transport options" "center center";
      padding: 6px 14px 10px 6px;
    }
    .center {
      padding-left: 8px;
    }
    .options {
      justify-self: end;
    }
  }
  @container (max-width: 560px) {
    [part="base"] {
      grid-template-columns: minmax(0, 1fr);
      grid-template-areas: "transport" "center" "options";
    }
    .options {
      justify-self: start;
      padding-left: 8px;
    }
  }

  @container (max-width: 420px) {
    [part="base"].bare {
      grid-template-columns: minmax(0, 1fr);
      grid-template-areas: "transport" "center";
    }
  }

  /* Transport */
  .transport {
    display: flex;
    align-items: center;
    gap: 2px;
  }
  button {
    display: grid;
    place-items: center;
    width: var(--_control);
    height: var(--_control);
    padding: 0;
    border: 0;
    border-radius: 8px;
    background: transparent;
    color: var(--_text);
    cursor: pointer;
  }
  button:hover {
    background: color-mix(in srgb, var(--_accent) 10%, transparent);
  }
  button[aria-disabled="true"] {
    color: color-mix(in srgb, var(--_muted) 45%, transparent);
    cursor: default;
  }
  button[aria-disabled="true"]:hover {
    background: transparent;
  }
  button.play {
    margin: 0 4px;
    border-radius: 50%;
    background: var(--_fill);
    color: #fff;
  }
  button.play:hover {
    background: color-mix(in srgb, var(--_fill) 82%, #000);
  }

  /* Readout above the timeline */
  .center {
    display: grid;
    gap: 2px;
    min-width: 0;
  }
  .readout {
    display: flex;
    align-items: baseline;
    justify-content: space-between;
    gap: 12px;
    min-width: 0;
    font-size: 12px;
    line-height: 16px;
    font-variant-numeric: tabular-nums;
  }
  .where {
    min-width: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .where b {
    margin-right: 0.35em;
    font-weight: 700;
  }
  .detail,
  .count {
    color: var(--_muted);
  }
  .count {
    flex: none;
  }

  /* Timeline: one equal segment per layer, labels under it */
  .track {
    padding: 2px 0;
    border-radius: 4px;
    cursor: pointer;
    touch-action: none;
    user-select: none;
    -webkit-user-select: none;
  }
  .track:focus-visible {
    outline-offset: 3px;
  }
  .segments,
  .labels {
    display: grid;
    grid-template-columns: repeat(var(--layers), minmax(0, 1fr));
    gap: ${gap};
  }
  .segments {
    position: relative;
    height: 8px;
    margin-top: 4px;
  }
  .segment {
    position: relative;
    overflow: hidden;
    border-radius: 2px;
    background: var(--_track);
  }
  .segment.current {
    background: color-mix(in srgb, var(--_fill) 22%, var(--_track));
  }
  .segment::before {
    content: "";
    position: absolute;
    inset: 0 auto 0 0;
    width: calc(var(--fill) * 100%);
    background: var(--_fill);
    transition: width 120ms ease-out;
  }
  .segment.ticks::after {
    content: "";
    position: absolute;
    inset: 0;
    background: repeating-linear-gradient(
      to right,
      transparent 0 calc(100% / var(--n) - 1px),
      var(--_surface) calc(100% / var(--n) - 1px) calc(100% / var(--n))
    );
    opacity: 0.9;
  }
  .thumb {
    position: absolute;
    top: 50%;
    left: calc(
      (100% - (var(--layers) - 1) * ${gap}) / var(--layers) * (var(--layer) + var(--within)) +
        var(--layer) * ${gap}
    );
    width: 16px;
    height: 16px;
    border-radius: 50%;
    background: var(--_surface);
    border: 3px solid var(--_fill);
    box-shadow: 0 1px 3px rgb(0 0 0 / 0.25);
    transform: translate(-50%, -50%);
    transition: left 120ms ease-out;
    pointer-events: none;
  }
  .labels {
    margin-top: 6px;
    font-size: 11px;
    line-height: 14px;
    color: var(--_muted);
  }
  .labels span {
    overflow: hidden;
    text-align: center;
    white-space: nowrap;
  }
  .labels span.crowded {
    visibility: hidden;
  }
  .labels span.current {
    position: relative;
    z-index: 1;
    justify-self: center;
    overflow: visible;
    padding: 0 3px;
    background: var(--_surface);
    color: var(--_fill);
    font-weight: 700;
  }

  /* Options */
  .options {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 8px;
  }
  .speed select {
    height: 32px;
    padding: 0 6px;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    font-size: 13px;
    font-variant-numeric: tabular-nums;
    cursor: pointer;
  }
  .granularity {
    display: inline-flex;
    gap: 2px;
    margin: 0;
    padding: 2px;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .granularity label {
    position: relative;
    display: block;
  }
  .granularity input {
    position: absolute;
    inset: 0;
    width: 100%;
    height: 100%;
    margin: 0;
    opacity: 0;
    cursor: pointer;
  }
  .granularity span {
    display: block;
    padding: 0 9px;
    border-radius: calc(var(--_radius) - 2px);
    font-size: 13px;
    line-height: 26px;
    color: var(--_muted);
  }
  .granularity input:hover + span {
    color: var(--_text);
  }
  .granularity input:checked + span {
    background: color-mix(in srgb, var(--_fill) 14%, transparent);
    color: var(--_fill);
    font-weight: 600;
  }
  .granularity input:focus-visible + span {
    outline: 2px solid var(--_accent);
    outline-offset: 1px;
  }

  .note {
    grid-area: center;
    margin: 0;
    color: var(--_muted);
    font-size: 0.9em;
  }
  .error {
    grid-column: 1 / -1;
    margin: 0;
  }

  /* Playback jumps: no tweening while playing or when motion is reduced. */
  :host([playing]) .thumb,
  :host([playing]) .segment::before {
    transition: none;
  }
  @media (prefers-reduced-motion: reduce) {
    .thumb,
    .segment::before {
      transition: none;
    }
  }
`;
