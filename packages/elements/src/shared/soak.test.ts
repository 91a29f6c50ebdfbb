/**
 * A long session must not grow: an explorer stepped thousands of times through the cursor API
 * (without waiting a frame between steps) and fed hundreds of new inputs holds as many tensors
 * and as many DOM nodes at the end as after its warm-up, at the same step on the same input.
 */
import * as tf from "@tensorflow/tfjs-core";
import { afterEach, beforeAll, expect, it } from "vitest";
import type { Simulator } from "@convstep/engine";
import "../define-all.js";
import type { CsAlexnetExplorer } from "../alexnet-explorer/alexnet-explorer.component.js";
import { loadDigitSet } from "../digit-pad/digit-file.js";
import { digitFromBytes } from "../digit-pad/samples.js";
import type { CsLenetExplorer } from "../lenet-explorer/lenet-explorer.component.js";
import { setAssetBase } from "./assets.js";

type Updatable = Element & { updateComplete?: Promise<unknown> };

/** Every shadow root under `el`. */
function shadowRoots(el: Element): ShadowRoot[] {
  const roots: ShadowRoot[] = [];
  const visit = (node: Element) => {
    if (node.shadowRoot) {
      roots.push(node.shadowRoot);
      node.shadowRoot.querySelectorAll("*").forEach(visit);
    }
  };
  visit(el);
  return roots;
}

/** Nodes of the element's light and shadow trees (text nodes included). */
function nodeCount(el: Element): number {
  let n = 0;
  for (const root of [el, ...shadowRoots(el)]) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_ALL);
    while (walker.nextNode()) n++;
  }
  return n;
}

/** Waits until the explorer and every element inside it have rendered. */
async function settle(el: Updatable): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await el.updateComplete;
    for (const root of shadowRoots(el)) {
      for (const inner of root.querySelectorAll<Updatable>("*")) await inner.updateComplete;
    }
  }
}

/** `steps` cursor moves (wrapping at the end), rendering every `every` of them. */
async function walk(el: Updatable, sim: Simulator, steps: number, every = 50): Promise<void> {
  for (let i = 1; i <= steps; i++) {
    if (!sim.cursor.next()) sim.cursor.first();
    if (i % every === 0) await settle(el);
  }
  await settle(el);
}

beforeAll(() => {
  tf.env().set("PROD", true);
  setAssetBase("/packages/models/");
});

afterEach(() => {
  document.body.replaceChildren();
});

it("LeNet-5: 3,000 neuron steps and 200 digits later, no more tensors and no more DOM nodes than after warm-up", async () => {
  const digits = await loadDigitSet("/packages/models/data/mnist-test-500.bin");
  const digit = (i: number) => digitFromBytes(digits.images, i % digits.count, 784);
  const el = document.createElement("cs-lenet-explorer") as CsLenetExplorer;
  el.setAttribute("backend", "cpu");
  el.setAttribute("weights", "seeded");
  el.setAttribute("granularity", "neuron");
  document.body.append(el);
  await el.updateComplete;
  await el.ready;
  const sim = el.simulator!;

  // Warm-up: every block drawn at several layers, a few inputs.
  for (let i = 0; i < 10; i++) await el.run(digit(i));
  await walk(el, sim, 500);
  const at = sim.cursor.stepIndex;
  await el.run(digit(0));
  await settle(el);
  const tensors = tf.memory().numTensors;
  const nodes = nodeCount(el);

  for (let round = 0; round < 20; round++) {
    await walk(el, sim, 150, 50);
    for (let i = 0; i < 10; i++) {
      await el.run(digit(10 + round * 10 + i));
      if (!sim.cursor.next()) sim.cursor.first();
    }
  }
  sim.cursor.seek(at);
  await el.run(digit(0));
  await settle(el);

  expect(el.simulator).toBe(sim);
  expect(el.error).toBeUndefined();
  expect(tf.memory().numTensors).toBe(tensors);
  expect(nodeCount(el)).toBe(nodes);
}, 240_000);

it("AlexNet (Keras): 300 steps and 4 new inputs later, no more tensors and no more DOM nodes than after warm-up", async () => {
  const el = document.createElement("cs-alexnet-explorer") as CsAlexnetExplorer;
  el.setAttribute("variant", "keras");
  el.setAttribute("backend", "cpu");
  el.setAttribute("granularity", "channel");
  document.body.append(el);
  await el.updateComplete;
  await el.ready;
  const sim = el.simulator!;
  const size = sim.model.inputShape.reduce((a, b) => a * b, 1);
  // Inputs in [0, 1] (the Keras variant's range), each a different ramp.
  const input = (k: number) =>
    Float32Array.from({ length: size }, (_, i) => ((i * (k + 3)) % 97) / 96);

  await walk(el, sim, 140, 20);
  const at = sim.cursor.stepIndex;
  await el.run(input(0));
  await settle(el);
  const tensors = tf.memory().numTensors;
  const nodes = nodeCount(el);

  for (let k = 1; k <= 4; k++) {
    await el.run(input(k));
    await walk(el, sim, 40, 10);
  }
  sim.cursor.seek(at);
  await el.run(input(0));
  await settle(el);

  expect(el.simulator).toBe(sim);
  expect(el.error).toBeUndefined();
  expect(tf.memory().numTensors).toBe(tensors);
  expect(nodeCount(el)).toBe(nodes);
}, 300_000);
