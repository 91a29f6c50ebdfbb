/**
 * Computed styles read once, not on every update. Reading `getComputedStyle(el).getPropertyValue`
 * right after Lit changed the DOM forces a style recalculation, on every cursor step. The values a
 * widget reads (its theme's custom properties, its font) change only when a class, style or theme
 * attribute changes on `<html>` or on `<body>`, when any attribute of the element changes, when the colour scheme or contrast
 * preference changes, or when the element moves: this cache reads them again only then.
 */

/** The part of a computed style that widgets read. */
export interface CachedStyle {
  getPropertyValue(name: string): string;
  readonly fontFamily: string;
}

/** Bumped whenever the page's theme could have changed. */
let pageEpoch = 0;
let watchingPage = false;

const ATTRIBUTES = ["class", "style", "data-theme", "dir"];

function watchPage(): void {
  if (watchingPage || typeof document === "undefined") return;
  watchingPage = true;
  const bump = () => void pageEpoch++;
  const observer = new MutationObserver(bump);
  const options = { attributes: true, attributeFilter: ATTRIBUTES };
  observer.observe(document.documentElement, options);
  if (document.body) observer.observe(document.body, options);
  else
    document.addEventListener("DOMContentLoaded", () => {
      if (document.body) observer.observe(document.body, options);
      bump();
    });
  for (const query of [
    "(prefers-color-scheme: dark)",
    "(prefers-contrast: more)",
    "(forced-colors: active)",
  ])
    globalThis.matchMedia?.(query).addEventListener?.("change", bump);
}

interface Entry {
  epoch: number;
  own: number;
  parent: Node | null;
  values: Map<string, string>;
  font: string | undefined;
  observer: MutationObserver;
}

const entries = new WeakMap<Element, Entry>();

/**
 * The element's computed style, cached: values read once and kept until something that could
 * change them changes (see the module comment).
 */
export function cachedStyle(el: Element): CachedStyle {
  watchPage();
  let entry = entries.get(el);
  if (!entry) {
    const fresh: Entry = {
      epoch: pageEpoch,
      own: 0,
      parent: el.parentNode,
      values: new Map(),
      font: undefined,
      observer: new MutationObserver(() => void fresh.own++),
    };
    // Every attribute of the element itself: its styles may select on any (`:host([theme])`).
    fresh.observer.observe(el, { attributes: true });
    entries.set(el, fresh);
    entry = fresh;
  }
  const e = entry;
  const key = pageEpoch * 1e6 + e.own;
  if (e.epoch !== key || e.parent !== el.parentNode) {
    e.epoch = key;
    e.parent = el.parentNode;
    e.values.clear();
    e.font = undefined;
  }
  let computed: CSSStyleDeclaration | undefined;
  const style = () => (computed ??= getComputedStyle(el));
  return {
    getPropertyValue(name: string): string {
      let value = e.values.get(name);
      if (value === undefined) {
        value = style().getPropertyValue(name);
        e.values.set(name, value);
      }
      return value;
    },
    get fontFamily(): string {
      e.font ??= style().fontFamily;
      return e.font;
    },
  };
}
