/**
 * One engine for the whole page: the TensorFlow.js backend is chosen once (one WebGL context), and
 * every widget waits for the same promise.
 */
import * as tf from "@tensorflow/tfjs-core";
import { selectBackend, type BackendChoice, type BackendSelection } from "@convstep/engine";
import { assetUrl } from "./assets.js";
import { watchContextLoss } from "./explorer/context-loss.js";

let ready: Promise<BackendSelection> | undefined;
let requested: BackendChoice | undefined;
/** The running engine's selection, once it started. */
let running: BackendSelection | undefined;
/** Whether the running webgl backend's context was lost (an event seen, or the context says so). */
let webglLost = false;
let unwatch: (() => void) | undefined;

/** Whether the engine runs on a WebGL context that is gone. */
function onDeadContext(): boolean {
  if (running?.backend !== "webgl") return false;
  if (webglLost) return true;
  const backend = tf.findBackend("webgl") as { gpgpu?: { gl?: WebGLRenderingContext } } | null;
  return backend?.gpgpu?.gl?.isContextLost() ?? false;
}

/** The page's engine after a lost WebGL context: wasm, else cpu, with the reason in words. */
async function startWithoutWebgl(): Promise<BackendSelection> {
  const why = "the WebGL context was lost, so the page goes on without WebGL";
  const options = { wasmPaths: assetUrl("wasm/") };
  try {
    await selectBackend("wasm", options);
    return { backend: "wasm", reason: `wasm: ${why}` };
  } catch {
    await selectBackend("cpu", options);
    return { backend: "cpu", reason: `cpu: ${why} (wasm did not start)` };
  }
}

function started(selection: BackendSelection): BackendSelection {
  running = selection;
  if (selection.backend === "webgl") unwatch = watchContextLoss(() => (webglLost = true));
  return selection;
}

/**
 * Starts (once) and returns the page's engine. The first widget's `backend` wins; a later widget
 * asking for another backend gets the one already running (a page has one engine). A widget that
 * comes after the WebGL context was lost gets an engine on wasm (else cpu), never the dead context.
 */
export function getEngine(backend: BackendChoice = "auto"): Promise<BackendSelection> {
  if (ready && onDeadContext()) {
    forget();
    start(backend, startWithoutWebgl());
  }
  if (!ready) start(backend, selectBackend(backend, { wasmPaths: assetUrl("wasm/") }));
  return ready!;
}

function start(backend: BackendChoice, selection: Promise<BackendSelection>): void {
  requested = backend;
  const starting = selection.then(started);
  ready = starting;
  starting.catch(() => {
    // A failed start may be retried by the next widget (e.g. after a lost WebGL context).
    if (ready === starting) ready = undefined;
  });
}

/** The backend the page asked for first (for diagnostics), or undefined before any widget started. */
export function requestedBackend(): BackendChoice | undefined {
  return requested;
}

/** Forgets the running engine so that the next `getEngine` starts again (tests, lost contexts). */
export function resetEngine(): void {
  forget();
  requested = undefined;
}

function forget(): void {
  ready = undefined;
  running = undefined;
  webglLost = false;
  unwatch?.();
  unwatch = undefined;
}
