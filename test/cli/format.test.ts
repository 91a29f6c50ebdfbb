/** The CLI's pure helpers in-process: numbers, tables, JSON, predictions, arguments, errors. */
import { InputError, SpecError } from "@convstep/engine";
import { LENET5_1998, LENET5_KERAS } from "@convstep/models";
import { describe, expect, test } from "vitest";
import { integerOption, parseCommandArgs } from "../../packages/cli/src/args.js";
import { UsageError, errorLine, fileError } from "../../packages/cli/src/cli-error.js";
import { formatJson } from "../../packages/cli/src/format/json.js";
import { toNested } from "../../packages/cli/src/format/nested.js";
import { formatNumber } from "../../packages/cli/src/format/numbers.js";
import { formatTable } from "../../packages/cli/src/format/table.js";
import { predictFromOutput, softmax } from "../../packages/cli/src/prediction.js";

describe("formatNumber", () => {
  test.each([
    [0, "0"],
    [-0, "0"],
    [1, "1"],
    [0.123456, "0.1235"],
    [-12.5, "-12.5"],
    [1234.5678, "1235"],
    [0.00012346, "1.235e-4"],
    [123456, "1.235e5"],
    [NaN, "NaN"],
  ])("%d → %s", (value, text) => expect(formatNumber(value)).toBe(text));
});

describe("tables and JSON", () => {
  test("formatTable pads columns and aligns numbers right", () => {
    expect(
      formatTable(
        ["a", "n"],
        [
          ["xy", "1"],
          ["z", "100"],
        ],
        ["left", "right"],
      ),
    ).toBe(["a     n", "--  ---", "xy    1", "z   100"].join("\n"));
  });

  test("toNested rebuilds [h][w][c] from row-major data; [n] stays flat", () => {
    const data = Float32Array.from({ length: 12 }, (_, i) => i);
    const nested = toNested(data, [2, 3, 2]) as number[][][];
    expect(nested[1][2][1]).toBe(1 * 6 + 2 * 2 + 1);
    expect(toNested(Float32Array.of(1, 2, 3), [3])).toEqual([1, 2, 3]);
  });

  test("formatJson keeps arrays of numbers on one line and typed arrays as arrays", () => {
    expect(formatJson({ shape: [28, 28, 6], v: Float32Array.of(0.5), n: { a: null } })).toBe(
      '{\n  "shape": [28, 28, 6],\n  "v": [0.5],\n  "n": {\n    "a": null\n  }\n}',
    );
    expect(JSON.parse(formatJson([{ a: [[1, 2], [3]] }]))).toEqual([{ a: [[1, 2], [3]] }]);
  });
});

describe("predictions", () => {
  test("softmax output: the largest probability wins", () => {
    const p = predictFromOutput(LENET5_KERAS, [0.1, 0.6, 0.3, 0, 0, 0, 0, 0, 0, 0]);
    expect(p).toMatchObject({ index: 1, label: "1", probability: 0.6, kind: "probabilities" });
  });

  test("RBF distances: the lowest wins; probability = e^−d_i / Σ e^−d_j", () => {
    const d = [5, 2, 9, 2.5, 7, 8, 6, 4, 3, 10];
    const p = predictFromOutput(LENET5_1998, d);
    const z = d.reduce((acc, v) => acc + Math.exp(-v), 0);
    expect(p.index).toBe(1);
    expect(p.value).toBe(2);
    expect(p.kind).toBe("distances");
    expect(p.probability).toBeCloseTo(Math.exp(-2) / z, 12);
  });

  test("softmax is stable for large inputs", () => {
    const s = softmax([1000, 1000]);
    expect(Array.from(s)).toEqual([0.5, 0.5]);
  });
});

describe("arguments and errors", () => {
  test("parseCommandArgs: unknown option and missing value become UsageErrors naming the option", () => {
    const options = { input: { type: "string" } } as const;
    expect(() => parseCommandArgs(["--nope"], options, "trace")).toThrow(UsageError);
    expect(() => parseCommandArgs(["--nope"], options, "trace")).toThrow(/unknown option --nope/);
    expect(() => parseCommandArgs(["--input"], options, "trace")).toThrow(/--input needs a value/);
  });

  test("integerOption accepts decimal integers in range and refuses the rest", () => {
    expect(integerOption({ n: "12" }, "n", { min: 0 })).toBe(12);
    expect(integerOption({}, "n")).toBeUndefined();
    expect(() => integerOption({ n: "1e3" }, "n")).toThrow(/--n expects an integer, got "1e3"/);
    expect(() => integerOption({ n: "-1" }, "n", { min: 0 })).toThrow(/≥ 0/);
  });

  test("errorLine: one line, `convstep: ` + message; engine errors are the user's, others internal", () => {
    expect(errorLine(new SpecError("bad", { layer: "C1" }))).toBe('convstep: layer "C1": bad');
    expect(errorLine(new InputError("two\n  lines"))).toBe("convstep: two lines");
    expect(errorLine(new TypeError("x is undefined"))).toBe(
      "convstep: internal error: x is undefined",
    );
    const enoent = Object.assign(new Error("ENOENT: …"), { code: "ENOENT" });
    expect(fileError("a.png", enoent).message).toBe('cannot read "a.png": no such file');
  });
});
