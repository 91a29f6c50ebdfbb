// The bank is checked on hand-made images with a plain convolution written here (no tfjs): edge
// kernels must prefer the edge direction they are labelled with, colour kernels must ignore grey.
import { describe, expect, it } from "vitest";
import {
  CONV1_BANK_NORM,
  alexnetConv1Bank,
  conv1BankGain,
  opponentColour,
  type Conv1Bank,
} from "./alexnet-conv1-bank.js";
import { ALEXNET_2012 } from "./alexnet-2012.js";
import { ALEXNET_KERAS } from "./alexnet-keras.js";

const K = 11;
const F = 96;

function tap(bank: Conv1Bank, ky: number, kx: number, c: number, o: number): number {
  return bank.kernel[((ky * K + kx) * 3 + c) * F + o];
}

/** An RGB image `size × size` (HWC) from a function of (y, x) → [r, g, b]. */
function image(size: number, at: (y: number, x: number) => readonly number[]): Float32Array {
  const out = new Float32Array(size * size * 3);
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) out.set(at(y, x), (y * size + x) * 3);
  return out;
}

/** Largest response of filter `o` over every valid 11×11 position (stride 1), ReLU'd. */
function maxResponse(bank: Conv1Bank, o: number, img: Float32Array, size: number): number {
  let best = 0;
  for (let y = 0; y + K <= size; y++)
    for (let x = 0; x + K <= size; x++) {
      let sum = bank.bias[o];
      for (let ky = 0; ky < K; ky++)
        for (let kx = 0; kx < K; kx++)
          for (let c = 0; c < 3; c++)
            sum += img[((y + ky) * size + x + kx) * 3 + c] * tap(bank, ky, kx, c, o);
      best = Math.max(best, sum);
    }
  return best;
}

const SIZE = 23;
/** Dark left half, bright right half: a vertical edge (contrast 200, around the mean 0). */
const verticalStep = image(SIZE, (_y, x) => (x < SIZE / 2 ? [-100, -100, -100] : [100, 100, 100]));
/** Dark top half, bright bottom half: a horizontal edge. */
const horizontalStep = image(SIZE, (y) => (y < SIZE / 2 ? [-100, -100, -100] : [100, 100, 100]));

describe("alexnetConv1Bank", () => {
  const bank = alexnetConv1Bank();

  it("shape [11, 11, 3, 96]: 11·11·3·96 = 34,848 weights and 96 zero biases", () => {
    expect(bank.shape).toEqual([11, 11, 3, 96]);
    expect(bank.kernel).toHaveLength(34_848);
    expect(bank.bias).toEqual(new Float32Array(96));
    expect(bank.info).toHaveLength(96);
  });

  it("the shape matches conv1/kernel of both AlexNet specs (11×11, 96 filters, RGB input)", () => {
    for (const spec of [ALEXNET_2012, ALEXNET_KERAS]) {
      const conv1 = spec.layers.find((l) => l.name === "conv1")!;
      expect(conv1).toMatchObject({ kind: "conv2d", filters: 96, kernelSize: 11 });
      expect(spec.input.shape[2]).toBe(3);
    }
  });

  it("deterministic: two calls give identical numbers", () => {
    expect(alexnetConv1Bank().kernel).toEqual(bank.kernel);
  });

  it("filters 0–47 are GPU 1 grey edges, 48–95 GPU 2 colour kernels", () => {
    expect(bank.info.slice(0, 48).every((i) => i.gpu === 1 && i.kind === "edge")).toBe(true);
    expect(bank.info.slice(48).every((i) => i.gpu === 2)).toBe(true);
    const kinds = bank.info.slice(48).map((i) => i.kind);
    expect(kinds.filter((k) => k === "blob")).toHaveLength(16);
    expect(kinds.filter((k) => k === "colour-edge")).toHaveLength(16);
    expect(kinds.filter((k) => k === "centre-surround")).toHaveLength(16);
  });

  it("every kernel has zero mean and L2 norm 1/16", () => {
    for (let o = 0; o < F; o++) {
      let sum = 0;
      let sq = 0;
      for (let i = 0; i < K * K * 3; i++) {
        const v = bank.kernel[i * F + o];
        sum += v;
        sq += v * v;
      }
      expect(sum, `filter ${o}`).toBeCloseTo(0, 6);
      expect(Math.sqrt(sq), `filter ${o}`).toBeCloseTo(CONV1_BANK_NORM, 6);
    }
  });

  it("GPU 1 kernels weigh R, G, B equally at every tap (colour-agnostic)", () => {
    for (let o = 0; o < 48; o++)
      for (let ky = 0; ky < K; ky++)
        for (let kx = 0; kx < K; kx++) {
          const r = tap(bank, ky, kx, 0, o);
          expect(tap(bank, ky, kx, 1, o)).toBeCloseTo(r, 7);
          expect(tap(bank, ky, kx, 2, o)).toBeCloseTo(r, 7);
        }
  });

  it("GPU 2 kernels have R + G + B = 0 at every tap: a grey image gives them nothing", () => {
    for (let o = 48; o < F; o++)
      for (let ky = 0; ky < K; ky++)
        for (let kx = 0; kx < K; kx++) {
          const s = tap(bank, ky, kx, 0, o) + tap(bank, ky, kx, 1, o) + tap(bank, ky, kx, 2, o);
          expect(Math.abs(s)).toBeLessThan(1e-7);
        }
    for (const o of [48, 60, 70, 90]) {
      expect(maxResponse(bank, o, verticalStep, SIZE)).toBeLessThan(1e-4);
    }
  });

  it("a vertical-edge kernel responds more to a vertical step than to a horizontal one (and vice versa)", () => {
    const find = (orientation: number) =>
      bank.info.findIndex(
        (i) =>
          i.kind === "edge" &&
          i.orientation === orientation &&
          i.wavelength === 10 &&
          i.phase === "odd",
      );
    const vertical = find(90);
    const horizontal = find(0);
    expect(vertical).toBeGreaterThanOrEqual(0);
    expect(horizontal).toBeGreaterThanOrEqual(0);
    const vOnV = maxResponse(bank, vertical, verticalStep, SIZE);
    const vOnH = maxResponse(bank, vertical, horizontalStep, SIZE);
    const hOnH = maxResponse(bank, horizontal, horizontalStep, SIZE);
    const hOnV = maxResponse(bank, horizontal, verticalStep, SIZE);
    expect(vOnV).toBeGreaterThan(1);
    expect(vOnV).toBeGreaterThan(10 * vOnH);
    expect(hOnH).toBeGreaterThan(10 * hOnV);
  });

  it("the vertical odd kernel is negative on the left and positive on the right (dark → bright)", () => {
    const o = bank.info.findIndex(
      (i) => i.kind === "edge" && i.orientation === 90 && i.wavelength === 10 && i.phase === "odd",
    );
    expect(tap(bank, 5, 3, 0, o)).toBeLessThan(0);
    expect(tap(bank, 5, 7, 0, o)).toBeGreaterThan(0);
  });

  it("a red blob fires on a red patch and not on a green one", () => {
    const red = bank.info.findIndex((i) => i.kind === "blob" && i.hue === 0);
    const redPatch = image(SIZE, (y, x) =>
      Math.hypot(y - 11, x - 11) < 3 ? [120, -40, -40] : [0, 0, 0],
    );
    const greenPatch = image(SIZE, (y, x) =>
      Math.hypot(y - 11, x - 11) < 3 ? [-40, 120, -40] : [0, 0, 0],
    );
    expect(maxResponse(bank, red, redPatch, SIZE)).toBeGreaterThan(1);
    expect(maxResponse(bank, red, greenPatch, SIZE)).toBe(0);
  });

  it("opponentColour: unit length, no luminance; 0° is red−green, 90° yellow−blue", () => {
    for (const hue of [0, 45, 90, 200]) {
      const [r, g, b] = opponentColour(hue);
      expect(Math.hypot(r, g, b)).toBeCloseTo(1, 10);
      expect(r + g + b).toBeCloseTo(0, 10);
    }
    expect(opponentColour(0)[0]).toBeGreaterThan(0);
    expect(opponentColour(0)[1]).toBeLessThan(0);
    expect(opponentColour(90)[2]).toBeLessThan(0);
  });

  it("conv1BankGain: 1/16 for 0–255 inputs (2012), 255/16 for [0, 1] inputs (Keras)", () => {
    expect(conv1BankGain(ALEXNET_2012.input.range as [number, number])).toBe(1 / 16);
    expect(conv1BankGain(ALEXNET_KERAS.input.range as [number, number])).toBe(255 / 16);
    const big = alexnetConv1Bank({ norm: 2 });
    expect(big.kernel[5]).toBeCloseTo(bank.kernel[5] * 32, 6);
  });
});
