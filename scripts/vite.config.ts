/**
 * Bundles the repository's TypeScript scripts for Node (`npm run data:digits`, `npm run
 * train:lenet`). Bundling, rather than running the sources, lets tfjs-core come in as ES modules,
 * so its gradient registrations (`register_all_gradients`, extensionless imports that plain Node
 * ESM refuses) work, and the result runs at plain Node speed. Output goes under
 * node_modules/.cache, out of git, lint and formatting.
 */
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  root: here(".."),
  logLevel: "warn",
  resolve: {
    alias: {
      "@convstep/engine": here("../packages/engine/src/index.ts"),
      "@convstep/models": here("../packages/models/src/index.ts"),
    },
  },
  ssr: { noExternal: true, target: "node" },
  build: {
    ssr: true,
    target: "node20",
    outDir: here("../node_modules/.cache/convstep-scripts"),
    emptyOutDir: true,
    minify: false,
    sourcemap: true,
    rollupOptions: {
      input: {
        "make-digits": here("make-digits.ts"),
        "make-example-digits": here("make-example-digits.ts"),
        "train-lenet": here("train-lenet.ts"),
        "quantize-lenet": here("quantize-lenet.ts"),
        "make-training-digits": here("make-training-digits.ts"),
      },
      output: { format: "esm", entryFileNames: "[name].mjs" },
    },
  },
});
