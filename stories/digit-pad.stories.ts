import type { Meta, StoryObj } from "@storybook/web-components-vite";
import { html } from "lit";
import "../packages/elements/src/digit-pad/define.js";

interface Args {
  size: number;
  brush?: number;
  samples: number;
  src?: string;
}

const meta = {
  title: "Elements/cs-digit-pad",
  component: "cs-digit-pad",
  args: { size: 224, samples: 20 },
  argTypes: {
    size: { control: { type: "range", min: 140, max: 400, step: 4 } },
    brush: { control: { type: "number", min: 2, max: 60 } },
    samples: { control: { type: "number", min: 0, max: 50, step: 1 } },
    src: { control: "text" },
  },
  render: (args) =>
    html`<cs-digit-pad
        size=${args.size}
        brush=${args.brush ?? undefined}
        samples=${args.samples}
        src=${args.src ?? undefined}
        @cs-input=${(e: Event) => {
          const { source, label } = e as Event & { source: string; label?: number };
          const log = (e.currentTarget as HTMLElement).nextElementSibling;
          if (log)
            log.textContent = `cs-input: 28×28 from ${source}${label === undefined ? "" : ` (label ${label})`}`;
        }}
      ></cs-digit-pad>
      <p style="font: 12px ui-monospace, monospace; color: #57606a">cs-input: nothing yet</p>`,
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/** Draw a digit, or pick one of the 500 bundled MNIST test digits (two of each class at a time). */
export const Default: Story = {};

/** A larger pad: the brush grows with it, so the preprocessed strokes stay MNIST-thick. */
export const Large: Story = { args: { size: 320, samples: 10 } };

/** The digit file cannot be loaded: the strip says so, and drawing still works. */
export const LoadError: Story = {
  // The browser logs the deliberate 404; the Storybook test allows it for stories tagged so.
  tags: ["!autodocs", "expects-404"],
  args: { src: "./convstep/data/missing.bin" },
};
