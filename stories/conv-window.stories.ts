import type { Meta, StoryObj } from "@storybook/web-components-vite";
import { html } from "lit";
import "../packages/elements/src/conv-window/define.js";

interface Args {
  preset?: string;
  n: number;
  k: number;
  s: number;
  p: number;
  d: number;
  padding: "explicit" | "same" | "valid";
  sample: string;
  src?: string;
  greyscale: boolean;
  kernel: "blur" | "edges";
  autoplay: boolean;
  speed?: number;
  step: number;
}

const meta = {
  title: "Elements/cs-conv-window",
  component: "cs-conv-window",
  args: {
    n: 227,
    k: 11,
    s: 4,
    p: 0,
    d: 1,
    padding: "explicit",
    sample: "chelsea.jpg",
    greyscale: false,
    kernel: "blur",
    autoplay: false,
    step: 0,
  },
  argTypes: {
    preset: {
      control: "select",
      options: [undefined, "alexnet-conv1", "alexnet-224", "torchvision", "keras-same", "lenet-c1"],
    },
    n: { control: { type: "range", min: 1, max: 256, step: 1 } },
    k: { control: { type: "range", min: 1, max: 15, step: 1 } },
    s: { control: { type: "range", min: 1, max: 8, step: 1 } },
    p: { control: { type: "range", min: 0, max: 16, step: 1 } },
    d: { control: { type: "range", min: 1, max: 6, step: 1 } },
    padding: { control: "inline-radio", options: ["explicit", "same", "valid"] },
    sample: {
      control: "select",
      options: ["chelsea.jpg", "coffee.jpg", "astronaut.jpg", "rocket.jpg", "camera.jpg"],
    },
    src: { control: "text" },
    kernel: { control: "inline-radio", options: ["blur", "edges"] },
    speed: { control: { type: "number", min: 0, max: 400 } },
    step: { control: { type: "number", min: 0 } },
  },
  render: (args) =>
    html`<cs-conv-window
      style="max-width: 820px"
      preset=${args.preset ?? undefined}
      n=${args.n}
      k=${args.k}
      s=${args.s}
      p=${args.p}
      d=${args.d}
      padding=${args.padding}
      sample=${args.sample}
      src=${args.src ?? undefined}
      ?greyscale=${args.greyscale}
      kernel=${args.kernel}
      ?autoplay=${args.autoplay}
      speed=${args.speed ?? undefined}
      step=${args.step}
    ></cs-conv-window>`,
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/** AlexNet's first layer as Caffe runs it: (227 − 11)/4 + 1 = 55, an exact fit. */
export const AlexNetConv1: Story = {
  name: "AlexNet conv1",
  args: { preset: "alexnet-conv1", step: 1674 },
};

/** The paper's 224: (224 − 11)/4 + 1 = 54.25 does not divide; the last column is never read. */
export const Paper224: Story = {
  name: "224 × 224 (the paper's figure)",
  args: { preset: "alexnet-224", step: 1673 },
};

/** torchvision pads by 2: 55.25, floored to 55, and only padding is left over. */
export const Torchvision: Story = { args: { preset: "torchvision", step: 3024 } };

/** Keras' `same` padding: 7 zeros, 3 top/left and 4 bottom/right, so that ⌈224/4⌉ = 56. */
export const KerasSame: Story = {
  name: "Keras, same padding",
  args: { preset: "keras-same", step: 3135 },
};

/** LeNet-5's C1: 32 − 5 + 1 = 28, on the cameraman, with an edge kernel. */
export const LeNetC1: Story = {
  name: "LeNet C1",
  args: { preset: "lenet-c1", sample: "camera.jpg", greyscale: true, kernel: "edges", step: 369 },
};

/** Dilation 2 on a small input: the kernel's taps spread out, k_eff = 2·(3 − 1) + 1 = 5. */
export const Dilated: Story = {
  args: { n: 12, k: 3, s: 1, p: 0, d: 2, sample: "astronaut.jpg", step: 9 },
};

/** A window larger than the padded input: the output would be empty, and the widget says so. */
export const Empty: Story = { args: { n: 8, k: 11, s: 4, p: 1 } };
