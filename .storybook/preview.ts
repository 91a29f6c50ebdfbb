import type { Preview } from "@storybook/web-components-vite";
import { setCustomElementsManifest } from "@storybook/web-components-vite";
import { setAssetBase } from "../packages/elements/src/shared/assets.js";
import manifest from "../packages/elements/custom-elements.json";

// Storybook serves convstep's assets at /convstep/ (see main.ts staticDirs).
setAssetBase(new URL("./convstep/", document.baseURI));
setCustomElementsManifest(manifest);

const preview: Preview = {
  parameters: {
    controls: { expanded: true },
    a11y: { test: "error" },
    layout: "padded",
  },
  tags: ["autodocs"],
};

export default preview;
