/** `convstep models`: the models convstep ships, with their titles. */
import { getModelSpec, MODEL_NAMES } from "@convstep/models";
import { flag, parseCommandArgs } from "../args.js";
import { UsageError } from "../cli-error.js";
import { formatJson } from "../format/json.js";
import { formatTable } from "../format/table.js";
import { line } from "../io.js";
import type { Command } from "./command.js";

const HELP = `Usage: convstep models [--json]

Lists the models convstep knows, with their titles.

Options:
  --json      print [{ "name", "title", "inputShape" }] instead of a table
  -h, --help  show this help`;

/** The model list command. */
export const modelsCommand: Command = {
  name: "models",
  summary: "list the models with their titles",
  help: HELP,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, { json: { type: "boolean" } }, "models");
    if (flag(values, "help")) {
      line(io.out, HELP);
      return 0;
    }
    if (positionals.length > 0) {
      throw new UsageError(`"models" takes no arguments, got ${positionals.join(" ")}`);
    }
    const specs = MODEL_NAMES.map((name) => getModelSpec(name));
    if (flag(values, "json")) {
      const list = specs.map((s) => ({
        name: s.name,
        title: s.title ?? s.name,
        inputShape: s.input.shape,
      }));
      line(io.out, formatJson(list));
      return 0;
    }
    const rows = specs.map((s) => [s.name, s.title ?? "", s.input.shape.join("×")]);
    line(io.out, formatTable(["model", "title", "input"], rows, ["left", "left", "left"]));
    return 0;
  },
};
