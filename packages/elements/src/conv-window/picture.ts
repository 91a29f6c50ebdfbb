/**
 * The picture the window slides over: loaded once from a URL (read in the page, never sent
 * anywhere), then drawn at n × n pixels (the centred square, scaled) whenever n changes.
 */

/** A loaded picture and its latest n × n rendering. */
export interface Picture {
  readonly bitmap: ImageBitmap;
  at: PictureAt | undefined;
}

/** The picture at n × n: a canvas to draw from and its RGBA bytes. */
export interface PictureAt {
  readonly size: number;
  readonly greyscale: boolean;
  readonly canvas: HTMLCanvasElement;
  readonly rgba: Uint8ClampedArray;
}

/** Fetches and decodes an image; rejects with a readable message. */
export async function loadPicture(url: string): Promise<Picture> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${response.status} ${response.statusText || "error"}: ${url}`);
  const blob = await response.blob();
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(blob);
  } catch {
    throw new Error(`not an image the browser can read: ${url}`);
  }
  return { bitmap, at: undefined };
}

/** The centred square of the picture at `size` × `size` (cached until size or greyscale change). */
export function pictureAt(picture: Picture, size: number, greyscale: boolean): PictureAt {
  if (picture.at && picture.at.size === size && picture.at.greyscale === greyscale)
    return picture.at;
  const canvas = document.createElement("canvas");
  canvas.width = size;
  canvas.height = size;
  const ctx = canvas.getContext("2d", { willReadFrequently: true })!;
  const { width, height } = picture.bitmap;
  const side = Math.min(width, height);
  ctx.imageSmoothingEnabled = true;
  ctx.imageSmoothingQuality = "high";
  ctx.drawImage(
    picture.bitmap,
    (width - side) / 2,
    (height - side) / 2,
    side,
    side,
    0,
    0,
    size,
    size,
  );
  const image = ctx.getImageData(0, 0, size, size);
  if (greyscale) {
    const d = image.data;
    for (let i = 0; i < d.length; i += 4) {
      const y = 0.299 * d[i] + 0.587 * d[i + 1] + 0.114 * d[i + 2];
      d[i] = d[i + 1] = d[i + 2] = y;
    }
    ctx.putImageData(image, 0, 0);
  }
  picture.at = { size, greyscale, canvas, rgba: image.data };
  return picture.at;
}
