import { afterEach, describe, expect, it, vi } from "vitest";
import "./define.js";
import type { CsImageInput } from "./image-input.component.js";
import { IMAGENET_MEAN_RGB, coverCrop, croppedRgb, inputToRgba, modelInput } from "./preprocess.js";
import type { CsInputEvent } from "../shared/events.js";
import { setAssetBase } from "../shared/assets.js";
import { expectNoAxeViolations, mount } from "../test-utils/mount.js";
import { setLanguage } from "../shared/localize.js";
import { templates as ko } from "../locales/ko/image-input.js";
import componentSource from "./image-input.component.ts?raw";
import titlesSource from "./sample-titles.ts?raw";

/** RGBA bytes of a width × height photo filled with one colour. */
function uniform(
  width: number,
  height: number,
  [r, g, b]: [number, number, number],
): Uint8ClampedArray {
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < width * height; i++) rgba.set([r, g, b, 255], i * 4);
  return rgba;
}

/** Resolves with the next cs-input event from `el`. */
function nextInput(el: HTMLElement): Promise<CsInputEvent> {
  return new Promise((resolve) => el.addEventListener("cs-input", resolve, { once: true }));
}

describe("coverCrop", () => {
  it("Chelsea 451×300 → 227: scale 227/300, 341×227, crop from column 57; box x = 57·451/341", () => {
    // 451·227/300 = 341.26 → 341; (341 − 227)/2 = 57; the crop covers 227·451/341 = 300.22
    // original columns from 57·451/341 = 75.39, and all 300 rows.
    const c = coverCrop(451, 300, 227);
    expect([c.resizedWidth, c.resizedHeight, c.left, c.top]).toEqual([341, 227, 57, 0]);
    expect(c.box.x).toBeCloseTo(75.387, 3);
    expect(c.box.width).toBeCloseTo(300.226, 3);
    expect(c.box.y).toBe(0);
    expect(c.box.height).toBeCloseTo(300, 9);
  });

  it("Chelsea 451×300 → 32: 48×32, crop from column 8", () => {
    // 451·32/300 = 48.11 → 48; (48 − 32)/2 = 8.
    const c = coverCrop(451, 300, 32);
    expect([c.resizedWidth, c.resizedHeight, c.left, c.top]).toEqual([48, 32, 8, 0]);
  });

  it("a tall 200×301 photo → 227: 227×342, crop from row 57 (odd pixel at the bottom)", () => {
    // 301·227/200 = 341.6 → 342; (342 − 227)/2 = 57.5 → 57.
    const c = coverCrop(200, 301, 227);
    expect([c.resizedWidth, c.resizedHeight, c.left, c.top]).toEqual([227, 342, 0, 57]);
  });
});

describe("croppedRgb / modelInput", () => {
  it("a 4×2 photo → side 2, no resize: the centre columns 1 and 2, in [0, 1]", () => {
    const rgba = new Uint8ClampedArray(8 * 4);
    for (let i = 0; i < 8; i++) rgba.set([i * 10, 255 - i, 0, 255], i * 4);
    const out = croppedRgb(rgba, 4, 2, 2);
    // Pixels (row, col): (0,1)=1, (0,2)=2, (1,1)=5, (1,2)=6 in row-major index.
    expect([...out].filter((_, i) => i % 3 === 0).map((v) => Math.round(v * 255))).toEqual([
      10, 20, 50, 60,
    ]);
    expect(out[1]).toBeCloseTo((255 - 1) / 255, 6);
  });

  it("alexnet-2012: a uniform (200, 100, 50) photo → 227×227×3 of 200 − 123.68, 100 − 116.779, 50 − 103.939", () => {
    const { data, shape } = modelInput(uniform(451, 300, [200, 100, 50]), 451, 300, "alexnet-2012");
    expect(shape).toEqual([227, 227, 3]);
    expect(data.length).toBe(227 * 227 * 3);
    for (const i of [0, 1, 2, 3 * 1000 + 1, data.length - 1]) {
      const expected = [200 - 123.68, 100 - 116.779, 50 - 103.939][i % 3];
      expect(data[i]).toBeCloseTo(expected, 3);
    }
  });

  it("alexnet-keras: a uniform (255, 51, 0) photo → 32×32×3 of 1, 0.2, 0", () => {
    const { data, shape } = modelInput(uniform(451, 300, [255, 51, 0]), 451, 300, "alexnet-keras");
    expect(shape).toEqual([32, 32, 3]);
    expect([data[0], data[1], data[2]].map((v) => Number(v.toFixed(5)))).toEqual([1, 0.2, 0]);
  });

  it("inputToRgba adds the mean back (2012) or scales by 255 (keras)", () => {
    const m = IMAGENET_MEAN_RGB;
    expect([
      ...inputToRgba(Float32Array.of(10 - m[0], 20 - m[1], 30 - m[2]), "alexnet-2012"),
    ]).toEqual([10, 20, 30, 255]);
    expect([...inputToRgba(Float32Array.of(1, 0.5, 0), "alexnet-keras")]).toEqual([
      255, 128, 0, 255,
    ]);
  });
});

describe("<cs-image-input>", () => {
  setAssetBase("/packages/models/");
  const root = (el: CsImageInput) => el.shadowRoot!;

  afterEach(() => {
    document.body.replaceChildren();
  });

  it("loads the default sample (Chelsea) and emits a 227×227×3 input from 'sample'", async () => {
    const el = document.createElement("cs-image-input") as CsImageInput;
    const first = nextInput(el);
    document.body.append(el);
    const event = await first;
    expect(event.shape).toEqual([227, 227, 3]);
    expect(event.data.length).toBe(227 * 227 * 3);
    expect(event.source).toBe("sample");
    // The shipped Chelsea is 385×256: 227/256 → 341×227, crop from column 57.
    await el.updateComplete;
    expect(el.crop).toMatchObject({ resizedWidth: 341, resizedHeight: 227, left: 57, top: 0 });
    expect(root(el).querySelector("figcaption")!.textContent).toContain(
      "Chelsea the cat — Stefan van der Walt, CC0",
    );
    const crop = root(el).querySelector<HTMLElement>("[part=crop]")!;
    expect(parseFloat(crop.style.left)).toBeCloseTo(((57 * 385) / 341 / 385) * 100, 2);
    let min = Infinity;
    let max = -Infinity;
    for (const v of event.data) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    expect(min).toBeGreaterThanOrEqual(-123.68 - 1e-3);
    expect(max).toBeLessThanOrEqual(255 - 103.939 + 1e-3);
  });

  it("picking a sample emits its input; target alexnet-keras gives 32×32×3 in [0, 1]", async () => {
    const el = document.createElement("cs-image-input") as CsImageInput;
    el.setAttribute("target", "alexnet-keras");
    const first = nextInput(el);
    document.body.append(el);
    expect((await first).shape).toEqual([32, 32, 3]);
    await el.updateComplete;
    const buttons = root(el).querySelectorAll<HTMLButtonElement>("[part~=sample]");
    expect(buttons).toHaveLength(5);
    const picked = nextInput(el);
    buttons[1].click();
    const event = await picked;
    expect(event.shape).toEqual([32, 32, 3]);
    expect(event.source).toBe("sample");
    expect(Math.max(...event.data)).toBeLessThanOrEqual(1);
    expect(Math.min(...event.data)).toBeGreaterThanOrEqual(0);
    await el.updateComplete;
    expect(el.sample).toBe("coffee.jpg");
    expect(el.getAttribute("sample")).toBe("coffee.jpg");
    expect(buttons[1].getAttribute("aria-pressed")).toBe("true");
    expect(root(el).querySelector("[aria-live]")!.textContent).toContain(
      "A cup of coffee is the model input: 32 × 32",
    );
    // Switching the target prepares the same photo again.
    const again = nextInput(el);
    el.target = "alexnet-2012";
    expect((await again).shape).toEqual([227, 227, 3]);
  });

  it("a local file (through the file input) is read in the page and emitted as 'file'", async () => {
    const el = await mount<CsImageInput>("cs-image-input");
    await nextInput(el);
    const blob = await (await fetch("/packages/models/samples/rocket.jpg")).blob();
    const file = new File([blob], "my-rocket.jpg", { type: "image/jpeg" });
    const transfer = new DataTransfer();
    transfer.items.add(file);
    const input = root(el).querySelector<HTMLInputElement>("input[type=file]")!;
    input.files = transfer.files;
    const picked = nextInput(el);
    input.dispatchEvent(new Event("change"));
    const event = await picked;
    expect(event.source).toBe("file");
    expect(event.shape).toEqual([227, 227, 3]);
    await el.updateComplete;
    expect(root(el).querySelector("figcaption")!.textContent).toContain("my-rocket.jpg");
  });

  it("a broken file shows an error in place and the widget keeps working", async () => {
    const el = await mount<CsImageInput>("cs-image-input");
    await nextInput(el);
    const broken = new File([new Uint8Array([1, 2, 3, 4])], "broken.png", { type: "image/png" });
    const transfer = new DataTransfer();
    transfer.items.add(broken);
    el.shadowRoot!.querySelector("[part=base]")!.dispatchEvent(
      new DragEvent("drop", { dataTransfer: transfer, bubbles: true, cancelable: true }),
    );
    await expect
      .poll(() => root(el).querySelector(".error")?.textContent ?? "")
      .toContain("broken.png");
    expect(root(el).querySelector(".error")!.getAttribute("role")).toBe("alert");
    expect(el.value?.shape).toEqual([227, 227, 3]);
    const picked = nextInput(el);
    root(el).querySelectorAll<HTMLButtonElement>("[part~=sample]")[4].click();
    expect((await picked).shape).toEqual([227, 227, 3]);
    await el.updateComplete;
    expect(root(el).querySelector(".error")).toBeNull();
  });

  it("a 30,000 × 30,000 PNG is refused from its header, never decoded; the widget keeps working", async () => {
    const el = await mount<CsImageInput>("cs-image-input");
    await nextInput(el);
    // A PNG signature and an IHDR chunk, written by hand: width and height 30,000 (0x7530),
    // 8-bit RGB; then 200 KB of nothing (a real bomb's compressed zeros would follow).
    const header = [
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0,
      0x75, 0x30, 0, 0, 0x75, 0x30, 8, 2, 0, 0, 0, 0, 0, 0, 0,
    ];
    const bomb = new File([new Uint8Array(header), new Uint8Array(200_000)], "bomb.png", {
      type: "image/png",
    });
    const decode = vi.spyOn(window, "createImageBitmap");
    const transfer = new DataTransfer();
    transfer.items.add(bomb);
    el.shadowRoot!.querySelector("[part=base]")!.dispatchEvent(
      new DragEvent("drop", { dataTransfer: transfer, bubbles: true, cancelable: true }),
    );
    await expect
      .poll(() => root(el).querySelector(".error")?.textContent ?? "")
      .toContain("bomb.png");
    const text = root(el).querySelector(".error")!.textContent!;
    expect(text).toContain("30,000 × 30,000 pixels (900 megapixels)");
    expect(text).toContain("16,384");
    expect(decode).not.toHaveBeenCalled();
    decode.mockRestore();
    expect(el.value?.shape).toEqual([227, 227, 3]);
    const picked = nextInput(el);
    root(el).querySelectorAll<HTMLButtonElement>("[part~=sample]")[2].click();
    expect((await picked).shape).toEqual([227, 227, 3]);
    await el.updateComplete;
    expect(root(el).querySelector(".error")).toBeNull();
  });

  it("a missing src shows an error", async () => {
    const el = await mount<CsImageInput>("cs-image-input", {
      src: "/packages/models/samples/missing.jpg",
    });
    await expect
      .poll(() => el.shadowRoot!.querySelector(".error")?.textContent ?? "")
      .toContain("404");
  });

  it("every message id has a Korean translation, and the captions speak Korean", async () => {
    const ids = [
      ...`${componentSource}${titlesSource}`.matchAll(/id: "(image-input\.[a-z0-9-]+)"/g),
    ].map((m) => m[1]);
    expect(ids.length).toBeGreaterThan(20);
    expect(ids.filter((id) => !(id in ko))).toEqual([]);
    await setLanguage("ko");
    try {
      const el = document.createElement("cs-image-input") as CsImageInput;
      const first = nextInput(el);
      document.body.append(el);
      await first;
      await el.updateComplete;
      expect(root(el).querySelector("figcaption")!.textContent).toContain(
        "고양이 첼시 — Stefan van der Walt, CC0",
      );
    } finally {
      await setLanguage("en");
    }
  });

  it("has no serious or critical axe violations", async () => {
    const el = document.createElement("cs-image-input") as CsImageInput;
    const first = nextInput(el);
    document.body.append(el);
    await first;
    await el.updateComplete;
    await expectNoAxeViolations(el);
  });
});
