/** The player's icons: 24×24 paths drawn in the current colour, hidden from assistive tech. */
import { svg } from "lit";

const icon = (d: string) =>
  svg`<svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false"><path d=${d} fill="currentColor"></path></svg>`;

export const icons = {
  first: icon("M6 6h2v12H6zm3.5 6 8.5 6V6z"),
  prev: icon("M15.4 7.4 14 6l-6 6 6 6 1.4-1.4-4.6-4.6z"),
  play: icon("M8 5.5v13a.6.6 0 0 0 .9.5l10.2-6.5a.6.6 0 0 0 0-1L8.9 5a.6.6 0 0 0-.9.5z"),
  pause: icon("M7 5h3.5v14H7zm6.5 0H17v14h-3.5z"),
  next: icon("M10 6 8.6 7.4l4.6 4.6-4.6 4.6L10 18l6-6z"),
  last: icon("M6 18l8.5-6L6 6v12zM16 6v12h2V6h-2z"),
};
