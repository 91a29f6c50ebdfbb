/**
 * Watching the webgl backend's canvas for a lost context (the GPU was reset, or the page holds
 * too many WebGL contexts), so that the explorer can say so in place instead of failing later
 * with a shader error.
 */
import * as tf from "@tensorflow/tfjs-core";

interface WebglBackendLike {
  readonly gpgpu?: { readonly gl?: { readonly canvas?: unknown } };
}

/** Calls `onLost` when the webgl backend's context is lost; returns a function that stops watching. */
export function watchContextLoss(onLost: () => void): () => void {
  let backend: WebglBackendLike | null;
  try {
    backend = tf.findBackend("webgl") as WebglBackendLike | null;
  } catch {
    return () => {};
  }
  const canvas = backend?.gpgpu?.gl?.canvas as EventTarget | undefined;
  if (!canvas || typeof canvas.addEventListener !== "function") return () => {};
  const listener = (): void => onLost();
  canvas.addEventListener("webglcontextlost", listener);
  return () => canvas.removeEventListener("webglcontextlost", listener);
}
