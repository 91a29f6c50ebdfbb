/**
 * The life of an explorer's model, as a Lit reactive controller: start the page's engine, get the
 * weights, build the simulator and start it; cancel a load that a newer one replaces; free the
 * simulator and the weights on reload and on removal; watch the WebGL context; Retry (after a lost
 * context, on another backend) and the way on with seeded weights. The explorer says how to load
 * and how to start, and shows the failures.
 */
import type * as tf from "@tensorflow/tfjs-core";
import type { ReactiveController, ReactiveControllerHost } from "lit";
import {
  AbortError,
  createSimulator,
  type BackendSelection,
  type CompiledModel,
  type Simulator,
} from "@convstep/engine";
import { SimulatorController } from "../simulator-controller.js";
import { watchContextLoss } from "./context-loss.js";

/** What a load gives: a compiled model and its weights (the loader disposes them). */
export interface LoadedModel {
  readonly model: CompiledModel;
  readonly weights: Map<string, tf.Tensor>;
}

/** Where the current load stands (`failed`: it showed why). */
export type LoadPhase = "idle" | "loading" | "ready" | "failed";

/** What the loader reads from its host. */
export interface LoaderHost extends ReactiveControllerHost {
  readonly isConnected: boolean;
  readonly hasUpdated: boolean;
}

/** How an explorer loads and starts its model. */
export interface LoaderSteps<L extends LoadedModel> {
  /** A load starts (what failed before is moot). */
  loadStarted(): void;
  /** The page's engine: the backend asked for or, `afterContextLoss`, the one to go on with. */
  engine(afterContextLoss: boolean): Promise<BackendSelection>;
  /** Compiles the model and gets its weights; `seeded` once the reader gave up on the URL. */
  weights(seeded: boolean, signal: AbortSignal): Promise<L>;
  /** The simulator is built: place the cursor and run the first input. */
  start(sim: Simulator, signal: AbortSignal): Promise<void>;
  /** After the first trace (phase `ready`), before `ready` resolves. */
  started?(): Promise<void>;
  /** The simulator's cursor moved. */
  cursorMoved(): void;
  /** The load failed (not when it was cancelled). */
  loadFailed(error: unknown): void;
  /** The WebGL context was lost (while loading or later): `contextLost` is true until Retry. */
  contextLost(): void;
  /**
   * Lets the waiters of a load that a newer one replaces go when the newer one starts (the LeNet
   * explorer's way; the AlexNet explorer's wait for the load they asked about, which never ends).
   */
  readonly releaseReplaced?: boolean;
}

export class ExplorerLoader<L extends LoadedModel> implements ReactiveController {
  readonly #host: LoaderHost;
  readonly #steps: LoaderSteps<L>;
  readonly #simulators: SimulatorController;
  #phase: LoadPhase = "idle";
  #selection: BackendSelection | undefined;
  #loaded: L | undefined;
  #simulator: Simulator | undefined;
  #abort: AbortController | undefined;
  #key: string | undefined;
  #seeded = false;
  #avoidWebgl = false;
  #contextLost = false;
  #unwatchContext: (() => void) | undefined;
  #ready: Promise<void> = Promise.resolve();
  #settle: (() => void) | undefined;

  constructor(host: LoaderHost, steps: LoaderSteps<L>) {
    this.#host = host;
    this.#steps = steps;
    // Re-renders the host on the simulator's events.
    this.#simulators = new SimulatorController(host);
    host.addController(this);
  }

  /** Where the current load stands. */
  get phase(): LoadPhase {
    return this.#phase;
  }

  /** The backend the page's engine runs on, and why. */
  get selection(): BackendSelection | undefined {
    return this.#selection;
  }

  /** The loaded model and weights (undefined while loading or after removal). */
  get loaded(): L | undefined {
    return this.#loaded;
  }

  /** The running simulator (undefined while loading or after removal). */
  get simulator(): Simulator | undefined {
    return this.#simulator;
  }

  /** Whether the reader gave up on the weights URL for seeded weights (`useSeeded`). */
  get seeded(): boolean {
    return this.#seeded;
  }

  /** Whether the WebGL context was lost (until Retry). */
  get contextLost(): boolean {
    return this.#contextLost;
  }

  /** Resolves when the current load has its first trace, or has failed and shows why. */
  get ready(): Promise<void> {
    return this.#ready;
  }

  hostConnected(): void {
    // A reconnected explorer loads again (disconnecting disposed everything).
    if (this.#host.hasUpdated) this.#host.requestUpdate();
  }

  hostDisconnected(): void {
    this.#teardown();
    this.#key = undefined;
    this.#setPhase("idle");
    this.#settle?.();
  }

  /**
   * Starts a load when `key` (what the load depends on: variant, backend, weights, …) changed, or
   * after `retry()` or `useSeeded()`; call from `willUpdate`. Says whether a load started.
   */
  update(key: string): boolean {
    const next = `${key}|${this.#seeded}`;
    if (!this.#host.isConnected || next === this.#key) return false;
    this.#key = next;
    void this.#load();
    return true;
  }

  /**
   * Loads again (after a failure); on another backend when the WebGL context was lost (the page's
   * engine, which sees the dead context, starts that backend once for every explorer).
   */
  retry(contextFailure: boolean): void {
    if (contextFailure || this.#contextLost) {
      this.#avoidWebgl = true;
      this.#contextLost = false;
    }
    this.#key = undefined;
    this.#host.requestUpdate();
  }

  /** Gives up on the weights URL and loads untrained, seeded weights. */
  useSeeded(): void {
    this.#seeded = true;
    this.#key = undefined;
    this.#host.requestUpdate();
  }

  /**
   * Stops the load in flight (the reader's Cancel): its fetches are aborted, nothing it made is
   * kept, and the phase is `failed` (the explorer says why; `loadFailed` is not called). Retry or
   * `useSeeded()` loads again. Says whether a load was in flight.
   */
  cancel(): boolean {
    if (this.#phase !== "loading") return false;
    this.#teardown();
    this.#setPhase("failed");
    this.#settle?.();
    return true;
  }

  async #load(): Promise<void> {
    this.#teardown();
    const abort = new AbortController();
    this.#abort = abort;
    if (this.#steps.releaseReplaced) this.#settle?.();
    this.#ready = new Promise<void>((resolve) => (this.#settle = resolve));
    this.#setPhase("loading");
    this.#steps.loadStarted();
    try {
      const selection = await this.#steps.engine(this.#avoidWebgl);
      if (abort.signal.aborted) return;
      if (selection !== this.#selection) {
        this.#selection = selection;
        this.#host.requestUpdate();
      }
      const loaded = await this.#steps.weights(this.#seeded, abort.signal);
      if (abort.signal.aborted) {
        for (const t of loaded.weights.values()) t.dispose();
        return;
      }
      const sim = createSimulator(loaded.model, loaded.weights);
      this.#loaded = loaded;
      this.#simulator = sim;
      this.#simulators.simulator = sim;
      sim.addEventListener("cursor-change", this.#onCursorChange);
      if (selection.backend === "webgl") {
        this.#unwatchContext = watchContextLoss(() => {
          this.#contextLost = true;
          this.#steps.contextLost();
        });
      }
      await this.#steps.start(sim, abort.signal);
      if (abort.signal.aborted) return;
      this.#setPhase("ready");
      await this.#steps.started?.();
    } catch (error) {
      if (abort.signal.aborted || error instanceof AbortError) return;
      // What the failed load still has in flight (the other shards of a weights URL) stops.
      abort.abort(new AbortError("the load failed"));
      this.#setPhase("failed");
      if (this.#contextLost) this.#steps.contextLost();
      else this.#steps.loadFailed(error);
    } finally {
      if (this.#abort === abort) this.#settle?.();
    }
  }

  /** Cancels a load in flight and frees the simulator's trace and the weights. */
  #teardown(): void {
    this.#abort?.abort(new AbortError("the explorer was reloaded or removed"));
    this.#abort = undefined;
    this.#unwatchContext?.();
    this.#unwatchContext = undefined;
    const sim = this.#simulator;
    if (sim) {
      sim.removeEventListener("cursor-change", this.#onCursorChange);
      sim.dispose();
    }
    if (this.#loaded) for (const t of this.#loaded.weights.values()) t.dispose();
    this.#simulator = undefined;
    this.#simulators.simulator = undefined;
    if (this.#loaded) {
      this.#loaded = undefined;
      this.#host.requestUpdate();
    }
  }

  readonly #onCursorChange = (): void => {
    if (this.#simulator) this.#steps.cursorMoved();
  };

  #setPhase(phase: LoadPhase): void {
    if (phase === this.#phase) return;
    this.#phase = phase;
    this.#host.requestUpdate();
  }
}
