/**
 * Geometry of the network view (pure; tested alone): one column per layer, left to right, with
 * the input first. Spatial layers show their maps as thumbnails stacked in a column, vector
 * layers a column of unit boxes, pass-through layers (dropout, activation) a slim column of
 * narrow boxes. Columns hold at most a page of items; the rest is counted ("+ 4,064 more").
 *
 * Widths are shared out by weight (maps 1, vector 0.7, slim 0.35) between the paddings, but no
 * column gets less than its minimum (72, 60, 36 px) nor more than its maximum (180, 126, 63): a
 * network wider than the element scrolls, a narrow one is centred.
 */
import type { Shape } from "@convstep/engine";
import type {
  ColumnKind,
  ColumnLayout,
  ItemLayout,
  NetworkLayout,
  TowerBand,
} from "../draw/network-geometry.js";
import { splits, towerChannels } from "./towers.js";

export type { ColumnKind, ColumnLayout, ItemLayout, NetworkLayout, TowerBand };

/** The part of a compiled layer the layout reads (a `CompiledLayer` fits). */
export interface LayoutLayer {
  readonly name: string;
  readonly spec: { readonly kind: string };
  readonly outputShape: Shape;
  readonly counts: { readonly trainable: number; readonly nonTrainable: number };
  /** The layer's input shape (places a flatten layer's units in their maps' tower). */
  readonly inputShape?: Shape;
}

/** The part of a compiled model the layout reads (a `CompiledModel` fits). */
export interface LayoutModel {
  readonly inputShape: Shape;
  readonly layers: readonly LayoutLayer[];
}

/** Options of {@link layoutNetwork}. */
export interface LayoutOptions {
  /** Height of the item area (thumbnails and boxes), px. Default 400. */
  readonly height?: number;
  /** Most unit boxes a vector column shows at once. Default 32. */
  readonly pageSize?: number;
  /** Most thumbnails a map column shows at once. Default min(16, pageSize). */
  readonly mapPageSize?: number;
  /** Space kept free above and below the items (for focus rings), px. Default 0. */
  readonly margin?: number;
  /** First item shown, by layer index (−1 is the input). Default 0; snapped to a page. */
  readonly pageStarts?: ReadonlyMap<number, number>;
  /**
   * Split every column after the input into this many towers stacked top to bottom (AlexNet's two
   * GPUs; see towers.ts). A page then shows the same number of items from each tower, and
   * `pageStarts` holds the offset within each tower. Default 1 (no towers).
   */
  readonly towers?: number;
}

/** Space between two towers, px (room for the "both GPUs" marks). */
export const TOWER_GAP = 30;

/** Horizontal padding at both ends. */
export const PADDING = 12;
/** Share of a column's width that items may take (the rest is room for links). */
export const ITEM_SHARE = 0.6;
const WEIGHT: Record<ColumnKind, number> = { maps: 1, vector: 0.7, slim: 0.35 };
const MIN_WIDTH: Record<ColumnKind, number> = { maps: 72, vector: 60, slim: 36 };
const MAX_WIDTH: Record<ColumnKind, number> = { maps: 180, vector: 126, slim: 63 };
const GAP: Record<ColumnKind, number> = { maps: 6, vector: 2, slim: 2 };
/** Largest thumbnail, px. */
const MAX_THUMB = 96;
/** Largest box height and width, px. */
const MAX_BOX_HEIGHT = 18;
const MAX_BOX_WIDTH = 28;
const SLIM_BOX_WIDTH = 8;

/** Kinds that pass values through without maps of their own: drawn slim. */
const SLIM_KINDS = new Set(["dropout", "activation"]);

/** What a layer's column shows: maps for outputs h×w×c with h·w > 1, slim for pass-throughs, else boxes. */
export function columnKindOf(kind: string, shape: Shape): ColumnKind {
  if (SLIM_KINDS.has(kind)) return "slim";
  return shape.length === 3 && shape[0] * shape[1] > 1 ? "maps" : "vector";
}

/** Channels (maps or units) of an output shape: c of h×w×c, else every value. */
export function channelsOf(shape: Shape): number {
  return shape.length === 3 ? shape[2] : shape.reduce((a, b) => a * b, 1);
}

/** "6@28×28" for maps, "84" for vectors, "120@1×1" for a 1×1 map stack. */
export function shapeLabel(shape: Shape): string {
  if (shape.length === 3) return `${shape[2]}@${shape[0]}×${shape[1]}`;
  return shape.join("×");
}

/** Shares `available` px out by weight, each column within its [min, max] (water-filling). */
export function shareWidths(kinds: readonly ColumnKind[], available: number): number[] {
  const widths: (number | undefined)[] = kinds.map(() => undefined);
  let left = available;
  for (;;) {
    const open = kinds.map((k, i) => (widths[i] === undefined ? i : -1)).filter((i) => i >= 0);
    if (open.length === 0) break;
    const weight = open.reduce((s, i) => s + WEIGHT[kinds[i]], 0);
    const unit = left / weight;
    const clamped = open.filter((i) => {
      const w = WEIGHT[kinds[i]] * unit;
      return w < MIN_WIDTH[kinds[i]] || w > MAX_WIDTH[kinds[i]];
    });
    if (clamped.length === 0) {
      for (const i of open) widths[i] = WEIGHT[kinds[i]] * unit;
      break;
    }
    for (const i of clamped) {
      const w = WEIGHT[kinds[i]] * unit;
      widths[i] = w < MIN_WIDTH[kinds[i]] ? MIN_WIDTH[kinds[i]] : MAX_WIDTH[kinds[i]];
      left -= widths[i]!;
    }
  }
  return widths as number[];
}

/** The page start that shows `channel` in a column of `pageSize` items. */
export function pageStartOf(channel: number, pageSize: number): number {
  return Math.floor(channel / pageSize) * pageSize;
}

/** Item sizes of a stack of `n` items of `kind` in `span` px of a column `w` wide. */
function itemSize(
  kind: ColumnKind,
  n: number,
  span: number,
  w: number,
): { itemW: number; itemH: number; gap: number } {
  // Long stacks of maps (C3's sixteen) close up a little so that each thumbnail stays legible.
  const gap = kind === "maps" && n > 8 ? 4 : GAP[kind];
  const fit = (span - (n - 1) * gap) / n;
  if (kind === "maps") {
    const side = Math.max(1, Math.floor(Math.min(MAX_THUMB, w * ITEM_SHARE, fit)));
    return { itemW: side, itemH: side, gap };
  }
  const itemH = Math.max(1, Math.floor(Math.min(MAX_BOX_HEIGHT, fit)));
  const itemW = Math.floor(
    Math.min(kind === "slim" ? SLIM_BOX_WIDTH : MAX_BOX_WIDTH, w * ITEM_SHARE),
  );
  return { itemW, itemH, gap };
}

/** A column split into towers: each tower's page of items centred in its own band. */
function towerColumn(
  layer: LayoutLayer,
  kind: ColumnKind,
  towers: number,
  size: number,
  wanted: number,
  inner: number,
  margin: number,
  x: number,
  w: number,
): {
  x: number;
  rest: { start: number; items: ItemLayout[]; hidden: number; towers: TowerBand[] };
} {
  const lists = towerChannels(layer, towers);
  const per = Math.max(1, Math.floor(size / towers));
  const longest = Math.max(...lists.map((l) => l.length));
  const start = Math.min(pageStartOf(Math.max(0, wanted), per), pageStartOf(longest - 1, per));
  const band = (inner - (towers - 1) * TOWER_GAP) / towers;
  const slots = Math.min(per, longest - start);
  const { itemW, itemH, gap } = itemSize(kind, slots, band, w);
  const items: ItemLayout[] = [];
  const bands: TowerBand[] = lists.map((list, t) => {
    const top = margin + t * (band + TOWER_GAP);
    const ids = list.slice(start, start + per);
    const stack = ids.length * itemH + Math.max(0, ids.length - 1) * gap;
    const first = top + (band - stack) / 2;
    ids.forEach((channel, k) =>
      items.push({
        channel,
        x: x + (w - itemW) / 2,
        y: first + k * (itemH + gap),
        width: itemW,
        height: itemH,
        tower: t,
      }),
    );
    return { tower: t, top, bottom: top + band, channels: list.length, start, shown: ids.length };
  });
  const total = lists.reduce((a, l) => a + l.length, 0);
  return { x, rest: { start, items, hidden: total - items.length, towers: bands } };
}

/** Lays out the network in `width` px (see the module doc for the rules). */
export function layoutNetwork(
  model: LayoutModel,
  width: number,
  options: LayoutOptions = {},
): NetworkLayout {
  const height = options.height ?? 400;
  const margin = options.margin ?? 0;
  const inner = height - 2 * margin;
  const pageSize = Math.max(1, Math.floor(options.pageSize ?? 32));
  const mapPageSize = Math.max(1, Math.floor(options.mapPageSize ?? Math.min(16, pageSize)));
  const sources = [
    { layer: -1, name: "input", kind: "input", shape: model.inputShape, params: 0 },
    ...model.layers.map((l, i) => ({
      layer: i,
      name: l.name,
      kind: l.spec.kind,
      shape: l.outputShape,
      params: l.counts.trainable + l.counts.nonTrainable,
    })),
  ];
  const kinds = sources.map((s) => columnKindOf(s.kind, s.shape));
  const widths = shareWidths(kinds, Math.max(0, width - 2 * PADDING));
  const used = widths.reduce((a, b) => a + b, 0);
  const total = Math.max(width, used + 2 * PADDING);
  let x = (total - used) / 2;
  const columns = sources.map((s, i): ColumnLayout => {
    const kind = kinds[i];
    const w = widths[i];
    const channels = channelsOf(s.shape);
    const [mapHeight, mapWidth] = s.shape.length === 3 ? [s.shape[0], s.shape[1]] : [1, 1];
    const size = kind === "maps" ? mapPageSize : pageSize;
    const wanted = options.pageStarts?.get(s.layer) ?? 0;
    const towers = Math.floor(options.towers ?? 1);
    if (s.layer >= 0 && splits(channels, towers)) {
      const column = towerColumn(
        model.layers[s.layer],
        kind,
        towers,
        size,
        wanted,
        inner,
        margin,
        x,
        w,
      );
      x += w;
      return {
        layer: s.layer,
        name: s.name,
        kind,
        shape: s.shape,
        channels,
        mapHeight,
        mapWidth,
        x: column.x,
        width: w,
        ...column.rest,
        params: s.params,
      };
    }
    const start = Math.min(pageStartOf(Math.max(0, wanted), size), pageStartOf(channels - 1, size));
    const n = Math.min(size, channels - start);
    // Long stacks of maps (C3's sixteen) close up a little so that each thumbnail stays legible.
    const gap = kind === "maps" && n > 8 ? 4 : GAP[kind];
    const fit = (inner - (n - 1) * gap) / n;
    let itemW: number;
    let itemH: number;
    if (kind === "maps") {
      itemW = itemH = Math.max(1, Math.floor(Math.min(MAX_THUMB, w * ITEM_SHARE, fit)));
    } else {
      itemH = Math.max(1, Math.floor(Math.min(MAX_BOX_HEIGHT, fit)));
      itemW = Math.floor(
        Math.min(kind === "slim" ? SLIM_BOX_WIDTH : MAX_BOX_WIDTH, w * ITEM_SHARE),
      );
    }
    const stack = n * itemH + (n - 1) * gap;
    const top = margin + (inner - stack) / 2;
    const items = Array.from({ length: n }, (_, k) => ({
      channel: start + k,
      x: x + (w - itemW) / 2,
      y: top + k * (itemH + gap),
      width: itemW,
      height: itemH,
    }));
    const column = {
      layer: s.layer,
      name: s.name,
      kind,
      shape: s.shape,
      channels,
      mapHeight,
      mapWidth,
      x,
      width: w,
      start,
      items,
      hidden: channels - n,
      params: s.params,
    };
    x += w;
    return column;
  });
  return { width: total, height, columns };
}

/** The column of a layer index (−1: the input). */
export function columnOf(layout: NetworkLayout, layer: number): ColumnLayout | undefined {
  return layout.columns[layer + 1];
}

/**
 * The item under a point of a column (layout coordinates), or undefined. A point in the gap
 * between two items, or beside them, picks the nearer one within half a gap.
 */
export function hitItem(column: ColumnLayout, x: number, y: number): ItemLayout | undefined {
  if (x < column.x || x > column.x + column.width) return undefined;
  let best: ItemLayout | undefined;
  let bestDistance = Infinity;
  for (const item of column.items) {
    const d = y < item.y ? item.y - y : y > item.y + item.height ? y - item.y - item.height : 0;
    if (d < bestDistance) {
      best = item;
      bestDistance = d;
    }
  }
  return bestDistance <= GAP[column.kind] / 2 + 1 ? best : undefined;
}
