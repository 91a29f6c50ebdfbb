import type { Meta, StoryObj } from "@storybook/web-components-vite";
import { html } from "lit";
import type { Simulator } from "@convstep/engine";
import "../packages/elements/src/network/define.js";
import { lenetSimulator } from "../packages/elements/src/test-utils/fixtures.js";

interface Args {
  focusLayer?: string;
  focusChannel?: number;
  showLinks: boolean;
  pageSize: number;
  /** Width of the frame around the element (to try 320–1200 px). */
  width: string;
}

interface Loaded {
  simulator: Simulator;
}

/** A traced LeNet-5 whose cursor stands on a layer and channel. */
const lenet =
  (variant: "1998" | "keras", layer: string, channel: number) => async (): Promise<Loaded> => {
    const { simulator } = await lenetSimulator(variant);
    const index = simulator.model.layers.findIndex((l) => l.name === layer);
    simulator.cursor.moveTo({ layer: index, channel });
    return { simulator };
  };

const meta = {
  title: "Elements/cs-network",
  component: "cs-network",
  args: { showLinks: true, pageSize: 32, width: "100%" },
  argTypes: {
    focusLayer: { control: "text", name: "focus-layer" },
    focusChannel: { control: { type: "number", min: 0 }, name: "focus-channel" },
    showLinks: { control: "boolean", name: "show-links" },
    pageSize: { control: { type: "number", min: 1, max: 128 }, name: "page-size" },
    width: { control: "inline-radio", options: ["320px", "640px", "100%"] },
  },
  render: (args, { loaded }) =>
    html`<div style="width:${args.width};max-width:1200px">
      <cs-network
        .simulator=${(loaded as Loaded).simulator}
        focus-layer=${args.focusLayer ?? ""}
        focus-channel=${args.focusChannel ?? 0}
        show-links=${String(args.showLinks)}
        page-size=${args.pageSize}
      ></cs-network>
    </div>`,
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/**
 * LeNet-5 as LeCun et al. published it (1998), with the cursor on C3 map 4: Table I wires it to
 * S2 maps 0, 4 and 5 only. Click a map or a layer; ←/→, ↑/↓ and Enter work from the keyboard.
 */
export const Lenet1998: Story = {
  name: "LeNet-5 (1998), C3 focused",
  loaders: [lenet("1998", "C3", 4)],
};

/** The Keras LeNet-5 of blog posts: its C3 is fully connected, so every S2 map feeds map 4. */
export const LenetKeras: Story = {
  name: "LeNet-5 (Keras)",
  loaders: [lenet("keras", "C3", 4)],
};

/** `focus-layer` and `focus-channel` override the cursor (the connection table uses them). */
export const FocusOverride: Story = {
  name: "focus-layer=C3 focus-channel=12",
  args: { focusLayer: "C3", focusChannel: 12 },
  loaders: [lenet("1998", "C1", 0)],
};

/** F6 focused: a fan from every unit of the flatten layer, paged by 32 (here 16). */
export const FullyConnected: Story = {
  name: "F6 fan-in, paged",
  args: { pageSize: 16 },
  loaders: [lenet("1998", "F6", 3)],
};

/** A phone-sized frame: the columns keep their minimum width and the network scrolls. */
export const Narrow: Story = {
  name: "320 px",
  args: { width: "320px" },
  loaders: [lenet("1998", "S4", 2)],
};
