/**
 * Choosing and starting a tfjs backend. Backends load with dynamic `import()`, so Node never loads
 * webgl and a page never loads what it does not use. `auto` picks webgl on a hardware GPU, wasm
 * where WebGL is missing or rendered in software, and cpu in Node.
 */
import * as tf from "@tensorflow/tfjs-core";
import { BackendError } from "../errors.js";
import { softwareRendererName } from "./renderer.js";

/** A backend convstep can run on. */
export type BackendName = "webgl" | "wasm" | "cpu";

/** What a caller may ask for: a backend, or `auto` to let the engine choose. */
export type BackendChoice = "auto" | BackendName;

/** Every accepted choice. */
export const BACKEND_CHOICES: readonly BackendChoice[] = ["auto", "webgl", "wasm", "cpu"];

/** Options of {@link selectBackend}. */
export interface SelectBackendOptions {
  /**
   * Where the wasm backend finds its `.wasm` files: a folder URL ending in `/`, or a map from file
   * name (`tfjs-backend-wasm.wasm`, `tfjs-backend-wasm-simd.wasm`,
   * `tfjs-backend-wasm-threaded-simd.wasm`) to URL. They ship in
   * `@tensorflow/tfjs-backend-wasm/dist/`; with Vite import them with `?url`. Never a CDN.
   */
  readonly wasmPaths?: string | Readonly<Record<string, string>>;
}

/** The backend that runs, and why, in words. */
export interface BackendSelection {
  readonly backend: BackendName;
  /** e.g. "wasm: WebGL renders in software (SwiftShader), where wasm is ~30× faster". */
  readonly reason: string;
  /** The WebGL renderer string, when `auto` looked at it. */
  readonly renderer?: string;
}

/** What `auto` knows of its environment. */
export interface BackendEnvironment {
  /** Running in Node (no WebGL API). */
  readonly node: boolean;
  /**
   * What WebGL looks like: `missing` (no API or no context), or the renderer string (null when
   * the browser does not report it).
   */
  readonly webgl: "missing" | { readonly renderer: string | null };
}

/**
 * The `auto` decision for an environment, in words. Pure.
 *
 * @example
 * decideBackend({ node: false, webgl: { renderer: "Google SwiftShader" } });
 * // { backend: "wasm", reason: "wasm: WebGL renders in software (SwiftShader), where wasm is ~30× faster", … }
 */
export function decideBackend(env: BackendEnvironment): BackendSelection {
  if (env.node) {
    return {
      backend: "cpu",
      reason:
        'cpu: running in Node, which has no WebGL; cpu runs every kernel, training included (choose "wasm" for faster inference)',
    };
  }
  if (env.webgl === "missing") {
    return { backend: "wasm", reason: "wasm: WebGL is not available here" };
  }
  const renderer = env.webgl.renderer;
  const software = softwareRendererName(renderer);
  if (software !== null) {
    return {
      backend: "wasm",
      reason: `wasm: WebGL renders in software (${software}), where wasm is ~30× faster`,
      renderer: renderer ?? undefined,
    };
  }
  if (renderer === null || renderer.trim() === "") {
    return {
      backend: "webgl",
      reason: "webgl: WebGL is available and its renderer is not reported; assuming a GPU",
    };
  }
  return { backend: "webgl", reason: `webgl: WebGL runs on a GPU (${renderer})`, renderer };
}

interface NodeGlobals {
  readonly process?: { readonly versions?: { readonly node?: string } };
  readonly WebGLRenderingContext?: unknown;
  readonly WebGL2RenderingContext?: unknown;
  readonly OffscreenCanvas?: unknown;
}

/** Whether this is Node (or a Node-like runtime without any WebGL API). */
export function isNodeWithoutWebGL(): boolean {
  const g = globalThis as NodeGlobals;
  const node = typeof g.process?.versions?.node === "string";
  const webglApi =
    g.WebGLRenderingContext !== undefined ||
    g.WebGL2RenderingContext !== undefined ||
    g.OffscreenCanvas !== undefined;
  return node && !webglApi;
}

async function loadBackend(name: BackendName, options: SelectBackendOptions): Promise<void> {
  if (name === "cpu") {
    await import("@tensorflow/tfjs-backend-cpu");
  } else if (name === "webgl") {
    await import("@tensorflow/tfjs-backend-webgl");
  } else {
    const wasm = await import("@tensorflow/tfjs-backend-wasm");
    // Paths must be set before the wasm backend first initialises; afterwards they are fixed.
    if (options.wasmPaths !== undefined && !tf.engine().registry["wasm"]) {
      wasm.setWasmPaths(options.wasmPaths as string | Record<string, string>);
    }
  }
}

/** Switches to a backend; on failure restores the previous one and returns false. */
async function trySetBackend(name: BackendName, options: SelectBackendOptions): Promise<boolean> {
  const previous = tf.getBackend() as string | undefined;
  try {
    await loadBackend(name, options);
    if (await tf.setBackend(name)) {
      await tf.ready();
      return true;
    }
  } catch {
    // Reported as a BackendError by the caller, with the backend's name.
  }
  if (previous && previous !== name && tf.engine().registryFactory[previous]) {
    await tf.setBackend(previous);
  }
  return false;
}

interface RendererInfo {
  readonly UNMASKED_RENDERER_WEBGL: number;
}

/** The renderer string of the webgl backend's own context (no `document` needed). */
function webglRenderer(): string | null {
  const backend = tf.findBackend("webgl") as { gpgpu?: { gl?: WebGLRenderingContext } } | null;
  const gl = backend?.gpgpu?.gl;
  if (!gl) return null;
  const info = gl.getExtension("WEBGL_debug_renderer_info") as RendererInfo | null;
  const value: unknown = gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER);
  return typeof value === "string" ? value : null;
}

interface ProbeCanvas {
  getContext(kind: string): unknown;
}

/**
 * What WebGL looks like, read from a throwaway 1×1 context before any backend is loaded: `auto`
 * then downloads tfjs's webgl backend only when it picks it. Undefined where there is no
 * OffscreenCanvas to probe with (the caller then starts the webgl backend to look).
 */
function probeWebgl(): "missing" | { readonly renderer: string | null } | undefined {
  const Offscreen = (globalThis as { OffscreenCanvas?: new (w: number, h: number) => ProbeCanvas })
    .OffscreenCanvas;
  if (typeof Offscreen !== "function") return undefined;
  let gl: WebGLRenderingContext | null;
  try {
    const canvas = new Offscreen(1, 1);
    gl = (canvas.getContext("webgl2") ??
      canvas.getContext("webgl")) as WebGLRenderingContext | null;
  } catch {
    return undefined;
  }
  if (!gl) return "missing";
  const info = gl.getExtension("WEBGL_debug_renderer_info") as RendererInfo | null;
  const value: unknown = gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER);
  // Frees the context now rather than when the canvas is collected (browsers cap live contexts).
  (gl.getExtension("WEBGL_lose_context") as { loseContext(): void } | null)?.loseContext();
  return { renderer: typeof value === "string" ? value : null };
}

function failure(name: BackendName): BackendError {
  const hints: Record<BackendName, string> = {
    cpu: "the cpu backend failed to start",
    webgl: "WebGL is not available here (no WebGL context could be created)",
    wasm:
      "the wasm backend failed to start; pass wasmPaths with the URLs of the .wasm files from " +
      "@tensorflow/tfjs-backend-wasm/dist",
  };
  return new BackendError(`cannot use backend "${name}": ${hints[name]}`);
}

/**
 * Loads, starts and switches tfjs to a backend. A named choice must work (else BackendError and
 * the previous backend stays); `auto` decides with {@link decideBackend}, falling back to cpu when
 * wasm fails. Resolves with the backend that runs and the reason in words.
 *
 * @example
 * import simd from "@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url";
 * const { backend, reason } = await selectBackend("auto", {
 *   wasmPaths: { "tfjs-backend-wasm-simd.wasm": simd },
 * });
 */
export async function selectBackend(
  choice: BackendChoice,
  options: SelectBackendOptions = {},
): Promise<BackendSelection> {
  if (!BACKEND_CHOICES.includes(choice)) {
    throw new BackendError(
      `expected a backend of ${BACKEND_CHOICES.map((c) => `"${c}"`).join(", ")}, got ${JSON.stringify(choice)}`,
    );
  }
  if (choice !== "auto") {
    if (!(await trySetBackend(choice, options))) throw failure(choice);
    return { backend: choice, reason: `${choice}: requested` };
  }

  let decision: BackendSelection;
  const probed = isNodeWithoutWebGL() ? undefined : probeWebgl();
  if (isNodeWithoutWebGL()) {
    decision = decideBackend({ node: true, webgl: "missing" });
  } else if (probed !== undefined && (probed === "missing" || probed.renderer !== null)) {
    decision = decideBackend({ node: false, webgl: probed });
    if (decision.backend === "webgl" && !(await trySetBackend("webgl", options))) {
      decision = decideBackend({ node: false, webgl: "missing" });
    }
  } else if (await trySetBackend("webgl", options)) {
    decision = decideBackend({ node: false, webgl: { renderer: webglRenderer() } });
  } else {
    decision = decideBackend({ node: false, webgl: "missing" });
  }
  if (decision.backend === "webgl") return decision;
  if (await trySetBackend(decision.backend, options)) return decision;
  if (await trySetBackend("cpu", options)) {
    return {
      backend: "cpu",
      reason: `cpu: ${decision.backend} failed to start; it was chosen because ${decision.reason.replace(/^\w+: /, "")}`,
      renderer: decision.renderer,
    };
  }
  throw failure("cpu");
}
