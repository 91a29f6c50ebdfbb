/**
 * Writes the example digit PNGs of the README and docs/cli.md (see example-digits.ts) as 8-bit grey
 * PNGs. Deterministic: running it again gives the same files.
 *
 *   npm run data:examples
 */
import { readFileSync, writeFileSync } from "node:fs";
import { PNG } from "pngjs";
import { decodeDigits } from "../packages/models/src/index.js";
import { exampleDigits } from "./example-digits.js";
import { repoPath } from "./lib/paths.js";

const set = decodeDigits(readFileSync(repoPath("packages/models/data/mnist-test-500.bin")));
for (const { path, width, height, grey } of exampleDigits(set)) {
  const png = new PNG({ width, height });
  for (let i = 0; i < width * height; i++) {
    png.data.fill(grey[i], 4 * i, 4 * i + 3);
    png.data[4 * i + 3] = 255;
  }
  writeFileSync(repoPath(path), PNG.sync.write(png, { colorType: 0 }));
  process.stdout.write(`${path}: ${width}×${height}\n`);
}
