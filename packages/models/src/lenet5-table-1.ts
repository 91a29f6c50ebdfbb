/**
 * Table I of LeCun et al. (1998): which S2 feature maps feed each C3 feature map. Written as the
 * paper prints it — one row per S2 map, one column per C3 map, `X` for a link — and converted to
 * the `connections` form a conv2d spec takes (`connections[c3Map]` = the S2 maps it reads).
 */
import { SpecError } from "@convstep/engine";

/**
 * The paper's grid: row = S2 map 0–5, column = C3 map 0–15, `X` = linked. 60 of the 96 links.
 * C3 0–5 read three contiguous S2 maps, 6–11 four contiguous, 12–14 four non-contiguous, 15 all.
 */
export const LENET5_TABLE_1_GRID: readonly string[] = [
  //           C3: 0123456789012345
  /* S2 0 */ "X...XXX..XXXX.XX",
  /* S2 1 */ "XX...XXX..XXXX.X",
  /* S2 2 */ "XXX...XXX..X.XXX",
  /* S2 3 */ ".XXX..XXXX..X.XX",
  /* S2 4 */ "..XXX..XXXX.XX.X",
  /* S2 5 */ "...XXX..XXXX.XXX",
];

/**
 * Turns a link grid (rows = input maps, columns = output maps, `X` = linked, `.` = not) into
 * `connections[output]` = the input maps that feed it, ascending. Throws on a ragged grid or any
 * other character (SpecError, attribute `connections`).
 */
export function connectionsFromGrid(grid: readonly string[]): number[][] {
  const outputs = grid[0]?.length ?? 0;
  grid.forEach((row, i) => {
    if (row.length !== outputs || !/^[X.]*$/.test(row)) {
      throw new SpecError(
        `grid row ${i}: expected ${outputs} characters of "X" or ".", got ${JSON.stringify(row)}`,
        { attribute: "connections" },
      );
    }
  });
  return Array.from({ length: outputs }, (_, o) =>
    grid.flatMap((row, i) => (row[o] === "X" ? [i] : [])),
  );
}

/** LeCun's Table I as conv2d `connections`: `LENET5_TABLE_1[c3Map]` lists the S2 maps it reads. */
export const LENET5_TABLE_1: readonly (readonly number[])[] =
  connectionsFromGrid(LENET5_TABLE_1_GRID);
