/**
 * Where an explorer's cursor starts and how the URL hash follows it: a Lit reactive controller
 * that moves the simulator's cursor to the `step`/`granularity` attributes (or, when syncing, to
 * the hash's state), writes every move into the hash (`#lenet=C3:4:2,3@neuron`, keyed by the
 * element's `id`, else the explorer's own key) and follows the hash when the reader edits it or
 * goes back.
 */
import type { ReactiveController, ReactiveControllerHost } from "lit";
import { ConvstepError, GRANULARITIES, type Granularity, type Simulator } from "@convstep/engine";
import {
  formatState,
  impliedGranularity,
  parseState,
  parseStep,
  readHash,
  resolveStep,
  stepRefOf,
  writeHash,
  type StepRef,
} from "./url-state.js";

/** What the controller reads from its host. */
export interface StepSyncHost extends ReactiveControllerHost {
  readonly id: string;
  readonly step: string | undefined;
  readonly granularity: Granularity | undefined;
  readonly syncUrl: boolean;
  readonly simulator: Simulator | undefined;
}

/** How an explorer keeps its step. */
export interface StepSyncOptions {
  /** The hash key of an explorer without an `id` (`lenet`, `alexnet`). */
  readonly hashKey: string;
  /**
   * The message for a step that names no layer: `text` as written, `layers` the model's layer
   * names (comma-separated). Each explorer words it under its own message id.
   */
  readonly badStep: (text: string, layers: string) => string;
  /**
   * Receives the error of a step that names no neuron, and `undefined` each time a step works.
   */
  readonly report: (error: unknown) => void;
  /**
   * Leaves alone a hash change back to the last hash this controller wrote (the AlexNet
   * explorer's way; the LeNet explorer follows every hash change).
   */
  readonly ignoreOwnHash?: boolean;
}

/** Moves the cursor as the attributes and the hash say. */
export class StepSync implements ReactiveController {
  #host: StepSyncHost;
  #options: StepSyncOptions;
  #written: string | undefined;

  constructor(host: StepSyncHost, options: StepSyncOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener("hashchange", this.#onHashChange);
  }

  hostDisconnected(): void {
    window.removeEventListener("hashchange", this.#onHashChange);
  }

  /** The hash key: the element's `id`, else the explorer's own key. */
  get key(): string {
    return this.#host.id || this.#options.hashKey;
  }

  /**
   * Moves the cursor to `step`/`granularity`; at `start` (a new model) the hash's state wins when
   * syncing and present.
   */
  apply(start: boolean): void {
    const host = this.#host;
    const fromHash = start && host.syncUrl ? readHash(location.hash, this.key) : undefined;
    const state = fromHash === undefined ? null : parseState(fromHash);
    if (state) {
      this.#moveTo(state.step, state.granularity ?? impliedGranularity(state.step));
      return;
    }
    if (!host.step) {
      this.#moveTo(undefined, host.granularity);
      return;
    }
    const parsed = parseStep(host.step);
    if (!parsed) {
      this.#badStep(host.step);
      return;
    }
    this.#moveTo(parsed, host.granularity ?? impliedGranularity(parsed));
  }

  /** Writes the cursor's state into the hash (when syncing); replaces, so Back is not flooded. */
  cursorMoved(): void {
    const sim = this.#host.simulator;
    if (!this.#host.syncUrl || !sim) return;
    const { neuron, granularity } = sim.cursor;
    const step = stepRefOf(neuron, this.#names(sim), granularity);
    const hash = writeHash(location.hash, this.key, formatState({ step, granularity }));
    if (hash !== location.hash) {
      this.#written = hash;
      history.replaceState(history.state, "", `${location.pathname}${location.search}${hash}`);
    }
  }

  readonly #onHashChange = (): void => {
    if (!this.#host.syncUrl || !this.#host.simulator) return;
    if (this.#options.ignoreOwnHash && location.hash === this.#written) return;
    const text = readHash(location.hash, this.key);
    const state = text === undefined ? null : parseState(text);
    if (state) this.#moveTo(state.step, state.granularity ?? impliedGranularity(state.step));
  };

  #names(sim: Simulator): string[] {
    return sim.model.layers.map((l) => l.name);
  }

  #moveTo(ref: StepRef | undefined, granularity: Granularity | undefined): void {
    const sim = this.#host.simulator;
    if (!sim) return;
    try {
      if (granularity && GRANULARITIES.includes(granularity)) {
        sim.cursor.setGranularity(granularity);
      }
      if (ref) {
        const position = resolveStep(ref, this.#names(sim));
        if (!position) {
          this.#badStep(ref.layer);
          return;
        }
        sim.cursor.moveTo(position);
      }
      this.#options.report(undefined);
    } catch (error) {
      // The cursor's InputError names the layer, the coordinate and the valid range.
      this.#options.report(error);
    }
  }

  #badStep(text: string): void {
    const sim = this.#host.simulator;
    const layers = sim ? this.#names(sim).join(", ") : "";
    this.#options.report(new ConvstepError("INPUT", this.#options.badStep(text, layers)));
  }
}
