/**
 * The cursor: where a step-through stands in a model, at layer, channel or neuron granularity.
 * It holds no tensors; it only needs each layer's output shape.
 */
import type { CompiledModel } from "../model/compile.js";
import { CursorChangeEvent, type CursorEventMap, TypedEventTarget } from "./events.js";
import {
  type Granularity,
  GRANULARITIES,
  type LayerGrid,
  type NeuronPosition,
  type StepPlan,
  type StepPosition,
  coarsen,
  gridOf,
  positionAt,
  resolvePosition,
  stepIndexOf,
  stepPlan,
} from "./steps.js";
import { InputError } from "../errors.js";

/** Options of a cursor. */
export interface CursorOptions {
  /** Initial granularity (default `layer`). */
  readonly granularity?: Granularity;
  /** Initial position (default the first step). */
  readonly position?: StepPosition;
}

/**
 * Steps through a model's layers, channels or neurons. Every move dispatches `cursor-change`.
 * The cursor keeps the finest coordinates it was given, so switching neuron → layer → neuron
 * without moving comes back to the same neuron.
 *
 * @example
 * const cursor = new Cursor(model, { granularity: "neuron" });
 * cursor.addEventListener("cursor-change", (e) => draw(e.position));
 * cursor.next(); // { layer: 0, channel: 0, y: 0, x: 1 }
 */
export class Cursor extends TypedEventTarget<CursorEventMap> {
  /** Each layer's output grid (a vector of n is 1×1×n). */
  readonly grids: readonly LayerGrid[];
  #plans = new Map<Granularity, StepPlan>();
  #granularity: Granularity;
  #full: NeuronPosition;

  constructor(model: CompiledModel | readonly LayerGrid[], options: CursorOptions = {}) {
    super();
    this.grids = Array.isArray(model)
      ? [...(model as readonly LayerGrid[])]
      : (model as CompiledModel).layers.map((l) => gridOf(l.name, l.outputShape));
    if (this.grids.length === 0) throw new InputError("a cursor needs at least one layer");
    this.#granularity = checkGranularity(options.granularity ?? "layer");
    this.#full = resolvePosition(this.grids, options.position ?? { layer: 0 });
  }

  /** The current granularity. */
  get granularity(): Granularity {
    return this.#granularity;
  }

  /** The position as the granularity shows it (`{ layer }`, `{ layer, channel }` or all four). */
  get position(): StepPosition {
    return coarsen(this.#full, this.#granularity);
  }

  /** The position with every coordinate; finer ones than the granularity are remembered or 0. */
  get neuron(): NeuronPosition {
    return this.#full;
  }

  /** Index of the current step on the timeline, from 0 to `stepCount − 1`. */
  get stepIndex(): number {
    return stepIndexOf(this.#plan(), this.#full);
  }

  /** Number of steps at the current granularity (computed from layer sizes, not enumerated). */
  get stepCount(): number {
    return this.#plan().count;
  }

  /** Number of steps at any granularity. */
  stepCountAt(granularity: Granularity): number {
    return this.#plan(checkGranularity(granularity)).count;
  }

  /** The position of a step index at the current (or a given) granularity. InputError when out of range. */
  positionAt(stepIndex: number, granularity: Granularity = this.#granularity): StepPosition {
    const plan = this.#plan(checkGranularity(granularity));
    return coarsen(positionAt(plan, stepIndex), granularity);
  }

  /** The step index of a position at the current granularity. InputError when out of range. */
  indexOf(position: StepPosition): number {
    return stepIndexOf(this.#plan(), resolvePosition(this.grids, position));
  }

  /** Moves one step forward; false (and no event) at the last step. */
  next(): boolean {
    const index = this.stepIndex;
    if (index + 1 >= this.stepCount) return false;
    this.#set(positionAt(this.#plan(), index + 1));
    return true;
  }

  /** Moves one step back; false (and no event) at the first step. */
  prev(): boolean {
    const index = this.stepIndex;
    if (index <= 0) return false;
    this.#set(positionAt(this.#plan(), index - 1));
    return true;
  }

  /** Moves to the first step. */
  first(): void {
    this.#set(positionAt(this.#plan(), 0));
  }

  /** Moves to the last step. */
  last(): void {
    const plan = this.#plan();
    this.#set(positionAt(plan, plan.count - 1));
  }

  /** Moves to the step with this index on the timeline. InputError when out of range. */
  seek(stepIndex: number): void {
    this.#set(positionAt(this.#plan(), stepIndex));
  }

  /**
   * Moves to a position. Missing coordinates are 0; coordinates finer than the granularity are
   * checked and remembered. InputError naming the layer, the coordinate and the valid range.
   */
  moveTo(position: StepPosition): void {
    this.#set(resolvePosition(this.grids, position));
  }

  /** Changes the granularity, keeping the position (coarsened, or refined with remembered coordinates). */
  setGranularity(granularity: Granularity): void {
    checkGranularity(granularity);
    if (granularity === this.#granularity) return;
    this.#granularity = granularity;
    this.#emit();
  }

  #plan(granularity: Granularity = this.#granularity): StepPlan {
    let plan = this.#plans.get(granularity);
    if (!plan) {
      plan = stepPlan(this.grids, granularity);
      this.#plans.set(granularity, plan);
    }
    return plan;
  }

  #set(position: NeuronPosition): void {
    this.#full = position;
    this.#emit();
  }

  #emit(): void {
    this.dispatchEvent(
      new CursorChangeEvent(
        this.position,
        this.#full,
        this.#granularity,
        this.stepIndex,
        this.stepCount,
      ),
    );
  }
}

function checkGranularity(granularity: Granularity): Granularity {
  if (!GRANULARITIES.includes(granularity)) {
    throw new InputError(
      `expected a granularity of ${GRANULARITIES.map((g) => `"${g}"`).join(", ")}, got ${JSON.stringify(granularity)}`,
    );
  }
  return granularity;
}
