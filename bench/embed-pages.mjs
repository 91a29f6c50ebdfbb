// The reader's side of `npm run bench`: fresh loads of static posts built with the embed script
// (bench/pages/*.html, served by bench/run.mjs with gzip as static hosts do), in headless Chromium.
// For each page: ready (activations on screen), bytes on the wire, long tasks while loading, wasm
// memory; on the last load, input → frame, step → frame and neuron-by-neuron playback frames.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const probeScript = readFileSync(fileURLToPath(new URL("probe.js", import.meta.url)), "utf8");

/** Opens a page in a fresh context with the probe; resolves with what its load cost. */
async function load(browser, url, tags, timeoutMs) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript({ content: probeScript });
  const page = await context.newPage();
  page.on("pageerror", (e) => process.stderr.write(`page error: ${e.message}\n`));
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  let bytes = 0;
  const requests = new Map();
  cdp.on("Network.responseReceived", (e) => requests.set(e.requestId, e.response.url));
  cdp.on("Network.loadingFinished", (e) => (bytes += e.encodedDataLength));
  await page.goto(url);
  const ready = await page.evaluate(
    async ([tags, timeoutMs]) => {
      const timeout = new Promise((_, reject) =>
        setTimeout(() => reject(new Error(`not ready after ${timeoutMs} ms`)), timeoutMs),
      );
      await Promise.race([Promise.all(tags.map((t) => window.__probe.watch(t))), timeout]);
      return window.__probe.ready;
    },
    [tags, timeoutMs],
  );
  // Whatever the page still fetches right after (a second is plenty on 127.0.0.1).
  await page.waitForTimeout(1000);
  const after = await page.evaluate(() => ({
    longTasks: window.__probe.longTasks,
    wasm: window.__probe.wasmBytes(),
  }));
  const readyAt = Math.max(...Object.values(ready).map((r) => r.ms ?? NaN));
  const loadTasks = after.longTasks.filter((t) => t.start < readyAt);
  return {
    context,
    page,
    ready,
    bytes,
    urls: [...requests.values()],
    longTasks: loadTasks.length,
    longestTask: Math.max(0, ...loadTasks.map((t) => t.duration)),
    wasm: after.wasm,
  };
}

/** input → frame for the first explorer of `tag`: `runs` new inputs through its public `run`. */
function inputToFrame(page, tag, runs) {
  return page.evaluate(
    async ([tag, runs]) => {
      const el = document.querySelector(tag);
      const { settled, frame } = window.__probe;
      const times = [];
      const base = el.input ? Float32Array.from(el.input.data) : undefined;
      for (let i = 0; i < runs + 1; i++) {
        let input;
        if (tag === "cs-lenet-explorer") {
          // A 28×28 digit: a bar that moves, so every run is a new input.
          input = new Float32Array(784);
          for (let y = 4; y < 24; y++) for (let x = 0; x < 3; x++) input[y * 28 + 8 + i + x] = 1;
        } else {
          input = base.map((v, j) => (j % 3 === i % 3 ? -v : v));
        }
        await frame();
        const t0 = performance.now();
        await el.run(input);
        await settled(el);
        await frame();
        if (i > 0) times.push(performance.now() - t0);
      }
      return times;
    },
    [tag, runs],
  );
}

/** stroke → frame on the LeNet digit pad: a drag with the mouse, timed from the pointer release. */
async function strokeToFrame(page, runs) {
  const pad = page.locator("cs-lenet-explorer cs-digit-pad canvas").first();
  const box = await pad.boundingBox();
  if (!box) return [];
  const times = [];
  for (let i = 0; i < runs; i++) {
    await page.evaluate(() => {
      const el = document.querySelector("cs-lenet-explorer");
      window.__strokeDone = new Promise((resolve) => {
        let up = 0;
        addEventListener("pointerup", () => (up = performance.now()), {
          capture: true,
          once: true,
        });
        el.simulator.addEventListener(
          "trace-complete",
          async () => {
            await window.__probe.settled(el);
            await window.__probe.frame();
            resolve(performance.now() - up);
          },
          { once: true },
        );
      });
    });
    const x0 = box.x + box.width * (0.3 + 0.05 * i);
    await page.mouse.move(x0, box.y + box.height * 0.2);
    await page.mouse.down();
    await page.mouse.move(x0 + box.width * 0.1, box.y + box.height * 0.8, { steps: 8 });
    await page.mouse.up();
    times.push(await page.evaluate(() => window.__strokeDone));
  }
  return times;
}

/**
 * step → frame: from the start of a frame, one cursor step, until the next frame after every
 * block rendered it (≈ 16.7 ms when it fits in one frame); `work` is the part until the blocks
 * had rendered.
 */
function steps(page, tag, count) {
  return page.evaluate(
    async ([tag, count]) => {
      const el = document.querySelector(tag);
      const { settled, frame } = window.__probe;
      const cursor = el.simulator.cursor;
      const frames = [];
      const work = [];
      for (let i = 0; i < count + 2; i++) {
        await frame();
        const t0 = performance.now();
        if (cursor.stepIndex >= cursor.stepCount - 1) cursor.first();
        else cursor.next();
        await settled(el);
        const t1 = performance.now();
        await frame();
        if (i >= 2) {
          frames.push(performance.now() - t0);
          work.push(t1 - t0);
        }
      }
      return { frames, work };
    },
    [tag, count],
  );
}

/** Neuron-by-neuron playback through the explorer's player: the intervals between frames. */
function playback(page, tag, ms) {
  return page.evaluate(
    async ([tag, ms]) => {
      const el = document.querySelector(tag);
      const player = el.shadowRoot.querySelector("cs-player");
      el.simulator.cursor.first();
      player.granularity = "neuron";
      player.speed = 1;
      await player.updateComplete;
      await window.__probe.settled(el);
      player.play();
      const stamps = [];
      await new Promise((resolve) => {
        const start = performance.now();
        const tick = (now) => {
          stamps.push(now);
          if (now - start < ms) requestAnimationFrame(tick);
          else resolve();
        };
        requestAnimationFrame(tick);
      });
      player.pause();
      const intervals = [];
      for (let i = 2; i < stamps.length; i++) intervals.push(stamps[i] - stamps[i - 1]);
      return intervals;
    },
    [tag, ms],
  );
}

/**
 * Forced style recalculations and layouts (those the trace gives a JavaScript stack) during
 * `count` neuron steps within the first layer, through the Chrome DevTools Protocol's Tracing.
 */
async function forcedRecalcs(page, tag, count) {
  await page.evaluate(async (tag) => {
    const el = document.querySelector(tag);
    el.simulator.cursor.setGranularity("neuron");
    el.simulator.cursor.first();
    await window.__probe.settled(el);
    await window.__probe.frame();
  }, tag);
  const cdp = await page.context().newCDPSession(page);
  const events = [];
  cdp.on("Tracing.dataCollected", (e) => events.push(...e.value));
  const done = new Promise((resolve) => cdp.once("Tracing.tracingComplete", resolve));
  await cdp.send("Tracing.start", {
    categories: "devtools.timeline,disabled-by-default-devtools.timeline.stack",
    transferMode: "ReportEvents",
  });
  const layers = await page.evaluate(
    async ([tag, count]) => {
      const el = document.querySelector(tag);
      const cursor = el.simulator.cursor;
      const seen = new Set();
      for (let i = 0; i < count; i++) {
        await window.__probe.frame();
        cursor.next();
        seen.add(cursor.position.layer);
        await window.__probe.settled(el);
      }
      await window.__probe.frame();
      return seen.size;
    },
    [tag, count],
  );
  await cdp.send("Tracing.end");
  await done;
  await cdp.detach();
  let forced = 0;
  const where = {};
  for (const e of events) {
    if (e.name !== "UpdateLayoutTree" && e.name !== "Layout") continue;
    const stack = e.args?.beginData?.stackTrace ?? e.args?.data?.stackTrace;
    if (!stack?.length) continue;
    forced++;
    const at = `${e.name} ← ${stack[0].functionName || "(anonymous)"} ${stack[0].url.split("/").pop()}`;
    where[at] = (where[at] ?? 0) + 1;
  }
  return { steps: count, layers, forced, where };
}

/**
 * Measures one page: `loads` fresh loads, then the interactions on the last one. `explorers` maps
 * each explorer tag on the page to the input measures to run on it.
 */
export async function measurePage(browser, url, explorers, options) {
  const { loads = 3, timeoutMs = 120000, stepCount = 40, playMs = 3000, inputs = 5 } = options;
  const tags = Object.keys(explorers);
  const results = [];
  let last;
  for (let i = 0; i < loads; i++) {
    if (last) await last.context.close();
    last = await load(browser, url, tags, timeoutMs);
    results.push(last);
  }
  const out = {
    ready: {},
    bytes: results.map((r) => r.bytes),
    longTasks: results.map((r) => r.longTasks),
    longestTask: results.map((r) => r.longestTask),
    wasm: results.map((r) => r.wasm),
    urls: last.urls,
    input: {},
    steps: {},
    playback: {},
    forced: {},
  };
  for (const key of Object.keys(last.ready)) {
    out.ready[key] = results.map((r) => r.ready[key]?.ms ?? NaN);
    const error = last.ready[key]?.error;
    if (error) process.stderr.write(`bench: ${url} ${key}: ${error}\n`);
  }
  for (const tag of tags) {
    const name = tag.replace(/^cs-|-explorer$/g, "");
    if (explorers[tag].includes("input"))
      out.input[`${name} (${tag === "cs-lenet-explorer" ? "digit" : "photo"})`] =
        await inputToFrame(last.page, tag, inputs);
    if (explorers[tag].includes("stroke"))
      out.input[`${name} (stroke)`] = await strokeToFrame(last.page, inputs);
    if (explorers[tag].includes("steps")) out.steps[name] = await steps(last.page, tag, stepCount);
    if (explorers[tag].includes("playback"))
      out.playback[name] = await playback(last.page, tag, playMs);
    if (explorers[tag].includes("forced"))
      out.forced[name] = await forcedRecalcs(last.page, tag, stepCount);
  }
  await last.context.close();
  return out;
}
