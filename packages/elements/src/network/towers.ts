/**
 * AlexNet's two GPUs as two towers (pure; tested alone). In the paper every layer after the input
 * is split in halves, one per GPU; the halves only exchange data where a layer reads all of the
 * layer below (conv3 and the fully connected layers), while grouped convolutions (conv2, conv4,
 * conv5), pooling and normalisation stay on their own GPU. The network view draws each column as
 * two half-columns, GPU 1 above and GPU 2 below.
 *
 * Which tower a channel lives on: the first half of a layer's channels (or units) on GPU 1, the
 * second on GPU 2; a flattened unit lives where its map does (HWC order: unit i comes from map
 * i mod c). The input is read by both towers and is not split.
 */
import type { Shape } from "@convstep/engine";
import type {
  BandSpec,
  ColumnLayout,
  ItemLayout,
  NetworkLayout,
} from "../draw/network-geometry.js";

/** The part of a layer that tower placement reads (a `CompiledLayer` fits). */
export interface TowerLayer {
  readonly spec: { readonly kind: string; readonly groups?: number };
  readonly inputShape?: Shape;
  readonly outputShape: Shape;
}

/** Channels (maps or units) of an output shape. */
function channelsOf(shape: Shape): number {
  return shape.length === 3 ? shape[2] : shape.reduce((a, b) => a * b, 1);
}

/** The number of towers a model is drawn in: its largest `groups` (AlexNet 2012: 2), else 1. */
export function towersOf(layers: readonly TowerLayer[]): number {
  let towers = 1;
  for (const l of layers) towers = Math.max(towers, Math.floor(l.spec.groups ?? 1));
  return towers;
}

/** Whether a column of `channels` can be split into `towers` equal halves. */
export function splits(channels: number, towers: number): boolean {
  return towers > 1 && channels >= towers && channels % towers === 0;
}

/** The tower (0-based) of a channel of a layer's output, split in `towers`. */
export function towerOf(layer: TowerLayer, channel: number, towers: number): number {
  const input = layer.inputShape;
  if (layer.spec.kind === "flatten" && input && input.length === 3) {
    const c = input[2];
    return Math.min(towers - 1, Math.floor(((channel % c) * towers) / c));
  }
  const n = channelsOf(layer.outputShape);
  return Math.min(towers - 1, Math.floor((channel * towers) / n));
}

/** Every tower's channels, in order (tower t: `lists[t]`). */
export function towerChannels(layer: TowerLayer, towers: number): number[][] {
  const n = channelsOf(layer.outputShape);
  const lists: number[][] = Array.from({ length: towers }, () => []);
  const input = layer.inputShape;
  if (layer.spec.kind === "flatten" && input && input.length === 3) {
    for (let i = 0; i < n; i++) lists[towerOf(layer, i, towers)].push(i);
    return lists;
  }
  const per = n / towers;
  for (let t = 0; t < towers; t++) lists[t] = Array.from({ length: per }, (_, i) => t * per + i);
  return lists;
}

/** Where a channel sits in its tower's list (its offset from the tower's first channel). */
export function towerOffset(layer: TowerLayer, channel: number, towers: number): number {
  const input = layer.inputShape;
  if (layer.spec.kind === "flatten" && input && input.length === 3) {
    const c = input[2];
    const per = c / towers;
    // Units come in runs of `per` maps per tower in every pixel: pixel p, map m → p·per + (m mod per).
    return Math.floor(channel / c) * per + ((channel % c) % per);
  }
  const n = channelsOf(layer.outputShape);
  return channel % (n / towers);
}

/**
 * Whether a layer mixes the towers: a convolution without groups that reads a split layer (not
 * the first one, which reads the shared input), or a dense layer. Grouped convolutions, pooling,
 * normalisation, flatten and dropout keep each tower to itself.
 */
export function crossesTowers(layer: TowerLayer, towers: number): boolean {
  if (towers < 2) return false;
  const kind = layer.spec.kind;
  const input = layer.inputShape;
  const inputSplit = input ? splits(channelsOf(input), towers) : true;
  if (kind === "dense" || kind === "rbf") return inputSplit;
  if (kind === "conv2d") return (layer.spec.groups ?? 1) < towers && inputSplit;
  return false;
}

/** Vertical extent of a list of items. */
function extent(items: readonly ItemLayout[]): { top: number; bottom: number } | undefined {
  if (items.length === 0) return undefined;
  return {
    top: Math.min(...items.map((i) => i.y)),
    bottom: Math.max(...items.map((i) => i.y + i.height)),
  };
}

/**
 * The bands between consecutive columns of a tower layout: one per tower where both columns are
 * split (GPU 1 → GPU 1, GPU 2 → GPU 2), plus the crossing ones (GPU 1 → GPU 2 and back, marked
 * `cross`) into a layer that mixes the towers; from an unsplit column (the input) one band into
 * each tower; between unsplit columns one band.
 */
export function towerBandsOf(layout: NetworkLayout, layers: readonly TowerLayer[]): BandSpec[] {
  const bands: BandSpec[] = [];
  const towers = Math.max(1, ...layout.columns.map((c) => c.towers?.length ?? 1));
  for (let i = 1; i < layout.columns.length; i++) {
    const a = layout.columns[i - 1];
    const b = layout.columns[i];
    const partsOf = (c: ColumnLayout) =>
      c.towers ? c.towers.map((t) => c.items.filter((it) => it.tower === t.tower)) : [c.items];
    const from = partsOf(a);
    const into = partsOf(b);
    const cross =
      b.layer >= 0 &&
      b.towers !== undefined &&
      a.towers !== undefined &&
      crossesTowers(layers[b.layer], towers);
    const xa = a.items[0] ? a.items[0].x + a.items[0].width : a.x + a.width;
    const xb = b.items[0] ? b.items[0].x : b.x;
    from.forEach((src, s) =>
      into.forEach((dst, t) => {
        const same = from.length === 1 || into.length === 1 || s === t;
        if (!same && !cross) return;
        const ea = extent(src);
        const eb = extent(dst);
        if (!ea || !eb) return;
        bands.push({
          layer: b.layer,
          key: `${b.layer}:${s}->${t}`,
          cross: !same,
          x1: xa,
          top1: ea.top,
          bottom1: ea.bottom,
          x2: xb,
          top2: eb.top,
          bottom2: eb.bottom,
        });
      }),
    );
  }
  return bands;
}
