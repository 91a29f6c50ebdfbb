/** Turning digits stored as bytes into the engine's labelled training samples. */
import { InputError } from "../errors.js";
import type { LabelledSet } from "../train/dataset.js";

/** Digits as bytes: 0 background, 255 ink, `pixels` bytes each. */
export interface ByteDigits {
  readonly images: Uint8Array;
  readonly labels: ArrayLike<number>;
  readonly count: number;
}

/**
 * The first `limit` digits (all by default) as a LabelledSet with pixel values byte / 255
 * (background 0, ink 1), the input of MNIST models that take [0, 1].
 */
export function labelledDigits(
  digits: ByteDigits,
  limit = digits.count,
  pixels = 784,
): LabelledSet {
  if (!Number.isInteger(limit) || limit < 1 || limit > digits.count) {
    throw new InputError(`digits: expected between 1 and ${digits.count} digits, got ${limit}`);
  }
  const inputs = new Float32Array(limit * pixels);
  for (let i = 0; i < inputs.length; i++) inputs[i] = digits.images[i] / 255;
  return { inputs, labels: Array.from({ length: limit }, (_, i) => digits.labels[i]) };
}
