/** Registers a custom element unless the tag is already taken (two bundles on one page). */
export function defineElement(tag: string, ctor: CustomElementConstructor): void {
  if (!customElements.get(tag)) customElements.define(tag, ctor);
}
