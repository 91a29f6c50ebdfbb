/**
 * Drawing for the digit pad: smooth round-brush strokes, digits as pixels, and the pad's ink as a
 * grey image for preprocessing. Plain functions: data and a canvas context in, pixels out.
 */
import type { GreyImage } from "@convstep/engine";
import { greyFromRgba } from "./samples.js";

/** A point of a stroke, in pad pixels (CSS px, origin top left). */
export interface PadPoint {
  readonly x: number;
  readonly y: number;
}

/** A stroke: the points one pointer went through between down and up. */
export type Stroke = readonly PadPoint[];

/** Colours of the pad. */
export interface PadColours {
  readonly ink: string;
  readonly paper: string;
}

/**
 * Traces one stroke as a smooth path: quadratic curves through the midpoints of successive
 * points (each point is a control point), so that a jittery pointer still draws a round line.
 * A single point becomes a dot.
 */
export function traceStroke(ctx: CanvasRenderingContext2D, stroke: Stroke, brush: number): void {
  if (stroke.length === 0) return;
  const [first] = stroke;
  if (stroke.length === 1) {
    ctx.beginPath();
    ctx.arc(first.x, first.y, brush / 2, 0, Math.PI * 2);
    ctx.fill();
    return;
  }
  ctx.beginPath();
  ctx.moveTo(first.x, first.y);
  for (let i = 1; i < stroke.length - 1; i++) {
    const p = stroke[i];
    const q = stroke[i + 1];
    ctx.quadraticCurveTo(p.x, p.y, (p.x + q.x) / 2, (p.y + q.y) / 2);
  }
  const last = stroke[stroke.length - 1];
  ctx.lineTo(last.x, last.y);
  ctx.stroke();
}

/**
 * Paints the pad: paper, then every stroke with a round brush of `brush` px. `scale` maps pad px
 * to canvas pixels (the device pixel ratio).
 */
export function drawStrokes(
  ctx: CanvasRenderingContext2D,
  strokes: readonly Stroke[],
  options: { size: number; brush: number; scale?: number } & PadColours,
): void {
  const scale = options.scale ?? 1;
  ctx.save();
  ctx.setTransform(scale, 0, 0, scale, 0, 0);
  ctx.fillStyle = options.paper;
  ctx.fillRect(0, 0, options.size, options.size);
  ctx.strokeStyle = options.ink;
  ctx.fillStyle = options.ink;
  ctx.lineWidth = options.brush;
  ctx.lineCap = "round";
  ctx.lineJoin = "round";
  for (const stroke of strokes) traceStroke(ctx, stroke, options.brush);
  ctx.restore();
}

/**
 * The strokes as a grey image of `size`×`size` (paper 1, ink 0: black on white), independent of
 * the pad's theme colours and pixel ratio: what the MNIST-style preprocessing reads.
 */
export function rasterizeStrokes(
  strokes: readonly Stroke[],
  size: number,
  brush: number,
): GreyImage {
  const side = Math.max(1, Math.round(size));
  const canvas = document.createElement("canvas");
  canvas.width = side;
  canvas.height = side;
  const ctx = canvas.getContext("2d", { willReadFrequently: true })!;
  drawStrokes(ctx, strokes, { size: side, brush, ink: "#000", paper: "#fff" });
  const { data } = ctx.getImageData(0, 0, side, side);
  return { width: side, height: side, data: greyFromRgba(data, side, side) };
}

/** Parses a CSS colour into RGB bytes, through a 1×1 canvas (any CSS colour syntax works). */
export function cssColourBytes(colour: string): [number, number, number] {
  const canvas = document.createElement("canvas");
  canvas.width = canvas.height = 1;
  const ctx = canvas.getContext("2d", { willReadFrequently: true })!;
  ctx.fillStyle = "#000";
  ctx.fillStyle = colour;
  ctx.fillRect(0, 0, 1, 1);
  const [r, g, b] = ctx.getImageData(0, 0, 1, 1).data;
  return [r, g, b];
}

/**
 * Writes a digit (values in [0, 1], row-major, `width`×`height`) into a canvas of that size, each
 * value mixing `paper` (0) into `ink` (1). The canvas is scaled up by CSS.
 */
export function drawDigit(
  canvas: HTMLCanvasElement,
  values: ArrayLike<number>,
  width: number,
  height: number,
  colours: { ink: readonly number[]; paper: readonly number[] },
): void {
  if (canvas.width !== width) canvas.width = width;
  if (canvas.height !== height) canvas.height = height;
  const ctx = canvas.getContext("2d")!;
  const image = ctx.createImageData(width, height);
  const { ink, paper } = colours;
  for (let i = 0; i < width * height; i++) {
    const v = Math.min(1, Math.max(0, values[i] ?? 0));
    image.data[4 * i] = paper[0] + (ink[0] - paper[0]) * v;
    image.data[4 * i + 1] = paper[1] + (ink[1] - paper[1]) * v;
    image.data[4 * i + 2] = paper[2] + (ink[2] - paper[2]) * v;
    image.data[4 * i + 3] = 255;
  }
  ctx.putImageData(image, 0, 0);
}

/**
 * Paints a small digit over the whole pad, smoothly scaled up (a picked test digit shown as if it
 * had been drawn), on the pad's paper in its ink.
 */
export function drawDigitOnPad(
  ctx: CanvasRenderingContext2D,
  values: ArrayLike<number>,
  width: number,
  height: number,
  options: { size: number; scale?: number } & PadColours,
): void {
  const small = document.createElement("canvas");
  drawDigit(small, values, width, height, {
    ink: cssColourBytes(options.ink),
    paper: cssColourBytes(options.paper),
  });
  const scale = options.scale ?? 1;
  ctx.save();
  ctx.setTransform(scale, 0, 0, scale, 0, 0);
  ctx.imageSmoothingEnabled = true;
  ctx.imageSmoothingQuality = "high";
  ctx.drawImage(small, 0, 0, options.size, options.size);
  ctx.restore();
}
