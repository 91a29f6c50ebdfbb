/** Which tfjs backend training runs on, and why, in words the trainer shows (pure). */
import { isSoftwareRenderer } from "@convstep/engine";

/** Where training may run: `auto` picks webgl on a real GPU, cpu otherwise. */
export type TrainingBackendChoice = "auto" | "cpu" | "webgl";

/** What the worker found. */
export interface TrainingEnvironment {
  /** The WebGL renderer an OffscreenCanvas gave in the worker, or null without one. */
  readonly renderer: string | null;
}

/** Why a backend was chosen (the widgets put it in words, in their language). */
export type TrainingBackendWhy =
  "requested" | "no-worker-webgl" | "software-webgl" | "gpu" | "webgl-failed";

/** The backend to train on, with the reason. */
export interface TrainingBackend {
  readonly backend: "cpu" | "webgl";
  readonly why: TrainingBackendWhy;
  /** The WebGL renderer, when there is one. */
  readonly renderer: string | null;
  /** The reason in English (logs, tests). */
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
  const { renderer } = env;
  if (choice === "cpu")
    return { backend: "cpu", why: "requested", renderer, reason: "cpu: requested" };
  if (renderer === null) {
    return {
      backend: "cpu",
      why: "no-worker-webgl",
      renderer,
      reason: "cpu: this browser gives workers no WebGL (no OffscreenCanvas context)",
    };
  }
  if (choice === "webgl") {
    return {
      backend: "webgl",
      why: "requested",
      renderer,
      reason: `webgl: requested (${renderer})`,
    };
  }
  if (isSoftwareRenderer(renderer)) {
    return {
      backend: "cpu",
      why: "software-webgl",
      renderer,
      reason: `cpu: WebGL here is software-rendered (${renderer}), slower than the CPU`,
    };
  }
  return {
    backend: "webgl",
    why: "gpu",
    renderer,
    reason: `webgl: a GPU through OffscreenCanvas (${renderer})`,
  };
}
