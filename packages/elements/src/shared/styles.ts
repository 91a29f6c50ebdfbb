/** Styles every element shares: theme tokens, focus ring, error box, visually hidden text. */
import { css } from "lit";

/**
 * Public theme properties (set them on the element or any ancestor):
 * `--cs-font`, `--cs-color-text`, `--cs-color-muted`, `--cs-color-surface`, `--cs-color-border`,
 * `--cs-color-accent`, `--cs-color-error`, `--cs-radius`. Each maps to a private `--_` property.
 */
export const baseStyles = css`
  :host {
    --_font: var(
      --cs-font,
      system-ui,
      -apple-system,
      "Segoe UI",
      Roboto,
      "Noto Sans KR",
      sans-serif
    );
    --_text: var(--cs-color-text, #1f2328);
    --_muted: var(--cs-color-muted, #57606a);
    --_surface: var(--cs-color-surface, #ffffff);
    --_border: var(--cs-color-border, #d0d7de);
    --_accent: var(--cs-color-accent, #0b62c4);
    --_error: var(--cs-color-error, #b3261e);
    --_radius: var(--cs-radius, 6px);
    font-family: var(--_font);
    color: var(--_text);
    box-sizing: border-box;
  }
  /* Korean breaks between words (어절), never inside one: "지우기" stays whole. */
  :host(:lang(ko)) {
    word-break: keep-all;
  }
  :host([hidden]) {
    display: none !important;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  :focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  .error {
    color: var(--_error);
    border: 1px solid currentColor;
    border-radius: var(--_radius);
    padding: 0.5em 0.75em;
    font-size: 0.9em;
  }
  button,
  select,
  input {
    font: inherit;
  }
`;
