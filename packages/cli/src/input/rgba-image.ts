/** The decoded image every input format turns into, before a model's preprocessing. */

/** An image as 8-bit RGBA, row-major, with what the file held. */
export interface RgbaImage {
  readonly width: number;
  readonly height: number;
  /**
   * `height·width·4` bytes, 0–255: R, G, B, A per pixel, as the decoder wrote them (kept as bytes:
   * a 40-megapixel image is 160 MB so, 640 MB as floats).
   */
  readonly data: Uint8Array;
  /** The file stores colour (RGB, RGBA or a palette), not only grey levels. */
  readonly color: boolean;
  /** The file stores an alpha channel (or a transparent palette entry). */
  readonly alpha: boolean;
}
