/**
 * Where the explorer's blocks go (pure; tested alone): CSS grid template areas for the explorer's
 * three layouts, built from the blocks actually shown, so that hiding one never leaves a hole.
 *
 * Wide (an input column and a wide one):   Two equal columns:    One column: the blocks in order.
 *
 *     pad         network                  pad      prediction
 *     prediction  network                  network  network
 *     prediction  player                   player   player
 *     maps        math                     maps     table
 *     table       math                     math     math
 *     summary     summary                  summary  summary
 */

/** The blocks, in reading order (the DOM's, and the single column's). */
export const EXPLORER_PARTS = [
  "pad",
  "network",
  "player",
  "maps",
  "math",
  "prediction",
  "table",
  "summary",
] as const;
export type ExplorerPart = (typeof EXPLORER_PARTS)[number];

/**
 * The layouts: one column (narrow), two equal columns (medium), or a narrow input column beside
 * a wide one (`"wide"`).
 */
export type LayoutKind = 1 | 2 | "wide";

/** Rows of a template, each a list of area names (one per column; "." for an empty cell). */
type Rows = string[][];

/**
 * A row sharing its columns among the shown parts: each part takes its own column(s) and a
 * missing part's columns go to its neighbour (the previous shown one, else the next).
 */
function shareRow(
  slots: readonly (readonly [ExplorerPart, number])[],
  shown: ReadonlySet<string>,
): string[] | null {
  const cells: (string | null)[] = slots.flatMap(([part, span]) =>
    Array.from({ length: span }, () => (shown.has(part) ? part : null)),
  );
  if (cells.every((c) => c === null)) return null;
  for (let i = 0; i < cells.length; i++) if (cells[i] === null && i > 0) cells[i] = cells[i - 1];
  for (let i = cells.length - 1; i >= 0; i--) if (cells[i] === null) cells[i] = cells[i + 1];
  return cells as string[];
}

function full(part: ExplorerPart, columns: number, shown: ReadonlySet<string>): string[] | null {
  return shown.has(part) ? Array.from({ length: columns }, () => part) : null;
}

/**
 * Two stacks side by side, a narrow `left` one and a wide `right` one, each block over as many
 * rows as it needs so that neither stack leaves holes in the other: with two blocks on each side
 * the rows are `[l0 r0] [l1 r0] [l1 r1]`. Without a right stack the left blocks share one row;
 * without a left stack the right blocks take a row each.
 */
function stacks(
  left: readonly ExplorerPart[],
  right: readonly ExplorerPart[],
  shown: ReadonlySet<string>,
): Rows {
  const l = left.filter((p) => shown.has(p));
  const r = right.filter((p) => shown.has(p));
  if (r.length === 0) return l.length === 0 ? [] : [l.length === 1 ? [l[0], l[0]] : [l[0], l[1]]];
  if (l.length === 0) return r.map((p) => [p, p]);
  if (l.length === 1) return r.map((p) => [l[0], p]);
  if (r.length === 1) return l.map((p) => [p, r[0]]);
  return [
    [l[0], r[0]],
    [l[1], r[0]],
    [l[1], r[1]],
  ];
}

/** The rows of the template for the shown parts. */
export function layoutRows(shown: Iterable<string>, columns: LayoutKind): Rows {
  const set = new Set(shown);
  const rows: (string[] | null)[] = [];
  if (columns === 1) {
    for (const part of EXPLORER_PARTS) rows.push(full(part, 1, set));
  } else if (columns === 2) {
    rows.push(
      shareRow(
        [
          ["pad", 1],
          ["prediction", 1],
        ],
        set,
      ),
      full("network", 2, set),
      full("player", 2, set),
      shareRow(
        [
          ["maps", 1],
          ["table", 1],
        ],
        set,
      ),
      full("math", 2, set),
      full("summary", 2, set),
    );
  } else {
    rows.push(
      ...stacks(["pad", "prediction"], ["network", "player"], set),
      ...stacks(["maps", "table"], ["math"], set),
      full("summary", 2, set),
    );
  }
  return rows.filter((r): r is string[] => r !== null);
}

/** The rows as a `grid-template-areas` value: `"pad network prediction" "player player player" …`. */
export function templateAreas(shown: Iterable<string>, columns: LayoutKind): string {
  const rows = layoutRows(shown, columns);
  return rows.length === 0 ? "none" : rows.map((r) => `"${r.join(" ")}"`).join(" ");
}
