import type { Meta, StoryObj } from "@storybook/web-components-vite";
import { html, nothing } from "lit";
import "../packages/elements/src/alexnet-explorer/define.js";
import { explorerArgTypes, explorerPage } from "./explorer-story.js";

interface Args {
  variant: "2012" | "keras" | "torchvision";
  backend: "auto" | "webgl" | "wasm" | "cpu";
  conv1: "seeded" | "bank";
  sample: string;
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
  title: "Explorers/AlexNet",
  component: "cs-alexnet-explorer",
  // No docs page: it would mount every story at once, each with 61 million weights.
  tags: ["!autodocs"],
  args: {
    variant: "2012",
    backend: "auto",
    conv1: "bank",
    sample: "chelsea.jpg",
    step: "conv1:8:20,31",
    granularity: "",
    autoplay: false,
    speed: 1,
    lang: "en",
    hide: "",
    weights: "",
    syncUrl: false,
  },
  argTypes: {
    variant: { control: "inline-radio", options: ["2012", "keras", "torchvision"] },
    backend: explorerArgTypes.backend,
    conv1: {
      control: "inline-radio",
      options: ["seeded", "bank"],
      description: "conv1's kernels with seeded weights: random, or the hand-built bank",
    },
    sample: {
      control: "select",
      options: ["chelsea.jpg", "coffee.jpg", "astronaut.jpg", "rocket.jpg", "camera.jpg"],
    },
    step: {
      control: "text",
      description: "A layer (conv2), a map (conv2:200) or a neuron (conv1:17:20,31)",
    },
    granularity: explorerArgTypes.granularity,
    autoplay: { control: "boolean", description: "Plays the player and conv1's sweep" },
    speed: explorerArgTypes.speed,
    lang: explorerArgTypes.lang,
    hide: {
      control: "text",
      description: "Space-separated: input sweep network player idea maps prediction math summary",
    },
    weights: {
      control: "text",
      description: "A model.json URL of converted trained weights (default: seeded, untrained)",
    },
    syncUrl: explorerArgTypes.syncUrl,
  },
  parameters: { layout: "fullscreen" },
  render: (args) =>
    explorerPage(
      html`<cs-alexnet-explorer
        variant=${args.variant}
        backend=${args.backend}
        conv1=${args.conv1}
        sample=${args.sample}
        step=${args.step || nothing}
        granularity=${args.granularity || nothing}
        ?autoplay=${args.autoplay}
        speed=${args.speed}
        lang=${args.lang}
        hide=${args.hide}
        weights=${args.weights || nothing}
        ?sync-url=${args.syncUrl}
      ></cs-alexnet-explorer>`,
    ),
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/**
 * AlexNet as Krizhevsky, Sutskever and Hinton trained it, in Caffe's layout, opened with conv1's
 * window on the cat: kernel 8 (a hand-built vertical edge) at output (20, 31), the window at rows 80–90
 * and columns 124–134 of the 227×227 crop, the two GPU towers below. Untrained, and it says so.
 */
export const Paper2012: Story = { name: "2012 — the paper" };

/**
 * The AlexNet of Keras tutorials: a 32×32 CIFAR-10 image blown up to 224×224, 'same' padding
 * (56×56 maps), batch normalisation in place of LRN, one device, ten classes.
 */
export const Keras: Story = {
  name: "Keras version",
  args: { variant: "keras", step: "conv1:8:20,31" },
};

/**
 * torchvision's AlexNet (Krizhevsky's 2014 "one weird trick" variant): 64-192-384-256-256 filters,
 * 224×224 input padded by 2, no groups and no LRN. Load its converted weights with `weights=`.
 */
export const Torchvision: Story = {
  name: "torchvision version (2014)",
  args: { variant: "torchvision" },
};

/**
 * conv2 map 200 lives on GPU 2: it reads only pool1's maps 48–95, its GPU's half. The network
 * draws the towers and the links that cross between them at conv3 and the dense layers.
 */
export const GroupedConv2: Story = {
  name: "Two GPUs: conv2 map 200",
  args: { step: "conv2:200", sample: "coffee.jpg" },
};

/** Overlapping 3×3/2 pooling, with the window's nine values and their maximum. */
export const OverlappingPool: Story = {
  name: "Overlapping pooling",
  args: { step: "pool1:17:12,15" },
};

/** conv1 with seeded random kernels (the default without `conv1="bank"`), sweeping. */
export const SeededSweep: Story = {
  name: "Seeded conv1, sweeping",
  args: { conv1: "seeded", step: "conv1", autoplay: true },
};

/** In Korean. */
export const Korean: Story = { name: "Korean (한국어)", args: { lang: "ko" } };

/** A `weights` URL that is not a model.json: the engine's message in place, and a way on. */
export const BadWeights: Story = {
  name: "Bad weights URL",
  args: { weights: "./index.json" },
};
