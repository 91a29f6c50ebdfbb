// `npm run bench:train`: builds bench/train.html with Vite (production mode), serves it with
// convstep's asset layout on 127.0.0.1, opens it in headless Chromium and prints the page's
// report: LeNet-5 training steps per second per backend, and the page's frame intervals while a
// cs-trainer trains in its Web Worker (against the idle page).
//
// Environment: CHROMIUM_PATH (default /usr/bin/chromium), BENCH_TIMEOUT_S (default 600).
import { createReadStream, existsSync, statSync } from "node:fs";
import { createServer } from "node:http";
import { extname, join, normalize, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { build } from "vite";

const root = fileURLToPath(new URL("..", import.meta.url));
const outDir = join(root, "node_modules/.cache/convstep-bench-train");
const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const timeoutMs = Number(process.env.BENCH_TIMEOUT_S ?? 600) * 1000;

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".mjs": "text/javascript",
  ".css": "text/css",
  ".json": "application/json",
  ".wasm": "application/wasm",
  ".bin": "application/octet-stream",
  ".deflate": "application/octet-stream",
  ".jpg": "image/jpeg",
  ".png": "image/png",
};

/** URL path → file: the built page, and convstep's assets under /convstep/ (see shared/assets.ts). */
function fileFor(pathname) {
  const mounts = [
    ["/convstep/wasm/", join(root, "node_modules/@tensorflow/tfjs-backend-wasm/dist")],
    ["/convstep/", join(root, "packages/models")],
    ["/", outDir],
  ];
  for (const [prefix, dir] of mounts) {
    if (!pathname.startsWith(prefix)) continue;
    const rest = decodeURIComponent(pathname.slice(prefix.length)) || "index.html";
    const file = resolve(dir, normalize(rest));
    if (!file.startsWith(dir + sep) && file !== dir) return undefined;
    return existsSync(file) && statSync(file).isFile() ? file : undefined;
  }
  return undefined;
}

function serve() {
  const server = createServer((req, res) => {
    const file = fileFor(new URL(req.url ?? "/", "http://127.0.0.1").pathname);
    if (!file) {
      res.writeHead(404).end("not found");
      return;
    }
    res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
    createReadStream(file).pipe(res);
  });
  return new Promise((done) => server.listen(0, "127.0.0.1", () => done(server)));
}

async function main() {
  process.stderr.write("bench: building the page…\n");
  await build({
    root: join(root, "bench"),
    base: "./",
    logLevel: "warn",
    resolve: {
      alias: {
        "@convstep/engine": join(root, "packages/engine/src/index.ts"),
        "@convstep/models": join(root, "packages/models/src/index.ts"),
      },
    },
    build: {
      outDir,
      emptyOutDir: true,
      target: "es2022",
      chunkSizeWarningLimit: 8000,
      rollupOptions: { input: join(root, "bench/train.html") },
    },
  });
  const server = await serve();
  const { port } = server.address();
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: [
      "--no-sandbox",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
    ],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on("pageerror", (e) => process.stderr.write(`page error: ${e.message}\n`));
    page.on("response", (r) => {
      if (r.status() >= 400) process.stderr.write(`bench: HTTP ${r.status()} ${r.url()}\n`);
    });
    page.on("console", (m) => {
      if (m.type() === "error" && !m.text().startsWith("Failed to load resource"))
        process.stderr.write(`page console: ${m.text()}\n`);
    });
    let last = "";
    const progress = setInterval(() => {
      page
        .evaluate(() => document.getElementById("status")?.textContent ?? "")
        .then((text) => {
          if (text !== last) process.stderr.write(`bench: ${(last = text)}\n`);
        })
        .catch(() => {});
    }, 1000);
    process.stderr.write("bench: measuring training in headless Chromium (a minute or two)…\n");
    await page.goto(`http://127.0.0.1:${port}/train.html`);
    await page.waitForFunction(() => window.__bench || window.__benchError, undefined, {
      timeout: timeoutMs,
      polling: 500,
    });
    const error = await page.evaluate(() => window.__benchError);
    if (error) throw new Error(`the bench page failed: ${error}`);
    const text = await page.evaluate(() => window.__bench.text);
    clearInterval(progress);
    process.stdout.write(`${text}\n`);
  } finally {
    await browser.close();
    server.close();
  }
}

main().catch((error) => {
  process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
