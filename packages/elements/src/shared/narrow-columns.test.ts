import "@tensorflow/tfjs-backend-cpu";
import { afterEach, describe, expect, it } from "vitest";
import "../lenet-explorer/define.js";
import type { CsLenetExplorer } from "../lenet-explorer/lenet-explorer.component.js";
import { mount, settleExplorer } from "../test-utils/mount.js";

/** The parent in the flat tree: the parent element, or the shadow host of a shadow root. */
function parentOf(el: Element): Element | null {
  if (el.parentElement) return el.parentElement;
  const root = el.getRootNode();
  return root instanceof ShadowRoot ? root.host : null;
}

function* everyElement(root: Element | ShadowRoot): Generator<Element> {
  for (const el of root.querySelectorAll("*")) {
    yield el;
    if (el.shadowRoot) yield* everyElement(el.shadowRoot);
  }
}

/**
 * Elements that stick out of the explorer without a scroll container to hold them, or that a
 * clipping box (overflow hidden) cuts off: "what (px past)".
 */
function sticksOut(explorer: Element): string[] {
  const frame = explorer.getBoundingClientRect();
  const out: string[] = [];
  for (const el of everyElement(explorer.shadowRoot!)) {
    const r = el.getBoundingClientRect();
    if (r.width <= 1 || r.height <= 1) continue; // visually hidden text, empty boxes
    let box: Element | null = parentOf(el);
    let clip: Element = explorer;
    while (box && box !== explorer) {
      if (getComputedStyle(box).overflowX !== "visible") {
        clip = box;
        break;
      }
      box = parentOf(box);
    }
    const style = clip === explorer ? undefined : getComputedStyle(clip).overflowX;
    if (style === "auto" || style === "scroll") continue; // it scrolls, and says so (tested below)
    const edge = clip === explorer ? frame : clip.getBoundingClientRect();
    const past = Math.max(r.right - edge.right, edge.left - r.left);
    if (past > 1) {
      const what = `${el.localName}${el.className && typeof el.className === "string" ? "." + el.className.split(" ")[0] : ""}`;
      out.push(`${what} (${Math.round(past)} px)`);
    }
  }
  return [...new Set(out)];
}

describe("the LeNet explorer in narrow and wide columns", () => {
  afterEach(() => document.body.replaceChildren());

  for (const width of [320, 390, 720, 1440]) {
    it(`at ${width} px nothing is wider than its container, and every box that scrolls shows it`, async () => {
      const el = await mount<CsLenetExplorer>("cs-lenet-explorer", {
        backend: "cpu",
        weights: "seeded",
      });
      el.style.display = "block";
      el.style.width = `${width}px`;
      await el.ready;
      await settleExplorer(el);
      expect(sticksOut(el)).toEqual([]);
      // Every box that does scroll has a visible scrollbar and edge shadows.
      for (const box of everyElement(el.shadowRoot!)) {
        if (!(box instanceof HTMLElement) || box.scrollWidth <= box.clientWidth + 1) continue;
        const style = getComputedStyle(box);
        if (style.overflowX !== "auto" && style.overflowX !== "scroll") continue;
        expect(style.scrollbarWidth, box.className).not.toBe("none");
        expect(style.backgroundImage, box.className).toContain("radial-gradient");
      }
      const network = el.shadowRoot!.querySelector("cs-network")!;
      const scroller = network.shadowRoot!.querySelector<HTMLElement>(".scroller")!;
      const hint = network.shadowRoot!.querySelector(".scroll-hint");
      expect(hint !== null).toBe(scroller.scrollWidth > scroller.clientWidth + 1);
    });
  }
});
