/** `convstep predict` through the built binary. */
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { IMAGENET_CLASSES } from "@convstep/models";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { writeSevenPng } from "./digit-png.js";
import { expectOk, requireBuilt, runCli } from "./harness.js";

let dir: string;
let files: string[];

beforeAll(() => {
  requireBuilt();
  dir = mkdtempSync(join(tmpdir(), "convstep-predict-"));
  const a = writeSevenPng(join(dir, "seven.png"), 64, 64);
  const b = writeSevenPng(join(dir, "mnist-seven.png"), 28, 28, { lightOnDark: true });
  const c = join(dir, "copy.png");
  copyFileSync(a, c);
  files = [a, b, c];
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Row {
  file: string;
  prediction: string;
  probability: number;
  distance?: number;
}

describe("convstep predict", () => {
  test("predict lenet5-keras --json gives one {file, prediction, probability} per file, in order", async () => {
    const result = await runCli(["predict", "lenet5-keras", ...files, "--json"]);
    expectOk(result);
    const rows = JSON.parse(result.stdout) as Row[];
    expect(rows.map((r) => r.file)).toEqual(files);
    for (const row of rows) {
      expect(Object.keys(row)).toEqual(["file", "prediction", "probability"]);
      expect(row.prediction).toMatch(/^[0-9]$/);
      expect(row.probability).toBeGreaterThanOrEqual(0.1);
      expect(row.probability).toBeLessThanOrEqual(1);
    }
    // The same image twice: the same answer.
    expect(rows[2].prediction).toBe(rows[0].prediction);
    expect(rows[2].probability).toBe(rows[0].probability);
  });

  test("predict lenet5-1998 --json adds the winning (lowest) RBF distance", async () => {
    const result = await runCli(["predict", "lenet5-1998", files[0], "--json"]);
    expectOk(result);
    const [row] = JSON.parse(result.stdout) as Row[];
    expect(row.distance).toBeGreaterThan(0);
    expect(row.probability).toBeGreaterThanOrEqual(0.1);
  });

  test("text predict prints a header and one row per file", async () => {
    const result = await runCli(["predict", "lenet5-keras", ...files]);
    expectOk(result);
    const lines = result.stdout.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^file\s+prediction\s+probability$/);
    expect(lines.slice(2)).toHaveLength(files.length);
    lines
      .slice(2)
      .forEach((line, i) =>
        expect(line).toMatch(new RegExp(`^${files[i]}\\s+[0-9]\\s+\\d+\\.\\d\\d%$`)),
      );
  });

  test("predict alexnet-2012 prints ImageNet class names (spaces and commas in one column), with the untrained note", async () => {
    const result = await runCli(["predict", "alexnet-2012", files[0], "--seed", "0"]);
    expectOk(result);
    expect(result.stderr).toContain("alexnet-2012 runs with untrained (seeded) weights");
    const lines = result.stdout.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^file\s+prediction\s+probability$/);
    expect(lines).toHaveLength(3);
    // The name fills the column between the file and the right-aligned percentage.
    const [, name] = new RegExp(`^${files[0]}\\s{2}(.+?)\\s+\\d+\\.\\d\\d%$`).exec(lines[2])!;
    expect(IMAGENET_CLASSES).toContain(name);
    expect(lines[2].indexOf(name)).toBe(lines[0].indexOf("prediction"));
  }, 120_000);
});
