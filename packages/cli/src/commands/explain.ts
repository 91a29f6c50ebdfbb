/** `convstep explain`: the arithmetic of one neuron, from its inputs to its output. */
import { findLayer } from "@convstep/engine";
import {
  flag,
  integerOption,
  onePositional,
  parseCommandArgs,
  requiredString,
  stringOption,
} from "../args.js";
import { formatExplanation } from "../format/explanation.js";
import { formatJson } from "../format/json.js";
import { formatNumber } from "../format/numbers.js";
import { readModelInput } from "../input/read-input.js";
import { line } from "../io.js";
import { loadModelForWeights } from "../model.js";
import { checkNeuron } from "../neuron.js";
import { WEIGHT_HELP, WEIGHT_OPTIONS, closeSession, openSession } from "../run.js";
import type { Command } from "./command.js";

const HELP = `Usage: convstep explain <model> --input <file> --layer <name> [--channel C] [--y Y] [--x X] [options]

Runs the model on the input and shows how one neuron of a layer gets its value: for a
convolution the input patch, the kernel, the products, their sum, the bias and the activation;
for pooling the window; for a dense unit the largest contributions; for LRN the neighbouring
channels and the divisor; for LeNet's RBF output the distance to the class code.

Options:
  --input F    the input file (PNG, JPEG or JSON, as for trace)
  --layer L    the layer (see convstep summary <model> for the names)
  --channel C  output channel, or unit of a vector layer (default 0)
  --y Y        row (default 0)
  --x X        column (default 0)
  --json       print the explanation as JSON
${WEIGHT_HELP}
  -h, --help   show this help

Example:
  convstep explain lenet5-1998 --input digit.png --layer C3 --channel 4 --y 2 --x 3`;

const OPTIONS = {
  input: { type: "string" },
  layer: { type: "string" },
  channel: { type: "string" },
  y: { type: "string" },
  x: { type: "string" },
  json: { type: "boolean" },
  ...WEIGHT_OPTIONS,
} as const;

/** The explain command. */
export const explainCommand: Command = {
  name: "explain",
  summary: "the arithmetic of one neuron: patch, kernel, products, sum, bias, activation",
  help: HELP,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, OPTIONS, "explain");
    if (flag(values, "help")) {
      line(io.out, HELP);
      return 0;
    }
    const model = await loadModelForWeights(
      onePositional(positionals, "model name", "explain"),
      stringOption(values, "weights"),
    );
    const file = requiredString(values, "input", "explain");
    const layer = findLayer(model, requiredString(values, "layer", "explain"));
    const position = {
      layer: layer.index,
      channel: integerOption(values, "channel", { min: 0 }) ?? 0,
      y: integerOption(values, "y", { min: 0 }) ?? 0,
      x: integerOption(values, "x", { min: 0 }) ?? 0,
    };
    checkNeuron(layer, position);
    const input = await readModelInput(model, file);
    const session = await openSession(model, values, io);
    try {
      await session.simulator.run(input.data);
      const neuron = session.simulator.explain(position);
      if (flag(values, "json")) {
        const json = {
          model: model.spec.name,
          layer: neuron.layer,
          kind: neuron.kind,
          position: {
            channel: neuron.position.channel,
            y: neuron.position.y,
            x: neuron.position.x,
          },
          value: neuron.value,
          output: neuron.output,
          explanation: neuron.explanation,
          receptiveField: neuron.receptiveField.clipped,
          weights: session.weightsSource,
        };
        line(io.out, formatJson(json));
        return 0;
      }
      const inputName = layer.index === 0 ? "the input" : model.layers[layer.index - 1].name;
      const rf = neuron.receptiveField.clipped;
      line(
        io.out,
        [
          formatExplanation(neuron.explanation, {
            layer: layer.name,
            kind: layer.spec.kind,
            inputName,
            outputShape: layer.outputShape,
            groups: "groups" in layer.spec ? layer.spec.groups : undefined,
            channel: position.channel,
            y: position.y,
            x: position.x,
          }),
          `value in the trace (computed by tfjs): ${formatNumber(neuron.value, 7)}`,
          rf
            ? `receptive field in the input: rows ${rf.y0}–${rf.y1 - 1}, columns ${rf.x0}–${rf.x1 - 1}`
            : "receptive field in the input: padding only",
          `weights: ${session.weightsSource}`,
        ].join("\n"),
      );
      return 0;
    } finally {
      closeSession(session);
    }
  },
};
