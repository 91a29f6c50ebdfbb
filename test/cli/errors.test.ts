/** Bad input of every kind: exit status 2, one line `convstep: …` on stderr, no stack trace. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, test } from "vitest";
import { writeBlankPng, writeSevenPng } from "./digit-png.js";
import { expectUsageError, requireBuilt, runCli } from "./harness.js";

let dir: string;
const file = (name: string) => join(dir, name);

beforeAll(() => {
  requireBuilt();
  dir = mkdtempSync(join(tmpdir(), "convstep-errors-"));
  writeSevenPng(file("seven.png"), 64, 64);
  writeBlankPng(file("blank.png"), 40, 40);
  writeFileSync(file("fake.png"), "this is text, not a PNG\n");
  writeFileSync(
    file("truncated.png"),
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0]),
  );
  writeFileSync(file("notes.txt"), "hello\n");
  writeFileSync(file("malformed.json"), "[[[0.5], [0.5]");
  const zeros = (h: number, w: number, c: number) =>
    JSON.stringify(
      Array.from({ length: h }, () => Array.from({ length: w }, () => new Array(c).fill(0))),
    );
  writeFileSync(file("small.json"), zeros(20, 20, 1));
  writeFileSync(file("rgb.json"), zeros(28, 28, 3));
  writeFileSync(file("strings.json"), JSON.stringify([["a"]]));
  mkdirSync(file("folder"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const cases: readonly [string, () => string[], RegExp][] = [
  ["unknown model", () => ["summary", "lenet6"], /unknown model "lenet6".*lenet5-1998/],
  [
    "unknown model for trace",
    () => ["trace", "vgg16", "--input", file("seven.png")],
    /unknown model/,
  ],
  ["unknown command", () => ["train", "lenet5-keras"], /unknown command "train"/],
  ["no model name", () => ["summary"], /needs a model name/],
  ["unknown option", () => ["summary", "alexnet-2012", "--verbose"], /unknown option --verbose/],
  ["missing --input", () => ["trace", "lenet5-keras"], /needs --input/],
  [
    "missing file",
    () => ["trace", "lenet5-keras", "--input", file("nope.png")],
    /cannot read .*nope\.png.*no such file/,
  ],
  ["a directory as input", () => ["trace", "lenet5-keras", "--input", file("folder")], /directory/],
  [
    "not a PNG (by extension)",
    () => ["trace", "lenet5-keras", "--input", file("fake.png")],
    /not a PNG/,
  ],
  [
    "a truncated PNG",
    () => ["trace", "lenet5-keras", "--input", file("truncated.png")],
    /"[^"]*truncated\.png" looks like a PNG file but its header is cut short or damaged/,
  ],
  [
    "neither PNG nor JSON",
    () => ["trace", "lenet5-keras", "--input", file("notes.txt")],
    /neither a PNG/,
  ],
  [
    "a blank image (no ink)",
    () => ["trace", "lenet5-1998", "--input", file("blank.png")],
    /blank\.png.*ink/,
  ],
  [
    "malformed JSON input",
    () => ["trace", "lenet5-keras", "--input", file("malformed.json")],
    /not valid JSON/,
  ],
  [
    "JSON of the wrong size",
    () => ["trace", "lenet5-keras", "--input", file("small.json")],
    /\[28, 28, 1\].*\[20, 20, 1\]/,
  ],
  [
    "JSON with the wrong channels",
    () => ["trace", "lenet5-keras", "--input", file("rgb.json")],
    /\[28, 28, 1\].*\[28, 28, 3\]/,
  ],
  ["JSON of strings", () => ["trace", "lenet5-keras", "--input", file("strings.json")], /expected/],
  [
    "malformed weights",
    () => [
      "trace",
      "lenet5-keras",
      "--input",
      file("seven.png"),
      "--weights",
      file("malformed.json"),
    ],
    /malformed\.json/,
  ],
  [
    "missing weights",
    () => ["predict", "lenet5-keras", file("seven.png"), "--weights", file("none/model.json")],
    /cannot read/,
  ],
  [
    "unknown layer in trace",
    () => ["trace", "lenet5-keras", "--input", file("seven.png"), "--layer", "C7"],
    /no layer "C7".*C1/,
  ],
  [
    "unknown layer in explain",
    () => ["explain", "lenet5-1998", "--input", file("seven.png"), "--layer", "conv1"],
    /no layer "conv1"/,
  ],
  [
    "--full without --layer",
    () => ["trace", "lenet5-keras", "--input", file("seven.png"), "--full"],
    /--full needs --layer/,
  ],
  [
    "channel out of range",
    () => [
      "explain",
      "lenet5-keras",
      "--input",
      file("seven.png"),
      "--layer",
      "C3",
      "--channel",
      "16",
    ],
    /--channel 16 .*0 to 15/,
  ],
  [
    "row out of range",
    () => ["explain", "lenet5-keras", "--input", file("seven.png"), "--layer", "S4", "--y", "5"],
    /--y 5 .*0 to 4/,
  ],
  [
    "--x on a vector layer",
    () => ["explain", "lenet5-keras", "--input", file("seven.png"), "--layer", "F6", "--x", "1"],
    /vector/,
  ],
  [
    "negative channel",
    () => [
      "explain",
      "lenet5-keras",
      "--input",
      file("seven.png"),
      "--layer",
      "C3",
      "--channel=-1",
    ],
    /--channel/,
  ],
  [
    "non-integer channel",
    () => [
      "explain",
      "lenet5-keras",
      "--input",
      file("seven.png"),
      "--layer",
      "C3",
      "--channel",
      "2.5",
    ],
    /integer/,
  ],
  [
    "non-integer seed",
    () => ["trace", "lenet5-keras", "--input", file("seven.png"), "--seed", "abc"],
    /--seed/,
  ],
  ["predict without files", () => ["predict", "lenet5-keras"], /at least one input file/],
  [
    "an option given twice",
    () => [
      "explain",
      "lenet5-1998",
      "--input",
      file("seven.png"),
      "--layer",
      "C1",
      "--layer",
      "C3",
    ],
    /option --layer was given 2 times \("C1" and "C3"\); give it once/,
  ],
  [
    "an unknown option, with the command's options listed",
    () => ["trace", "lenet5-keras", "--backend", "gpu"],
    /unknown option --backend for "trace"; its options are --input, --layer, --full, --json, --weights, --seed/,
  ],
  [
    "predict with one bad file of two",
    () => ["predict", "lenet5-keras", file("seven.png"), file("fake.png")],
    /fake\.png/,
  ],
];

describe("bad input exits 2 with one line on stderr", () => {
  test.concurrent.each(cases)("%s", async (_name, args, pattern) => {
    expectUsageError(await runCli(args()), pattern);
  });
});
