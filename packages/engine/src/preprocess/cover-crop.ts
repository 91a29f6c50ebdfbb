/**
 * Resizing and centre-cropping multi-channel (HWC) images, channel by channel with `resample`
 * (area averaging to shrink, bilinear with half-pixel centres to enlarge): how a photo becomes
 * AlexNet's input, in the CLI and in the page alike.
 */
import { resample } from "./resample.js";

/** Resizes an HWC image of `channels` channels from `height × width` to `outHeight × outWidth`. */
export function resizeChannels(
  data: Float32Array,
  height: number,
  width: number,
  channels: number,
  outHeight: number,
  outWidth: number,
): Float32Array {
  const out = new Float32Array(outHeight * outWidth * channels);
  const plane = new Float32Array(height * width);
  for (let c = 0; c < channels; c++) {
    for (let i = 0; i < plane.length; i++) plane[i] = data[i * channels + c];
    const resized = resample(plane, width, height, outWidth, outHeight);
    for (let i = 0; i < resized.length; i++) out[i * channels + c] = resized[i];
  }
  return out;
}

/** Cuts the centred `outHeight × outWidth` window out of an HWC image (odd pixels go right/bottom). */
export function centreCrop(
  data: Float32Array,
  height: number,
  width: number,
  channels: number,
  outHeight: number,
  outWidth: number,
): Float32Array {
  const top = Math.floor((height - outHeight) / 2);
  const left = Math.floor((width - outWidth) / 2);
  const out = new Float32Array(outHeight * outWidth * channels);
  for (let y = 0; y < outHeight; y++) {
    const from = ((top + y) * width + left) * channels;
    out.set(data.subarray(from, from + outWidth * channels), y * outWidth * channels);
  }
  return out;
}

/** Where a cover-and-crop puts the image: its size after resizing and the crop's top-left corner. */
export interface CoverGeometry {
  readonly height: number;
  readonly width: number;
  readonly top: number;
  readonly left: number;
}

/**
 * The resize that makes a `height × width` image just cover `outHeight × outWidth`, keeping its
 * aspect ratio (scale = max of the two ratios, each side rounded and at least the output's), and
 * the top-left corner of the centred crop (odd pixels go right and bottom).
 */
export function coverGeometry(
  height: number,
  width: number,
  outHeight: number,
  outWidth: number,
): CoverGeometry {
  const scale = Math.max(outHeight / height, outWidth / width);
  const h = Math.max(outHeight, Math.round(height * scale));
  const w = Math.max(outWidth, Math.round(width * scale));
  return {
    height: h,
    width: w,
    top: Math.floor((h - outHeight) / 2),
    left: Math.floor((w - outWidth) / 2),
  };
}

/**
 * Scales the image, keeping its aspect ratio, until it just covers `outHeight × outWidth` (for a
 * square output: its shorter side becomes the output's side), then crops the centred window.
 */
export function coverAndCrop(
  data: Float32Array,
  height: number,
  width: number,
  channels: number,
  outHeight: number,
  outWidth: number,
): Float32Array {
  const { height: h, width: w } = coverGeometry(height, width, outHeight, outWidth);
  const resized =
    h === height && w === width ? data : resizeChannels(data, height, width, channels, h, w);
  return centreCrop(resized, h, w, channels, outHeight, outWidth);
}
