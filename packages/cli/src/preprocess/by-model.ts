/**
 * Which preprocessing turns a decoded image into each model's input. Pure functions from an RGBA
 * image to the model's input values (HWC, no batch).
 */
import { lenet1998Input, lenetKerasInput, type CompiledModel } from "@convstep/engine";
import { UsageError } from "../cli-error.js";
import { toGrey, toRgb } from "../input/colour.js";
import type { RgbaImage } from "../input/rgba-image.js";
import { alexnet2012Input, alexnetKerasInput, photoInput } from "./alexnet.js";
import { mnistDigit } from "./lenet.js";

/** Turns an image into the input of a model whose input is `[height, width, channels]`. */
export type Preprocess = (
  image: RgbaImage,
  shape: readonly [number, number, number],
) => Float32Array;

/** The preprocessing of each model, by registry name. */
export const PREPROCESSING: Readonly<
  Record<string, { readonly describe: string; readonly run: Preprocess }>
> = {
  "lenet5-1998": {
    describe: "grey, MNIST-style 28×28 digit centred in 32×32, background −0.1, ink 1.175",
    run: (image) => lenet1998Input(mnistDigit(toGrey(image))),
  },
  "lenet5-keras": {
    describe: "grey, MNIST-style 28×28 digit, values in [0, 1]",
    run: (image) => lenetKerasInput(mnistDigit(toGrey(image))),
  },
  "alexnet-2012": {
    describe:
      "RGB, shorter side resized and centre-cropped, values in [0, 255] minus the ImageNet mean",
    run: (image, [h, w]) => alexnet2012Input(toRgb(image), [h, w]),
  },
  "alexnet-keras": {
    describe: "RGB, shorter side resized and centre-cropped, values in [0, 1]",
    run: (image, [h, w]) => alexnetKerasInput(toRgb(image), [h, w]),
  },
  "alexnet-torchvision": {
    describe:
      "RGB, shorter side resized and centre-cropped, values in [0, 1] normalised by torchvision's mean and std",
    run: (image, [h, w]) => alexnetKerasInput(toRgb(image), [h, w]),
  },
};

/**
 * The words for what `model`'s preprocessing does: its spec's recorded convention (set from a
 * converted model.json) when it has one, else the table's.
 */
export function describePreprocessing(model: CompiledModel): string | undefined {
  const recorded = model.spec.input.preprocessing;
  if (recorded?.description) {
    return `RGB, shorter side resized and centre-cropped, ${recorded.description}`;
  }
  return PREPROCESSING[model.spec.name]?.describe;
}

/**
 * Preprocesses `image` for `model`: by the spec's `input.preprocessing` (the value convention of
 * photo models, replaced by a converted model.json's record), else by the model's entry in
 * {@link PREPROCESSING}; UsageError when the model has no image preprocessing.
 */
export function preprocessImage(model: CompiledModel, image: RgbaImage): Float32Array {
  const entry = PREPROCESSING[model.spec.name];
  const shape = model.inputShape;
  const recorded = model.spec.input.preprocessing;
  if (recorded && shape.length === 3 && shape[2] === 3) {
    return photoInput(toRgb(image), [shape[0], shape[1]], recorded);
  }
  if (entry === undefined || shape.length !== 3) {
    throw new UsageError(
      `model "${model.spec.name}" has no image preprocessing; give its input as JSON (a nested array of shape [${shape.join(", ")}])`,
    );
  }
  const [h, w, c] = shape;
  return entry.run(image, [h, w, c]);
}
