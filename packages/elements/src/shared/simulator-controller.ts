/**
 * A Lit reactive controller that re-renders its host when what it shows of a simulator changed:
 * after a run completes (or fails) and when the cursor moves. A run in flight does not re-render
 * anyone: `simulator.trace` keeps the previous trace until the new one is complete, so the layers
 * of a run in progress change nothing on screen. Events that arrive in one task (the cursor and the
 * trace together) give one update, as Lit batches `requestUpdate` calls until the next microtask.
 * Elements take a simulator as a property and hand it to this controller.
 */
import type { ReactiveController, ReactiveControllerHost } from "lit";
import type { Simulator } from "@convstep/engine";

const EVENTS = ["cursor-change", "trace-complete", "trace-error"];

/** Options of a {@link SimulatorController}. */
export interface SimulatorControllerOptions {
  /**
   * What the host shows of the simulator, as a list compared entry by entry (`Object.is`): an
   * event re-renders the host only when one entry changed. Omitted: every event re-renders.
   */
  readonly shows?: (simulator: Simulator) => readonly unknown[];
}

function sameList(a: readonly unknown[] | undefined, b: readonly unknown[]): boolean {
  if (!a || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}

export class SimulatorController implements ReactiveController {
  #host: ReactiveControllerHost;
  #simulator: Simulator | undefined;
  #connected = false;
  readonly #shows: ((simulator: Simulator) => readonly unknown[]) | undefined;
  #shown: readonly unknown[] | undefined;
  readonly #onEvent = (): void => {
    const sim = this.#simulator;
    if (sim && this.#shows) {
      const shown = this.#shows(sim);
      if (sameList(this.#shown, shown)) return;
      this.#shown = shown;
    }
    this.#host.requestUpdate();
  };

  constructor(host: ReactiveControllerHost, options: SimulatorControllerOptions = {}) {
    this.#host = host;
    this.#shows = options.shows;
    host.addController(this);
  }

  /** The simulator being watched. */
  get simulator(): Simulator | undefined {
    return this.#simulator;
  }

  /** Watches another simulator (or none). */
  set simulator(next: Simulator | undefined) {
    if (next === this.#simulator) return;
    if (this.#connected) this.#unlisten();
    this.#simulator = next;
    this.#shown = next && this.#shows ? this.#shows(next) : undefined;
    if (this.#connected) this.#listen();
    this.#host.requestUpdate();
  }

  hostConnected(): void {
    this.#connected = true;
    this.#listen();
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#unlisten();
  }

  #listen(): void {
    const target = this.#simulator as EventTarget | undefined;
    const cursor = this.#simulator?.cursor as EventTarget | undefined;
    for (const type of EVENTS) {
      target?.addEventListener(type, this.#onEvent);
      if (cursor && cursor !== target) cursor.addEventListener(type, this.#onEvent);
    }
  }

  #unlisten(): void {
    const target = this.#simulator as EventTarget | undefined;
    const cursor = this.#simulator?.cursor as EventTarget | undefined;
    for (const type of EVENTS) {
      target?.removeEventListener(type, this.#onEvent);
      if (cursor && cursor !== target) cursor.removeEventListener(type, this.#onEvent);
    }
  }
}
