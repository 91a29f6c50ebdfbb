/**
 * Gradients for training on the command line. tfjs-core registers its gradient functions only
 * in its ES build (`register_all_gradients`), whose extensionless imports plain Node ESM refuses;
 * a resolution hook (tfjs-esm-hooks.ts) lets Node load them. Both builds of tfjs-core keep their
 * engine and registries on `globalThis`, so the CommonJS build the CLI uses sees the gradients.
 */
import { register } from "node:module";
import * as tf from "@tensorflow/tfjs-core";
import { ensureGradients } from "@convstep/engine";

let registered = false;

/** Registers tfjs-core's gradients once (about a second: the ES build loads file by file). */
export async function useGradients(): Promise<void> {
  if (tf.getGradient("Conv2D") !== undefined) return;
  if (!registered) {
    register(new URL("./tfjs-esm-hooks.js", import.meta.url));
    registered = true;
  }
  await ensureGradients();
}
