/**
 * Presenter mode of an explorer, as a Lit reactive controller: full screen on the explorer (the
 * Fullscreen API; Esc leaves, the browser does it, and `fullscreenchange` keeps the state in
 * sync), the `presenter` layout while full screen (or whenever the attribute is set), the
 * player's keys anywhere in the explorer, and the presenter flag in the URL hash next to the step
 * (`#lenet=C3:4:2,3@neuron&lenet-presenter=1`) when the explorer syncs its URL.
 *
 * Esc leaves the presenter layout (and, in full screen, the browser's Esc leaves full screen).
 * Keys (←/→ a step, ↑/↓ and Page Up/Down a layer, Home/End, Space play/pause) reach the player
 * from anywhere inside the explorer, and, in presenter mode, from the page itself when nothing
 * else has focus (a presentation clicker sends Page Up/Down to the page). A key another block
 * already used (its `preventDefault`), a key typed into a field, and a key in the digit pad or
 * the image input are left alone.
 */
import type { ReactiveController, ReactiveControllerHost } from "lit";
import { readHash, writeHash } from "./url-state.js";

/** What the controller reads from and sets on its explorer. */
export interface PresenterHost extends ReactiveControllerHost, HTMLElement {
  presenter: boolean;
  readonly syncUrl: boolean;
  readonly renderRoot: HTMLElement | DocumentFragment;
}

/** Blocks whose keys are their own (drawing, picking files, typing). */
const OWN_KEYS = new Set(["cs-digit-pad", "cs-image-input", "input", "textarea", "select"]);

/** The keys forwarded to the player, and the player key each one becomes. */
const PLAYER_KEYS: Readonly<Record<string, string>> = {
  ArrowRight: "ArrowRight",
  ArrowLeft: "ArrowLeft",
  ArrowDown: "PageDown",
  ArrowUp: "PageUp",
  PageDown: "PageDown",
  PageUp: "PageUp",
  Home: "Home",
  End: "End",
  " ": " ",
};

/** The hash key of the presenter flag, beside the step's key. */
export function presenterHashKey(stepKey: string): string {
  return `${stepKey}-presenter`;
}

/** True when the event should stay with what it was typed into. */
export function keyBelongsElsewhere(e: KeyboardEvent): boolean {
  if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return true;
  for (const node of e.composedPath()) {
    if (!(node instanceof Element)) continue;
    if (OWN_KEYS.has(node.localName)) return true;
    if (node instanceof HTMLElement && node.isContentEditable) return true;
  }
  const target = e.composedPath()[0];
  // Space and Enter press a focused button or link themselves.
  if (target instanceof Element && e.key === " " && target.closest("button, a, summary"))
    return true;
  return false;
}

/** Presenter mode: full screen, layout flag, keys anywhere, URL flag. */
export class Presenter implements ReactiveController {
  #host: PresenterHost;
  #stepKey: () => string;
  #forwarding = false;
  /** The `presenter` value before full screen turned it on, restored on leaving. */
  #before: boolean | undefined;

  constructor(host: PresenterHost, options: { readonly stepKey: () => string }) {
    this.#host = host;
    this.#stepKey = options.stepKey;
    host.addController(this);
  }

  /** True while the explorer is the page's full-screen element. */
  get fullscreen(): boolean {
    return document.fullscreenElement === this.#host;
  }

  /** True when the browser lets this page go full screen. */
  get fullscreenAvailable(): boolean {
    return (
      document.fullscreenEnabled !== false && typeof this.#host.requestFullscreen === "function"
    );
  }

  hostConnected(): void {
    const host = this.#host;
    host.addEventListener("keydown", this.#onKeyDown);
    document.addEventListener("fullscreenchange", this.#onFullscreenChange);
    window.addEventListener("keydown", this.#onPageKeyDown);
    window.addEventListener("resize", this.#onResize);
    if (host.syncUrl && readHash(location.hash, presenterHashKey(this.#stepKey())) === "1") {
      host.presenter = true;
    }
  }

  hostDisconnected(): void {
    const host = this.#host;
    host.removeEventListener("keydown", this.#onKeyDown);
    document.removeEventListener("fullscreenchange", this.#onFullscreenChange);
    window.removeEventListener("keydown", this.#onPageKeyDown);
    window.removeEventListener("resize", this.#onResize);
  }

  /** Call from the host's `updated` when `presenter` changed: keeps the flag in the URL. */
  presenterChanged(): void {
    const host = this.#host;
    if (!host.syncUrl) return;
    const key = presenterHashKey(this.#stepKey());
    const hash = writeHash(location.hash, key, host.presenter ? "1" : undefined);
    if (hash !== location.hash) {
      history.replaceState(history.state, "", `${location.pathname}${location.search}${hash}`);
    }
  }

  /**
   * Enters full screen (and the presenter layout), or leaves it. Where the browser refuses full
   * screen (no user gesture, an iframe without `allowfullscreen`), the presenter layout still
   * covers the page: check `fullscreen` after.
   */
  async toggleFullscreen(): Promise<void> {
    if (this.fullscreen) {
      await document.exitFullscreen();
      return;
    }
    this.#before = this.#host.presenter;
    this.#host.presenter = true;
    try {
      await this.#host.requestFullscreen({ navigationUI: "hide" });
    } catch {
      // Refused: the presenter layout stays, over the page (Esc leaves it).
      this.#before = undefined;
    }
  }

  readonly #onFullscreenChange = (): void => {
    if (!this.fullscreen && this.#before !== undefined) {
      this.#host.presenter = this.#before;
      this.#before = undefined;
    }
    this.#host.requestUpdate();
  };

  readonly #onResize = (): void => {
    if (this.#host.presenter) this.#host.requestUpdate();
  };

  /** Keys inside the explorer. */
  readonly #onKeyDown = (e: KeyboardEvent): void => {
    if (this.#forwarding || keyBelongsElsewhere(e) || this.#escape(e)) return;
    this.#forward(e);
  };

  /** Keys on the page itself (nothing focused), in presenter mode. */
  readonly #onPageKeyDown = (e: KeyboardEvent): void => {
    if (this.#forwarding || !this.#host.presenter) return;
    const target = e.composedPath()[0];
    if (target !== document.body && target !== document.documentElement && target !== document)
      return;
    // One presenter per page answers: the full-screen one, else the first in the page.
    const first = document.fullscreenElement ?? document.querySelector("[presenter]");
    if (first !== this.#host || keyBelongsElsewhere(e) || this.#escape(e)) return;
    this.#forward(e);
  };

  /** Esc leaves the presenter layout (in full screen the browser's Esc leaves full screen first). */
  #escape(e: KeyboardEvent): boolean {
    if (e.key !== "Escape" || !this.#host.presenter || this.fullscreen) return false;
    this.#host.presenter = false;
    e.preventDefault();
    return true;
  }

  /** Hands the key to the player, as if pressed on it, so that the player's own mapping applies. */
  #forward(e: KeyboardEvent): void {
    const key = PLAYER_KEYS[e.key];
    // ↑/↓ scroll the page outside presenter mode; there they stay the page's.
    if (!key || ((e.key === "ArrowUp" || e.key === "ArrowDown") && !this.#host.presenter)) return;
    const player = this.#host.renderRoot.querySelector("cs-player");
    const base = player?.shadowRoot?.querySelector('[part~="base"]');
    if (!base) return;
    const forwarded = new KeyboardEvent("keydown", {
      key,
      bubbles: true,
      composed: true,
      cancelable: true,
    });
    this.#forwarding = true;
    try {
      base.dispatchEvent(forwarded);
    } finally {
      this.#forwarding = false;
    }
    if (forwarded.defaultPrevented) e.preventDefault();
  }
}

/** The item height the network gets in presenter mode: a third of the screen, within bounds. */
export function presenterNetworkHeight(viewportHeight: number): number {
  return Math.round(Math.min(520, Math.max(200, viewportHeight * 0.33)));
}
