// `node bench/convert.mjs` (also run by `npm run bench`): a full-size `convstep convert`. Writes a
// synthetic bvlc_alexnet-shaped caffemodel in Caffe's 2014 V1 form (61 M float32 values, 233 MB;
// seeded values, not trained ones) to a temporary folder, then converts it in a fresh Node process
// with the built CLI (`packages/cli/dist`, so run `npm run build` first) and reports the wall time,
// the converting process's peak resident memory (RSS) and what was written. Then loads the result
// back with the CLI's `--weights` reader and `loadWeights`, timed the same way.
//
// Environment: BENCH_KEEP=1 keeps the temporary folder.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const dist = (path) => pathToFileURL(join(root, "packages/cli/dist", path)).href;

/**
 * bvlc_alexnet's layers in V1 form: name, type (4 conv, 14 inner product, 18 ReLU, 15 LRN,
 * 17 pooling, 6 dropout, 20 softmax), blob dims of the weighted ones, their parameters.
 */
const LRN = { lrn_param: { local_size: 5, alpha: 0.0001, beta: 0.75 } };
const POOL = { pooling_param: { pool: 0, kernel_size: 3, stride: 2 } };
const LAYERS = [
  ["conv1", 4, [96, 3, 11, 11], { kernel_size: [11], stride: [4] }],
  ["relu1", 18],
  ["norm1", 15, null, LRN],
  ["pool1", 17, null, POOL],
  ["conv2", 4, [256, 48, 5, 5], { kernel_size: [5], pad: [2], group: 2 }],
  ["relu2", 18],
  ["norm2", 15, null, LRN],
  ["pool2", 17, null, POOL],
  ["conv3", 4, [384, 256, 3, 3], { kernel_size: [3], pad: [1] }],
  ["relu3", 18],
  ["conv4", 4, [384, 192, 3, 3], { kernel_size: [3], pad: [1], group: 2 }],
  ["relu4", 18],
  ["conv5", 4, [256, 192, 3, 3], { kernel_size: [3], pad: [1], group: 2 }],
  ["relu5", 18],
  ["pool5", 17, null, POOL],
  ["fc6", 14, [1, 1, 4096, 9216], {}],
  ["relu6", 18],
  ["drop6", 6],
  ["fc7", 14, [1, 1, 4096, 4096], {}],
  ["relu7", 18],
  ["drop7", 6],
  ["fc8", 14, [1, 1, 1000, 4096], {}],
  ["prob", 20],
];

/** Seeded values in [−0.01, 0.01) (an LCG: this is a size test, not a numerical one). */
function values(seed, count) {
  const out = new Float32Array(count);
  let s = seed >>> 0;
  for (let i = 0; i < count; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out[i] = (s / 2 ** 32 - 0.5) * 0.02;
  }
  return out;
}

/**
 * Encodes the caffemodel with protobufjs and Caffe's schema. A blob's packed `data` field is
 * written with protobufjs' Writer as the field's bytes (tag, length, the float32s as they lie in
 * memory), which is how protobuf lays out a packed repeated float; encoding 61 M floats one by
 * one would need gigabytes of writer operations.
 */
async function writeCaffemodel(path) {
  const { caffeRoot } = await import(dist("convert/caffe-reader.js"));
  const { default: protobuf } = await import("protobufjs");
  const rootType = caffeRoot();
  const Blob = rootType.lookupType("caffe.BlobProto");
  const Layer = rootType.lookupType("caffe.V1LayerParameter");
  const field = (number, bytes) =>
    protobuf.Writer.create()
      .uint32((number << 3) | 2)
      .bytes(bytes)
      .finish();
  const blob = (dims, data) =>
    Buffer.concat([
      Blob.encode({ num: dims[0], channels: dims[1], height: dims[2], width: dims[3] }).finish(),
      field(5, new Uint8Array(data.buffer)),
    ]);
  const parts = [];
  let total = 0;
  for (const [i, [name, type, dims, conv]] of LAYERS.entries()) {
    if (!dims) {
      parts.push(field(2, Layer.encode({ name, type, ...conv }).finish()));
      continue;
    }
    const count = dims.reduce((a, b) => a * b, 1);
    const outputs = type === 4 ? dims[0] : dims[2];
    total += count + outputs;
    const head = Layer.encode({
      name,
      type,
      ...(type === 4
        ? { convolution_param: { num_output: outputs, ...conv } }
        : { inner_product_param: { num_output: outputs } }),
    }).finish();
    const layer = Buffer.concat([
      head,
      field(6, blob(dims, values(2 * i + 1, count))),
      field(6, blob([1, 1, 1, outputs], values(2 * i + 2, outputs))),
    ]);
    parts.push(field(2, layer));
  }
  writeFileSync(path, Buffer.concat(parts));
  return total;
}

/** Runs `code` (an ES module body) in a fresh Node; returns its JSON report. */
function child(code) {
  const run = spawnSync(process.execPath, ["--input-type=module", "-e", code], {
    cwd: root,
    encoding: "utf8",
    maxBuffer: 16 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`child failed (${run.status}): ${run.stderr}`);
  return JSON.parse(run.stdout.trim().split("\n").at(-1));
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), "convstep-bench-convert-"));
  try {
    const model = join(dir, "bvlc_alexnet.caffemodel");
    const out = join(dir, "alexnet");
    process.stderr.write("bench convert: writing a synthetic 61 M-parameter caffemodel…\n");
    const params = await writeCaffemodel(model);
    const size = statSync(model).size;

    const converted = child(`
      import { main } from ${JSON.stringify(dist("main.js"))};
      const lines = [];
      const io = { out: (t) => lines.push(t), err: (t) => process.stderr.write(t) };
      const t0 = performance.now();
      const status = await main(["convert", ${JSON.stringify(model)}, "--model", "alexnet-2012", "--out", ${JSON.stringify(out)}], io);
      const ms = performance.now() - t0;
      console.log(JSON.stringify({ status, ms, maxRssKb: process.resourceUsage().maxRSS, text: lines.join("") }));
    `);
    if (converted.status !== 0) throw new Error(`convert exited ${converted.status}`);
    const files = readdirSync(out);
    const written = files.reduce((n, f) => n + statSync(join(out, f)).size, 0);

    const loaded = child(`
      import { compileModel, loadWeights } from "@convstep/engine";
      import { getModelSpec } from "@convstep/models";
      import { readWeightsFromDisk } from ${JSON.stringify(dist("weights-files.js"))};
      import { useCpuBackend } from ${JSON.stringify(dist("backend.js"))};
      await useCpuBackend();
      const t0 = performance.now();
      const model = compileModel(getModelSpec("alexnet-2012"));
      const weights = await loadWeights(model, await readWeightsFromDisk(${JSON.stringify(join(out, "model.json"))}));
      const ms = performance.now() - t0;
      console.log(JSON.stringify({ ms, tensors: weights.size, maxRssKb: process.resourceUsage().maxRSS }));
    `);

    const mb = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`;
    const rows = [
      ["caffemodel (V1 layers, synthetic)", `${params.toLocaleString("en")} params, ${mb(size)}`],
      ["convert: wall time", `${(converted.ms / 1000).toFixed(2)} s`],
      ["convert: peak RSS", mb(converted.maxRssKb * 1024)],
      ["written", `model.json + ${files.length - 1} shards, ${mb(written)}`],
      [
        "load back (--weights): wall time",
        `${(loaded.ms / 1000).toFixed(2)} s (${loaded.tensors} tensors)`,
      ],
      ["load back: peak RSS", mb(loaded.maxRssKb * 1024)],
    ];
    const width = Math.max(...rows.map(([k]) => k.length));
    process.stdout.write(
      `convstep convert, full-size AlexNet (Node ${process.version}, load average ${loadavg()[0].toFixed(1)})\n` +
        rows.map(([k, v]) => `  ${k.padEnd(width)}  ${v}`).join("\n") +
        "\n",
    );
  } finally {
    if (process.env.BENCH_KEEP !== "1") rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  process.stderr.write(
    `bench convert: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
