/** `convstep predict`: the predicted class of each input file. */
import { flag, parseCommandArgs, stringOption } from "../args.js";
import { UsageError, printable } from "../cli-error.js";
import { formatJson } from "../format/json.js";
import { formatPercent, formatNumber } from "../format/numbers.js";
import { formatTable } from "../format/table.js";
import { readModelInput } from "../input/read-input.js";
import { line } from "../io.js";
import { loadModelForWeights } from "../model.js";
import { predictFromOutput } from "../prediction.js";
import { WEIGHT_HELP, WEIGHT_OPTIONS, closeSession, openSession } from "../run.js";
import type { Command } from "./command.js";

const HELP = `Usage: convstep predict <model> <file>... [options]

Runs the model on each file (PNG, JPEG or JSON, preprocessed as for trace) and prints one row
per file: the file, the predicted class and its probability. For lenet5-1998 the class with the
lowest RBF distance wins and the probability is the softmax of the negated distances.

Options:
  --json       print [{ "file", "prediction", "probability" }] (+ "distance" for lenet5-1998)
${WEIGHT_HELP}
  -h, --help   show this help

Example:
  convstep predict lenet5-keras zero.png seven.png --json`;

const OPTIONS = { json: { type: "boolean" }, ...WEIGHT_OPTIONS } as const;

/** The predict command. */
export const predictCommand: Command = {
  name: "predict",
  summary: "the predicted class and probability of each input file",
  help: HELP,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, OPTIONS, "predict");
    if (flag(values, "help")) {
      line(io.out, HELP);
      return 0;
    }
    const [name, ...files] = positionals;
    if (name === undefined)
      throw new UsageError(`"predict" needs a model name (see convstep predict --help)`);
    const model = await loadModelForWeights(name, stringOption(values, "weights"));
    if (files.length === 0) {
      throw new UsageError(`"predict" needs at least one input file after the model name`);
    }
    // Every file is read and checked before the first run: a bad one stops everything.
    const inputs = [];
    for (const file of files) inputs.push(await readModelInput(model, file));
    const session = await openSession(model, values, io);
    try {
      const results = [];
      for (const input of inputs) {
        const trace = await session.simulator.run(input.data);
        results.push({ file: input.file, ...predictFromOutput(model.spec, trace.output.data) });
      }
      if (flag(values, "json")) {
        const json = results.map((r) => ({
          file: r.file,
          prediction: r.label,
          probability: r.probability,
          ...(r.kind === "distances" ? { distance: r.value } : {}),
        }));
        line(io.out, formatJson(json));
        return 0;
      }
      const distances = results.some((r) => r.kind === "distances");
      const headers = ["file", "prediction", "probability", ...(distances ? ["distance"] : [])];
      const rows = results.map((r) => [
        printable(r.file),
        r.label,
        formatPercent(r.probability),
        ...(distances ? [formatNumber(r.value)] : []),
      ]);
      line(io.out, formatTable(headers, rows, ["left", "left", "right", "right"]));
      return 0;
    } finally {
      closeSession(session);
    }
  },
};
