/**
 * Reading a photo in the page: a URL is fetched, a local file read with `createImageBitmap` (it
 * never leaves the computer), and the pixels taken from a canvas. Very large photos are first
 * scaled in the canvas so that the shorter side is at most 2048 px (the model inputs are 227 and
 * 32 px: nothing is lost that the network would see). An image larger than the engine's policy
 * (40 MP, 16,384 px a side) is refused from its header, before it is decoded.
 */
import {
  checkImageFile,
  checkImageSize,
  readImageHeader,
  sniffImageFormat,
} from "@convstep/engine";

/** A decoded photo: its pixels and a bitmap to draw. */
export interface Photo {
  readonly bitmap: ImageBitmap;
  readonly width: number;
  readonly height: number;
  readonly rgba: Uint8ClampedArray;
}

/** Shorter side above which a photo is scaled down before preprocessing. */
export const MAX_SHORT_SIDE = 2048;

/** The bytes read first to find an image's size (a JPEG's frame header is nearly always in them). */
export const HEADER_BYTES = 65_536;
/** The bytes read at most when a JPEG's frame header comes after large metadata. */
const LONG_HEADER_BYTES = 1 << 20;

async function head(blob: Blob, bytes: number): Promise<Uint8Array> {
  return new Uint8Array(await blob.slice(0, bytes).arrayBuffer());
}

/**
 * Applies the engine's image policy to a file's header: throws the engine's InputError (naming
 * `name`, the size found and the limit) for an image too large, without decoding it. A format the
 * header reader does not know is left to the browser (and its decoded size checked).
 */
export async function checkPhotoHeader(blob: Blob, name: string): Promise<void> {
  let bytes = await head(blob, HEADER_BYTES);
  if (!sniffImageFormat(bytes)) return;
  if (!readImageHeader(bytes) && blob.size > HEADER_BYTES)
    bytes = await head(blob, LONG_HEADER_BYTES);
  checkImageFile(bytes, name);
}

/**
 * Decodes an image blob, once its header passed the size policy; rejects with a readable message
 * when the image is too large or the browser cannot read it.
 */
export async function decodePhoto(blob: Blob, name: string): Promise<Photo> {
  await checkPhotoHeader(blob, name);
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(blob);
  } catch {
    throw new Error(`${name}: not an image this browser can read`);
  }
  try {
    checkImageSize(bitmap.width, bitmap.height, name);
  } catch (error) {
    bitmap.close();
    throw error;
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
