/**
 * The command-line entry point as a function: dispatches to a subcommand and turns every error
 * into one line on stderr and an exit status (2 for bad input, 1 for a bug in convstep).
 */
import { createRequire } from "node:module";
import {
  EXIT_INTERNAL,
  EXIT_OK,
  EXIT_USAGE,
  UsageError,
  errorLine,
  quote,
  isUserError,
} from "./cli-error.js";
import type { Command } from "./commands/command.js";
import { convertCommand } from "./commands/convert.js";
import { experimentCommand } from "./commands/experiment.js";
import { explainCommand } from "./commands/explain.js";
import { figureCommand } from "./commands/figure.js";
import { modelsCommand } from "./commands/models.js";
import { predictCommand } from "./commands/predict.js";
import { summaryCommand } from "./commands/summary.js";
import { traceCommand } from "./commands/trace.js";
import { type CliIo, line } from "./io.js";

/** Every subcommand, in the order the help lists them. */
export const COMMANDS: readonly Command[] = [
  modelsCommand,
  summaryCommand,
  traceCommand,
  explainCommand,
  predictCommand,
  convertCommand,
  experimentCommand,
  figureCommand,
];

/** The version in the package's package.json. */
function version(): string {
  const pkg = createRequire(import.meta.url)("../package.json") as { version?: string };
  return pkg.version ?? "unknown";
}

/** The top-level help. */
export function generalHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    "Usage: convstep <command> [options]",
    "",
    "Watch the classic convolutional networks think: LeNet-5 (1998) and AlexNet (2012).",
    "",
    "Commands:",
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    "",
    "Options:",
    "  -h, --help     show help (convstep <command> --help for a command's own)",
    "  -v, --version  print the version",
    "",
    "Examples:",
    "  convstep models",
    "  convstep summary alexnet-2012",
    "  convstep trace lenet5-1998 --input digit.png",
    "  convstep explain lenet5-1998 --input digit.png --layer C3 --channel 4 --y 2 --x 3",
    "  convstep predict lenet5-keras a.png b.png --json",
    "  convstep convert bvlc_alexnet.caffemodel --model alexnet-2012 --out alexnet",
    "  convstep experiment relu-vs-tanh --seed 1",
    "",
    "Bad input exits with status 2 and one line on stderr.",
  ].join("\n");
}

/** Finds a command by name; UsageError listing the commands otherwise. */
function findCommand(name: string): Command {
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    throw new UsageError(
      `unknown command ${quote(name, 40)}; commands: ${COMMANDS.map((c) => c.name).join(", ")} (see convstep --help)`,
    );
  }
  return command;
}

/** Runs the command line `argv` (without `node` and the script) and resolves to the exit status. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    const [first, ...rest] = argv;
    if (first === undefined || first === "-h" || first === "--help") {
      line(io.out, generalHelp());
      return EXIT_OK;
    }
    if (first === "-v" || first === "--version") {
      line(io.out, version());
      return EXIT_OK;
    }
    if (first === "help") {
      line(io.out, rest.length > 0 ? findCommand(rest[0]).help : generalHelp());
      return EXIT_OK;
    }
    if (first.startsWith("-")) {
      throw new UsageError(`expected a command before ${first} (see convstep --help)`);
    }
    return await findCommand(first).run(rest, io);
  } catch (error) {
    line(io.err, errorLine(error));
    if (
      !isUserError(error) &&
      process.env.CONVSTEP_DEBUG &&
      error instanceof Error &&
      error.stack
    ) {
      line(io.err, error.stack);
    }
    return isUserError(error) ? EXIT_USAGE : EXIT_INTERNAL;
  }
}
