/**
 * Painting small maps on a canvas: `count` maps of `size`×`size` values stored channels-last
 * (value of map c at row y, column x: `values[(y·size + x)·count + c]`), as C1's kernels
 * `[k, k, 1, maps]` and its feature maps `[h, w, maps]` are. Grey, symmetric about 0 (white
 * negative … black positive) with each map scaled by its own largest magnitude.
 */

/** Where map `c` goes in a row of maps with gaps. */
export function mapOrigin(c: number, cell: number, gap: number): number {
  return c * (cell + gap);
}

/** The canvas size for `count` maps of `size` pixels, each drawn at `scale`. */
export function stripSize(
  count: number,
  size: number,
  scale: number,
  gap: number,
): [number, number] {
  return [count * size * scale + (count - 1) * gap, size * scale];
}

/** The grey level (0–255) of `value` for a map whose largest magnitude is `max`. */
export function greyLevel(value: number, max: number): number {
  if (!(max > 0)) return 128;
  const t = Math.max(-1, Math.min(1, value / max));
  return Math.round(127.5 - t * 127.5);
}

/** Paints the maps in one row on `canvas` (resized to fit). */
export function paintMapStrip(
  canvas: HTMLCanvasElement,
  values: Float32Array,
  size: number,
  count: number,
  scale: number,
  gap = 4,
): void {
  const [w, h] = stripSize(count, size, scale, gap);
  if (canvas.width !== w) canvas.width = w;
  if (canvas.height !== h) canvas.height = h;
  const ctx = canvas.getContext("2d");
  if (!ctx) return;
  ctx.clearRect(0, 0, w, h);
  const image = ctx.createImageData(size, size);
  const scratch = document.createElement("canvas");
  scratch.width = size;
  scratch.height = size;
  const sctx = scratch.getContext("2d")!;
  ctx.imageSmoothingEnabled = false;
  for (let c = 0; c < count; c++) {
    let max = 0;
    for (let i = 0; i < size * size; i++) max = Math.max(max, Math.abs(values[i * count + c]));
    for (let i = 0; i < size * size; i++) {
      const g = greyLevel(values[i * count + c], max);
      image.data.set([g, g, g, 255], i * 4);
    }
    sctx.putImageData(image, 0, 0);
    ctx.drawImage(scratch, mapOrigin(c, size * scale, gap), 0, size * scale, size * scale);
  }
}
