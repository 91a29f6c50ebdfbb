/** Plain-text tables: columns padded to their widest cell, numbers aligned right. */

/** How a column aligns its cells. */
export type Align = "left" | "right";

/**
 * Lays out `rows` under `headers`, two spaces between columns, a dashed rule under the headers.
 * Trailing spaces are trimmed.
 */
export function formatTable(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  align: readonly Align[],
): string {
  const widths = headers.map((h, col) =>
    Math.max(h.length, ...rows.map((r) => (r[col] ?? "").length)),
  );
  const render = (cells: readonly string[]) =>
    cells
      .map((cell, col) =>
        align[col] === "right" ? cell.padStart(widths[col]) : cell.padEnd(widths[col]),
      )
      .join("  ")
      .trimEnd();
  const rule = widths.map((w) => "-".repeat(w)).join("  ");
  return [render(headers), rule, ...rows.map(render)].join("\n");
}
