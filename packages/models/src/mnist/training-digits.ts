/**
 * The MNIST training digits that ship with @convstep/models, for training in the page and the
 * experiments: 3,000 digits of convstep's training split (300 of each class, in the order 0, 1, …,
 * 9, 0, …), a digit file (`CSDG`) compressed with raw deflate: 481 KB on disk, 2.36 MB inflated.
 * Written by `npm run data:training-digits` (scripts/make-training-digits.ts).
 */
import { decodeDigits, DigitFileError, type DigitSet } from "./digit-file.js";
import { inflateRaw } from "./inflate.js";
import { readBytes, type BytesFetch, type ReadBytes } from "./read-bytes.js";

/** Where the shipped file lies (bundlers ship it as an asset: the `new URL` pattern). */
export const TRAINING_DIGITS_URL: URL = new URL(
  "../../data/mnist-train-3000.bin.deflate",
  import.meta.url,
);

/** Options of {@link loadTrainingDigits}. */
export interface LoadTrainingDigitsOptions {
  /** Another copy of the file. Default {@link TRAINING_DIGITS_URL}. */
  readonly url?: string | URL;
  /** Used instead of the global `fetch` for non-`file:` URLs. */
  readonly fetch?: BytesFetch;
  /** Reads the (compressed) bytes instead of the default. */
  readonly read?: ReadBytes;
}

/**
 * Loads the shipped training digits as a DigitSet (images as bytes, 28×28). Rejects with a
 * DigitFileError naming the URL when the file cannot be read or inflated.
 *
 * ```ts
 * const digits = await loadTrainingDigits();
 * digits.count; // 3000
 * ```
 */
export async function loadTrainingDigits(
  options: LoadTrainingDigitsOptions = {},
): Promise<DigitSet> {
  const url = new URL(options.url ?? TRAINING_DIGITS_URL);
  let raw: Uint8Array;
  try {
    const bytes = await (options.read ? options.read(url) : readBytes(url, options.fetch));
    raw = await inflateRaw(bytes);
  } catch (error) {
    throw new DigitFileError(
      `cannot read ${url.href}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  return decodeDigits(raw);
}
