/**
 * Every element, as built (`packages/embed/dist`, written by `npm run build`), in headless
 * Chromium under the strict policy of docs/embedding.md (test/e2e/csp.ts: nothing inline, no
 * `style="…"` attribute, no `eval`), sent as a header by the static server:
 *
 *   - test/e2e/pages/every-widget.html (the four explorers, both conv-window presets and each
 *     other tag) raises no `securitypolicyviolation` event and logs no CSP message or error;
 *   - each widget looks the same as on the same page served with no policy (a style the policy
 *     refused would move, resize or uncolour something), to within what two loads of one page
 *     differ by anyway (see `NOISE`);
 *   - the layouts a refused style breaks are sane: the conv-window fits its container, the
 *     network has painted its maps and drawn its links;
 *   - a control: a `style` attribute set from script is reported, so the listener would catch
 *     what the elements did before they set styles through CSSOM;
 *   - no element's source writes a style attribute or a `<style>` element;
 *   - docs/embedding.md states this very policy.
 *
 * `CSP_SHOTS=<folder>` writes each pair of screenshots there (`<id>-strict.png`, `<id>-open.png`).
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Locator, Page } from "playwright-core";
import { PNG } from "pngjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "./browser.js";
import { STRICT_CSP } from "./csp.js";
import { serveStatic, type StaticServer } from "./static-server.js";

const root = fileURLToPath(new URL("../..", import.meta.url));
const dist = join(root, "packages/embed/dist");
const PAGE = "test/e2e/pages/every-widget.html";

/** The top-level widgets of the page, by id. */
const WIDGETS = [
  "lenet-1998",
  "lenet-keras",
  "alexnet-2012",
  "alexnet-keras",
  "conv-lenet",
  "conv-alexnet",
  "pad",
  "photo",
  "network",
  "maps",
  "math",
  "player",
  "prediction",
  "summary",
  "table",
  "sweep",
];

let strict: StaticServer;
let open: StaticServer;
let browser: Awaited<ReturnType<typeof launchChromium>>;

beforeAll(async () => {
  if (!existsSync(join(dist, "convstep.js"))) {
    throw new Error("packages/embed/dist/convstep.js is missing: run `npm run build` first.");
  }
  strict = await serveStatic(root, { "Content-Security-Policy": STRICT_CSP });
  open = await serveStatic(root);
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await strict?.close();
  await open?.close();
});

interface Loaded {
  page: Page;
  /** `securitypolicyviolation` events (they are composed: shadow roots' reach the document). */
  violations(): Promise<string[]>;
  /** Console messages about the policy, console errors and page errors. */
  messages: string[];
}

/** Opens the page from `server`, with reduced motion (no pulse or sweep running), and settles it. */
async function load(server: StaticServer): Promise<Loaded> {
  const page = await browser.context.newPage();
  await page.emulateMedia({ reducedMotion: "reduce" });
  const messages: string[] = [];
  page.on("console", (msg) => {
    const text = msg.text();
    const favicon =
      /status of 404/.test(text) && (msg.location().url ?? "").endsWith("/favicon.ico");
    if ((msg.type() === "error" && !favicon) || /Content Security Policy/i.test(text)) {
      messages.push(`${msg.type()}: ${text}`);
    }
  });
  page.on("pageerror", (err) => messages.push(`page error: ${String(err)}`));
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener("securitypolicyviolation", (e) =>
      w.__csp.push(`${e.effectiveDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`),
    );
  });
  await page.goto(`${server.url}${PAGE}`, { waitUntil: "load" });
  await page.waitForFunction(() => document.querySelectorAll(":not(:defined)").length === 0);
  await page.evaluate(() =>
    Promise.all(
      [...document.querySelectorAll("cs-lenet-explorer, cs-alexnet-explorer")].map(
        (e) => (e as HTMLElement & { ready: Promise<void> }).ready,
      ),
    ),
  );
  await page.waitForLoadState("networkidle");
  return {
    page,
    messages,
    violations: () => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp),
  };
}

/**
 * A screenshot of `widget` once it has stopped changing: two consecutive shots alike (a photo
 * decoded or a canvas painted after the load settles shows up in the next shot).
 */
async function steadyShot(widget: Locator): Promise<PNG> {
  // Three identical shots in a row: on a loaded machine two can match while a block is still
  // between two of its updates.
  let previous: Buffer | undefined;
  let same = 0;
  for (let i = 0; i < 30; i++) {
    const shot = await widget.screenshot({ animations: "disabled", caret: "hide" });
    same = previous?.equals(shot) ? same + 1 : 0;
    if (same === 2) return PNG.sync.read(shot);
    previous = shot;
  }
  throw new Error("the widget kept changing over 30 screenshots");
}

/**
 * How two screenshots of the same size differ: the pixels that differ at all, and those off by
 * more than `NOISE` in a channel.
 */
function compare(a: PNG, b: PNG): { any: number; more: number } {
  let any = 0;
  let more = 0;
  for (let i = 0; i < a.data.length; i += 4) {
    let d = 0;
    for (let c = 0; c < 4; c++) d = Math.max(d, Math.abs(a.data[i + c] - b.data[i + c]));
    if (d > 0) any++;
    if (d > NOISE) more++;
  }
  return { any, more };
}

/**
 * What two loads of the same page may differ by, policy or not: Chromium's software compositor
 * rounds the edge rows and columns of a scaled canvas (AlexNet's photo and sweep) differently
 * from one load to the next. Served twice with no policy, the explorers differed so in up to
 * ~600 pixels of ~5 million, by at most 5 levels of 255; every other widget was identical. A
 * refused style is far from that: a bar without its width, a map without its position or a cell
 * without its colour changes thousands of pixels by tens of levels (a tower's faint band, the
 * faintest fill here, by ~8 over its whole area, which the share catches).
 */
const NOISE = 16;
const NOISE_SHARE = 5e-4;

describe(`every element under "${STRICT_CSP}"`, () => {
  let underPolicy: Loaded;
  let withoutPolicy: Loaded;

  beforeAll(async () => {
    underPolicy = await load(strict);
    withoutPolicy = await load(open);
  }, 180_000);

  afterAll(async () => {
    await underPolicy?.page.close();
    await withoutPolicy?.page.close();
  });

  it("raises no violation and logs no CSP message or error; the explorers run on wasm", async () => {
    const { page } = underPolicy;
    const tags = await page.evaluate(() =>
      [...document.body.children].filter((e) => e.localName.startsWith("cs-")).map((e) => e.id),
    );
    expect(tags).toEqual(WIDGETS);
    expect(await underPolicy.violations()).toEqual([]);
    expect(underPolicy.messages).toEqual([]);
    // The first explorer asks for wasm, which needs 'wasm-unsafe-eval'; cpu would mean it failed.
    const backends = await page.evaluate(() =>
      [...document.querySelectorAll("cs-lenet-explorer, cs-alexnet-explorer")].map(
        (e) =>
          (e as HTMLElement & { backendSelection?: { backend: string } }).backendSelection?.backend,
      ),
    );
    expect(backends).toEqual(["wasm", "wasm", "wasm", "wasm"]);
  });

  it("looks the same as without a policy, to within the noise of two loads", async () => {
    expect(withoutPolicy.messages).toEqual([]);
    for (const id of WIDGETS) {
      const a = await steadyShot(underPolicy.page.locator(`#${id}`));
      const b = await steadyShot(withoutPolicy.page.locator(`#${id}`));
      if (process.env.CSP_SHOTS) {
        writeFileSync(join(process.env.CSP_SHOTS, `${id}-strict.png`), PNG.sync.write(a));
        writeFileSync(join(process.env.CSP_SHOTS, `${id}-open.png`), PNG.sync.write(b));
      }
      expect([a.width, a.height], `#${id}: size under the policy and without`).toEqual([
        b.width,
        b.height,
      ]);
      const diff = compare(a, b);
      expect(diff.more, `#${id}: pixels off by more than ${NOISE} levels`).toBe(0);
      expect(diff.any / (a.width * a.height), `#${id}: share of pixels that differ`).toBeLessThan(
        NOISE_SHARE,
      );
    }
  }, 240_000);

  it("keeps the conv-window inside its container and draws the network's maps and links", async () => {
    const layout = await underPolicy.page.evaluate(() => {
      const windows = [...document.querySelectorAll("body > cs-conv-window")].map((el) => {
        const stage = el.shadowRoot!.querySelector<HTMLElement>(".stage")!;
        const input = el.shadowRoot!.querySelector<HTMLCanvasElement>('canvas[part="input"]')!;
        return {
          host: el.getBoundingClientRect().width,
          container: el.parentElement!.clientWidth,
          overflow: stage.scrollWidth - stage.clientWidth,
          inputMax: parseFloat(getComputedStyle(stage).getPropertyValue("--_input")),
          input: input.getBoundingClientRect().width,
        };
      });
      const networks = [...document.querySelectorAll("cs-lenet-explorer, cs-alexnet-explorer")].map(
        (explorer) => {
          const net = explorer.shadowRoot!.querySelector("cs-network")!.shadowRoot!;
          const canvas = net.querySelector<HTMLCanvasElement>('canvas[part="canvas"]')!;
          const { data } = canvas.getContext("2d")!.getImageData(0, 0, canvas.width, canvas.height);
          let painted = 0;
          for (let i = 3; i < data.length; i += 4) if (data[i] > 0) painted++;
          return {
            id: explorer.id,
            stage: net.querySelector(".stage")!.getBoundingClientRect().width,
            canvas: canvas.getBoundingClientRect().width,
            painted: painted / (canvas.width * canvas.height),
            links: net.querySelectorAll('svg[part="links"] path').length,
          };
        },
      );
      return { windows, networks };
    });
    expect(layout.windows).toHaveLength(2);
    for (const w of layout.windows) {
      expect(w.host).toBeLessThanOrEqual(w.container);
      expect(w.overflow).toBe(0);
      // The input canvas is sized by --_input (set through CSSOM): a refused style leaves it unset.
      expect(w.inputMax).toBeGreaterThan(0);
      expect(w.input).toBeGreaterThan(0);
      expect(w.input).toBeLessThanOrEqual(w.inputMax);
    }
    expect(layout.networks).toHaveLength(4);
    for (const n of layout.networks) {
      expect(n.stage, `#${n.id}: the network's stage has its width`).toBeGreaterThan(300);
      expect(n.canvas, `#${n.id}: the canvas is as wide as the stage`).toBe(n.stage);
      expect(n.painted, `#${n.id}: share of the canvas painted`).toBeGreaterThan(0.05);
      expect(n.links, `#${n.id}: links into the focused map`).toBeGreaterThan(0);
    }
  });

  it("reports a style attribute set from script (a control for the tests above)", async () => {
    const { page } = underPolicy;
    const applied = await page.evaluate(() => {
      const probe = document.createElement("div");
      document.body.append(probe);
      probe.setAttribute("style", "width: 123px");
      const width = probe.getBoundingClientRect().width;
      probe.remove();
      return width;
    });
    expect(applied).not.toBe(123);
    await expect
      .poll(() => underPolicy.violations())
      .toEqual([expect.stringMatching(/^style-src-attr inline /)]);
  });
});

describe("the elements' sources", () => {
  it("write no style attribute and no <style> element (what the policy refuses)", () => {
    const src = join(root, "packages/elements/src");
    // draw/svg/ writes standalone SVG files (toSVG(), `convstep figure`) as strings, each with
    // its own <style>: they are downloaded or drawn through an <img>, never put into the page.
    const files = readdirSync(src, { recursive: true, encoding: "utf8" }).filter(
      (f) =>
        f.endsWith(".ts") &&
        !f.endsWith(".test.ts") &&
        !f.startsWith("test-utils") &&
        !f.startsWith("draw/svg/"),
    );
    expect(files.length).toBeGreaterThan(50);
    const refused = [
      /\sstyle=/, // a `style="…"` or `style=${…}` attribute in a template
      /\bstyleMap\b/, // Lit's styleMap writes the attribute on its first render
      /setAttribute\(\s*["'`]style["'`]/,
      /\.attr\(\s*["'`]style["'`]/, // d3
      /\.cssText\s*=/,
      /<style[\s>]/,
      /createElement\(\s*["'`]style["'`]/,
    ];
    const found = files.flatMap((f) => {
      // Comments may name what is refused (style-props.ts explains it).
      const code = readFileSync(join(src, f), "utf8").replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, "");
      return refused.filter((r) => r.test(code)).map((r) => `${f}: ${r.source}`);
    });
    expect(found).toEqual([]);
  });
});

describe("docs/embedding.md", () => {
  it("states the policy these tests enforce", () => {
    const doc = readFileSync(join(root, "docs/embedding.md"), "utf8");
    expect(doc).toContain(`Content-Security-Policy: ${STRICT_CSP}`);
  });
});
