// Injected into every embed page of `npm run bench` before the page's own scripts (Playwright's
// addInitScript): records long tasks, the WebAssembly memories the page makes, and when each
// explorer has its activations on screen. Plain browser JavaScript, no imports.
(() => {
  const probe = {
    longTasks: [],
    memories: [],
    ready: {},
  };
  window.__probe = probe;

  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries())
        probe.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: "longtask", buffered: true });
  } catch {
    // No Long Tasks API: the count stays empty.
  }

  // The wasm backend's memory: wrap WebAssembly's instantiation to keep every Memory it exports.
  const keep = (result) => {
    const instance = result && (result.instance ?? result);
    const exports = instance && instance.exports;
    if (exports)
      for (const value of Object.values(exports))
        if (value instanceof WebAssembly.Memory) probe.memories.push(value);
    return result;
  };
  const instantiate = WebAssembly.instantiate;
  WebAssembly.instantiate = (...args) => instantiate.apply(WebAssembly, args).then(keep);
  const streaming = WebAssembly.instantiateStreaming;
  if (streaming)
    WebAssembly.instantiateStreaming = (...args) => streaming.apply(WebAssembly, args).then(keep);
  probe.wasmBytes = () => probe.memories.reduce((sum, m) => sum + m.buffer.byteLength, 0);

  const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
  /** Waits until every block of an explorer has rendered (Lit's updateComplete, nested). */
  const settled = async (el) => {
    await el.updateComplete;
    for (const block of el.shadowRoot?.querySelectorAll(".region > *") ?? [])
      if (block.updateComplete) await block.updateComplete;
  };
  probe.settled = settled;
  probe.frame = frame;

  /** ready[tag#i]: ms from navigation start until the explorer's first trace is on screen. */
  const watch = async (tag) => {
    await customElements.whenDefined(tag);
    const els = [...document.querySelectorAll(tag)];
    await Promise.all(
      els.map(async (el, i) => {
        await el.updateComplete;
        await el.ready;
        if (!el.simulator?.trace) {
          probe.ready[`${tag}#${i}`] = { error: String(el.error ?? "no trace") };
          return;
        }
        await settled(el);
        await frame();
        probe.ready[`${tag}#${i}`] = { ms: performance.now() };
      }),
    );
  };
  probe.watch = watch;
})();
