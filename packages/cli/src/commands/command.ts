/** What every subcommand provides to the dispatcher. */
import type { CliIo } from "../io.js";

/** A subcommand: its name, a one-line summary for `convstep --help`, its help, and its run. */
export interface Command {
  readonly name: string;
  /** One line for the command list. */
  readonly summary: string;
  /** The full `--help` text. */
  readonly help: string;
  /** Runs with the arguments after the command name; resolves to the exit status. */
  run(argv: readonly string[], io: CliIo): Promise<number>;
}
