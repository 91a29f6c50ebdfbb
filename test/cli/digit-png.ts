/**
 * Test images drawn with pngjs: a handwritten-looking "7" (two thick strokes), written as grey,
 * grey+alpha, RGB or RGBA PNGs of 8 or 16 bits.
 */
import { writeFileSync } from "node:fs";
import pngjs from "pngjs";

/** Distance from (px, py) to the segment (ax, ay)–(bx, by). */
function segmentDistance(
  px: number,
  py: number,
  ax: number,
  ay: number,
  bx: number,
  by: number,
): number {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/**
 * Ink coverage in [0, 1] of a "7" in a `width × height` field: a top bar and a diagonal, strokes
 * `thickness`·side wide. Row-major.
 */
export function sevenInk(width: number, height: number, thickness = 0.1): Float32Array {
  const s = Math.min(width, height);
  const segments = [
    [0.25, 0.2, 0.75, 0.2],
    [0.75, 0.2, 0.4, 0.85],
  ].map(([ax, ay, bx, by]) => [ax * width, ay * height, bx * width, by * height]);
  const out = new Float32Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const d = Math.min(
        ...segments.map(([ax, ay, bx, by]) => segmentDistance(x + 0.5, y + 0.5, ax, ay, bx, by)),
      );
      out[y * width + x] = d <= (thickness * s) / 2 ? 1 : 0;
    }
  }
  return out;
}

/** How a test PNG stores its pixels. */
export interface PngOptions {
  /** 0 grey, 2 RGB, 4 grey+alpha, 6 RGBA. */
  readonly colorType?: 0 | 2 | 4 | 6;
  readonly bitDepth?: 8 | 16;
  /** Light ink on a dark background (MNIST's polarity) instead of dark ink on white paper. */
  readonly lightOnDark?: boolean;
  /** With alpha: the ink is opaque black, the paper fully transparent (a canvas drawing). */
  readonly transparentPaper?: boolean;
}

/** Channels per pixel of a PNG colour type. */
const CHANNELS = { 0: 1, 2: 3, 4: 2, 6: 4 } as const;

/** Encodes grey levels `grey` (0 black … 1 white) as PNG bytes. */
export function encodePng(
  grey: Float32Array,
  width: number,
  height: number,
  options: PngOptions = {},
): Buffer {
  const { colorType = 0, bitDepth = 8, transparentPaper = false } = options;
  const channels = CHANNELS[colorType];
  const max = bitDepth === 16 ? 65535 : 255;
  const values = new (bitDepth === 16 ? Uint16Array : Uint8Array)(width * height * channels);
  const hasAlpha = colorType === 4 || colorType === 6;
  for (let i = 0; i < width * height; i++) {
    const level = Math.round(grey[i] * max);
    for (let c = 0; c < channels; c++) values[i * channels + c] = level;
    if (hasAlpha) {
      // Transparent paper: black ink whose alpha is the ink coverage.
      values[i * channels + channels - 1] = transparentPaper ? max - level : max;
      if (transparentPaper) for (let c = 0; c < channels - 1; c++) values[i * channels + c] = 0;
    }
  }
  const png = new pngjs.PNG({ width, height });
  png.data = Buffer.from(values.buffer, values.byteOffset, values.byteLength);
  return pngjs.PNG.sync.write(png, {
    colorType,
    inputColorType: colorType,
    inputHasAlpha: hasAlpha,
    bitDepth,
  });
}

/** Writes a "7" of `width × height` (dark ink on white unless `lightOnDark`) as a PNG file. */
export function writeSevenPng(
  path: string,
  width: number,
  height: number,
  options: PngOptions = {},
): string {
  const ink = sevenInk(width, height);
  const grey = ink.map((v) => (options.lightOnDark ? v : 1 - v));
  writeFileSync(path, encodePng(grey, width, height, options));
  return path;
}

/** Writes a uniform grey PNG (no ink at all). */
export function writeBlankPng(path: string, width: number, height: number, level = 1): string {
  writeFileSync(path, encodePng(new Float32Array(width * height).fill(level), width, height));
  return path;
}
