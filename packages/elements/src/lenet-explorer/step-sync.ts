/**
 * Where the explorer's cursor starts and how the URL hash follows it: a Lit reactive controller
 * that moves the simulator's cursor to the `step`/`granularity` attributes (or, when syncing, to
 * the hash's state), writes every move into the hash (`#lenet=C3:4:2,3@neuron`, keyed by the
 * element's `id`) and follows the hash when the reader edits it or goes back.
 */
import { msg, str } from "@lit/localize";
import type { ReactiveController, ReactiveControllerHost } from "lit";
import { ConvstepError, GRANULARITIES, type Granularity, type Simulator } from "@convstep/engine";
import {
  DEFAULT_HASH_KEY,
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

/**
 * Moves the cursor as the attributes and the hash say. `report` receives the error of a step that
 * names no neuron, and `undefined` once a step works again.
 */
export class StepSync implements ReactiveController {
  #host: StepSyncHost;
  #report: (error: unknown) => void;

  constructor(host: StepSyncHost, report: (error: unknown) => void) {
    this.#host = host;
    this.#report = report;
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener("hashchange", this.#onHashChange);
  }

  hostDisconnected(): void {
    window.removeEventListener("hashchange", this.#onHashChange);
  }

  /** The hash key: the element's `id`, else `lenet`. */
  get key(): string {
    return this.#host.id || DEFAULT_HASH_KEY;
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
      history.replaceState(history.state, "", `${location.pathname}${location.search}${hash}`);
    }
  }

  readonly #onHashChange = (): void => {
    if (!this.#host.syncUrl || !this.#host.simulator) return;
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
      this.#report(undefined);
    } catch (error) {
      // The cursor's InputError names the layer, the coordinate and the valid range.
      this.#report(error);
    }
  }

  #badStep(text: string): void {
    const sim = this.#host.simulator;
    const list = sim ? this.#names(sim).join(", ") : "";
    const message = msg(
      str`"${text}" is not a step of this model: expected a layer (${list}), optionally followed by :map and :row,column.`,
      { id: "lenet-explorer.bad-step" },
    );
    this.#report(new ConvstepError("INPUT", message));
  }
}
