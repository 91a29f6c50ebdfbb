import { SpecError } from "@convstep/engine";
import { describe, expect, it } from "vitest";
import { LENET5_DIGIT_BITMAPS, LENET5_DIGIT_CODES, codeFromBitmap } from "./lenet5-digit-codes.js";

describe("LeNet-5 RBF digit codes", () => {
  it("10 codes of 84 values (7×12), each +1 or −1", () => {
    expect(LENET5_DIGIT_CODES).toHaveLength(10);
    for (const code of LENET5_DIGIT_CODES) {
      expect(code).toHaveLength(84);
      expect(code.every((v) => v === 1 || v === -1)).toBe(true);
    }
  });

  it("all ten codes are distinct (pairwise Hamming distance > 0)", () => {
    for (let i = 0; i < 10; i++) {
      for (let j = i + 1; j < 10; j++) {
        const differing = LENET5_DIGIT_CODES[i].filter((v, k) => v !== LENET5_DIGIT_CODES[j][k]);
        expect(differing.length, `digits ${i} and ${j}`).toBeGreaterThan(0);
      }
    }
  });

  it("each bitmap is 12 rows × 7 columns with ink on some pixels and background on others", () => {
    for (const bitmap of LENET5_DIGIT_BITMAPS) {
      expect(bitmap).toHaveLength(12);
      expect(bitmap.every((row) => row.length === 7)).toBe(true);
      expect(bitmap.join("")).toMatch(/#/);
      expect(bitmap.join("")).toMatch(/\./);
    }
  });

  it("codeFromBitmap reads row by row: '#' → +1, '.' → −1", () => {
    const rows = ["#......", ...Array.from({ length: 10 }, () => "......."), "......#"];
    const code = codeFromBitmap(rows);
    expect(code[0]).toBe(1);
    expect(code[83]).toBe(1);
    expect(code.slice(1, 83).every((v) => v === -1)).toBe(true);
  });

  it("codeFromBitmap rejects a 7×11 bitmap and a stray character with SpecError", () => {
    const good = LENET5_DIGIT_BITMAPS[0];
    expect(() => codeFromBitmap(good.slice(1))).toThrow(SpecError);
    expect(() => codeFromBitmap([...good.slice(0, 11), "...x..."])).toThrow(/12 rows of 7/);
  });
});
