/**
 * Writes packages/models/data/mnist-train-3000.bin.deflate: 3,000 digits of convstep's MNIST
 * training split (300 per class, in the order 0, 1, …, 9, 0, …) in the digit-file format (`CSDG`),
 * compressed with raw deflate (level 9). Browsers inflate it with
 * `DecompressionStream("deflate-raw")`, Node with the same global. Deterministic: running it again
 * gives the same bytes.
 *
 *   npm run data:training-digits
 */
import { writeFileSync } from "node:fs";
import { deflateRawSync } from "node:zlib";
import { encodeDigits } from "../packages/models/src/mnist/digit-file.js";
import { balancedSample, loadMnistSplit } from "./lib/mnist-source.js";
import { repoPath } from "./lib/paths.js";

const PER_CLASS = 300;
const out = repoPath("packages", "models", "data", "mnist-train-3000.bin.deflate");
const { train } = loadMnistSplit();
const sample = balancedSample(train, PER_CLASS);
const raw = encodeDigits({ ...sample, rows: 28, cols: 28 });
const bytes = deflateRawSync(raw, { level: 9 });
writeFileSync(out, bytes);
console.log(
  `wrote ${out}: ${sample.count} digits, ${raw.length} bytes raw, ${bytes.length} deflated`,
);
