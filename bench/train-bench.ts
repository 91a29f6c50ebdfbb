/**
 * The training bench page (bench/train.mjs opens it): LeNet-5 (Keras) training steps per second
 * on each backend with the engine's `train()` (batch 32, after a warm-up epoch), and the page's
 * frame intervals while a cs-trainer trains in its worker, against the same page idle.
 */
import * as tf from "@tensorflow/tfjs-core";
import { BackendError, compileModel, selectBackend, train } from "@convstep/engine";
import { getModelSpec } from "@convstep/models";
import { setAssetBase } from "../packages/elements/src/shared/assets.js";
import "../packages/elements/src/trainer/define.js";
import type { CsTrainer } from "../packages/elements/src/trainer/trainer.component.js";

declare global {
  interface Window {
    __bench?: { text: string };
    __benchError?: string;
  }
}

const status = (text: string) => (document.getElementById("status")!.textContent = text);

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

/** rAF intervals (ms) until `done` resolves. */
async function frameIntervals(done: Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  let finished = false;
  void done.then(() => (finished = true));
  let last = performance.now();
  await new Promise<void>((resolve) => {
    const tick = (now: number) => {
      out.push(now - last);
      last = now;
      if (finished) resolve();
      else requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  return out.slice(1);
}

function describeFrames(name: string, intervals: number[]): string {
  const s = [...intervals].sort((a, b) => a - b);
  const long = s.filter((v) => v > 50).length;
  return `${name.padEnd(34)} ${String(s.length).padStart(5)} frames  median ${quantile(s, 0.5).toFixed(1)} ms  p95 ${quantile(s, 0.95).toFixed(1)} ms  max ${s[s.length - 1].toFixed(1)} ms  >50 ms: ${long}`;
}

async function stepsPerSecond(backend: "cpu" | "webgl" | "wasm"): Promise<string> {
  try {
    await selectBackend(backend, { wasmPaths: "/convstep/wasm/" });
  } catch (error) {
    return `${backend.padEnd(6)} did not start: ${error instanceof Error ? error.message : error}`;
  }
  const model = compileModel(getModelSpec("lenet5-keras"));
  const n = 320;
  const inputs = new Float32Array(n * 784).map((_, i) => ((i * 2654435761) % 1000) / 1000);
  const labels = Array.from({ length: n }, (_, i) => i % 10);
  try {
    await train(
      model,
      { inputs: inputs.slice(0, 64 * 784), labels: labels.slice(0, 64) },
      { epochs: 1, batchSize: 32, seed: 1 },
    );
    const { weights, history } = await train(
      model,
      { inputs, labels },
      { epochs: 1, batchSize: 32, seed: 1, optimizer: "momentum", learningRate: 0.05 },
    );
    for (const t of weights.values()) t.dispose();
    const steps = n / 32;
    return `${backend.padEnd(6)} ${(steps / history[0].seconds).toFixed(2)} steps/s (${((history[0].seconds / steps) * 1000).toFixed(0)} ms a step, batch 32)`;
  } catch (error) {
    if (error instanceof BackendError) return `${backend.padEnd(6)} cannot train: ${error.message}`;
    throw error;
  }
}

async function main(): Promise<void> {
  setAssetBase("/convstep/");
  tf.env().set("PROD", true);
  const lines: string[] = ["convstep training bench (LeNet-5 Keras, headless Chromium)", ""];

  status("frames: idle page");
  lines.push(
    describeFrames(
      "frame intervals, idle page",
      await frameIntervals(new Promise((r) => setTimeout(r, 3000))),
    ),
  );
  status("frames: while cs-trainer trains in its worker");
  const el = document.createElement("cs-trainer") as CsTrainer;
  el.setAttribute("backend", "cpu");
  el.setAttribute("digits", "640");
  el.setAttribute("epochs", "1");
  el.setAttribute("held-out", "100");
  document.body.append(el);
  await el.updateComplete;
  const done = new Promise<void>((resolve) =>
    el.addEventListener("cs-train-state", (e) => {
      if (e.state === "done" || e.state === "failed") resolve();
    }),
  );
  el.start();
  lines.push(describeFrames("frame intervals, trainer training", await frameIntervals(done)));
  if (el.error) lines.push(`trainer failed: ${el.error}`);
  lines.push("");
  lines.push("train() on the main thread:");
  for (const backend of ["cpu", "webgl", "wasm"] as const) {
    status(`steps per second: ${backend}`);
    lines.push(`  ${await stepsPerSecond(backend)}`);
  }
  window.__bench = { text: lines.join("\n") };
  status("done");
}

main().catch((error: unknown) => {
  window.__benchError = error instanceof Error ? `${error.message}\n${error.stack}` : String(error);
});
