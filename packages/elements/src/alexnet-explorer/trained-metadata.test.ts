// Converted weights run as they were trained: the LRN constants and the preprocessing that a
// model.json records (as `convstep convert` writes them) reach the compiled model and the photo.
// A full AlexNet manifest is 244 MB, so the explorer's loading and preprocessing functions are
// tested on a small network with an LRN layer, saved by the engine's saveWeights with Caffe's
// metadata; the expected numbers come from a plain-JS LRN and plain arithmetic on the pixels.
import * as tf from "@tensorflow/tfjs-core";
import {
  compileModel,
  createSimulator,
  initWeights,
  saveWeights,
  selectBackend,
  WeightsError,
  type ImagePreprocessing,
  type ModelSpec,
} from "@convstep/engine";
import { TORCHVISION_PREPROCESSING } from "@convstep/models";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { modelInput } from "../image-input/preprocess.js";
import { setAssetBase } from "../shared/assets.js";
import { mount, settleExplorer } from "../test-utils/mount.js";
import type { CsAlexnetExplorer } from "./alexnet-explorer.component.js";
import { compiledModelOf, loadTrained } from "./load-model.js";
import { canvasInput } from "./photo.js";
import "./define.js";

const WASM = "/node_modules/@tensorflow/tfjs-backend-wasm/dist/";

/** A conv layer and an LRN with the paper's constants (k 2, α 1e-4), as alexnet-2012's spec. */
const SPEC: ModelSpec = {
  name: "tiny-lrn",
  input: { shape: [6, 6, 3] },
  layers: [
    { kind: "conv2d", name: "conv1", filters: 7, kernelSize: 3, activation: "relu" },
    { kind: "lrn", name: "norm1", k: 2, n: 5, alpha: 1e-4, beta: 0.75 },
    { kind: "flatten", name: "flatten" },
    { kind: "dense", name: "fc", units: 2 },
  ],
};

/** What `convstep convert` records for Caffe's bvlc_alexnet. */
const CAFFE = {
  release: "BVLC Caffe bvlc_alexnet (bvlc_alexnet.caffemodel)",
  lrn: { k: 1, n: 5, alpha: 2e-5, beta: 0.75, convention: "Caffe LRN: k 1, alpha/local_size" },
  preprocessing: {
    scale: 1,
    mean: [123, 117, 104],
    std: [1, 1, 1],
    description: "values in [0, 255] minus Caffe's mean pixel",
  },
};

/** LRN in plain JS, HWC: b = a / (k + α Σ a²)^β over channels c − ⌊n/2⌋ … c + ⌊n/2⌋. */
function plainLrn(
  a: Float32Array,
  channels: number,
  p: { k: number; n: number; alpha: number; beta: number },
): Float64Array {
  const out = new Float64Array(a.length);
  const half = Math.floor(p.n / 2);
  for (let i = 0; i < a.length; i += channels) {
    for (let c = 0; c < channels; c++) {
      let sum = 0;
      for (let j = Math.max(0, c - half); j <= Math.min(channels - 1, c + half); j++)
        sum += a[i + j] ** 2;
      out[i + c] = a[i + c] / (p.k + p.alpha * sum) ** p.beta;
    }
  }
  return out;
}

function maxDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let d = 0;
  for (let i = 0; i < a.length; i++) d = Math.max(d, Math.abs(a[i] - b[i]));
  return d;
}

/** A uniform photo of one colour as RGBA bytes. */
function uniformRgba(width: number, height: number, rgb: readonly number[]): Uint8ClampedArray {
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < width * height; i++) rgba.set([rgb[0], rgb[1], rgb[2], 255], i * 4);
  return rgba;
}

beforeAll(async () => {
  tf.env().set("PROD", true);
  setAssetBase("/packages/models/");
  await selectBackend("wasm", { wasmPaths: WASM });
});

afterEach(() => document.body.replaceChildren());

describe("converted weights with their metadata (loadTrained)", () => {
  it("Caffe's LRN constants (k 1, α 2e-5) reach norm1: its output is a plain-JS LRN of conv1 with them, not with the paper's", async () => {
    const base = compileModel(SPEC);
    const seeded = initWeights(base, { seed: 3 });
    const saved = await saveWeights(base, seeded, { metadata: CAFFE });
    for (const t of seeded.values()) t.dispose();
    const tensors = tf.memory().numTensors;

    const trained = await loadTrained(base, {
      modelJson: JSON.stringify(saved.modelJson),
      shards: saved.shards.map((s) => s.data),
    });
    expect(trained.metadata.release).toBe(CAFFE.release);
    expect(trained.model).not.toBe(base);
    expect(trained.model.layers[1].spec).toMatchObject({ k: 1, n: 5, alpha: 2e-5, beta: 0.75 });

    const sim = createSimulator(trained.model, trained.weights);
    // 6×6×3 values in the range of a mean-subtracted photo: −120 … +130.
    const input = Float32Array.from({ length: 108 }, (_, i) => ((i * 37) % 251) - 120);
    await sim.run(input);
    const conv = sim.trace!.step("conv1").data;
    const norm = sim.trace!.step("norm1").data;
    const caffe = plainLrn(conv, 7, CAFFE.lrn);
    const paper = plainLrn(conv, 7, { k: 2, n: 5, alpha: 1e-4, beta: 0.75 });
    expect(maxDiff(norm, caffe)).toBeLessThan(1e-4 * Math.max(1, ...Array.from(caffe, Math.abs)));
    // The two conventions differ by far more than that: the test can tell them apart.
    expect(maxDiff(caffe, paper)).toBeGreaterThan(0.1);
    sim.dispose();
    for (const t of trained.weights.values()) t.dispose();
    expect(tf.memory().numTensors).toBe(tensors);
  });

  it("the recorded preprocessing (Caffe's mean 123, 117, 104) prepares the photo: (200, 100, 50) → 77, −17, −54", async () => {
    const base = compileModel(SPEC);
    const seeded = initWeights(base, { seed: 3 });
    const saved = await saveWeights(base, seeded, { metadata: CAFFE });
    for (const t of seeded.values()) t.dispose();
    const trained = await loadTrained(base, {
      modelJson: JSON.stringify(saved.modelJson),
      shards: saved.shards.map((s) => s.data),
    });
    for (const t of trained.weights.values()) t.dispose();
    expect(trained.preprocessing).toMatchObject({ scale: 1, mean: [123, 117, 104] });

    const photo = uniformRgba(300, 240, [200, 100, 50]);
    const input = modelInput(photo, 300, 240, "alexnet-2012", trained.preprocessing);
    expect(input.shape).toEqual([227, 227, 3]);
    const want = [200 - 123, 100 - 117, 50 - 104];
    for (const i of [0, 3 * 1000, input.data.length - 3]) {
      for (let c = 0; c < 3; c++) expect(input.data[i + c]).toBeCloseTo(want[c], 4);
    }
    // Without a record: the spec's ImageNet mean (123.68, 116.779, 103.939).
    const plain = modelInput(photo, 300, 240, "alexnet-2012");
    expect(plain.data[0]).toBeCloseTo(200 - 123.68, 4);
    expect(plain.data[2]).toBeCloseTo(50 - 103.939, 4);
  });

  it("torchvision's preprocessing: a white canvas → 224×224×3 of (1 − mean) / std per channel", () => {
    const canvas = document.createElement("canvas");
    canvas.width = canvas.height = 64;
    const ctx = canvas.getContext("2d")!;
    ctx.fillStyle = "#fff";
    ctx.fillRect(0, 0, 64, 64);
    const input = canvasInput(canvas, "torchvision");
    expect(input.shape).toEqual([224, 224, 3]);
    const p: ImagePreprocessing = TORCHVISION_PREPROCESSING;
    const want = [0, 1, 2].map((c) => (1 - p.mean[c]) / p.std[c]);
    expect(want[0]).toBeCloseTo(0.515 / 0.229, 6);
    for (let c = 0; c < 3; c++) expect(input.data[c]).toBeCloseTo(want[c], 5);
  });

  it('a torchvision manifest offered to variant 2012: the error says the weights belong to variant="torchvision"', async () => {
    const torchvision = compiledModelOf("torchvision");
    const modelJson = {
      format: "layers-model",
      convstep: { model: "alexnet-torchvision" },
      weightsManifest: [
        {
          paths: ["group1-shard1of1.bin"],
          weights: torchvision.params.map((p) => ({
            name: p.fullName,
            shape: [...p.shape],
            dtype: "float32",
          })),
        },
      ],
    };
    const error = await loadTrained(compiledModelOf("2012"), {
      modelJson: JSON.stringify(modelJson),
      shards: [new ArrayBuffer(0)],
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WeightsError);
    expect((error as Error).message).toBe(
      'model.json (in memory): the weights are for model "alexnet-torchvision", not "alexnet-2012": these weights belong to variant="torchvision"',
    );
  });
});

describe('<cs-alexnet-explorer variant="torchvision">', () => {
  it("one tower of 64 conv1 maps, 55×55, from a 224×224 crop; no two-GPU split, no LRN", async () => {
    const el = await mount<CsAlexnetExplorer>("cs-alexnet-explorer", {
      backend: "wasm",
      variant: "torchvision",
      style: "width: 1280px; display: block",
    });
    await el.ready;
    await settleExplorer(el);
    const sim = el.simulator!;
    expect(el.error).toBeUndefined();
    expect(el.variant).toBe("torchvision");
    expect(sim.model.spec.name).toBe("alexnet-torchvision");
    expect(sim.trace!.input.shape).toEqual([224, 224, 3]);
    expect(sim.trace!.step("conv1").shape).toEqual([55, 55, 64]);
    expect(sim.model.layers.some((l) => l.spec.kind === "lrn")).toBe(false);
    const root = el.shadowRoot!;
    expect(root.querySelector("cs-network")!.hasAttribute("towers")).toBe(false);
    expect(root.querySelector("cs-conv-sweep")!.getAttribute("groups")).toBe("1");
    expect(root.querySelector("cs-image-input")!.getAttribute("target")).toBe(
      "alexnet-torchvision",
    );
    expect(root.querySelector("header h2")!.textContent).toContain("torchvision");
    // The photo got torchvision's normalisation: values about −2.1 … +2.6, not 0–255.
    const data = sim.trace!.input.data;
    const lo = data.reduce((a, b) => Math.min(a, b), Infinity);
    const hi = data.reduce((a, b) => Math.max(a, b), -Infinity);
    expect(lo).toBeGreaterThanOrEqual(-0.485 / 0.229 - 1e-4);
    expect(hi).toBeLessThanOrEqual((1 - 0.406) / 0.225 + 1e-4);
    expect(hi - lo).toBeGreaterThan(1);
    expect(root.querySelector("[part=attribute-notes]")).toBeNull();
  });
});
