/** Helpers for the elements' browser tests (not shipped: excluded from the build). */
import axe from "axe-core";
import { expect } from "vitest";

/** Creates `<tag attr=value…>`, appends it to the body, and waits for its first render. */
export async function mount<T extends HTMLElement>(
  tag: string,
  attributes: Record<string, string> = {},
): Promise<T> {
  const el = document.createElement(tag) as T;
  for (const [k, v] of Object.entries(attributes)) el.setAttribute(k, v);
  document.body.append(el);
  await (el as unknown as { updateComplete?: Promise<unknown> }).updateComplete;
  return el;
}

/** Runs axe-core on an element (shadow DOM included) and fails on serious or critical violations. */
export async function expectNoAxeViolations(el: Element): Promise<void> {
  const results = await axe.run(el, { resultTypes: ["violations"] });
  const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(
    bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`),
  ).toEqual([]);
}

type Updatable = Element & { updateComplete?: Promise<unknown> };

/**
 * Waits for an explorer and every block inside it (`.region > *`), then for the next layout (the
 * animation frame's callbacks run, every ResizeObserver told its size) and what the blocks render
 * from it.
 */
export async function settleExplorer(
  el: Element & { updateComplete: Promise<unknown> },
): Promise<void> {
  const blocks = async () => {
    for (let i = 0; i < 3; i++) {
      await el.updateComplete;
      for (const block of el.shadowRoot!.querySelectorAll<Updatable>(".region > *")) {
        await block.updateComplete;
      }
    }
  };
  await blocks();
  await nextLayout();
  await blocks();
}

/**
 * Resolves once the browser has laid the page out and told every ResizeObserver (the element's
 * own included: observers are told in the order they were made) its size, and `el` has rendered
 * what it measured. For elements that lay themselves out by their width.
 */
export async function afterLayout(el: Updatable): Promise<void> {
  await el.updateComplete;
  await nextLayout();
  await el.updateComplete;
}

/** The next layout: a ResizeObserver made now is told after every older one (and the frame's callbacks). */
function nextLayout(): Promise<void> {
  return new Promise<void>((resolve) => {
    const observer = new ResizeObserver(() => {
      observer.disconnect();
      resolve();
    });
    observer.observe(document.documentElement);
  });
}

/** Resolves after `count` animation frames (for checking that nothing moves across frames). */
export async function frames(count: number): Promise<void> {
  for (let i = 0; i < count; i++) await new Promise((r) => requestAnimationFrame(r));
}
