import * as tf from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-backend-cpu";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import type { SavedWeights } from "@convstep/engine";
import { setAssetBase } from "../shared/assets.js";
import { setLanguage } from "../shared/localize.js";
import { mount } from "../test-utils/mount.js";
import "../lenet-explorer/define.js";
import type { CsLenetExplorer } from "../lenet-explorer/lenet-explorer.component.js";
import "./define.js";
import type { CsTrainStateEvent } from "./events.js";
import type { CsTrainer } from "./trainer.component.js";

beforeAll(() => {
  tf.env().set("PROD", true);
  setAssetBase("/packages/models/");
});

afterEach(() => document.body.replaceChildren());

function trainer(attributes: Record<string, string>): Promise<CsTrainer> {
  return mount<CsTrainer>("cs-trainer", { backend: "cpu", "held-out": "10", ...attributes });
}

function untilState(el: CsTrainer, state: string): Promise<void> {
  return new Promise((resolve) => {
    if (el.state === state) return resolve();
    const on = (e: CsTrainStateEvent) => {
      if (e.state !== state) return;
      el.removeEventListener("cs-train-state", on);
      resolve();
    };
    el.addEventListener("cs-train-state", on);
  });
}

function shownError(el: CsTrainer): string {
  return el.shadowRoot!.querySelector('[role="alert"]')?.textContent?.trim() ?? "";
}

/** C1/kernel read straight from the shard bytes, by the manifest's order and shapes. */
function kernelFromShard(saved: SavedWeights, name: string): Float32Array {
  const entries = saved.modelJson.weightsManifest[0].weights;
  const all = new Float32Array(saved.shards[0].data);
  let offset = 0;
  for (const e of entries) {
    const n = e.shape.reduce((a, b) => a * b, 1);
    if (e.name === name) return all.slice(offset, offset + n);
    offset += n;
  }
  throw new Error(`${name} not in the manifest`);
}

describe("<cs-trainer>", () => {
  it.each([
    ["learning-rate", "-0.1", /learning rate: expected a number above 0.*got -0\.1/i],
    ["learning-rate", "abc", /learning rate: .*got NaN/i],
    ["batch-size", "5000", /batch size: expected a whole number from 1 to 40 .*got 5000/i],
    ["epochs", "0", /epochs: expected a whole number .*got 0/i],
  ])("%s=%s is refused in place, and nothing starts", async (name, value, expected) => {
    const el = await trainer({ digits: "40", [name]: value });
    el.start();
    await el.updateComplete;
    expect(shownError(el)).toMatch(expected);
    expect(el.state).toBe("idle");
  });

  it("in Korean, a zero learning rate is refused in Korean", async () => {
    const el = await trainer({ digits: "40", "learning-rate": "0", lang: "ko" });
    await setLanguage("ko");
    el.start();
    await el.updateComplete;
    expect(shownError(el)).toBe("학습률: 0보다 큰 수(최대 10)가 필요합니다. 들어온 값: 0.");
    await setLanguage("en");
  });

  it("trains three full-batch steps on 32 digits: the loss falls, and the weights reach the explorer", async () => {
    const explorer = await mount<CsLenetExplorer>("cs-lenet-explorer", {
      backend: "cpu",
      variant: "1998",
      trainer: "t",
    });
    await explorer.ready;
    const el = await trainer({
      id: "t",
      digits: "32",
      "batch-size": "32",
      epochs: "3",
      "learning-rate": "0.05",
    });
    let received: SavedWeights | undefined;
    el.addEventListener("cs-trained", (e) => (received = e.weights));
    el.start();
    await untilState(el, "done");
    const [first, , third] = el.history;
    expect(el.history).toHaveLength(3);
    expect(third.loss).toBeLessThan(first.loss);
    expect(received).toBe(el.weights);
    expect(received!.modelJson.convstep?.model).toBe("lenet5-keras");
    // The explorer took them: it switched to the Keras variant and runs on the trained C1.
    await explorer.updateComplete;
    await explorer.ready;
    expect(explorer.variant).toBe("keras");
    expect(explorer.weightsKind).toBe("trained");
    const kernel = explorer.simulator!.weights.get("C1/kernel")!;
    expect(Array.from(kernel.dataSync())).toEqual(
      Array.from(kernelFromShard(received!, "C1/kernel")),
    );
    // And they download as model.json and its shard.
    const links = [...el.shadowRoot!.querySelectorAll<HTMLAnchorElement>("a[download]")];
    expect(links.map((a) => a.getAttribute("download"))).toEqual([
      "model.json",
      "group1-shard1of1.bin",
    ]);
  });

  it("trains the 1998 network (RBF outputs) for one step and hands over lenet5-1998 weights", async () => {
    const el = await trainer({ model: "1998", digits: "16", "batch-size": "16", epochs: "1" });
    el.start();
    await untilState(el, "done");
    expect(el.error).toBeUndefined();
    expect(el.weights!.modelJson.convstep?.model).toBe("lenet5-1998");
    expect(el.history).toHaveLength(1);
    expect(Number.isFinite(el.history[0].loss)).toBe(true);
    // C1 of the paper's network: 6 kernels of 5×5 drawn, and 6 maps of 28×28.
    const kernels = el.shadowRoot!.querySelector<HTMLCanvasElement>("canvas.kernels")!;
    const maps = el.shadowRoot!.querySelector<HTMLCanvasElement>("canvas.feature-maps")!;
    await new Promise((resolve) => requestAnimationFrame(resolve));
    expect([kernels.width, kernels.height]).toEqual([6 * 40 + 5 * 4, 40]);
    expect([maps.width, maps.height]).toEqual([6 * 56 + 5 * 4, 56]);
  });

  it("pause, then reset, and reset while a step runs, leave the worker's tensor count as before", async () => {
    const el = await trainer({ digits: "16", "batch-size": "8", epochs: "1" });
    // Reset before anything ran: nothing to stop, nothing shown.
    await el.reset();
    expect([el.state, el.error]).toEqual(["idle", undefined]);
    el.start();
    await untilState(el, "done");
    const baseline = await el.numTensors();

    el.epochs = "50";
    await el.updateComplete;
    el.start();
    await untilState(el, "running");
    el.pause();
    await untilState(el, "paused");
    const stepsAtPause = el.history.length;
    await el.reset();
    expect(el.state).toBe("idle");
    expect(await el.numTensors()).toBe(baseline);
    expect(stepsAtPause).toBeLessThan(50);

    el.start();
    await untilState(el, "running");
    await el.reset();
    expect(await el.numTensors()).toBe(baseline);
  });
});
