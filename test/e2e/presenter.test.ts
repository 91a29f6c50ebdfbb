/**
 * Presenter mode and figure export of the explorers, as built (`packages/embed/dist`), in headless
 * Chromium at projector sizes, under the strict policy (no `style` attribute, nothing inline):
 *
 *   - the full-screen button makes the explorer the page's full-screen element with the
 *     presenter layout, and leaving full screen (`exitFullscreen`, the same `fullscreenchange`
 *     the browser's Esc sends) restores both;
 *   - at 1280×720 and 1920×1080 the network, the player and the arithmetic lie inside the screen;
 *   - the player's keys work anywhere in the explorer, and on the page in presenter mode, but not
 *     in the digit pad;
 *   - with `sync-url` the hash keeps the step and the presenter flag, and a reload reopens both;
 *   - the exported SVGs parse as image/svg+xml and hold the labels on screen; the PNG of the
 *     feature maps has twice their size (or the width asked for).
 *
 * Screenshots (English and Korean, both sizes, and the exported figures rendered by Chromium)
 * go to $CONVSTEP_SHOTS (default: a folder in the system's temp dir, printed).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { STRICT_CSP } from "./csp.js";
import { launchChromium } from "./browser.js";
import { serveStatic, type StaticServer } from "./static-server.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
const shots = process.env.CONVSTEP_SHOTS ?? join(tmpdir(), "convstep-presenter-shots");

let browser: Awaited<ReturnType<typeof launchChromium>>;
let server: StaticServer;

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  console.log(`presenter screenshots: ${shots}`);
  server = await serveStatic(root, { "Content-Security-Policy": STRICT_CSP });
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const LENET = "test/e2e/pages/presenter.html";

/** Opens a page at a viewport, waits for the explorer's first trace; collects CSP violations. */
async function open(path: string, width: number, height: number, hash = "") {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width, height });
  await page.emulateMedia({ reducedMotion: "reduce" });
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) errors.push(m.text());
  });
  await page.goto(`${server.url}${path}${hash}`, { waitUntil: "load" });
  await settle(page);
  return { page, errors };
}

/** Waits for the explorer (and its blocks) to have rendered the current state. */
async function settle(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelectorAll(":not(:defined)").length === 0);
  await page.evaluate(async () => {
    const el = document.querySelector<
      HTMLElement & { ready: Promise<void>; updateComplete: Promise<unknown> }
    >("cs-lenet-explorer, cs-alexnet-explorer")!;
    await el.ready;
    for (let i = 0; i < 3; i++) {
      await el.updateComplete;
      for (const b of el.shadowRoot!.querySelectorAll(".region > *"))
        await (b as unknown as { updateComplete?: Promise<unknown> }).updateComplete;
    }
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  });
}

/** The boxes of the explorer's regions, and the viewport. */
async function regionBoxes(page: Page) {
  return page.evaluate(() => {
    const el = document.querySelector("cs-lenet-explorer, cs-alexnet-explorer")!;
    const boxes: Record<
      string,
      { left: number; top: number; right: number; bottom: number; width: number; height: number }
    > = {};
    for (const r of el.shadowRoot!.querySelectorAll<HTMLElement>(".region")) {
      const b = r.getBoundingClientRect();
      const name = [...r.classList].find((c) => c !== "region")!;
      boxes[name] = {
        left: b.left,
        top: b.top,
        right: b.right,
        bottom: b.bottom,
        width: b.width,
        height: b.height,
      };
    }
    return { boxes, width: innerWidth, height: innerHeight };
  });
}

function expectInside(
  box:
    | { left: number; top: number; right: number; bottom: number; width: number; height: number }
    | undefined,
  view: { width: number; height: number },
  name: string,
) {
  expect(box, `${name} is shown`).toBeDefined();
  expect(box!.width * box!.height, `${name} has an area`).toBeGreaterThan(0);
  expect(box!.left, `${name} left`).toBeGreaterThanOrEqual(0);
  expect(box!.top, `${name} top`).toBeGreaterThanOrEqual(0);
  expect(box!.right, `${name} right`).toBeLessThanOrEqual(view.width + 0.5);
  expect(box!.bottom, `${name} bottom`).toBeLessThanOrEqual(view.height + 0.5);
}

/** The cursor's step and layer. */
function cursor(page: Page) {
  return page.evaluate(() => {
    const el = document.querySelector("cs-lenet-explorer") as unknown as {
      simulator: { cursor: { stepIndex: number; neuron: { layer: number; channel: number } } };
    };
    return { step: el.simulator.cursor.stepIndex, layer: el.simulator.cursor.neuron.layer };
  });
}

describe("presenter mode", () => {
  for (const [width, height] of [
    [1280, 720],
    [1920, 1080],
  ] as const) {
    for (const lang of ["en", "ko"]) {
      test(`${width}×${height} (${lang}): network, player and arithmetic all inside the screen`, async () => {
        const { page, errors } = await open(LENET, width, height);
        await page.evaluate(async (lang) => {
          const el = document.querySelector("cs-lenet-explorer") as HTMLElement & {
            presenter: boolean;
          };
          el.setAttribute("lang", lang);
          el.presenter = true;
        }, lang);
        await settle(page);
        const { boxes, ...view } = await regionBoxes(page);
        for (const name of ["network", "player", "math"]) expectInside(boxes[name], view, name);
        expectInside(boxes.maps, view, "maps");
        // The blocks a presenter does not need step aside.
        for (const name of ["pad", "prediction", "table", "summary"])
          expect(boxes[name]?.width ?? 0, name).toBe(0);
        const button = page.locator("cs-lenet-explorer .toolbar .presenter");
        await expect(button.getAttribute("aria-pressed")).resolves.toBe("true");
        if (lang === "ko") await expect(button.textContent()).resolves.toContain("발표자 배치");
        await page.screenshot({
          path: join(shots, `lenet-presenter-${width}x${height}-${lang}.png`),
        });
        expect(errors).toEqual([]);
        await page.close();
      });
    }
  }

  for (const [width, height, lang] of [
    [1280, 720, "en"],
    [1920, 1080, "ko"],
  ] as const) {
    test(`AlexNet at ${width}×${height} (${lang}): network, player and arithmetic inside the screen`, async () => {
      const { page, errors } = await open("test/e2e/pages/presenter-alexnet.html", width, height);
      await page.evaluate((lang) => {
        document.querySelector("cs-alexnet-explorer")!.setAttribute("lang", lang);
      }, lang);
      await settle(page);
      const { boxes, ...view } = await regionBoxes(page);
      for (const name of ["network", "player", "math"]) expectInside(boxes[name], view, name);
      await page.screenshot({
        path: join(shots, `alexnet-presenter-${width}x${height}-${lang}.png`),
      });
      expect(errors).toEqual([]);
      await page.close();
    });
  }

  test("the full-screen button makes the explorer full screen in the presenter layout; leaving restores both", async () => {
    const { page } = await open(LENET, 1280, 720);
    const button = page.locator("cs-lenet-explorer .toolbar .fullscreen");
    await button.click(); // a real click: the user gesture requestFullscreen needs
    await page.waitForFunction(() => document.fullscreenElement?.localName === "cs-lenet-explorer");
    await settle(page);
    expect(
      await page.evaluate(() =>
        document.querySelector("cs-lenet-explorer")!.hasAttribute("presenter"),
      ),
    ).toBe(true);
    await expect(button.getAttribute("aria-pressed")).resolves.toBe("true");
    const { boxes, ...view } = await regionBoxes(page);
    for (const name of ["network", "player", "math"]) expectInside(boxes[name], view, name);
    // Esc is the browser's; it ends in the same fullscreenchange as exitFullscreen.
    await page.evaluate(() => document.exitFullscreen());
    await page.waitForFunction(() => document.fullscreenElement === null);
    await settle(page);
    expect(
      await page.evaluate(() =>
        document.querySelector("cs-lenet-explorer")!.hasAttribute("presenter"),
      ),
    ).toBe(false);
    await expect(button.getAttribute("aria-pressed")).resolves.toBe("false");
    await page.close();
  });

  test("keys anywhere in the explorer step the cursor; on the page in presenter mode; not in the digit pad", async () => {
    const { page } = await open(LENET, 1280, 720);
    // Click the title (not focusable itself): the explorer takes the focus, not the player.
    await page.locator("cs-lenet-explorer h2").click();
    const start = await cursor(page);
    await page.keyboard.press("ArrowRight");
    expect((await cursor(page)).step).toBe(start.step + 1);
    await page.keyboard.press("ArrowLeft");
    expect((await cursor(page)).step).toBe(start.step);
    await page.keyboard.press("PageDown");
    expect((await cursor(page)).layer).toBe(start.layer + 1);
    await page.keyboard.press("Home");
    expect((await cursor(page)).step).toBe(0);
    // In the digit pad, keys stay the pad's.
    await page.locator("cs-lenet-explorer cs-digit-pad button").first().focus();
    await page.keyboard.press("End");
    expect((await cursor(page)).step).toBe(0);
    // On the page itself (nothing focused): only in presenter mode.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.evaluate(() =>
      document
        .querySelector("cs-lenet-explorer")!
        .shadowRoot!.querySelector<HTMLElement>(":focus")
        ?.blur(),
    );
    await page.keyboard.press("End");
    expect((await cursor(page)).step).toBe(0);
    await page.evaluate(
      () =>
        ((
          document.querySelector("cs-lenet-explorer") as unknown as { presenter: boolean }
        ).presenter = true),
    );
    await settle(page);
    await page.keyboard.press("PageDown");
    expect((await cursor(page)).layer).toBe(1);
    await page.close();
  });

  test("with sync-url the hash keeps the step and the presenter flag; a reload reopens both", async () => {
    const { page } = await open(LENET, 1280, 720);
    await page.evaluate(
      () =>
        ((
          document.querySelector("cs-lenet-explorer") as unknown as { presenter: boolean }
        ).presenter = true),
    );
    await settle(page);
    const hash = await page.evaluate(() => location.hash);
    expect(hash).toContain("lenet=C3:4:2,3@neuron");
    expect(hash).toContain("lenet-presenter=1");
    await page.reload({ waitUntil: "load" });
    await settle(page);
    const state = await page.evaluate(() => {
      const el = document.querySelector("cs-lenet-explorer") as unknown as HTMLElement & {
        simulator: { cursor: { neuron: unknown } };
      };
      return { presenter: el.hasAttribute("presenter"), neuron: el.simulator.cursor.neuron };
    });
    expect(state).toEqual({ presenter: true, neuron: { layer: 2, channel: 4, y: 2, x: 3 } });
    await page.close();
  });
});

/**
 * Parses an SVG with the browser's DOMParser as image/svg+xml, in a blank page: a parsed document
 * inherits its page's policy, and the strict one reports the figure's own <style> (which is
 * fine in a file of its own, never in the page).
 */
async function parseSvg(svg: string) {
  const blank = await browser.context.newPage();
  try {
    return await blank.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, "image/svg+xml");
      return {
        error: doc.querySelector("parsererror")?.textContent ?? null,
        root: doc.documentElement.localName,
        texts: [...doc.querySelectorAll("text")].map((t) => t.textContent ?? ""),
      };
    }, svg);
  } finally {
    await blank.close();
  }
}

describe("export", () => {
  for (const lang of ["en", "ko"]) {
    test(`(${lang}) the SVGs parse, hold the labels on screen and the caption; the maps PNG is 2× (or the width asked)`, async () => {
      const { page, errors } = await open(LENET, 1280, 900);
      const result = await page.evaluate(async (lang) => {
        const el = document.querySelector("cs-lenet-explorer") as HTMLElement & {
          toSVG(what?: string): Promise<string>;
          toPNG(o?: object): Promise<Blob>;
          ready: Promise<void>;
          updateComplete: Promise<unknown>;
        };
        el.setAttribute("lang", lang);
        await el.updateComplete; // the language load starts with the update
        await el.ready;
        const root = el.shadowRoot!;
        const net = root.querySelector("cs-network")!;
        await (net as unknown as { updateComplete: Promise<unknown> }).updateComplete;
        const network = await el.toSVG("network");
        const arithmetic = await el.toSVG("arithmetic");
        const onScreen = [...net.shadowRoot!.querySelectorAll(".label .name, .label .shape")].map(
          (n) => n.textContent!.trim(),
        );
        const mathSummary = root.querySelector("cs-neuron-math")!.shadowRoot!.textContent!;
        const maps = root.querySelector("cs-feature-maps")!;
        const canvases = [...maps.shadowRoot!.querySelectorAll("canvas")].filter(
          (c) => c.getClientRects().length > 0,
        );
        const boxes = canvases.map((c) => c.getBoundingClientRect());
        const cssWidth =
          Math.max(...boxes.map((b) => b.right)) - Math.min(...boxes.map((b) => b.left));
        const cssHeight =
          Math.max(...boxes.map((b) => b.bottom)) - Math.min(...boxes.map((b) => b.top));
        const png2 = await createImageBitmap(await el.toPNG());
        const png800 = await createImageBitmap(await el.toPNG({ width: 800 }));
        const netPng = await createImageBitmap(await el.toPNG({ what: "network", scale: 1 }));
        const netSize = /width="(\d+)" height="(\d+)"/.exec(network)!;
        return {
          networkText: network,
          arithmeticText: arithmetic,
          onScreen,
          mathSummary,
          css: { width: cssWidth, height: cssHeight },
          png2: { width: png2.width, height: png2.height },
          png800: { width: png800.width, height: png800.height },
          netPng: { width: netPng.width, height: netPng.height },
          netSize: { width: Number(netSize[1]), height: Number(netSize[2]) },
        };
      }, lang);
      const parsed = {
        network: await parseSvg(result.networkText),
        arithmetic: await parseSvg(result.arithmeticText),
      };
      // The exported figures, rendered by Chromium, for a look (before the checks: a failure is easier to read).
      for (const [name, svg] of [
        ["network", result.networkText],
        ["arithmetic", result.arithmeticText],
      ] as const) {
        const view = await browser.context.newPage();
        await view.setContent(svg.replace(/^<\?xml[^>]*>\s*/, ""));
        await view.locator("svg").screenshot({ path: join(shots, `figure-${name}-${lang}.png`) });
        await view.close();
      }
      writeFileSync(join(shots, `figure-network-${lang}.svg`), result.networkText);
      writeFileSync(join(shots, `figure-arithmetic-${lang}.svg`), result.arithmeticText);
      expect(parsed.network.error).toBeNull();
      expect(parsed.network.root).toBe("svg");
      expect(parsed.arithmetic.error).toBeNull();
      // Every column label on screen is in the figure.
      expect(result.onScreen.length).toBeGreaterThan(7);
      for (const label of result.onScreen) expect(parsed.network.texts).toContain(label);
      const caption = lang === "ko" ? "층 C3 · 맵 4" : "layer C3 · map 4";
      expect(parsed.network.texts.some((t) => t.includes(caption))).toBe(true);
      const where = lang === "ko" ? "C3 맵 4, 위치 (2, 3)" : "C3 map 4 at (2, 3)";
      expect(parsed.arithmetic.texts).toContain(where);
      expect(result.mathSummary).toContain(where);
      // Standalone: styles embedded, generic font families only.
      for (const svg of [result.networkText, result.arithmeticText]) {
        expect(svg).toContain("<style>");
        expect(svg).not.toMatch(/<link|@import|url\(/);
      }
      // PNG: 2× the maps as shown, plus the caption strip (28 CSS px); or 800 wide as asked.
      expect(result.png2.width).toBe(Math.round(result.css.width * 2));
      expect(result.png2.height).toBe(Math.round((result.css.height + 28) * 2));
      expect(result.png800.width).toBe(800);
      expect(result.netPng).toEqual(result.netSize);
      const png = await page.evaluate(async () => {
        const el = document.querySelector("cs-lenet-explorer") as unknown as {
          toPNG(): Promise<Blob>;
        };
        const bytes = new Uint8Array(await (await el.toPNG()).arrayBuffer());
        return Array.from(bytes);
      });
      writeFileSync(join(shots, `figure-maps-${lang}.png`), Uint8Array.from(png));
      // Rasterising the SVGs (an <img> of a blob URL) and the maps raised no CSP report.
      expect(errors).toEqual([]);
      await page.close();
    });
  }
});
