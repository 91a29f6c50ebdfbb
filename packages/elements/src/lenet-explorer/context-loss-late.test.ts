/**
 * An explorer added after the WebGL context was lost must not start on the dead context (every
 * class read "0 (0.0 %)"): it runs on the fallback backend (wasm, else cpu) and says why in its
 * status line. Its own file: one engine per page.
 */
import * as tf from "@tensorflow/tfjs-core";
import { beforeAll, expect, it } from "vitest";
import { setAssetBase } from "../shared/assets.js";
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

it("an explorer created after the context was lost runs on wasm or cpu, says why, and computes the same numbers", async () => {
  const first = await mount<CsLenetExplorer>("cs-lenet-explorer", {
    backend: "webgl",
    weights: "seeded",
    step: "C3:4:2,3",
  });
  await first.ready;
  if (first.backendSelection?.backend !== "webgl") {
    // No WebGL in this browser: the explorer must have said why in place.
    expect(first.shadowRoot!.querySelector("[part=error]")?.textContent).toContain("webgl");
    return;
  }
  const before = first.simulator!.trace!.step("C3").valueAt(4, 2, 3);
  const outputBefore = Array.from(first.simulator!.trace!.output.data);
  expect(outputBefore.some((v) => v !== 0)).toBe(true);

  const gl = webglContext()!;
  const lost = new Promise((resolve) =>
    gl.canvas.addEventListener("webglcontextlost", resolve, { once: true }),
  );
  gl.getExtension("WEBGL_lose_context")!.loseContext();
  await lost;
  await first.updateComplete;
  expect(first.shadowRoot!.querySelector("[part=error]")?.textContent).toContain(
    "The WebGL context was lost",
  );

  const late = await mount<CsLenetExplorer>("cs-lenet-explorer", {
    backend: "webgl",
    weights: "seeded",
    step: "C3:4:2,3",
  });
  await late.ready;
  await late.updateComplete;
  expect(["wasm", "cpu"]).toContain(late.backendSelection?.backend);
  expect(tf.getBackend()).toBe(late.backendSelection?.backend);
  expect(late.shadowRoot!.querySelector("[part=error]")).toBeNull();
  expect(late.shadowRoot!.querySelector("[part=status]")!.textContent).toContain(
    "the WebGL context was lost",
  );
  // Same seeded weights, same digit: the numbers of the live context, not zeros.
  expect(late.simulator!.trace!.step("C3").valueAt(4, 2, 3)).toBeCloseTo(before, 4);
  const output = Array.from(late.simulator!.trace!.output.data);
  output.forEach((v, i) => expect(v).toBeCloseTo(outputBefore[i], 3));

  // Retry on the first explorer joins the page's new engine; the late one keeps working.
  first.shadowRoot!.querySelector<HTMLButtonElement>("[part=error] button")!.click();
  await first.updateComplete;
  await first.ready;
  await first.updateComplete;
  expect(first.shadowRoot!.querySelector("[part=error]")).toBeNull();
  expect(first.backendSelection).toBe(late.backendSelection);
  expect(first.simulator!.trace!.step("C3").valueAt(4, 2, 3)).toBeCloseTo(before, 4);
  await late.run(new Float32Array(784).fill(0.5));
  expect(late.error).toBeUndefined();
  expect(tf.getBackend()).toBe(late.backendSelection?.backend);
});
