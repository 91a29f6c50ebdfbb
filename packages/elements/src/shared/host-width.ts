/**
 * The host's width in whole pixels as it resizes, for elements that lay themselves out by their
 * width: a Lit reactive controller that re-renders its host when the width changes.
 */
import type { ReactiveController, ReactiveControllerHost } from "lit";

export class HostWidthController implements ReactiveController {
  readonly #host: ReactiveControllerHost & Element;
  #width = 0;
  readonly #observer = new ResizeObserver((entries) => {
    const width = Math.round(entries[0]?.contentRect.width ?? 0);
    if (width > 0 && width !== this.#width) {
      this.#width = width;
      this.#host.requestUpdate();
    }
  });

  constructor(host: ReactiveControllerHost & Element) {
    this.#host = host;
    host.addController(this);
  }

  /** The content width last measured, in pixels (0 until the first measurement). */
  get width(): number {
    return this.#width;
  }

  hostConnected(): void {
    this.#observer.observe(this.#host);
  }

  hostDisconnected(): void {
    this.#observer.disconnect();
  }
}
