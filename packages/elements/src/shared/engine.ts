/**
 * One engine for the whole page: the TensorFlow.js backend is chosen once (one WebGL context), and
 * every widget waits for the same promise.
 */
import { selectBackend, type BackendChoice, type BackendSelection } from "@convstep/engine";
import { assetUrl } from "./assets.js";

let ready: Promise<BackendSelection> | undefined;
let requested: BackendChoice | undefined;

/**
 * Starts (once) and returns the page's engine. The first widget's `backend` wins; a later widget
 * asking for another backend gets the one already running (a page has one engine).
 */
export function getEngine(backend: BackendChoice = "auto"): Promise<BackendSelection> {
  if (!ready) {
    requested = backend;
    ready = selectBackend(backend, { wasmPaths: assetUrl("wasm/") });
    ready.catch(() => {
      // A failed start may be retried by the next widget (e.g. after a lost WebGL context).
      ready = undefined;
    });
  }
  return ready;
}

/** The backend the page asked for first (for diagnostics), or undefined before any widget started. */
export function requestedBackend(): BackendChoice | undefined {
  return requested;
}

/** Forgets the running engine so that the next `getEngine` starts again (tests, lost contexts). */
export function resetEngine(): void {
  ready = undefined;
  requested = undefined;
}
