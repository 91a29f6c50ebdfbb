import type { Meta, StoryObj } from "@storybook/web-components-vite";
import { html } from "lit";
import "../packages/elements/src/activation-race/define.js";

interface Args {
  seed: number;
  learningRate: string;
  batchSize: string;
  epochs: string;
  digits: number;
  lang: "en" | "ko";
}

const meta = {
  title: "Elements/cs-activation-race",
  component: "cs-activation-race",
  args: { seed: 1, learningRate: "0.1", batchSize: "32", epochs: "2", digits: 2000, lang: "en" },
  argTypes: { lang: { control: "inline-radio", options: ["en", "ko"] } },
  render: (args) =>
    html`<cs-activation-race
      seed=${args.seed}
      learning-rate=${args.learningRate}
      batch-size=${args.batchSize}
      epochs=${args.epochs}
      digits=${args.digits}
      lang=${args.lang}
    ></cs-activation-race>`,
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/** The CLI's defaults (`convstep experiment relu-vs-tanh`): press "Run the race". */
export const ReluVersusTanh: Story = { name: "ReLU versus tanh" };

/** A lower learning rate: the runs take longer to reach 25 %. */
export const LowerRate: Story = { args: { learningRate: "0.05", epochs: "3" } };

/** In Korean. */
export const Korean: Story = { args: { lang: "ko" } };
