/** `convstep explain` through the built binary: the arithmetic matches the trace. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { writeSevenPng } from "./digit-png.js";
import { expectOk, requireBuilt, runCli } from "./harness.js";

let dir: string;
let seven: string;

beforeAll(() => {
  requireBuilt();
  dir = mkdtempSync(join(tmpdir(), "convstep-explain-"));
  seven = writeSevenPng(join(dir, "seven.png"), 48, 40);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface ConvJson {
  value: number;
  output: number;
  position: { channel: number; y: number; x: number };
  explanation: {
    type: string;
    window: { y0: number; x0: number; y1: number; x1: number };
    inputChannels: number[];
    patch: number[][][];
    kernel: number[][][];
    sum: number;
    bias: number;
    activation: string;
    output: number;
  };
}

const C3_AT = ["--layer", "C3", "--channel", "4", "--y", "2", "--x", "3"];

/** Explain C3 channel 4 at (2, 3) and dump C3, on the same input and weights. */
async function explainAndDump(model: string): Promise<{ neuron: ConvJson; c3: number[][][] }> {
  const [explained, dumped] = await Promise.all([
    runCli(["explain", model, "--input", seven, ...C3_AT, "--json"]),
    runCli(["trace", model, "--input", seven, "--layer", "C3", "--full"]),
  ]);
  expectOk(explained);
  expectOk(dumped);
  return {
    neuron: JSON.parse(explained.stdout) as ConvJson,
    c3: JSON.parse(dumped.stdout) as number[][][],
  };
}

/** One explain + dump per model, shared by the tests that read it. */
const runs = new Map<string, ReturnType<typeof explainAndDump>>();
function explained(model: string): ReturnType<typeof explainAndDump> {
  if (!runs.has(model)) runs.set(model, explainAndDump(model));
  return runs.get(model)!;
}

describe("convstep explain", () => {
  test("lenet5-keras C3 channel 4 (2, 3): output equals trace --layer C3 --full at [2][3][4]", async () => {
    const { neuron, c3 } = await explained("lenet5-keras");
    expect(neuron.position).toEqual({ channel: 4, y: 2, x: 3 });
    expect(neuron.value).toBe(c3[2][3][4]);
    expect(neuron.output).toBeCloseTo(c3[2][3][4], 5);
  });

  test("lenet5-keras C3: Σ patch·kernel + bias through tanh, recomputed here, gives the traced value", async () => {
    const { neuron, c3 } = await explained("lenet5-keras");
    const e = neuron.explanation;
    expect(e.type).toBe("conv");
    // A 5×5 valid window at (2, 3) covers rows 2–6 and columns 3–7 of all six S2 maps.
    expect(e.window).toEqual({ y0: 2, x0: 3, y1: 7, x1: 8 });
    expect(e.inputChannels).toEqual([0, 1, 2, 3, 4, 5]);
    let sum = 0;
    e.patch.forEach((rows, i) =>
      rows.forEach((row, ky) => row.forEach((v, kx) => (sum += v * e.kernel[i][ky][kx]))),
    );
    expect(sum).toBeCloseTo(e.sum, 5);
    expect(e.activation).toBe("tanh");
    expect(Math.tanh(sum + e.bias)).toBeCloseTo(c3[2][3][4], 5);
  });

  test("lenet5-1998 C3 channel 4 reads S2 maps {0, 4, 5} (Table I) and matches the trace", async () => {
    const { neuron, c3 } = await explained("lenet5-1998");
    expect(neuron.explanation.inputChannels).toEqual([0, 4, 5]);
    expect(neuron.output).toBeCloseTo(c3[2][3][4], 5);
  });

  test("text explain of a conv neuron shows patch, kernel, products, sum, bias, activation, output", async () => {
    const result = await runCli(["explain", "lenet5-1998", "--input", seven, ...C3_AT]);
    expectOk(result);
    expect(result.stdout).toMatch(/^C3 \(conv2d\) channel 4, row 2, column 3$/m);
    expect(result.stdout).toMatch(/patch\s+kernel\s+products/);
    expect(result.stdout).toMatch(/^sum of the 75 products = /m); // 3 maps × 5 × 5
    expect(result.stdout).toMatch(/^\+ bias /m);
    expect(result.stdout).toMatch(/^activation scaled-tanh: 1\.7159·tanh/m);
    expect(result.stdout).toMatch(/^output = /m);
  });

  test("text explain of subsampling, dense and RBF neurons names their arithmetic", async () => {
    const [s2, f6, rbf] = await Promise.all([
      runCli([
        "explain",
        "lenet5-1998",
        "--input",
        seven,
        "--layer",
        "S2",
        "--channel",
        "1",
        "--y",
        "3",
        "--x",
        "4",
      ]),
      runCli(["explain", "lenet5-1998", "--input", seven, "--layer", "F6", "--channel", "10"]),
      runCli(["explain", "lenet5-1998", "--input", seven, "--layer", "output", "--channel", "7"]),
    ]);
    for (const r of [s2, f6, rbf]) expectOk(r);
    // S2 (3, 4) reads rows 6–7, columns 8–9 of C1 (2×2, stride 2).
    expect(s2.stdout).toMatch(/reads rows 6–7, columns 8–9 of C1, channel 1/);
    expect(s2.stdout).toMatch(/× coefficient .* \+ bias /);
    expect(f6.stdout).toMatch(/reads all 120 values of flatten; the 10 largest contributions/);
    expect(rbf.stdout).toMatch(/distance of the 84 values of F6 to the code of class 7/);
  });
});
