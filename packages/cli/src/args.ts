/**
 * Argument parsing on top of Node's `util.parseArgs`: strict options, positionals, and the
 * conversions (integers, required values) every command shares. Errors are UsageErrors.
 */
import { parseArgs } from "node:util";
import { UsageError, quote } from "./cli-error.js";

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

/** The options of a command as they are typed: `--input, --layer, --json`. */
function optionList(options: OptionSpecs): string {
  return Object.keys(options)
    .map((name) => `--${name}`)
    .join(", ");
}

/** Rewrites util.parseArgs' messages (which mention its API) in the user's terms. */
function usageMessage(error: unknown, command: string, options: OptionSpecs): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown }).code;
  const raw = /'([^']+)'/.exec(message)?.[1]?.split(" ")[0];
  const option = raw === undefined ? undefined : quote(raw, 40).slice(1, -1);
  switch (code) {
    case "ERR_PARSE_ARGS_UNKNOWN_OPTION":
      return `unknown option ${option ?? ""} for "${command}"; its options are ${optionList(options)} (see convstep ${command} --help)`;
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

/** The options' tokens as parseArgs reads them. */
type Token = NonNullable<ReturnType<typeof parseArgs>["tokens"]>[number];

/**
 * UsageError when an option that takes one value is given more than once (`--layer C1 --layer
 * C3`): util.parseArgs would silently keep the last.
 */
function refuseRepeats(tokens: readonly Token[], options: OptionSpecs): void {
  const seen = new Map<string, string[]>();
  for (const token of tokens) {
    if (token.kind !== "option" || options[token.name]?.multiple) continue;
    const given = seen.get(token.name) ?? [];
    given.push(token.value ?? "");
    seen.set(token.name, given);
    if (given.length > 1) {
      const values = given.some((v) => v !== "")
        ? ` (${given.map((v) => quote(v, 40)).join(" and ")})`
        : "";
      throw new UsageError(
        `option --${token.name} was given ${given.length} times${values}; give it once`,
      );
    }
  }
}

/**
 * Parses `argv` strictly against `options`; UsageError for unknown options, missing values and
 * options given twice.
 */
export function parseCommandArgs(
  argv: readonly string[],
  options: OptionSpecs,
  command: string,
): ParsedArgs {
  const all: OptionSpecs = { ...options, help: { type: "boolean", short: "h" } };
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: [...argv],
      options: all,
      allowPositionals: true,
      strict: true,
      tokens: true,
    });
  } catch (error) {
    throw new UsageError(usageMessage(error, command, options));
  }
  refuseRepeats(parsed.tokens ?? [], all);
  return { values: parsed.values as OptionValues, positionals: parsed.positionals };
}

/**
 * A string option whose value must be one of `choices`, or undefined when it was not given;
 * UsageError listing the choices otherwise (`--backend expects one of cpu, wasm; got "gpu"`).
 */
export function choiceOption<T extends string>(
  values: OptionValues,
  name: string,
  choices: readonly T[],
): T | undefined {
  const raw = stringOption(values, name);
  if (raw === undefined) return undefined;
  if (!(choices as readonly string[]).includes(raw)) {
    throw new UsageError(`--${name} expects one of ${choices.join(", ")}; got ${quote(raw, 40)}`);
  }
  return raw as T;
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
    throw new UsageError(`--${name} expects an integer, got ${quote(raw, 40)}`);
  }
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    const range = max === Infinity ? `an integer ≥ ${min}` : `an integer from ${min} to ${max}`;
    throw new UsageError(`--${name} expects ${range}, got ${quote(raw, 40).slice(1, -1)}`);
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
      `"${command}" takes one ${what}, got ${positionals.length}: ${positionals.map((p) => quote(p, 40)).join(" ")}`,
    );
  }
  return positionals[0];
}
