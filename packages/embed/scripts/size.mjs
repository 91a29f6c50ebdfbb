#!/usr/bin/env node
/* eslint-disable no-console -- a command-line report */
/**
 * The embed's size, gzipped (zlib level 9, as size-limit measures), against its budget; exits 1
 * when over. Prints:
 *
 *   - the entry, `dist/convstep.js`, alone;
 *   - each widget as a page pays for it: the entry, the widget's chunk and every chunk those import
 *     statically (TensorFlow.js's backends come later, by dynamic import, and are listed apart);
 *   - each backend chunk, with what it imports beyond the explorer's page (the shared cpu kernels);
 *   - every chunk together;
 *   - the floor: TensorFlow.js alone (tfjs-core with the cpu, webgl and wasm backends), bundled and
 *     minified by the same Vite from nothing but `import "@tensorflow/tfjs-…"` of each package,
 *     so only what the backends themselves need of tfjs-core stays; and, for comparison, the
 *     packages' own prebuilt `.min.js` bundles.
 *
 * `--json FILE` also writes the numbers as JSON.
 */
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const here = dirname(fileURLToPath(import.meta.url));
const pkgDir = join(here, "..");
const dist = join(pkgDir, "dist");
const root = join(pkgDir, "../..");

/** Budgets in bytes, gzipped. Raise one only with a reason in README.md's size section. */
export const BUDGET = {
  entry: 2_000,
  widget: 200_000,
  total: 420_000,
  /** cs-trainer's Web Worker: its own TensorFlow.js (cpu, webgl), engine and digit decoder. */
  worker: 320_000,
};

const gz = (buf) => gzipSync(buf, { level: 9 }).length;
const kB = (n) => `${(n / 1000).toFixed(1)} kB`;

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

const files = walk(dist).filter((f) => f.endsWith(".js"));
const code = new Map(files.map((f) => [f, readFileSync(f)]));
const size = new Map(files.map((f) => [f, gz(code.get(f))]));

/** The chunks a chunk imports statically (`import … from "./x.js"`, `import "./x.js"`). */
function staticImports(file) {
  const text = code.get(file).toString("utf8");
  const out = [];
  for (const m of text.matchAll(/(?:\bfrom|\bimport)\s*["'](\.{1,2}\/[^"']+\.js)["']/g)) {
    out.push(join(dirname(file), m[1]));
  }
  return out;
}

function closure(start) {
  const seen = new Set();
  const stack = [...start];
  while (stack.length) {
    const f = stack.pop();
    if (seen.has(f) || !code.has(f)) continue;
    seen.add(f);
    stack.push(...staticImports(f));
  }
  return seen;
}

const sum = (set) => [...set].reduce((n, f) => n + size.get(f), 0);
const entry = join(dist, "convstep.js");
const entryText = code.get(entry).toString("utf8");
const entrySet = closure([entry]);

// Each widget's chunk, read from the entry's tag → import() map.
const widgets = [];
for (const m of entryText.matchAll(
  /"(cs-[a-z-]+)":\s*\(\)\s*=>[^`"']*?import\(\s*[`"'](\.\/[^`"']+\.js)[`"']\s*\)/g,
)) {
  const set = closure([entry, join(dist, m[2])]);
  widgets.push({ tag: m[1], bytes: sum(set), chunks: set.size, set });
}

// Backend chunks (vite.config.ts names them after their package), beyond an explorer's page.
const explorer = widgets.find((w) => w.tag === "cs-lenet-explorer");
const backends = [];
for (const f of files) {
  const name = /tfjs-backend-(webgl|wasm|cpu)/.exec(relative(dist, f))?.[1];
  if (!name) continue;
  const extra = [...closure([f])].filter((c) => !explorer?.set.has(c));
  backends.push({
    backend: name,
    file: relative(dist, f),
    bytes: sum(new Set(extra)),
    files: extra.length,
  });
}

// What an explorer page really loads: `backend="auto"` starts webgl to read the renderer, then
// runs on wasm where WebGL is software; `backend="wasm"` skips the webgl chunk.
const backendFile = (name) => backends.find((b) => b.backend === name)?.file;
const pageWith = (...backendNames) =>
  explorer
    ? sum(
        new Set([
          ...explorer.set,
          ...closure(backendNames.map((n) => join(dist, backendFile(n) ?? ""))),
        ]),
      )
    : 0;
const explorerPages = [
  ['<cs-lenet-explorer backend="wasm">', pageWith("wasm")],
  ["<cs-lenet-explorer> (auto: webgl probe, then wasm)", pageWith("webgl", "wasm")],
];

/** Web Worker bundles (Vite writes them to assets/): loaded only when training starts. */
const isWorker = (f) => /\.worker-[\w-]+\.js$/.test(f);
const workers = files
  .filter(isWorker)
  .map((f) => ({ file: relative(dist, f), bytes: size.get(f) }));
const total = files.filter((f) => !isWorker(f)).reduce((a, f) => a + size.get(f), 0);

/** tfjs-core and its backends alone, bundled by the same Vite. */
async function floor() {
  const { build } = await import("vite");
  const dir = join(root, "node_modules/.cache/convstep-embed-floor");
  mkdirSync(dir, { recursive: true });
  const input = join(dir, "floor.js");
  writeFileSync(
    input,
    [
      'import "@tensorflow/tfjs-core";',
      'import "@tensorflow/tfjs-backend-cpu";',
      'import "@tensorflow/tfjs-backend-webgl";',
      'import "@tensorflow/tfjs-backend-wasm";',
      "",
    ].join("\n"),
  );
  const out = await build({
    configFile: false,
    root: join(root, "packages/engine"),
    logLevel: "silent",
    define: { "process.env.NODE_ENV": JSON.stringify("production") },
    build: {
      write: false,
      target: "es2022",
      minify: true,
      reportCompressedSize: false,
      rolldownOptions: { input, output: { format: "es", codeSplitting: false } },
    },
  });
  const outputs = (Array.isArray(out) ? out : [out]).flatMap((o) => o.output);
  return outputs.filter((o) => o.type === "chunk").reduce((n, c) => n + gz(Buffer.from(c.code)), 0);
}

function published() {
  const require = createRequire(join(root, "packages/engine/package.json"));
  let n = 0;
  for (const [pkg, file] of [
    ["@tensorflow/tfjs-core", "tf-core.min.js"],
    ["@tensorflow/tfjs-backend-cpu", "tf-backend-cpu.min.js"],
    ["@tensorflow/tfjs-backend-webgl", "tf-backend-webgl.min.js"],
    ["@tensorflow/tfjs-backend-wasm", "tf-backend-wasm.min.js"],
  ]) {
    n += gz(readFileSync(join(dirname(require.resolve(pkg)), file)));
  }
  return n;
}

const floorBytes = await floor();
const publishedBytes = published();
const wasmFiles = walk(join(dist, "wasm"));
const wasm = wasmFiles.map((f) => ({
  file: relative(dist, f),
  raw: statSync(f).size,
  gzip: gz(readFileSync(f)),
}));

const rows = [
  ["entry: convstep.js", size.get(entry), `budget ${kB(BUDGET.entry)}`],
  ...widgets.map((w) => [
    `page with <${w.tag}> (${w.chunks} files)`,
    w.bytes,
    `budget ${kB(BUDGET.widget)}`,
  ]),
  ...backends.map((b) => [
    `  + backend ${b.backend} (${b.files} files)`,
    b.bytes,
    "loaded when chosen",
  ]),
  ...explorerPages.map(([label, bytes]) => [label, bytes, "the JavaScript of a page"]),
  [`all ${files.length - workers.length} JavaScript files`, total, `budget ${kB(BUDGET.total)}`],
  ...workers.map((w) => [
    `training worker ${w.file} (when training starts)`,
    w.bytes,
    `budget ${kB(BUDGET.worker)}`,
  ]),
  ["floor: tfjs-core + cpu/webgl/wasm backends, same bundler", floorBytes, ""],
  ["tfjs's own .min.js bundles (core + 3 backends)", publishedBytes, ""],
  ...wasm.map((w) => [`${w.file} (raw ${kB(w.raw)})`, w.gzip, "binary, not counted"]),
];
const width = Math.max(...rows.map((r) => r[0].length));
console.log("convstep embed, gzipped (level 9):");
for (const [label, bytes, note] of rows) {
  console.log(`  ${label.padEnd(width)}  ${kB(bytes).padStart(9)}  ${note}`);
}

const failures = [];
if (size.get(entry) > BUDGET.entry)
  failures.push(`entry ${kB(size.get(entry))} > ${kB(BUDGET.entry)}`);
for (const w of widgets) {
  if (w.bytes > BUDGET.widget) failures.push(`<${w.tag}> ${kB(w.bytes)} > ${kB(BUDGET.widget)}`);
}
if (total > BUDGET.total) failures.push(`total ${kB(total)} > ${kB(BUDGET.total)}`);
for (const w of workers) {
  if (w.bytes > BUDGET.worker) failures.push(`${w.file} ${kB(w.bytes)} > ${kB(BUDGET.worker)}`);
}
if (widgets.length === 0) failures.push("no widget found in the entry's loader map");

const jsonAt = process.argv.indexOf("--json");
if (jsonAt > 0) {
  writeFileSync(
    process.argv[jsonAt + 1],
    JSON.stringify(
      {
        budget: BUDGET,
        entry: size.get(entry),
        widgets: widgets.map(({ set: _set, ...w }) => w),
        backends,
        total,
        workers,
        floor: floorBytes,
        published: publishedBytes,
        wasm,
        entryChunks: entrySet.size,
      },
      null,
      2,
    ),
  );
}
if (failures.length > 0) {
  console.error(`convstep embed over budget: ${failures.join("; ")}`);
  process.exit(1);
}
