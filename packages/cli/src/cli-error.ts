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
  return new UsageError(`cannot read ${quote(path)}: ${reason}`);
}

/** Whether an error is the user's (exit 2) rather than convstep's (exit 1). */
export function isUserError(error: unknown): boolean {
  return error instanceof UsageError || error instanceof ConvstepError;
}

/** The longest error line convstep prints, in characters; a longer message is cut with "…". */
export const MAX_ERROR_LINE = 300;

/**
 * A value the user gave (a file name, an option's value), quoted for a message: JSON-style
 * quotes and escapes, so control characters such as ANSI escapes print as `\u001b`, and cut to
 * `max` characters.
 */
export function quote(value: string, max = 80): string {
  const cut = value.length > max ? `${value.slice(0, max - 1)}…` : value;
  return JSON.stringify(cut);
}

// eslint-disable-next-line no-control-regex -- control characters are what it finds
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** `text` with its control characters (a terminal's escape sequences) written as `\u001b`. */
export function printable(text: string): string {
  return text.replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/**
 * The single line printed for an error: `convstep: <message>`, newlines folded into spaces, control
 * characters (a terminal's escape sequences) written as `\u001b`, at most {@link MAX_ERROR_LINE}
 * characters.
 */
export function errorLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const oneLine = message.replace(/\s*\n\s*/g, " ").trim();
  const text = printable(
    isUserError(error) ? `convstep: ${oneLine}` : `convstep: internal error: ${oneLine}`,
  );
  return text.length > MAX_ERROR_LINE ? `${text.slice(0, MAX_ERROR_LINE - 1)}…` : text;
}
