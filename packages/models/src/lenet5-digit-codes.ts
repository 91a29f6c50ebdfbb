/**
 * The fixed centres of LeNet-5's Euclidean RBF output layer (LeCun et al. 1998, §II-B and Fig. 3):
 * each digit is a stylised 7×12 bitmap, and its 84 pixels, read row by row, are the code the F6
 * vector is compared with (`#` → +1, `.` → −1). The bitmaps below are drawn after Fig. 3 of the
 * paper, in the same 12-row × 7-column grid; they are a redrawing, not a pixel copy.
 */
import { SpecError } from "@convstep/engine";

/** Rows and columns of one stylised digit. */
export const DIGIT_BITMAP_ROWS = 12;
export const DIGIT_BITMAP_COLUMNS = 7;

/** Digits 0–9 as 12 rows × 7 columns of ASCII art: `#` is ink (+1), `.` background (−1). */
export const LENET5_DIGIT_BITMAPS: readonly (readonly string[])[] = [
  [
    ".......",
    "..###..",
    ".#...#.",
    "#.....#",
    "#.....#",
    "#.....#",
    "#.....#",
    "#.....#",
    "#.....#",
    ".#...#.",
    "..###..",
    ".......",
  ],
  [
    ".......",
    "...#...",
    "..##...",
    ".#.#...",
    "...#...",
    "...#...",
    "...#...",
    "...#...",
    "...#...",
    "...#...",
    ".#####.",
    ".......",
  ],
  [
    ".......",
    "..###..",
    ".#...#.",
    "#.....#",
    "......#",
    ".....#.",
    "....#..",
    "...#...",
    "..#....",
    ".#.....",
    "#######",
    ".......",
  ],
  [
    ".......",
    ".#####.",
    "#.....#",
    "......#",
    "......#",
    "..####.",
    "......#",
    "......#",
    "......#",
    "#.....#",
    ".#####.",
    ".......",
  ],
  [
    ".......",
    "....##.",
    "...#.#.",
    "..#..#.",
    ".#...#.",
    "#....#.",
    "#######",
    ".....#.",
    ".....#.",
    ".....#.",
    ".....#.",
    ".......",
  ],
  [
    ".......",
    "#######",
    "#......",
    "#......",
    "#......",
    "######.",
    "......#",
    "......#",
    "......#",
    "#.....#",
    ".#####.",
    ".......",
  ],
  [
    ".......",
    "..####.",
    ".#.....",
    "#......",
    "#......",
    "#.####.",
    "##....#",
    "#.....#",
    "#.....#",
    ".#...#.",
    "..###..",
    ".......",
  ],
  [
    ".......",
    "#######",
    "......#",
    ".....#.",
    ".....#.",
    "....#..",
    "....#..",
    "...#...",
    "...#...",
    "..#....",
    "..#....",
    ".......",
  ],
  [
    ".......",
    "..###..",
    ".#...#.",
    "#.....#",
    ".#...#.",
    "..###..",
    ".#...#.",
    "#.....#",
    "#.....#",
    ".#...#.",
    "..###..",
    ".......",
  ],
  [
    ".......",
    "..###..",
    ".#...#.",
    "#.....#",
    "#.....#",
    "#....##",
    ".####.#",
    "......#",
    "......#",
    ".....#.",
    ".####..",
    ".......",
  ],
];

/**
 * One bitmap (12 strings of 7 `#`/`.` characters) → its 84-value code, row-major: `#` → +1,
 * `.` → −1. SpecError (attribute `centers`) for any other size or character.
 */
export function codeFromBitmap(rows: readonly string[]): number[] {
  const wellFormed =
    rows.length === DIGIT_BITMAP_ROWS &&
    rows.every((row) => row.length === DIGIT_BITMAP_COLUMNS && /^[#.]*$/.test(row));
  if (!wellFormed) {
    throw new SpecError(
      `expected ${DIGIT_BITMAP_ROWS} rows of ${DIGIT_BITMAP_COLUMNS} "#" or "." characters, got ${JSON.stringify(rows)}`,
      { attribute: "centers" },
    );
  }
  return rows.flatMap((row) => [...row].map((ch) => (ch === "#" ? 1 : -1)));
}

/** The RBF centres: `LENET5_DIGIT_CODES[d]` is digit d's 84 values of ±1 (7×12, row-major). */
export const LENET5_DIGIT_CODES: readonly (readonly number[])[] =
  LENET5_DIGIT_BITMAPS.map(codeFromBitmap);
