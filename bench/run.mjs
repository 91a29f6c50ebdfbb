// `npm run bench`: what a reader feels, in one run. Serves the embed build (packages/embed/dist,
// run `npm run build` first) and three static posts (bench/pages: a LeNet, an AlexNet, both) on
// 127.0.0.1 with gzip as static hosts serve them, and an engine page built with Vite
// (bench/index.html); opens them in headless Chromium and prints one table of medians and ratios,
// with the peers' figures beside convstep's and which rows meet their targets. See bench/README.md.
//
// Environment: CHROMIUM_PATH (default /usr/bin/chromium), BENCH_TIMEOUT_S (default 900),
// BENCH_LOADS (fresh loads per page, default 3), BENCH_JSON (a file to write every number to),
// BENCH_BASELINE (another embed build's dist folder, e.g. of the main branch: its posts are
// measured in the same run, page by page in turn, and shown in a "before" column).
import { createReadStream, existsSync, statSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { extname, join, normalize, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { createGzip } from "node:zlib";
import { chromium } from "playwright-core";
import { build } from "vite";
import { measurePage } from "./embed-pages.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const outDir = join(root, "node_modules/.cache/convstep-bench");
const embedDir = join(root, "packages/embed/dist");
const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const timeoutMs = Number(process.env.BENCH_TIMEOUT_S ?? 900) * 1000;
const loads = Number(process.env.BENCH_LOADS ?? 3);
const baselineDir = process.env.BENCH_BASELINE ? resolve(process.env.BENCH_BASELINE) : undefined;

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".mjs": "text/javascript",
  ".css": "text/css",
  ".json": "application/json",
  ".md": "text/markdown",
  ".svg": "image/svg+xml",
  ".wasm": "application/wasm",
  ".bin": "application/octet-stream",
  ".jpg": "image/jpeg",
  ".png": "image/png",
};
/** What static hosts (GitHub Pages, Netlify, Cloudflare, nginx's common set) gzip on the fly. */
const COMPRESSED = /^(text\/|application\/(json|javascript|wasm)|image\/svg)/;

/** URL path → file: the embed build under /convstep/, the engine page under /engine/, the posts. */
function fileFor(pathname, embed) {
  const mounts = [
    ["/convstep/", embed],
    ["/engine/", outDir],
    ["/", join(root, "bench/pages")],
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

function serve(embed = embedDir) {
  const server = createServer((req, res) => {
    const file = fileFor(new URL(req.url ?? "/", "http://127.0.0.1").pathname, embed);
    if (!file) {
      res.writeHead(404).end("not found");
      return;
    }
    const type = TYPES[extname(file)] ?? "application/octet-stream";
    const gzip = COMPRESSED.test(type) && /\bgzip\b/.test(req.headers["accept-encoding"] ?? "");
    res.writeHead(200, {
      "content-type": type,
      "cache-control": "no-store",
      ...(gzip ? { "content-encoding": "gzip", vary: "accept-encoding" } : {}),
    });
    const stream = createReadStream(file);
    if (gzip) stream.pipe(createGzip({ level: 6 })).pipe(res);
    else stream.pipe(res);
  });
  return new Promise((done) => server.listen(0, "127.0.0.1", () => done(server)));
}

// ---------------------------------------------------------------------------------------------
// Numbers

function quantile(values, q) {
  const v = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (v.length === 0) return NaN;
  const at = (v.length - 1) * q;
  const lo = Math.floor(at);
  return v[lo] + (v[Math.min(lo + 1, v.length - 1)] - v[lo]) * (at - lo);
}
const median = (values) => quantile(values, 0.5);
const ms = (v) =>
  Number.isFinite(v) ? (v >= 1000 ? `${v.toFixed(0)} ms` : `${v.toFixed(1)} ms`) : "–";
const kb = (v) => (Number.isFinite(v) ? `${Math.round(v / 1024)} KB` : "–");
const mb = (v) => (Number.isFinite(v) ? `${(v / 2 ** 20).toFixed(1)} MB` : "–");
const x = (v) => (Number.isFinite(v) ? `${v.toFixed(2)}×` : "–");

/** One frame at 60 Hz; rAF timestamps jitter by a fraction of a millisecond. */
const FRAME = 1000 / 60;
const FRAME_SLACK = 0.5;

/** The peers, as issue 11 measured them on this kind of machine (headless Chromium, SwiftShader, 2 cores). */
const PEERS = {
  ready: ["5,392 ms", "2,251 ms (no activations)"],
  input: ["1,072 ms", "41.8 ms"],
  bytes: ["7.8 MB", "868 KB"],
};

/** The rows as text; `withBefore` adds the baseline's column (row[6]) before convstep's. */
export function table(rows, withBefore = false) {
  const before = withBefore ? ["before"] : [];
  const header = [
    "measure",
    "CNN Explainer*",
    "TensorSpace LeNet*",
    ...before,
    "convstep",
    "target",
    "met",
  ];
  const lines = rows.map((r) => [
    r[0],
    r[1] ?? "",
    r[2] ?? "",
    ...(withBefore ? [r[6] ?? ""] : []),
    r[3],
    r[4],
    r[5] === undefined ? "" : r[5] ? "yes" : "NO",
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const fmt = (cells) =>
    cells
      .map((c, i) => c.padEnd(widths[i]))
      .join("  ")
      .trimEnd();
  return [fmt(header), widths.map((w) => "-".repeat(w)).join("  "), ...lines.map(fmt)].join("\n");
}

/** The table rows measured on the three posts: [measure, peer, peer, value, target, met]. */
function pageRows(lenet, alexnet, mixed) {
  const rows = [];
  const lenetReady = median(lenet.ready["cs-lenet-explorer#0"]);
  const alexReady = median(alexnet.ready["cs-alexnet-explorer#0"]);
  const mixLenet = median(mixed.ready["cs-lenet-explorer#0"]);
  const mixAlex = median(mixed.ready["cs-alexnet-explorer#0"]);
  rows.push([
    "ready, activations on screen: LeNet post",
    PEERS.ready[0],
    PEERS.ready[1],
    ms(lenetReady),
    "< 400 ms",
    lenetReady < 400,
  ]);
  rows.push(["ready: AlexNet post", "", "", ms(alexReady), "< 1000 ms", alexReady < 1000]);
  rows.push(["ready: LeNet beside an AlexNet", "", "", ms(mixLenet), "< 600 ms", mixLenet < 600]);
  rows.push(["ready: AlexNet beside a LeNet", "", "", ms(mixAlex), "(< 1000 ms)", mixAlex < 1000]);
  for (const [name, times] of Object.entries(lenet.input)) {
    const m = median(times);
    rows.push([`input → frame: ${name}`, PEERS.input[0], PEERS.input[1], ms(m), "< 20 ms", m < 20]);
  }
  for (const [name, times] of Object.entries(alexnet.input)) {
    const m = median(times);
    rows.push([`input → frame: ${name}`, "", "", ms(m), "< 120 ms", m < 120]);
  }
  for (const [name, page] of [
    ["lenet", lenet],
    ["alexnet", alexnet],
  ]) {
    const s = page.steps[name];
    if (!s) continue;
    const p95 = quantile(s.frames, 0.95);
    rows.push([
      `step → frame p95: ${name} (work p95 ${ms(quantile(s.work, 0.95))})`,
      "–",
      "–",
      ms(p95),
      "≤ 16.7 ms",
      p95 <= FRAME + FRAME_SLACK,
    ]);
  }
  for (const [name, page] of [
    ["lenet", lenet],
    ["alexnet", alexnet],
  ]) {
    const p = page.playback[name];
    if (!p) continue;
    const p50 = median(p);
    const p95 = quantile(p, 0.95);
    rows.push([
      `neuron playback, frame p50 / p95: ${name}`,
      "–",
      "–",
      `${ms(p50)} / ${ms(p95)}`,
      "16.7 / 16.8 ms",
      p50 <= FRAME + FRAME_SLACK && p95 <= FRAME + FRAME_SLACK,
    ]);
  }
  for (const [name, page] of [
    ["lenet", lenet],
    ["alexnet", alexnet],
  ]) {
    const f = page.forced?.[name];
    if (!f) continue;
    if (f.forced > 0)
      process.stderr.write(`bench: forced recalcs on ${name}: ${JSON.stringify(f.where)}\n`);
    rows.push([
      `forced style recalcs + layouts, ${f.steps} neuron steps in one layer: ${name}`,
      "",
      "",
      String(f.forced),
      "0",
      f.forced === 0 && f.layers === 1,
    ]);
  }
  for (const [name, page] of [
    ["LeNet post", lenet],
    ["AlexNet post", alexnet],
    ["both", mixed],
  ]) {
    const n = median(page.longTasks);
    rows.push([
      `long tasks while loading: ${name} (longest ${ms(median(page.longestTask))})`,
      "",
      "",
      String(n),
      "0 over 50 ms",
      n === 0,
    ]);
  }
  const lenetBytes = median(lenet.bytes);
  rows.push([
    "bytes on the wire (gzip): LeNet post",
    PEERS.bytes[0],
    PEERS.bytes[1],
    kb(lenetBytes),
    "≤ 600 KB",
    lenetBytes <= 600 * 1024,
  ]);
  rows.push(["bytes on the wire: AlexNet post", "", "", kb(median(alexnet.bytes)), "", undefined]);
  rows.push(["bytes on the wire: both", "", "", kb(median(mixed.bytes)), "", undefined]);
  rows.push(["wasm memory: LeNet post", "–", "–", mb(median(lenet.wasm)), "", undefined]);
  const alexWasm = median(alexnet.wasm);
  rows.push([
    "wasm memory: AlexNet post",
    "–",
    "–",
    mb(alexWasm),
    "≤ 300 MB",
    alexWasm <= 300 * 2 ** 20,
  ]);
  return rows;
}

// ---------------------------------------------------------------------------------------------

async function engineBench(browser, base) {
  const page = await browser.newPage();
  page.on("pageerror", (e) => process.stderr.write(`page error: ${e.message}\n`));
  page.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warning")
      process.stderr.write(`engine page: ${m.text()}\n`);
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
  try {
    await page.goto(`${base}engine/index.html`);
    await page.waitForFunction(() => window.__bench || window.__benchError, undefined, {
      timeout: timeoutMs,
      polling: 500,
    });
    const error = await page.evaluate(() => window.__benchError);
    if (error) throw new Error(`the engine page failed: ${error}`);
    return await page.evaluate(() => window.__bench);
  } finally {
    clearInterval(progress);
    await page.close();
  }
}

async function main() {
  if (!existsSync(join(embedDir, "convstep.js")))
    throw new Error("no packages/embed/dist/convstep.js: run `npm run build` first");
  process.stderr.write("bench: building the engine page…\n");
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
    build: { outDir, emptyOutDir: true, target: "es2022", chunkSizeWarningLimit: 8000 },
  });
  const server = await serve();
  const base = `http://127.0.0.1:${server.address().port}/`;
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
  const t0 = Date.now();
  try {
    const opts = { loads, timeoutMs: Math.min(timeoutMs, 180000) };
    const baseServer = baselineDir ? await serve(baselineDir) : undefined;
    const baseUrl = baseServer ? `http://127.0.0.1:${baseServer.address().port}/` : undefined;
    const posts = [
      ["lenet", { "cs-lenet-explorer": ["input", "stroke", "steps", "playback", "forced"] }],
      ["alexnet", { "cs-alexnet-explorer": ["input", "steps", "playback", "forced"] }],
      ["mixed", { "cs-lenet-explorer": [], "cs-alexnet-explorer": [] }],
    ];
    const now = {};
    const before = {};
    for (const [name, explorers] of posts) {
      if (baseUrl) {
        process.stderr.write(`bench: ${name}.html on the baseline build, ${loads} fresh loads…\n`);
        before[name] = await measurePage(browser, `${baseUrl}${name}.html`, explorers, opts);
      }
      process.stderr.write(`bench: ${name}.html, ${loads} fresh loads…\n`);
      now[name] = await measurePage(browser, `${base}${name}.html`, explorers, opts);
    }
    baseServer?.close();
    process.stderr.write("bench: the engine page…\n");
    const engine = await engineBench(browser, base);
    for (const why of engine.skipped) process.stderr.write(`bench: skipped ${why}\n`);

    const rows = pageRows(now.lenet, now.alexnet, now.mixed);
    if (baseUrl) {
      const old = pageRows(before.lenet, before.alexnet, before.mixed);
      const byName = new Map(old.map((r) => [r[0].replace(/ \((work|longest)[^)]*\)$/, ""), r[3]]));
      for (const r of rows) r[6] = byName.get(r[0].replace(/ \((work|longest)[^)]*\)$/, "")) ?? "";
    }
    for (const r of engine.ratios) {
      const ratio = median(r.trace) / median(r.raw);
      rows.push([
        `trace / raw forward: ${r.model} on ${r.backend} (${ms(median(r.trace))} / ${ms(median(r.raw))})`,
        "",
        "",
        x(ratio),
        "≤ 1.10×",
        ratio <= 1.1,
      ]);
    }
    for (const m of engine.measures)
      rows.push([`${m.name} (${m.backend})`, "", "", ms(median(m.times)), "", undefined]);
    rows.push([
      "longest task of the sliced init",
      "",
      "",
      ms(engine.longestInitTask),
      "≤ 50 ms",
      engine.longestInitTask <= 50,
    ]);

    const met = rows.filter((r) => r[5] === true).length;
    const judged = rows.filter((r) => r[5] !== undefined).length;
    const text = [
      `convstep bench, ${new Date().toISOString()}, ${((Date.now() - t0) / 1000).toFixed(0)} s`,
      `${engine.userAgent}`,
      `engine page: backend auto → ${engine.backend} (${engine.reason})`,
      `medians of ${loads} fresh loads per post; interactions on the last load` +
        (baseUrl ? `; "before": the build in ${baselineDir}, measured in turn with each post` : ""),
      "",
      table(rows, baseUrl !== undefined),
      "",
      `${met} of ${judged} targets met.`,
      "* the peers as issue 11 measured them on this kind of machine (headless Chromium, SwiftShader WebGL, 2 cores).",
    ].join("\n");
    process.stdout.write(`${text}\n`);
    if (process.env.BENCH_JSON)
      writeFileSync(process.env.BENCH_JSON, JSON.stringify({ now, before, engine, rows }, null, 1));
  } finally {
    await browser.close();
    server.close();
  }
}

main().catch((error) => {
  process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
