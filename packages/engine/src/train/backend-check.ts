/**
 * What training needs from tfjs: gradient functions (registered by tfjs-core's
 * `register_all_gradients` module) and, on the active backend, the kernels that gradients run.
 */
import * as tf from "@tensorflow/tfjs-core";
import { BackendError } from "../errors.js";
import type { CompiledModel } from "../model/compile.js";

/**
 * Makes sure tfjs-core's gradient functions are registered, importing `register_all_gradients`
 * on first use. That module is ES-only with extensionless imports: it loads under a bundler, Vite
 * or vitest, not under plain Node ESM. BackendError, saying so, when gradients stay missing.
 */
export async function ensureGradients(): Promise<void> {
  if (tf.getGradient("Conv2D") !== undefined) return;
  try {
    await import("@tensorflow/tfjs-core/dist/register_all_gradients.js");
  } catch (error) {
    throw new BackendError(
      "training needs tfjs-core's gradients, but @tensorflow/tfjs-core/dist/register_all_gradients " +
        `could not be loaded (${error instanceof Error ? error.message : String(error)}); plain Node ` +
        "ESM cannot load it: run through a bundler or Vite, or import it before training",
    );
  }
  if (tf.getGradient("Conv2D") === undefined) {
    throw new BackendError(
      "training needs tfjs-core's gradients, but none are registered on the tfjs-core instance in " +
        "use (two copies of tfjs-core? the CommonJS and ES builds do not share a registry)",
    );
  }
}

/** The kernels the backward pass of each layer kind needs on the backend. */
const BACKWARD_KERNELS: Readonly<Record<string, readonly string[]>> = {
  conv2d: ["Conv2DBackpropFilter", "Conv2DBackpropInput"],
  pool2d: ["AvgPoolGrad", "MaxPoolGrad"],
  subsampling: ["AvgPoolGrad"],
};

/**
 * Throws a BackendError when the active backend lacks a kernel the model's backward pass needs
 * (the wasm backend has no `Conv2DBackpropFilter`: it runs convolutions but cannot train them).
 */
export function checkTrainingBackend(model: CompiledModel, backend = tf.getBackend()): void {
  for (const layer of model.layers) {
    let needed = BACKWARD_KERNELS[layer.spec.kind] ?? [];
    if (layer.spec.kind === "pool2d")
      needed = [layer.spec.mode === "max" ? "MaxPoolGrad" : "AvgPoolGrad"];
    for (const kernel of needed) {
      if (tf.getKernel(kernel, backend) === undefined) {
        throw new BackendError(
          `cannot train on the "${backend}" backend: layer "${layer.name}" (${layer.spec.kind}) needs ` +
            `the ${kernel} kernel, which "${backend}" does not have; train on "cpu" or "webgl"`,
        );
      }
    }
  }
}
