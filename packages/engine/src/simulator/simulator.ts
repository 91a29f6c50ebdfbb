/**
 * The step-through simulator: runs a model one layer at a time, keeps every activation (a trace),
 * holds a cursor over the model's steps, and explains any neuron of the trace.
 */
import * as tf from "@tensorflow/tfjs-core";
import { AbortError, InputError, throwIfAborted } from "../errors.js";
import type { CompiledModel } from "../model/compile.js";
import { type WeightSet, forwardLayer } from "../model/forward.js";
import { checkWeights } from "../weights/check.js";
import { Cursor } from "./cursor.js";
import {
  CursorChangeEvent,
  LayerComputedEvent,
  type SimulatorEventMap,
  TraceCompleteEvent,
  TraceErrorEvent,
  TraceStartEvent,
  TypedEventTarget,
} from "./events.js";
import { type NeuronExplanation, WeightDownloads, explainNeuron } from "./explain.js";
import { type SimulatorInput, toInputTensor } from "./input.js";
import { type ReceptiveField, receptiveField } from "./receptive-field.js";
import { type Granularity, type StepPosition, gridOf, resolvePosition } from "./steps.js";
import { Trace, TraceStep } from "./trace.js";
import { yieldToEventLoop } from "./yield.js";

/** Options of a simulator. */
export interface SimulatorOptions {
  /** The cursor's initial granularity (default `layer`). */
  readonly granularity?: Granularity;
  /** The cursor's initial position (default the first step). */
  readonly position?: StepPosition;
  /**
   * How long a run computes layers before it yields to the event loop again, in ms (default 8:
   * about half a frame). A run always yields before its first layer; 0 yields before every layer.
   * A LeNet then runs in one go, where a yield per layer cost more than its layers.
   */
  readonly yieldEveryMs?: number;
}

/** The default of {@link SimulatorOptions.yieldEveryMs}. */
const YIELD_EVERY_MS = 8;

const now = (): number => globalThis.performance?.now() ?? Date.now();

/** Options of one run. */
export interface RunOptions {
  /** Cancels the run between layers: `run` then rejects with an AbortError and frees its tensors. */
  readonly signal?: AbortSignal;
}

/**
 * Runs a compiled model step by step on the current tfjs backend (batch of one) and keeps every
 * activation. Dispatches `trace-start`, `layer-computed`, `trace-complete`, `trace-error`, and
 * forwards its cursor's `cursor-change`. The simulator owns its traces (not the weights): call
 * `dispose()` when done.
 *
 * @example
 * const sim = new Simulator(compileModel(spec), initWeights(model, { seed: 1 }));
 * const trace = await sim.run(image);
 * sim.cursor.setGranularity("neuron");
 * sim.cursor.next();
 * sim.explain(); // the arithmetic of neuron (0, 0, 1) of the first layer
 */
export class Simulator extends TypedEventTarget<SimulatorEventMap> {
  /** The model it runs. */
  readonly model: CompiledModel;
  /** The weights it runs with (owned by the caller). */
  readonly weights: WeightSet;
  /** Where the step-through stands. */
  readonly cursor: Cursor;
  #trace: Trace | null = null;
  #current: AbortController | null = null;
  #disposed = false;
  #downloads = new WeightDownloads();
  readonly #yieldEveryMs: number;

  /** WeightsError naming the first missing or misshapen weight. */
  constructor(model: CompiledModel, weights: WeightSet, options: SimulatorOptions = {}) {
    super();
    checkWeights(model, weights, { allowExtra: true, values: false });
    this.model = model;
    this.weights = weights;
    this.cursor = new Cursor(model, options);
    const every = options.yieldEveryMs ?? YIELD_EVERY_MS;
    this.#yieldEveryMs = Number.isFinite(every) && every > 0 ? every : 0;
    this.cursor.addEventListener("cursor-change", (e) => {
      this.dispatchEvent(
        new CursorChangeEvent(e.position, e.neuron, e.granularity, e.stepIndex, e.stepCount),
      );
    });
  }

  /** The last complete trace, or null before the first run completes. A run in flight keeps the previous one. */
  get trace(): Trace | null {
    return this.#trace;
  }

  /** Whether a run is in flight. */
  get running(): boolean {
    return this.#current !== null;
  }

  /** Whether `dispose()` has run. */
  get disposed(): boolean {
    return this.#disposed;
  }

  /**
   * Runs the model on an input, one layer at a time, yielding to the event loop before the first
   * layer and then whenever `yieldEveryMs` have passed,
   * then reads every layer back (one asynchronous read each). Resolves with the new trace, which replaces (and disposes) the previous one. A second call
   * while one is in flight cancels the first (it rejects with an AbortError but dispatches no
   * `trace-error`). On abort or error every tensor the run made is freed, `trace-error` is
   * dispatched and the previous trace stays.
   */
  async run(input: SimulatorInput, options: RunOptions = {}): Promise<Trace> {
    if (this.#disposed) throw new InputError("the simulator was disposed; create a new one to run");
    const { signal } = options;
    throwIfAborted(signal);
    this.#current?.abort(new AbortError("the run was superseded by a newer run"));
    const controller = new AbortController();
    this.#current = controller;
    const forward = () => controller.abort(signal?.reason);
    signal?.addEventListener("abort", forward, { once: true });
    const made: tf.Tensor[] = [];
    try {
      const x = toInputTensor(this.model, input);
      made.push(x);
      const inputStep = new TraceStep("input", "input", -1, this.model.inputShape, x);
      const count = this.model.layers.length;
      this.dispatchEvent(new TraceStartEvent(count));
      const steps: TraceStep[] = [];
      let current = x;
      let yielded = -Infinity;
      for (const layer of this.model.layers) {
        if (now() - yielded >= this.#yieldEveryMs) {
          await yieldToEventLoop();
          yielded = now();
        }
        throwIfAborted(controller.signal);
        const previous = current;
        const y = tf.tidy(() => forwardLayer(layer, previous, this.weights));
        made.push(y);
        const step = new TraceStep(layer.name, layer.spec.kind, layer.index, layer.outputShape, y);
        steps.push(step);
        current = y;
        this.dispatchEvent(new LayerComputedEvent(step, layer.index, count));
      }
      // One read-back per layer, all at once and without blocking: the explorers show every
      // layer (the network paints each one), so reading them here is no extra work.
      await Promise.all([inputStep, ...steps].map((s) => s.readBack()));
      throwIfAborted(controller.signal);
      const trace = new Trace(inputStep, steps);
      const old = this.#trace;
      this.#trace = trace;
      old?.dispose();
      this.dispatchEvent(new TraceCompleteEvent(trace));
      return trace;
    } catch (error) {
      for (const t of made) t.dispose();
      // A run superseded by a newer one stays quiet: the newer run's events take over.
      if (this.#current === controller) this.dispatchEvent(new TraceErrorEvent(error));
      throw error;
    } finally {
      signal?.removeEventListener("abort", forward);
      if (this.#current === controller) this.#current = null;
    }
  }

  /**
   * Explains a neuron of the current trace (default: the cursor's neuron; missing coordinates
   * are 0): the layer's arithmetic, the value in the trace and the receptive field. InputError
   * before the first run or for a position out of range.
   */
  explain(position: StepPosition = this.cursor.neuron): NeuronExplanation {
    return explainNeuron(this.model, this.weights, this.#requireTrace(), position, this.#downloads);
  }

  /** The receptive field of a neuron in the model input (needs no trace). */
  receptiveField(position: StepPosition = this.cursor.neuron): ReceptiveField {
    return receptiveField(this.model, position);
  }

  /** A neuron's value in the current trace (default: the cursor's neuron). */
  valueAt(position: StepPosition = this.cursor.neuron): number {
    const trace = this.#requireTrace();
    const grids = this.model.layers.map((l) => gridOf(l.name, l.outputShape));
    const at = resolvePosition(grids, position);
    return trace.layers[at.layer].valueAt(at.channel, at.y, at.x);
  }

  /** Cancels a run in flight and frees every tensor the simulator made. The weights stay. */
  dispose(): void {
    if (this.#disposed) return;
    this.#disposed = true;
    this.#current?.abort(new AbortError("the simulator was disposed"));
    this.#trace?.dispose();
    this.#trace = null;
  }

  #requireTrace(): Trace {
    if (!this.#trace) {
      throw new InputError(
        this.#disposed
          ? "the simulator was disposed; it has no trace"
          : `no trace yet: call run(input) and wait for it before reading neurons of model "${this.model.spec.name}"`,
      );
    }
    return this.#trace;
  }
}

/** Creates a simulator; see {@link Simulator}. */
export function createSimulator(
  model: CompiledModel,
  weights: WeightSet,
  options: SimulatorOptions = {},
): Simulator {
  return new Simulator(model, weights, options);
}
