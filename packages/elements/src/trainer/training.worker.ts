/**
 * The training worker: trains a LeNet-5 (or runs the ReLU-versus-tanh race) on its own copy of
 * TensorFlow.js, off the page's main thread, so that the page never freezes. cpu, or webgl
 * through an OffscreenCanvas on a real GPU (see backend-choice.ts); never wasm, which cannot
 * train. Messages: protocol.ts.
 */
import * as tf from "@tensorflow/tfjs-core";
import {
  AbortError,
  compileModel,
  ConvstepError,
  forwardLayer,
  lenet1998Input,
  lenetKerasInput,
  runActivationRace,
  saveWeights,
  selectBackend,
  train,
  labelledDigits,
  type CompiledModel,
  type LabelledSet,
} from "@convstep/engine";
import { decodeDigits, getModelSpec, inflateRaw, type DigitSet } from "@convstep/models";
import { chooseTrainingBackend } from "./backend-choice.js";
import type {
  FromWorker,
  RaceRequest,
  ToWorker,
  TrainRequest,
  TrainingBackendChoice,
} from "./protocol.js";

interface WorkerScope {
  postMessage(message: FromWorker, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
}
const scope = globalThis as unknown as WorkerScope;
const post = (message: FromWorker, transfer: Transferable[] = []) =>
  scope.postMessage(message, transfer);

let abort: AbortController | undefined;
let paused = false;
let release: (() => void) | undefined;
let backendReady: Promise<void> | undefined;

/**
 * A turn of the worker's task queue. The engine yields with `scheduler.yield()`, whose
 * continuations go before other tasks: without this, the page's messages (pause, stop) would wait
 * for the whole run. A MessageChannel message queues behind them, unclamped.
 */
function macrotask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** Awaited before every batch: lets the page's messages in, and holds the run while paused. */
async function gate(): Promise<void> {
  await macrotask();
  if (!paused) return;
  post({ type: "paused" });
  await new Promise<void>((resolve) => (release = resolve));
}

function resume(): void {
  paused = false;
  release?.();
  release = undefined;
}

function webglRenderer(): string | null {
  if (typeof OffscreenCanvas === "undefined") return null;
  try {
    const gl = new OffscreenCanvas(1, 1).getContext("webgl2");
    if (!gl) return null;
    const info = gl.getExtension("WEBGL_debug_renderer_info");
    const value: unknown = gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER);
    gl.getExtension("WEBGL_lose_context")?.loseContext();
    return typeof value === "string" ? value : "WebGL";
  } catch {
    return null;
  }
}

function startBackend(choice: TrainingBackendChoice): Promise<void> {
  backendReady ??= (async () => {
    tf.env().set("PROD", true);
    let picked = chooseTrainingBackend(choice, { renderer: webglRenderer() });
    if (picked.backend === "webgl") {
      try {
        await selectBackend("webgl");
      } catch {
        picked = {
          backend: "cpu",
          why: "webgl-failed",
          renderer: picked.renderer,
          reason: "cpu: webgl failed to start in the worker",
        };
      }
    }
    if (picked.backend === "cpu") await selectBackend("cpu");
    post({ type: "backend", choice: picked });
  })();
  return backendReady;
}

async function fetchDigits(url: string, deflated: boolean): Promise<DigitSet> {
  const response = await fetch(url);
  if (!response.ok)
    throw new ConvstepError("DIGITS", `digit file: cannot read ${url}: HTTP ${response.status}`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  return decodeDigits(deflated ? await inflateRaw(bytes) : bytes);
}

/** The first `count` digits as the model's inputs (LeNet-5 1998 takes 32×32 in [−0.1, 1.175]). */
function modelInputs(model: CompiledModel, set: DigitSet, count: number): LabelledSet {
  const plain = labelledDigits(set, count);
  const toInput = model.spec.name === "lenet5-1998" ? lenet1998Input : lenetKerasInput;
  const size = model.inputShape.reduce((a, b) => a * b, 1);
  const inputs = new Float32Array(count * size);
  for (let i = 0; i < count; i++) {
    inputs.set(toInput(plain.inputs.subarray(i * 784, (i + 1) * 784)), i * size);
  }
  return { inputs, labels: plain.labels };
}

/** C1's kernels and the example's C1 maps, read from the run's current weights. */
function snapshot(
  model: CompiledModel,
  weights: ReadonlyMap<string, tf.Tensor>,
  example: Float32Array,
): void {
  const c1 = model.layers.findIndex((l) => l.name === "C1");
  const kernel = weights.get("C1/kernel")!;
  const maps = tf.tidy(() => {
    let x: tf.Tensor = tf.tensor(example, [1, ...model.inputShape]);
    for (let i = 0; i <= c1; i++)
      x = forwardLayer(model.layers[i], x, weights, { training: false });
    return x;
  });
  const kernels = kernel.dataSync() as Float32Array;
  const values = maps.dataSync() as Float32Array;
  post({
    type: "snapshot",
    snapshot: {
      kernels: Float32Array.from(kernels),
      kernelSize: kernel.shape[0],
      maps: Float32Array.from(values),
      mapSize: maps.shape[1]!,
      count: kernel.shape[3]!,
    },
  });
  maps.dispose();
}

async function runTraining(request: TrainRequest, signal: AbortSignal): Promise<void> {
  await startBackend(request.backend);
  const model = compileModel(getModelSpec(request.model));
  const [trainSet, testSet] = await Promise.all([
    fetchDigits(request.trainUrl, true),
    fetchDigits(request.testUrl, false),
  ]);
  const data = modelInputs(model, trainSet, Math.min(request.digits, trainSet.count));
  const validation =
    request.heldOut > 0
      ? modelInputs(model, testSet, Math.min(request.heldOut, testSet.count))
      : undefined;
  const size = model.inputShape.reduce((a, b) => a * b, 1);
  const example = modelInputs(model, testSet, request.example + 1).inputs.slice(
    request.example * size,
  );
  const start = performance.now();
  let lastSnapshot = -Infinity;
  const { weights, history } = await train(model, data, {
    epochs: request.epochs,
    batchSize: request.batchSize,
    optimizer: "momentum",
    learningRate: request.learningRate,
    seed: request.seed,
    validation,
    signal,
    gate,
    inspect: (current, progress) => {
      const now = performance.now();
      const last =
        progress.epoch === progress.epochs - 1 && progress.batch === progress.batches - 1;
      if (now - lastSnapshot < 250 && !last && lastSnapshot !== -Infinity) return;
      lastSnapshot = now;
      snapshot(model, current, example);
    },
    onProgress: (progress) =>
      post({ type: "progress", progress, elapsed: (performance.now() - start) / 1000 }),
    onEpoch: (record) => post({ type: "epoch", record }),
  });
  try {
    const saved = await saveWeights(model, weights);
    post(
      { type: "done", weights: saved, history: [...history] },
      saved.shards.map((s) => s.data),
    );
  } finally {
    for (const t of weights.values()) t.dispose();
  }
}

async function runRace(request: RaceRequest, signal: AbortSignal): Promise<void> {
  await startBackend(request.backend);
  const response = await fetchDigits(request.trainUrl, true);
  const data = labelledDigits(response, Math.min(request.digits, response.count));
  const result = await runActivationRace(data, {
    ...request.options,
    signal,
    gate,
    onProgress: (activation, progress) => post({ type: "race-progress", activation, progress }),
    onPoint: (activation, point) => post({ type: "race-point", activation, point }),
  });
  post({ type: "race-done", result });
}

/** Live tensors; 0 before any backend has started (tf.memory() would throw then). */
function liveTensors(): number {
  return tf.engine().backendName ? tf.memory().numTensors : 0;
}

function fail(error: unknown): void {
  if (error instanceof AbortError) {
    post({ type: "stopped", numTensors: liveTensors() });
    return;
  }
  const message = error instanceof Error ? error.message : String(error);
  const code = error instanceof ConvstepError ? error.code : "INTERNAL";
  post({ type: "error", message, code });
}

scope.onmessage = (event) => {
  const message = event.data;
  switch (message.type) {
    case "train":
    case "race": {
      abort?.abort();
      const controller = new AbortController();
      abort = controller;
      paused = false;
      const run =
        message.type === "train"
          ? runTraining(message, controller.signal)
          : runRace(message, controller.signal);
      run.catch(fail).finally(() => {
        if (abort === controller) abort = undefined;
      });
      break;
    }
    case "pause":
      paused = true;
      break;
    case "resume":
      resume();
      break;
    case "stop":
      if (abort && !abort.signal.aborted) {
        abort.abort(new AbortError("training was reset"));
        resume();
      } else {
        post({ type: "stopped", numTensors: liveTensors() });
      }
      break;
    case "memory":
      post({ type: "memory", numTensors: liveTensors() });
      break;
  }
};
