/**
 * One voice for the whole explorer. Each block announces its own changes in an aria-live region,
 * which is right when it stands alone; inside an explorer a single step would be read three or
 * four times (player, network, feature maps, …). The explorer owns one live region and mutes the
 * blocks' (`aria-live="off"`, their text stays).
 */
import type { ReactiveController, ReactiveControllerHost } from "lit";

const MUTED = "data-cs-muted";

/**
 * Mutes the live regions in the blocks' shadow roots (and keeps them muted as they re-render): a
 * Lit reactive controller that looks for the blocks after each update of its host.
 */
export class LiveRegionMuter implements ReactiveController {
  readonly #blocks: () => Iterable<Element>;
  #observers = new Map<Element, MutationObserver>();

  /** `blocks` lists the host's blocks as they are now rendered. */
  constructor(host: ReactiveControllerHost, blocks: () => Iterable<Element>) {
    this.#blocks = blocks;
    host.addController(this);
  }

  hostUpdated(): void {
    this.watch(this.#blocks());
  }

  hostDisconnected(): void {
    this.disconnect();
  }

  /** Watches these blocks (and forgets blocks no longer listed). */
  watch(blocks: Iterable<Element>): void {
    const keep = new Set(blocks);
    for (const [block, observer] of this.#observers) {
      if (!keep.has(block)) {
        observer.disconnect();
        this.#observers.delete(block);
      }
    }
    for (const block of keep) {
      const root = block.shadowRoot;
      if (!root || this.#observers.has(block)) {
        if (root) mute(root);
        continue;
      }
      mute(root);
      const observer = new MutationObserver(() => mute(root));
      observer.observe(root, { childList: true, subtree: true });
      this.#observers.set(block, observer);
    }
  }

  /** Stops watching every block. */
  disconnect(): void {
    for (const observer of this.#observers.values()) observer.disconnect();
    this.#observers.clear();
  }
}

function mute(root: ShadowRoot): void {
  for (const region of root.querySelectorAll("[aria-live]:not([aria-live=off])")) {
    region.setAttribute("aria-live", "off");
    region.setAttribute(MUTED, "");
  }
}
