import { describe, expect, test } from "vitest";
import { formatCount, formatNumber, MINUS } from "./format-number.js";

describe("formatNumber", () => {
  test("three significant digits by default, trailing zeros dropped, grouped (en)", () => {
    expect(formatNumber(1.18384)).toBe("1.18");
    expect(formatNumber(0.9540123)).toBe("0.954");
    expect(formatNumber(12345)).toBe("12,300");
    expect(formatNumber(12345, { grouping: false })).toBe("12300");
    expect(formatNumber(0)).toBe("0");
  });

  test("a negative number gets U+2212, never the hyphen-minus (en and ko)", () => {
    expect(MINUS).toBe("\u2212");
    expect(formatNumber(-0.05, { lang: "en" })).toBe("\u22120.05");
    expect(formatNumber(-0.05, { lang: "ko" })).toBe("\u22120.05");
    expect(formatNumber(-1.5, { lang: "ko", decimals: 3 })).toBe("\u22121.500");
    expect(formatNumber(-12345, { lang: "ko" })).toBe("\u221212,300");
  });

  test("Korean groups thousands with commas and writes a decimal point, as English does", () => {
    expect(formatNumber(1234.5678, { lang: "ko", maxDecimals: 2 })).toBe("1,234.57");
    expect(formatNumber(1234.5678, { lang: "en", maxDecimals: 2 })).toBe("1,234.57");
    expect(formatCount(5880, "ko")).toBe("5,880");
  });

  test("the language's separators are used (de: decimal comma, dot grouping)", () => {
    expect(formatNumber(1.5, { lang: "de", decimals: 3 })).toBe("1,500");
    expect(formatNumber(12345, { lang: "de" })).toBe("12.300");
    expect(formatCount(5880, "de")).toBe("5.880");
  });

  test("decimals are exact, maxDecimals drop trailing zeros, trailingZeros keeps significant zeros", () => {
    expect(formatNumber(0.73449, { decimals: 3 })).toBe("0.734");
    expect(formatNumber(123.456, { decimals: 1 })).toBe("123.5");
    expect(formatNumber(1.5, { maxDecimals: 3 })).toBe("1.5");
    expect(formatNumber(0.5, { significant: 3, trailingZeros: true })).toBe("0.500");
  });

  test("a negative value that rounds to zero reads 0, with no minus", () => {
    expect(formatNumber(-0.0001, { decimals: 3 })).toBe("0.000");
    expect(formatNumber(-0)).toBe("0");
  });

  test("exponent notation outside the asked range, with a true minus in the exponent", () => {
    const sci = { scientificAbove: 1e6, scientificBelow: 1e-4, grouping: false } as const;
    expect(formatNumber(1.234e-7, sci)).toBe("1.23e\u22127");
    expect(formatNumber(-2.5e8, sci)).toBe("\u22122.5e8");
    expect(formatNumber(0, sci)).toBe("0");
    expect(
      formatNumber(123456, {
        decimals: 3,
        scientificAbove: 1e5,
        mantissaZeros: true,
        exponentPlus: true,
      }),
    ).toBe("1.23e+5");
    expect(
      formatNumber(-0.00012, { decimals: 3, scientificBelow: 1e-3, mantissaZeros: true }),
    ).toBe("\u22121.20e\u22124");
    expect(formatNumber(1.5e-9, { lang: "de", scientificBelow: 1e-4 })).toBe("1,5e\u22129");
  });

  test("not-a-number and infinities", () => {
    expect(formatNumber(Number.NaN)).toBe("NaN");
    expect(formatNumber(Number.NaN, { nan: "—" })).toBe("—");
    expect(formatNumber(Infinity)).toBe("∞");
    expect(formatNumber(-Infinity)).toBe("\u2212∞");
  });

  test("a malformed lang falls back to English digits instead of throwing", () => {
    expect(formatNumber(-1234.5, { lang: "not a language!", maxDecimals: 1 })).toBe(
      "\u22121,234.5",
    );
  });

  test("formatCount writes whole numbers grouped", () => {
    expect(formatCount(60_965_224)).toBe("60,965,224");
    expect(formatCount(5880.4)).toBe("5,880");
  });
});
