/**
 * Writes packages/models/data/mnist-test-500.bin: 500 digits of the test split (50 per class,
 * in the order 0, 1, …, 9, 0, …) in convstep's digit-file format. Deterministic: running it again
 * gives the same bytes. Also writes mnist-test-500.deflate, the same bytes compressed with raw
 * deflate (what the digit pad fetches: 82 KB instead of 392 KB, on any static host).
 *
 *   npm run data:digits
 */
import { writeFileSync } from "node:fs";
import { deflateRawSync } from "node:zlib";
import { encodeDigits } from "../packages/models/src/mnist/digit-file.js";
import { balancedSample, loadMnistSplit } from "./lib/mnist-source.js";
import { repoPath } from "./lib/paths.js";

const out = repoPath("packages", "models", "data", "mnist-test-500.bin");
const { test } = loadMnistSplit();
const sample = balancedSample(test, 50);
const bytes = encodeDigits({ ...sample, rows: 28, cols: 28 });
writeFileSync(out, bytes);
console.log(`wrote ${out}: ${sample.count} digits, ${bytes.length} bytes`);
const packed = deflateRawSync(bytes, { level: 9 });
writeFileSync(out.replace(/\.bin$/, ".deflate"), packed);
console.log(`wrote ${out.replace(/\.bin$/, ".deflate")}: ${packed.length} bytes`);
