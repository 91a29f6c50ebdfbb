/**
 * `convstep figure`: the network or a neuron's arithmetic as a standalone SVG file, the same
 * figure the elements' `toSVG()` exports (both are built by `@convstep/elements/svg.js`, which
 * needs no DOM and no Lit).
 */
import { writeFile } from "node:fs/promises";
import { findLayer } from "@convstep/engine";
import { arithmeticSVG, figureCaption, networkSVG } from "@convstep/elements/svg.js";
import {
  choiceOption,
  flag,
  integerOption,
  onePositional,
  parseCommandArgs,
  requiredString,
  stringOption,
} from "../args.js";
import { UsageError } from "../cli-error.js";
import { readModelInput } from "../input/read-input.js";
import { line } from "../io.js";
import { loadModelForWeights } from "../model.js";
import { checkNeuron } from "../neuron.js";
import { WEIGHT_HELP, WEIGHT_OPTIONS, closeSession, openSession } from "../run.js";
import type { Command } from "./command.js";

const WHATS = ["network", "arithmetic"] as const;

const HELP = `Usage: convstep figure <model> --input <file> --layer <name> [--channel C] [--y Y] [--x X] [--what network|arithmetic] [--out F] [options]

Runs the model on the input and writes an SVG figure of one step, with a caption line (model,
layer, position): the network with the links into the chosen map (--what network, the default),
or the chosen neuron's arithmetic: patch, kernel, products, sum, bias, activation (--what
arithmetic). Styles are embedded and fonts are generic families, so the file stands alone.

Options:
  --input F    the input file (PNG or JSON, as for trace)
  --layer L    the layer (see convstep summary <model> for the names)
  --channel C  output channel, or unit of a vector layer (default 0)
  --y Y        row (default 0)
  --x X        column (default 0)
  --what W     network or arithmetic (default network)
  --width W    width of the network figure in px (default 960)
  --out F      write the SVG to F (default: standard output)
${WEIGHT_HELP}
  -h, --help   show this help

Example:
  convstep figure lenet5-1998 --input digit.png --layer C3 --channel 4 --y 2 --x 3 --what arithmetic --out c3.svg`;

const OPTIONS = {
  input: { type: "string" },
  layer: { type: "string" },
  channel: { type: "string" },
  y: { type: "string" },
  x: { type: "string" },
  what: { type: "string" },
  width: { type: "string" },
  out: { type: "string" },
  ...WEIGHT_OPTIONS,
} as const;

/** The figure command. */
export const figureCommand: Command = {
  name: "figure",
  summary: "an SVG figure of the network or of one neuron's arithmetic",
  help: HELP,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, OPTIONS, "figure");
    if (flag(values, "help")) {
      line(io.out, HELP);
      return 0;
    }
    const what = choiceOption(values, "what", WHATS) ?? "network";
    const model = await loadModelForWeights(
      onePositional(positionals, "model name", "figure"),
      stringOption(values, "weights"),
    );
    const file = requiredString(values, "input", "figure");
    const layer = findLayer(model, requiredString(values, "layer", "figure"));
    const position = {
      layer: layer.index,
      channel: integerOption(values, "channel", { min: 0 }) ?? 0,
      y: integerOption(values, "y", { min: 0 }) ?? 0,
      x: integerOption(values, "x", { min: 0 }) ?? 0,
    };
    const width = integerOption(values, "width", { min: 200 }) ?? 960;
    checkNeuron(layer, position);
    const input = await readModelInput(model, file);
    const session = await openSession(model, values, io);
    let svg: string;
    try {
      const sim = session.simulator;
      await sim.run(input.data);
      const trace = sim.trace;
      if (!trace) throw new Error("the model ran but left no trace");
      const vector = layer.outputShape.length !== 3;
      const modelName = model.spec.title ?? model.spec.name;
      const caption = figureCaption({
        model: modelName,
        layer: layer.name,
        channel: position.channel,
        ...(vector || what === "network" ? {} : { y: position.y, x: position.x }),
      });
      const grouped = model.layers.some((l) => "groups" in l.spec && (l.spec.groups ?? 1) > 1);
      if (what === "network") {
        svg = networkSVG({
          model,
          trace,
          focus: { layer: layer.index, channel: position.channel },
          width,
          towers: grouped,
          // As the explorers show them: AlexNet's with 16 boxes a column, LeNet's with 32.
          pageSize: grouped ? 16 : 32,
          title: `${modelName}: network at ${layer.name}`,
          caption,
        });
      } else {
        svg = arithmeticSVG({
          neuron: sim.explain(position),
          title: `${modelName}: arithmetic of a ${layer.name} neuron`,
          caption,
        });
      }
    } finally {
      closeSession(session);
    }
    const out = stringOption(values, "out");
    if (out === undefined) {
      io.out(svg);
      return 0;
    }
    try {
      await writeFile(out, svg, "utf8");
    } catch (error) {
      const why = (error as NodeJS.ErrnoException).code ?? String(error);
      throw new UsageError(`cannot write the figure to "${out}" (${why})`);
    }
    line(io.err, `wrote ${out} (${svg.length.toLocaleString("en-US")} bytes)`);
    return 0;
  },
};
