/**
 * Registers convstep's widgets lazily, as their tags appear (the autoloader pattern of Shoelace's
 * `shoelace-autoloader.ts`): the document, and any shadow root it is told about, is watched with a
 * MutationObserver; each undefined `cs-*` tag seen for the first time imports its element's define
 * module, which Vite splits into a chunk of its own. A page with one widget loads one widget.
 */

/** Imports the module that defines one element (its chunk, and the chunks it shares). */
export type ElementLoader = () => Promise<unknown>;

/**
 * Every widget's tag and the module that defines it. Written out (not globbed) so that each
 * `import()` is static for the bundler, which makes one chunk per define module. A new element
 * adds its line here: the embed test fails while a tag that a `define.ts` registers has none.
 */
export const ELEMENT_LOADERS: Readonly<Record<string, ElementLoader>> = {
  "cs-player": () => import("@convstep/elements/player/define.js"),
  "cs-feature-maps": () => import("@convstep/elements/feature-maps/define.js"),
  "cs-network": () => import("@convstep/elements/network/define.js"),
  "cs-neuron-math": () => import("@convstep/elements/neuron-math/define.js"),
  "cs-connection-table": () => import("@convstep/elements/connection-table/define.js"),
  "cs-digit-pad": () => import("@convstep/elements/digit-pad/define.js"),
  "cs-model-summary": () => import("@convstep/elements/model-summary/define.js"),
  "cs-prediction": () => import("@convstep/elements/prediction/define.js"),
  "cs-image-input": () => import("@convstep/elements/image-input/define.js"),
  "cs-conv-window": () => import("@convstep/elements/conv-window/define.js"),
  "cs-lenet-explorer": () => import("@convstep/elements/lenet-explorer/define.js"),
  "cs-trainer": () => import("@convstep/elements/trainer/define.js"),
  "cs-activation-race": () => import("@convstep/elements/activation-race/define.js"),
  "cs-conv-sweep": () => import("@convstep/elements/alexnet-explorer/define.js"),
  "cs-alexnet-explorer": () => import("@convstep/elements/alexnet-explorer/define.js"),
};

/** What became of a tag's define module: loading, loaded, or failed (with the error). */
const loads = new Map<string, Promise<void>>();

/** The roots being watched, each with its observer. */
const observers = new WeakMap<Document | ShadowRoot, MutationObserver>();

/**
 * Defines the element of a tag (once; later calls share the first load). Resolves once the tag is
 * defined; rejects, and logs one console error, when its module cannot be loaded. Tags that are
 * not convstep's are ignored (resolve at once).
 */
export function load(tag: string): Promise<void> {
  const name = tag.toLowerCase();
  const known = loads.get(name);
  if (known) return known;
  const loader = Object.hasOwn(ELEMENT_LOADERS, name) ? ELEMENT_LOADERS[name] : undefined;
  if (!loader || customElements.get(name)) return Promise.resolve();
  const pending = loader().then(
    () => undefined,
    (error: unknown) => {
      // eslint-disable-next-line no-console -- the page has no other place to say it
      console.error(`convstep: cannot load <${name}>:`, error);
      throw error;
    },
  );
  // A failure is reported once (above); callers awaiting `load` still see the rejection.
  pending.catch(() => {});
  loads.set(name, pending);
  return pending;
}

/** The undefined `cs-*` tags under a root, the root itself included when it is an element. */
function undefinedTags(root: Element | Document | ShadowRoot | DocumentFragment): Set<string> {
  const tags = new Set<string>();
  if (
    root instanceof Element &&
    root.localName.startsWith("cs-") &&
    !customElements.get(root.localName)
  ) {
    tags.add(root.localName);
  }
  for (const el of root.querySelectorAll(":not(:defined)")) {
    if (el.localName.startsWith("cs-")) tags.add(el.localName);
  }
  return tags;
}

/**
 * Loads the elements of the undefined `cs-*` tags under `root` (default: the document) now.
 * Resolves when all of them are defined (rejects if one fails).
 */
export async function discover(
  root: Element | Document | ShadowRoot | DocumentFragment = document,
): Promise<void> {
  await Promise.all([...undefinedTags(root)].map(load));
}

/**
 * Watches `root` (default: the document) for `cs-*` tags, loading each element as it first
 * appears, and loads those already there. Call it with the shadow root of your own component when
 * it renders convstep widgets in its shadow DOM (the document's observer cannot see inside).
 * Returns a function that stops watching.
 */
export function observe(root: Document | ShadowRoot = document): () => void {
  const existing = observers.get(root);
  if (!existing) {
    const observer = new MutationObserver((records) => {
      for (const record of records) {
        for (const node of record.addedNodes) {
          if (node instanceof Element) void discover(node).catch(() => {});
        }
      }
    });
    observer.observe(root instanceof Document ? root.documentElement : root, {
      childList: true,
      subtree: true,
    });
    observers.set(root, observer);
  }
  void discover(root).catch(() => {});
  return () => {
    observers.get(root)?.disconnect();
    observers.delete(root);
  };
}
