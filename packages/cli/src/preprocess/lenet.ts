/**
 * LeNet inputs from a grey image: an MNIST digit (28×28, ink bright on a dark background, values
 * in [0, 1]) taken as it is or made the way MNIST was made; then each version's convention (the
 * engine's `lenet1998Input`, `lenetKerasInput`).
 */
import { MNIST_SIZE, borderMedian, mnistStyle } from "@convstep/engine";
import type { GreyImage } from "../input/colour.js";

/** True for an image that already is an MNIST digit: 28×28 on a dark background. */
export function isMnistLike(image: GreyImage): boolean {
  return image.width === MNIST_SIZE && image.height === MNIST_SIZE && borderMedian(image) < 0.5;
}

/**
 * A 28×28 MNIST digit in [0, 1] (ink 1): the image itself when it already is one (values / 255,
 * nothing moved), else MNIST's own preprocessing: crop to the ink, fit in 20×20, centre of mass
 * at the centre of 28×28, dark ink on light paper inverted first.
 */
export function mnistDigit(image: GreyImage): Float32Array {
  if (isMnistLike(image)) return Float32Array.from(image.data);
  return mnistStyle(image);
}
