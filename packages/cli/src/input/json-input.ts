/** Reading a model input from JSON: a nested array in the model's input shape. */
import { UsageError, quote } from "../cli-error.js";

/** Shapes deeper than this are described by their depth, not listed. */
const MAX_LISTED_DIMS = 6;

/** A JSON value in a few words for a message: `"abc"`, `true`, `an array of 3 entries`, … */
export function describeJsonValue(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) {
    return value.length === 1 ? "an array of 1 entry" : `an array of ${value.length} entries`;
  }
  switch (typeof value) {
    case "string":
      return `the string ${quote(value, 24)}`;
    case "number":
      // JSON.parse reads 1e999 as Infinity: the text holds a number too large for a float.
      return Number.isFinite(value) ? String(value) : "a number too large to be finite";
    case "boolean":
      return String(value);
    case "object":
      return "an object";
    default:
      return typeof value;
  }
}

/** `[28, 28, 1]`, or "an array nested 100,000 levels deep" for a very deep one. */
function describeShape(shape: readonly number[]): string {
  if (shape.length <= MAX_LISTED_DIMS) return `[${shape.join(", ")}]`;
  return `an array nested ${shape.length.toLocaleString("en-US")} levels deep`;
}

/** The shape of a nested array (the first element of each level), or a UsageError if empty. */
function nestedShape(value: unknown, file: string): number[] {
  const shape: number[] = [];
  let level: unknown = value;
  while (Array.isArray(level)) {
    if (level.length === 0) {
      throw new UsageError(
        `${quote(file)}: an empty array at depth ${shape.length}; expected numbers`,
      );
    }
    shape.push(level.length);
    level = level[0];
  }
  return shape;
}

/** Flattens `value` in row-major order, checking that it is a regular array of finite numbers. */
function flatten(value: unknown, shape: readonly number[], file: string): Float32Array {
  const out = new Float32Array(shape.reduce((a, b) => a * b, 1));
  let k = 0;
  // The depth is the model's input rank (3), checked before: the recursion is shallow.
  const visit = (node: unknown, depth: number, path: string) => {
    if (depth === shape.length) {
      if (typeof node !== "number" || !Number.isFinite(node)) {
        throw new UsageError(
          `${quote(file)}: expected a finite number at ${path}, got ${describeJsonValue(node)}`,
        );
      }
      out[k++] = node;
      return;
    }
    if (!Array.isArray(node) || node.length !== shape[depth]) {
      throw new UsageError(
        `${quote(file)}: ragged array: expected ${shape[depth]} entries at ${path || "the top"}, got ${describeJsonValue(node)}`,
      );
    }
    node.forEach((child, i) => visit(child, depth + 1, `${path}[${i}]`));
  };
  visit(value, 0, "");
  return out;
}

/**
 * JSON.parse's complaint in a few words, without the excerpt of the text it quotes (which may be
 * anything, binary included): `Unexpected token 'N' (JSON has no NaN or Infinity: write numbers)`.
 */
function parseProblem(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/Unexpected end of JSON input/i.test(message)) return "the text ends before the JSON does";
  const token = /^Unexpected token '?([^']?)'?/.exec(message)?.[1];
  const hint =
    token === "N" || token === "I" ? " (JSON has no NaN or Infinity: write numbers)" : "";
  const short = message
    .replace(/,\s*"[\s\S]*"(?:\.\.\.)? is not valid JSON$/, "")
    .replace(/ in JSON at position (\d+)/, " at character $1")
    .slice(0, 120);
  return `${short}${hint}`;
}

/**
 * Parses JSON text holding a nested array of shape `shape` (`[h][w][c]`), or `[1][h][w][c]`.
 * UsageError naming the file for malformed JSON, ragged arrays, non-numbers or a wrong shape.
 */
export function parseJsonInput(text: string, shape: readonly number[], file: string): Float32Array {
  const expected = `a nested array of shape [${shape.join(", ")}]`;
  if (text.trim() === "") throw new UsageError(`${quote(file)} is empty; expected ${expected}`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${quote(file)} is not valid JSON: ${parseProblem(error)}`);
  }
  if (!Array.isArray(value)) {
    throw new UsageError(`${quote(file)}: expected ${expected}, got ${describeJsonValue(value)}`);
  }
  const got = nestedShape(value, file);
  const batched = got.length === shape.length + 1 && got[0] === 1;
  const inner = batched ? got.slice(1) : got;
  const fits = inner.length === shape.length && inner.every((d, i) => d === shape[i]);
  if (!fits) {
    throw new UsageError(`${quote(file)}: expected ${expected}, got ${describeShape(got)}`);
  }
  return flatten(batched ? value[0] : value, shape, file);
}
