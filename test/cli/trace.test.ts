/** `convstep trace` end to end on drawn digits, through the built binary (LeNet only: fast). */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { writeSevenPng } from "./digit-png.js";
import { expectOk, requireBuilt, runCli, stderrLines } from "./harness.js";

let dir: string;
let seven: string;

beforeAll(() => {
  requireBuilt();
  dir = mkdtempSync(join(tmpdir(), "convstep-trace-"));
  seven = writeSevenPng(join(dir, "seven.png"), 64, 64);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * lenet5-keras by hand: 28×28 input, ZeroPadding2D(2) → 32; 5×5 valid convs take 4 off a side,
 * 2×2/2 pools halve it; C5 leaves 1×1×120; flatten 120; F6 84; output 10.
 */
const LENET_KERAS_SHAPES: readonly [string, string, number[]][] = [
  ["padding", "zero-padding2d", [32, 32, 1]],
  ["C1", "conv2d", [28, 28, 6]],
  ["S2", "pool2d", [14, 14, 6]],
  ["C3", "conv2d", [10, 10, 16]],
  ["S4", "pool2d", [5, 5, 16]],
  ["C5", "conv2d", [1, 1, 120]],
  ["flatten", "flatten", [120]],
  ["F6", "dense", [84]],
  ["output", "dense", [10]],
];

interface TraceJson {
  model: string;
  input: { file: string; format: string; shape: number[]; min: number; max: number; mean: number };
  weights: string;
  layers: { name: string; kind: string; shape: number[]; min: number; max: number; mean: number }[];
  prediction: { class: number; label: string; probability: number; distance?: number };
}

describe("convstep trace", () => {
  test("trace lenet5-keras on a 64×64 PNG '7' lists every layer with its shape and a prediction", async () => {
    const result = await runCli(["trace", "lenet5-keras", "--input", seven]);
    expectOk(result);
    expect(result.stdout).toMatch(/^input\s+input\s+28×28×1\s/m);
    for (const [name, kind, shape] of LENET_KERAS_SHAPES) {
      expect(result.stdout).toMatch(
        new RegExp(`^${name}\\s+${kind}\\s+${shape.join("×")}\\s`, "m"),
      );
    }
    // The shipped trained weights read the drawn digit, and nothing is said on stderr.
    expect(result.stdout).toMatch(/^prediction: 7 with probability \d+\.\d\d%$/m);
    expect(result.stderr).toBe("");
  });

  test("trace lenet5-keras --seed 3 runs on untrained weights and says so on stderr, once", async () => {
    const result = await runCli(["trace", "lenet5-keras", "--input", seven, "--seed", "3"]);
    expectOk(result);
    expect(stderrLines(result)).toEqual([expect.stringMatching(/untrained \(seeded\) weights/)]);
  });

  test("trace --json: the input is the MNIST-style digit in [0, 1]; layers carry shapes and stats", async () => {
    const result = await runCli(["trace", "lenet5-keras", "--input", seven, "--json"]);
    expectOk(result);
    const trace = JSON.parse(result.stdout) as TraceJson;
    expect(trace.model).toBe("lenet5-keras");
    expect(trace.input).toMatchObject({ format: "png", shape: [28, 28, 1], min: 0, max: 1 });
    expect(trace.layers.map((l) => [l.name, l.kind, l.shape])).toEqual(LENET_KERAS_SHAPES);
    for (const layer of trace.layers) {
      expect(layer.min).toBeLessThanOrEqual(layer.mean);
      expect(layer.mean).toBeLessThanOrEqual(layer.max);
    }
    // Softmax probabilities: the winner's is at least 1/10.
    expect(trace.prediction.probability).toBeGreaterThanOrEqual(0.1);
    expect(trace.prediction.label).toBe(String(trace.prediction.class));
  });

  test("trace lenet5-1998: input 32×32 in [−0.1, 1.175], RBF output, prediction by lowest distance", async () => {
    const result = await runCli(["trace", "lenet5-1998", "--input", seven, "--json"]);
    expectOk(result);
    const trace = JSON.parse(result.stdout) as TraceJson;
    expect(trace.input.shape).toEqual([32, 32, 1]);
    expect(trace.input.min).toBeCloseTo(-0.1, 6);
    expect(trace.input.max).toBeCloseTo(1.175, 6);
    const output = trace.layers.at(-1);
    expect(output).toMatchObject({ name: "output", kind: "rbf", shape: [10] });
    // The winner's distance is the smallest of the ten: the output's min.
    expect(trace.prediction.distance).toBeCloseTo(output?.min ?? NaN, 4);
  });

  test("trace --layer C3 --full prints C3's whole activation as a 10×10×16 nested array", async () => {
    const [full, json] = await Promise.all([
      runCli(["trace", "lenet5-keras", "--input", seven, "--layer", "C3", "--full"]),
      runCli(["trace", "lenet5-keras", "--input", seven, "--json"]),
    ]);
    expectOk(full);
    const values = JSON.parse(full.stdout) as number[][][];
    expect([values.length, values[0].length, values[0][0].length]).toEqual([10, 10, 16]);
    const flat = values.flat(2);
    const c3 = (JSON.parse(json.stdout) as TraceJson).layers.find((l) => l.name === "C3");
    expect(Math.min(...flat)).toBe(c3?.min);
    expect(Math.max(...flat)).toBe(c3?.max);
  });

  test("trace --layer F6 --full prints a flat array of 84; --layer alone prints one row", async () => {
    const [full, one] = await Promise.all([
      runCli(["trace", "lenet5-keras", "--input", seven, "--layer", "F6", "--full"]),
      runCli(["trace", "lenet5-keras", "--input", seven, "--layer", "F6"]),
    ]);
    expectOk(full);
    const values = JSON.parse(full.stdout) as number[];
    expect(values).toHaveLength(84);
    expect(values.every((v) => typeof v === "number")).toBe(true);
    expectOk(one);
    expect(one.stdout).toMatch(/^F6\s+dense\s+84\s/m);
    expect(one.stdout).not.toMatch(/^C1\s/m);
  });

  test("--seed changes untrained weights; the same seed gives the same trace", async () => {
    const [a, b, c] = await Promise.all(
      ["1", "1", "2"].map((seed) =>
        runCli(["trace", "lenet5-keras", "--input", seven, "--json", "--seed", seed]),
      ),
    );
    const f6 = (r: { stdout: string }) =>
      (JSON.parse(r.stdout) as TraceJson).layers.find((l) => l.name === "F6");
    expect(f6(a)).toEqual(f6(b));
    expect(f6(a)).not.toEqual(f6(c));
    expect((JSON.parse(a.stdout) as TraceJson).weights).toBe("untrained (seed 1)");
  });
});
