import { describe, expect, it } from "vitest";
import { mulberry32, permutation, randomInt, shuffleInPlace } from "./random.js";

/** mulberry32 written out again, for the expected values. */
function reference(seed: number, n: number): number[] {
  let a = seed >>> 0;
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    out.push(((t ^ (t >>> 14)) >>> 0) / 4294967296);
  }
  return out;
}

describe("random", () => {
  it("mulberry32(42) → 0.6011037519201636, 0.44829055899754167, … as the reference", () => {
    const r = mulberry32(42);
    const got = [r(), r(), r(), r(), r()];
    expect(got).toEqual(reference(42, 5));
    expect(got[0]).toBe(0.6011037519201636);
  });

  it("randomInt stays in [0, n)", () => {
    const r = mulberry32(7);
    for (let i = 0; i < 1000; i++) {
      const v = randomInt(r, 3);
      expect(v === 0 || v === 1 || v === 2).toBe(true);
    }
    expect(randomInt(() => 0.9999999999, 3)).toBe(2);
  });

  it("permutation(1000) holds each index once; the same seed gives the same order", () => {
    const a = permutation(1000, mulberry32(1998));
    expect(Array.from(a).sort((x, y) => x - y)).toEqual(Array.from({ length: 1000 }, (_, i) => i));
    expect(Array.from(permutation(1000, mulberry32(1998)))).toEqual(Array.from(a));
    expect(Array.from(permutation(1000, mulberry32(1999)))).not.toEqual(Array.from(a));
  });

  it("shuffleInPlace of 3 items with draws 0.9, 0.1 → Fisher–Yates by hand", () => {
    const draws = [0.9, 0.1];
    const r = () => draws.shift()!;
    // i = 2: j = floor(0.9·3) = 2 → no change; i = 1: j = floor(0.1·2) = 0 → swap 0 and 1.
    expect(shuffleInPlace(["a", "b", "c"], r)).toEqual(["b", "a", "c"]);
  });
});
