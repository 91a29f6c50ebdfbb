import { describe, expect, it } from "vitest";
import { encodeDigits } from "./digit-file.js";
import { loadTestDigits, TEST_DIGITS_URL } from "./test-digits.js";

describe("loadTestDigits", () => {
  it("the shipped file: 500 digits of 28×28, labels 0, 1, …, 9 repeating, sources distinct", async () => {
    const digits = await loadTestDigits();
    expect(digits.count).toBe(500);
    expect([digits.rows, digits.cols]).toEqual([28, 28]);
    expect(digits.images.length).toBe(500 * 784);
    for (let i = 0; i < 500; i++) expect(digits.labels[i]).toBe(i % 10);
    expect(new Set(digits.sources).size).toBe(500);
    // Real digits: every one has ink (bytes up to 255) on a 0 background at the corners.
    for (let i = 0; i < 500; i++) {
      const img = digits.images.subarray(i * 784, (i + 1) * 784);
      expect(Math.max(...img)).toBeGreaterThan(200);
      expect(img[0]).toBe(0);
    }
  });

  it("TEST_DIGITS_URL points at packages/models/data/mnist-test-500.bin", () => {
    expect(TEST_DIGITS_URL.href).toMatch(/\/packages\/models\/data\/mnist-test-500\.bin$/);
  });

  it("reads through a given fetch for http URLs (the browser's path)", async () => {
    const bytes = encodeDigits({
      images: new Uint8Array(784),
      labels: Uint8Array.of(4),
      sources: Uint16Array.of(0),
      count: 1,
      rows: 28,
      cols: 28,
    });
    const asked: string[] = [];
    const digits = await loadTestDigits({
      url: "https://example.org/digits.bin",
      fetch: async (url) => {
        asked.push(url);
        return { ok: true, status: 200, arrayBuffer: async () => bytes.slice().buffer };
      },
    });
    expect(asked).toEqual(["https://example.org/digits.bin"]);
    expect(digits.count).toBe(1);
    expect(digits.labels[0]).toBe(4);
  });

  it("HTTP 404 → DigitFileError naming the URL and the status", async () => {
    await expect(
      loadTestDigits({
        url: "https://example.org/missing.bin",
        fetch: async () => ({
          ok: false,
          status: 404,
          arrayBuffer: async () => new ArrayBuffer(0),
        }),
      }),
    ).rejects.toThrow(/cannot read https:\/\/example\.org\/missing\.bin: .*HTTP 404/);
  });
});
