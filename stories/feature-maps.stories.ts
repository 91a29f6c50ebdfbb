import type { Meta, StoryObj } from "@storybook/web-components-vite";
import { html } from "lit";
import {
  compileModel,
  createSimulator,
  initWeights,
  type ModelSpec,
  type Simulator,
  type StepPosition,
} from "@convstep/engine";
import { ALEXNET_2012 } from "@convstep/models";
import "../packages/elements/src/feature-maps/define.js";
import { lenetSimulator } from "../packages/elements/src/test-utils/fixtures.js";

interface Args {
  /** Layer name; empty: the cursor's layer. */
  layer: string;
  scale: "layer" | "map";
  "show-input": boolean;
  "follow-cursor": boolean;
  /** Maps per row; 0: automatic. */
  columns: number;
  /** Pixels per activation; 0: automatic. */
  "cell-size": number;
}

interface Loaded {
  simulator: Simulator;
}

// One traced simulator per model for the whole Storybook session (stories share it).
const simulators = new Map<string, Promise<Simulator>>();

function shared(key: string, make: () => Promise<Simulator>): Promise<Simulator> {
  let sim = simulators.get(key);
  if (!sim) {
    sim = make();
    simulators.set(key, sim);
  }
  return sim;
}

/** AlexNet (2012) up to conv2: 96 maps of 55×55, LRN, overlapping pooling, grouped conv2. */
const ALEXNET_FRONT: ModelSpec = {
  ...ALEXNET_2012,
  name: "alexnet-2012-front",
  layers: ALEXNET_2012.layers.slice(0, 4),
};

/**
 * A 227×227 RGB test card, mean-subtracted as AlexNet expects: a sky gradient, a sun, stripes and
 * a checkerboard, so that edge and colour filters have something to find.
 */
function testCard(): Float32Array {
  const n = 227;
  const out = new Float32Array(n * n * 3);
  const mean = [123.68, 116.779, 103.939];
  for (let y = 0; y < n; y++) {
    for (let x = 0; x < n; x++) {
      let r = 60 + y * 0.6;
      let g = 110 + y * 0.5;
      let b = 220 - y * 0.4;
      const dx = x - 150;
      const dy = y - 70;
      if (dx * dx + dy * dy < 35 * 35) [r, g, b] = [250, 200, 40];
      if (y > 150) [r, g, b] = Math.floor(x / 12) % 2 ? [40, 140, 50] : [90, 180, 70];
      if (x < 80 && y > 40 && y < 140 && (Math.floor(x / 10) + Math.floor(y / 10)) % 2 === 0)
        [r, g, b] = [245, 245, 245];
      const i = (y * n + x) * 3;
      out[i] = r - mean[0];
      out[i + 1] = g - mean[1];
      out[i + 2] = b - mean[2];
    }
  }
  return out;
}

async function alexnetFront(): Promise<Simulator> {
  await lenetSimulator("1998"); // sets up the cpu backend
  const model = compileModel(ALEXNET_FRONT);
  const sim = createSimulator(model, initWeights(model, { seed: 5 }));
  await sim.run(testCard());
  return sim;
}

function at(position: StepPosition) {
  return (sim: Simulator) => {
    sim.cursor.setGranularity("neuron");
    sim.cursor.moveTo(position);
  };
}

function loader(key: string, make: () => Promise<Simulator>, place?: (sim: Simulator) => void) {
  return async (): Promise<Loaded> => {
    const simulator = await shared(key, make);
    place?.(simulator);
    return { simulator };
  };
}

const lenet1998 = () => lenetSimulator("1998").then((s) => s.simulator);
const lenetKeras = () => lenetSimulator("keras").then((s) => s.simulator);

const meta = {
  title: "Elements/cs-feature-maps",
  component: "cs-feature-maps",
  args: {
    layer: "",
    scale: "layer",
    "show-input": false,
    "follow-cursor": true,
    columns: 0,
    "cell-size": 0,
  },
  argTypes: {
    layer: {
      control: "select",
      options: ["", "C1", "S2", "C3", "S4", "C5", "flatten", "F6", "output"],
    },
    scale: { control: "inline-radio", options: ["layer", "map"] },
    columns: { control: { type: "number", min: 0, max: 32 } },
    "cell-size": { control: { type: "number", min: 0, max: 16 } },
  },
  render: (args, { loaded }) =>
    html`<cs-feature-maps
      style="max-width: 44rem"
      .simulator=${(loaded as Loaded).simulator}
      layer=${args.layer || ""}
      scale=${args.scale}
      ?show-input=${args["show-input"]}
      follow-cursor=${args["follow-cursor"] ? "true" : "false"}
      columns=${args.columns || ""}
      cell-size=${args["cell-size"] || ""}
    ></cs-feature-maps>`,
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/** LeNet-5 (1998), seeded weights, a synthetic "7": the six 28×28 maps of C1. */
export const LeNetC1: Story = {
  name: "LeNet C1",
  loaders: [loader("lenet5-1998", lenet1998, at({ layer: 0, channel: 2, y: 10, x: 14 }))],
};

/**
 * C3 with the layer below: the highlighted neuron reads a 5×5 window of only the S2 maps that
 * Table I links to its map (the others are veiled).
 */
export const LeNetC3TableI: Story = {
  name: "LeNet C3 (Table I)",
  args: { "show-input": true },
  loaders: [loader("lenet5-1998", lenet1998, at({ layer: 2, channel: 6, y: 4, x: 5 }))],
};

/** Per-map colour domains: faint maps get the full colour range too. */
export const PerMapScale: Story = {
  name: "Per-map scale",
  args: { layer: "S2", scale: "map", "follow-cursor": false },
  loaders: [loader("lenet5-1998", lenet1998)],
};

/** A vector layer: F6's 84 units as a wrapped strip of cells, with C5's 120 units below. */
export const VectorF6: Story = {
  name: "F6 as a vector",
  args: { "show-input": true },
  loaders: [loader("lenet5-1998", lenet1998, at({ layer: 6, channel: 30 }))],
};

/** Many maps: the Keras LeNet's C5 (120 units, drawn as a strip). */
export const ManyUnitsKerasC5: Story = {
  name: "Many units (Keras C5)",
  args: { layer: "C5", "follow-cursor": false },
  argTypes: {
    layer: {
      control: "select",
      options: ["", "padding", "C1", "S2", "C3", "S4", "C5", "F6", "output"],
    },
  },
  loaders: [loader("lenet5-keras", lenetKeras)],
};

/** Many maps: AlexNet conv1, 96 maps of 55×55 (290,400 values), seeded weights on a test card. */
export const ManyMapsAlexNetConv1: Story = {
  name: "Many maps (AlexNet conv1)",
  args: { layer: "conv1", "follow-cursor": false },
  argTypes: { layer: { control: "select", options: ["conv1", "norm1", "pool1", "conv2"] } },
  loaders: [loader("alexnet-front", alexnetFront)],
};

/** AlexNet conv2 (two groups): a neuron of the second group reads only pool1 maps 48–95. */
export const AlexNetConv2Groups: Story = {
  name: "AlexNet conv2 groups",
  args: { "show-input": true },
  argTypes: { layer: { control: "select", options: ["", "conv1", "norm1", "pool1", "conv2"] } },
  loaders: [loader("alexnet-front", alexnetFront, at({ layer: 3, channel: 200, y: 13, x: 13 }))],
};
