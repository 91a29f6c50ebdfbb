/**
 * One voice for the whole explorer. Each block announces its own changes in an aria-live region,
 * which is right when it stands alone; inside the explorer a single step would be read three or
 * four times (player, network, feature maps, …). The explorer owns one live region and mutes the
 * blocks' (`aria-live="off"`, their text stays), keeping the regions it lists as its own voice's
 * helpers (the digit pad's, which answers the reader's own drawing).
 */

const MUTED = "data-cs-muted";

/** Mutes the live regions in a block's shadow root (and keeps them muted as it re-renders). */
export class LiveRegionMuter {
  #observers = new Map<Element, MutationObserver>();

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
