import type { Meta, StoryObj } from "@storybook/web-components-vite";
import { html } from "lit";
import "../packages/elements/src/image-input/define.js";

interface Args {
  target: "alexnet-2012" | "alexnet-keras";
  sample: string;
  src?: string;
}

const meta = {
  title: "Elements/cs-image-input",
  component: "cs-image-input",
  args: { target: "alexnet-2012", sample: "chelsea.jpg" },
  argTypes: {
    target: { control: "inline-radio", options: ["alexnet-2012", "alexnet-keras"] },
    sample: {
      control: "select",
      options: ["chelsea.jpg", "coffee.jpg", "astronaut.jpg", "rocket.jpg", "camera.jpg"],
    },
    src: { control: "text" },
  },
  render: (args) =>
    html`<cs-image-input
        style="max-width: 820px"
        target=${args.target}
        sample=${args.sample}
        src=${args.src ?? undefined}
        @cs-input=${(e: Event) => {
          const { shape, source, data } = e as Event & {
            shape: number[];
            source: string;
            data: Float32Array;
          };
          let min = Infinity;
          let max = -Infinity;
          for (const v of data) {
            if (v < min) min = v;
            if (v > max) max = v;
          }
          const log = (e.currentTarget as HTMLElement).nextElementSibling;
          if (log) {
            log.textContent = `cs-input: ${shape.join(" × ")} from ${source}, values ${min.toFixed(2)} … ${max.toFixed(2)}`;
          }
        }}
      ></cs-image-input>
      <p style="font: 12px ui-monospace, monospace; color: #57606a">cs-input: nothing yet</p>`,
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/** AlexNet (2012): the shorter side scaled to 227, the centre cropped, the ImageNet mean subtracted. */
export const AlexNet2012: Story = { name: "AlexNet 2012" };

/** The Keras AlexNet is trained on CIFAR-10: the photo shrinks to 32 × 32, shown here with crisp pixels. */
export const AlexNetKeras: Story = {
  name: "AlexNet Keras",
  args: { target: "alexnet-keras", sample: "coffee.jpg" },
};

/** A tall crop: the rocket launch, for AlexNet (2012). */
export const Rocket: Story = { args: { sample: "rocket.jpg" } };

/** A photo that cannot be loaded: the widget says so and the samples still work. */
export const LoadError: Story = {
  // The browser logs the deliberate 404; the Storybook test allows it for stories tagged so.
  tags: ["!autodocs", "expects-404"],
  args: { src: "./convstep/samples/missing.jpg" },
};
