/** Which tfjs backend training runs on, and why, in words the trainer shows (pure). */
import { isSoftwareRenderer } from "@convstep/engine";
import type { TrainingBackendChoice } from "./protocol.js";

/** What the worker found. */
export interface TrainingEnvironment {
  /** The WebGL renderer an OffscreenCanvas gave in the worker, or null without one. */
  readonly renderer: string | null;
}

/** The backend to train on, with the reason. */
export interface TrainingBackend {
  readonly backend: "cpu" | "webgl";
  readonly reason: string;
}

/**
 * `auto`: webgl when the worker has a WebGL context on a real GPU, else cpu (software WebGL,
 * e.g. SwiftShader, trains slower than the CPU backend). Never wasm: it has no
 * Conv2DBackpropFilter, so it can run convolutions but not train them.
 */
export function chooseTrainingBackend(
  choice: TrainingBackendChoice,
  env: TrainingEnvironment,
): TrainingBackend {
  if (choice === "cpu") return { backend: "cpu", reason: "cpu: requested" };
  if (env.renderer === null) {
    return {
      backend: "cpu",
      reason: "cpu: this browser gives workers no WebGL (no OffscreenCanvas context)",
    };
  }
  if (choice === "webgl") return { backend: "webgl", reason: `webgl: requested (${env.renderer})` };
  if (isSoftwareRenderer(env.renderer)) {
    return {
      backend: "cpu",
      reason: `cpu: WebGL here is software-rendered (${env.renderer}), slower than the CPU`,
    };
  }
  return { backend: "webgl", reason: `webgl: a GPU through OffscreenCanvas (${env.renderer})` };
}
