/**
 * `convstep predict` and `convstep trace` on real MNIST test-split digits exported as PNG (the
 * 500 bundled digits are all from the test split, never trained on), with the shipped weights:
 * as MNIST stores them, and as a reader would photograph them (dark ink on light paper, scaled
 * and off-centre).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PNG } from "pngjs";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { decodeDigits } from "@convstep/models";
import { expectOk, REPO, requireBuilt, runCli } from "./harness.js";

const COUNT = 20;
let dir: string;
let mnist: string[];
let paper: string[];
let labels: string[];

/** Writes a grey PNG; `pixel(x, y)` gives 0–255. */
function writeGrey(path: string, w: number, h: number, pixel: (x: number, y: number) => number) {
  const png = new PNG({ width: w, height: h });
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const p = (y * w + x) * 4;
      png.data[p] = png.data[p + 1] = png.data[p + 2] = pixel(x, y);
      png.data[p + 3] = 255;
    }
  }
  writeFileSync(path, PNG.sync.write(png));
  return path;
}

beforeAll(() => {
  requireBuilt();
  dir = mkdtempSync(join(tmpdir(), "convstep-mnist-"));
  const set = decodeDigits(readFileSync(join(REPO, "packages/models/data/mnist-test-500.bin")));
  mnist = [];
  paper = [];
  labels = [];
  for (let i = 0; i < COUNT; i++) {
    const at = (x: number, y: number) => set.images[i * 784 + y * 28 + x];
    labels.push(String(set.labels[i]));
    mnist.push(writeGrey(join(dir, `mnist-${i}.png`), 28, 28, at));
    // 1.5× larger, shifted by a different offset each time, dark ink on white paper.
    const ox = 5 + ((i * 7) % 40);
    const oy = 3 + ((i * 5) % 20);
    paper.push(
      writeGrey(join(dir, `paper-${i}.png`), 90, 70, (x, y) => {
        const sx = Math.floor((x - ox) / 1.5);
        const sy = Math.floor((y - oy) / 1.5);
        return sx >= 0 && sy >= 0 && sx < 28 && sy < 28 ? 255 - at(sx, sy) : 255;
      }),
    );
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Row {
  file: string;
  prediction: string;
}

/** Files whose prediction differs from the label. */
function misread(stdout: string): string[] {
  return (JSON.parse(stdout) as Row[])
    .map((r, i) =>
      r.prediction === labels[i] ? "" : `#${i}: ${labels[i]} read as ${r.prediction}`,
    )
    .filter(Boolean);
}

describe("trained LeNet-5 on test-split digits exported as PNG", () => {
  for (const model of ["lenet5-1998", "lenet5-keras"]) {
    test(`predict ${model}: ${COUNT} MNIST-format PNGs → their labels`, async () => {
      const result = await runCli(["predict", model, ...mnist, "--json"]);
      expectOk(result);
      expect(result.stderr).toBe("");
      // The shipped weights err on 1.5% of the test split: allow one miss in twenty.
      expect(misread(result.stdout).length, misread(result.stdout).join(", ")).toBeLessThanOrEqual(
        1,
      );
    });

    test(`predict ${model}: the same digits dark on paper, 1.5× and off-centre → their labels`, async () => {
      const result = await runCli(["predict", model, ...paper, "--json"]);
      expectOk(result);
      expect(misread(result.stdout).length, misread(result.stdout).join(", ")).toBeLessThanOrEqual(
        1,
      );
    });
  }

  test("trace lenet5-1998 on a test digit gives its label", async () => {
    const result = await runCli(["trace", "lenet5-1998", "--input", paper[3], "--json"]);
    expectOk(result);
    const trace = JSON.parse(result.stdout) as { prediction: { label: string } };
    expect(trace.prediction.label).toBe(labels[3]);
  });
});
