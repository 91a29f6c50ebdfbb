/**
 * What the explorer's one live region says: the step after each move (during playback at most
 * every two seconds, and only on a new layer; the stop says where it ended), and the network's
 * answer after each new input.
 */
import { msg, str } from "@lit/localize";
import type { Simulator } from "@convstep/engine";
import { describeStep } from "./describe-step.js";

/** Shortest pause between two announcements during playback, in ms. */
export const PLAYBACK_ANNOUNCE_MS = 2000;

export class Announcer {
  readonly #say: (sentence: string) => void;
  #playing = false;
  #last = -Infinity;
  #layer = -1;

  /** `say` receives each sentence (the host puts it into its live region). */
  constructor(say: (sentence: string) => void) {
    this.#say = say;
  }

  /** Playback started or stopped; the stop announces the step it stopped on. */
  playing(sim: Simulator | undefined, playing: boolean): void {
    const stopped = this.#playing && !playing;
    this.#playing = playing;
    if (stopped && sim) this.step(sim, true);
  }

  /** The cursor moved. */
  step(sim: Simulator, force = false): void {
    const { neuron, granularity } = sim.cursor;
    const now = performance.now();
    if (this.#playing && !force) {
      if (neuron.layer === this.#layer || now - this.#last < PLAYBACK_ANNOUNCE_MS) return;
    }
    const layer = sim.model.layers[neuron.layer];
    const described = { name: layer.name, kind: layer.spec.kind, outputShape: layer.outputShape };
    this.#say(describeStep(described, sim.trace, neuron, granularity));
    this.#last = now;
    this.#layer = neuron.layer;
  }

  /** A new input went through: the class the network answers (lowest distance, highest score). */
  answer(sim: Simulator): void {
    const out = sim.trace?.output.data;
    const spec = sim.model.spec.output;
    if (!out || out.length === 0) return;
    const lowest = spec?.kind === "distances";
    let best = 0;
    for (let i = 1; i < out.length; i++) {
      if (lowest ? out[i] < out[best] : out[i] > out[best]) best = i;
    }
    const answer = spec?.classes?.[best] ?? String(best);
    this.#say(msg(str`The network answers ${answer}.`, { id: "lenet-explorer.live.answer" }));
  }
}
