/**
 * From a photograph to AlexNet's input, with cs-image-input's own preprocessing (its pure
 * `modelInput`: the shorter side scaled to the input's side, the centre square cut out, then 2012's
 * mean subtraction, torchvision's mean and std, or Keras's division by 255; or the preprocessing
 * that trained weights record), so that the explorer's first photo and the image block's give
 * the very same numbers.
 */
import type { ImagePreprocessing } from "@convstep/engine";
import { fetchPhoto } from "../image-input/photo.js";
import { modelInput, TARGET_SIDE, type ImageTarget } from "../image-input/preprocess.js";
import type { AlexnetVariant } from "./load-model.js";

/** A model input: HWC values and their shape. */
export interface ModelInput {
  readonly data: Float32Array;
  readonly shape: readonly number[];
}

/** The image block's target for a variant. */
export function targetOf(variant: AlexnetVariant): ImageTarget {
  return variant === "keras"
    ? "alexnet-keras"
    : variant === "torchvision"
      ? "alexnet-torchvision"
      : "alexnet-2012";
}

/** The square side of the model input of a variant: 227 (2012), 224 (torchvision) or 32 (Keras). */
export function inputSide(variant: AlexnetVariant): number {
  return TARGET_SIDE[targetOf(variant)];
}

/** Whether two inputs hold the same numbers (so a second run would change nothing). */
export function sameInput(
  a: ArrayLike<number> | undefined,
  b: ArrayLike<number> | undefined,
): boolean {
  if (!a || !b || a.length !== b.length) return false;
  if (a === b) return true;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Whether an input's shape is a model's input shape. */
export function fits(shape: readonly number[], want: readonly number[]): boolean {
  return shape.length === want.length && shape.every((d, i) => d === want[i]);
}

/**
 * Fetches a photo and prepares it for a variant, with `preprocessing` (what the loaded weights
 * need: `LoadedAlexnet.preprocessing`) or else the variant's own.
 */
export async function loadInput(
  url: string,
  variant: AlexnetVariant,
  preprocessing?: ImagePreprocessing,
): Promise<ModelInput> {
  const photo = await fetchPhoto(url);
  const target = targetOf(variant);
  return preprocessing
    ? modelInput(photo.rgba, photo.width, photo.height, target, preprocessing)
    : modelInput(photo.rgba, photo.width, photo.height, target);
}

/** Prepares a picture drawn in a canvas (the test card) for a variant (see {@link loadInput}). */
export function canvasInput(
  canvas: HTMLCanvasElement,
  variant: AlexnetVariant,
  preprocessing?: ImagePreprocessing,
): ModelInput {
  const ctx = canvas.getContext("2d", { willReadFrequently: true });
  const rgba = ctx?.getImageData(0, 0, canvas.width, canvas.height).data ?? new Uint8ClampedArray();
  const target = targetOf(variant);
  return preprocessing
    ? modelInput(rgba, canvas.width, canvas.height, target, preprocessing)
    : modelInput(rgba, canvas.width, canvas.height, target);
}
