/**
 * The page side of `npm run bench` (bench/run.mjs builds and opens it in headless Chromium): times
 * AlexNet's seeded initialisation, full AlexNet traces on the backend `auto` picks and on cpu,
 * conv1's sweep frames, and LeNet explorer steps, and leaves a report in `window.__bench`.
 */
import * as tf from "@tensorflow/tfjs-core";
import {
  compileModel,
  createSimulator,
  initWeights,
  selectBackend,
  type BackendName,
  type CompiledModel,
  type Simulator,
} from "@convstep/engine";
import { getModelSpec } from "@convstep/models";
import "../packages/elements/src/alexnet-explorer/define.js";
import "../packages/elements/src/lenet-explorer/define.js";
import type { CsConvSweep } from "../packages/elements/src/alexnet-explorer/conv-sweep.component.js";
import type { CsLenetExplorer } from "../packages/elements/src/lenet-explorer/lenet-explorer.component.js";
import { assetUrl, setAssetBase } from "../packages/elements/src/shared/assets.js";
import { formatReport, median, row, timeRuns, type BenchRow } from "./stats.js";

/** How many full AlexNet traces each backend runs (after one warm-up). */
const TRACES = 10;
/** Seeded initialisations timed. */
const INITS = 3;
/** LeNet explorer steps timed. */
const STEPS = 40;
/** Sweep frames timed. */
const FRAMES = 120;

interface BenchResult {
  readonly text: string;
  readonly rows: readonly BenchRow[];
  readonly ratios: readonly [string, number][];
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

/** A deterministic photo-like 227×227×3 input: smooth colour gradients and a few edges, mean-subtracted range. */
function testImage(model: CompiledModel): Float32Array {
  const [h, w, c] = model.inputShape;
  const out = new Float32Array(h * w * c);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++)
      for (let k = 0; k < c; k++) {
        const edge = (x > w / 3 ? 60 : -60) + (y > h / 2 ? 40 : -40);
        out[(y * w + x) * c + k] = edge + 50 * Math.sin((x + 2 * y + 40 * k) / 17);
      }
  return out;
}

function disposeAll(weights: Map<string, tf.Tensor>): void {
  for (const t of weights.values()) t.dispose();
}

/** Median ms of seeded AlexNet initialisations on the current backend. */
async function timeInit(model: CompiledModel): Promise<number[]> {
  return timeRuns(
    () => {
      const weights = initWeights(model, { seed: 0 });
      // The values must exist on the backend: read one number back.
      weights.get("fc8/bias")!.dataSync();
      disposeAll(weights);
    },
    INITS,
    0,
  );
}

async function timeTraces(sim: Simulator, input: Float32Array): Promise<number[]> {
  return timeRuns(() => sim.run(input), TRACES, 1);
}

async function nextFrame(): Promise<void> {
  await new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));
}

/** Median draw time of conv1's sweep frames, stepping the window along the map. */
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

/** Median time of one LeNet explorer step: cursor move → every block updated → next frame. */
async function timeLenetSteps(backend: BackendName): Promise<number[]> {
  const el = document.createElement("cs-lenet-explorer") as CsLenetExplorer;
  el.setAttribute("backend", backend);
  el.setAttribute("weights", "seeded");
  el.setAttribute("step", "C3:4:2,3");
  el.style.width = "1200px";
  document.body.append(el);
  await el.updateComplete;
  await el.ready;
  await nextFrame();
  const sim = el.simulator;
  if (!sim) throw new Error(`the LeNet explorer did not start: ${String(el.error)}`);
  const blocks = () => [
    ...el.shadowRoot!.querySelectorAll<HTMLElement & { updateComplete?: Promise<unknown> }>(
      ".region > *",
    ),
  ];
  const times: number[] = [];
  for (let i = 0; i < STEPS + 2; i++) {
    const t0 = performance.now();
    sim.cursor.next();
    await el.updateComplete;
    for (const b of blocks()) await b.updateComplete;
    await nextFrame();
    if (i >= 2) times.push(performance.now() - t0);
  }
  el.remove();
  return times;
}

async function main(): Promise<void> {
  tf.env().set("PROD", true);
  setAssetBase(new URL("./convstep/", location.href));
  status("choosing a backend…");
  const auto = await selectBackend("auto", { wasmPaths: assetUrl("wasm/") });
  const model = compileModel(getModelSpec("alexnet-2012"));
  const input = testImage(model);
  const rows: BenchRow[] = [];

  status(`seeded init on ${auto.backend}…`);
  const init = await timeInit(model);
  rows.push(row("AlexNet seeded init (61 M params)", auto.backend, init));

  status(`AlexNet traces on ${auto.backend}…`);
  let weights = initWeights(model, { seed: 0 });
  let sim = createSimulator(model, weights);
  const traceAuto = await timeTraces(sim, input);
  rows.push(row("AlexNet full trace", auto.backend, traceAuto));

  status("sweep frames…");
  const frames = await timeSweep(sim);
  rows.push(row("conv1 sweep frame (draw)", auto.backend, frames));
  sim.dispose();
  disposeAll(weights);

  status("LeNet explorer steps…");
  const steps = await timeLenetSteps(auto.backend);
  rows.push(row("LeNet step paint (all blocks + frame)", auto.backend, steps));

  let traceCpu: number[] = [];
  if (auto.backend !== "cpu") {
    status("AlexNet traces on cpu…");
    await selectBackend("cpu");
    const initCpu = await timeInit(model);
    rows.push(row("AlexNet seeded init (61 M params)", "cpu", initCpu));
    weights = initWeights(model, { seed: 0 });
    sim = createSimulator(model, weights);
    traceCpu = await timeTraces(sim, input);
    rows.push(row("AlexNet full trace", "cpu", traceCpu));
    sim.dispose();
    disposeAll(weights);
  }

  const frameBudget = 1000 / 60;
  const ratios: [string, number][] = [
    [`trace cpu / trace ${auto.backend}`, median(traceCpu) / median(traceAuto)],
    [`seeded init / trace ${auto.backend}`, median(init) / median(traceAuto)],
    ["sweep frame / 16.7 ms frame budget", median(frames) / frameBudget],
    ["LeNet step paint / 16.7 ms frame budget", median(steps) / frameBudget],
  ];
  const header = `backend auto → ${auto.backend} (${auto.reason})\n${navigator.userAgent}\n`;
  const text = `${header}\n${formatReport(rows, ratios)}`;
  window.__bench = {
    text,
    rows,
    ratios,
    backend: auto.backend,
    reason: auto.reason,
    userAgent: navigator.userAgent,
  };
  status("done");
}

main().catch((error: unknown) => {
  window.__benchError =
    error instanceof Error ? `${error.message}\n${error.stack ?? ""}` : String(error);
  status(`failed: ${window.__benchError}`);
});
