/**
 * Drawing one layer's activations as a grid of heat maps on a canvas: the layout of the grid,
 * the pixels (one ImageData pixel per activation, scaled up with nearest neighbour), the
 * highlights of an overlay canvas, and the inverse (which neuron sits under a point).
 *
 * Plain functions: data, shapes, scales and a 2D context in, pixels out. Activations are HWC
 * row-major (channels last) as the engine's trace keeps them. A map whose height and width are
 * both 1 (LeNet's C5, 1×1×120) is drawn as a strip of units, like a vector.
 */
import type { ColorScale } from "./color.js";

/** One neuron of a layer: a unit of a vector is `{ channel: unit, y: 0, x: 0 }`. */
export interface NeuronAt {
  readonly channel: number;
  readonly y: number;
  readonly x: number;
}

/** Where one map sits, in CSS pixels: the image box (its label sits just above it). */
export interface MapBox {
  readonly channel: number;
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

/** A rectangle in CSS pixels. */
export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

/** The layout of a layer's grid. */
export interface GridLayout {
  /** `maps`: one heat map per channel; `units`: a vector, one cell per unit, wrapped in rows. */
  readonly kind: "maps" | "units";
  /** Maps: height and width of one map in activations. Units: 1 and 1. */
  readonly mapHeight: number;
  readonly mapWidth: number;
  /** Maps: number of channels. Units: number of units. */
  readonly count: number;
  /** Maps: maps per row. Units: cells per row. */
  readonly columns: number;
  /** Maps: rows of maps. Units: rows of cells. */
  readonly rows: number;
  /** CSS pixels per activation. */
  readonly cell: number;
  /** Pixels between maps (maps) or inside each cell's right and bottom edge (units). */
  readonly gap: number;
  /** Height of the label band above each map (0: no labels). */
  readonly labelHeight: number;
  /** Empty border around the grid, room for outlines drawn outside the outer maps. */
  readonly margin: number;
  /** Size of the whole grid in CSS pixels, margins included. */
  readonly width: number;
  readonly height: number;
  /** Maps only: each map's image box, in channel order. Empty for units. */
  readonly maps: readonly MapBox[];
}

/** Options of {@link layoutGrid}. */
export interface LayoutOptions {
  /** Maps (or cells) per row; default: as many as fit with the largest cells. */
  readonly columns?: number | undefined;
  /** CSS pixels per activation; default: the largest that fits (see `maxMapSize`, `maxHeight`). */
  readonly cell?: number | undefined;
  /** Pixels between maps (default 6). */
  readonly gap?: number;
  /** Label band above each map (default 14; labels are dropped when maps are narrower than 16 px). */
  readonly labelHeight?: number;
  /** Largest map side in CSS pixels when the cell size is automatic (default 160). */
  readonly maxMapSize?: number;
  /** Tallest grid the automatic cell size aims for (default ¾ of the width, at least 240). */
  readonly maxHeight?: number;
  /** Empty border around the grid (default 0), included in `width`; maps and cells are offset by it. */
  readonly margin?: number;
}

/** How a shape is drawn: `[h, w, c]` maps, or a strip of `n` units (`[n]`, or 1×1 maps). */
export function gridShape(shape: readonly number[]): {
  kind: "maps" | "units";
  height: number;
  width: number;
  count: number;
} {
  if (shape.length === 3 && shape[0] * shape[1] > 1) {
    return { kind: "maps", height: shape[0], width: shape[1], count: shape[2] };
  }
  return { kind: "units", height: 1, width: 1, count: shape.reduce((a, b) => a * b, 1) };
}

/** Index into HWC row-major data of neuron (channel, y, x); units index by channel. */
export function dataIndex(shape: readonly number[], n: NeuronAt): number {
  if (shape.length !== 3) return n.channel;
  return (n.y * shape[1] + n.x) * shape[2] + n.channel;
}

const MIN_UNIT_CELL = 8;
const MAX_UNIT_CELL = 24;
const UNIT_STRIP_HEIGHT = 96;

/**
 * Lays out a layer's activations in `width` CSS pixels: maps in a balanced grid (rows as even as
 * possible) with the largest integer cell size that keeps each map under `maxMapSize` and the
 * grid under `maxHeight` (never below 1 px per activation: then the grid grows taller); vectors
 * as a wrapped strip of cells, 8 to 24 px each (the largest that keeps the strip ≤ 96 px tall).
 */
export function layoutGrid(
  shape: readonly number[],
  width: number,
  options: LayoutOptions = {},
): GridLayout {
  const grid = gridShape(shape);
  const margin = Math.max(0, Math.floor(options.margin ?? 0));
  const avail = Math.max(1, Math.floor(width) - 2 * margin);
  return grid.kind === "units"
    ? layoutUnits(grid.count, avail, margin, options)
    : layoutMaps(grid.height, grid.width, grid.count, avail, margin, options);
}

function layoutMaps(
  mh: number,
  mw: number,
  count: number,
  avail: number,
  margin: number,
  options: LayoutOptions,
): GridLayout {
  const gap = options.gap ?? 6;
  const band = options.labelHeight ?? 14;
  const maxHeight = options.maxHeight ?? Math.max(240, Math.round(avail * 0.75));
  const fixedColumns = options.columns && options.columns > 0 ? Math.floor(options.columns) : 0;
  const shapeAt = (cell: number) => {
    const fit = Math.max(1, Math.floor((avail + gap) / (cell * mw + gap)));
    const most = Math.min(count, fixedColumns || fit);
    const rows = Math.ceil(count / most);
    const columns = fixedColumns ? Math.min(fixedColumns, count) : Math.ceil(count / rows);
    const labelHeight = cell * mw >= 16 ? band : 0;
    const height = rows * (labelHeight + cell * mh) + (rows - 1) * gap;
    const total = columns * cell * mw + (columns - 1) * gap;
    return { columns, rows, labelHeight, height, total };
  };
  let cell: number;
  if (options.cell && options.cell > 0) {
    cell = Math.max(1, Math.floor(options.cell));
  } else {
    const cap = Math.max(1, Math.floor((options.maxMapSize ?? 160) / Math.max(mh, mw)));
    cell = 1;
    for (let c = cap; c >= 1; c--) {
      const s = shapeAt(c);
      if (s.total <= avail && (fixedColumns || s.height <= maxHeight)) {
        cell = c;
        break;
      }
    }
  }
  const { columns, rows, labelHeight, height, total } = shapeAt(cell);
  const maps: MapBox[] = [];
  for (let channel = 0; channel < count; channel++) {
    const col = channel % columns;
    const row = Math.floor(channel / columns);
    maps.push({
      channel,
      x: margin + col * (cell * mw + gap),
      y: margin + row * (labelHeight + cell * mh + gap) + labelHeight,
      w: cell * mw,
      h: cell * mh,
    });
  }
  return {
    kind: "maps",
    mapHeight: mh,
    mapWidth: mw,
    count,
    columns,
    rows,
    cell,
    gap,
    labelHeight,
    margin,
    width: total + 2 * margin,
    height: height + 2 * margin,
    maps,
  };
}

function layoutUnits(
  count: number,
  avail: number,
  margin: number,
  options: LayoutOptions,
): GridLayout {
  const fixedColumns = options.columns && options.columns > 0 ? Math.floor(options.columns) : 0;
  const balanced = (cell: number) => {
    if (fixedColumns) return Math.min(fixedColumns, count);
    const most = Math.max(1, Math.min(count, Math.floor(avail / cell)));
    return Math.ceil(count / Math.ceil(count / most));
  };
  let cell: number;
  if (options.cell && options.cell > 0) {
    cell = Math.max(1, Math.floor(options.cell));
  } else if (fixedColumns) {
    cell = Math.max(1, Math.min(MAX_UNIT_CELL, Math.floor(avail / Math.min(fixedColumns, count))));
  } else {
    // The largest cell (8 to 24 px, never wider than the space) whose strip stays ≤ 96 px tall.
    const top = Math.max(1, Math.min(MAX_UNIT_CELL, avail));
    const bottom = Math.min(MIN_UNIT_CELL, top);
    cell = bottom;
    for (let c = top; c > bottom; c--) {
      if (Math.ceil(count / balanced(c)) * c <= UNIT_STRIP_HEIGHT) {
        cell = c;
        break;
      }
    }
  }
  const columns = balanced(cell);
  const rows = Math.ceil(count / columns);
  return {
    kind: "units",
    mapHeight: 1,
    mapWidth: 1,
    count,
    columns,
    rows,
    cell,
    gap: cell >= 6 ? 1 : 0,
    labelHeight: 0,
    margin,
    width: columns * cell + 2 * margin,
    height: rows * cell + 2 * margin,
    maps: [],
  };
}

/** The CSS-pixel rectangle of one neuron's cell (units: the whole cell, gap included). */
export function cellRect(layout: GridLayout, n: NeuronAt): Rect {
  if (layout.kind === "units") {
    const col = n.channel % layout.columns;
    const row = Math.floor(n.channel / layout.columns);
    const m = layout.margin;
    return { x: m + col * layout.cell, y: m + row * layout.cell, w: layout.cell, h: layout.cell };
  }
  const box = layout.maps[n.channel];
  return {
    x: box.x + n.x * layout.cell,
    y: box.y + n.y * layout.cell,
    w: layout.cell,
    h: layout.cell,
  };
}

/** The neuron under a point of the grid (CSS pixels from its top-left), or null (gap, label, outside). */
export function hitTest(layout: GridLayout, x: number, y: number): NeuronAt | null {
  const px = x - layout.margin;
  const py = y - layout.margin;
  const inner = 2 * layout.margin;
  if (!(px >= 0 && py >= 0 && px < layout.width - inner && py < layout.height - inner)) return null;
  if (layout.kind === "units") {
    const unit = Math.floor(py / layout.cell) * layout.columns + Math.floor(px / layout.cell);
    return unit < layout.count ? { channel: unit, y: 0, x: 0 } : null;
  }
  const pitchX = layout.cell * layout.mapWidth + layout.gap;
  const pitchY = layout.labelHeight + layout.cell * layout.mapHeight + layout.gap;
  const col = Math.floor(px / pitchX);
  const row = Math.floor(py / pitchY);
  const channel = row * layout.columns + col;
  if (col >= layout.columns || channel >= layout.count) return null;
  const box = layout.maps[channel];
  const dx = x - box.x;
  const dy = y - box.y;
  if (dx < 0 || dy < 0 || dx >= box.w || dy >= box.h) return null;
  return { channel, y: Math.floor(dy / layout.cell), x: Math.floor(dx / layout.cell) };
}

/** Size of a colour lookup table: fine enough that neighbouring entries differ by ≤ 1 per byte. */
export const PALETTE_SIZE = 1024;

/** A colour scale sampled into a lookup table, for writing ImageData fast. */
export interface Palette {
  /** RGB bytes, one triple per entry. */
  readonly bytes: Uint8Array;
  /** The table entry of a value (clamped to the scale's domain); −1 for NaN. */
  index(value: number): number;
}

/** Samples a colour scale across its domain into a {@link Palette} of `size` entries. */
export function paletteOf(scale: ColorScale, size = PALETTE_SIZE): Palette {
  const [d0, d1] = scale.domain;
  const bytes = new Uint8Array(size * 3);
  const last = size - 1;
  for (let i = 0; i < size; i++) {
    const [r, g, b] = scale.rgb(d0 + ((d1 - d0) * i) / last);
    bytes[i * 3] = r;
    bytes[i * 3 + 1] = g;
    bytes[i * 3 + 2] = b;
  }
  const k = d1 > d0 ? last / (d1 - d0) : 0;
  return {
    bytes,
    index(value) {
      if (Number.isNaN(value)) return -1;
      const i = Math.round((value - d0) * k);
      return i < 0 ? 0 : i > last ? last : i;
    },
  };
}

/** Colour of NaN activations (a neutral grey, outside both colour scales). */
const NAN_RGB = [128, 128, 128] as const;

/** One colour scale for every map, or one per channel. */
export type MapScales = ColorScale | readonly ColorScale[];

/** Smallest and largest value of each channel (units: of each unit). */
export function channelRanges(
  data: ArrayLike<number>,
  shape: readonly number[],
): { min: Float32Array; max: Float32Array } {
  const channels = shape.length === 3 ? shape[2] : shape.reduce((a, b) => a * b, 1);
  const min = new Float32Array(channels).fill(Infinity);
  const max = new Float32Array(channels).fill(-Infinity);
  for (let i = 0; i < data.length; i++) {
    const c = i % channels;
    const v = data[i];
    if (v < min[c]) min[c] = v;
    if (v > max[c]) max[c] = v;
  }
  return { min, max };
}

/** Something drawImage accepts and whose pixels we can put: an OffscreenCanvas, else a canvas. */
function scratchCanvas(w: number, h: number): OffscreenCanvas | HTMLCanvasElement {
  if (typeof OffscreenCanvas !== "undefined") return new OffscreenCanvas(w, h);
  const canvas = document.createElement("canvas");
  canvas.width = w;
  canvas.height = h;
  return canvas;
}

/**
 * Paints the heat maps of `data` (shape `[h, w, c]` or `[n]`) into `ctx` as laid out (CSS
 * pixels; set any device-pixel transform on `ctx` first). Maps: every activation becomes one
 * pixel of a small atlas, drawn scaled with nearest neighbour so cells stay crisp. Units: one
 * filled cell each. Clears the grid's area first; draws no labels (see {@link paintLabels}).
 */
export function paintMaps(
  ctx: CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D,
  data: ArrayLike<number>,
  shape: readonly number[],
  layout: GridLayout,
  scales: MapScales,
): void {
  const perChannel = Array.isArray(scales);
  // Many per-map scales get coarser tables (256 entries still step ≤ 4 per byte): 96 maps × 1024
  // samples of d3 would cost more than the painting.
  const palettes: Palette[] = perChannel
    ? (scales as readonly ColorScale[]).map((s, _, all) =>
        paletteOf(s, all.length > 8 ? 256 : PALETTE_SIZE),
      )
    : [paletteOf(scales as ColorScale)];
  const paletteAt = (c: number) => palettes[perChannel ? c : 0];
  ctx.clearRect(0, 0, layout.width, layout.height);
  if (layout.kind === "units") {
    const inner = layout.cell - layout.gap;
    for (let u = 0; u < layout.count; u++) {
      const p = paletteAt(u);
      const i = p.index(data[u]);
      const [r, g, b] = i < 0 ? NAN_RGB : [p.bytes[i * 3], p.bytes[i * 3 + 1], p.bytes[i * 3 + 2]];
      ctx.fillStyle = `rgb(${r} ${g} ${b})`;
      const rect = cellRect(layout, { channel: u, y: 0, x: 0 });
      ctx.fillRect(rect.x, rect.y, inner, inner);
    }
    return;
  }
  const { mapHeight: mh, mapWidth: mw, count, columns, rows } = layout;
  const channels = shape[2];
  const aw = columns * mw;
  const ah = rows * mh;
  const image = new ImageData(aw, ah);
  const px = image.data;
  for (let c = 0; c < count; c++) {
    const p = paletteAt(c);
    const bytes = p.bytes;
    const ox = (c % columns) * mw;
    const oy = Math.floor(c / columns) * mh;
    for (let y = 0; y < mh; y++) {
      let src = y * mw * channels + c;
      let dst = ((oy + y) * aw + ox) * 4;
      for (let x = 0; x < mw; x++, src += channels, dst += 4) {
        const i = p.index(data[src]);
        if (i < 0) {
          px[dst] = NAN_RGB[0];
          px[dst + 1] = NAN_RGB[1];
          px[dst + 2] = NAN_RGB[2];
        } else {
          px[dst] = bytes[i * 3];
          px[dst + 1] = bytes[i * 3 + 1];
          px[dst + 2] = bytes[i * 3 + 2];
        }
        px[dst + 3] = 255;
      }
    }
  }
  const atlas = scratchCanvas(aw, ah);
  const actx = atlas.getContext("2d") as
    CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D | null;
  if (!actx) return;
  actx.putImageData(image, 0, 0);
  ctx.imageSmoothingEnabled = false;
  for (const box of layout.maps) {
    const sx = (box.channel % columns) * mw;
    const sy = Math.floor(box.channel / columns) * mh;
    ctx.drawImage(atlas, sx, sy, mw, mh, box.x, box.y, box.w, box.h);
  }
}

/** Style of the map labels. */
export interface LabelStyle {
  readonly font: string;
  readonly color: string;
}

/** Writes each map's channel index in the band above it (nothing when the layout has no band). */
export function paintLabels(
  ctx: CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D,
  layout: GridLayout,
  style: LabelStyle,
): void {
  if (layout.kind !== "maps" || layout.labelHeight === 0) return;
  ctx.font = style.font;
  ctx.fillStyle = style.color;
  ctx.textBaseline = "alphabetic";
  ctx.textAlign = "left";
  for (const box of layout.maps) ctx.fillText(String(box.channel), box.x, box.y - 3);
}

/**
 * Draws a hairline just outside each map (units: around the whole strip), so that maps whose
 * values sit near the scale's pale middle still read as maps against the page.
 */
export function paintFrames(
  ctx: CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D,
  layout: GridLayout,
  color: string,
): void {
  ctx.lineWidth = 1;
  ctx.strokeStyle = color;
  ctx.setLineDash([]);
  if (layout.kind === "units") {
    const m = layout.margin;
    const full = Math.min(layout.count, layout.columns) * layout.cell;
    ctx.strokeRect(
      m - 0.5,
      m - 0.5,
      full + 1 - layout.gap,
      layout.rows * layout.cell + 1 - layout.gap,
    );
    return;
  }
  for (const box of layout.maps) ctx.strokeRect(box.x - 0.5, box.y - 0.5, box.w + 1, box.h + 1);
}

/** Colours of the overlay. */
export interface OverlayStyle {
  /** Outline of the focused neuron and its map. */
  readonly focus: string;
  /** Halo drawn under every outline so that it reads on any colour of the scale. */
  readonly halo: string;
  /** Outline of the hovered neuron and the receptive-field window. */
  readonly window: string;
  /** Veil laid over maps that do not feed the neuron (drawn at `veilAlpha`). */
  readonly veil: string;
  /** Opacity of the veil (default 0.75). */
  readonly veilAlpha?: number;
}

type Ctx2D = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;

/** Fills with the veil colour at its opacity. */
function veiled(ctx: Ctx2D, style: OverlayStyle, fill: () => void): void {
  const alpha = ctx.globalAlpha;
  ctx.globalAlpha = style.veilAlpha ?? 0.75;
  ctx.fillStyle = style.veil;
  fill();
  ctx.globalAlpha = alpha;
}

/** Strokes a rectangle just outside `r` twice: a wide halo, then a narrow line. */
function outline(
  ctx: Ctx2D,
  r: Rect,
  color: string,
  halo: string,
  width = 1.5,
  dashed = false,
): void {
  const x = r.x - width / 2;
  const y = r.y - width / 2;
  const w = r.w + width;
  const h = r.h + width;
  ctx.setLineDash([]);
  ctx.lineWidth = width + 2;
  ctx.strokeStyle = halo;
  ctx.strokeRect(x, y, w, h);
  ctx.setLineDash(dashed ? [3, 2] : []);
  ctx.lineWidth = width;
  ctx.strokeStyle = color;
  ctx.strokeRect(x, y, w, h);
  ctx.setLineDash([]);
}

/** Outlines a neuron's cell (and, for maps, faintly its whole map). */
export function paintFocus(
  ctx: Ctx2D,
  layout: GridLayout,
  n: NeuronAt,
  style: OverlayStyle,
  options: { map?: boolean; cell?: boolean; dashed?: boolean } = {},
): void {
  if (n.channel < 0 || n.channel >= layout.count) return;
  if (layout.kind === "maps" && options.map !== false) {
    const box = layout.maps[n.channel];
    ctx.lineWidth = 1;
    ctx.strokeStyle = style.focus;
    ctx.strokeRect(box.x - 1.5, box.y - 1.5, box.w + 3, box.h + 3);
  }
  if (options.cell === false) return;
  const color = options.dashed ? style.window : style.focus;
  outline(ctx, cellRect(layout, n), color, style.halo, 1.5, options.dashed);
}

/**
 * What a neuron reads in the layer below: a window of some channels of its maps, a range of
 * units of a vector, or everything.
 */
export type InputLinks =
  | {
      readonly kind: "map";
      /** Half-open window in the input's coordinates (may pass the borders: padding). */
      readonly window: {
        readonly y0: number;
        readonly x0: number;
        readonly y1: number;
        readonly x1: number;
      };
      /** The input channels it reads, ascending. */
      readonly channels: readonly number[];
    }
  | { readonly kind: "units"; readonly start: number; readonly end: number }
  | { readonly kind: "all" };

/**
 * Marks what a neuron reads on the input's grid: veils the maps (or units) it does not read and
 * frames its window in each map it reads, clipped to the map.
 */
export function paintLinks(
  ctx: Ctx2D,
  layout: GridLayout,
  links: InputLinks,
  style: OverlayStyle,
  options: { window?: boolean } = { window: true },
): void {
  if (links.kind === "all") return;
  if (layout.kind === "units") {
    // A map window over 1×1 maps reads whole channels; a range reads units.
    const linked = new Set<number>();
    if (links.kind === "map") {
      if (
        links.window.y0 <= 0 &&
        links.window.y1 > 0 &&
        links.window.x0 <= 0 &&
        links.window.x1 > 0
      )
        for (const c of links.channels) linked.add(c);
    } else {
      for (let u = links.start; u < links.end; u++) linked.add(u);
    }
    veiled(ctx, style, () => {
      for (let u = 0; u < layout.count; u++) {
        if (linked.has(u)) continue;
        const r = cellRect(layout, { channel: u, y: 0, x: 0 });
        ctx.fillRect(r.x, r.y, r.w, r.h);
      }
    });
    for (const u of linked) {
      if (u >= 0 && u < layout.count)
        outline(ctx, cellRect(layout, { channel: u, y: 0, x: 0 }), style.window, style.halo, 1);
    }
    return;
  }
  if (links.kind === "units") return;
  const linked = new Set(links.channels);
  const { y0, x0, y1, x1 } = links.window;
  const cy0 = Math.max(0, y0);
  const cx0 = Math.max(0, x0);
  const cy1 = Math.min(layout.mapHeight, y1);
  const cx1 = Math.min(layout.mapWidth, x1);
  veiled(ctx, style, () => {
    for (const box of layout.maps) {
      if (!linked.has(box.channel)) ctx.fillRect(box.x, box.y, box.w, box.h);
    }
  });
  if (!options.window || cy0 >= cy1 || cx0 >= cx1) return;
  for (const box of layout.maps) {
    if (!linked.has(box.channel)) continue;
    const c = layout.cell;
    outline(
      ctx,
      { x: box.x + cx0 * c, y: box.y + cy0 * c, w: (cx1 - cx0) * c, h: (cy1 - cy0) * c },
      style.window,
      style.halo,
      1.5,
    );
  }
}
