import "@tensorflow/tfjs-backend-cpu";
import * as tf from "@tensorflow/tfjs-core";
import type { ReactiveController } from "lit";
import { beforeAll, describe, expect, it, vi } from "vitest";
import {
  compileModel,
  initWeights,
  lenet1998Input,
  type BackendSelection,
  type Simulator,
} from "@convstep/engine";
import { getModelSpec } from "@convstep/models";
import { syntheticSeven } from "../../test-utils/fixtures.js";
import { ExplorerLoader, type LoadedModel, type LoaderSteps } from "./loader.js";

const CPU: BackendSelection = { backend: "cpu", reason: "cpu: requested" };
const model = () => compileModel(getModelSpec("lenet5-1998"));

beforeAll(async () => {
  tf.env().set("PROD", true);
  await tf.setBackend("cpu");
  await tf.ready();
});

/** A promise with its resolve function outside. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

/** Whether a promise has settled yet (read it after the events it could settle on). */
function watch(promise: Promise<unknown>): { readonly settled: boolean } {
  const state = { settled: false };
  void promise.then(() => (state.settled = true));
  return state;
}

/** A host (connected, rendered once) and a loader with steps that log what they are asked. */
function setUp(overrides: Partial<LoaderSteps<LoadedModel>> = {}) {
  const log: string[] = [];
  const controllers: ReactiveController[] = [];
  let updates = 0;
  const host = {
    isConnected: true,
    hasUpdated: true,
    addController: (c: ReactiveController) => controllers.push(c),
    removeController: () => {},
    requestUpdate: () => void updates++,
    updateComplete: Promise.resolve(true),
  };
  const loader = new ExplorerLoader<LoadedModel>(host, {
    loadStarted: () => log.push("started"),
    engine: async (afterContextLoss) => {
      log.push(`engine ${afterContextLoss}`);
      return CPU;
    },
    weights: async (seeded) => {
      log.push(`weights ${seeded}`);
      const m = model();
      return { model: m, weights: initWeights(m, { seed: 0 }) };
    },
    start: async (sim) => {
      log.push("start");
      await sim.run(lenet1998Input(syntheticSeven()));
    },
    cursorMoved: () => log.push("cursor"),
    loadFailed: (error) => log.push(`failed ${(error as Error).message}`),
    contextLost: () => log.push("context"),
    ...overrides,
  });
  for (const c of controllers) c.hostConnected?.();
  const disconnect = () => {
    host.isConnected = false;
    for (const c of controllers) c.hostDisconnected?.();
  };
  return { host, loader, log, disconnect, updates: () => updates };
}

describe("ExplorerLoader", () => {
  it("a load: loading → ready, the simulator traced and watched; removal frees every tensor", async () => {
    const before = tf.memory().numTensors;
    const { loader, log, disconnect, updates } = setUp();
    expect(loader.phase).toBe("idle");
    expect(loader.update("a")).toBe(true);
    expect(loader.phase).toBe("loading");
    await loader.ready;
    expect(loader.phase).toBe("ready");
    expect(log).toEqual(["started", "engine false", "weights false", "start"]);
    expect(loader.selection).toBe(CPU);
    const sim = loader.simulator!;
    expect(sim.trace!.output.shape).toEqual([10]);
    expect(loader.loaded!.model).toBe(sim.model);
    expect(updates()).toBeGreaterThan(0);
    sim.cursor.next();
    expect(log.at(-1)).toBe("cursor");
    expect(loader.update("a")).toBe(false); // same key: nothing to do
    expect(tf.memory().numTensors).toBeGreaterThan(before);
    disconnect();
    expect(loader.phase).toBe("idle");
    expect(loader.simulator).toBeUndefined();
    expect(loader.loaded).toBeUndefined();
    expect(sim.disposed).toBe(true);
    expect(tf.memory().numTensors).toBe(before);
    expect(loader.update("b")).toBe(false); // disconnected: no load
  });

  it("a failed load: phase failed, the error to loadFailed, ready resolves; useSeeded loads seeded", async () => {
    const { loader, log } = setUp({
      weights: async (seeded) => {
        log.push(`weights ${seeded}`);
        if (!seeded) throw new Error("HTTP 404");
        const m = model();
        return { model: m, weights: initWeights(m, { seed: 0 }) };
      },
    });
    loader.update("a");
    await loader.ready;
    expect(loader.phase).toBe("failed");
    expect(loader.simulator).toBeUndefined();
    expect(log).toEqual(["started", "engine false", "weights false", "failed HTTP 404"]);
    expect(loader.seeded).toBe(false);
    loader.useSeeded();
    expect(loader.seeded).toBe(true);
    expect(loader.update("a")).toBe(true); // the same key loads again, now seeded
    await loader.ready;
    expect(loader.phase).toBe("ready");
    expect(log.slice(4)).toEqual(["started", "engine false", "weights true", "start"]);
  });

  it("retry: loads again with the same key; after a context failure the engine is asked for another backend", async () => {
    const { loader, log } = setUp();
    loader.update("a");
    await loader.ready;
    loader.retry(false);
    expect(loader.update("a")).toBe(true);
    await loader.ready;
    loader.retry(true);
    expect(loader.update("a")).toBe(true);
    await loader.ready;
    expect(log.filter((l) => l.startsWith("engine"))).toEqual([
      "engine false",
      "engine false",
      "engine true",
    ]);
    expect(loader.contextLost).toBe(false);
  });

  it("a newer load replaces one in flight: its weights are freed; its waiters go at once only with releaseReplaced", async () => {
    for (const releaseReplaced of [true, false]) {
      const before = tf.memory().numTensors;
      const first = deferred<LoadedModel>();
      const asked = deferred<void>();
      let calls = 0;
      const { loader, disconnect } = setUp({
        releaseReplaced,
        weights: async () => {
          if (calls++ === 0) {
            asked.resolve();
            return first.promise;
          }
          const m = model();
          return { model: m, weights: initWeights(m, { seed: 0 }) };
        },
      });
      loader.update("a");
      const replaced = watch(loader.ready);
      await asked.promise; // the first load waits for its weights
      loader.update("b");
      await loader.ready; // the newer load has its first trace
      await Promise.resolve();
      expect(replaced.settled).toBe(releaseReplaced);
      const sim: Simulator = loader.simulator!;
      expect(sim.trace).not.toBeNull();
      // The replaced load's weights arrive late: freed, not used.
      const m = model();
      const late = initWeights(m, { seed: 1 });
      first.resolve({ model: m, weights: late });
      await vi.waitFor(() => expect([...late.values()].every((t) => t.isDisposed)).toBe(true), {
        timeout: 30_000,
      });
      expect(loader.simulator).toBe(sim);
      disconnect();
      expect(tf.memory().numTensors).toBe(before);
    }
  });

  it("cancel: the weights' signal aborts, phase failed, ready resolves, loadFailed not told; late weights freed; retry loads", async () => {
    const before = tf.memory().numTensors;
    const first = deferred<LoadedModel>();
    let signal: AbortSignal | undefined;
    let calls = 0;
    const { loader, log, disconnect } = setUp({
      weights: async (_seeded, s) => {
        if (calls++ > 0) {
          const m = model();
          return { model: m, weights: initWeights(m, { seed: 0 }) };
        }
        signal = s;
        return first.promise;
      },
    });
    expect(loader.cancel()).toBe(false); // nothing in flight
    loader.update("a");
    // The load waits for its weights: cancel once they have been asked for.
    await vi.waitFor(() => expect(signal).toBeDefined());
    expect(loader.phase).toBe("loading");
    expect(loader.cancel()).toBe(true);
    expect(signal?.aborted).toBe(true);
    expect(loader.phase).toBe("failed");
    await loader.ready; // resolves (does not hang, does not reject) once cancelled
    const m = model();
    const late = initWeights(m, { seed: 1 });
    first.resolve({ model: m, weights: late });
    await vi.waitFor(() => expect([...late.values()].every((t) => t.isDisposed)).toBe(true));
    expect(loader.simulator).toBeUndefined();
    expect(log.some((line) => line.startsWith("failed"))).toBe(false);
    // The same key does not load again by itself; Retry does.
    expect(loader.update("a")).toBe(false);
    loader.retry(false);
    expect(loader.update("a")).toBe(true);
    await loader.ready;
    expect(loader.phase).toBe("ready");
    disconnect();
    expect(tf.memory().numTensors).toBe(before);
  });
});
