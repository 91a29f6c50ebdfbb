import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { Simulator } from "@convstep/engine";
import { lenetSimulator } from "../../test-utils/fixtures.js";
import { Announcer, PLAYBACK_ANNOUNCE_MS } from "./announcer.js";
import { formatValue } from "./describe-step.js";

let lenet1998: Simulator;
let lenetKeras: Simulator;
const disposers: (() => void)[] = [];

beforeAll(async () => {
  const a = await lenetSimulator("1998");
  const b = await lenetSimulator("keras");
  lenet1998 = a.simulator;
  lenetKeras = b.simulator;
  disposers.push(a.dispose, b.dispose);
});
afterAll(() => disposers.forEach((dispose) => dispose()));
afterEach(() => vi.restoreAllMocks());

/** An announcer whose sentences are collected. */
function announcer(kind?: (kind: string) => string) {
  const said: string[] = [];
  const answers: [number, readonly string[] | undefined][] = [];
  const a = new Announcer((sentence) => said.push(sentence), {
    kind,
    answer: (best, classes) => {
      answers.push([best, classes]);
      return `answer ${best}`;
    },
  });
  return { a, said, answers };
}

describe("Announcer", () => {
  it("a move: the step's sentence, its layer kind put in the explorer's words", () => {
    const sim = lenet1998;
    const { a, said } = announcer((kind) => (kind === "conv2d" ? "CONV" : kind));
    sim.cursor.setGranularity("layer");
    sim.cursor.moveTo({ layer: 2 });
    a.step(sim);
    // C3: 14×14 in, 5×5 kernels → 10×10, 16 maps.
    expect(said).toEqual(["C3: CONV, output 10×10×16."]);
    sim.cursor.setGranularity("neuron");
    sim.cursor.moveTo({ layer: 2, channel: 4, y: 2, x: 3 });
    a.step(sim);
    const v = sim.trace!.step("C3").valueAt(4, 2, 3);
    expect(said[1]).toBe(`C3, map 4, neuron (2, 3): ${formatValue(v)}.`);
  });

  it(`while playing: only a new layer, at most every ${PLAYBACK_ANNOUNCE_MS} ms; the stop says where it ended`, () => {
    const sim = lenet1998;
    const now = vi.spyOn(performance, "now").mockReturnValue(10_000);
    const { a, said } = announcer();
    sim.cursor.setGranularity("channel");
    sim.cursor.moveTo({ layer: 0, channel: 0 });
    a.playing(sim, true);
    expect(said).toEqual([]); // starting says nothing
    a.step(sim); // the first move of the playback: a new layer
    expect(said).toHaveLength(1);
    sim.cursor.moveTo({ layer: 0, channel: 1 });
    now.mockReturnValue(10_000 + 5 * PLAYBACK_ANNOUNCE_MS);
    a.step(sim); // same layer: quiet, however late
    sim.cursor.moveTo({ layer: 1, channel: 0 });
    now.mockReturnValue(10_000 + PLAYBACK_ANNOUNCE_MS - 1);
    a.step(sim); // a new layer, but too soon
    expect(said).toHaveLength(1);
    now.mockReturnValue(10_000 + PLAYBACK_ANNOUNCE_MS);
    a.step(sim); // a new layer, 2 s later
    expect(said).toHaveLength(2);
    expect(said[1]).toMatch(/^S2, map 0 of 6: /);
    sim.cursor.moveTo({ layer: 1, channel: 3 });
    a.playing(sim, false); // the stop: forced, though the layer and the time say quiet
    expect(said).toHaveLength(3);
    expect(said[2]).toMatch(/^S2, map 3 of 6: /);
    a.playing(sim, false); // stopping again says nothing
    expect(said).toHaveLength(3);
  });

  it("answer: RBF distances → the lowest; softmax scores → the highest; with the model's classes", () => {
    for (const sim of [lenet1998, lenetKeras]) {
      const { a, said, answers } = announcer();
      a.answer(sim);
      const out = [...sim.trace!.output.data];
      const distances = sim.model.spec.output?.kind === "distances";
      const best = out.indexOf(distances ? Math.min(...out) : Math.max(...out));
      expect(answers).toEqual([[best, sim.model.spec.output?.classes]]);
      expect(said).toEqual([`answer ${best}`]);
    }
    expect(lenet1998.model.spec.output?.kind).toBe("distances");
    expect(lenetKeras.model.spec.output?.kind).not.toBe("distances");
  });
});
