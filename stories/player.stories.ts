import type { Meta, StoryObj } from "@storybook/web-components-vite";
import { html } from "lit";
import { compileModel, Cursor, type Simulator } from "@convstep/engine";
import { getModelSpec } from "@convstep/models";
import "../packages/elements/src/player/define.js";
import { lenetSimulator } from "../packages/elements/src/test-utils/fixtures.js";

interface Args {
  granularity: "layer" | "channel" | "neuron";
  speed: number;
  autoplay: boolean;
  hide: string;
}

/** A real LeNet-5 (1998) simulator, traced on a synthetic "7" (seeded weights, cpu backend). */
async function loadLenet() {
  const { simulator } = await lenetSimulator("1998");
  return { simulator };
}

const meta = {
  title: "Elements/cs-player",
  component: "cs-player",
  args: { granularity: "layer", speed: 1, autoplay: false, hide: "" },
  argTypes: {
    granularity: { control: "inline-radio", options: ["layer", "channel", "neuron"] },
    speed: { control: "select", options: [0.25, 0.5, 1, 2, 4, 8] },
    hide: {
      control: "text",
      description: "Space-separated: ends step play timeline readout speed granularity",
    },
  },
  loaders: [loadLenet],
  render: (args, { loaded }) =>
    html`<cs-player
      .simulator=${loaded.simulator as Simulator}
      granularity=${args.granularity}
      speed=${args.speed}
      ?autoplay=${args.autoplay}
      hide=${args.hide}
    ></cs-player>`,
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/** One step per layer: C1, S2, C3, S4, C5, flatten, F6, output. */
export const Layers: Story = {};

/** One step per feature map; short layers show a tick per channel. */
export const Channels: Story = { args: { granularity: "channel" } };

/** One step per neuron (8,214 in LeNet-5); playback moves about ten neurons per frame in C1. */
export const Neurons: Story = { args: { granularity: "neuron", speed: 2 } };

/** A minimal bar: play, timeline and readout only. */
export const Minimal: Story = { args: { hide: "ends speed granularity" } };

/**
 * AlexNet (2012) at neuron granularity: about 1.28 million steps on one timeline, never turned
 * into DOM nodes. Only the cursor is real here (no weights, no run), so the live region has no
 * values to read.
 */
export const AlexNetScale: Story = {
  name: "AlexNet scale",
  args: { granularity: "neuron" },
  loaders: [
    () => {
      const model = compileModel(getModelSpec("alexnet-2012"));
      const stand = Object.assign(new EventTarget(), {
        model,
        cursor: new Cursor(model),
        trace: null,
      });
      return { simulator: stand as unknown as Simulator };
    },
  ],
};
