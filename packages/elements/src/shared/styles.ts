/** Styles every element shares: theme tokens, focus ring, error box, visually hidden text. */
import { css } from "lit";

/**
 * Public theme properties (set them on the element or any ancestor):
 * `--cs-font`, `--cs-color-text`, `--cs-color-muted`, `--cs-color-surface`, `--cs-color-border`,
 * `--cs-color-accent`, `--cs-color-error`, `--cs-radius`. Each maps to a private `--_` property.
 *
 * `theme="dark"` on any element gives it and every element inside it dark tokens; `theme="auto"`
 * follows the reader's `prefers-color-scheme`. The tokens are set as `--_theme-*` properties, which
 * inherit into the inner elements' shadow roots (each of which maps them to its own `--_` ones).
 */
export const baseStyles = css`
  :host([theme="dark"]) {
    --_theme-text: #e6edf3;
    --_theme-muted: #9da7b3;
    --_theme-surface: #0d1117;
    --_theme-border: #3d444d;
    --_theme-accent: #4493f8;
    --_theme-error: #ff7b72;
    --_theme-ok: #3fb950;
    --_theme-warn: #d29922;
    color-scheme: dark;
  }
  @media (prefers-color-scheme: dark) {
    :host([theme="auto"]) {
      --_theme-text: #e6edf3;
      --_theme-muted: #9da7b3;
      --_theme-surface: #0d1117;
      --_theme-border: #3d444d;
      --_theme-accent: #4493f8;
      --_theme-error: #ff7b72;
      --_theme-ok: #3fb950;
      --_theme-warn: #d29922;
      color-scheme: dark;
    }
  }
  :host([theme="dark"]),
  :host([theme="auto"]) {
    background: var(--_surface);
  }
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
    --_text: var(--cs-color-text, var(--_theme-text, #1f2328));
    --_muted: var(--cs-color-muted, var(--_theme-muted, #57606a));
    --_surface: var(--cs-color-surface, var(--_theme-surface, #ffffff));
    --_border: var(--cs-color-border, var(--_theme-border, #d0d7de));
    --_accent: var(--cs-color-accent, var(--_theme-accent, #0b62c4));
    --_error: var(--cs-color-error, var(--_theme-error, #b3261e));
    --_ok: var(--_theme-ok, #116329);
    --_warn: var(--_theme-warn, #7d4e00);
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
  /* A box that scrolls sideways shows it: a visible scrollbar, and a shadow at each edge that has
     more to see (the covers scroll with the content and hide the shadow at the ends). Boxes with
     their own background set --_scroll-bg to it. */
  .scroll-x {
    overflow-x: auto;
    scrollbar-width: auto;
    scrollbar-color: color-mix(in srgb, var(--_muted) 65%, transparent) transparent;
    background:
      linear-gradient(to right, var(--_scroll-bg, var(--_surface)) 40%, transparent) left center /
        28px 100% no-repeat local,
      linear-gradient(to left, var(--_scroll-bg, var(--_surface)) 40%, transparent) right center /
        28px 100% no-repeat local,
      radial-gradient(
          farthest-side at 0 50%,
          color-mix(in srgb, var(--_text) 28%, transparent),
          transparent
        )
        left center / 12px 100% no-repeat scroll,
      radial-gradient(
          farthest-side at 100% 50%,
          color-mix(in srgb, var(--_text) 28%, transparent),
          transparent
        )
        right center / 12px 100% no-repeat scroll,
      var(--_scroll-bg, transparent);
  }
`;
