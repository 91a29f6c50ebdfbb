/** Yielding to the event loop between layers, so that events, painting and aborts get a turn. */

interface YieldGlobals {
  readonly scheduler?: {
    readonly yield?: () => Promise<void>;
    readonly postTask?: (callback: () => void, options: { priority: string }) => Promise<void>;
  };
  readonly setImmediate?: (callback: () => void) => unknown;
}

/**
 * Resolves on a later turn of the event loop: `scheduler.yield()` where browsers have it, Node's
 * `setImmediate`, a `MessageChannel` message, or `setTimeout(0)` (which browsers clamp to 4 ms).
 */
export function yieldToEventLoop(): Promise<void> {
  const g = globalThis as YieldGlobals;
  const scheduler = g.scheduler;
  if (typeof scheduler?.yield === "function") return scheduler.yield();
  const setImmediate = g.setImmediate;
  if (typeof setImmediate === "function") return new Promise((resolve) => setImmediate(resolve));
  if (typeof MessageChannel === "function") {
    return new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve();
      };
      channel.port2.postMessage(null);
    });
  }
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Resolves on a later turn of the event loop, behind the tasks already waiting: a `user-visible`
 * task where browsers have `scheduler.postTask`, else as {@link yieldToEventLoop}. For long work
 * nobody waits on frame by frame (drawing AlexNet's seeded weights): `scheduler.yield()` puts its
 * continuation ahead of every other task, so a LeNet beside it would wait for all of it; a
 * `background` task would in turn wait for every animation frame of the LeNet.
 */
export function yieldToOtherTasks(): Promise<void> {
  const scheduler = (globalThis as YieldGlobals).scheduler;
  if (typeof scheduler?.postTask === "function") {
    return scheduler.postTask(() => {}, { priority: "user-visible" });
  }
  return yieldToEventLoop();
}
