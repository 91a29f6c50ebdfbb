/** Reading a model input from JSON: a nested array in the model's input shape. */
import { UsageError } from "../cli-error.js";

/** The shape of a nested array (the first element of each level), or a UsageError if ragged. */
function nestedShape(value: unknown, file: string): number[] {
  const shape: number[] = [];
  let level: unknown = value;
  while (Array.isArray(level)) {
    if (level.length === 0) throw new UsageError(`${JSON.stringify(file)}: empty array`);
    shape.push(level.length);
    level = level[0];
  }
  return shape;
}

/** Flattens `value` in row-major order, checking that it is a regular array of finite numbers. */
function flatten(value: unknown, shape: readonly number[], file: string): Float32Array {
  const out = new Float32Array(shape.reduce((a, b) => a * b, 1));
  let k = 0;
  const visit = (node: unknown, depth: number, path: string) => {
    if (depth === shape.length) {
      if (typeof node !== "number" || !Number.isFinite(node)) {
        throw new UsageError(
          `${JSON.stringify(file)}: expected a finite number at ${path}, got ${JSON.stringify(node)}`,
        );
      }
      out[k++] = node;
      return;
    }
    if (!Array.isArray(node) || node.length !== shape[depth]) {
      const got = Array.isArray(node) ? `${node.length} entries` : JSON.stringify(node);
      throw new UsageError(
        `${JSON.stringify(file)}: ragged array: expected ${shape[depth]} entries at ${path}, got ${got}`,
      );
    }
    node.forEach((child, i) => visit(child, depth + 1, `${path}[${i}]`));
  };
  visit(value, 0, "");
  return out;
}

/**
 * Parses JSON text holding a nested array of shape `shape` (`[h][w][c]`), or `[1][h][w][c]`.
 * UsageError naming the file for malformed JSON, ragged arrays, non-numbers or a wrong shape.
 */
export function parseJsonInput(text: string, shape: readonly number[], file: string): Float32Array {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new UsageError(`${JSON.stringify(file)} is not valid JSON: ${reason}`);
  }
  if (!Array.isArray(value)) {
    throw new UsageError(
      `${JSON.stringify(file)}: expected a nested array of shape [${shape.join(", ")}], got ${typeof value}`,
    );
  }
  const got = nestedShape(value, file);
  const batched = got.length === shape.length + 1 && got[0] === 1;
  const inner = batched ? got.slice(1) : got;
  const fits = inner.length === shape.length && inner.every((d, i) => d === shape[i]);
  if (!fits) {
    throw new UsageError(
      `${JSON.stringify(file)}: expected a nested array of shape [${shape.join(", ")}], got [${got.join(", ")}]`,
    );
  }
  return flatten(batched ? value[0] : value, shape, file);
}
