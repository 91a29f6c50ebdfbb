/** Yielding to the event loop between layers, so that events, painting and aborts get a turn. */

interface YieldGlobals {
  readonly scheduler?: { readonly yield?: () => Promise<void> };
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
