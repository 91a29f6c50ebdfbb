/** `convstep trace`: runs a model on one input and prints every layer's output shape and statistics. */
import { findLayer, type TraceStep } from "@convstep/engine";
import { flag, onePositional, parseCommandArgs, requiredString, stringOption } from "../args.js";
import { UsageError, printable } from "../cli-error.js";
import { formatJson } from "../format/json.js";
import { toNested } from "../format/nested.js";
import { formatDims } from "../format/numbers.js";
import {
  formatPrediction,
  formatTraceTable,
  predictionToJson,
  type TraceRow,
} from "../format/trace.js";
import { readModelInput } from "../input/read-input.js";
import { line } from "../io.js";
import { loadModelForWeights } from "../model.js";
import { predictFromOutput } from "../prediction.js";
import { WEIGHT_HELP, WEIGHT_OPTIONS, closeSession, openSession } from "../run.js";
import type { Command } from "./command.js";

const HELP = `Usage: convstep trace <model> --input <file> [options]

Runs the model on one input and prints, for the input and every layer, its name, kind, output
shape and the min, max and mean of its values; then the prediction.

The input is a PNG or JPEG image (preprocessed for the model: see below) or a JSON nested array in the model's
input shape ([h][w][c]).
  LeNet:   grey; a 28×28 image on a dark background is taken as an MNIST digit, anything else is
           cropped to its ink, fitted in 20×20 and centred by mass in 28×28 (either polarity);
           lenet5-1998 then centres it in 32×32 with background −0.1 and ink 1.175.
  AlexNet: RGB; shorter side resized, centre-cropped (227×227 or 32×32); alexnet-2012 in
           [0, 255] minus the ImageNet mean, alexnet-keras in [0, 1].

Options:
  --input F    the input file (PNG, JPEG or JSON)
  --layer L    only this layer (or "input")
  --full       with --layer: print the layer's whole activation as JSON ([h][w][c] or [n])
  --json       print the trace as JSON
${WEIGHT_HELP}
  -h, --help   show this help

Example:
  convstep trace lenet5-keras --input digit.png
  convstep trace lenet5-keras --input digit.png --layer C1 --full > c1.json`;

const OPTIONS = {
  input: { type: "string" },
  layer: { type: "string" },
  full: { type: "boolean" },
  json: { type: "boolean" },
  ...WEIGHT_OPTIONS,
} as const;

/** The trace command. */
export const traceCommand: Command = {
  name: "trace",
  summary: "run a model on an input: every layer's shape, min, max, mean, and the prediction",
  help: HELP,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, OPTIONS, "trace");
    if (flag(values, "help")) {
      line(io.out, HELP);
      return 0;
    }
    const model = await loadModelForWeights(
      onePositional(positionals, "model name", "trace"),
      stringOption(values, "weights"),
    );
    const file = requiredString(values, "input", "trace");
    const only = stringOption(values, "layer");
    if (only !== undefined && only !== "input") findLayer(model, only);
    if (flag(values, "full") && only === undefined) {
      throw new UsageError(`--full needs --layer NAME (the layer whose activation to print)`);
    }
    const input = await readModelInput(model, file);
    const session = await openSession(model, values, io);
    try {
      const trace = await session.simulator.run(input.data);
      if (only !== undefined && flag(values, "full")) {
        const step = trace.step(only);
        line(io.out, JSON.stringify(toNested(step.data, step.shape)));
        return 0;
      }
      const row = (s: TraceStep): TraceRow => ({
        name: s.name,
        kind: s.kind,
        shape: [...s.shape],
        ...s.stats,
      });
      const prediction = predictFromOutput(model.spec, trace.output.data);
      if (flag(values, "json")) {
        const json = {
          model: model.spec.name,
          input: { file, format: input.format, shape: [...input.shape], ...trace.input.stats },
          weights: session.weightsSource,
          layers: (only !== undefined ? [trace.step(only)] : trace.layers).map(row),
          prediction: predictionToJson(prediction),
        };
        line(io.out, formatJson(json));
        return 0;
      }
      const rows = (only !== undefined ? [trace.step(only)] : trace.steps).map(row);
      const from = input.imageSize
        ? `${printable(file)} (${input.format.toUpperCase()} ${input.imageSize.width}×${input.imageSize.height} → ${formatDims(input.shape)}: ${input.preprocessing ?? "preprocessed"})`
        : `${printable(file)} (JSON ${formatDims(input.shape)})`;
      line(
        io.out,
        [
          `${model.spec.title ?? model.spec.name} [${model.spec.name}]`,
          `input: ${from}`,
          `weights: ${session.weightsSource}`,
          "",
          formatTraceTable(rows),
          "",
          `prediction: ${formatPrediction(prediction)}`,
        ].join("\n"),
      );
      return 0;
    } finally {
      closeSession(session);
    }
  },
};
