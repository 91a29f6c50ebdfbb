/**
 * The events a simulator and its cursor dispatch: small classes with fixed names, on a plain
 * `EventTarget` (Node 20 and browsers both have one; no DOM needed).
 */
import type { Granularity, NeuronPosition, StepPosition } from "./steps.js";
import type { Trace, TraceStep } from "./trace.js";

/** The cursor moved or changed granularity. */
export class CursorChangeEvent extends Event {
  /** The event's fixed name. */
  static readonly eventName = "cursor-change";
  constructor(
    /** The position as the granularity shows it. */
    readonly position: StepPosition,
    /** The same position with every coordinate (finer ones kept from earlier moves or 0). */
    readonly neuron: NeuronPosition,
    readonly granularity: Granularity,
    /** Index of the step on the timeline, from 0 to `stepCount − 1`. */
    readonly stepIndex: number,
    readonly stepCount: number,
  ) {
    super(CursorChangeEvent.eventName);
  }
}

/** A run began: `layerCount` layers will follow the input. */
export class TraceStartEvent extends Event {
  /** The event's fixed name. */
  static readonly eventName = "trace-start";
  constructor(readonly layerCount: number) {
    super(TraceStartEvent.eventName);
  }
}

/** One layer of a run was computed (the trace it belongs to is not complete yet). */
export class LayerComputedEvent extends Event {
  /** The event's fixed name. */
  static readonly eventName = "layer-computed";
  constructor(
    readonly step: TraceStep,
    /** The layer's index (0 is the first layer). */
    readonly index: number,
    readonly layerCount: number,
  ) {
    super(LayerComputedEvent.eventName);
  }
}

/** A run finished; `trace` is now the simulator's trace. */
export class TraceCompleteEvent extends Event {
  /** The event's fixed name. */
  static readonly eventName = "trace-complete";
  constructor(readonly trace: Trace) {
    super(TraceCompleteEvent.eventName);
  }
}

/**
 * A run failed or was cancelled (`error` is then an AbortError); the previous trace stays. Not
 * dispatched for a run that a newer `run()` superseded.
 */
export class TraceErrorEvent extends Event {
  /** The event's fixed name. */
  static readonly eventName = "trace-error";
  constructor(readonly error: unknown) {
    super(TraceErrorEvent.eventName);
  }
}

/** The cursor's events by name. */
export interface CursorEventMap {
  "cursor-change": CursorChangeEvent;
}

/** The simulator's events by name (it forwards its cursor's). */
export interface SimulatorEventMap extends CursorEventMap {
  "trace-start": TraceStartEvent;
  "layer-computed": LayerComputedEvent;
  "trace-complete": TraceCompleteEvent;
  "trace-error": TraceErrorEvent;
}

/** A listener of one typed event. */
export type TypedListener<E extends Event> = ((event: E) => void) | { handleEvent(event: E): void };

/**
 * An `EventTarget` whose `addEventListener`/`removeEventListener` know the event classes of `M`,
 * so that `sim.addEventListener("layer-computed", (e) => e.step)` is typed.
 */
export class TypedEventTarget<M extends object> extends EventTarget {
  override addEventListener<K extends keyof M & string>(
    type: K,
    listener: TypedListener<M[K] & Event> | null,
    options?: boolean | AddEventListenerOptions,
  ): void;
  override addEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject | null,
    options?: boolean | AddEventListenerOptions,
  ): void;
  override addEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject | null,
    options?: boolean | AddEventListenerOptions,
  ): void {
    super.addEventListener(type, listener, options);
  }

  override removeEventListener<K extends keyof M & string>(
    type: K,
    listener: TypedListener<M[K] & Event> | null,
    options?: boolean | EventListenerOptions,
  ): void;
  override removeEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject | null,
    options?: boolean | EventListenerOptions,
  ): void;
  override removeEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject | null,
    options?: boolean | EventListenerOptions,
  ): void {
    super.removeEventListener(type, listener, options);
  }
}
