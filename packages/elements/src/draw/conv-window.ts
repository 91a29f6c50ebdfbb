/**
 * Drawing the convolution-arithmetic widget: the padded input with its sliding window, and the
 * output grid filling in cell by cell. Plain functions: the arithmetic, pixels and a 2D context
 * in, pixels out. Both canvases are drawn in CSS pixels (the caller scales the context by the
 * device pixel ratio). One canvas each, never a DOM node per pixel or cell: AlexNet's 227×227
 * input and 55×55 output are 51,529 + 3,025 squares.
 */
import type { ConvArithmetic } from "./conv-geometry.js";

/** Where things sit, in CSS pixels. */
export interface ConvLayout {
  /** Side of one (padded) input pixel. */
  readonly inputCell: number;
  /** Side of the padded input box. */
  readonly inputSide: number;
  /** Side of what the input canvas shows: the padded input, or the window when it is larger. */
  readonly inputExtent: number;
  /** Side of one output cell. */
  readonly outputCell: number;
  /** Side of the output grid (0 when the output is empty). */
  readonly outputSide: number;
  /** Empty border around each box, room for outlines drawn on its edge. */
  readonly margin: number;
}

/** Options of {@link layoutConv}. */
export interface LayoutOptions {
  /** Largest side of either box (default 300). */
  readonly maxSide?: number;
  /** Largest pixel or cell (default 24). */
  readonly maxCell?: number;
}

/** Sizes the two boxes: pixels and cells as large as fit in `maxSide`, at most `maxCell`. */
export function layoutConv(a: ConvArithmetic, options: LayoutOptions = {}): ConvLayout {
  const maxSide = options.maxSide ?? 300;
  const maxCell = options.maxCell ?? 24;
  const extent = Math.max(1, a.padded, a.kEff);
  const inputCell = Math.min(maxCell, maxSide / extent);
  const outputCell = a.out > 0 ? Math.min(maxCell, maxSide / a.out) : 0;
  return {
    inputCell,
    inputSide: inputCell * a.padded,
    inputExtent: inputCell * extent,
    outputCell,
    outputSide: outputCell * a.out,
    margin: 8,
  };
}

/** The output cell under a point of the output canvas (CSS px), or undefined outside the grid. */
export function outputCellAt(
  layout: ConvLayout,
  a: ConvArithmetic,
  px: number,
  py: number,
): { y: number; x: number } | undefined {
  if (a.out === 0 || layout.outputCell <= 0) return undefined;
  const x = Math.floor((px - layout.margin) / layout.outputCell);
  const y = Math.floor((py - layout.margin) / layout.outputCell);
  return x >= 0 && y >= 0 && x < a.out && y < a.out ? { y, x } : undefined;
}

/**
 * The window's box on the input canvas for output position (row, col), which may be fractional
 * while the window glides between cells: x = col·s·cell, side kEff·cell (padded coordinates).
 */
export function windowRect(
  a: ConvArithmetic,
  layout: ConvLayout,
  row: number,
  col: number,
): { x: number; y: number; side: number } {
  const c = layout.inputCell;
  return { x: col * a.s * c, y: row * a.s * c, side: a.kEff * c };
}

/** Colours of the drawing (CSS colours). */
export interface ConvColours {
  readonly highlight: string;
  readonly halo: string;
  readonly padding: string;
  readonly paddingLine: string;
  readonly unread: string;
  /** The dashed window that would hang over the edge. */
  readonly marker: string;
  readonly grid: string;
  readonly empty: string;
}

/** What {@link drawInput} draws. */
export interface InputDrawing {
  readonly a: ConvArithmetic;
  readonly layout: ConvLayout;
  /** The n × n picture (drawn scaled up with crisp pixels), or undefined while it loads. */
  readonly picture: CanvasImageSource | undefined;
  /** The window's output position (fractional while it glides), or undefined for none. */
  readonly at: { readonly row: number; readonly col: number } | undefined;
  readonly colours: ConvColours;
}

/** Draws the padded input, the never-read rows and columns, and the window with its taps. */
export function drawInput(ctx: CanvasRenderingContext2D, drawing: InputDrawing): void {
  const { a, layout, colours } = drawing;
  const c = layout.inputCell;
  const side = layout.inputSide;
  const clear = layout.inputExtent + 2 * layout.margin;
  ctx.clearRect(0, 0, clear, clear);
  ctx.save();
  ctx.translate(layout.margin, layout.margin);
  // Padding: zeros, drawn as a pale hatched ring.
  if (a.before + a.after > 0) {
    ctx.fillStyle = colours.padding;
    ctx.fillRect(0, 0, side, side);
    ctx.save();
    ctx.beginPath();
    ctx.rect(0, 0, side, side);
    ctx.clip();
    ctx.strokeStyle = colours.paddingLine;
    ctx.lineWidth = 1;
    ctx.beginPath();
    for (let t = -side; t < side; t += 6) {
      ctx.moveTo(t, side);
      ctx.lineTo(t + side, 0);
    }
    ctx.stroke();
    ctx.restore();
  }
  const x0 = a.before * c;
  const inner = a.n * c;
  if (drawing.picture) {
    ctx.imageSmoothingEnabled = false;
    ctx.drawImage(drawing.picture, x0, x0, inner, inner);
  } else {
    ctx.fillStyle = colours.empty;
    ctx.fillRect(x0, x0, inner, inner);
  }
  // Pixel grid when pixels are large enough to see.
  if (c >= 8) {
    ctx.strokeStyle = colours.grid;
    ctx.lineWidth = 1;
    ctx.beginPath();
    for (let i = 0; i <= a.padded; i++) {
      const v = Math.round(i * c) + 0.5;
      ctx.moveTo(v, 0);
      ctx.lineTo(v, side);
      ctx.moveTo(0, v);
      ctx.lineTo(side, v);
    }
    ctx.stroke();
  }
  // Rows and columns no window reads.
  if (a.unread.length > 0 && !a.empty) {
    ctx.fillStyle = colours.unread;
    for (const i of a.unread) {
      const v = (i + a.before) * c;
      ctx.fillRect(v, x0, c, inner);
      ctx.fillRect(x0, v, inner, c);
    }
  }
  // The input's own edge.
  if (a.before + a.after > 0) {
    ctx.strokeStyle = colours.halo;
    ctx.lineWidth = 1;
    ctx.strokeRect(x0 + 0.5, x0 + 0.5, inner - 1, inner - 1);
  }
  if (drawing.at && !a.empty) drawWindow(ctx, drawing);
  // A window too large for the padded input: dashed from the corner, hanging over.
  if (a.empty) ghost(ctx, windowRect(a, layout, 0, 0), colours);
  ctx.restore();
}

function drawWindow(ctx: CanvasRenderingContext2D, drawing: InputDrawing): void {
  const { a, layout, colours } = drawing;
  const at = drawing.at!;
  const r = windowRect(a, layout, at.row, at.col);
  const c = layout.inputCell;
  ctx.save();
  ctx.fillStyle = colours.highlight;
  ctx.globalAlpha = 0.18;
  ctx.fillRect(r.x, r.y, r.side, r.side);
  ctx.globalAlpha = 1;
  // Dilated taps: the pixels the kernel actually multiplies.
  if (a.d > 1) {
    ctx.strokeStyle = colours.highlight;
    ctx.lineWidth = Math.max(1, Math.min(2, c / 4));
    const inset = Math.min(1, c / 6);
    for (let ty = 0; ty < a.k; ty++) {
      for (let tx = 0; tx < a.k; tx++) {
        ctx.strokeRect(
          r.x + tx * a.d * c + inset,
          r.y + ty * a.d * c + inset,
          c - 2 * inset,
          c - 2 * inset,
        );
      }
    }
  }
  outline(ctx, r.x, r.y, r.side, r.side, colours);
  ctx.restore();
  // At the end of a row or column that does not divide: the window one more stride would need,
  // dashed, hanging over the edge.
  if (!a.exactFit) {
    if (Math.round(at.col) === a.out - 1) ghost(ctx, windowRect(a, layout, at.row, a.out), colours);
    if (Math.round(at.row) === a.out - 1) ghost(ctx, windowRect(a, layout, a.out, at.col), colours);
  }
}

/** The window that does not fit, dashed in the marker colour. */
export function ghost(
  ctx: CanvasRenderingContext2D,
  r: { x: number; y: number; side: number },
  colours: ConvColours,
): void {
  ctx.save();
  ctx.setLineDash([3, 2]);
  ctx.lineWidth = 1.5;
  ctx.strokeStyle = colours.marker;
  ctx.strokeRect(r.x, r.y, r.side, r.side);
  ctx.restore();
}

/** A highlight outline with a dark halo, legible on any photo. */
function outline(
  ctx: CanvasRenderingContext2D,
  x: number,
  y: number,
  w: number,
  h: number,
  colours: ConvColours,
): void {
  ctx.lineJoin = "round";
  ctx.strokeStyle = colours.halo;
  ctx.lineWidth = 4;
  ctx.strokeRect(x, y, w, h);
  ctx.strokeStyle = colours.highlight;
  ctx.lineWidth = 2;
  ctx.strokeRect(x, y, w, h);
}

/** What {@link drawOutput} draws. */
export interface OutputDrawing {
  readonly a: ConvArithmetic;
  readonly layout: ConvLayout;
  /** RGBA bytes of every cell (out × out × 4). */
  readonly cells: Uint8ClampedArray | undefined;
  /** How many cells (in row-major order) are computed so far. */
  readonly filled: number;
  /** The cursor's cell. */
  readonly cursor: { readonly y: number; readonly x: number } | undefined;
  readonly colours: ConvColours;
}

/** The RGBA bytes of the first `filled` cells (row-major); the rest transparent. */
export function filledCells(
  cells: Uint8ClampedArray,
  out: number,
  filled: number,
): Uint8ClampedArray<ArrayBuffer> {
  const rgba = new Uint8ClampedArray(out * out * 4);
  const count = Math.max(0, Math.min(out * out, filled));
  rgba.set(cells.subarray(0, count * 4));
  return rgba;
}

const scratch = new WeakMap<CanvasRenderingContext2D, HTMLCanvasElement>();

/** Draws the output grid: computed cells in their colours, the rest empty, the cursor outlined. */
export function drawOutput(ctx: CanvasRenderingContext2D, drawing: OutputDrawing): void {
  const { a, layout, colours } = drawing;
  const side = layout.outputSide;
  const c = layout.outputCell;
  ctx.clearRect(0, 0, side + 2 * layout.margin, side + 2 * layout.margin);
  if (a.out === 0) return;
  ctx.save();
  ctx.translate(layout.margin, layout.margin);
  ctx.fillStyle = colours.empty;
  ctx.fillRect(0, 0, side, side);
  if (drawing.cells) {
    let tmp = scratch.get(ctx);
    if (!tmp) {
      tmp = document.createElement("canvas");
      scratch.set(ctx, tmp);
    }
    tmp.width = a.out;
    tmp.height = a.out;
    const image = new ImageData(filledCells(drawing.cells, a.out, drawing.filled), a.out, a.out);
    tmp.getContext("2d")!.putImageData(image, 0, 0);
    ctx.imageSmoothingEnabled = false;
    ctx.drawImage(tmp, 0, 0, side, side);
  }
  if (c >= 8) {
    ctx.strokeStyle = colours.grid;
    ctx.lineWidth = 1;
    ctx.beginPath();
    for (let i = 0; i <= a.out; i++) {
      const v = Math.round(i * c) + 0.5;
      ctx.moveTo(v, 0);
      ctx.lineTo(v, side);
      ctx.moveTo(0, v);
      ctx.lineTo(side, v);
    }
    ctx.stroke();
  }
  const cursor = drawing.cursor;
  if (cursor) {
    const pad = c < 4 ? 1 : 0;
    outline(ctx, cursor.x * c - pad, cursor.y * c - pad, c + 2 * pad, c + 2 * pad, colours);
  }
  ctx.restore();
}
