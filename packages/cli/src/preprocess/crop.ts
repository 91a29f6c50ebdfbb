/**
 * Resizing and centre-cropping multi-channel (HWC) images, channel by channel with the engine's
 * `resample` (area averaging to shrink, bilinear with half-pixel centres to enlarge).
 */
import { resample } from "@convstep/engine";

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
  const scale = Math.max(outHeight / height, outWidth / width);
  const h = Math.max(outHeight, Math.round(height * scale));
  const w = Math.max(outWidth, Math.round(width * scale));
  const resized =
    h === height && w === width ? data : resizeChannels(data, height, width, channels, h, w);
  return centreCrop(resized, h, w, channels, outHeight, outWidth);
}
