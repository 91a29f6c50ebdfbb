/**
 * What an explorer's one live region says: the step after each move (during playback at most
 * every two seconds, and only on a new layer; the stop says where it ended), and the network's
 * answer after each new input.
 */
import type { Simulator } from "@convstep/engine";
import { describeStep } from "./describe-step.js";

/** Shortest pause between two announcements during playback, in ms. */
export const PLAYBACK_ANNOUNCE_MS = 2000;

/** The words an explorer puts into the sentences (under its own message ids). */
export interface AnnouncerWords {
  /** A layer kind in words for the step sentence (default: the engine's kind, which the sentence names). */
  readonly kind?: (kind: string) => string;
  /** The sentence for the network's answer: class `best`, named by `classes` when the model has them. */
  readonly answer: (best: number, classes: readonly string[] | undefined) => string;
}

export class Announcer {
  readonly #say: (sentence: string) => void;
  readonly #words: AnnouncerWords;
  #playing = false;
  #last = -Infinity;
  #layer = -1;

  /** `say` receives each sentence (the host puts it into its live region). */
  constructor(say: (sentence: string) => void, words: AnnouncerWords) {
    this.#say = say;
    this.#words = words;
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
    const kind = this.#words.kind?.(layer.spec.kind) ?? layer.spec.kind;
    const described = { name: layer.name, kind, outputShape: layer.outputShape };
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
    this.#say(this.#words.answer(best, spec?.classes));
  }
}
