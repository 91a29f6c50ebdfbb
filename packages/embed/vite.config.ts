/**
 * The one-script embed: `dist/convstep.js` (an ES module), one chunk per element beside it under
 * `dist/chunks/`, and the assets the widgets read at run time, laid out as
 * packages/elements/src/shared/assets.ts expects:
 *
 *     dist/wasm/tfjs-backend-wasm*.wasm    from @tensorflow/tfjs-backend-wasm/dist
 *     dist/weights/<model>/model.json, …   from packages/models/weights (whatever exists)
 *     dist/data/mnist-test-500.{bin,deflate} from packages/models/data
 *     dist/samples/<photo>                 from packages/models/samples
 *
 * Built from the packages' TypeScript sources, like Storybook and the tests, so it never depends
 * on a stale `tsc` output. Decorators are compiled by each package's tsconfig (legacy decorators
 * in packages/elements/tsconfig.json).
 */
import { cpSync, existsSync, mkdirSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig, type Plugin } from "vite";

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const packages = here("..");
const outDir = here("dist");

/** The folder of @tensorflow/tfjs-backend-wasm's `.wasm` files (resolved as the engine resolves it). */
function wasmDir(): string {
  const main = createRequire(join(packages, "engine/package.json")).resolve(
    "@tensorflow/tfjs-backend-wasm",
  );
  let dir = dirname(main);
  while (!existsSync(join(dir, "package.json"))) dir = dirname(dir);
  return join(dir, "dist");
}

/** Copies the run-time assets next to the bundle once it is written. */
function copyAssets(): Plugin {
  return {
    name: "convstep-embed-assets",
    apply: "build",
    writeBundle() {
      const wasm = wasmDir();
      mkdirSync(join(outDir, "wasm"), { recursive: true });
      const binaries = readdirSync(wasm).filter((f) => /^tfjs-backend-wasm.*\.wasm$/.test(f));
      if (binaries.length === 0) throw new Error(`no tfjs-backend-wasm*.wasm in ${wasm}`);
      for (const file of binaries) cpSync(join(wasm, file), join(outDir, "wasm", file));
      for (const folder of ["weights", "data", "samples"]) {
        const from = join(packages, "models", folder);
        if (existsSync(from)) cpSync(from, join(outDir, folder), { recursive: true });
        else mkdirSync(join(outDir, folder), { recursive: true });
      }
    },
  };
}

const DEFINE_MODULE = /elements[\\/]src[\\/]([^\\/]+)[\\/]define\.ts$/;
const PACKAGE = /node_modules[\\/](?:@[^\\/]+[\\/])?([^\\/]+)[\\/]/;

/**
 * Readable chunk names: `chunks/cs-<element>-<hash>.js` for the chunk holding an element's define
 * module, `chunks/<package>-<hash>.js` for a package's dynamically imported entry (the tfjs
 * backends), `chunks/<name>-<hash>.js` for the rest.
 */
function chunkFileName(chunk: {
  facadeModuleId: string | null;
  moduleIds: readonly string[];
}): string {
  const pkg = chunk.facadeModuleId?.match(PACKAGE)?.[1];
  if (pkg) return `chunks/${pkg}-[hash].js`;
  const defines = chunk.moduleIds
    .map((id) => id.match(DEFINE_MODULE)?.[1])
    .filter((name) => name !== undefined && name !== "shared");
  return defines.length === 1 ? `chunks/cs-${defines[0]}-[hash].js` : "chunks/[name]-[hash].js";
}

export default defineConfig({
  root: here("."),
  logLevel: "warn",
  publicDir: false,
  resolve: {
    alias: [
      { find: /^@convstep\/elements\/(.+)$/, replacement: join(packages, "elements/src/$1") },
      { find: /^@convstep\/engine$/, replacement: join(packages, "engine/src/index.ts") },
      { find: /^@convstep\/models$/, replacement: join(packages, "models/src/index.ts") },
    ],
  },
  // Libraries (tfjs-core) read NODE_ENV; a page has no `process`.
  define: { "process.env.NODE_ENV": JSON.stringify("production") },
  plugins: [copyAssets()],
  // Chunks and assets are found relative to the module that loads them (`import.meta.url`).
  base: "./",
  build: {
    outDir,
    emptyOutDir: true,
    target: "es2022",
    minify: true,
    sourcemap: false,
    reportCompressedSize: false,
    // An application build (not `build.lib`): a page loads it as is, so it is minified whole.
    rolldownOptions: {
      input: here("src/convstep.ts"),
      // Keep the entry's exports (observe, discover, setAssetBase, …) for pages that import them.
      preserveEntrySignatures: "exports-only",
      output: {
        format: "es",
        entryFileNames: "convstep.js",
        chunkFileNames: chunkFileName,
      },
    },
  },
});
