/**
 * Classifying a WebGL renderer string (from `WEBGL_debug_renderer_info`): software renderers make
 * tfjs's webgl backend the slowest one, so the engine prefers wasm there.
 */

/** Known software renderers: a pattern and the name to report. Order matters (most specific first). */
const SOFTWARE_RENDERERS: readonly (readonly [RegExp, string])[] = [
  [/swiftshader/i, "SwiftShader"],
  [/llvmpipe/i, "llvmpipe"],
  [/lavapipe/i, "lavapipe"],
  [/softpipe/i, "softpipe"],
  [/microsoft basic render/i, "Microsoft Basic Render Driver"],
  [/apple software renderer/i, "Apple Software Renderer"],
  [/mesa offscreen/i, "Mesa OffScreen"],
  [/\bsoftware\b/i, "a software renderer"],
];

/**
 * The name of the software renderer a renderer string describes, or null for a hardware GPU (or
 * an empty/unknown string).
 *
 * @example
 * softwareRendererName("ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero)), SwiftShader driver)"); // "SwiftShader"
 * softwareRendererName("ANGLE (NVIDIA, NVIDIA GeForce RTX 3080 Direct3D11 vs_5_0 ps_5_0, D3D11)"); // null
 */
export function softwareRendererName(renderer: string | null | undefined): string | null {
  if (typeof renderer !== "string") return null;
  for (const [pattern, name] of SOFTWARE_RENDERERS) if (pattern.test(renderer)) return name;
  return null;
}

/** Whether a WebGL renderer string is a software renderer (SwiftShader, llvmpipe, "Software", …). */
export function isSoftwareRenderer(renderer: string | null | undefined): boolean {
  return softwareRendererName(renderer) !== null;
}
