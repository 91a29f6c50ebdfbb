/** The models convstep ships, by name. */
import { SpecError, type ModelSpec } from "@convstep/engine";
import { ALEXNET_2012 } from "./alexnet-2012.js";
import { ALEXNET_KERAS } from "./alexnet-keras.js";
import { ALEXNET_TORCHVISION } from "./alexnet-torchvision.js";
import { LENET5_1998 } from "./lenet5-1998.js";
import { LENET5_KERAS } from "./lenet5-keras.js";

/**
 * The registry's names, papers first, each followed by its common Keras version; then torchvision's
 * AlexNet (the later variant whose trained weights are published).
 */
export const MODEL_NAMES = [
  "lenet5-1998",
  "lenet5-keras",
  "alexnet-2012",
  "alexnet-keras",
  "alexnet-torchvision",
] as const;

/** A name in the registry. */
export type ModelName = (typeof MODEL_NAMES)[number];

const SPECS: { readonly [N in ModelName]: ModelSpec } = {
  "lenet5-1998": LENET5_1998,
  "lenet5-keras": LENET5_KERAS,
  "alexnet-2012": ALEXNET_2012,
  "alexnet-keras": ALEXNET_KERAS,
  "alexnet-torchvision": ALEXNET_TORCHVISION,
};

/** True when `name` is one of `MODEL_NAMES`. */
export function isModelName(name: string): name is ModelName {
  return (MODEL_NAMES as readonly string[]).includes(name);
}

/**
 * The spec registered under `name`; SpecError listing the known names for any other.
 *
 * @example
 * compileModel(getModelSpec("lenet5-1998"));
 */
export function getModelSpec(name: string): ModelSpec {
  if (!isModelName(name)) {
    throw new SpecError(
      `unknown model ${JSON.stringify(name)}; known models: ${MODEL_NAMES.join(", ")}`,
      { attribute: "name" },
    );
  }
  return SPECS[name];
}
