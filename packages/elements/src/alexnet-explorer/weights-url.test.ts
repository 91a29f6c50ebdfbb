// The AlexNet explorer loading a `weights` URL: the progress bar while the shards arrive, Cancel,
// and the messages of a missing shard and of a manifest that does not fit. The test serves the
// model.json and the shards itself (a stand-in for fetch under /test-weights/), so that it feeds
// the shard bytes chunk by chunk and never needs AlexNet's 244 MB.
import * as tf from "@tensorflow/tfjs-core";
import { compileModel, selectBackend } from "@convstep/engine";
import { getModelSpec } from "@convstep/models";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { setAssetBase } from "../shared/assets.js";
import type { CsProgressEvent } from "../shared/events.js";
import { setLanguage } from "../shared/localize.js";
import { expectNoAxeViolations, mount } from "../test-utils/mount.js";
import type { CsAlexnetExplorer } from "./alexnet-explorer.component.js";
import "./define.js";

const WASM = "/node_modules/@tensorflow/tfjs-backend-wasm/dist/";
const BASE = "/test-weights/alexnet-2012/";

/** alexnet-2012's tensors and shapes, as a model.json lists them. */
const PARAMS = compileModel(getModelSpec("alexnet-2012")).params.map((p) => ({
  name: p.fullName,
  shape: [...p.shape],
  dtype: "float32",
}));
/** 60,965,224 float32 values (the spec's parameter count, PAPERS.md) × 4 bytes. */
const TOTAL_BYTES = 60_965_224 * 4;

function modelJson(shards: number, weights = PARAMS) {
  const paths = Array.from({ length: shards }, (_, i) => `group1-shard${i + 1}of${shards}.bin`);
  return JSON.stringify({
    format: "layers-model",
    convstep: { model: "alexnet-2012" },
    weightsManifest: [{ paths, weights }],
  });
}

/** A shard whose bytes the test pushes; it errors as a real body does when the fetch is aborted. */
interface FedShard {
  readonly response: Response;
  push(bytes: number): void;
  readonly aborted: Promise<void>;
}

function fedShard(signal: AbortSignal | null | undefined): FedShard {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const stream = new ReadableStream<Uint8Array>({ start: (c) => (controller = c) });
  const aborted = new Promise<void>((resolve) => {
    signal?.addEventListener("abort", () => {
      controller.error(new DOMException("The user aborted a request.", "AbortError"));
      resolve();
    });
  });
  return {
    response: new Response(stream, { status: 200 }),
    push: (bytes) => controller.enqueue(new Uint8Array(bytes)),
    aborted,
  };
}

type Route = (signal: AbortSignal | null | undefined) => Response;

/** Serves `routes` (paths under BASE) in place of fetch; every other URL goes to the real one. */
function serve(routes: Record<string, Route>): { requested: string[] } {
  const requested: string[] = [];
  const real = globalThis.fetch;
  globalThis.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const href = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    const url = new URL(href, location.href);
    if (!url.pathname.startsWith(BASE)) return real(input, init);
    requested.push(url.pathname.slice(BASE.length));
    const route = routes[url.pathname.slice(BASE.length)];
    return route ? route(init?.signal) : new Response("not found", { status: 404 });
  };
  restore = () => (globalThis.fetch = real);
  return { requested };
}
let restore: (() => void) | undefined;

/** Resolves on the first cs-progress event that `until` accepts. */
function progressUntil(
  el: Element,
  until: (e: CsProgressEvent) => boolean,
): Promise<CsProgressEvent> {
  return new Promise((resolve) => {
    const listener = (e: CsProgressEvent) => {
      if (!until(e)) return;
      el.removeEventListener("cs-progress", listener);
      resolve(e);
    };
    el.addEventListener("cs-progress", listener);
  });
}

/** Mounts an explorer that loads the weights URL (without waiting: the load is the test). */
function explorer(attributes: Record<string, string> = {}): Promise<CsAlexnetExplorer> {
  return mount<CsAlexnetExplorer>("cs-alexnet-explorer", {
    backend: "wasm",
    weights: `${BASE}model.json`,
    style: "width: 1280px; display: block",
    ...attributes,
  });
}

const text = (el: Element | null) => (el?.textContent ?? "").replace(/\s+/g, " ").trim();
const button = (root: ParentNode, label: string) =>
  [...root.querySelectorAll("button")].find((b) => b.textContent!.includes(label));

beforeAll(async () => {
  tf.env().set("PROD", true);
  setAssetBase("/packages/models/");
  await selectBackend("wasm", { wasmPaths: WASM });
});

afterEach(async () => {
  document.body.replaceChildren();
  restore?.();
  restore = undefined;
  await setLanguage("en");
});

describe("<cs-alexnet-explorer weights=…> loading a manifest", () => {
  it("shows bytes and percent as the shards arrive; Cancel aborts every shard fetch and says so in place", async () => {
    const shards: FedShard[] = [];
    const server = serve({
      "model.json": () => new Response(modelJson(4)),
      ...Object.fromEntries(
        [1, 2, 3, 4].map((i) => [
          `group1-shard${i}of4.bin`,
          (signal: AbortSignal | null | undefined) => {
            const shard = fedShard(signal);
            shards[i - 1] = shard;
            return shard.response;
          },
        ]),
      ),
    });
    const tensors = tf.memory().numTensors;
    const events: CsProgressEvent[] = [];
    document.addEventListener("cs-progress", (e) => events.push(e));
    const started = progressUntil(document, () => true);
    const el = await explorer();
    const root = el.shadowRoot!;

    // The manifest is read and checked: 0 of 243,860,896 bytes.
    const first = await started;
    expect([first.loadedBytes, first.totalBytes, first.shardsLoaded, first.shards]).toEqual([
      0,
      TOTAL_BYTES,
      0,
      4,
    ]);
    await el.updateComplete;
    expect(text(root.querySelector("[part=status]"))).toBe(
      `Loading trained weights from ${BASE}model.json…`,
    );
    const bar = root.querySelector<HTMLProgressElement>("[part=progress] progress")!;
    expect(bar.max).toBe(TOTAL_BYTES);
    expect(bar.value).toBe(0);
    expect(text(root.querySelector(".progress-text"))).toBe("0.0 of 243.9 MB · 0 %");
    // No "drawn from a fixed seed" notice while trained weights load.
    expect(root.querySelector("[part=notice]")).toBeNull();
    expect(root.querySelector("[part=base]")!.getAttribute("aria-busy")).toBe("true");

    // 40,000,000 bytes in four chunks of 10 MB: 40.0 of 243.9 MB, ⌊100 · 40e6 / 243,860,896⌋ = 16 %.
    const fourth = progressUntil(el, (e) => e.loadedBytes === 40_000_000);
    for (let i = 0; i < 4; i++) shards[0].push(10_000_000);
    await fourth;
    await el.updateComplete;
    expect(events.map((e) => e.loadedBytes)).toEqual([
      0, 10_000_000, 20_000_000, 30_000_000, 40_000_000,
    ]);
    expect(bar.value).toBe(40_000_000);
    expect(text(root.querySelector(".progress-text"))).toBe("40.0 of 243.9 MB · 16 %");
    await expectNoAxeViolations(el);

    // Cancel: all four shard fetches are aborted, the message stays in place, nothing is kept.
    button(root.querySelector("[part=progress]")!, "Cancel")!.click();
    await Promise.all(shards.map((s) => s.aborted));
    await el.ready;
    await el.updateComplete;
    expect(server.requested).toEqual([
      "model.json",
      "group1-shard1of4.bin",
      "group1-shard2of4.bin",
      "group1-shard3of4.bin",
      "group1-shard4of4.bin",
    ]);
    const box = root.querySelector("[part=error]")!;
    expect(text(box.querySelector(".failure-heading"))).toBe("Loading was cancelled");
    expect(text(box.querySelector(".failure-message"))).toBe("Loading the weights was cancelled.");
    expect(button(box, "Retry")).toBeDefined();
    expect(button(box, "Use seeded weights")).toBeDefined();
    expect(root.querySelector("[part=progress]")).toBeNull();
    expect(root.querySelector("[part=notice]")).toBeNull();
    expect(root.querySelector("[part=base]")!.getAttribute("aria-busy")).toBe("false");
    expect(el.simulator).toBeUndefined();
    expect(tf.memory().numTensors).toBe(tensors);
  });

  it("a missing shard (404): the message names the shard and its URL, no seeded-weights notice; the other shard's fetch stops", async () => {
    let first: FedShard | undefined;
    serve({
      "model.json": () => new Response(modelJson(2)),
      "group1-shard1of2.bin": (signal) => {
        first = fedShard(signal);
        return first.response;
      },
      "group1-shard2of2.bin": () => new Response("", { status: 404, statusText: "Not Found" }),
    });
    const el = await explorer();
    await el.ready;
    await el.updateComplete;
    const root = el.shadowRoot!;
    const box = root.querySelector("[part=error]")!;
    expect(text(box.querySelector(".failure-heading"))).toBe("The weights could not be loaded");
    const url = new URL(`${BASE}group1-shard2of2.bin`, location.href).href;
    expect(text(box.querySelector(".failure-message"))).toBe(
      `weights shard "group1-shard2of2.bin" at ${url}: HTTP 404 Not Found`,
    );
    expect(root.querySelector("[part=notice]")).toBeNull();
    expect(root.querySelector("[part=progress]")).toBeNull();
    expect(button(box, "Use seeded weights")).toBeDefined();
    // Shard 1 was still arriving: the failed load aborts it rather than read its bytes for nothing.
    await first!.aborted;
  });

  it("a manifest that does not fit: conv1's kernel 11×11×3×48 where the spec has 96 — layer, expected and found shape", async () => {
    const wrong = PARAMS.map((p) =>
      p.name === "conv1/kernel" ? { ...p, shape: [11, 11, 3, 48] } : p,
    );
    const server = serve({ "model.json": () => new Response(modelJson(1, wrong)) });
    const events: CsProgressEvent[] = [];
    document.addEventListener("cs-progress", (e) => events.push(e));
    const el = await explorer();
    await el.ready;
    await el.updateComplete;
    const box = el.shadowRoot!.querySelector("[part=error]")!;
    expect(text(box.querySelector(".failure-heading"))).toBe(
      "The weights do not fit this model (layer conv1)",
    );
    const url = new URL(`${BASE}model.json`, location.href).href;
    expect(text(box.querySelector(".failure-message"))).toBe(
      `weight "conv1/kernel": model.json at ${url}: expected shape [11, 11, 3, 96], got [11, 11, 3, 48]`,
    );
    // Refused before any shard is asked for, and no progress was reported.
    expect(server.requested).toEqual(["model.json"]);
    expect(events).toEqual([]);
    expect(el.shadowRoot!.querySelector("[part=notice]")).toBeNull();
  });

  it('a torchvision manifest given to variant 2012 says in place that it belongs to variant="torchvision"', async () => {
    const torchvision = compileModel(getModelSpec("alexnet-torchvision")).params.map((p) => ({
      name: p.fullName,
      shape: [...p.shape],
      dtype: "float32",
    }));
    const json = JSON.stringify({
      format: "layers-model",
      convstep: { model: "alexnet-torchvision" },
      weightsManifest: [{ paths: ["group1-shard1of1.bin"], weights: torchvision }],
    });
    const server = serve({ "model.json": () => new Response(json) });
    const el = await explorer();
    await el.ready;
    await el.updateComplete;
    const box = el.shadowRoot!.querySelector("[part=error]")!;
    const url = new URL(`${BASE}model.json`, location.href).href;
    expect(text(box.querySelector(".failure-message"))).toBe(
      `model.json at ${url}: the weights are for model "alexnet-torchvision", not "alexnet-2012": these weights belong to variant="torchvision"`,
    );
    expect(server.requested).toEqual(["model.json"]);
    expect(el.simulator).toBeUndefined();
  });

  it("in Korean: the progress numbers and the cancelled heading", async () => {
    const shards: FedShard[] = [];
    serve({
      "model.json": () => new Response(modelJson(1)),
      "group1-shard1of1.bin": (signal) => {
        shards[0] = fedShard(signal);
        return shards[0].response;
      },
    });
    const started = progressUntil(document, () => true);
    const moved = progressUntil(document, (e) => e.loadedBytes === 25_000_000);
    await setLanguage("ko");
    const el = await explorer({ lang: "ko" });
    await started;
    shards[0].push(25_000_000);
    await moved;
    await el.updateComplete;
    // ⌊100 · 25e6 / 243,860,896⌋ = 10.
    expect(text(el.shadowRoot!.querySelector(".progress-text"))).toBe("243.9 MB 중 25.0 MB · 10 %");
    el.cancelLoad();
    await shards[0].aborted;
    await el.updateComplete;
    expect(text(el.shadowRoot!.querySelector(".failure-heading"))).toBe("불러오기를 취소했습니다");
  });
});
