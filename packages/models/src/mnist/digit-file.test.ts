import { describe, expect, it } from "vitest";
import { decodeDigits, DigitFileError, digitValues, encodeDigits } from "./digit-file.js";

const TWO = {
  images: Uint8Array.of(0, 255, 51, 102, 1, 2, 3, 4),
  labels: Uint8Array.of(7, 3),
  sources: Uint16Array.of(9999, 258),
  count: 2,
  rows: 2,
  cols: 2,
};

describe("digit file", () => {
  it("two 2×2 digits → 16-byte header, labels, sources (LE), pixels, byte by byte", () => {
    const bytes = encodeDigits(TWO);
    // prettier-ignore
    expect(Array.from(bytes)).toEqual([
      0x43, 0x53, 0x44, 0x47, 1, 0, 0, 0, // "CSDG", version 1
      2, 0, 0, 0, 2, 0, 2, 0,             // count 2, rows 2, cols 2
      7, 3,                               // labels
      0x0f, 0x27, 0x02, 0x01,             // 9999 = 0x270f, 258 = 0x0102
      0, 255, 51, 102, 1, 2, 3, 4,        // pixels
    ]);
  });

  it("decode(encode(set)) gives the set back, also from a view into a larger buffer", () => {
    const bytes = encodeDigits(TWO);
    const padded = new Uint8Array(bytes.length + 5);
    padded.set(bytes, 3);
    for (const source of [bytes, bytes.buffer, padded.subarray(3, 3 + bytes.length)]) {
      const set = decodeDigits(source as ArrayBuffer);
      expect(set.count).toBe(2);
      expect([set.rows, set.cols]).toEqual([2, 2]);
      expect(Array.from(set.labels)).toEqual([7, 3]);
      expect(Array.from(set.sources)).toEqual([9999, 258]);
      expect(Array.from(set.images)).toEqual(Array.from(TWO.images));
    }
  });

  it("digitValues(set, 0) → bytes / 255", () => {
    const values = digitValues(TWO, 0);
    expect(Array.from(values)).toEqual([0, 1, 0.2, 0.4].map((v) => Math.fround(v)));
    expect(() => digitValues(TWO, 2)).toThrow(RangeError);
  });

  it("wrong magic, version, length or label → DigitFileError saying what was expected", () => {
    const bytes = encodeDigits(TWO);
    const magic = bytes.slice();
    magic[0] = 0x58;
    expect(() => decodeDigits(magic)).toThrow(/expected the magic "CSDG", got "XSDG"/);
    const version = bytes.slice();
    version[4] = 2;
    expect(() => decodeDigits(version)).toThrow(/expected version 1, got 2/);
    expect(() => decodeDigits(bytes.subarray(0, bytes.length - 1))).toThrow(
      /a header of 2 digits of 2×2 needs 30 bytes, got 29/,
    );
    const label = bytes.slice();
    label[16] = 12;
    expect(() => decodeDigits(label)).toThrow(DigitFileError);
    expect(() => decodeDigits(new Uint8Array(3))).toThrow(/at least 16 bytes/);
  });

  it("encode refuses inconsistent sizes", () => {
    expect(() => encodeDigits({ ...TWO, count: 3 })).toThrow(DigitFileError);
  });
});
