/**
 * Reading an image file's width and height from its header, before anything decodes it: a
 * 30,000 × 30,000 PNG can be under 1 MB on disk and 3.6 GB once decoded, so the size is checked
 * first (see `image-limits.ts`). PNG, JPEG, GIF, WebP and BMP: what a browser's file picker and the
 * CLI may be handed.
 */

/** The formats whose headers `readImageHeader` understands. */
export type ImageFormat = "png" | "jpeg" | "gif" | "webp" | "bmp";

/** What an image file's header says, read without decoding the pixels. */
export interface ImageHeader {
  readonly format: ImageFormat;
  readonly width: number;
  readonly height: number;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function startsWith(bytes: Uint8Array, prefix: readonly number[], at = 0): boolean {
  if (bytes.length < at + prefix.length) return false;
  return prefix.every((b, i) => bytes[at + i] === b);
}

function ascii(bytes: Uint8Array, at: number, length: number): string {
  return String.fromCharCode(...bytes.subarray(at, at + length));
}

const u16be = (b: Uint8Array, i: number): number => (b[i] << 8) | b[i + 1];
const u16le = (b: Uint8Array, i: number): number => b[i] | (b[i + 1] << 8);
const u24le = (b: Uint8Array, i: number): number => b[i] | (b[i + 1] << 8) | (b[i + 2] << 16);
const u32be = (b: Uint8Array, i: number): number =>
  ((b[i] << 24) | (b[i + 1] << 16) | (b[i + 2] << 8) | b[i + 3]) >>> 0;
const i32le = (b: Uint8Array, i: number): number =>
  b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24);

/** The image format named by a file's first bytes (its signature), or undefined. */
export function sniffImageFormat(bytes: Uint8Array): ImageFormat | undefined {
  if (startsWith(bytes, PNG_SIGNATURE)) return "png";
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "jpeg";
  if (bytes.length >= 6 && /^GIF8[79]a$/.test(ascii(bytes, 0, 6))) return "gif";
  if (bytes.length >= 12 && ascii(bytes, 0, 4) === "RIFF" && ascii(bytes, 8, 4) === "WEBP") {
    return "webp";
  }
  if (bytes.length >= 2 && ascii(bytes, 0, 2) === "BM") return "bmp";
  return undefined;
}

function pngHeader(b: Uint8Array): ImageHeader | undefined {
  // Signature (8), IHDR length (4), "IHDR" (4), width (4), height (4): both big-endian.
  if (b.length < 24 || ascii(b, 12, 4) !== "IHDR") return undefined;
  return { format: "png", width: u32be(b, 16), height: u32be(b, 20) };
}

// Start-of-frame markers carry the frame size; C4 (DHT), C8 (JPG) and CC (DAC) do not.
const SOF = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);

function jpegHeader(b: Uint8Array): ImageHeader | undefined {
  let i = 2;
  while (i + 4 <= b.length) {
    if (b[i] !== 0xff) return undefined;
    const marker = b[i + 1];
    if (marker === 0xff) {
      i += 1; // fill byte
      continue;
    }
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      i += 2; // markers without a length
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) return undefined; // end of image or scan before a frame
    const length = u16be(b, i + 2);
    if (length < 2) return undefined;
    if (SOF.has(marker)) {
      // Length (2), precision (1), height (2), width (2).
      if (i + 9 > b.length) return undefined;
      return { format: "jpeg", width: u16be(b, i + 7), height: u16be(b, i + 5) };
    }
    i += 2 + length;
  }
  return undefined;
}

function gifHeader(b: Uint8Array): ImageHeader | undefined {
  if (b.length < 10) return undefined;
  return { format: "gif", width: u16le(b, 6), height: u16le(b, 8) };
}

function webpHeader(b: Uint8Array): ImageHeader | undefined {
  if (b.length < 30) return undefined;
  const chunk = ascii(b, 12, 4);
  if (chunk === "VP8 ") {
    // Frame tag (3), start code 9d 01 2a (3), then 14-bit width and height.
    if (!startsWith(b, [0x9d, 0x01, 0x2a], 23)) return undefined;
    return { format: "webp", width: u16le(b, 26) & 0x3fff, height: u16le(b, 28) & 0x3fff };
  }
  if (chunk === "VP8L") {
    if (b[20] !== 0x2f) return undefined;
    const bits = (b[21] | (b[22] << 8) | (b[23] << 16) | (b[24] << 24)) >>> 0;
    return { format: "webp", width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
  }
  if (chunk === "VP8X") {
    return { format: "webp", width: u24le(b, 24) + 1, height: u24le(b, 27) + 1 };
  }
  return undefined;
}

function bmpHeader(b: Uint8Array): ImageHeader | undefined {
  if (b.length < 26) return undefined;
  // BITMAPINFOHEADER: width and height (signed: negative height means top-down rows).
  return { format: "bmp", width: Math.abs(i32le(b, 18)), height: Math.abs(i32le(b, 22)) };
}

/**
 * Reads the format, width and height from the first bytes of an image file (a few hundred bytes
 * are enough for PNG, GIF, WebP and BMP; JPEG needs the bytes up to its frame header). Returns
 * undefined when the bytes are no image this function knows or the header is cut short.
 *
 * @example
 * readImageHeader(pngBytes); // { format: "png", width: 28, height: 28 }
 */
export function readImageHeader(bytes: Uint8Array): ImageHeader | undefined {
  switch (sniffImageFormat(bytes)) {
    case "png":
      return pngHeader(bytes);
    case "jpeg":
      return jpegHeader(bytes);
    case "gif":
      return gifHeader(bytes);
    case "webp":
      return webpHeader(bytes);
    case "bmp":
      return bmpHeader(bytes);
    default:
      return undefined;
  }
}
