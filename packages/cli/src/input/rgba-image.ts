/** The decoded image every input format turns into, before a model's preprocessing. */

/** An image as 8-bit RGBA rescaled to [0, 1], row-major, with what the file held. */
export interface RgbaImage {
  readonly width: number;
  readonly height: number;
  /** `height·width·4` values in [0, 1]: R, G, B, A per pixel. */
  readonly data: Float32Array;
  /** The file stores colour (RGB, RGBA or a palette), not only grey levels. */
  readonly color: boolean;
  /** The file stores an alpha channel (or a transparent palette entry). */
  readonly alpha: boolean;
}

/** 8-bit RGBA bytes as floats in [0, 1]. */
export function rgbaToFloats(bytes: Uint8Array): Float32Array {
  const data = new Float32Array(bytes.length);
  for (let i = 0; i < data.length; i++) data[i] = bytes[i] / 255;
  return data;
}
