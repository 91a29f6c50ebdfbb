/**
 * Writes packages/models/data/mnist-test-500.bin: 500 digits of the test split (50 per class,
 * in the order 0, 1, …, 9, 0, …) in convstep's digit-file format. Deterministic: running it again
 * gives the same bytes.
 *
 *   npm run data:digits
 */
import { writeFileSync } from "node:fs";
import { encodeDigits } from "../packages/models/src/mnist/digit-file.js";
import { balancedSample, loadMnistSplit } from "./lib/mnist-source.js";
import { repoPath } from "./lib/paths.js";

const out = repoPath("packages", "models", "data", "mnist-test-500.bin");
const { test } = loadMnistSplit();
const sample = balancedSample(test, 50);
const bytes = encodeDigits({ ...sample, rows: 28, cols: 28 });
writeFileSync(out, bytes);
console.log(`wrote ${out}: ${sample.count} digits, ${bytes.length} bytes`);
