import type { Meta, StoryObj } from "@storybook/web-components-vite";
import { html } from "lit";
import {
  compileModel,
  createSimulator,
  gridOf,
  initWeights,
  type ModelSpec,
  type Simulator,
} from "@convstep/engine";
import "../packages/elements/src/neuron-math/define.js";
import { lenetSimulator } from "../packages/elements/src/test-utils/fixtures.js";

interface Args {
  /** Layer index in the model (LeNet-5 1998: 0 C1, 1 S2, 2 C3, 3 S4, 4 C5, 5 flatten, 6 F6, 7 output). */
  layer: number;
  channel: number;
  y: number;
  x: number;
  digits: number;
  "max-channels": number;
}

interface Loaded {
  simulator: Simulator;
}

// One traced simulator per model for the whole Storybook session (stories share it).
let lenet: Promise<Simulator> | undefined;
let grouped: Promise<Simulator> | undefined;

/** 96 input maps in two groups of 48, 5×5 kernels, padding 2: AlexNet conv2's shape, small. */
const GROUPED: ModelSpec = {
  name: "grouped-conv",
  input: { shape: [6, 6, 96] },
  layers: [
    {
      name: "conv2",
      kind: "conv2d",
      filters: 4,
      kernelSize: 5,
      padding: 2,
      groups: 2,
      activation: "relu",
    },
  ],
};

async function groupedSimulator(): Promise<Simulator> {
  await lenetSimulator("1998"); // sets up the cpu backend
  const model = compileModel(GROUPED);
  const sim = createSimulator(model, initWeights(model, { seed: 3 }));
  await sim.run(
    Float32Array.from({ length: 6 * 6 * 96 }, (_, i) => Math.max(0, Math.sin(i * 0.37))),
  );
  return sim;
}

/** Moves the cursor to the args' neuron, clamped to the layer's grid. */
function place(sim: Simulator, args: Args): void {
  const layers = sim.model.layers;
  const layer = Math.min(Math.max(0, args.layer), layers.length - 1);
  const grid = gridOf(layers[layer].name, layers[layer].outputShape);
  const clamp = (v: number, n: number) => Math.min(Math.max(0, Math.round(v)), n - 1);
  sim.cursor.setGranularity("neuron");
  sim.cursor.moveTo({
    layer,
    channel: clamp(args.channel, grid.channels),
    y: clamp(args.y, grid.height),
    x: clamp(args.x, grid.width),
  });
}

const meta = {
  title: "Elements/cs-neuron-math",
  component: "cs-neuron-math",
  args: { layer: 2, channel: 4, y: 2, x: 3, digits: 3, "max-channels": 6 },
  argTypes: {
    layer: { control: { type: "number", min: 0, max: 7, step: 1 } },
    channel: { control: { type: "number", min: 0, step: 1 } },
    y: { control: { type: "number", min: 0, step: 1 } },
    x: { control: { type: "number", min: 0, step: 1 } },
    digits: { control: { type: "range", min: 2, max: 6, step: 1 } },
    "max-channels": { control: { type: "number", min: 1, max: 48, step: 1 } },
  },
  // A real LeNet-5 (1998) with seeded weights, traced on a drawn 7.
  loaders: [
    async () => ({ simulator: await (lenet ??= lenetSimulator("1998").then((f) => f.simulator)) }),
  ],
  render: (args, { loaded }) => {
    const { simulator } = loaded as Loaded;
    place(simulator, args);
    return html`<cs-neuron-math
      style="max-width: 60rem"
      .simulator=${simulator}
      digits=${args.digits}
      max-channels=${args["max-channels"]}
    ></cs-neuron-math>`;
  },
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/** C3 map 4 reads S2 maps 0, 4 and 5 (Table I): three patches, three kernel slices. */
export const C3Convolution: Story = { name: "C3 convolution" };

/** C1 reads the 32×32 input: one 5×5 patch of the digit. */
export const C1Convolution: Story = {
  name: "C1 convolution",
  args: { layer: 0, channel: 2, y: 8, x: 12 },
};

/** S2: four C1 values summed, times a trainable coefficient, plus a bias, squashed. */
export const S2Subsampling: Story = {
  name: "S2 subsampling",
  args: { layer: 1, channel: 3, y: 4, x: 6 },
};

/** F6: 120 inputs; the ten largest products are listed. */
export const F6Dense: Story = { name: "F6 dense", args: { layer: 6, channel: 11, y: 0, x: 0 } };

/** The output: squared Euclidean distance from F6 to digit 7's ±1 code. */
export const RbfOutput: Story = { name: "RBF output", args: { layer: 7, channel: 7, y: 0, x: 0 } };

/** A corner neuron of a grouped, padded convolution: 48 channels, hatched padding, “+44 more”. */
export const GroupedPadded: Story = {
  args: { layer: 0, channel: 3, y: 0, x: 0, "max-channels": 4 },
  loaders: [async () => ({ simulator: await (grouped ??= groupedSimulator()) })],
};
