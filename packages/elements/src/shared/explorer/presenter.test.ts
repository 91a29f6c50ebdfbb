/**
 * The presenter controller's state machine, with the Fullscreen API stubbed: inside Vitest's
 * iframe `requestFullscreen` is refused (no `allowfullscreen`), so the real API is exercised by
 * test/e2e/presenter.test.ts in a top-level page with a real click. Here: the button, the
 * `fullscreenchange` sync, Esc out of the layout, and which keys stay where they were typed.
 */
import "@tensorflow/tfjs-backend-cpu";
import * as tf from "@tensorflow/tfjs-core";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import "../../lenet-explorer/define.js";
import type { CsLenetExplorer } from "../../lenet-explorer/lenet-explorer.component.js";
import { setAssetBase } from "../assets.js";
import { mount, settleExplorer } from "../../test-utils/mount.js";
import { keyBelongsElsewhere, presenterNetworkHeight } from "./presenter.js";

beforeAll(() => {
  tf.env().set("PROD", true);
  setAssetBase("/packages/models/");
});

let full: Element | null = null;

/** A Fullscreen API that grants every request and sends `fullscreenchange`, as the browser does. */
function stubFullscreen(el: HTMLElement): void {
  full = null;
  Object.defineProperty(document, "fullscreenElement", { configurable: true, get: () => full });
  Object.defineProperty(document, "fullscreenEnabled", { configurable: true, get: () => true });
  Object.defineProperty(document, "exitFullscreen", {
    configurable: true,
    value: async () => {
      full = null;
      document.dispatchEvent(new Event("fullscreenchange"));
    },
  });
  el.requestFullscreen = async () => {
    full = el;
    document.dispatchEvent(new Event("fullscreenchange"));
  };
}

afterEach(() => {
  document.body.replaceChildren();
  delete (document as unknown as Record<string, unknown>).fullscreenElement;
  delete (document as unknown as Record<string, unknown>).fullscreenEnabled;
  delete (document as unknown as Record<string, unknown>).exitFullscreen;
  history.replaceState(null, "", `${location.pathname}${location.search}`);
});

async function explorer(): Promise<CsLenetExplorer> {
  const el = await mount<CsLenetExplorer>("cs-lenet-explorer", {
    backend: "cpu",
    weights: "seeded",
  });
  await el.ready;
  await settleExplorer(el);
  return el;
}

const button = (el: CsLenetExplorer, cls: string) =>
  el.shadowRoot!.querySelector<HTMLButtonElement>(`.toolbar .${cls}`)!;

describe("presenter controller", () => {
  it("the full-screen button enters full screen with the presenter layout; fullscreenchange out restores it", async () => {
    const el = await explorer();
    stubFullscreen(el);
    el.requestUpdate();
    await el.updateComplete;
    const changed = new Promise((r) =>
      document.addEventListener("fullscreenchange", r, { once: true }),
    );
    button(el, "fullscreen").click();
    await changed;
    await el.updateComplete;
    expect(el.fullscreen).toBe(true);
    expect(el.hasAttribute("presenter")).toBe(true);
    expect(button(el, "fullscreen").getAttribute("aria-pressed")).toBe("true");
    await document.exitFullscreen(); // what the browser's Esc ends in
    await el.updateComplete;
    expect(el.fullscreen).toBe(false);
    expect(el.hasAttribute("presenter")).toBe(false);
    expect(button(el, "fullscreen").getAttribute("aria-pressed")).toBe("false");
  });

  it("a presenter set before full screen stays after it; Esc leaves the layout when not full screen", async () => {
    const el = await explorer();
    stubFullscreen(el);
    el.presenter = true;
    await el.updateComplete;
    await el.toggleFullscreen();
    await el.toggleFullscreen();
    await el.updateComplete;
    expect(el.presenter).toBe(true);
    el.shadowRoot!.querySelector("h2")!.dispatchEvent(
      new KeyboardEvent("keydown", {
        key: "Escape",
        bubbles: true,
        composed: true,
        cancelable: true,
      }),
    );
    await el.updateComplete;
    expect(el.presenter).toBe(false);
  });

  it("keys typed into a field, the digit pad, or already used by a block stay there", () => {
    const host = document.createElement("div");
    const input = document.createElement("input");
    const pad = document.createElement("cs-digit-pad");
    const padButton = document.createElement("button");
    const plain = document.createElement("p");
    pad.append(padButton);
    host.append(input, pad, plain);
    document.body.append(host);
    const press = (target: Element, key: string, used = false) => {
      let answer: boolean | undefined;
      const e = new KeyboardEvent("keydown", { key, bubbles: true, cancelable: true });
      if (used) e.preventDefault();
      host.addEventListener("keydown", (ev) => (answer = keyBelongsElsewhere(ev)), { once: true });
      target.dispatchEvent(e);
      return answer;
    };
    expect(press(input, "ArrowRight")).toBe(true);
    expect(press(padButton, "End")).toBe(true);
    expect(press(plain, "ArrowRight", true)).toBe(true);
    expect(press(plain, "ArrowRight")).toBe(false);
    expect(press(plain, "PageDown")).toBe(false);
  });

  it("the network gets a third of the screen's height in presenter mode, between 200 and 520 px", () => {
    expect(presenterNetworkHeight(720)).toBe(238); // 720 / 3.03 rounded: 237.6
    expect(presenterNetworkHeight(1080)).toBe(356); // 356.4
    expect(presenterNetworkHeight(400)).toBe(200);
    expect(presenterNetworkHeight(2160)).toBe(520);
  });
});

describe("presenter controller without full screen", () => {
  it("a refused full screen (Vitest's iframe has no allowfullscreen) leaves the presenter layout on the page", async () => {
    const el = await mount<CsLenetExplorer>("cs-lenet-explorer", {
      backend: "cpu",
      weights: "seeded",
    });
    await el.ready;
    el.requestFullscreen = () => Promise.reject(new TypeError("Permissions check failed"));
    await el.toggleFullscreen();
    await el.updateComplete;
    expect(el.fullscreen).toBe(false);
    expect(el.presenter).toBe(true);
    expect(el.shadowRoot!.querySelector("[part~='failure'], .failure")).toBeNull();
  });
});
