/**
 * `styleProps`: inline style properties set through CSSOM, so that they work under a
 * Content-Security-Policy without `'unsafe-inline'` in `style-src`.
 *
 * A browser refuses a `style="…"` attribute written in markup or with `setAttribute` under such
 * a policy, but always applies `element.style.setProperty(…)`. Lit's `styleMap` writes the
 * attribute on its first render (lit/lit#4719) and a `style="left:${x}px"` binding always does,
 * so the elements use this directive instead, in the tag itself (an element part, not a `style`
 * attribute):
 *
 *   html`<div class="bar" ${styleProps({ width: `${w}%`, "--fill": color })}></div>`
 *
 * Names are CSS names (`grid-area`, `--my-prop`); a `null`/`undefined` value leaves the property
 * unset, and a property that a later render drops is removed.
 */
import { nothing } from "lit";
import { Directive, directive, PartType, type ElementPart, type PartInfo } from "lit/directive.js";

/** CSS property name (dash-case, custom properties included) → value. */
export type StyleProps = Readonly<Record<string, string | number | null | undefined>>;

class StylePropsDirective extends Directive {
  /** What this directive last set, by name. */
  readonly #set = new Map<string, string>();

  constructor(info: PartInfo) {
    super(info);
    if (info.type !== PartType.ELEMENT) {
      throw new Error("styleProps() goes in an element's tag, as <div ${styleProps({…})}>");
    }
  }

  render(_props: StyleProps): typeof nothing {
    return nothing;
  }

  override update(part: ElementPart, [props]: [StyleProps]): typeof nothing {
    const { style } = part.element as HTMLElement | SVGElement;
    for (const name of [...this.#set.keys()]) {
      if (props[name] == null) {
        style.removeProperty(name);
        this.#set.delete(name);
      }
    }
    for (const [name, value] of Object.entries(props)) {
      if (value == null) continue;
      const text = String(value);
      if (this.#set.get(name) !== text) style.setProperty(name, text);
      this.#set.set(name, text);
    }
    return nothing;
  }
}

/** Sets inline style properties with `style.setProperty` (see the module's comment). */
export const styleProps = directive(StylePropsDirective);
