/**
 * Unreadable and hostile input, made here (nothing binary is committed): damaged and oversized
 * PNGs and JPEGs (a 30,000 × 30,000 PNG bomb among them), malformed JSON, broken and hostile
 * weights manifests, and names full of markup and terminal escapes. Each run must end in one
 * clear line on stderr with exit status 2 — no stack trace, nothing on stdout, no control
 * characters, under 300 characters — and within a hang guard; the bomb also within bounded memory.
 */
import { execFile } from "node:child_process";
import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import zlib from "node:zlib";
import jpeg from "jpeg-js";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { writeSevenPng } from "./digit-png.js";
import { BIN, REPO, expectUsageError, requireBuilt, runCli } from "./harness.js";

/** A run that takes longer than this is taken as a hang (generous: the machine may be loaded). */
const HANG_GUARD_MS = 45_000;

let dir: string;
const file = (name: string) => join(dir, name);

// ---------------------------------------------------------------------------------------------
// PNG and JPEG bytes, built by hand

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** One PNG chunk: length, type, data, CRC-32 of type and data. */
function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(4);
  head.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(body));
  return Buffer.concat([head, body, crc]);
}

/** An IHDR for an 8-bit greyscale image. */
function ihdr(width: number, height: number): Buffer {
  const data = Buffer.alloc(13);
  data.writeUInt32BE(width, 0);
  data.writeUInt32BE(height, 4);
  data[8] = 8; // bit depth
  data[9] = 0; // greyscale
  return chunk("IHDR", data);
}

/** zlib data of `rows` identical filtered rows (filter byte 0 + `row`), streamed: 900 MB in < 1 s. */
async function deflateRows(row: Buffer, rows: number): Promise<Buffer> {
  const deflate = zlib.createDeflate({ level: 1 });
  const parts: Buffer[] = [];
  deflate.on("data", (c: Buffer) => parts.push(c));
  const ended = new Promise((resolve) => deflate.on("end", resolve));
  const line = Buffer.concat([Buffer.from([0]), row]);
  const batch = Math.max(1, Math.floor((4 << 20) / line.length));
  const block = Buffer.concat(Array.from({ length: Math.min(batch, rows) }, () => line));
  for (let done = 0; done < rows; done += batch) {
    const n = Math.min(batch, rows - done);
    const ok = deflate.write(n === batch ? block : block.subarray(0, n * line.length));
    if (!ok) await new Promise((resolve) => deflate.once("drain", resolve));
  }
  deflate.end();
  await ended;
  return Buffer.concat(parts);
}

/** A complete greyscale PNG whose every row is `row`. */
async function pngOfRows(width: number, height: number, row: Buffer): Promise<Buffer> {
  const idat = await deflateRows(row, height);
  return Buffer.concat([
    PNG_SIGNATURE,
    ihdr(width, height),
    chunk("IDAT", idat),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** The offset of a JPEG's SOF0 segment's height field. */
function sofDimensionsAt(bytes: Uint8Array): number {
  for (let i = 2; i + 9 < bytes.length;) {
    if (bytes[i] !== 0xff) throw new Error("not at a JPEG marker");
    const marker = bytes[i + 1];
    if (marker === 0xc0) return i + 5;
    i += 2 + ((bytes[i + 2] << 8) | bytes[i + 3]);
  }
  throw new Error("no SOF0");
}

/** A real 16×16 JPEG (jpeg-js) whose SOF0 then claims `width × height`. */
function jpegClaiming(width: number, height: number): Buffer {
  const pixels = Buffer.alloc(16 * 16 * 4, 200);
  const bytes = Buffer.from(jpeg.encode({ data: pixels, width: 16, height: 16 }, 90).data);
  const at = sofDimensionsAt(bytes);
  bytes.writeUInt16BE(height, at);
  bytes.writeUInt16BE(width, at + 2);
  return bytes;
}

// ---------------------------------------------------------------------------------------------
// The corpus

/** The model.json of the shipped LeNet-5 (Keras) weights and its shard. */
const SHIPPED = join(REPO, "packages/models/weights/lenet5-keras");

/** A copy of the shipped manifest with `edit` applied, written as `name/model.json`. */
function manifest(name: string, edit: (json: Record<string, unknown>) => unknown): string {
  const json = JSON.parse(readFileSync(join(SHIPPED, "model.json"), "utf8")) as Record<
    string,
    unknown
  >;
  const path = file(`${name}.model.json`);
  writeFileSync(path, JSON.stringify(edit(json) ?? json));
  return path;
}

type Group = { paths: unknown; weights: { name: unknown; shape: unknown; dtype?: unknown }[] };
const group = (json: Record<string, unknown>) => (json.weightsManifest as Group[])[0];

const ESC_NAME = "\u001b[31mred\u001b[0m.png";
const SCRIPT = "<script>alert(1)</script>";

beforeAll(async () => {
  requireBuilt();
  dir = mkdtempSync(join(tmpdir(), "convstep-hostile-"));
  const good = readFileSync(writeSevenPng(file("seven.png"), 40, 40));

  // PNGs
  writeFileSync(file("truncated.png"), good.subarray(0, Math.floor(good.length * 0.6)));
  const badCrc = Buffer.from(good);
  const idat = badCrc.indexOf("IDAT");
  const idatLength = badCrc.readUInt32BE(idat - 4);
  badCrc[idat + 4 + idatLength] ^= 0xff; // the IDAT chunk's CRC
  writeFileSync(file("bad-crc.png"), badCrc);
  const badInflate = Buffer.from(good);
  // The compressed pixels (after zlib's 2-byte header) become garbage under a correct CRC.
  badInflate.fill(0xff, idat + 6, idat + 4 + idatLength); // block type 3: invalid
  badInflate.writeUInt32BE(
    zlib.crc32(badInflate.subarray(idat, idat + 4 + idatLength)),
    idat + 4 + idatLength,
  );
  writeFileSync(file("bad-inflate.png"), badInflate);
  writeFileSync(
    file("zero.png"),
    Buffer.concat([PNG_SIGNATURE, ihdr(0, 0), chunk("IEND", Buffer.alloc(0))]),
  );
  writeFileSync(
    file("huge-ihdr.png"),
    Buffer.concat([PNG_SIGNATURE, ihdr(2 ** 31 - 1, 2 ** 31 - 1)]),
  );
  const noise = Buffer.alloc(4096);
  for (let i = 0; i < noise.length; i++) noise[i] = (i * 2654435761) >>> 24;
  writeFileSync(file("noise.png"), Buffer.concat([PNG_SIGNATURE, noise]));
  writeFileSync(file("empty.png"), Buffer.alloc(0));
  writeFileSync(file("bomb.png"), await pngOfRows(30_000, 30_000, Buffer.alloc(30_000)));
  const gradient = Buffer.from(Array.from({ length: 10_000 }, (_, x) => (x * 7) % 256));
  writeFileSync(file("big-real.png"), await pngOfRows(10_000, 10_000, gradient));

  // JPEGs
  writeFileSync(file("huge-sof.jpg"), jpegClaiming(60_000, 60_000));
  writeFileSync(file("zero-sof.jpg"), jpegClaiming(16, 0));
  const realJpeg = readFileSync(join(REPO, "packages/models/samples/chelsea.jpg"));
  const garbled = Buffer.from(realJpeg);
  const sos = garbled.indexOf(Buffer.from([0xff, 0xda]));
  for (let i = sos + 20; i < garbled.length - 2; i++) garbled[i] = 0xff; // entropy data → markers
  writeFileSync(file("garbled.jpg"), garbled);
  writeFileSync(file("noise.jpg"), Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), noise]));
  writeFileSync(
    file("photo.gif"),
    Buffer.from("GIF89a\u0010\u0000\u0010\u0000\u0000\u0000\u0000", "latin1"),
  );

  // JSON inputs (lenet5-keras takes [28][28][1])
  const zeros = () =>
    Array.from({ length: 28 }, () => Array.from({ length: 28 }, () => [0] as unknown[]));
  writeFileSync(file("nan.json"), JSON.stringify(zeros()).replace("0", "NaN"));
  writeFileSync(file("inf.json"), JSON.stringify(zeros()).replace(/0(?=\]\]\]$)/, "1e999"));
  writeFileSync(file("deep.json"), `${"[".repeat(100_000)}0${"]".repeat(100_000)}`);
  const strings = zeros();
  strings[3][4] = ["x".repeat(10_000)];
  writeFileSync(file("strings.json"), JSON.stringify(strings));
  writeFileSync(file("object.json"), JSON.stringify({ data: zeros() }));
  writeFileSync(file("ragged.json"), JSON.stringify([...zeros().slice(0, 27), [[0]]]));
  // 50 MB: one flat array of 12.5 million numbers.
  writeFileSync(file("big.json"), `[${"0.5,".repeat(12_500_000)}0.5]`);

  // Weights manifests for --weights
  copyFileSync(join(SHIPPED, "group1-shard1of1.bin"), file("group1-shard1of1.bin"));
  manifest("missing-shard", (j) => void (group(j).paths = ["no-such-shard.bin"]));
  manifest("climbing", (j) => void (group(j).paths = ["../../x.bin"]));
  manifest("absolute", (j) => void (group(j).paths = ["/etc/passwd"]));
  manifest("url", (j) => void (group(j).paths = ["https://example.com/x.bin"]));
  writeFileSync(
    file("short-shard.bin"),
    readFileSync(file("group1-shard1of1.bin")).subarray(0, 1000),
  );
  manifest("short", (j) => void (group(j).paths = ["short-shard.bin"]));
  manifest("number-paths", (j) => void (group(j).paths = [1, 2]));
  manifest("string-manifest", (j) => void (j.weightsManifest = "group1-shard1of1.bin"));
  manifest("number-name", (j) => void (group(j).weights[0].name = 17));
  manifest("string-shape", (j) => void (group(j).weights[0].shape = "5x5"));
  manifest("huge-shape", (j) => void (group(j).weights[0].shape = [1e9, 1e9, 1e9, 1e9]));
  manifest("negative-shape", (j) => void (group(j).weights[0].shape = [-5, 5, 1, 6]));
  writeFileSync(file("not-json.model.json"), "weightsManifest: [group1-shard1of1.bin]\n");
  symlinkSync("/dev/zero", file("endless.bin"));
  manifest("endless", (j) => void (group(j).paths = ["endless.bin"]));
  writeFileSync(
    file("huge.model.json"),
    `{"weightsManifest": [], "pad": "${"x".repeat((17 << 20) - 100)}"}`,
  );
  writeFileSync(file(ESC_NAME), "not an image\n");
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// ---------------------------------------------------------------------------------------------

/** Runs convstep with the hang guard and checks the one clean line; returns it. */
async function refused(args: readonly string[], pattern: RegExp): Promise<string> {
  const result = await runCli(args, REPO, BIN, HANG_GUARD_MS);
  const line = expectUsageError(result, pattern);
  expect(result.stderr.replace(/\n$/, ""), "control characters").not.toMatch(
    // eslint-disable-next-line no-control-regex -- control characters are what it looks for
    /[\u0000-\u001f\u007f]/,
  );
  expect(line.length, line).toBeLessThan(300);
  return line;
}

const trace = (input: string, ...more: string[]) => [
  "trace",
  "lenet5-keras",
  "--input",
  file(input),
  ...more,
];
const withWeights = (model: string) => trace("seven.png", "--weights", model);

const cases: readonly [string, () => string[], RegExp][] = [
  // PNG
  [
    "a truncated PNG",
    () => trace("truncated.png"),
    /truncated\.png" is not a readable PNG file: the file is cut short$/,
  ],
  [
    "a PNG with a wrong CRC",
    () => trace("bad-crc.png"),
    /bad-crc\.png" is not a readable PNG file: its IDAT chunk is damaged \(its checksum does not match\)$/,
  ],
  [
    "a PNG whose compressed pixels are garbage",
    () => trace("bad-inflate.png"),
    /bad-inflate\.png" is not a readable PNG file: its image data is damaged or cut short$/,
  ],
  [
    "a PNG of 0 × 0 pixels",
    () => trace("zero.png"),
    /zero\.png" has no pixels \(its header says 0 × 0\)$/,
  ],
  [
    "a PNG whose IHDR claims 2,147,483,647 × 2,147,483,647",
    () => trace("huge-ihdr.png"),
    /huge-ihdr\.png" is 2,147,483,647 × 2,147,483,647 pixels .*at most 16,384 pixels on a side and 40 megapixels$/,
  ],
  [
    "random bytes after a PNG signature",
    () => trace("noise.png"),
    /noise\.png" looks like a PNG file but its header is cut short or damaged$/,
  ],
  [
    "an empty file named .png",
    () => trace("empty.png"),
    /empty\.png" is empty \(0 bytes\); expected a PNG, a JPEG or a JSON array$/,
  ],
  [
    "a 10,000 × 10,000 PNG (100 megapixels)",
    () => trace("big-real.png"),
    /big-real\.png" is 10,000 × 10,000 pixels \(100 megapixels\); images may have at most 16,384 pixels on a side and 40 megapixels$/,
  ],
  // JPEG
  [
    "a JPEG whose SOF claims 60,000 × 60,000",
    () => trace("huge-sof.jpg"),
    /huge-sof\.jpg" is 60,000 × 60,000 pixels \(3,600 megapixels\)/,
  ],
  [
    "a JPEG whose SOF claims 16 × 0",
    () => trace("zero-sof.jpg"),
    /zero-sof\.jpg" has no pixels \(its header says 16 × 0\)$/,
  ],
  [
    "a JPEG whose entropy-coded data is garbage",
    () => trace("garbled.jpg"),
    /garbled\.jpg" is not a readable JPEG file: its image data is damaged or cut short$/,
  ],
  [
    "random bytes after a JPEG's first marker",
    () => trace("noise.jpg"),
    /noise\.jpg" looks like a JPEG file but its header is cut short or damaged$/,
  ],
  [
    "a GIF",
    () => trace("photo.gif"),
    /photo\.gif" is a GIF image; convstep reads PNG and JPEG files/,
  ],
  // JSON
  [
    "JSON with NaN",
    () => trace("nan.json"),
    /nan\.json" is not valid JSON: Unexpected token 'N' \(JSON has no NaN or Infinity: write numbers\)$/,
  ],
  [
    "JSON with 1e999 (Infinity once parsed)",
    () => trace("inf.json"),
    /inf\.json": expected a finite number at \[27\]\[27\]\[0\], got a number too large to be finite$/,
  ],
  [
    "JSON nested 100,000 levels deep",
    () => trace("deep.json"),
    /deep\.json": expected a nested array of shape \[28, 28, 1\], got an array nested 100,000 levels deep$/,
  ],
  [
    "JSON with a 10,000-character string where a number belongs",
    () => trace("strings.json"),
    /strings\.json": expected a finite number at \[3\]\[4\]\[0\], got the string "x{23}…"$/,
  ],
  [
    "JSON that is an object",
    () => trace("object.json"),
    /object\.json": expected a nested array of shape \[28, 28, 1\], got an object$/,
  ],
  [
    "ragged JSON",
    () => trace("ragged.json"),
    /ragged\.json": ragged array: expected 28 entries at \[27\], got an array of 1 entry$/,
  ],
  [
    "a 50 MB JSON array of the wrong shape",
    () => trace("big.json"),
    /big\.json": expected a nested array of shape \[28, 28, 1\], got \[12500001\]$/,
  ],
  // Weights manifests
  [
    "a manifest naming a missing shard",
    () => withWeights(file("missing-shard.model.json")),
    /cannot read ".*no-such-shard\.bin": no such file \(a weights shard listed in .*missing-shard\.model\.json\)$/,
  ],
  [
    "a shard path ../../x.bin",
    () => withWeights(file("climbing.model.json")),
    /the shard path "\.\.\/\.\.\/x\.bin" must be relative and stay in the model\.json's folder$/,
  ],
  [
    "an absolute shard path",
    () => withWeights(file("absolute.model.json")),
    /the shard path "\/etc\/passwd" must be relative and stay in the model\.json's folder$/,
  ],
  [
    "a shard at another origin's URL",
    () => withWeights(file("url.model.json")),
    /the shard path "https:\/\/example\.com\/x\.bin" is a URL; on the command line shards are files beside the model\.json$/,
  ],
  [
    "a shard of the wrong size",
    () => withWeights(file("short.model.json")),
    // the shipped lenet5-keras shard: 61,706 float16 values, 2 bytes each
    /short\.model\.json: weightsManifest\[0\] needs 123412 bytes, its shards hold 1000/,
  ],
  [
    "a model.json that is not JSON",
    () => withWeights(file("not-json.model.json")),
    /not-json\.model\.json: not a model\.json: it holds text that is not a JSON object; expected a TensorFlow\.js model\.json/,
  ],
  [
    "a weights shard (.bin) given as the model.json",
    () => withWeights(file("group1-shard1of1.bin")),
    /group1-shard1of1\.bin: not a model\.json: it holds binary data \(a weights shard\?\); expected a TensorFlow\.js model\.json/,
  ],
  [
    "paths that are numbers",
    () => withWeights(file("number-paths.model.json")),
    /weightsManifest\[0\]\.paths: expected an array of file names$/,
  ],
  [
    "weightsManifest a string",
    () => withWeights(file("string-manifest.model.json")),
    /expected a weightsManifest array/,
  ],
  [
    "a weight whose name is a number",
    () => withWeights(file("number-name.model.json")),
    /number-name\.model\.json: weightsManifest\[0\]\.weights\[0\]: expected a name string, got number 17$/,
  ],
  [
    "a weight whose shape is a string",
    () => withWeights(file("string-shape.model.json")),
    /weight "C1\/kernel": .*string-shape\.model\.json: expected a shape of non-negative integers, got "5x5"$/,
  ],
  [
    "a weight declared 10⁹ × 10⁹ × 10⁹ × 10⁹",
    () => withWeights(file("huge-shape.model.json")),
    /weight "C1\/kernel": .*huge-shape\.model\.json: expected shape \[5, 5, 1, 6\], got \[1000000000, 1000000000, 1000000000, 1000000000\]$/,
  ],
  [
    "a weight with a negative dimension",
    () => withWeights(file("negative-shape.model.json")),
    /weight "C1\/kernel": .*negative-shape\.model\.json: expected a shape of non-negative integers, got \[-5,5,1,6\]$/,
  ],
  [
    "a shard that is /dev/zero (through a link)",
    () => withWeights(file("endless.model.json")),
    /endless\.bin" is not a regular file \(a device, pipe or socket\); give a file \(a weights shard listed in .*endless\.model\.json\)$/,
  ],
  [
    "a model.json of 17 MB",
    () => withWeights(file("huge.model.json")),
    /huge\.model\.json" is 17 MB; a model\.json may have at most 16 MB$/,
  ],
  [
    "/dev/zero as the input",
    () => ["trace", "lenet5-keras", "--input", "/dev/zero"],
    /^convstep: "\/dev\/zero" is not a regular file \(a device, pipe or socket\); give a file$/,
  ],
  // Markup and terminal escapes in names and arguments
  [
    "a model named <script>",
    () => ["summary", SCRIPT],
    /^convstep: unknown model "<script>alert\(1\)<\/script>"; known models/,
  ],
  [
    "a missing file named <script>",
    () => ["trace", "lenet5-keras", "--input", `${SCRIPT}.png`],
    /^convstep: cannot read "<script>alert\(1\)<\/script>\.png": no such file$/,
  ],
  [
    "a file whose name holds ANSI escapes",
    () => trace(ESC_NAME),
    /"[^"]*\\u001b\[31mred\\u001b\[0m\.png" is not a PNG file: its first bytes are no PNG signature$/,
  ],
  [
    "a layer named with ANSI escapes",
    () => trace("seven.png", "--layer", "\u001b[2J\u001b[H"),
    /no layer "\\u001b\[2J\\u001b\[H"/,
  ],
  [
    "an option named with ANSI escapes",
    () => ["trace", "lenet5-keras", "--\u001b[2Jx"],
    /^convstep: unknown option --\\u001b\[2Jx for "trace"/,
  ],
  [
    "a command of 100,000 characters",
    () => ["x".repeat(100_000)],
    /^convstep: unknown command "x+…"; commands: models/,
  ],
];

describe("hostile input ends in one clear line, exit status 2", () => {
  test.concurrent.each(cases)("%s", async (_name, args, pattern) => {
    await refused(args(), pattern);
  });
});

/** Peak resident memory of a child run through GNU time, in MB. */
function peakRssMb(args: readonly string[]): Promise<{ mb: number; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(
      "/usr/bin/time",
      ["-v", process.execPath, BIN, ...args],
      { cwd: REPO, encoding: "utf8", timeout: HANG_GUARD_MS },
      (error, _stdout, stderr) => {
        const kb = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr)?.[1];
        if (kb === undefined) reject(error ?? new Error(stderr));
        else resolve({ mb: Number(kb) / 1024, stderr });
      },
    );
  });
}

describe("the 30,000 × 30,000 PNG bomb (900 megapixels, 3.6 GB as RGBA)", () => {
  test("is refused from its header, naming its size and the limit", async () => {
    expect(readFileSync(file("bomb.png")).length).toBeLessThan(8 << 20);
    await refused(
      trace("bomb.png"),
      /bomb\.png" is 30,000 × 30,000 pixels \(900 megapixels\); images may have at most 16,384 pixels on a side and 40 megapixels$/,
    );
  });

  test.skipIf(!existsSync("/usr/bin/time"))(
    "without decoding it: the run's peak memory stays under 400 MB (a decode needs 3,600)",
    async () => {
      const { mb, stderr } = await peakRssMb(trace("bomb.png"));
      expect(stderr).toMatch(/is 30,000 × 30,000 pixels/);
      expect(mb).toBeLessThan(400);
    },
  );
});
