/**
 * A trace: every activation of one run (the input and each layer's output, batch of one), each
 * read back once: the simulator reads every step back when its run completes (`readBack`, one
 * asynchronous read per layer), and `data` reads synchronously what was not read yet.
 */
import type * as tf from "@tensorflow/tfjs-core";
import { InputError } from "../errors.js";
import type { Shape } from "../spec/types.js";

/** Smallest, largest and mean value of an activation. */
export interface ActivationStats {
  readonly min: number;
  readonly max: number;
  readonly mean: number;
}

/** Min, max and mean of an array (NaN makes the mean NaN; min/max skip it). */
export function statsOf(data: ArrayLike<number>): ActivationStats {
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  for (let i = 0; i < data.length; i++) {
    const v = data[i];
    if (v < min) min = v;
    if (v > max) max = v;
    sum += v;
  }
  return { min, max, mean: data.length > 0 ? sum / data.length : NaN };
}

/** One activation of a trace: the input (`index` −1, kind `"input"`) or a layer's output. */
export class TraceStep {
  #data: Float32Array | undefined;
  #stats: ActivationStats | undefined;

  constructor(
    /** Layer name, or `"input"`. */
    readonly name: string,
    /** Layer kind (`conv2d`, …), or `"input"`. */
    readonly kind: string,
    /** Layer index; −1 for the input. */
    readonly index: number,
    /** Shape without the batch: `[h, w, c]` or `[n]`. */
    readonly shape: Shape,
    /** The batched tensor `[1, ...shape]`, owned by the trace. */
    readonly tensor: tf.Tensor,
  ) {}

  /** The values, row-major with channels last; downloaded (`dataSync`) on first use and cached. */
  get data(): Float32Array {
    if (!this.#data) {
      if (this.tensor.isDisposed) {
        throw new InputError(
          `the activation of "${this.name}" was disposed before it was read (a newer run or dispose() freed it)`,
        );
      }
      const raw = this.tensor.dataSync();
      this.#data = raw instanceof Float32Array ? raw : Float32Array.from(raw as ArrayLike<number>);
    }
    return this.#data;
  }

  /**
   * Reads the values back without blocking (`tensor.data()`), once; `data` then returns them. The
   * simulator calls it for every step when a run completes.
   */
  async readBack(): Promise<void> {
    if (this.#data || this.tensor.isDisposed) return;
    const raw = await this.tensor.data();
    this.#data ??= raw instanceof Float32Array ? raw : Float32Array.from(raw as ArrayLike<number>);
  }

  /** Min, max and mean of `data` (computed once). */
  get stats(): ActivationStats {
    this.#stats ??= statsOf(this.data);
    return this.#stats;
  }

  /** Whether the data has been downloaded already. */
  get downloaded(): boolean {
    return this.#data !== undefined;
  }

  /**
   * The value at (channel, y, x); vectors take the unit as `channel` and y = x = 0. No range
   * check (callers resolve positions first).
   */
  valueAt(channel: number, y = 0, x = 0): number {
    if (this.shape.length !== 3) return this.data[channel];
    const [, w, c] = this.shape;
    return this.data[(y * w + x) * c + channel];
  }
}

/** Every activation of one run. The trace owns its tensors; `dispose()` frees them. */
export class Trace {
  #disposed = false;
  #byName: Map<string, TraceStep>;

  constructor(
    /** The model input, as step `"input"`. */
    readonly input: TraceStep,
    /** One step per layer, in model order (`layers[i]` is layer i's output). */
    readonly layers: readonly TraceStep[],
  ) {
    this.#byName = new Map([input, ...layers].map((s) => [s.name, s]));
  }

  /** The input followed by every layer. */
  get steps(): readonly TraceStep[] {
    return [this.input, ...this.layers];
  }

  /** The last layer's output. */
  get output(): TraceStep {
    return this.layers[this.layers.length - 1];
  }

  /** The step of a layer name (or `"input"`); InputError listing the names when there is none. */
  step(name: string): TraceStep {
    const step = this.#byName.get(name);
    if (!step) {
      throw new InputError(
        `the trace has no step ${JSON.stringify(name)}; its steps are ${[...this.#byName.keys()].join(", ")}`,
      );
    }
    return step;
  }

  /** The input of layer `index` (the model input for layer 0). */
  inputOf(index: number): TraceStep {
    return index === 0 ? this.input : this.layers[index - 1];
  }

  /** Whether `dispose()` has run. */
  get disposed(): boolean {
    return this.#disposed;
  }

  /** Frees every tensor of the trace (downloaded data stays readable). Safe to call twice. */
  dispose(): void {
    if (this.#disposed) return;
    this.#disposed = true;
    for (const step of this.steps) step.tensor.dispose();
  }
}
