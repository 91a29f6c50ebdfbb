/** Reading inputs in-process: PNG decoding of every colour type, grey/RGB, JSON arrays, preprocessing. */
import { crc32 } from "node:zlib";
import jpeg from "jpeg-js";
import { compileModel } from "@convstep/engine";
import { LENET5_1998, LENET5_KERAS } from "@convstep/models";
import { describe, expect, test } from "vitest";
import { toGrey, toRgb } from "../../packages/cli/src/input/colour.js";
import { parseJsonInput } from "../../packages/cli/src/input/json-input.js";
import { decodeJpeg } from "../../packages/cli/src/input/jpeg-image.js";
import { decodePng, isPng, type RgbaImage } from "../../packages/cli/src/input/png-image.js";
import { alexnet2012Input, alexnetKerasInput } from "../../packages/cli/src/preprocess/alexnet.js";
import { preprocessImage } from "../../packages/cli/src/preprocess/by-model.js";
import { centreCrop, coverAndCrop } from "../../packages/engine/src/preprocess/cover-crop.js";
import { isMnistLike, mnistDigit } from "../../packages/cli/src/preprocess/lenet.js";
import { expectAllClose } from "../helpers.js";
import { encodePng, sevenInk } from "./digit-png.js";

/** An RGBA image from per-pixel [r, g, b, a] values in [0, 1] (multiples of 1/255). */
function rgba(
  width: number,
  height: number,
  pixels: number[][],
  alpha = false,
  color = true,
): RgbaImage {
  return {
    width,
    height,
    data: Uint8Array.from(pixels.flat(), (v) => Math.round(v * 255)),
    alpha,
    color,
  };
}

describe("PNG decoding", () => {
  // A 4×3 gradient: grey level (x + 4y) / 11, so every pixel differs.
  const grey = Float32Array.from({ length: 12 }, (_, i) => i / 11);

  test.each([
    ["grey 8-bit", 0, 8],
    ["grey 16-bit", 0, 16],
    ["grey+alpha 8-bit", 4, 8],
    ["RGB 8-bit", 2, 8],
    ["RGB 16-bit", 2, 16],
    ["RGBA 8-bit", 6, 8],
  ] as const)("%s decodes to the same grey levels (±1/255)", async (_name, colorType, bitDepth) => {
    const bytes = encodePng(grey, 4, 3, { colorType, bitDepth });
    expect(isPng(bytes)).toBe(true);
    const image = await decodePng(bytes, "gradient.png");
    expect([image.width, image.height]).toEqual([4, 3]);
    expect(image.color).toBe(colorType === 2 || colorType === 6);
    expect(image.alpha).toBe(colorType === 4 || colorType === 6);
    expectAllClose(toGrey(image).data, grey, { atol: 1 / 255 + 1e-6, rtol: 0 });
  });

  test("bytes without the PNG signature are refused with the file's name", async () => {
    await expect(decodePng(Buffer.from("GIF89a"), "cat.gif")).rejects.toThrow(
      /"cat\.gif" is not a PNG file/,
    );
  });

  test("a PNG whose compressed pixels are garbage (valid CRC) is refused, not decoded blank", async () => {
    const bytes = Buffer.from(encodePng(sevenInk(40, 40), 40, 40));
    const idat = bytes.indexOf("IDAT");
    const length = bytes.readUInt32BE(idat - 4);
    bytes.fill(0xff, idat + 6, idat + 4 + length); // deflate block type 3: invalid
    bytes.writeUInt32BE(crc32(bytes.subarray(idat, idat + 4 + length)), idat + 4 + length);
    await expect(decodePng(bytes, "scan.png")).rejects.toThrow(
      '"scan.png" is not a readable PNG file: its image data is damaged or cut short',
    );
  });
});

describe("JPEG decoding", () => {
  /** A 16×8 JPEG of one colour, encoded by jpeg-js at quality 100. */
  const solid = (rgb: readonly number[]) => {
    const data = Buffer.alloc(16 * 8 * 4);
    for (let i = 0; i < 16 * 8; i++) data.set([...rgb, 255], 4 * i);
    return Buffer.from(jpeg.encode({ data, width: 16, height: 8 }, 100).data);
  };

  test("a 16×8 JPEG of RGB (200, 40, 90) decodes to 16×8 pixels of that colour (±3)", () => {
    const image = decodeJpeg(solid([200, 40, 90]), "red.jpg");
    expect([image.width, image.height]).toEqual([16, 8]);
    for (let i = 0; i < 16 * 8; i++) {
      expectAllClose(image.data.subarray(4 * i, 4 * i + 4), [200, 40, 90, 255], {
        atol: 3,
        rtol: 0,
      });
    }
  });

  test("jpeg-js' own limit is a second guard: a frame claiming 8,000 × 6,000 (48 MP) is refused", () => {
    const bytes = solid([10, 10, 10]);
    let sof = 2;
    while (bytes[sof + 1] !== 0xc0) sof += 2 + bytes.readUInt16BE(sof + 2);
    bytes.writeUInt16BE(6000, sof + 5);
    bytes.writeUInt16BE(8000, sof + 7);
    expect(() => decodeJpeg(bytes, "big.jpg")).toThrow(
      '"big.jpg" is not a readable JPEG file: decoding it would take more than 40 megapixels or 1024 MB',
    );
  });
});

describe("grey and RGB", () => {
  test("grey is BT.601 luma: pure red 0.299, green 0.587, blue 0.114", () => {
    const image = rgba(3, 1, [
      [1, 0, 0, 1],
      [0, 1, 0, 1],
      [0, 0, 1, 1],
    ]);
    expectAllClose(toGrey(image).data, [0.299, 0.587, 0.114]);
  });

  test("transparent pixels are white paper: black at alpha 0.2 → 0.8", () => {
    const image = rgba(
      2,
      1,
      [
        [0, 0, 0, 0.2],
        [0, 0, 0, 1],
      ],
      true,
    );
    expectAllClose(toGrey(image).data, [0.8, 0]);
    expectAllClose(toRgb(image).data, [0.8, 0.8, 0.8, 0, 0, 0]);
  });

  test("white strokes on a transparent canvas: alpha becomes the ink", () => {
    const image = rgba(
      3,
      1,
      [
        [1, 1, 1, 0],
        [1, 1, 1, 1],
        [1, 1, 1, 0.6],
      ],
      true,
    );
    expectAllClose(toGrey(image).data, [0, 1, 0.6]);
  });
});

describe("LeNet preprocessing", () => {
  test("a 28×28 digit on black is MNIST already: taken as it is", () => {
    const ink = sevenInk(28, 28);
    const image = { width: 28, height: 28, data: ink };
    expect(isMnistLike(image)).toBe(true);
    expect(mnistDigit(image)).toEqual(ink);
  });

  test("a 28×28 digit on white is not MNIST: it is inverted (MNIST-style)", () => {
    const image = { width: 28, height: 28, data: sevenInk(28, 28).map((v) => 1 - v) };
    expect(isMnistLike(image)).toBe(false);
    const digit = mnistDigit(image);
    expect(digit[0]).toBe(0); // the corner is background
    expect(Math.max(...digit)).toBeGreaterThan(0.9);
  });

  test("lenet5-1998 input: 32×32, border −0.1, the 28×28 digit v at offset 2 as −0.1 + 1.275·v", async () => {
    const ink = sevenInk(28, 28);
    const bytes = encodePng(ink, 28, 28); // light ink on black: MNIST as is
    const data = preprocessImage(compileModel(LENET5_1998), await decodePng(bytes, "seven.png"));
    expect(data).toHaveLength(32 * 32);
    expect(data[0]).toBeCloseTo(-0.1, 6);
    for (const [y, x] of [
      [0, 0],
      [5, 9],
      [10, 14],
      [27, 27],
    ]) {
      expect(data[(y + 2) * 32 + x + 2]).toBeCloseTo(-0.1 + 1.275 * ink[y * 28 + x], 5);
    }
  });

  test("lenet5-keras input: the 28×28 digit in [0, 1]", async () => {
    const ink = sevenInk(28, 28);
    const data = preprocessImage(
      compileModel(LENET5_KERAS),
      await decodePng(encodePng(ink, 28, 28), "s.png"),
    );
    expectAllClose(data, ink, { atol: 1 / 255, rtol: 0 });
  });
});

describe("AlexNet preprocessing", () => {
  test("centreCrop of a 4×4 one-channel image to 2×2 keeps the middle", () => {
    const data = Float32Array.from({ length: 16 }, (_, i) => i);
    expect(Array.from(centreCrop(data, 4, 4, 1, 2, 2))).toEqual([5, 6, 9, 10]);
  });

  test("coverAndCrop: 4×8 (h×w) to 2×2 halves the size (area means) and crops the centre", () => {
    // Two channels: c0 = column index, c1 = 10·row. Halving averages pairs: columns (1,2)→…
    const h = 4;
    const w = 8;
    const data = new Float32Array(h * w * 2);
    for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) data.set([x, 10 * y], (y * w + x) * 2);
    const out = coverAndCrop(data, h, w, 2, 2, 2);
    // Scaled to 2×4: column j averages source columns 2j, 2j+1 → 0.5, 2.5, 4.5, 6.5; rows → 5, 25.
    // The centred 2×2 keeps columns 1–2.
    expectAllClose(out, [2.5, 5, 4.5, 5, 2.5, 25, 4.5, 25]);
  });

  test("alexnet-2012 values: 255·v minus the ImageNet mean (R 123.68, G 116.779, B 103.939)", () => {
    const image = { width: 1, height: 1, data: Float32Array.of(1, 0.5, 0) };
    expectAllClose(alexnet2012Input(image, [1, 1]), [255 - 123.68, 127.5 - 116.779, -103.939]);
    expectAllClose(alexnetKerasInput(image, [1, 1]), [1, 0.5, 0]);
  });
});

describe("JSON input", () => {
  test("[h][w][c] and [1][h][w][c] give the same row-major values", () => {
    const nested = [
      [[1], [2]],
      [[3], [4]],
    ];
    expect(Array.from(parseJsonInput(JSON.stringify(nested), [2, 2, 1], "x.json"))).toEqual([
      1, 2, 3, 4,
    ]);
    expect(Array.from(parseJsonInput(JSON.stringify([nested]), [2, 2, 1], "x.json"))).toEqual([
      1, 2, 3, 4,
    ]);
  });

  test.each([
    ["malformed", "[[1,", /not valid JSON/],
    ["not an array", '{"a": 1}', /expected a nested array of shape \[2, 2, 1\], got an object/],
    ["a string", '"hello"', /expected a nested array of shape \[2, 2, 1\], got the string "hello"/],
    ["NaN in", "[[[NaN]]]", /not valid JSON: .*JSON has no NaN or Infinity/],
    [
      "1e999 (which JSON.parse reads as Infinity) in",
      "[[[1], [1e999]], [[3], [4]]]",
      /finite number at \[0\]\[1\]\[0\], got a number too large to be finite/,
    ],
    [
      "a 10-level deep",
      "[".repeat(10) + "0" + "]".repeat(10),
      /shape \[2, 2, 1\], got an array nested 10 levels deep/,
    ],
    [
      "wrong shape",
      "[[1, 2], [3, 4]]",
      /expected a nested array of shape \[2, 2, 1\], got \[2, 2\]/,
    ],
    ["ragged", "[[[1], [2]], [[3]]]", /ragged/],
    ["a string inside", '[[[1], ["2"]], [[3], [4]]]', /finite number at \[0\]\[1\]\[0\]/],
  ])("%s JSON is refused, naming the file", (_name, text, pattern) => {
    expect(() => parseJsonInput(text, [2, 2, 1], "x.json")).toThrow(pattern);
    expect(() => parseJsonInput(text, [2, 2, 1], "x.json")).toThrow(/"x\.json"/);
  });
});
