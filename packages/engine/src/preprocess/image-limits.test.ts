import jpeg from "jpeg-js";
import pngjs from "pngjs";
import { describe, expect, it } from "vitest";
import { InputError } from "../errors.js";
import { readImageHeader } from "./image-header.js";
import {
  checkImageFile,
  checkImageSize,
  clampSize,
  MAX_IMAGE_PIXELS,
  MAX_IMAGE_SIDE,
} from "./image-limits.js";

function realPng(width: number, height: number): Uint8Array {
  const png = new pngjs.PNG({ width, height });
  png.data.fill(128);
  return new Uint8Array(pngjs.PNG.sync.write(png));
}

function realJpeg(width: number, height: number): Uint8Array {
  const data = Buffer.alloc(width * height * 4, 200);
  return new Uint8Array(jpeg.encode({ data, width, height }, 80).data);
}

/** A PNG that is only a signature and an IHDR chunk claiming `width × height` (a bomb's header). */
function pngHeaderOnly(width: number, height: number): Uint8Array {
  const b = new Uint8Array(33);
  b.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  new DataView(b.buffer).setUint32(16, width);
  new DataView(b.buffer).setUint32(20, height);
  return b;
}

describe("readImageHeader", () => {
  it("PNG 7×5 encoded by pngjs → width 7, height 5", () => {
    expect(readImageHeader(realPng(7, 5))).toEqual({ format: "png", width: 7, height: 5 });
  });

  it("JPEG 9×4 encoded by jpeg-js (after its APP0 segment) → width 9, height 4", () => {
    expect(readImageHeader(realJpeg(9, 4))).toEqual({ format: "jpeg", width: 9, height: 4 });
  });

  it("GIF89a with a 320×200 logical screen (little-endian)", () => {
    const b = new Uint8Array([0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0x40, 0x01, 0xc8, 0x00, 0, 0, 0]);
    expect(readImageHeader(b)).toEqual({ format: "gif", width: 320, height: 200 });
  });

  it("BMP with a top-down (negative) height: 640 × |−480|", () => {
    const b = new Uint8Array(54);
    b.set([0x42, 0x4d]);
    new DataView(b.buffer).setInt32(18, 640, true);
    new DataView(b.buffer).setInt32(22, -480, true);
    expect(readImageHeader(b)).toEqual({ format: "bmp", width: 640, height: 480 });
  });

  it("WebP VP8X canvas 1000×2000 (24-bit sizes minus one)", () => {
    const b = new Uint8Array(30);
    b.set([
      ...new TextEncoder().encode("RIFF"),
      0,
      0,
      0,
      0,
      ...new TextEncoder().encode("WEBPVP8X"),
    ]);
    const view = new DataView(b.buffer);
    view.setUint16(24, 999, true);
    view.setUint16(27, 1999, true);
    expect(readImageHeader(b)).toEqual({ format: "webp", width: 1000, height: 2000 });
  });

  it("a JPEG cut before its frame header, random bytes and an empty file → undefined", () => {
    expect(readImageHeader(realJpeg(9, 4).subarray(0, 30))).toBeUndefined();
    expect(readImageHeader(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]))).toBeUndefined();
    expect(readImageHeader(new Uint8Array(0))).toBeUndefined();
  });
});

describe("checkImageSize", () => {
  it("accepts the limits themselves: 16,384 × 2,441 (39.99 MP) and 6,324 × 6,324", () => {
    expect(() => checkImageSize(MAX_IMAGE_SIDE, 2441)).not.toThrow();
    expect(() => checkImageSize(6324, 6324)).not.toThrow(); // 39,992,976 pixels
  });

  it("refuses one pixel more on a side, and 6,325 × 6,325 (40.0 MP > 40,000,000)", () => {
    expect(() => checkImageSize(MAX_IMAGE_SIDE + 1, 1)).toThrow(InputError);
    expect(6325 * 6325).toBeGreaterThan(MAX_IMAGE_PIXELS);
    expect(() => checkImageSize(6325, 6325)).toThrow(/6,325 × 6,325 pixels/);
  });

  it("names the file, the size found and the limit in one short line", () => {
    let message = "";
    try {
      checkImageSize(30000, 30000, "bomb.png");
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toBe(
      "bomb.png is 30,000 × 30,000 pixels (900 megapixels); images may have at most 16,384 " +
        "pixels on a side and 40 megapixels",
    );
    expect(message.length).toBeLessThan(300);
  });

  it("refuses 0 × 10 as an image with no pixels", () => {
    expect(() => checkImageSize(0, 10)).toThrow(/has no pixels/);
  });
});

describe("checkImageFile", () => {
  it("refuses a 30,000 × 30,000 PNG from its 33-byte header, without decoding", () => {
    const started = performance.now();
    expect(() => checkImageFile(pngHeaderOnly(30000, 30000), "bomb.png")).toThrow(
      /30,000 × 30,000 pixels/,
    );
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it("returns the header of a small real PNG and JPEG", () => {
    expect(checkImageFile(realPng(3, 2))).toEqual({ format: "png", width: 3, height: 2 });
    expect(checkImageFile(realJpeg(16, 8)).width).toBe(16);
  });

  it("says what was expected for bytes that are no image, and a cut header", () => {
    expect(() => checkImageFile(new TextEncoder().encode("{}"), "x.json")).toThrow(
      "x.json is not an image: expected a PNG or JPEG file",
    );
    expect(() => checkImageFile(pngHeaderOnly(5, 5).subarray(0, 14), "cut.png")).toThrow(
      /cut\.png looks like a PNG file but its header is cut short/,
    );
  });
});

describe("clampSize", () => {
  it("clamps 1,000,000 to the maximum, −5 to the minimum, rounds 27.6, falls back on NaN", () => {
    expect(clampSize(1_000_000, 8, 1024, 280)).toBe(1024);
    expect(clampSize(-5, 8, 1024, 280)).toBe(8);
    expect(clampSize(27.6, 8, 1024, 280)).toBe(28);
    expect(clampSize(Number.NaN, 8, 1024, 280)).toBe(280);
  });
});
