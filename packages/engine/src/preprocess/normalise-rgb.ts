/**
 * The last step of a photo's preprocessing: RGB values in [0, 1] (resized and cropped, HWC)
 * become the model's input by its {@link ImagePreprocessing}: (255·v · scale − mean[c]) / std[c].
 */
import type { ImagePreprocessing } from "../spec/types.js";

/** Applies `p` to HWC RGB values in [0, 1]; a new array, channels in RGB order. */
export function normaliseRgb(rgb01: Float32Array, p: ImagePreprocessing): Float32Array {
  const out = new Float32Array(rgb01.length);
  for (let i = 0; i < rgb01.length; i++) {
    const c = i % 3;
    out[i] = (rgb01[i] * 255 * p.scale - p.mean[c]) / p.std[c];
  }
  return out;
}
