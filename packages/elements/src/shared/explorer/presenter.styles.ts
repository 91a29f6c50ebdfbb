/**
 * The toolbar, and the presenter layout of both explorers: one 16:9 screen holding the network
 * (top left), the player under it, the feature maps under that (larger thumbnails), and the
 * current neuron's arithmetic down the right; larger type; the other blocks (input, prediction,
 * table, summary, sweep, idea) step aside. Added after each explorer's own sheet.
 */
import { css } from "lit";

export const presenterStyles = css`
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: flex-end;
    gap: 0.4em;
    font-size: 0.85em;
  }
  .toolbar button,
  .toolbar summary {
    padding: 0.25em 0.8em;
    border-radius: var(--_radius);
    border: 1px solid var(--_border);
    background: var(--_surface);
    color: var(--_text);
    cursor: pointer;
    font: inherit;
  }
  .toolbar button[aria-pressed="true"] {
    background: var(--_accent);
    border-color: var(--_accent);
    color: #fff;
  }
  .export {
    position: relative;
  }
  .export summary {
    list-style: none;
  }
  .export summary::after {
    content: " ▾";
  }
  .export-menu {
    position: absolute;
    right: 0;
    z-index: 2;
    display: grid;
    gap: 0.25em;
    margin-top: 0.25em;
    padding: 0.4em;
    min-width: 14em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    box-shadow: 0 4px 14px rgb(0 0 0 / 12%);
  }
  .export-menu button {
    text-align: start;
  }
  [part="base"]:focus {
    outline: none;
  }

  /* ---- presenter layout: the whole screen, over the page (full screen or not) ---- */
  :host([presenter]) {
    box-sizing: border-box;
    position: fixed;
    inset: 0;
    z-index: 2147483000;
    width: 100vw;
    height: 100vh;
    height: 100dvh;
    overflow: hidden;
    padding: 12px 16px;
    background: var(--_surface, #fff);
    font-size: clamp(16px, 1.15vw, 26px);
    --_gap: 10px;
  }
  :host([presenter]) [part="base"] {
    height: 100%;
    grid-template-columns: minmax(0, 1fr) auto;
    grid-template-rows: auto minmax(0, 1fr);
    align-items: center;
  }
  :host([presenter]) [part="base"] > :not(header, .toolbar) {
    grid-column: 1 / -1;
  }
  :host([presenter]) .credit,
  :host([presenter]) .status {
    display: none;
  }
  :host([presenter]) h2 {
    font-size: 1.15em;
  }
  :host([presenter]) .grid {
    height: 100%;
    min-height: 0;
    align-self: stretch;
    grid-template-columns: minmax(0, 1.1fr) minmax(0, 0.9fr);
    grid-template-rows: auto auto minmax(0, 1fr);
    grid-template-areas: "network math" "player math" "maps math";
  }
  :host([presenter]) .region {
    min-height: 0;
    overflow: auto;
  }
  :host([presenter]) .region:not(.network, .player, .maps, .math) {
    display: none;
  }
  :host([presenter]) .region.network {
    overflow: hidden;
  }
  :host([presenter]) cs-neuron-math {
    --cs-neuron-math-font-size: clamp(0.62rem, 0.85vw, 1.1rem);
  }
  :host([presenter]) .region-title {
    font-size: 0.8em;
  }
`;
