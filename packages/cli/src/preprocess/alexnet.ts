/**
 * AlexNet inputs from an RGB image: scale until the model's input is covered (the shorter side
 * fits), crop the centre, then the value convention of each version.
 */
import { coverAndCrop, normaliseRgb, type ImagePreprocessing } from "@convstep/engine";
import { IMAGENET_MEAN_PREPROCESSING } from "@convstep/models";
import type { RgbImage } from "../input/colour.js";

/** `[height, width]` of the model input. */
export type Size = readonly [number, number];

/** Resized and cropped RGB in [0, 1]. */
function cropped(image: RgbImage, [height, width]: Size): Float32Array {
  return coverAndCrop(image.data, image.height, image.width, 3, height, width);
}

/**
 * A photo model's input by its value convention (the spec's `input.preprocessing`, or the one a
 * converted model.json records): (pixel · scale − mean) / std per RGB channel.
 */
export function photoInput(
  image: RgbImage,
  size: Size,
  preprocessing: ImagePreprocessing,
): Float32Array {
  return normaliseRgb(cropped(image, size), preprocessing);
}

/** AlexNet (2012, Caffe layout): pixel values in [0, 255] minus the ImageNet mean per channel. */
export function alexnet2012Input(image: RgbImage, size: Size): Float32Array {
  return photoInput(image, size, IMAGENET_MEAN_PREPROCESSING);
}

/** AlexNet as written in Keras for CIFAR-10: pixel values in [0, 1]. */
export function alexnetKerasInput(image: RgbImage, size: Size): Float32Array {
  return cropped(image, size);
}
