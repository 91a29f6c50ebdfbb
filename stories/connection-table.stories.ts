import type { Meta, StoryObj } from "@storybook/web-components-vite";
import { html } from "lit";
import type { Simulator } from "@convstep/engine";
import "../packages/elements/src/connection-table/define.js";
import { lenetSimulator } from "../packages/elements/src/test-utils/fixtures.js";

interface Args {
  layer: string;
  "focus-channel"?: number;
  heading?: string;
}

interface Loaded {
  simulator: Simulator;
}

// One traced simulator per variant for the whole Storybook session.
const simulators = new Map<"1998" | "keras", Promise<Simulator>>();
function simulator(variant: "1998" | "keras"): Promise<Simulator> {
  let sim = simulators.get(variant);
  if (!sim) {
    sim = lenetSimulator(variant).then((f) => f.simulator);
    simulators.set(variant, sim);
  }
  return sim;
}

const meta = {
  title: "Elements/cs-connection-table",
  component: "cs-connection-table",
  args: { layer: "C3", "focus-channel": 4 },
  argTypes: {
    "focus-channel": { control: { type: "number", min: 0, max: 15, step: 1 } },
    heading: { control: "text" },
  },
  // A real compiled LeNet-5 (1998): the table is the C3 layer's `spec.connections`.
  loaders: [async () => ({ simulator: await simulator("1998") })],
  render: (args, { loaded }) =>
    html`<cs-connection-table
      .simulator=${(loaded as Loaded).simulator}
      layer=${args.layer}
      .focusChannel=${args["focus-channel"]}
      heading=${args.heading ?? "Table I — which S2 maps feed each C3 map"}
    ></cs-connection-table>`,
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/** LeNet-5's Table I, C3 map 4 chosen: it reads S2 maps 0, 4 and 5. */
export const TableI: Story = { name: "Table I" };

/** Nothing chosen: hover a column or a row header, or tab in and use the arrow keys. */
export const Idle: Story = { args: { "focus-channel": undefined } };

/** The Keras LeNet's C3 has no table: every S2 map feeds every C3 map. */
export const FullyConnected: Story = {
  loaders: [async () => ({ simulator: await simulator("keras") })],
  args: { layer: "C3", "focus-channel": undefined, heading: "Keras LeNet: C3 fully connected" },
};
