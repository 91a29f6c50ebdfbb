/**
 * The page's side of a training worker: starts it, sends requests, and hands its messages to a
 * listener. One worker per widget; `terminate` ends it.
 */
import type { FromWorker, ToWorker } from "./protocol.js";

/** Starts the training worker (a module worker; bundlers follow the `new URL` pattern). */
export function startTrainingWorker(): Worker {
  return new Worker(new URL("./training.worker.js", import.meta.url), {
    type: "module",
    name: "convstep-training",
  });
}

/** A worker with typed messages. */
export class TrainingClient {
  #worker: Worker | undefined;
  #listener: (message: FromWorker) => void;
  #waiters: Array<{ type: FromWorker["type"]; resolve: (m: FromWorker) => void }> = [];

  constructor(listener: (message: FromWorker) => void) {
    this.#listener = listener;
  }

  #ensure(): Worker {
    if (!this.#worker) {
      const worker = startTrainingWorker();
      worker.onmessage = (event: MessageEvent<FromWorker>) => {
        const message = event.data;
        this.#listener(message);
        const ready = this.#waiters.filter((w) => w.type === message.type);
        this.#waiters = this.#waiters.filter((w) => w.type !== message.type);
        for (const w of ready) w.resolve(message);
      };
      worker.onerror = (event) => {
        event.preventDefault();
        this.#listener({
          type: "error",
          code: "WORKER",
          message: `the training worker failed: ${event.message || "it could not be loaded"}`,
        });
      };
      this.#worker = worker;
    }
    return this.#worker;
  }

  send(message: ToWorker): void {
    this.#ensure().postMessage(message);
  }

  /** Resolves with the next message of `type` (after sending `message`, when given). */
  next<T extends FromWorker["type"]>(
    type: T,
    message?: ToWorker,
  ): Promise<Extract<FromWorker, { type: T }>> {
    const promise = new Promise<FromWorker>((resolve) => this.#waiters.push({ type, resolve }));
    if (message) this.send(message);
    return promise as Promise<Extract<FromWorker, { type: T }>>;
  }

  /** The worker's live tensor count (tf.memory().numTensors). */
  async numTensors(): Promise<number> {
    return (await this.next("memory", { type: "memory" })).numTensors;
  }

  terminate(): void {
    this.#worker?.terminate();
    this.#worker = undefined;
    this.#waiters = [];
  }
}
