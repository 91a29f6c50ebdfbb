import { fileURLToPath } from "node:url";
import { playwright } from "@vitest/browser-playwright";
import { defineConfig } from "vitest/config";
import { CHROMIUM_ARGS, findChromium, NO_CHROMIUM_MESSAGE } from "./test/chromium.js";

const src = (pkg: string) =>
  fileURLToPath(new URL(`./packages/${pkg}/src/index.ts`, import.meta.url));

const file = (path: string) => fileURLToPath(new URL(`./packages/${path}`, import.meta.url));

const alias = [
  { find: /^@convstep\/engine$/, replacement: src("engine") },
  { find: /^@convstep\/models$/, replacement: src("models") },
  {
    find: /^@convstep\/models\/(trained-weights|test-digits|training-digits)$/,
    replacement: file("models/src/mnist/$1.ts"),
  },
];

/** Browser tests need a Chromium; without one they stop with one line that says how to get one. */
function chromiumOrStop(): string {
  const path = findChromium();
  if (!path) {
    process.stderr.write(`${NO_CHROMIUM_MESSAGE}\n`);
    process.exit(1);
  }
  return path;
}

const browserProjectWanted =
  !process.argv.some((a) => a === "--project=node") &&
  !(
    process.argv.includes("--project") &&
    process.argv[process.argv.indexOf("--project") + 1] === "node"
  );

export default defineConfig({
  resolve: { alias },
  test: {
    // A condition polled for (`expect.poll`) may take long on a loaded machine: the test waits
    // for it, not for a guess at how long it takes.
    expect: { poll: { timeout: 30_000 } },
    projects: [
      {
        extends: true,
        test: {
          name: "node",
          environment: "node",
          include: ["packages/*/src/**/*.test.ts", "test/**/*.test.ts"],
          exclude: ["packages/elements/**", "test/browser/**", "**/node_modules/**"],
          setupFiles: ["test/setup-node.ts"],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      ...(browserProjectWanted
        ? [
            {
              extends: true,
              test: {
                name: "browser",
                include: ["packages/elements/src/**/*.test.ts", "test/browser/**/*.test.ts"],
                testTimeout: 60_000,
                hookTimeout: 60_000,
                browser: {
                  enabled: true,
                  headless: true,
                  screenshotFailures: false,
                  provider: playwright({
                    launchOptions: { executablePath: chromiumOrStop(), args: CHROMIUM_ARGS },
                  }),
                  instances: [{ browser: "chromium" as const }],
                },
              },
            },
          ]
        : []),
    ],
  },
});
