// @ts-check
import js from "@eslint/js";
import globals from "globals";
import tseslint from "typescript-eslint";

/** Browser globals the engine must never touch: it runs in Node tests and in pages alike. */
const DOM_GLOBALS = [
  "document",
  "window",
  "navigator",
  "location",
  "localStorage",
  "sessionStorage",
  "HTMLElement",
  "HTMLCanvasElement",
  "customElements",
  "requestAnimationFrame",
].map((name) => ({
  name,
  message: "@convstep/engine knows nothing of the DOM: take what you need as a parameter.",
}));

export default tseslint.config(
  {
    ignores: [
      "**/node_modules/**",
      "**/dist/**",
      "storybook-static/**",
      "docs/api/**",
      "coverage/**",
      ".tmp/**",
      "tmp/**",
      "custom-elements.json",
      "packages/*/custom-elements.json",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { ...globals.node },
    },
    rules: {
      "@typescript-eslint/consistent-type-imports": "error",
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
      "no-console": "error",
    },
  },
  {
    // Code that runs in the page (and benchmarks/e2e code that evaluates functions in it).
    files: [
      "packages/elements/**/*.ts",
      "packages/embed/**/*.ts",
      "stories/**/*.ts",
      ".storybook/**/*.ts",
      "bench/**/*.{js,mjs,ts}",
      "test/e2e/**/*.{js,ts}",
      "docs/examples/**/*.js",
    ],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // The engine stays DOM-free: no browser globals, no DOM libraries.
    files: ["packages/engine/src/**/*.ts"],
    rules: {
      "no-restricted-globals": ["error", ...DOM_GLOBALS],
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["lit", "lit/*", "@lit/*"], message: "The engine knows nothing of the DOM." },
            {
              group: ["d3-selection", "d3", "d3-transition"],
              message: "The engine knows nothing of the DOM.",
            },
            {
              group: ["node:*", "fs", "path"],
              message: "The engine is platform-neutral: no Node built-ins.",
            },
          ],
        },
      ],
    },
  },
  {
    // Command-line tools and scripts talk on stdout/stderr.
    files: ["packages/cli/src/**/*.ts", "scripts/**/*.ts", "test/**/*.ts", "**/*.test.ts"],
    rules: { "no-console": "off" },
  },
);
