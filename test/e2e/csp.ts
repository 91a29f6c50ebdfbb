/**
 * The Content-Security-Policy the end-to-end tests serve every page with, and that
 * docs/embedding.md tells sites they can use: nothing inline (no `<style>`, no `style="…"`, no
 * inline script), no `eval`; WebAssembly may compile ('wasm-unsafe-eval': the wasm backend of
 * TensorFlow.js); images may also come from `data:` and `blob:` URLs (a photo the reader picks).
 */
export const STRICT_CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob:";
