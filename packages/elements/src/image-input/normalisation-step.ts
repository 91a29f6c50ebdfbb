/**
 * The last preprocessing step in words (localized), from the preprocessing in use: the ImageNet
 * mean of the 2012 spec, another mean pixel (Caffe's 123, 117, 104 that trained weights record),
 * or torchvision's division by 255, mean and std, with the range of values it gives.
 */
import { msg, str } from "@lit/localize";
import type { ImagePreprocessing } from "@convstep/engine";
import { IMAGENET_MEAN_PREPROCESSING } from "@convstep/models";

/** A number as the step shows it: up to 3 decimals, a real minus sign. */
function num(v: number, digits = 3): string {
  return String(Number(v.toFixed(digits))).replace(/^-/, "−");
}

function signed(v: number): string {
  return v >= 0 ? `+${num(v, 1)}` : num(v, 1);
}

/** The smallest and largest value a byte 0–255 becomes, over the three channels. */
function valueRange(p: ImagePreprocessing): [number, number] {
  const ends = [0, 1, 2].flatMap((c) => [0, 255].map((b) => (b * p.scale - p.mean[c]) / p.std[c]));
  return [Math.min(...ends), Math.max(...ends)];
}

/** "Subtract the ImageNet mean pixel …", "Subtract the mean pixel (R 123, G 117, B 104) …", … */
export function normalisationStep(p: ImagePreprocessing | undefined): string {
  if (!p) return msg("Divide by 255: values from 0 to 1.", { id: "image-input.step-divide" });
  const same = (a: readonly number[], b: readonly number[]) => a.every((v, i) => v === b[i]);
  const d = IMAGENET_MEAN_PREPROCESSING;
  if (p.scale === d.scale && same(p.mean, d.mean) && same(p.std, d.std)) {
    return msg(
      "Subtract the ImageNet mean pixel (R 123.68, G 116.78, B 103.94): values from about −124 to +151.",
      { id: "image-input.step-mean" },
    );
  }
  const [lo, hi] = valueRange(p).map(signed);
  const [r, g, b] = p.mean.map((m) => num(m));
  if (p.scale === 1 && same(p.std, [1, 1, 1])) {
    return msg(
      str`Subtract the mean pixel (R ${r}, G ${g}, B ${b}): values from about ${lo} to ${hi}.`,
      {
        id: "image-input.step-mean-pixel",
      },
    );
  }
  const mean = p.mean.map((m) => num(m)).join(", ");
  const std = p.std.map((s) => num(s)).join(", ");
  const divide = num(1 / p.scale);
  return msg(
    str`Divide by ${divide}, subtract the mean (${mean}) and divide by the standard deviation (${std}) of each channel, R, G, B: values from about ${lo} to ${hi}.`,
    { id: "image-input.step-mean-std" },
  );
}
