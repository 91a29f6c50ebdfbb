import { describe, expect, it } from "vitest";
import { choiceOption, parseCommandArgs } from "./args.js";
import { UsageError } from "./cli-error.js";

const OPTIONS = {
  layer: { type: "string" },
  json: { type: "boolean" },
  tag: { type: "string", multiple: true },
} as const;

describe("parseCommandArgs", () => {
  it("--layer C1 --layer C3 → UsageError naming the option and both values", () => {
    expect(() => parseCommandArgs(["--layer", "C1", "--layer", "C3"], OPTIONS, "trace")).toThrow(
      new UsageError('option --layer was given 2 times ("C1" and "C3"); give it once'),
    );
  });

  it("--json --json → UsageError naming the option, without values", () => {
    expect(() => parseCommandArgs(["--json", "--json"], OPTIONS, "trace")).toThrow(
      new UsageError("option --json was given 2 times; give it once"),
    );
  });

  it("an option declared multiple may repeat: --tag a --tag b → [a, b]", () => {
    expect(parseCommandArgs(["--tag", "a", "--tag", "b"], OPTIONS, "trace").values.tag).toEqual([
      "a",
      "b",
    ]);
  });

  it("an unknown option lists the command's options", () => {
    expect(() => parseCommandArgs(["--backend", "gpu"], OPTIONS, "trace")).toThrow(
      /^unknown option --backend for "trace"; its options are --layer, --json, --tag /,
    );
  });
});

describe("choiceOption", () => {
  const values = { backend: "gpu" };
  it('--backend gpu of cpu, wasm → UsageError: expects one of cpu, wasm; got "gpu"', () => {
    expect(() => choiceOption(values, "backend", ["cpu", "wasm"])).toThrow(
      new UsageError('--backend expects one of cpu, wasm; got "gpu"'),
    );
  });

  it("a listed value comes back; an absent option is undefined", () => {
    expect(choiceOption({ backend: "wasm" }, "backend", ["cpu", "wasm"])).toBe("wasm");
    expect(choiceOption({}, "backend", ["cpu", "wasm"])).toBeUndefined();
  });
});
