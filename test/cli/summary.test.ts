/** `convstep models`, `summary` and the help, run through the built binary. */
import { beforeAll, describe, expect, test } from "vitest";
import { expectOk, requireBuilt, runCli } from "./harness.js";

beforeAll(requireBuilt);

describe("convstep summary", () => {
  test("summary alexnet-2012 prints 60,965,224 parameters (Caffe's bvlc_alexnet) and exits 0", async () => {
    const result = await runCli(["summary", "alexnet-2012"]);
    expectOk(result);
    expect(result.stdout).toMatch(/Total params: 60,965,224\b/);
    expect(result.stdout).toMatch(/^conv1 \(conv2d\)\s+\(None, 55, 55, 96\)\s+34,944\b/m);
  });

  test("summary lenet5-keras --json parses: 61,706 params, 10 layers ending in [10]", async () => {
    const result = await runCli(["summary", "lenet5-keras", "--json"]);
    expectOk(result);
    const summary = JSON.parse(result.stdout) as {
      name: string;
      rows: { name: string; outputShape: number[] }[];
      totals: { total: number };
    };
    expect(summary.name).toBe("lenet5-keras");
    // 156 + 2,416 + 48,120 + 10,164 + 850 (Keras' model.summary()).
    expect(summary.totals.total).toBe(156 + 2416 + 48120 + 10164 + 850);
    expect(summary.rows.at(-1)?.outputShape).toEqual([10]);
  });

  test("summary alexnet-torchvision prints torchvision's 61,100,840 parameters and conv1 (None, 55, 55, 64)", async () => {
    const result = await runCli(["summary", "alexnet-torchvision"]);
    expectOk(result);
    expect(result.stdout).toMatch(/Total params: 61,100,840\b/);
    // 11·11·3·64 + 64 = 23,296.
    expect(result.stdout).toMatch(/^conv1 \(conv2d\)\s+\(None, 55, 55, 64\)\s+23,296\b/m);
  });

  test("summary --all prints the five models; --all --json is an array of five", async () => {
    const [text, json] = await Promise.all([
      runCli(["summary", "--all"]),
      runCli(["summary", "--all", "--json"]),
    ]);
    expectOk(text);
    expect(text.stdout.match(/^Model: "/gm)).toHaveLength(5);
    expectOk(json);
    const names = (JSON.parse(json.stdout) as { name: string }[]).map((s) => s.name);
    expect(names).toEqual([
      "lenet5-1998",
      "lenet5-keras",
      "alexnet-2012",
      "alexnet-keras",
      "alexnet-torchvision",
    ]);
  });

  test("models lists the five names with titles; --json gives name, title, inputShape", async () => {
    const [text, json] = await Promise.all([runCli(["models"]), runCli(["models", "--json"])]);
    expectOk(text);
    const names = ["lenet5-1998", "lenet5-keras", "alexnet-2012", "alexnet-keras"];
    for (const name of [...names, "alexnet-torchvision"]) {
      expect(text.stdout).toMatch(new RegExp(`^${name}\\s+\\S`, "m"));
    }
    const list = JSON.parse(json.stdout) as { name: string; title: string; inputShape: number[] }[];
    expect(list.find((m) => m.name === "lenet5-1998")?.inputShape).toEqual([32, 32, 1]);
    expect(list.find((m) => m.name === "alexnet-2012")?.inputShape).toEqual([227, 227, 3]);
    expect(list.find((m) => m.name === "alexnet-torchvision")?.inputShape).toEqual([224, 224, 3]);
  });

  test("--help of the program and of each command exits 0 with a Usage line", async () => {
    const runs = await Promise.all(
      [
        ["--help"],
        ["models", "--help"],
        ["summary", "--help"],
        ["trace", "--help"],
        ["explain", "-h"],
        ["predict", "--help"],
        ["help", "trace"],
      ].map((args) => runCli(args)),
    );
    for (const result of runs) {
      expectOk(result);
      expect(result.stdout).toMatch(/^Usage: convstep/);
    }
  });

  test("--version prints the package version", async () => {
    const result = await runCli(["--version"]);
    expectOk(result);
    expect(result.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });
});
