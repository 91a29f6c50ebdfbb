/**
 * A Node module-resolution hook for tfjs-core's ES build, whose files import each other without
 * file extensions (`./engine`), which plain Node ESM refuses. Only relative imports made from
 * inside `@tensorflow/tfjs-core/dist/` are retried, with `.js` and then `/index.js`; everything
 * else resolves as usual. Registered by `gradients.ts` before training loads
 * `register_all_gradients`.
 */

interface ResolveContext {
  readonly parentURL?: string;
}
type NextResolve = (specifier: string, context: ResolveContext) => Promise<unknown>;

/** The `resolve` hook (node:module `register`). */
export async function resolve(
  specifier: string,
  context: ResolveContext,
  next: NextResolve,
): Promise<unknown> {
  try {
    return await next(specifier, context);
  } catch (error) {
    const relative = specifier.startsWith("./") || specifier.startsWith("../");
    if (!relative || !context.parentURL?.includes("/@tensorflow/tfjs-core/dist/")) throw error;
    try {
      return await next(`${specifier}.js`, context);
    } catch {
      return next(`${specifier}/index.js`, context);
    }
  }
}
