/**
 * Drawing conv1's sweep: the picture conv1 reads with the 11×11 window at one stride-4 position,
 * the output map filling in cell by cell up to that position, the kernel magnified, and the
 * values of every map at that position. Plain functions: pixels and numbers in, pixels out. Each
 * frame draws a few images and rectangles from canvases prepared once per trace (never a node per
 * value), so a frame costs well under a millisecond.
 */
import type { Window } from "@convstep/engine";
import { colorLut, lutIndex, mapPixels, type ColorLut } from "./network.js";
import type { ColorScale } from "./color.js";

/** A sweep position: the output cell (row y, column x) of a `height × width` map. */
export interface SweepCell {
  readonly y: number;
  readonly x: number;
}

/** The cell of step `index` of a row-major sweep over a map `width` wide (clamped to ≥ 0). */
export function sweepCell(index: number, width: number): SweepCell {
  const i = Math.max(0, Math.floor(index));
  return { y: Math.floor(i / width), x: i % width };
}

/** The step index of a cell in a row-major sweep. */
export function sweepIndex(cell: SweepCell, width: number): number {
  return cell.y * width + cell.x;
}

/** How to turn the model-side values of conv1's input into displayable 0–255 RGB. */
export interface DisplayTransform {
  /** Added to each channel (e.g. the ImageNet mean a 2012 input had subtracted). */
  readonly offset: readonly [number, number, number];
  /** Multiplied after the offset (e.g. 255 for inputs in [0, 1]); one number or one per channel. */
  readonly scale: number | readonly [number, number, number];
}

/**
 * RGBA bytes of an `h × w × 3` activation (HWC, row-major), for a canvas: value → (value +
 * offset)·scale, clamped to 0–255. A one-channel input is drawn grey.
 */
export function pictureRgba(
  data: ArrayLike<number>,
  shape: readonly number[],
  transform: DisplayTransform,
): Uint8ClampedArray<ArrayBuffer> {
  const [h, w, c] = shape;
  const out = new Uint8ClampedArray(new ArrayBuffer(h * w * 4));
  for (let p = 0; p < h * w; p++) {
    for (let k = 0; k < 3; k++) {
      const ch = c >= 3 ? k : 0;
      const scale = typeof transform.scale === "number" ? transform.scale : transform.scale[ch];
      out[p * 4 + k] = (data[p * c + ch] + transform.offset[ch]) * scale;
    }
    out[p * 4 + 3] = 255;
  }
  return out;
}

/**
 * RGBA bytes of one kernel `[kh, kw, in, out]` (Keras layout), slice `filter`, for the first three
 * input channels as R, G, B: 0 is mid-grey, ±`extent` full contrast (default: the slice's largest
 * |weight|, so each kernel shows its own pattern, as the paper's Figure 3 does).
 */
export function kernelRgba(
  kernel: ArrayLike<number>,
  shape: readonly number[],
  filter: number,
  extent?: number,
): Uint8ClampedArray<ArrayBuffer> {
  const [kh, kw, cin, cout] = shape;
  const at = (ky: number, kx: number, c: number) =>
    kernel[((ky * kw + kx) * cin + c) * cout + filter];
  let max = extent ?? 0;
  if (extent === undefined) {
    for (let ky = 0; ky < kh; ky++)
      for (let kx = 0; kx < kw; kx++)
        for (let c = 0; c < cin; c++) max = Math.max(max, Math.abs(at(ky, kx, c)));
  }
  const gain = max > 0 ? 127.5 / max : 0;
  const out = new Uint8ClampedArray(new ArrayBuffer(kh * kw * 4));
  for (let ky = 0; ky < kh; ky++)
    for (let kx = 0; kx < kw; kx++) {
      const p = (ky * kw + kx) * 4;
      for (let k = 0; k < 3; k++) out[p + k] = 127.5 + at(ky, kx, cin >= 3 ? k : 0) * gain;
      out[p + 3] = 255;
    }
  return out;
}

/** The values of every channel of an `[h, w, c]` activation at (y, x). */
export function columnAt(
  data: ArrayLike<number>,
  shape: readonly number[],
  cell: SweepCell,
): Float32Array {
  const [, w, c] = shape;
  const base = (cell.y * w + cell.x) * c;
  const out = new Float32Array(c);
  for (let k = 0; k < c; k++) out[k] = data[base + k];
  return out;
}

/** Smallest and largest value of channel `channel` of an HWC activation. */
export function channelExtent(
  data: ArrayLike<number>,
  shape: readonly number[],
  channel: number,
): [number, number] {
  const c = shape[2];
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = channel; i < data.length; i += c) {
    const v = data[i];
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return lo <= hi ? [lo, hi] : [0, 0];
}

/** A canvas holding an RGBA image at its own size (drawn scaled later). */
export function imageCanvas(
  rgba: Uint8ClampedArray<ArrayBuffer>,
  width: number,
  height: number,
): HTMLCanvasElement {
  const canvas = document.createElement("canvas");
  canvas.width = width;
  canvas.height = height;
  canvas.getContext("2d")?.putImageData(new ImageData(rgba, width, height), 0, 0);
  return canvas;
}

/** One output map coloured on its own scale, ready to draw cell by cell. */
export interface PreparedMap {
  readonly canvas: HTMLCanvasElement;
  readonly height: number;
  readonly width: number;
  readonly lut: ColorLut;
}

/** Colours map `channel` of an `[h, w, c]` activation on `scale` into a canvas of h × w pixels. */
export function prepareMap(
  data: ArrayLike<number>,
  shape: readonly number[],
  channel: number,
  scale: ColorScale,
): PreparedMap {
  const [h, w] = shape;
  const lut = colorLut(scale);
  return {
    canvas: imageCanvas(mapPixels(data, shape, channel, lut), w, h),
    height: h,
    width: w,
    lut,
  };
}

/** Colours of the sweep (read from the element's CSS). */
export interface SweepColours {
  /** The window and the current cell. */
  readonly highlight: string;
  /** The dark rim under the highlight, so it reads on any picture. */
  readonly halo: string;
  /** Cells not yet computed. */
  readonly empty: string;
  /** The veil over the part of the picture the window has not reached. */
  readonly veil: string;
  /** The receptive field of a deeper neuron. */
  readonly field: string;
}

/** What {@link drawPicture} drew, for tests. */
export interface DrawnPicture {
  /** The window outlined, in the picture's pixels (half-open, may pass the border: padding). */
  readonly window: Window | null;
  /** The previous stride position's window, drawn dashed. */
  readonly previous: Window | null;
  /** The receptive field outlined (a deeper neuron's), in the picture's pixels. */
  readonly field: Window | null;
  /** Whether the part not yet swept is veiled. */
  readonly veiled: boolean;
}

/** What to draw over the picture. */
export interface PictureOverlay {
  /** conv1's window at the current position. */
  readonly window?: Window | null;
  /** The window one stride step earlier (shows the overlap). */
  readonly previous?: Window | null;
  /** Veil what the sweep has not reached (rows below the window, the row right of it). */
  readonly veil?: boolean;
  /** A deeper neuron's receptive field. */
  readonly field?: Window | null;
}

function strokeWindow(
  ctx: CanvasRenderingContext2D,
  win: Window,
  scale: number,
  colour: string,
  halo: string,
  width: number,
  dash: number[] = [],
): void {
  const x = win.x0 * scale;
  const y = win.y0 * scale;
  const w = (win.x1 - win.x0) * scale;
  const h = (win.y1 - win.y0) * scale;
  ctx.setLineDash(dash);
  ctx.lineWidth = width + 2;
  ctx.strokeStyle = halo;
  ctx.strokeRect(x, y, w, h);
  ctx.lineWidth = width;
  ctx.strokeStyle = colour;
  ctx.strokeRect(x, y, w, h);
  ctx.setLineDash([]);
}

/**
 * Draws the picture conv1 reads (`picture`, one pixel per input value) at `scale` CSS px per
 * pixel, then the overlay: veil, the previous window dashed, the window, a receptive field.
 * The context's transform must map CSS px (the caller applies the device pixel ratio).
 */
export function drawPicture(
  ctx: CanvasRenderingContext2D,
  picture: CanvasImageSource & { width: number; height: number },
  scale: number,
  overlay: PictureOverlay,
  colours: SweepColours,
): DrawnPicture {
  const w = picture.width * scale;
  const h = picture.height * scale;
  ctx.clearRect(0, 0, w, h);
  ctx.imageSmoothingEnabled = scale < 1;
  ctx.drawImage(picture, 0, 0, w, h);
  const win = overlay.window ?? null;
  const veiled = Boolean(overlay.veil && win);
  if (veiled && win) {
    ctx.fillStyle = colours.veil;
    const below = Math.max(0, win.y1) * scale;
    ctx.fillRect(0, below, w, h - below);
    const right = Math.max(0, win.x1) * scale;
    ctx.fillRect(
      right,
      Math.max(0, win.y0) * scale,
      w - right,
      below - Math.max(0, win.y0) * scale,
    );
  }
  const previous = overlay.previous ?? null;
  if (previous) strokeWindow(ctx, previous, scale, colours.highlight, colours.halo, 1, [3, 3]);
  const field = overlay.field ?? null;
  if (field) strokeWindow(ctx, field, scale, colours.field, colours.halo, 2);
  if (win) strokeWindow(ctx, win, scale, colours.highlight, colours.halo, 2);
  return { window: win, previous, field, veiled };
}

/** What {@link drawMap} drew, for tests. */
export interface DrawnMap {
  /** Cells shown computed: the first `revealed` in row-major order. */
  readonly revealed: number;
  /** The outlined cell, if any. */
  readonly cell: SweepCell | null;
}

/**
 * Draws an output map at `cell` CSS px per value: the first `revealed` cells (row-major) in their
 * colours, the rest empty, and an outline around `current`.
 */
export function drawMap(
  ctx: CanvasRenderingContext2D,
  map: PreparedMap,
  cellSize: number,
  revealed: number,
  current: SweepCell | null,
  colours: SweepColours,
): DrawnMap {
  const { width: mw, height: mh } = map;
  const n = Math.max(0, Math.min(mw * mh, Math.floor(revealed)));
  ctx.clearRect(0, 0, mw * cellSize + 4, mh * cellSize + 4);
  ctx.imageSmoothingEnabled = false;
  ctx.fillStyle = colours.empty;
  ctx.fillRect(0, 0, mw * cellSize, mh * cellSize);
  const rows = Math.floor(n / mw);
  const rest = n % mw;
  if (rows > 0) ctx.drawImage(map.canvas, 0, 0, mw, rows, 0, 0, mw * cellSize, rows * cellSize);
  if (rest > 0 && rows < mh) {
    ctx.drawImage(map.canvas, 0, rows, rest, 1, 0, rows * cellSize, rest * cellSize, cellSize);
  }
  if (current) {
    const win = { y0: current.y, x0: current.x, y1: current.y + 1, x1: current.x + 1 };
    strokeWindow(ctx, win, cellSize, colours.highlight, colours.halo, 2);
  }
  return { revealed: n, cell: current };
}

/**
 * Draws the values of every map at one position as a strip of cells, `perRow` to a row (48: one
 * row per GPU), each in its colour on `lut`, with the `selected` channel outlined.
 */
export function drawColumn(
  ctx: CanvasRenderingContext2D,
  values: ArrayLike<number>,
  lut: ColorLut,
  perRow: number,
  cellSize: number,
  gap: number,
  selected: number,
  colours: SweepColours,
): void {
  const rows = Math.ceil(values.length / perRow);
  ctx.clearRect(0, 0, perRow * cellSize + 4, rows * (cellSize + gap) + 4);
  for (let i = 0; i < values.length; i++) {
    const k = lutIndex(lut, values[i]) * 3;
    ctx.fillStyle = `rgb(${lut.rgb[k]},${lut.rgb[k + 1]},${lut.rgb[k + 2]})`;
    const x = (i % perRow) * cellSize;
    const y = Math.floor(i / perRow) * (cellSize + gap);
    ctx.fillRect(x + 1, y + 1, cellSize - 1, cellSize - 1);
  }
  if (selected >= 0 && selected < values.length) {
    const x = (selected % perRow) * cellSize;
    const y = Math.floor(selected / perRow) * (cellSize + gap);
    ctx.lineWidth = 3;
    ctx.strokeStyle = colours.halo;
    ctx.strokeRect(x + 0.5, y + 0.5, cellSize, cellSize);
    ctx.lineWidth = 1.5;
    ctx.strokeStyle = colours.highlight;
    ctx.strokeRect(x + 0.5, y + 0.5, cellSize, cellSize);
  }
}

/**
 * Draws a bank of kernels as tiles, `perRow` to a row with a `groupGap` after every `groupSize`
 * kernels (the two GPUs), and the `selected` one outlined. `tiles[i]` is kernel i's canvas.
 */
export function drawBank(
  ctx: CanvasRenderingContext2D,
  tiles: readonly HTMLCanvasElement[],
  layout: BankLayout,
  selected: number,
  colours: SweepColours,
): void {
  ctx.clearRect(0, 0, layout.width, layout.height);
  ctx.imageSmoothingEnabled = false;
  tiles.forEach((tile, i) => {
    const r = bankTile(layout, i);
    ctx.drawImage(tile, r.x, r.y, r.size, r.size);
  });
  if (selected >= 0 && selected < tiles.length) {
    const r = bankTile(layout, selected);
    ctx.lineWidth = 3;
    ctx.strokeStyle = colours.halo;
    ctx.strokeRect(r.x - 1.5, r.y - 1.5, r.size + 3, r.size + 3);
    ctx.lineWidth = 2;
    ctx.strokeStyle = colours.highlight;
    ctx.strokeRect(r.x - 1.5, r.y - 1.5, r.size + 3, r.size + 3);
  }
}

/** Where a bank's tiles go. */
export interface BankLayout {
  readonly count: number;
  readonly perRow: number;
  /** Kernels per group (a GPU); groups are stacked with `groupGap` between them. */
  readonly groupSize: number;
  readonly tile: number;
  readonly gap: number;
  readonly groupGap: number;
  readonly width: number;
  readonly height: number;
}

/** Lays out `count` kernel tiles of `tile` px, `perRow` to a row, in groups of `groupSize`. */
export function bankLayout(
  count: number,
  perRow: number,
  groupSize: number,
  tile: number,
  gap = 2,
  groupGap = 14,
): BankLayout {
  const groups = Math.ceil(count / groupSize);
  const rowsPerGroup = Math.ceil(Math.min(groupSize, count) / perRow);
  const width = perRow * tile + (perRow - 1) * gap;
  const height =
    groups * (rowsPerGroup * tile + (rowsPerGroup - 1) * gap) + (groups - 1) * groupGap;
  return { count, perRow, groupSize, tile, gap, groupGap, width, height };
}

/** The rectangle of tile `i`. */
export function bankTile(layout: BankLayout, i: number): { x: number; y: number; size: number } {
  const group = Math.floor(i / layout.groupSize);
  const k = i % layout.groupSize;
  const rowsPerGroup = Math.ceil(Math.min(layout.groupSize, layout.count) / layout.perRow);
  const groupHeight = rowsPerGroup * layout.tile + (rowsPerGroup - 1) * layout.gap;
  const x = (k % layout.perRow) * (layout.tile + layout.gap);
  const y =
    group * (groupHeight + layout.groupGap) +
    Math.floor(k / layout.perRow) * (layout.tile + layout.gap);
  return { x, y, size: layout.tile };
}

/** The tile under a point (CSS px), or −1. */
export function bankTileAt(layout: BankLayout, px: number, py: number): number {
  for (let i = 0; i < layout.count; i++) {
    const r = bankTile(layout, i);
    if (
      px >= r.x - layout.gap / 2 &&
      px < r.x + r.size + layout.gap / 2 &&
      py >= r.y - layout.gap / 2 &&
      py < r.y + r.size + layout.gap / 2
    )
      return i;
  }
  return -1;
}

/**
 * Draws the patch under a window (what one kernel position reads) magnified: `picture`'s pixels
 * in `window` at `cell` CSS px each; positions outside the picture (padding) are drawn as
 * `empty` with a hatch. Returns the window drawn.
 */
export function drawPatch(
  ctx: CanvasRenderingContext2D,
  picture: CanvasImageSource & { width: number; height: number },
  win: Window,
  cell: number,
  colours: SweepColours,
): Window {
  const k = win.y1 - win.y0;
  const w = win.x1 - win.x0;
  ctx.clearRect(0, 0, w * cell, k * cell);
  ctx.imageSmoothingEnabled = false;
  ctx.fillStyle = colours.empty;
  ctx.fillRect(0, 0, w * cell, k * cell);
  const sx = Math.max(0, win.x0);
  const sy = Math.max(0, win.y0);
  const ex = Math.min(picture.width, win.x1);
  const ey = Math.min(picture.height, win.y1);
  if (ex > sx && ey > sy) {
    ctx.drawImage(
      picture,
      sx,
      sy,
      ex - sx,
      ey - sy,
      (sx - win.x0) * cell,
      (sy - win.y0) * cell,
      (ex - sx) * cell,
      (ey - sy) * cell,
    );
  }
  return win;
}
