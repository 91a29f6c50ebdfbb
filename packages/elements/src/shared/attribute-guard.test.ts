import { describe, expect, it } from "vitest";
import { numberAttribute, numberIn, oneOf, speedRule, wordsOf } from "./attribute-guard.js";
import { langRule } from "./localize.js";

describe("attribute rules", () => {
  it("oneOf: words in any case and spacing; others refused; no value is the fallback", () => {
    const variant = oneOf(["1998", "keras"], "1998");
    expect([" KERAS ", "1998", "kears", "", null].map((v) => variant.accept(v))).toEqual([
      "keras",
      "1998",
      undefined,
      undefined,
      "1998",
    ]);
    expect(oneOf(["layer", "channel"], undefined).accept(null)).toBeUndefined();
    expect(variant.expected).toBe('"1998", "keras"');
  });

  it("numberIn: in range kept; out of range, NaN, ∞ and text refused; with clamp, rounded into range", () => {
    const digits = numberIn({ min: 1, max: 10, integer: true, fallback: 3 });
    expect([5, 0, 11, 2.5, NaN, Infinity, "abc"].map((v) => digits.accept(v))).toEqual([
      5,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    const size = numberIn({ min: 64, max: 1024, clamp: true, fallback: 224 });
    expect([1e6, -1, 100.4, NaN].map((v) => size.accept(v))).toEqual([1024, 64, 100, undefined]);
    expect(speedRule.accept(0.25)).toBe(0.25);
    expect(speedRule.accept(0)).toBeUndefined();
  });

  it("numberAttribute: numbers parse; empty, words and 1e999 stay the text that arrived", () => {
    expect(
      ["3", " 2.5 ", "", "abc", "1e999", "-1"].map((v) => numberAttribute.fromAttribute(v)),
    ).toEqual([3, 2.5, "", "abc", "1e999", -1]);
    expect(numberAttribute.fromAttribute(null)).toBeNull();
  });

  it("wordsOf: every word must be known (any case); empty is fine", () => {
    const hide = wordsOf(["pad", "table"]);
    expect(["pad  TABLE", "", "pad bogus"].map((v) => hide.accept(v))).toEqual([
      "pad  TABLE",
      "",
      undefined,
    ]);
  });

  it("lang: en, ko and their tags (ko-KR); empty; anything else refused", () => {
    expect(
      ["ko", "ko-KR", "EN", "", "fr", "abc", "<script>"].map((v) => langRule.accept(v)),
    ).toEqual(["ko", "ko-KR", "EN", "", undefined, undefined, undefined]);
  });
});
