/**
 * The one-script embed, as built (`packages/embed/dist`, written by `npm run build`; built here
 * when missing), in headless Chromium, served by a plain static server from the repository's root
 * with a strict Content-Security-Policy:
 *
 *   - the build: one entry, one chunk per element, the assets beside it, no decorator left
 *     untranspiled, d3-transition kept, no run-time code generation;
 *   - docs/examples/blog-post.html renders every widget with no console error, no CSP violation
 *     and no request to another origin;
 *   - ten explorers on one page share one engine and at most one WebGL context, and one whose
 *     weights URL is wrong shows its error while the others work;
 *   - tags load lazily: a page with one widget loads only its chunks (no TensorFlow.js), and tags
 *     added later, or in a shadow root handed to `observe`, are defined when they appear;
 *   - a control: the CSP listener does catch `new Function`, as it would if tfjs used it.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { ConsoleMessage, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "./browser.js";
import { STRICT_CSP } from "./csp.js";
import { serveStatic, type StaticServer } from "./static-server.js";

const root = fileURLToPath(new URL("../..", import.meta.url));
const embed = join(root, "packages/embed");
const dist = join(embed, "dist");

let server: StaticServer;
let browser: Awaited<ReturnType<typeof launchChromium>>;

beforeAll(async () => {
  if (!existsSync(join(dist, "convstep.js"))) {
    execFileSync(join(root, "node_modules/.bin/vite"), ["build"], { cwd: embed, stdio: "pipe" });
  }
  // The policy docs/embedding.md gives (test/e2e/csp.ts): nothing inline, no eval; wasm may compile.
  server = await serveStatic(root, { "Content-Security-Policy": STRICT_CSP });
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

// ------------------------------------------------------------------------------------------
// What a page saw

interface Violation {
  directive: string;
  blocked: string;
  source: string;
  disposition: string;
}

interface Watched {
  page: Page;
  errors: string[];
  requests: string[];
  violations(): Promise<Violation[]>;
}

/** Weights the build has no file for: their 404 is expected (the explorer falls back to seeded ones). */
function missingWeights(): string[] {
  return ["lenet5-1998", "lenet5-keras"]
    .filter((m) => !existsSync(join(dist, "weights", m, "model.json")))
    .map((m) => `weights/${m}/model.json`);
}

/**
 * Opens `path` with listeners for console errors, page errors, requests and CSP violations (an
 * init script collects `securitypolicyviolation` events, which are composed, from every shadow
 * root) and WebGL contexts (counted by wrapping `getContext`). `expected404` are URL endings whose
 * failed loads are not errors.
 */
async function open(path: string, expected404: string[] = []): Promise<Watched> {
  const page = await browser.context.newPage();
  await page.emulateMedia({ reducedMotion: "no-preference" });
  const errors: string[] = [];
  const requests: string[] = [];
  const allowed = (msg: ConsoleMessage) => {
    const where = msg.location().url ?? "";
    return (
      /status of 404/.test(msg.text()) &&
      [...expected404, "/favicon.ico"].some((end) => where.endsWith(end))
    );
  };
  page.on("console", (msg) => {
    if (msg.type() === "error" && !allowed(msg))
      errors.push(`${msg.text()} (${msg.location().url})`);
  });
  page.on("pageerror", (err) => errors.push(`page error: ${String(err)}`));
  page.on("request", (req) => requests.push(req.url()));
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: unknown[]; __webgl: number; __csErrors: string[] };
    w.__csp = [];
    w.__webgl = 0;
    w.__csErrors = [];
    document.addEventListener("securitypolicyviolation", (e) => {
      w.__csp.push({
        directive: e.effectiveDirective,
        blocked: e.blockedURI,
        source: `${e.sourceFile}:${e.lineNumber}`,
        disposition: e.disposition,
      });
    });
    document.addEventListener("cs-error", (e) => w.__csErrors.push((e.target as Element).id));
    const contexts = new WeakSet<object>();
    for (const proto of [HTMLCanvasElement.prototype, globalThis.OffscreenCanvas?.prototype]) {
      if (!proto) continue;
      const original = proto.getContext as (
        this: object,
        type: string,
        ...rest: unknown[]
      ) => unknown;
      (proto as unknown as { getContext: typeof original }).getContext = function (type, ...rest) {
        const ctx = original.call(this, type, ...rest);
        if (ctx && /webgl/i.test(type) && !contexts.has(ctx as object)) {
          contexts.add(ctx as object);
          w.__webgl++;
        }
        return ctx;
      };
    }
  });
  await page.goto(`${server.url}${path}`, { waitUntil: "load" });
  return {
    page,
    errors,
    requests,
    violations: () => page.evaluate(() => (window as unknown as { __csp: Violation[] }).__csp),
  };
}

/** Waits until every `cs-*` in the document is defined and every explorer has settled. */
async function settle(page: Page): Promise<void> {
  await page.waitForFunction(
    () => document.querySelectorAll(":not(:defined)").length === 0,
    undefined,
    {
      timeout: 30_000,
    },
  );
  await page.evaluate(async () => {
    const explorers = [...document.querySelectorAll("cs-lenet-explorer")];
    await Promise.all(explorers.map((e) => e.ready));
  });
  // Let late fetches (a sample photo, a weights fallback) finish; a page that never goes quiet
  // fails on what the assertions find, not here.
  await page.waitForLoadState("networkidle", { timeout: 10_000 }).catch(() => {});
}

/** For each top-level widget: its tag, id, shown error texts (deep), and rendered height. */
function widgetReport(page: Page) {
  return page.evaluate(() => {
    const errorsIn = (root: ShadowRoot | null | undefined, out: string[]) => {
      if (!root) return out;
      for (const el of root.querySelectorAll('[part~="error"], .error')) {
        const text = el.textContent?.trim();
        if (text && (el as HTMLElement).offsetParent !== null) out.push(text);
      }
      for (const el of root.querySelectorAll("*")) if (el.shadowRoot) errorsIn(el.shadowRoot, out);
      return out;
    };
    return [...document.querySelectorAll("body *")]
      .filter((el) => el.localName.startsWith("cs-"))
      .map((el) => ({
        tag: el.localName,
        id: el.id,
        defined: customElements.get(el.localName) !== undefined,
        height: el.getBoundingClientRect().height,
        errors: errorsIn(el.shadowRoot, []),
      }));
  });
}

function chunks(): string[] {
  return readdirSync(join(dist, "chunks")).filter((f) => f.endsWith(".js"));
}

// ------------------------------------------------------------------------------------------

describe("the embed build", () => {
  it("is one entry with a chunk per element and the assets beside it", () => {
    // Every tag a define module registers has its line in the autoloader's map, pointing there.
    const elementsSrc = join(root, "packages/elements/src");
    const registered = new Map<string, string>();
    for (const dir of readdirSync(elementsSrc)) {
      const file = join(elementsSrc, dir, "define.ts");
      if (dir === "shared" || !existsSync(file)) continue;
      for (const m of readFileSync(file, "utf8").matchAll(/defineElement\(\s*"(cs-[a-z-]+)"/g)) {
        registered.set(m[1], dir);
      }
    }
    const source = readFileSync(join(embed, "src/autoloader.ts"), "utf8");
    const mapped = new Map(
      [
        ...source.matchAll(
          /"(cs-[a-z-]+)":\s*\(\)\s*=>\s*import\("@convstep\/elements\/([a-z-]+)\/define\.js"\)/g,
        ),
      ].map((m) => [m[1], m[2]] as const),
    );
    expect(Object.fromEntries(mapped)).toEqual(Object.fromEntries(registered));

    // The built entry holds the same map, each tag with its chunk.
    const entry = readFileSync(join(dist, "convstep.js"), "utf8");
    const built = [
      ...entry.matchAll(
        /"(cs-[a-z-]+)":\s*\(\)\s*=>.*?import\(\s*[`"']\.\/chunks\/([^`"']+)[`"']/g,
      ),
    ];
    expect(new Set(built.map((m) => m[1]))).toEqual(new Set(registered.keys()));
    for (const [, tag, chunk] of built) {
      expect(chunk, `the chunk of <${tag}>`).toMatch(new RegExp(`^cs-${registered.get(tag)}-`));
      expect(existsSync(join(dist, "chunks", chunk)), chunk).toBe(true);
    }
    const wasm = readdirSync(join(dist, "wasm"));
    expect(wasm).toEqual(
      expect.arrayContaining(["tfjs-backend-wasm.wasm", "tfjs-backend-wasm-simd.wasm"]),
    );
    expect(existsSync(join(dist, "data/mnist-test-500.bin"))).toBe(true);
    for (const folder of ["weights", "samples"]) {
      const from = join(root, "packages/models", folder);
      const shipped = existsSync(from) ? readdirSync(from) : [];
      for (const name of shipped)
        expect(existsSync(join(dist, folder, name)), `${folder}/${name}`).toBe(true);
    }
  });

  it("has no decorator left untranspiled, keeps d3-transition and generates no code at run time", () => {
    const sources = [
      join(dist, "convstep.js"),
      ...chunks().map((f) => join(dist, "chunks", f)),
    ].map((f) => [f, readFileSync(f, "utf8")] as const);
    const decorator =
      /(?:^|[\s;{}(,])@(?:property|state|query|queryAll|queryAsync|customElement|eventOptions)\s*\(/m;
    for (const [file, text] of sources) {
      expect(decorator.test(text), `decorator syntax in ${file}`).toBe(false);
      expect(
        /\bnew Function\s*\(|[^.\w$]eval\s*\(/.test(text),
        `eval or new Function in ${file}`,
      ).toBe(false);
    }
    // d3 says it has no side effects; the network imports d3-transition's `interrupt` by name so
    // that its patch of `selection.prototype.transition` survives tree-shaking.
    expect(sources.some(([, text]) => /\.prototype\.transition\s*=/.test(text))).toBe(true);
  });
});

describe("in Chromium, under a strict Content-Security-Policy", () => {
  it("the CSP listener catches code generation (a control for the tests below)", async () => {
    const { page, violations } = await open("test/e2e/pages/csp-probe.html");
    await page.waitForFunction(() => document.getElementById("result")?.textContent !== "pending");
    expect(await page.textContent("#result")).toMatch(/^blocked: EvalError/);
    expect(await violations()).toEqual([
      expect.objectContaining({ directive: "script-src", blocked: "eval" }),
    ]);
    await page.close();
  });

  it("docs/examples/blog-post.html renders every widget with no console error and no violation", async () => {
    const watched = await open("docs/examples/blog-post.html", missingWeights());
    const { page } = watched;
    await settle(page);

    const widgets = await widgetReport(page);
    expect(widgets.map((w) => w.tag)).toEqual(
      expect.arrayContaining(["cs-conv-window", "cs-lenet-explorer"]),
    );
    for (const w of widgets) {
      expect(w.defined, `<${w.tag} id=${w.id}> defined`).toBe(true);
      expect(w.height, `<${w.tag} id=${w.id}> rendered`).toBeGreaterThan(150);
      expect(w.errors, `<${w.tag} id=${w.id}> shows no error`).toEqual([]);
    }
    // The explorers run on one engine, on wasm or webgl: cpu would mean wasm failed to compile.
    const engines = await page.evaluate(() => {
      const explorers = [...document.querySelectorAll("cs-lenet-explorer")];
      return {
        backends: explorers.map((e) => e.backendSelection?.backend),
        shared: explorers.every((e) => e.backendSelection === explorers[0].backendSelection),
      };
    });
    expect(engines.shared).toBe(true);
    for (const b of engines.backends) expect(["wasm", "webgl"]).toContain(b);

    // d3 transitions run in the built bundle: a step of the explorer sends a pulse along the
    // network's links, moved by `transition().attrTween("transform", …)`.
    await page.evaluate(() => document.getElementById("lenet")!.simulator!.cursor.next());
    const moved = await page.waitForFunction(
      () => {
        const explorer = document.getElementById("lenet")!;
        const network = explorer.shadowRoot!.querySelector("cs-network")!;
        const circles = [...network.shadowRoot!.querySelectorAll("circle.pulse")];
        return circles.some((c) => c.hasAttribute("transform"));
      },
      undefined,
      { timeout: 30_000 },
    );
    expect(await moved.jsonValue()).toBe(true);

    expect(await watched.violations()).toEqual([]);

    expect(watched.errors).toEqual([]);
    const origin = new URL(server.url).origin;
    expect(watched.requests.filter((u) => new URL(u).origin !== origin)).toEqual([]);
    await page.close();
  }, 120_000);

  it("ten explorers share one engine and one WebGL context; a wrong weights URL shows its error alone", async () => {
    const watched = await open("test/e2e/pages/ten-widgets.html", [
      ...missingWeights(),
      "no-such-weights/model.json",
    ]);
    const { page } = watched;
    await settle(page);

    const state = await page.evaluate(() => {
      const w = window as unknown as { __webgl: number; __csErrors: string[] };
      const explorers = [...document.querySelectorAll("cs-lenet-explorer")];
      const first = explorers[0].backendSelection;
      return {
        count: explorers.length,
        sameEngine: explorers.every(
          (e) => e.backendSelection !== undefined && e.backendSelection === first,
        ),
        backend: first?.backend,
        webglContexts: w.__webgl,
        csErrors: w.__csErrors,
        loaded: explorers.map((e) => ({
          id: e.id,
          weights: e.weightsKind,
          error: e.error ? String(e.error) : "",
        })),
      };
    });
    expect(state.count).toBe(11);
    expect(state.sameEngine).toBe(true);
    // `auto` reads the renderer from one throwaway context (lost at once), then may choose wasm;
    // on webgl the backend opens its own. Never one per widget.
    expect(state.webglContexts).toBeLessThanOrEqual(state.backend === "webgl" ? 2 : 1);
    // A page that runs on wasm never downloads tfjs's webgl backend (the probe needs none of it).
    if (state.backend !== "webgl")
      expect(watched.requests.filter((u) => /tfjs-backend-webgl-/.test(u))).toEqual([]);

    const working = state.loaded.filter((e) => e.id !== "broken");
    expect(working).toHaveLength(10);
    for (const e of working) {
      expect(e.error, `#${e.id} has no error`).toBe("");
      expect(["trained", "seeded"], `#${e.id} loaded weights`).toContain(e.weights);
    }
    const broken = state.loaded.find((e) => e.id === "broken")!;
    expect(broken.weights).toBeUndefined();
    expect(broken.error).toMatch(/no-such-weights/);
    expect(state.csErrors).toEqual(["broken"]);

    const widgets = await widgetReport(page);
    for (const w of widgets) {
      if (w.id === "broken") expect(w.errors.join(" ")).toMatch(/no-such-weights/);
      else expect(w.errors, `#${w.id} shows no error`).toEqual([]);
    }
    expect(await watched.violations()).toEqual([]);
    expect(watched.errors).toEqual([]);
    await page.close();
  }, 120_000);

  it("loads only what a page uses, and tags that appear later, in the document or a shadow root", async () => {
    const watched = await open("test/e2e/pages/one-widget.html");
    const { page, requests } = watched;
    await settle(page);
    const scripts = () => requests.filter((u) => u.endsWith(".js")).map((u) => u.split("/").pop()!);

    // One conv-window: its chunk and what it shares, nothing of TensorFlow.js or the explorer.
    expect(scripts().some((f) => f.startsWith("cs-conv-window-"))).toBe(true);
    expect(
      scripts().filter((f) => /^(tfjs-|cs-lenet-explorer-|cs-network-|cs-player-)/.test(f)),
    ).toEqual([]);
    // tfjs-core registers its flags by name wherever the bundler put it: no loaded file has it.
    const tfjsCore = scripts().filter((f) => {
      const file = f === "convstep.js" ? join(dist, f) : join(dist, "chunks", f);
      return existsSync(file) && readFileSync(file, "utf8").includes("IS_BROWSER");
    });
    expect(tfjsCore).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __webgl: number }).__webgl)).toBe(0);

    // A tag added to the document later is loaded by the observer.
    await page.evaluate(() => document.body.append(document.createElement("cs-prediction")));
    await page.waitForFunction(() => customElements.get("cs-prediction") !== undefined);
    expect(scripts().some((f) => f.startsWith("cs-prediction-"))).toBe(true);

    // In a shadow root, once handed to `observe` (imported from the same script URL).
    // (A string, so that Vitest leaves this `import()` alone: it runs in the page.)
    const inShadow = await page.evaluate(`(async () => {
      const { observe } = await import(${JSON.stringify(`${server.url}packages/embed/dist/convstep.js`)});
      const host = document.createElement("div");
      document.body.append(host);
      const shadow = host.attachShadow({ mode: "open" });
      observe(shadow);
      shadow.append(document.createElement("cs-model-summary"));
      await customElements.whenDefined("cs-model-summary");
      return shadow.querySelector("cs-model-summary").matches(":defined");
    })()`);
    expect(inShadow).toBe(true);

    expect(await watched.violations()).toEqual([]);
    expect(watched.errors).toEqual([]);
    await page.close();
  }, 60_000);
});
