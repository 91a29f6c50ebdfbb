/**
 * Writes packages/models/samples/: the five sample photographs the image widgets offer, scaled so
 * that the shorter side is 256 px (area averaging, the engine's `resampleArea`) and saved as
 * baseline JPEG (quality 90), with NOTICE.md crediting each. Deterministic: running it again gives
 * the same bytes.
 *
 * The originals come from scikit-image 0.19.3's sample data as Debian's `python3-skimage` ships it
 * (`usr/lib/python3/dist-packages/skimage/data/`), copied to shared/samples/ beside the checkout.
 *
 *   node scripts/… (bundled like the other scripts: see scripts/vite.config.ts)
 *   make-samples [--from <folder of originals>]
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import jpeg from "jpeg-js";
import { PNG } from "pngjs";
import { format } from "prettier";
import { resampleArea } from "../packages/engine/src/preprocess/resample.js";
import {
  SAMPLE_PHOTOS,
  SAMPLE_SHORT_SIDE,
  type SamplePhoto,
} from "../packages/models/src/samples.js";
import { repoPath, repoRoot } from "./lib/paths.js";

/** JPEG quality of the shipped files. */
const QUALITY = 90;

/** An 8-bit RGBA image. */
interface Rgba {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array;
}

function decode(path: string): Rgba {
  const bytes = readFileSync(path);
  if (path.endsWith(".png")) {
    // pngjs expands grey, palette and 16-bit images to 8-bit RGBA.
    const png = PNG.sync.read(bytes);
    return { width: png.width, height: png.height, data: new Uint8Array(png.data) };
  }
  const img = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true });
  return { width: img.width, height: img.height, data: img.data };
}

/** The size with the shorter side `short` (the longer one rounded), aspect ratio kept. */
export function scaledSize(width: number, height: number, short: number): [number, number] {
  const scale = short / Math.min(width, height);
  return [Math.round(width * scale), Math.round(height * scale)];
}

/** Area-averages each channel of `img` to `w × h` (alpha set opaque). */
function shrink(img: Rgba, w: number, h: number): Rgba {
  const out = new Uint8Array(w * h * 4);
  const plane = new Float32Array(img.width * img.height);
  for (let c = 0; c < 3; c++) {
    for (let i = 0; i < plane.length; i++) plane[i] = img.data[i * 4 + c];
    const small = resampleArea(plane, img.width, img.height, w, h);
    for (let i = 0; i < small.length; i++)
      out[i * 4 + c] = Math.min(255, Math.max(0, Math.round(small[i])));
  }
  for (let i = 0; i < w * h; i++) out[i * 4 + 3] = 255;
  return { width: w, height: h, data: out };
}

function notice(photos: readonly SamplePhoto[]): string {
  const rows = photos.map(
    (p) =>
      `| ${p.file} | ${p.title} | ${p.credit} | ${p.licence} | ${p.original}, ${p.originalSize[0]}×${p.originalSize[1]} | ${p.width}×${p.height} |`,
  );
  return [
    "# Sample photographs",
    "",
    "The photographs the image widgets (`cs-image-input`, `cs-conv-window`) offer. All come from the",
    "sample data of [scikit-image](https://scikit-image.org) 0.19.3, as shipped in Debian's",
    "`python3-skimage` package (`usr/lib/python3/dist-packages/skimage/data/`), with the licences",
    "scikit-image's documentation states for each. They were scaled so that the shorter side is",
    `${SAMPLE_SHORT_SIDE} px and saved as JPEG by \`scripts/make-samples.ts\`.`,
    "",
    "| file | what | photographer / credit | licence | original | shipped |",
    "| --- | --- | --- | --- | --- | --- |",
    ...rows,
    "",
    "CC0: Creative Commons Zero 1.0 (https://creativecommons.org/publicdomain/zero/1.0/). Public",
    "domain: works of NASA, and SpaceX's photographs released into the public domain.",
    "",
  ].join("\n");
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const fromFlag = args.indexOf("--from");
  const from = fromFlag >= 0 ? args[fromFlag + 1] : join(repoRoot(), "..", "shared", "samples");
  const outDir = repoPath("packages", "models", "samples");
  mkdirSync(outDir, { recursive: true });
  for (const photo of SAMPLE_PHOTOS) {
    const original = decode(join(from, photo.original));
    const [ow, oh] = photo.originalSize;
    if (original.width !== ow || original.height !== oh) {
      throw new Error(
        `${photo.original} is ${original.width}×${original.height}, but samples.ts says ${ow}×${oh}`,
      );
    }
    const [w, h] = scaledSize(original.width, original.height, SAMPLE_SHORT_SIDE);
    if (w !== photo.width || h !== photo.height) {
      throw new Error(
        `${photo.original} (${original.width}×${original.height}) scales to ${w}×${h}, but samples.ts says ${photo.width}×${photo.height}`,
      );
    }
    const small = shrink(original, w, h);
    const bytes = jpeg.encode({ width: w, height: h, data: small.data }, QUALITY).data;
    writeFileSync(join(outDir, photo.file), bytes);
    process.stdout.write(
      `${photo.file}: ${original.width}×${original.height} → ${w}×${h}, ${bytes.length} bytes\n`,
    );
  }
  // Formatted as the repository's Prettier would, so that the lint stays clean after a rerun.
  const markdown = await format(notice(SAMPLE_PHOTOS), { parser: "markdown", printWidth: 100 });
  writeFileSync(join(outDir, "NOTICE.md"), markdown);
  process.stdout.write(`wrote ${outDir}\n`);
}

await main();
