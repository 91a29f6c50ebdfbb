/** `convstep summary <model> [--json] | --all`: a Keras-style table of layers, params and connections. */
import { formatSummary, summarizeModel } from "@convstep/engine";
import { MODEL_NAMES } from "@convstep/models";
import { flag, onePositional, parseCommandArgs } from "../args.js";
import { UsageError } from "../cli-error.js";
import { formatJson } from "../format/json.js";
import { line } from "../io.js";
import { loadModel } from "../model.js";
import type { Command } from "./command.js";

const HELP = `Usage: convstep summary <model> [--json]
       convstep summary --all [--json]

Prints each layer's output shape, parameters, connections and multiply-adds, and the totals.
No forward pass is run: this is instant even for AlexNet.

Options:
  --all       summarise every model (${MODEL_NAMES.join(", ")})
  --json      print the summary as JSON (an array with --all)
  -h, --help  show this help

Example:
  convstep summary alexnet-2012     # Total params: 60,965,224`;

/** The summary command. */
export const summaryCommand: Command = {
  name: "summary",
  summary: "layer table with shapes, parameters, connections and multiply-adds",
  help: HELP,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(
      argv,
      { json: { type: "boolean" }, all: { type: "boolean" } },
      "summary",
    );
    if (flag(values, "help")) {
      line(io.out, HELP);
      return 0;
    }
    let names: readonly string[];
    if (flag(values, "all")) {
      if (positionals.length > 0) {
        throw new UsageError(`"summary --all" takes no model name, got ${positionals.join(" ")}`);
      }
      names = MODEL_NAMES;
    } else {
      names = [onePositional(positionals, "model name", "summary")];
    }
    const summaries = names.map((name) => summarizeModel(loadModel(name)));
    if (flag(values, "json")) {
      const value = flag(values, "all") ? summaries : summaries[0];
      line(io.out, formatJson(value));
    } else {
      line(io.out, summaries.map((s) => formatSummary(s)).join("\n\n"));
    }
    return 0;
  },
};
