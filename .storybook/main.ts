import { fileURLToPath } from "node:url";
import type { StorybookConfig } from "@storybook/web-components-vite";
import { mergeConfig } from "vite";

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

const config: StorybookConfig = {
  stories: ["../stories/**/*.mdx", "../stories/**/*.stories.ts"],
  addons: ["@storybook/addon-docs", "@storybook/addon-a11y"],
  framework: { name: "@storybook/web-components-vite", options: {} },
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  // No "Get started" onboarding checklist in the sidebar or the menu.
  features: { sidebarOnboardingChecklist: false, menuOnboardingChecklist: false },
  // convstep's asset layout (see packages/elements/src/shared/assets.ts), served at /convstep/.
  staticDirs: [
    { from: "../node_modules/@tensorflow/tfjs-backend-wasm/dist", to: "/convstep/wasm" },
    { from: "../packages/models/weights", to: "/convstep/weights" },
    { from: "../packages/models/data", to: "/convstep/data" },
    { from: "../packages/models/samples", to: "/convstep/samples" },
  ],
  async viteFinal(config) {
    return mergeConfig(config, {
      resolve: {
        alias: {
          "@convstep/engine": here("../packages/engine/src/index.ts"),
          "@convstep/models": here("../packages/models/src/index.ts"),
          "@convstep/elements": here("../packages/elements/src/index.ts"),
        },
      },
      // One copy of lit-html in dev mode (see TOOLCHAIN.md).
      optimizeDeps: { include: ["lit", "lit/directive-helpers.js"] },
    });
  },
};

export default config;
