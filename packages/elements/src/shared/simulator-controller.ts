/**
 * A Lit reactive controller that re-renders its host whenever a simulator's cursor moves or its
 * trace changes. Elements take a simulator as a property and hand it to this controller.
 */
import type { ReactiveController, ReactiveControllerHost } from "lit";
import type { Simulator } from "@convstep/engine";

const EVENTS = ["cursor-change", "trace-start", "layer-computed", "trace-complete", "trace-error"];

export class SimulatorController implements ReactiveController {
  #host: ReactiveControllerHost;
  #simulator: Simulator | undefined;
  #connected = false;
  readonly #onEvent = (): void => this.#host.requestUpdate();

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
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
