/** JSON for people and programs: indented objects, arrays of plain values kept on one line. */

/** Whether `value` prints on one line: a primitive, or an array of primitives. */
function isFlat(value: unknown): boolean {
  return (
    value === null ||
    typeof value !== "object" ||
    (Array.isArray(value) && value.every((v) => v === null || typeof v !== "object"))
  );
}

/**
 * Like `JSON.stringify(value, null, 2)`, but a shape or a vector (`[28, 28, 6]`) stays on one line.
 * Typed arrays print as arrays; `undefined` members are dropped, as JSON.stringify does.
 *
 * @example formatJson({ shape: [28, 28, 6] }) // '{\n  "shape": [28, 28, 6]\n}'
 */
export function formatJson(value: unknown, indent = ""): string {
  const plain =
    ArrayBuffer.isView(value) && !(value instanceof DataView)
      ? Array.from(value as unknown as ArrayLike<number>)
      : value;
  if (isFlat(plain)) {
    return Array.isArray(plain)
      ? `[${plain.map((v) => JSON.stringify(v) ?? "null").join(", ")}]`
      : (JSON.stringify(plain) ?? "null");
  }
  const inner = `${indent}  `;
  if (Array.isArray(plain)) {
    if (plain.length === 0) return "[]";
    return `[\n${plain.map((v) => inner + formatJson(v, inner)).join(",\n")}\n${indent}]`;
  }
  const entries = Object.entries(plain as Record<string, unknown>).filter(
    ([, v]) => v !== undefined && typeof v !== "function",
  );
  if (entries.length === 0) return "{}";
  return `{\n${entries
    .map(([k, v]) => `${inner}${JSON.stringify(k)}: ${formatJson(v, inner)}`)
    .join(",\n")}\n${indent}}`;
}
