/**
 * The one-sentence description of the cursor's step that an explorer's live region announces
 * ("C3, map 4, neuron (2, 3): 0.734."). Reads the cached trace only: no tensor work. The message
 * ids are the LeNet explorer's, where this began (their Korean is in locales/ko/lenet-explorer.ts);
 * the AlexNet explorer speaks the same sentences.
 */
import { msg, str } from "@lit/localize";
import type { Granularity, NeuronPosition, Trace } from "@convstep/engine";
import { formatNumber } from "../format-number.js";
import { getLocale } from "../localize.js";

/** What describing a step needs of a model layer. */
export interface DescribedLayer {
  readonly name: string;
  readonly kind: string;
  readonly outputShape: readonly number[];
}

/** A layer kind in words ("convolution"), localized. */
export function kindName(kind: string): string {
  switch (kind) {
    case "conv2d":
      return msg("convolution", { id: "lenet-explorer.kind.conv2d" });
    case "subsampling":
      return msg("subsampling", { id: "lenet-explorer.kind.subsampling" });
    case "pool2d":
      return msg("pooling", { id: "lenet-explorer.kind.pool2d" });
    case "dense":
      return msg("fully connected", { id: "lenet-explorer.kind.dense" });
    case "rbf":
      return msg("RBF output", { id: "lenet-explorer.kind.rbf" });
    case "flatten":
      return msg("flatten", { id: "lenet-explorer.kind.flatten" });
    case "zero-padding2d":
      return msg("zero padding", { id: "lenet-explorer.kind.zero-padding2d" });
    default:
      return kind;
  }
}

/** A number as the sentence shows it: three decimals (one from 100), a real minus sign. */
export function formatValue(v: number, lang = getLocale()): string {
  return formatNumber(v, { lang, decimals: Math.abs(v) >= 100 ? 1 : 3, grouping: false });
}

/** A shape as `10×10×16` (or `84`). */
export function formatShapeText(shape: readonly number[]): string {
  return shape.join("×");
}

/** Smallest and largest value of channel `c` of an HWC activation with `channels` channels. */
export function channelRange(
  data: ArrayLike<number>,
  channels: number,
  c: number,
): { min: number; max: number } {
  let min = Infinity;
  let max = -Infinity;
  for (let i = c; i < data.length; i += channels) {
    const v = data[i];
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return { min, max };
}

/**
 * The sentence for a step: the layer at layer granularity, a map's range at channel granularity,
 * the neuron's value at neuron granularity (vector layers speak of units).
 */
export function describeStep(
  layer: DescribedLayer,
  trace: Trace | null,
  position: NeuronPosition,
  granularity: Granularity,
): string {
  const name = layer.name;
  const shape = layer.outputShape;
  const isMap = shape.length === 3;
  const step = trace?.layers[position.layer];
  if (granularity === "layer" || !step) {
    const kind = kindName(layer.kind);
    const out = formatShapeText(shape);
    return msg(str`${name}: ${kind}, output ${out}.`, { id: "lenet-explorer.live.layer" });
  }
  const c = position.channel;
  if (!isMap) {
    const v = formatValue(step.valueAt(c, 0, 0));
    return msg(str`${name}, unit ${c}: ${v}.`, { id: "lenet-explorer.live.unit" });
  }
  if (granularity === "channel") {
    const channels = shape[2];
    const { min, max } = channelRange(step.data, channels, c);
    const lo = formatValue(min);
    const hi = formatValue(max);
    return msg(str`${name}, map ${c} of ${channels}: values from ${lo} to ${hi}.`, {
      id: "lenet-explorer.live.channel",
    });
  }
  const { y, x } = position;
  const v = formatValue(step.valueAt(c, y, x));
  return msg(str`${name}, map ${c}, neuron (${y}, ${x}): ${v}.`, {
    id: "lenet-explorer.live.neuron",
  });
}
