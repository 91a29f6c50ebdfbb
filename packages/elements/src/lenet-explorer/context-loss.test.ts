/**
 * A lost WebGL context, for real: the explorer runs on the webgl backend (software WebGL in
 * headless Chromium), the test loses the context through WEBGL_lose_context, and the explorer must
 * say so in place, then go on without WebGL after Retry (wasm, else cpu: here cpu, as the test
 * server has no wasm files). Its own file: one engine per page.
 */
import * as tf from "@tensorflow/tfjs-core";
import { beforeAll, expect, it } from "vitest";
import { setAssetBase } from "../shared/assets.js";
import type { CsErrorEvent } from "../shared/events.js";
import { mount } from "../test-utils/mount.js";
import "./define.js";
import type { CsLenetExplorer } from "./lenet-explorer.component.js";

beforeAll(() => {
  tf.env().set("PROD", true);
  setAssetBase("/packages/models/");
});

function webglContext(): WebGLRenderingContext | undefined {
  const backend = tf.findBackend("webgl") as { gpgpu?: { gl?: WebGLRenderingContext } } | null;
  return backend?.gpgpu?.gl;
}

it("a lost WebGL context shows a readable message in place; Retry goes on on cpu", async () => {
  const el = await mount<CsLenetExplorer>("cs-lenet-explorer", {
    backend: "webgl",
    weights: "seeded",
    step: "C3:4:2,3",
  });
  await el.ready;
  if (el.backendSelection?.backend !== "webgl") {
    // No WebGL in this browser: the explorer must have said why in place.
    expect(el.shadowRoot!.querySelector("[part=error]")?.textContent).toContain("webgl");
    return;
  }
  const before = el.simulator!.trace!.step("C3").valueAt(4, 2, 3);
  const errors: unknown[] = [];
  el.addEventListener("cs-error", (e) => errors.push((e as CsErrorEvent).error));

  const lost = new Promise((resolve) =>
    webglContext()!.canvas.addEventListener("webglcontextlost", resolve, { once: true }),
  );
  webglContext()!.getExtension("WEBGL_lose_context")!.loseContext();
  await lost;
  await el.updateComplete;

  const box = el.shadowRoot!.querySelector("[part=error]")!;
  expect(box.getAttribute("role")).toBe("alert");
  expect(box.textContent).toContain("The WebGL context was lost");
  expect(errors).toHaveLength(1);

  const [retry] = box.querySelectorAll("button");
  retry.click();
  await el.updateComplete;
  await el.ready;
  await el.updateComplete;
  expect(el.shadowRoot!.querySelector("[part=error]")).toBeNull();
  expect(el.backendSelection?.backend).toBe("cpu");
  expect(tf.getBackend()).toBe("cpu");
  // Same seeded weights, same digit: the same value, now computed on the cpu backend.
  expect(el.simulator!.trace!.step("C3").valueAt(4, 2, 3)).toBeCloseTo(before, 4);
  expect(el.simulator!.cursor.neuron).toEqual({ layer: 2, channel: 4, y: 2, x: 3 });
});
