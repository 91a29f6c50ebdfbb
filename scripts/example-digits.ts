/**
 * The two digit images the README and docs/cli.md run the CLI on, drawn from the bundled MNIST
 * test digits (packages/models/data/mnist-test-500.bin, all from the test split): pure functions
 * from the digit set to grey pixels, so that a test can check the committed PNGs against them.
 */
import type { DigitSet } from "../packages/models/src/index.js";

/** One example image: grey levels 0 (black) to 255 (white), row-major. */
export interface ExampleDigit {
  /** Path from the repository root. */
  readonly path: string;
  readonly width: number;
  readonly height: number;
  readonly grey: Uint8Array;
  /** The digit it shows. */
  readonly label: number;
}

/** Test digit 13 (a "3", the digit the LeNet explorer opens on) as MNIST stores it: 28×28, light on dark. */
export const DIGIT_INDEX = 13;
/** Test digit 37 (a "7"), drawn as a reader would photograph it. */
export const SEVEN_INDEX = 37;

/** The example images, from the bundled digit set. */
export function exampleDigits(set: DigitSet): ExampleDigit[] {
  const at = (index: number, x: number, y: number) =>
    set.images[index * set.rows * set.cols + y * set.cols + x];
  const digit = new Uint8Array(28 * 28);
  for (let y = 0; y < 28; y++)
    for (let x = 0; x < 28; x++) digit[y * 28 + x] = at(DIGIT_INDEX, x, y);
  // Three times larger (each pixel a 3×3 block), dark ink on white paper, off-centre in 120×100.
  const [width, height, scale, left, top] = [120, 100, 3, 28, 8];
  const seven = new Uint8Array(width * height).fill(255);
  for (let y = 0; y < 28 * scale; y++) {
    for (let x = 0; x < 28 * scale; x++) {
      seven[(top + y) * width + left + x] =
        255 - at(SEVEN_INDEX, Math.floor(x / scale), Math.floor(y / scale));
    }
  }
  return [
    {
      path: "docs/examples/digit-3.png",
      width: 28,
      height: 28,
      grey: digit,
      label: set.labels[DIGIT_INDEX],
    },
    {
      path: "docs/examples/seven-on-paper.png",
      width,
      height,
      grey: seven,
      label: set.labels[SEVEN_INDEX],
    },
  ];
}
