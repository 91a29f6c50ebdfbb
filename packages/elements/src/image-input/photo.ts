/**
 * Reading a photo in the page: a URL is fetched, a local file read with `createImageBitmap` (it
 * never leaves the computer), and the pixels taken from a canvas. Very large photos are first
 * scaled in the canvas so that the shorter side is at most 2048 px (the model inputs are 227 and
 * 32 px: nothing is lost that the network would see).
 */

/** A decoded photo: its pixels and a bitmap to draw. */
export interface Photo {
  readonly bitmap: ImageBitmap;
  readonly width: number;
  readonly height: number;
  readonly rgba: Uint8ClampedArray;
}

/** Shorter side above which a photo is scaled down before preprocessing. */
export const MAX_SHORT_SIDE = 2048;

/** Decodes an image blob; rejects with a readable message when the browser cannot read it. */
export async function decodePhoto(blob: Blob, name: string): Promise<Photo> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(blob);
  } catch {
    throw new Error(`${name}: not an image this browser can read`);
  }
  const shrink = Math.min(1, MAX_SHORT_SIDE / Math.min(bitmap.width, bitmap.height));
  const width = Math.max(1, Math.round(bitmap.width * shrink));
  const height = Math.max(1, Math.round(bitmap.height * shrink));
  const canvas = document.createElement("canvas");
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext("2d", { willReadFrequently: true });
  if (!ctx) throw new Error(`${name}: no 2D canvas to read the pixels`);
  ctx.imageSmoothingQuality = "high";
  ctx.drawImage(bitmap, 0, 0, width, height);
  return { bitmap, width, height, rgba: ctx.getImageData(0, 0, width, height).data };
}

/** Fetches and decodes the photo at `url`. */
export async function fetchPhoto(url: string): Promise<Photo> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status} ${response.statusText || "error"}`);
  return decodePhoto(await response.blob(), url.split("/").pop() || url);
}
