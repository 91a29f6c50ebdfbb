/**
 * PNG files of what an element shows: its canvases composited at a chosen scale (nearest
 * neighbour, so heat-map cells stay sharp), or an SVG figure rasterised, each with a caption line
 * under the picture. Browser only (canvas, `Image`, blob URLs: allowed by `img-src blob:`).
 */

/** How large a PNG to make. */
export interface PngOptions {
  /** Pixels per CSS pixel (default 2). Ignored when `width` is given. */
  readonly scale?: number;
  /** Width of the picture in pixels (the height follows). */
  readonly width?: number;
}

/** Height of the caption strip in CSS px (scaled like the picture). */
const CAPTION = 28;
/** The largest side of an exported PNG, px (a 16,384-px canvas fails in most browsers). */
export const MAX_PNG_SIDE = 8192;

/** The scale factor for a picture `cssWidth` wide. */
export function pngScale(cssWidth: number, options: PngOptions = {}): number {
  let scale = options.width !== undefined ? options.width / cssWidth : (options.scale ?? 2);
  if (!Number.isFinite(scale) || scale <= 0) {
    throw new RangeError(
      `a PNG needs a positive scale or width, got ${options.width !== undefined ? `width ${options.width}` : `scale ${options.scale}`}`,
    );
  }
  scale = Math.min(scale, MAX_PNG_SIDE / Math.max(1, cssWidth));
  return scale;
}

function toBlob(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (b) => (b ? resolve(b) : reject(new Error("the PNG could not be encoded"))),
      "image/png",
    ),
  );
}

function captionStrip(
  ctx: CanvasRenderingContext2D,
  caption: string,
  y: number,
  width: number,
  scale: number,
) {
  ctx.fillStyle = "#59636e";
  ctx.font = `${13 * scale}px sans-serif`;
  ctx.textBaseline = "middle";
  ctx.fillText(caption, 12 * scale, y + (CAPTION * scale) / 2, width - 24 * scale);
}

/** A canvas of `width`×`height` CSS px at `scale`, white, with room for the caption. */
function sheet(width: number, height: number, scale: number) {
  const canvas = document.createElement("canvas");
  canvas.width = Math.round(width * scale);
  canvas.height = Math.round((height + CAPTION) * scale);
  const ctx = canvas.getContext("2d");
  if (!ctx) throw new Error("no 2D canvas to draw the PNG on");
  ctx.fillStyle = "#ffffff";
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  return { canvas, ctx };
}

/** The canvases, composited where they sit on screen, at `scale` (with `caption` rows under them). */
export function composite(
  canvases: readonly HTMLCanvasElement[],
  options: PngOptions = {},
  caption = true,
): {
  canvas: HTMLCanvasElement;
  ctx: CanvasRenderingContext2D;
  width: number;
  height: number;
  scale: number;
} {
  const shown = canvases.filter((c) => c.width > 0 && c.height > 0);
  if (shown.length === 0) throw new Error("nothing is drawn yet: run the network first");
  const boxes = shown.map((c) => c.getBoundingClientRect());
  const left = Math.min(...boxes.map((b) => b.left));
  const top = Math.min(...boxes.map((b) => b.top));
  const width = Math.max(...boxes.map((b) => b.right)) - left;
  const height = Math.max(...boxes.map((b) => b.bottom)) - top;
  const scale = pngScale(width, options);
  const { canvas, ctx } = sheet(width, caption ? height : height - CAPTION, scale);
  ctx.imageSmoothingEnabled = false;
  shown.forEach((c, i) => {
    const b = boxes[i];
    ctx.drawImage(
      c,
      (b.left - left) * scale,
      (b.top - top) * scale,
      b.width * scale,
      b.height * scale,
    );
  });
  return { canvas, ctx, width, height, scale };
}

/**
 * The canvases, composited where they sit on screen, at the scale asked for, with the caption
 * under them.
 */
export async function canvasesToPNG(
  canvases: readonly HTMLCanvasElement[],
  caption: string,
  options: PngOptions = {},
): Promise<Blob> {
  const { canvas, ctx, height, scale } = composite(canvases, options);
  captionStrip(ctx, caption, height * scale, canvas.width, scale);
  return toBlob(canvas);
}

/** The size an SVG file declares (`width`/`height` attributes of the root). */
export function svgSize(svg: string): { width: number; height: number } {
  const root = /<svg\b[^>]*>/.exec(svg)?.[0] ?? "";
  const width = Number(/\swidth="([\d.]+)"/.exec(root)?.[1]);
  const height = Number(/\sheight="([\d.]+)"/.exec(root)?.[1]);
  if (!(width > 0 && height > 0)) throw new Error("the SVG declares no width and height");
  return { width, height };
}

/** An SVG figure (caption included) rasterised to PNG at the scale asked for. */
export async function svgToPNG(svg: string, options: PngOptions = {}): Promise<Blob> {
  const { width, height } = svgSize(svg);
  const scale = pngScale(width, options);
  const url = URL.createObjectURL(new Blob([svg], { type: "image/svg+xml" }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement("canvas");
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const ctx = canvas.getContext("2d");
    if (!ctx) throw new Error("no 2D canvas to draw the PNG on");
    ctx.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await toBlob(canvas);
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Offers a blob as a download named `filename`. */
export function download(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  a.rel = "noopener";
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
