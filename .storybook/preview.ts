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
    options: {
      // The lessons first (Storybook opens on the first entry: the LeNet-5 lesson), then the
      // explorers, then the elements.
      storySort: {
        order: [
          "Lessons",
          [
            "LeNet-5 (1998)",
            "AlexNet (2012)",
            "From LeNet to AlexNet",
            "Korean",
            ["LeNet-5 (1998)", "AlexNet (2012)", "From LeNet to AlexNet"],
          ],
          "Explorers",
          ["LeNet-5", "AlexNet"],
          "Elements",
        ],
      },
    },
  },
  tags: ["autodocs"],
};

export default preview;
