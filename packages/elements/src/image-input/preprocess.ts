/**
 * How a photo becomes an AlexNet input, as the CLI does it (packages/cli/src/preprocess): scale
 * the photo, keeping its aspect ratio, until it just covers the input (the shorter side becomes
 * the input's side), cut out the centred square, then apply the model's value convention.
 * Resizing is the engine's `resample` per channel (area averaging to shrink, bilinear to grow).
 *
 * - `alexnet-2012` (Caffe layout): 227 × 227, values 0–255 minus the ImageNet mean pixel
 *   (R 123.68, G 116.779, B 103.939), the convention of the model spec's input range.
 * - `alexnet-keras` (CIFAR-10): 32 × 32, values in [0, 1]; the model's own Resizing layer scales
 *   it back up to 224 × 224.
 * - `alexnet-torchvision`: 224 × 224, values in [0, 1] minus torchvision's mean over its std.
 *
 * Trained weights may record their own preprocessing (Caffe's mean pixel 123, 117, 104): pass it
 * to {@link modelInput}, which applies it with the engine's `normaliseRgb`.
 */
import {
  IMAGENET_MEAN_PREPROCESSING,
  IMAGENET_MEAN_RGB,
  TORCHVISION_PREPROCESSING,
} from "@convstep/models";
import {
  coverAndCrop,
  coverGeometry,
  normaliseRgb,
  type ImagePreprocessing,
} from "@convstep/engine";

/** The models an image input can feed. */
export type ImageTarget = "alexnet-2012" | "alexnet-keras" | "alexnet-torchvision";

/** Every target, as the `target` attribute spells it. */
export const IMAGE_TARGETS: readonly ImageTarget[] = [
  "alexnet-2012",
  "alexnet-keras",
  "alexnet-torchvision",
];

/** The ImageNet mean pixel, RGB, that AlexNet (2012) subtracts. */
export { IMAGENET_MEAN_RGB };

/** Side of each target's input. */
export const TARGET_SIDE: Record<ImageTarget, number> = {
  "alexnet-2012": 227,
  "alexnet-keras": 32,
  "alexnet-torchvision": 224,
};

/** A target's own preprocessing (its spec's); undefined for Keras (values in [0, 1] as they are). */
export function targetPreprocessing(target: ImageTarget): ImagePreprocessing | undefined {
  if (target === "alexnet-2012") return IMAGENET_MEAN_PREPROCESSING;
  if (target === "alexnet-torchvision") return TORCHVISION_PREPROCESSING;
  return undefined;
}

/** The resize and crop of a `width × height` photo to a `side × side` input. */
export interface CoverCrop {
  /** Size after resizing (the shorter side equals `side`). */
  readonly resizedWidth: number;
  readonly resizedHeight: number;
  /** Top-left corner of the crop in the resized photo. */
  readonly left: number;
  readonly top: number;
  readonly side: number;
  /** The crop in the original photo's pixels (fractional). */
  readonly box: {
    readonly x: number;
    readonly y: number;
    readonly width: number;
    readonly height: number;
  };
}

/**
 * Resize so that the photo just covers side × side (scale = max(side/h, side/w), each side rounded
 * and at least `side`), then crop the centre (odd pixels go right and bottom), as the CLI does.
 */
export function coverCrop(width: number, height: number, side: number): CoverCrop {
  const g = coverGeometry(height, width, side, side);
  const fx = width / g.width;
  const fy = height / g.height;
  return {
    resizedWidth: g.width,
    resizedHeight: g.height,
    left: g.left,
    top: g.top,
    side,
    box: { x: g.left * fx, y: g.top * fy, width: side * fx, height: side * fy },
  };
}

/**
 * The RGB pixels of the crop in [0, 1], HWC, from RGBA bytes of a `width × height` photo, resized
 * and centre-cropped by the engine's `coverAndCrop` (the CLI's preprocessing too).
 */
export function croppedRgb(
  rgba: ArrayLike<number>,
  width: number,
  height: number,
  side: number,
): Float32Array {
  const rgb = new Float32Array(width * height * 3);
  for (let i = 0; i < width * height; i++) {
    for (let c = 0; c < 3; c++) rgb[i * 3 + c] = rgba[i * 4 + c] / 255;
  }
  return coverAndCrop(rgb, height, width, 3, side, side);
}

/**
 * The model input for `target`: HWC, shape [side, side, 3], in the value convention of
 * `preprocessing` (default: the target's own), applied by the engine's `normaliseRgb`.
 */
export function modelInput(
  rgba: ArrayLike<number>,
  width: number,
  height: number,
  target: ImageTarget,
  preprocessing: ImagePreprocessing | undefined = targetPreprocessing(target),
): { data: Float32Array; shape: [number, number, number] } {
  const side = TARGET_SIDE[target];
  const rgb = croppedRgb(rgba, width, height, side);
  const data = preprocessing ? normaliseRgb(rgb, preprocessing) : rgb;
  return { data, shape: [side, side, 3] };
}

/**
 * How to show a model input as bytes again: byte = (value + offset[c]) · scale[c], the inverse of
 * (255·v · scale − mean) / std; values in [0, 1] (no preprocessing) × 255.
 */
export function displayOf(preprocessing: ImagePreprocessing | undefined): {
  offset: [number, number, number];
  scale: [number, number, number];
} {
  if (!preprocessing) return { offset: [0, 0, 0], scale: [255, 255, 255] };
  const { mean, std, scale } = preprocessing;
  const channels = [0, 1, 2] as const;
  return {
    offset: channels.map((c) => mean[c] / std[c]) as [number, number, number],
    scale: channels.map((c) => std[c] / scale) as [number, number, number],
  };
}

/** RGBA bytes that show a model input as the network sees it (the preprocessing undone). */
export function inputToRgba(
  data: Float32Array,
  target: ImageTarget,
  preprocessing: ImagePreprocessing | undefined = targetPreprocessing(target),
): Uint8ClampedArray<ArrayBuffer> {
  const { offset, scale } = displayOf(preprocessing);
  const pixels = data.length / 3;
  const rgba = new Uint8ClampedArray(pixels * 4);
  for (let i = 0; i < pixels; i++) {
    for (let c = 0; c < 3; c++) rgba[i * 4 + c] = (data[i * 3 + c] + offset[c]) * scale[c];
    rgba[i * 4 + 3] = 255;
  }
  return rgba;
}
