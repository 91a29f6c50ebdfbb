/** `--weights model.json`: weights saved by the engine load in the CLI and reproduce the run. */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { compileModel, initWeights, saveWeights } from "@convstep/engine";
import { LENET5_1998, LENET5_KERAS } from "@convstep/models";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { writeWeightsToDisk } from "../../packages/cli/src/weights-files.js";
import { expectNoLeaks } from "../helpers.js";
import { writeSevenPng } from "./digit-png.js";
import { expectOk, expectUsageError, requireBuilt, runCli } from "./harness.js";

let dir: string;
let seven: string;

/** Saves seeded weights of a spec as `<dir>/<name>/model.json` + shards. */
async function saveSeeded(spec: typeof LENET5_KERAS, seed: number, name: string): Promise<string> {
  return expectNoLeaks(async () => {
    const model = compileModel(spec);
    const weights = initWeights(model, { seed });
    try {
      const saved = await saveWeights(model, weights);
      return (await writeWeightsToDisk(join(dir, name), saved)).modelJsonPath;
    } finally {
      for (const t of weights.values()) t.dispose();
    }
  });
}

beforeAll(() => {
  requireBuilt();
  dir = mkdtempSync(join(tmpdir(), "convstep-weights-"));
  seven = writeSevenPng(join(dir, "seven.png"), 64, 64);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("convstep --weights", () => {
  test("trace with --weights of seed-7 weights equals trace --seed 7, and prints no untrained note", async () => {
    const json = await saveSeeded(LENET5_KERAS, 7, "keras-7");
    const [loaded, seeded] = await Promise.all([
      runCli(["trace", "lenet5-keras", "--input", seven, "--json", "--weights", json]),
      runCli(["trace", "lenet5-keras", "--input", seven, "--json", "--seed", "7"]),
    ]);
    expectOk(loaded);
    expectOk(seeded);
    expect(loaded.stderr).toBe("");
    const a = JSON.parse(loaded.stdout) as {
      layers: unknown;
      prediction: unknown;
      weights: string;
    };
    const b = JSON.parse(seeded.stdout) as { layers: unknown; prediction: unknown };
    expect(a.weights).toBe(json);
    expect(a.layers).toEqual(b.layers);
    expect(a.prediction).toEqual(b.prediction);
  });

  test("weights of lenet5-1998 given to lenet5-keras: exit 2, one line naming the mismatch", async () => {
    const json = await saveSeeded(LENET5_1998, 1, "lenet-1998");
    const result = await runCli(["trace", "lenet5-keras", "--input", seven, "--weights", json]);
    expectUsageError(result, /lenet5-1998|weight|expected/);
  });

  test("a malformed model.json and a missing shard: exit 2, one line each", async () => {
    const bad = join(dir, "bad.json");
    writeFileSync(bad, "{ not json");
    const noShard = join(dir, "no-shard.json");
    writeFileSync(
      noShard,
      JSON.stringify({ weightsManifest: [{ paths: ["missing.bin"], weights: [] }] }),
    );
    const [a, b] = await Promise.all([
      runCli(["trace", "lenet5-keras", "--input", seven, "--weights", bad]),
      runCli(["trace", "lenet5-keras", "--input", seven, "--weights", noShard]),
    ]);
    expectUsageError(a, /bad\.json/);
    expectUsageError(b, /missing\.bin/);
  });
});
