/**
 * Explaining one neuron of a trace: the layer's own `explain` over the downloaded layer input and
 * weights, plus the value in the trace and the receptive field in the model input.
 */
import * as tf from "@tensorflow/tfjs-core";
import { InputError, WeightsError, formatShape } from "../errors.js";
import type { ArrayWithShape, LayerExplanation, WeightSlice } from "../layers/layer.js";
import type { CompiledModel } from "../model/compile.js";
import type { WeightSet } from "../model/forward.js";
import type { LayerKind } from "../spec/types.js";
import { type ReceptiveField, receptiveField } from "./receptive-field.js";
import { gridOf, type NeuronPosition, type StepPosition, resolvePosition } from "./steps.js";
import type { Trace } from "./trace.js";

/** Everything about one output neuron of a trace. */
export interface NeuronExplanation {
  /** Layer name and kind. */
  readonly layer: string;
  readonly kind: LayerKind;
  /** The neuron, every coordinate set (missing ones were 0). */
  readonly position: NeuronPosition;
  /** The neuron's value in the trace (computed by tfjs). */
  readonly value: number;
  /** The value recomputed in plain JavaScript by the layer's `explain` (equals `value` up to rounding). */
  readonly output: number;
  /** The arithmetic, step by step (type depends on the layer). */
  readonly explanation: LayerExplanation;
  /** Where the neuron looks in the model input. */
  readonly receptiveField: ReceptiveField;
}

/** How many slices of one tensor stay downloaded (the last ones downloaded). */
const SLICES_KEPT = 16;

function toFloat32(raw: tf.TypedArray | string[] | Uint8Array[]): Float32Array {
  return raw instanceof Float32Array ? raw : Float32Array.from(raw as ArrayLike<number>);
}

/**
 * Downloads weight tensors once, or the slices of them a layer's explain reads (a dense unit's
 * kernel column: fc6's whole kernel is 151 MB). Keys are the tensors' data ids, so a variable that
 * training assigns a new value to is downloaded again.
 */
export class WeightDownloads {
  #cache = new WeakMap<object, Map<string, ArrayWithShape>>();

  /** The data and shape of a weight tensor, or of its `slice` (`name` only for messages). */
  get(name: string, tensor: tf.Tensor, slice?: WeightSlice): ArrayWithShape {
    if (tensor.isDisposed)
      throw new WeightsError("was disposed while the simulator still uses it", name);
    const key = tensor.dataId as object;
    let entries = this.#cache.get(key);
    if (!entries) {
      entries = new Map();
      this.#cache.set(key, entries);
    }
    const which = slice ? `${slice.begin.join(",")}+${slice.size.join(",")}` : "all";
    let entry = entries.get(which) ?? (slice ? entries.get("all") : undefined);
    if (!entry) {
      if (slice) {
        const part = tf.slice(tensor, [...slice.begin], [...slice.size]);
        entry = { data: toFloat32(part.dataSync()), shape: [...slice.size], begin: slice.begin };
        part.dispose();
        const slices = [...entries.keys()].filter((k) => k !== "all");
        if (slices.length >= SLICES_KEPT) entries.delete(slices[0]);
      } else {
        entry = { data: toFloat32(tensor.dataSync()), shape: [...tensor.shape] };
      }
      entries.set(which, entry);
    }
    return entry;
  }
}

/**
 * Explains the neuron at `position` (missing coordinates are 0) of a trace. InputError when the
 * position is out of range; WeightsError when a weight is missing.
 */
export function explainNeuron(
  model: CompiledModel,
  weights: WeightSet,
  trace: Trace,
  position: StepPosition,
  downloads: WeightDownloads = new WeightDownloads(),
): NeuronExplanation {
  const grids = model.layers.map((l) => gridOf(l.name, l.outputShape));
  const at = resolvePosition(grids, position);
  const layer = model.layers[at.layer];
  const input = trace.inputOf(at.layer);
  const layerWeights: Record<string, ArrayWithShape> = {};
  for (const p of layer.params) {
    const name = `${layer.name}/${p.name}`;
    const tensor = weights.get(name);
    if (!tensor) throw new WeightsError(`missing (expected shape ${formatShape(p.shape)})`, name);
    const slice = layer.impl.explainSlice?.(layer.spec, p.name, layer.inputShape, at);
    layerWeights[p.name] = downloads.get(name, tensor, slice);
  }
  const explanation = layer.impl.explain(
    layer.spec,
    {
      input: { data: input.data, shape: input.shape },
      inputShape: layer.inputShape,
      outputShape: layer.outputShape,
      weights: layerWeights,
    },
    { channel: at.channel, y: at.y, x: at.x },
  );
  const step = trace.layers[at.layer];
  if (!step)
    throw new InputError(`the trace has no output for layer "${layer.name}" (#${at.layer})`);
  return {
    layer: layer.name,
    kind: layer.spec.kind,
    position: at,
    value: step.valueAt(at.channel, at.y, at.x),
    output: explanation.output,
    explanation,
    receptiveField: receptiveField(model, at),
  };
}
