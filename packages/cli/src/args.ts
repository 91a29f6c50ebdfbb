/**
 * Argument parsing on top of Node's `util.parseArgs`: strict options, positionals, and the
 * conversions (integers, required values) every command shares. Errors are UsageErrors.
 */
import { parseArgs } from "node:util";
import { UsageError } from "./cli-error.js";

/** The options a command accepts, in `util.parseArgs`' format. */
export type OptionSpecs = Record<
  string,
  { readonly type: "string" | "boolean"; readonly short?: string; readonly multiple?: boolean }
>;

/** Parsed values: strings, booleans or (with `multiple`) arrays of strings. */
export type OptionValues = Record<string, string | boolean | (string | boolean)[] | undefined>;

/** What a command line parses into. */
export interface ParsedArgs {
  readonly values: OptionValues;
  readonly positionals: readonly string[];
}

/** Rewrites util.parseArgs' messages (which mention its API) in the user's terms. */
function usageMessage(error: unknown, command: string): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown }).code;
  const option = /'([^']+)'/.exec(message)?.[1]?.split(" ")[0];
  switch (code) {
    case "ERR_PARSE_ARGS_UNKNOWN_OPTION":
      return `unknown option ${option ?? ""} for "${command}" (see convstep ${command} --help)`;
    case "ERR_PARSE_ARGS_INVALID_OPTION_VALUE":
      if (/argument missing/.test(message)) {
        return `option ${option ?? ""} needs a value (see convstep ${command} --help)`;
      }
      if (/ambiguous/.test(message)) {
        return `option ${option ?? ""} needs a value; write a value that starts with "-" as ${option ?? "--option"}=-1`;
      }
      return `option ${option ?? ""} takes no value (see convstep ${command} --help)`;
    default:
      return `${message.split("\n")[0]} (see convstep ${command} --help)`;
  }
}

/** Parses `argv` strictly against `options`; UsageError for unknown options or missing values. */
export function parseCommandArgs(
  argv: readonly string[],
  options: OptionSpecs,
  command: string,
): ParsedArgs {
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      options: { ...options, help: { type: "boolean", short: "h" } },
      allowPositionals: true,
      strict: true,
    });
    return { values: values as OptionValues, positionals };
  } catch (error) {
    throw new UsageError(usageMessage(error, command));
  }
}

/** A string option's value, or undefined when it was not given. */
export function stringOption(values: OptionValues, name: string): string | undefined {
  const value = values[name];
  return typeof value === "string" ? value : undefined;
}

/** A string option that must be given. */
export function requiredString(values: OptionValues, name: string, command: string): string {
  const value = stringOption(values, name);
  if (value === undefined || value === "") {
    throw new UsageError(`"${command}" needs --${name} (see convstep ${command} --help)`);
  }
  return value;
}

/** A boolean flag (false when absent). */
export function flag(values: OptionValues, name: string): boolean {
  return values[name] === true;
}

/**
 * An integer option in `[min, max]`, or undefined when it was not given. "3", "-1" and "0x10" are
 * not the same: only decimal integers are accepted.
 */
export function integerOption(
  values: OptionValues,
  name: string,
  { min = -Infinity, max = Infinity }: { min?: number; max?: number } = {},
): number | undefined {
  const raw = stringOption(values, name);
  if (raw === undefined) return undefined;
  if (!/^[+-]?\d+$/.test(raw.trim())) {
    throw new UsageError(`--${name} expects an integer, got ${JSON.stringify(raw)}`);
  }
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    const range = max === Infinity ? `an integer ≥ ${min}` : `an integer from ${min} to ${max}`;
    throw new UsageError(`--${name} expects ${range}, got ${raw}`);
  }
  return value;
}

/**
 * The single positional a command needs (`what` is a noun such as "model name"); UsageError when
 * it is missing or repeated.
 */
export function onePositional(
  positionals: readonly string[],
  what: string,
  command: string,
): string {
  if (positionals.length === 0) {
    throw new UsageError(`"${command}" needs a ${what} (see convstep ${command} --help)`);
  }
  if (positionals.length > 1) {
    throw new UsageError(
      `"${command}" takes one ${what}, got ${positionals.length}: ${positionals.join(" ")}`,
    );
  }
  return positionals[0];
}
