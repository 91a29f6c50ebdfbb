import { deflateRawSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { balancedSample, loadMnistSplit } from "../../../../scripts/lib/mnist-source.js";
import { encodeDigits } from "./digit-file.js";
import { inflateRaw } from "./inflate.js";
import { loadTrainingDigits, TRAINING_DIGITS_URL } from "./training-digits.js";

describe("loadTrainingDigits", () => {
  it("the shipped file is the first 300 digits of each class of the training split, rebuilt from the mnist package", async () => {
    const digits = await loadTrainingDigits();
    expect(digits.count).toBe(3000);
    for (let i = 0; i < 3000; i++) expect(digits.labels[i]).toBe(i % 10);
    const expected = balancedSample(loadMnistSplit().train, 300);
    expect(Buffer.from(digits.images).equals(Buffer.from(expected.images))).toBe(true);
    expect(Array.from(digits.sources)).toEqual(Array.from(expected.sources));
  });

  it("TRAINING_DIGITS_URL points at packages/models/data/mnist-train-3000.bin.deflate", () => {
    expect(TRAINING_DIGITS_URL.href).toMatch(
      /\/packages\/models\/data\/mnist-train-3000\.bin\.deflate$/,
    );
  });

  it("inflateRaw undoes Node's deflateRawSync", async () => {
    const bytes = Uint8Array.from({ length: 5000 }, (_, i) => (i * 7) % 13);
    expect(Array.from(await inflateRaw(deflateRawSync(bytes)))).toEqual(Array.from(bytes));
  });

  it("a file that is not raw deflate is a DigitFileError naming the URL", async () => {
    const junk = encodeDigits({
      images: new Uint8Array(784),
      labels: Uint8Array.of(1),
      sources: Uint16Array.of(0),
      count: 1,
      rows: 28,
      cols: 28,
    });
    await expect(
      loadTrainingDigits({ url: "https://example.org/d.deflate", read: async () => junk }),
    ).rejects.toThrow(/digit file: cannot read https:\/\/example\.org\/d\.deflate: /);
  });
});
