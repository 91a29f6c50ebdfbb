import type { Meta, StoryObj } from "@storybook/web-components-vite";
import { html } from "lit";
import { compileModel, type CompiledModel } from "@convstep/engine";
import { getModelSpec, type ModelName } from "@convstep/models";
import "../packages/elements/src/model-summary/define.js";
import { lenetSimulator } from "../packages/elements/src/test-utils/fixtures.js";

interface Args {
  model: ModelName;
  metric: "params" | "macs";
  highlight: string;
  notes: boolean;
}

const compiled = new Map<ModelName, CompiledModel>();
/** Compiles each spec once (a compiled model is plain data). */
function modelOf(name: ModelName): CompiledModel {
  let model = compiled.get(name);
  if (!model) compiled.set(name, (model = compileModel(getModelSpec(name))));
  return model;
}

const meta = {
  title: "Elements/cs-model-summary",
  component: "cs-model-summary",
  args: { model: "lenet5-1998", metric: "params", highlight: "", notes: false },
  argTypes: {
    model: {
      control: "select",
      options: ["lenet5-1998", "lenet5-keras", "alexnet-2012", "alexnet-keras"],
    },
    metric: { control: "inline-radio", options: ["params", "macs"] },
    highlight: { control: "text" },
  },
  render: (args) =>
    html`<cs-model-summary
      style="max-width: 760px"
      .model=${modelOf(args.model)}
      metric=${args.metric}
      highlight=${args.highlight || undefined}
      ?notes=${args.notes}
    ></cs-model-summary>`,
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/** LeNet-5 as published: 60,000 parameters, 340,908 connections; C5 holds 80% of the weights. */
export const Lenet1998: Story = {
  name: "LeNet-5 (1998)",
  args: { model: "lenet5-1998", notes: true },
};

/** The common Keras LeNet: a fully connected C3 and a dense softmax output, 61,706 parameters. */
export const LenetKeras: Story = { name: "LeNet-5 (Keras)", args: { model: "lenet5-keras" } };

/** AlexNet (Caffe layout): fc6 alone holds 62% of the 60,965,224 parameters. */
export const Alexnet2012: Story = {
  name: "AlexNet (2012)",
  args: { model: "alexnet-2012", highlight: "fc6" },
};

/** …but the convolutions do almost all the arithmetic: 724,406,816 multiply-adds. */
export const Alexnet2012MultiplyAdds: Story = {
  name: "AlexNet (2012), multiply-adds",
  args: { model: "alexnet-2012", metric: "macs" },
};

/** The CIFAR-10 Keras AlexNet, with its 1,216 non-trainable BatchNormalization statistics. */
export const AlexnetKeras: Story = { name: "AlexNet (Keras)", args: { model: "alexnet-keras" } };

/** Given a simulator, the row of the cursor's layer is highlighted (here C3). */
export const WithSimulator: Story = {
  loaders: [
    async () => {
      const { simulator } = await lenetSimulator("1998");
      simulator.cursor.moveTo({ layer: 2 });
      return { simulator };
    },
  ],
  render: (args, { loaded }) =>
    html`<cs-model-summary
      style="max-width: 760px"
      .simulator=${loaded.simulator}
      metric=${args.metric}
    ></cs-model-summary>`,
};
