import type { Meta, StoryObj } from "@storybook/web-components-vite";
import { html, nothing } from "lit";
import "../packages/elements/src/lenet-explorer/define.js";
import { explorerArgTypes, explorerPage } from "./explorer-story.js";

interface Args {
  variant: "1998" | "keras";
  backend: "auto" | "webgl" | "wasm" | "cpu";
  step: string;
  granularity: "" | "layer" | "channel" | "neuron";
  autoplay: boolean;
  speed: number;
  lang: "en" | "ko";
  hide: string;
  weights: string;
  syncUrl: boolean;
}

const meta = {
  title: "Explorers/LeNet-5",
  component: "cs-lenet-explorer",
  args: {
    variant: "1998",
    backend: "auto",
    step: "C3:4:2,3",
    granularity: "",
    autoplay: false,
    speed: 1,
    lang: "en",
    hide: "",
    weights: "",
    syncUrl: false,
  },
  argTypes: {
    variant: { control: "inline-radio", options: ["1998", "keras"] },
    backend: explorerArgTypes.backend,
    step: { control: "text", description: "A layer (C3), a map (C3:4) or a neuron (C3:4:2,3)" },
    granularity: explorerArgTypes.granularity,
    speed: explorerArgTypes.speed,
    lang: explorerArgTypes.lang,
    hide: {
      control: "text",
      description: "Space-separated: pad network player maps math prediction table summary",
    },
    weights: {
      control: "text",
      description: 'A model.json URL, or "seeded" (default: the shipped trained weights)',
    },
    syncUrl: explorerArgTypes.syncUrl,
  },
  parameters: { layout: "fullscreen" },
  render: (args) =>
    explorerPage(
      html`<cs-lenet-explorer
        variant=${args.variant}
        backend=${args.backend}
        step=${args.step || nothing}
        granularity=${args.granularity || nothing}
        ?autoplay=${args.autoplay}
        speed=${args.speed}
        lang=${args.lang}
        hide=${args.hide}
        weights=${args.weights || nothing}
        ?sync-url=${args.syncUrl}
      ></cs-lenet-explorer>`,
    ),
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/**
 * LeNet-5 exactly as LeCun et al. (1998) describe it, opened at neuron (2, 3) of C3's map 4: the
 * map reads S2 maps 0, 4 and 5 only (Table I), and the arithmetic shows the three 5×5 patches.
 */
export const Paper1998: Story = { name: "1998 — the paper" };

/** The LeNet-5 of Keras tutorials: a fully connected C3, average pooling and a softmax output. */
export const Keras: Story = { name: "Keras version", args: { variant: "keras" } };

/** Step by map, playing from the start. */
export const Playing: Story = {
  name: "Playing, map by map",
  args: { step: "C1", granularity: "channel", autoplay: true },
};

/** In Korean. */
export const Korean: Story = { name: "Korean (한국어)", args: { lang: "ko" } };

/**
 * What a post shows when its `weights` URL points at the wrong file (here a JSON file that is no
 * model.json): the engine's message in place, Retry, and a way on with seeded weights.
 */
export const BadWeights: Story = {
  name: "Bad weights URL",
  args: { weights: "./index.json" },
};

/** Only the essentials: network, player and the arithmetic. */
export const Compact: Story = { args: { hide: "pad maps prediction table summary" } };
