/**
 * The lessons' "show me" buttons: move an explorer on the page to a step and bring it into view.
 * Used from the MDX as `onClick={() => showStep("alexnet", "norm1:0:27,27", "neuron")}`.
 */

interface Steppable extends HTMLElement {
  step: string | undefined;
  granularity: string | undefined;
  updateComplete?: Promise<unknown>;
}

/**
 * Sets `step` (and `granularity`) of the explorer with id `target`, then scrolls to one of its
 * blocks: the region whose `::part` name is `region` (default: the player, with the maps under it),
 * else the explorer itself.
 */
export async function showStep(
  target: string,
  step: string,
  granularity?: string,
  region = "player",
): Promise<void> {
  const explorer = document.getElementById(target) as Steppable | null;
  if (!explorer) return;
  // Setting the same value again would not move a cursor the reader has moved since.
  if (explorer.step === step) {
    explorer.step = undefined;
    await explorer.updateComplete;
  }
  if (granularity) explorer.granularity = granularity;
  explorer.step = step;
  const still = globalThis.matchMedia?.("(prefers-reduced-motion: reduce)").matches;
  const block = explorer.shadowRoot?.querySelector<HTMLElement>(`[part~="${region}"]`) ?? explorer;
  block.scrollIntoView({ behavior: still ? "auto" : "smooth", block: "start" });
}
