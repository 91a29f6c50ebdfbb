/** Where a command writes: stdout for results, stderr for notices and errors. */

/** The two output streams of a run, as plain functions (tests can capture them). */
export interface CliIo {
  /** Writes results (text or JSON) to standard output. */
  readonly out: (text: string) => void;
  /** Writes notices and errors to standard error. */
  readonly err: (text: string) => void;
}

/** The process' own stdout and stderr. */
export function processIo(): CliIo {
  return {
    out: (text) => void process.stdout.write(text),
    err: (text) => void process.stderr.write(text),
  };
}

/** Writes `text` followed by a newline. */
export function line(write: (text: string) => void, text: string): void {
  write(text.endsWith("\n") ? text : `${text}\n`);
}
