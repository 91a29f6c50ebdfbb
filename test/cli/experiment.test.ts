import { beforeAll, describe, expect, it } from "vitest";
import { expectOk, requireBuilt, runCli, stderrLines } from "./harness.js";

const TINY = ["--digits", "40", "--epochs", "1", "--batch", "20", "--rate", "0.1", "--seed", "7"];

beforeAll(requireBuilt);

describe("convstep experiment relu-vs-tanh", () => {
  it("--json twice with a tiny configuration prints the same curves and ratio", async () => {
    const a = await runCli(["experiment", "relu-vs-tanh", "--json", ...TINY]);
    const b = await runCli(["experiment", "relu-vs-tanh", "--json", ...TINY]);
    expectOk(a);
    expectOk(b);
    // --json: no progress on stderr.
    expect(a.stderr).toBe("");
    const strip = (text: string) => {
      const r = JSON.parse(text) as { runs: { seconds: number }[] };
      return JSON.stringify({ ...r, runs: r.runs.map((run) => ({ ...run, seconds: 0 })) });
    };
    expect(strip(a.stdout)).toBe(strip(b.stdout));
    const result = JSON.parse(a.stdout) as {
      config: { digits: number; batchSize: number; seed: number };
      runs: { activation: string; curve: { step: number }[] }[];
      ratio: number | null;
    };
    expect(result.config).toMatchObject({ digits: 40, batchSize: 20, seed: 7 });
    expect(result.runs.map((r) => r.activation)).toEqual(["relu", "tanh"]);
    expect(result.runs[0].curve.map((p) => p.step)).toEqual([1, 2]);
    expect(result).toHaveProperty("ratio");
  });

  it("prints both curves, the 25 % line and the paper's claim as text, with plain progress lines when piped", async () => {
    const r = await runCli(["experiment", "relu-vs-tanh", ...TINY]);
    expectOk(r);
    expect(r.stdout).toMatch(/ epoch\s+step\s+relu\s+tanh/);
    expect(r.stdout).toMatch(/^\s+0\.50\s+1\s+\d+\.\d\s+\d+\.\d$/m);
    expect(r.stdout).toMatch(/25 % training error reached: relu/);
    expect(r.stdout).toMatch(/six times faster/);
    // Not a terminal: whole lines, no carriage returns.
    expect(r.stderr).not.toContain("\r");
    expect(stderrLines(r).some((l) => /^\[#+\.*\] \d+% (relu|tanh): epoch 1\/1/.test(l))).toBe(
      true,
    );
  });

  it.each([
    [["--rate", "0"], /--rate expects a number above 0 \(at most 10\), got "0"/],
    [["--rate", "NaN"], /--rate expects a number above 0/],
    [["--batch", "41", "--digits", "40"], /--batch expects an integer from 1 to 40, got 41/],
    [["--epochs=-3"], /--epochs expects an integer from 1 to 1000, got -3/],
  ])("%j → one line and exit 2", async (args, message) => {
    const r = await runCli(["experiment", "relu-vs-tanh", ...args]);
    expect(r.status).toBe(2);
    const lines = stderrLines(r);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(message);
  });

  it("an unknown experiment names the known ones", async () => {
    const r = await runCli(["experiment", "sigmoid-race"]);
    expect(r.status).toBe(2);
    expect(stderrLines(r)).toEqual([
      'convstep: unknown experiment "sigmoid-race"; experiments: relu-vs-tanh',
    ]);
  });
});
