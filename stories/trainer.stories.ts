import type { Meta, StoryObj } from "@storybook/web-components-vite";
import { html } from "lit";
import "../packages/elements/src/trainer/define.js";
import "../packages/elements/src/lenet-explorer/define.js";

interface Args {
  model: "keras" | "1998";
  learningRate: string;
  batchSize: string;
  epochs: string;
  digits: number;
  backend: "auto" | "cpu" | "webgl";
  lang: "en" | "ko";
}

const meta = {
  title: "Elements/cs-trainer",
  component: "cs-trainer",
  args: {
    model: "keras",
    learningRate: "0.05",
    batchSize: "32",
    epochs: "2",
    digits: 1000,
    backend: "auto",
    lang: "en",
  },
  argTypes: {
    model: { control: "inline-radio", options: ["keras", "1998"] },
    backend: { control: "inline-radio", options: ["auto", "cpu", "webgl"] },
    lang: { control: "inline-radio", options: ["en", "ko"] },
  },
  render: (args) =>
    html`<cs-trainer
      model=${args.model}
      learning-rate=${args.learningRate}
      batch-size=${args.batchSize}
      epochs=${args.epochs}
      digits=${args.digits}
      backend=${args.backend}
      lang=${args.lang}
    ></cs-trainer>`,
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/** The Keras LeNet-5 on 1,000 of the shipped digits: press Start. */
export const KerasLenet: Story = { name: "Keras LeNet" };

/** The paper's LeNet-5 (RBF outputs, LeCun's MAP criterion) with its own learning rate. */
export const Lenet1998: Story = {
  name: "LeNet-5 (1998)",
  args: { model: "1998", learningRate: "0.002" },
};

/** The same, in Korean. */
export const Korean: Story = { args: { lang: "ko" } };

/** A trainer and an explorer on one page: when a run ends, the explorer runs on its weights. */
export const WithExplorer: Story = {
  render: (args) =>
    html`<cs-trainer
        id="trainer"
        model=${args.model}
        learning-rate=${args.learningRate}
        epochs=${args.epochs}
        digits=${args.digits}
        lang=${args.lang}
      ></cs-trainer>
      <cs-lenet-explorer
        variant=${args.model}
        trainer="trainer"
        lang=${args.lang}
      ></cs-lenet-explorer>`,
};
