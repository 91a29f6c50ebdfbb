/**
 * The MNIST test digits that ship with @convstep/models, for "pick a digit" widgets and examples:
 * 500 digits of the held-out test split (50 of each class, in the order 0, 1, …, 9, 0, 1, …; see
 * `data/README.md` for how the split is made). 392 KB of bytes, never the 40 MB source.
 */
import { decodeDigits, DigitFileError, type DigitSet } from "./digit-file.js";
import { readBytes, type BytesFetch, type ReadBytes } from "./read-bytes.js";

/**
 * Where the shipped file lies, next to this module's package (`data/mnist-test-500.bin`). Bundlers
 * such as Vite recognise the `new URL(…, import.meta.url)` pattern and ship the file as an asset.
 */
export const TEST_DIGITS_URL: URL = new URL("../../data/mnist-test-500.bin", import.meta.url);

/** Options of {@link loadTestDigits}. */
export interface LoadTestDigitsOptions {
  /** Another copy of the file (e.g. where a page serves it). Default {@link TEST_DIGITS_URL}. */
  readonly url?: string | URL;
  /** Used instead of the global `fetch` for non-`file:` URLs. */
  readonly fetch?: BytesFetch;
  /** Reads the bytes instead of the default (`file:` from disk in Node, else fetch). */
  readonly read?: ReadBytes;
}

/**
 * Loads the shipped test digits: `{ images, labels, count, rows, cols, sources }`, images as bytes
 * (0 background, 255 ink, 28×28 row-major). Works in Node (reads the file) and in a page (fetches
 * the URL). Rejects with a DigitFileError naming the URL when it cannot be read.
 *
 * ```ts
 * const digits = await loadTestDigits();
 * digits.labels[7]; // 7: the order is 0, 1, …, 9, 0, 1, …
 * ```
 */
export async function loadTestDigits(options: LoadTestDigitsOptions = {}): Promise<DigitSet> {
  const url = new URL(options.url ?? TEST_DIGITS_URL);
  let bytes: Uint8Array;
  try {
    bytes = await (options.read ? options.read(url) : readBytes(url, options.fetch));
  } catch (error) {
    throw new DigitFileError(
      `cannot read ${url.href}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  return decodeDigits(bytes);
}
