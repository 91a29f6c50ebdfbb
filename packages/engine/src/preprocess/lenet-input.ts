/**
 * Each LeNet-5's input convention for an MNIST digit (28×28, background 0, ink 1):
 * - `lenet5-1998`: as the paper, the digit centred in a 32×32 field, background −0.1 and ink
 *   1.175, i.e. −0.1 + 1.275·v (LeCun et al. 1998, §II-A: mean ≈ 0, variance ≈ 1);
 * - `lenet5-keras`: the values as they are, in [0, 1] (the model pads to 32×32 itself).
 */
import { InputError } from "../errors.js";
import { MNIST_SIZE } from "./mnist-style.js";

/** LeNet-5 (1998)'s background (white paper) level. */
export const LENET5_1998_BACKGROUND = -0.1;

/** LeNet-5 (1998)'s full-ink (black) level. */
export const LENET5_1998_INK = 1.175;

/** LeNet-5 (1998)'s input side. */
export const LENET5_1998_SIZE = 32;

function checkDigit(digit: ArrayLike<number>): void {
  if (digit?.length !== MNIST_SIZE * MNIST_SIZE) {
    throw new InputError(
      `expected a 28×28 digit (784 values in [0, 1]), got ${digit?.length} values`,
    );
  }
}

/**
 * LeNet-5 (1998)'s 32×32 input from a 28×28 digit in [0, 1]: centred with a 2-pixel border, each
 * value −0.1 + 1.275·v (background −0.1, ink 1.175).
 *
 * ```ts
 * lenet1998Input(new Float32Array(784))[0]; // −0.1
 * ```
 */
export function lenet1998Input(digit: ArrayLike<number>): Float32Array {
  checkDigit(digit);
  const side = LENET5_1998_SIZE;
  const border = (side - MNIST_SIZE) / 2;
  const scale = LENET5_1998_INK - LENET5_1998_BACKGROUND;
  const out = new Float32Array(side * side).fill(LENET5_1998_BACKGROUND);
  for (let y = 0; y < MNIST_SIZE; y++) {
    for (let x = 0; x < MNIST_SIZE; x++) {
      out[(y + border) * side + x + border] =
        LENET5_1998_BACKGROUND + scale * digit[y * MNIST_SIZE + x];
    }
  }
  return out;
}

/** `lenet5-keras`'s 28×28 input: the digit's values in [0, 1] (clamped), as float32. */
export function lenetKerasInput(digit: ArrayLike<number>): Float32Array {
  checkDigit(digit);
  const out = new Float32Array(MNIST_SIZE * MNIST_SIZE);
  for (let i = 0; i < out.length; i++) out[i] = Math.min(1, Math.max(0, digit[i]));
  return out;
}

/**
 * Bytes (0–255, as MNIST files store them) to values in [0, 1]: `count` images of `pixels` bytes
 * from `offset` images into `bytes`.
 */
export function bytesToUnit(bytes: Uint8Array, offset = 0, count = 1, pixels = 784): Float32Array {
  const start = offset * pixels;
  const end = start + count * pixels;
  if (!Number.isInteger(start) || start < 0 || end > bytes.length) {
    throw new InputError(
      `bytesToUnit: images ${offset}…${offset + count - 1} of ${pixels} bytes lie outside the ${bytes.length} bytes given`,
    );
  }
  const out = new Float32Array(count * pixels);
  for (let i = 0; i < out.length; i++) out[i] = bytes[start + i] / 255;
  return out;
}
