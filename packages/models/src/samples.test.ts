import { readFileSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";
import jpeg from "jpeg-js";
import { describe, expect, it } from "vitest";
import { SAMPLE_PHOTOS, SAMPLE_SHORT_SIDE, sampleCredit, samplePhoto } from "./samples.js";

const samples = (file: string) => fileURLToPath(new URL(`../samples/${file}`, import.meta.url));

describe("SAMPLE_PHOTOS", () => {
  it.each(SAMPLE_PHOTOS.map((p) => [p.file, p] as const))(
    "%s is shipped at its declared size, shorter side 256, under 150 KB",
    (_file, photo) => {
      const bytes = readFileSync(samples(photo.file));
      expect(bytes.length).toBeLessThan(150_000);
      const img = jpeg.decode(bytes, { useTArray: true });
      expect([img.width, img.height]).toEqual([photo.width, photo.height]);
      expect(Math.min(img.width, img.height)).toBe(SAMPLE_SHORT_SIDE);
      // The aspect ratio of the original is kept to within rounding of the longer side.
      const [ow, oh] = photo.originalSize;
      expect(Math.abs(img.width / img.height - ow / oh)).toBeLessThan(1 / SAMPLE_SHORT_SIDE);
    },
  );

  it("every photograph is credited in NOTICE.md with its licence", () => {
    const rows = readFileSync(samples("NOTICE.md"), "utf8")
      .split("\n")
      .filter((line) => line.startsWith("|"))
      .map((line) => line.split("|").map((cell) => cell.trim()));
    for (const p of SAMPLE_PHOTOS) {
      const row = rows.find((cells) => cells[1] === p.file);
      expect(row?.slice(1, 5)).toEqual([p.file, p.title, p.credit, p.licence]);
      expect(["CC0", "public domain"]).toContain(p.licence);
    }
    expect(statSync(samples("NOTICE.md")).size).toBeGreaterThan(0);
  });

  it("the camera is greyscale: its three channels are equal (within JPEG rounding)", () => {
    const img = jpeg.decode(readFileSync(samples("camera.jpg")), { useTArray: true });
    let worst = 0;
    for (let i = 0; i < img.data.length; i += 4) {
      worst = Math.max(
        worst,
        Math.abs(img.data[i] - img.data[i + 1]),
        Math.abs(img.data[i] - img.data[i + 2]),
      );
    }
    expect(worst).toBeLessThanOrEqual(2);
    expect(samplePhoto("camera.jpg")?.colour).toBe("grey");
  });

  it('sampleCredit → "Chelsea the cat — Stefan van der Walt, CC0"', () => {
    expect(sampleCredit(samplePhoto("chelsea.jpg")!)).toBe(
      "Chelsea the cat — Stefan van der Walt, CC0",
    );
    expect(samplePhoto("nope.jpg")).toBeUndefined();
  });
});
