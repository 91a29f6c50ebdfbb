/**
 * Which input maps really feed an output map, and the links the network view draws for it (pure;
 * tested alone). One link per pair of maps (or units), never per activation.
 */
import type { Shape } from "@convstep/engine";
import type {
  BandSpec,
  ColumnLayout,
  ItemLayout,
  LinkSpec,
  NetworkLayout,
  RingSpec,
} from "../draw/network-geometry.js";
import { channelsOf, columnOf } from "./layout.js";

export type { BandSpec, LinkSpec, RingSpec };

/** The part of a compiled layer {@link feedingChannels} reads (a `CompiledLayer` fits). */
export interface FeedLayer {
  readonly spec: {
    readonly kind: string;
    readonly connections?: readonly (readonly number[])[];
    readonly groups?: number;
    readonly filters?: number;
    readonly n?: number;
  };
  readonly inputShape: Shape;
  readonly outputShape: Shape;
}

const range = (from: number, to: number): number[] =>
  Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i);

/**
 * The input channels (maps, or units of a vector input) that feed output channel `channel`:
 * LeNet's Table I (`connections[o]`), the group of a grouped convolution (AlexNet's GPU half),
 * every input for convolutions, dense and RBF layers, the n neighbours of an LRN, the map a
 * flatten unit comes from (HWC order: unit i reads channel i mod c), else the same channel.
 */
export function feedingChannels(layer: FeedLayer, channel: number): number[] {
  const spec = layer.spec;
  const inChannels = channelsOf(layer.inputShape);
  switch (spec.kind) {
    case "conv2d": {
      if (spec.connections) return [...(spec.connections[channel] ?? [])];
      const groups = spec.groups ?? 1;
      if (groups > 1) {
        const filters = spec.filters ?? channelsOf(layer.outputShape);
        const group = Math.floor(channel / (filters / groups));
        const per = inChannels / groups;
        return range(group * per, (group + 1) * per);
      }
      return range(0, inChannels);
    }
    case "dense":
    case "rbf":
      return range(0, inChannels);
    case "flatten":
      return [layer.inputShape.length === 3 ? channel % layer.inputShape[2] : channel];
    case "lrn": {
      const half = Math.floor((spec.n ?? 1) / 2);
      return range(Math.max(0, channel - half), Math.min(inChannels, channel + half + 1));
    }
    default:
      return inChannels === channelsOf(layer.outputShape) ? [channel] : range(0, inChannels);
  }
}

/** The anchor of a column's hidden items: just below its last item, at its right edge. */
export function moreAnchor(column: ColumnLayout): { x: number; y: number } {
  const last = column.items[column.items.length - 1];
  return { x: last.x + last.width, y: last.y + last.height + 8 };
}

/**
 * The links into item `channel` of layer `layer` from the previous column, one per source
 * channel on the page, plus one for all the sources off it. Empty when the focused item is off
 * its page or the layer is the input.
 */
export function linksInto(
  layout: NetworkLayout,
  layer: number,
  channel: number,
  sources: readonly number[],
): LinkSpec[] {
  const target = columnOf(layout, layer);
  const source = columnOf(layout, layer - 1);
  if (!target || !source || layer < 0) return [];
  const to = target.items.find((it) => it.channel === channel);
  if (!to) return [];
  const x2 = to.x;
  const y2 = to.y + to.height / 2;
  const links: LinkSpec[] = [];
  const shown = new Map(source.items.map((it) => [it.channel, it]));
  let hidden = 0;
  for (const c of sources) {
    const from = shown.get(c);
    if (!from) {
      hidden++;
      continue;
    }
    links.push({
      key: `${layer}:${c}->${channel}`,
      from: c,
      to: channel,
      count: 1,
      x1: from.x + from.width,
      y1: from.y + from.height / 2,
      x2,
      y2,
    });
  }
  if (hidden > 0) {
    const a = moreAnchor(source);
    links.push({
      key: `${layer}:more->${channel}`,
      from: -1,
      to: channel,
      count: hidden,
      x1: a.x,
      y1: a.y,
      x2,
      y2,
    });
  }
  return links;
}

/**
 * Rings around the focused item and around the items its links come from: one each for up to
 * eight sources, else (a fan) one ring around the whole source stack.
 */
export function ringsFor(
  layout: NetworkLayout,
  layer: number,
  channel: number,
  links: readonly LinkSpec[],
): RingSpec[] {
  const rings: RingSpec[] = [];
  const box = (it: ItemLayout) => ({ x: it.x, y: it.y, width: it.width, height: it.height });
  const target = columnOf(layout, layer)?.items.find((it) => it.channel === channel);
  if (target) rings.push({ key: `focus:${layer}:${channel}`, role: "focus", ...box(target) });
  const source = columnOf(layout, layer - 1);
  if (!source || links.length === 0) return rings;
  const fed = source.items.filter((it) => links.some((l) => l.from === it.channel));
  if (fed.length > 8) {
    const first = source.items[0];
    const last = source.items[source.items.length - 1];
    const stack = { ...box(first), height: last.y + last.height - first.y };
    rings.push({ key: `source:${layer - 1}:all`, role: "source", ...stack });
  } else {
    for (const it of fed)
      rings.push({ key: `source:${layer - 1}:${it.channel}`, role: "source", ...box(it) });
  }
  return rings;
}

/** The bands between every pair of consecutive columns. */
export function bandsOf(layout: NetworkLayout): BandSpec[] {
  const bands: BandSpec[] = [];
  for (let i = 1; i < layout.columns.length; i++) {
    const a = layout.columns[i - 1];
    const b = layout.columns[i];
    const a0 = a.items[0];
    const a1 = a.items[a.items.length - 1];
    const b0 = b.items[0];
    const b1 = b.items[b.items.length - 1];
    bands.push({
      layer: b.layer,
      x1: a0.x + a0.width,
      top1: a0.y,
      bottom1: a1.y + a1.height,
      x2: b0.x,
      top2: b0.y,
      bottom2: b1.y + b1.height,
    });
  }
  return bands;
}

/** "0, 4, 5" or, for runs of four or more, "0–47": channel lists for people. */
export function formatChannels(channels: readonly number[]): string {
  const sorted = [...channels].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    if (j - i >= 3) parts.push(`${sorted[i]}–${sorted[j]}`);
    else for (let k = i; k <= j; k++) parts.push(String(sorted[k]));
    i = j + 1;
  }
  return parts.join(", ");
}
