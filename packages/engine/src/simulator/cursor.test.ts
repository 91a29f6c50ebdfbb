import { describe, expect, it } from "vitest";
import { InputError } from "../errors.js";
import { Cursor } from "./cursor.js";
import type { CursorChangeEvent } from "./events.js";
import { type LayerGrid, gridOf, positionAt, stepPlan } from "./steps.js";

/** conv 2×3×2 → pool 1×2×2 → flatten [4] → dense [3]. */
const TINY: LayerGrid[] = [
  { name: "conv", height: 2, width: 3, channels: 2 },
  { name: "pool", height: 1, width: 2, channels: 2 },
  gridOf("flat", [4]),
  gridOf("fc", [3]),
];

/** Every neuron of TINY in the expected order, enumerated by hand-written loops. */
function neuronsInOrder(grids: LayerGrid[]) {
  const out: { layer: number; channel: number; y: number; x: number }[] = [];
  grids.forEach((g, layer) => {
    for (let channel = 0; channel < g.channels; channel++)
      for (let y = 0; y < g.height; y++)
        for (let x = 0; x < g.width; x++) out.push({ layer, channel, y, x });
  });
  return out;
}

/** AlexNet (Caffe layout, with dropout) output shapes, from the paper's table. */
const ALEXNET: LayerGrid[] = (
  [
    ["conv1", [55, 55, 96]],
    ["norm1", [55, 55, 96]],
    ["pool1", [27, 27, 96]],
    ["conv2", [27, 27, 256]],
    ["norm2", [27, 27, 256]],
    ["pool2", [13, 13, 256]],
    ["conv3", [13, 13, 384]],
    ["conv4", [13, 13, 384]],
    ["conv5", [13, 13, 256]],
    ["pool5", [6, 6, 256]],
    ["flatten", [9216]],
    ["fc6", [4096]],
    ["drop6", [4096]],
    ["fc7", [4096]],
    ["drop7", [4096]],
    ["fc8", [1000]],
  ] as const
).map(([name, shape]) => gridOf(name, shape));

describe("step plan", () => {
  it("gridOf [h,w,c] keeps the map; [n] is 1×1×n", () => {
    expect(gridOf("a", [4, 5, 6])).toEqual({ name: "a", height: 4, width: 5, channels: 6 });
    expect(gridOf("b", [7])).toEqual({ name: "b", height: 1, width: 1, channels: 7 });
  });

  it("tiny model: 4 layer steps, 2+2+4+3 = 11 channel steps, 12+4+4+3 = 23 neuron steps", () => {
    expect(stepPlan(TINY, "layer").count).toBe(4);
    expect(stepPlan(TINY, "channel").count).toBe(11);
    expect(stepPlan(TINY, "neuron").count).toBe(23);
  });

  it("positionAt walks neurons channel-major then row-major, matching a plain enumeration", () => {
    const plan = stepPlan(TINY, "neuron");
    const expected = neuronsInOrder(TINY);
    expect(expected.map((_, i) => positionAt(plan, i))).toEqual(expected);
  });

  it("AlexNet: 16 layer steps, 28,936 channel steps, 1,276,168 neuron steps (by hand)", () => {
    // Channels: 96·3 + 256·3 + 384·2 + 256·2 + 9216 + 4096·4 + 1000.
    const channels = 96 * 3 + 256 * 3 + 384 * 2 + 256 * 2 + 9216 + 4096 * 4 + 1000;
    // Neurons: conv1, norm1, pool1, conv2, norm2, pool2, conv3, conv4, conv5, pool5, flatten, fc…
    const neurons =
      290400 * 2 + 69984 + 186624 * 2 + 43264 + 64896 * 2 + 43264 + 9216 * 2 + 4096 * 4 + 1000;
    expect(channels).toBe(28936);
    expect(neurons).toBe(1276168);
    const cursor = new Cursor(ALEXNET, { granularity: "neuron" });
    expect(cursor.stepCountAt("layer")).toBe(16);
    expect(cursor.stepCountAt("channel")).toBe(channels);
    expect(cursor.stepCount).toBe(neurons);
  });

  it("AlexNet neuron step 290,400 is norm1 (0, 0, 0); the last is fc8 unit 999", () => {
    const cursor = new Cursor(ALEXNET, { granularity: "neuron" });
    expect(cursor.positionAt(290400)).toEqual({ layer: 1, channel: 0, y: 0, x: 0 });
    // conv1 channel 5, row 3, column 7: 5·3025 + 3·55 + 7.
    expect(cursor.positionAt(5 * 3025 + 3 * 55 + 7)).toEqual({ layer: 0, channel: 5, y: 3, x: 7 });
    cursor.last();
    expect(cursor.position).toEqual({ layer: 15, channel: 999, y: 0, x: 0 });
    expect(cursor.stepIndex).toBe(cursor.stepCount - 1);
  });
});

describe("Cursor", () => {
  it("layer granularity: next/prev move one layer, stop at the ends and return false", () => {
    const cursor = new Cursor(TINY);
    expect(cursor.position).toEqual({ layer: 0 });
    expect(cursor.prev()).toBe(false);
    expect(cursor.next()).toBe(true);
    expect(cursor.next()).toBe(true);
    expect(cursor.next()).toBe(true);
    expect(cursor.position).toEqual({ layer: 3 });
    expect(cursor.next()).toBe(false);
    expect(cursor.prev()).toBe(true);
    expect(cursor.position).toEqual({ layer: 2 });
  });

  it("channel granularity: conv ch 1 → pool ch 0 → … back again; a vector unit is a channel", () => {
    const cursor = new Cursor(TINY, { granularity: "channel", position: { layer: 0, channel: 1 } });
    cursor.next();
    expect(cursor.position).toEqual({ layer: 1, channel: 0 });
    cursor.moveTo({ layer: 2, channel: 3 });
    cursor.next();
    expect(cursor.position).toEqual({ layer: 3, channel: 0 });
    cursor.prev();
    cursor.prev();
    expect(cursor.position).toEqual({ layer: 2, channel: 2 });
    expect(cursor.stepIndex).toBe(2 + 2 + 2);
  });

  it("neuron granularity: every next() and prev() matches the plain enumeration", () => {
    const expected = neuronsInOrder(TINY);
    const cursor = new Cursor(TINY, { granularity: "neuron" });
    const seen = [cursor.position];
    while (cursor.next()) seen.push(cursor.position);
    expect(seen).toEqual(expected);
    const back = [cursor.position];
    while (cursor.prev()) back.push(cursor.position);
    expect(back).toEqual([...expected].reverse());
  });

  it("every move dispatches cursor-change with position, step index and count", () => {
    const cursor = new Cursor(TINY, { granularity: "neuron" });
    const events: CursorChangeEvent[] = [];
    cursor.addEventListener("cursor-change", (e) => events.push(e));
    cursor.next();
    cursor.moveTo({ layer: 1, channel: 1, y: 0, x: 1 });
    cursor.first();
    cursor.last();
    cursor.seek(5);
    cursor.setGranularity("layer");
    expect(events.map((e) => e.stepIndex)).toEqual([1, 15, 0, 22, 5, 0]);
    expect(events[1].position).toEqual({ layer: 1, channel: 1, y: 0, x: 1 });
    expect(events[1].stepCount).toBe(23);
    expect(events[5].granularity).toBe("layer");
    expect(events[5].stepCount).toBe(4);
    expect(events[0].type).toBe("cursor-change");
  });

  it("no event when next() is at the end or setGranularity keeps the granularity", () => {
    const cursor = new Cursor(TINY);
    cursor.last();
    let count = 0;
    cursor.addEventListener("cursor-change", () => count++);
    cursor.next();
    cursor.setGranularity("layer");
    expect(count).toBe(0);
  });

  it("setGranularity coarsens (neuron → layer) and refines back to the remembered neuron", () => {
    const cursor = new Cursor(TINY, { granularity: "neuron" });
    cursor.moveTo({ layer: 0, channel: 1, y: 1, x: 2 });
    cursor.setGranularity("layer");
    expect(cursor.position).toEqual({ layer: 0 });
    expect(cursor.stepIndex).toBe(0);
    cursor.setGranularity("channel");
    expect(cursor.position).toEqual({ layer: 0, channel: 1 });
    expect(cursor.stepIndex).toBe(1);
    cursor.setGranularity("neuron");
    expect(cursor.position).toEqual({ layer: 0, channel: 1, y: 1, x: 2 });
    expect(cursor.stepIndex).toBe(1 * 6 + 1 * 3 + 2);
  });

  it("refining after moving by layer starts at channel 0, (0, 0) of the new layer", () => {
    const cursor = new Cursor(TINY, {
      granularity: "neuron",
      position: { layer: 0, channel: 1, y: 1 },
    });
    cursor.setGranularity("layer");
    cursor.next();
    cursor.setGranularity("neuron");
    expect(cursor.position).toEqual({ layer: 1, channel: 0, y: 0, x: 0 });
  });

  it("moveTo fills missing coordinates with 0; indexOf and positionAt agree", () => {
    const cursor = new Cursor(TINY, { granularity: "neuron" });
    cursor.moveTo({ layer: 3 });
    expect(cursor.position).toEqual({ layer: 3, channel: 0, y: 0, x: 0 });
    for (let i = 0; i < cursor.stepCount; i++) expect(cursor.indexOf(cursor.positionAt(i))).toBe(i);
  });

  it("out-of-range channel → InputError naming the layer, the coordinate and the range", () => {
    const cursor = new Cursor(TINY);
    expect(() => cursor.moveTo({ layer: 0, channel: 2 })).toThrow(InputError);
    expect(() => cursor.moveTo({ layer: 0, channel: 2 })).toThrow(
      'layer "conv" (#0): channel 2 is out of range; expected an integer from 0 to 1',
    );
  });

  it("out-of-range y, x, layer, step and fractional values → InputError with the valid range", () => {
    const cursor = new Cursor(TINY, { granularity: "neuron" });
    expect(() => cursor.moveTo({ layer: 1, y: 1 })).toThrow(
      'layer "pool" (#1): y 1 is out of range; expected an integer from 0 (the only value)',
    );
    expect(() => cursor.moveTo({ layer: 0, x: -1 })).toThrow("x -1 is out of range");
    expect(() => cursor.moveTo({ layer: 0, x: 0.5 })).toThrow("x 0.5 is out of range");
    expect(() => cursor.moveTo({ layer: 4 })).toThrow(
      "layer 4 is out of range; expected an integer from 0 to 3 (conv … fc)",
    );
    expect(() => cursor.seek(23)).toThrow(
      "step 23 is out of range; expected an integer from 0 to 22",
    );
    expect(() => cursor.positionAt(-1)).toThrow(InputError);
  });

  it("a failed move leaves the position unchanged and dispatches nothing", () => {
    const cursor = new Cursor(TINY, { granularity: "channel", position: { layer: 2, channel: 1 } });
    let count = 0;
    cursor.addEventListener("cursor-change", () => count++);
    expect(() => cursor.moveTo({ layer: 2, channel: 4 })).toThrow(InputError);
    expect(cursor.position).toEqual({ layer: 2, channel: 1 });
    expect(count).toBe(0);
  });

  it('unknown granularity → InputError listing "layer", "channel", "neuron"', () => {
    const cursor = new Cursor(TINY);
    expect(() => cursor.setGranularity("pixel" as never)).toThrow(
      'expected a granularity of "layer", "channel", "neuron", got "pixel"',
    );
  });
});
