/**
 * What one neuron reads in the layer below, from the layer's geometry alone (no trace, no
 * weights): the window of its `window()` and the input channels its kind links — a convolution's
 * group or connection table (LeNet's Table I), an LRN's neighbouring channels, the same channel
 * for pooling and element-wise layers. Dense and RBF layers read everything.
 */
import type { CompiledLayer } from "@convstep/engine";
import type { InputLinks, NeuronAt } from "../draw/feature-map.js";

function range(first: number, last: number): number[] {
  return Array.from({ length: Math.max(0, last - first + 1) }, (_, i) => first + i);
}

/** The input channels that feed output channel `o` of a layer with map input and output. */
export function linkedChannels(layer: CompiledLayer, o: number): number[] {
  const spec = layer.spec;
  const inC = layer.inputShape[2];
  switch (spec.kind) {
    case "conv2d": {
      if (spec.connections) return [...spec.connections[o]].sort((a, b) => a - b);
      const groups = spec.groups ?? 1;
      const inPerGroup = Math.floor(inC / groups);
      const outPerGroup = Math.floor(spec.filters / groups);
      const first = Math.floor(o / outPerGroup) * inPerGroup;
      return range(first, first + inPerGroup - 1);
    }
    case "lrn": {
      const r = Math.floor(spec.n / 2);
      return range(Math.max(0, o - r), Math.min(inC - 1, o + r));
    }
    default:
      return [o];
  }
}

/** What neuron `n` of `layer` reads in the layer's input. */
export function inputLinks(layer: CompiledLayer, n: NeuronAt): InputLinks {
  const input = layer.inputShape;
  const output = layer.outputShape;
  const spec = layer.spec;
  if (input.length === 3 && output.length === 3) {
    return {
      kind: "map",
      window: layer.impl.window(spec, input, n.y, n.x),
      channels: linkedChannels(layer, n.channel),
    };
  }
  if (input.length === 3 && spec.kind === "flatten") {
    const [, w, c] = input;
    const u = n.channel;
    const y = Math.floor(u / (w * c));
    const x = Math.floor(u / c) % w;
    return { kind: "map", window: { y0: y, x0: x, y1: y + 1, x1: x + 1 }, channels: [u % c] };
  }
  const unitwise =
    (spec.kind === "activation" && spec.activation !== "softmax") ||
    spec.kind === "dropout" ||
    spec.kind === "batch-norm";
  if (input.length !== 3 && unitwise)
    return { kind: "units", start: n.channel, end: n.channel + 1 };
  return { kind: "all" };
}
