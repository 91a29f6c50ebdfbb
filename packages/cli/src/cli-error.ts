/**
 * Errors of the command line itself (a bad option, a missing argument, an unreadable file) and the
 * one-line message every error becomes on stderr.
 */
import { ConvstepError } from "@convstep/engine";

/** Exit status of a run that worked. */
export const EXIT_OK = 0;
/** Exit status of an internal failure (a bug in convstep, not in what the user gave). */
export const EXIT_INTERNAL = 1;
/** Exit status of bad input: unknown model or command, bad option, unusable file, weights or layer. */
export const EXIT_USAGE = 2;

/** A mistake in what the user typed or gave (arguments, files): printed on one line, exit 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

/** The Node.js system error codes that mean "this file cannot be read", with their wording. */
const FS_REASONS: Readonly<Record<string, string>> = {
  ENOENT: "no such file",
  EISDIR: "it is a directory, expected a file",
  EACCES: "permission denied",
  EPERM: "permission denied",
  ENOTDIR: "a part of the path is not a directory",
};

/** Turns a failed file read into a UsageError naming the file and the reason. */
export function fileError(path: string, error: unknown): UsageError {
  const code = (error as { code?: unknown } | null)?.code;
  const reason =
    typeof code === "string" && FS_REASONS[code] !== undefined
      ? FS_REASONS[code]
      : error instanceof Error
        ? error.message
        : String(error);
  return new UsageError(`cannot read ${JSON.stringify(path)}: ${reason}`);
}

/** Whether an error is the user's (exit 2) rather than convstep's (exit 1). */
export function isUserError(error: unknown): boolean {
  return error instanceof UsageError || error instanceof ConvstepError;
}

/** The single line printed for an error: `convstep: <message>` (newlines folded into spaces). */
export function errorLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const oneLine = message.replace(/\s*\n\s*/g, " ").trim();
  return isUserError(error) ? `convstep: ${oneLine}` : `convstep: internal error: ${oneLine}`;
}
