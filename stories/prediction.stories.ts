import type { Meta, StoryObj } from "@storybook/web-components-vite";
import { html } from "lit";
import "../packages/elements/src/prediction/define.js";
import { CIFAR10_CLASSES } from "@convstep/models";

interface Args {
  values: number[];
  classes?: readonly string[];
  kind: "probabilities" | "distances" | "scores";
  top: number;
}

const meta = {
  title: "Elements/cs-prediction",
  component: "cs-prediction",
  args: { kind: "probabilities", top: 10, values: [] },
  argTypes: {
    kind: { control: "inline-radio", options: ["probabilities", "distances", "scores"] },
    top: { control: { type: "number", min: 1, max: 20 } },
  },
  render: (args) =>
    html`<cs-prediction
      .values=${args.values}
      .classes=${args.classes}
      kind=${args.kind}
      top=${args.top}
    ></cs-prediction>`,
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/** A softmax over CIFAR-10's classes, as the Keras AlexNet ends. */
export const Probabilities: Story = {
  args: {
    values: [0.02, 0.01, 0.05, 0.61, 0.04, 0.19, 0.03, 0.02, 0.02, 0.01],
    classes: CIFAR10_CLASSES,
  },
};

/** LeNet-5 (1998) ends in Euclidean RBF units: the digit whose code is nearest wins. */
export const RbfDistances: Story = {
  name: "RBF distances",
  args: {
    kind: "distances",
    values: [61.2, 70.4, 58.9, 40.1, 66.0, 52.3, 73.8, 12.7, 55.5, 47.9],
  },
};
