/**
 * The engine side of `npm run bench` (bench/run.mjs builds this page with Vite and opens it in
 * headless Chromium): AlexNet's seeded initialisation, trace against raw forward pass for LeNet-5
 * and AlexNet on each backend, and conv1's sweep frames. Leaves its numbers in `window.__bench`.
 * The embed pages (what a reader feels) are measured by bench/embed-pages.mjs.
 */
import * as tf from "@tensorflow/tfjs-core";
import {
  compileModel,
  createSimulator,
  initWeights,
  initWeightsAsync,
  predict,
  selectBackend,
  type BackendName,
  type CompiledModel,
  type Simulator,
} from "@convstep/engine";
import { getModelSpec } from "@convstep/models";
import "../packages/elements/src/alexnet-explorer/define.js";
import type { CsConvSweep } from "../packages/elements/src/alexnet-explorer/conv-sweep.component.js";
import { assetUrl, setAssetBase } from "../packages/elements/src/shared/assets.js";
import { median } from "./stats.js";

/** Runs of each of raw forward and trace (interleaved, after one warm-up of each). */
const RUNS: Record<string, number> = { "lenet5-1998": 15, "alexnet-2012": 5 };
/** Sweep frames timed. */
const FRAMES = 120;

/** One engine measure: a name, the backend, every run's ms. */
export interface EngineMeasure {
  readonly name: string;
  readonly backend: string;
  readonly times: readonly number[];
}

/** Trace against raw forward for one model on one backend. */
export interface TraceRatio {
  readonly model: string;
  readonly backend: string;
  readonly raw: readonly number[];
  readonly trace: readonly number[];
}

interface BenchResult {
  readonly measures: readonly EngineMeasure[];
  readonly ratios: readonly TraceRatio[];
  /** Model-backend pairs that could not run, and why. */
  readonly skipped: readonly string[];
  readonly longestInitTask: number;
  readonly backend: string;
  readonly reason: string;
  readonly userAgent: string;
}

declare global {
  interface Window {
    __bench?: BenchResult;
    __benchError?: string;
  }
}

const status = (text: string) => {
  const el = document.getElementById("status");
  if (el) el.textContent = text;
};

/** A deterministic input in the model's range: smooth gradients and a few edges. */
function testInput(model: CompiledModel): Float32Array {
  const shape = model.inputShape;
  const [h, w, c] = shape.length === 3 ? shape : [shape[0], 1, 1];
  const [lo, hi] = model.spec.input.range ?? [0, 1];
  const out = new Float32Array(h * w * c);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++)
      for (let k = 0; k < c; k++) {
        const edge = (x > w / 3 ? 0.3 : -0.3) + (y > h / 2 ? 0.2 : -0.2);
        const t = 0.5 + edge + 0.25 * Math.sin((x + 2 * y + 40 * k) / 7);
        out[(y * w + x) * c + k] = lo + (hi - lo) * Math.min(1, Math.max(0, t));
      }
  return out;
}

function disposeAll(weights: Map<string, tf.Tensor>): void {
  for (const t of weights.values()) t.dispose();
}

async function nextFrame(): Promise<void> {
  await new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));
}

/** The longest task (ms) the Long Tasks API saw while `fn` ran. */
async function longestTaskDuring(fn: () => Promise<unknown>): Promise<number> {
  // Let the Long Tasks API report what ran before (it reports a task after it ends).
  await new Promise((resolve) => setTimeout(resolve, 100));
  const seen: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) seen.push(e.duration);
  });
  observer.observe({ type: "longtask" });
  await fn();
  await new Promise((resolve) => setTimeout(resolve, 100));
  observer.disconnect();
  return Math.max(0, ...seen);
}

/**
 * Raw forward (tfjs ops of every layer in one tidy, the output read back) against a full trace
 * (simulator.run, then every layer read back, as the explorers read them), interleaved.
 */
async function traceRatio(name: string, backend: BackendName): Promise<TraceRatio> {
  await selectBackend(backend, { wasmPaths: assetUrl("wasm/") });
  const model = compileModel(getModelSpec(name));
  const weights = await initWeightsAsync(model, { seed: 0 });
  const sim = createSimulator(model, weights);
  const data = testInput(model);
  const x = tf.tensor(data, [...model.inputShape], "float32");
  const raw: number[] = [];
  const trace: number[] = [];
  const runRaw = async () => {
    const t0 = performance.now();
    const y = predict(model, weights, x);
    await y.data();
    y.dispose();
    return performance.now() - t0;
  };
  const runTrace = async () => {
    const t0 = performance.now();
    const t = await sim.run(data);
    for (const step of t.layers) void step.data[0];
    return performance.now() - t0;
  };
  await runRaw();
  await runTrace();
  for (let i = 0; i < RUNS[name]; i++) {
    raw.push(await runRaw());
    trace.push(await runTrace());
  }
  x.dispose();
  sim.dispose();
  disposeAll(weights);
  return { model: name, backend, raw, trace };
}

/** conv1's sweep frames on AlexNet, stepping the window along the map. */
async function timeSweep(sim: Simulator): Promise<number[]> {
  const sweep = document.createElement("cs-conv-sweep") as CsConvSweep;
  sweep.style.width = "900px";
  sweep.groups = 2;
  document.body.append(sweep);
  sweep.simulator = sim;
  await sweep.updateComplete;
  await nextFrame();
  const times: number[] = [];
  for (let i = 0; i < FRAMES; i++) {
    sweep.position = i * 7;
    await sweep.updateComplete;
    const frame = sweep.frame;
    if (frame) times.push(frame.ms);
  }
  sweep.remove();
  return times;
}

async function main(): Promise<void> {
  tf.env().set("PROD", true);
  setAssetBase(new URL("/convstep/", location.href));
  status("choosing a backend…");
  const auto = await selectBackend("auto", { wasmPaths: assetUrl("wasm/") });
  const alexnet = compileModel(getModelSpec("alexnet-2012"));
  const measures: EngineMeasure[] = [];

  status(`seeded init on ${auto.backend}…`);
  const sync: number[] = [];
  const sliced: number[] = [];
  let longestInitTask = 0;
  for (let i = 0; i < 2; i++) {
    let t0 = performance.now();
    disposeAll(initWeights(alexnet, { seed: 0 }));
    sync.push(performance.now() - t0);
    longestInitTask = Math.max(
      longestInitTask,
      await longestTaskDuring(async () => {
        t0 = performance.now();
        disposeAll(await initWeightsAsync(alexnet, { seed: 0 }));
        sliced.push(performance.now() - t0);
      }),
    );
  }
  measures.push({ name: "AlexNet seeded init, one task", backend: auto.backend, times: sync });
  measures.push({ name: "AlexNet seeded init, in slices", backend: auto.backend, times: sliced });

  status("sweep frames…");
  {
    const weights = await initWeightsAsync(alexnet, { seed: 0 });
    const sim = createSimulator(alexnet, weights);
    await sim.run(testInput(alexnet));
    measures.push({
      name: "conv1 sweep frame (draw)",
      backend: auto.backend,
      times: await timeSweep(sim),
    });
    sim.dispose();
    disposeAll(weights);
  }

  const ratios: TraceRatio[] = [];
  const skipped: string[] = [];
  const plan: [string, BackendName][] = [
    ["lenet5-1998", "wasm"],
    ["lenet5-1998", "cpu"],
    ["lenet5-1998", "webgl"],
    ["alexnet-2012", "wasm"],
    ["alexnet-2012", "cpu"],
  ];
  for (const [name, backend] of plan) {
    status(`trace / raw forward: ${name} on ${backend}…`);
    try {
      ratios.push(await traceRatio(name, backend));
    } catch (error) {
      skipped.push(`${name} on ${backend}: ${String(error)}`);
    }
  }
  window.__bench = {
    measures,
    ratios,
    skipped,
    longestInitTask,
    backend: auto.backend,
    reason: auto.reason,
    userAgent: navigator.userAgent,
  };
  status(`done (median sweep frame ${median(measures[2].times).toFixed(1)} ms)`);
}

main().catch((error: unknown) => {
  window.__benchError =
    error instanceof Error ? `${error.message}\n${error.stack ?? ""}` : String(error);
  status(`failed: ${window.__benchError}`);
});
