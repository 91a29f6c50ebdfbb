import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import * as tf from "@tensorflow/tfjs-core";
import { stepPlan, type LayerGrid, type Simulator } from "@convstep/engine";
import "./define.js";
import type { CsPlayer } from "./player.component.js";
import { CsStepEvent, type CsPlayEvent } from "../shared/events.js";
import { setLanguage } from "../shared/localize.js";
import {
  advance,
  fractionToStep,
  layerJump,
  layerOfStep,
  playbackRate,
  pointToFraction,
  stepToFraction,
} from "./timeline.js";
import {
  afterLayout,
  expectNoAxeViolations,
  frames as nextFrames,
  mount,
} from "../test-utils/mount.js";
import { lenetSimulator } from "../test-utils/fixtures.js";

/** LeNet-5 (1998) output grids, from the paper: C1 6@28×28 … output 10. */
const LENET: LayerGrid[] = [
  { name: "C1", height: 28, width: 28, channels: 6 },
  { name: "S2", height: 14, width: 14, channels: 6 },
  { name: "C3", height: 10, width: 10, channels: 16 },
  { name: "S4", height: 5, width: 5, channels: 16 },
  { name: "C5", height: 1, width: 1, channels: 120 },
  { name: "F6", height: 1, width: 1, channels: 84 },
  { name: "output", height: 1, width: 1, channels: 10 },
];

describe("player timeline arithmetic", () => {
  it("LeNet neurons: 4704+1176+1600+400+120+84+10 = 8094 steps; step 5880 is C3's first", () => {
    const plan = stepPlan(LENET, "neuron");
    expect(plan.count).toBe(8094);
    expect(layerOfStep(plan, 5879)).toBe(1);
    expect(layerOfStep(plan, 5880)).toBe(2);
    expect(layerOfStep(plan, 8093)).toBe(6);
  });

  it("layer jumps: C1 → S2's first (4704); back from S2's middle → 4704, then → 0; last layer → end", () => {
    const plan = stepPlan(LENET, "neuron");
    expect(layerJump(plan, 17, 1)).toBe(4704);
    expect(layerJump(plan, 5000, -1)).toBe(4704);
    expect(layerJump(plan, 4704, -1)).toBe(0);
    expect(layerJump(plan, 0, -1)).toBe(0);
    expect(layerJump(plan, 8085, 1)).toBe(8093);
  });

  it("equal-width segments: step k of n in layer l sits at (l + (k + ½)/n) / L", () => {
    const plan = stepPlan(LENET, "channel");
    // C3 (layer 2) starts at 6 + 6 = 12; its channel 4 is step 16.
    expect(stepToFraction(plan, 16)).toBeCloseTo((2 + 4.5 / 16) / 7, 12);
    expect(stepToFraction(plan, 0)).toBeCloseTo(0.5 / 6 / 7, 12);
    expect(fractionToStep(plan, (2 + 4.5 / 16) / 7)).toBe(16);
  });

  it("fractionToStep ∘ stepToFraction is the identity on every LeNet neuron step; ends clamp", () => {
    const plan = stepPlan(LENET, "neuron");
    for (let i = 0; i < plan.count; i++) {
      if (fractionToStep(plan, stepToFraction(plan, i)) !== i) throw new Error(`step ${i}`);
    }
    expect(fractionToStep(plan, -1)).toBe(0);
    expect(fractionToStep(plan, 1)).toBe(plan.count - 1);
    expect(fractionToStep(plan, 2)).toBe(plan.count - 1);
  });

  it("AlexNet-sized plan (conv1 55×55×96 = 290,400 neurons) maps without enumerating", () => {
    const grids: LayerGrid[] = [
      { name: "conv1", height: 55, width: 55, channels: 96 },
      { name: "pool1", height: 27, width: 27, channels: 96 },
      { name: "fc8", height: 1, width: 1, channels: 1000 },
    ];
    const plan = stepPlan(grids, "neuron");
    expect(plan.count).toBe(290400 + 69984 + 1000);
    const i = 290400 + 12345;
    expect(fractionToStep(plan, stepToFraction(plan, i))).toBe(i);
  });

  it("pointToFraction: 3 segments of 100 px with 10 px gaps; a gap counts as its left segment's end", () => {
    // width = 3 × 100 + 2 × 10 = 320
    expect(pointToFraction(0, 320, 3, 10)).toBe(0);
    expect(pointToFraction(50, 320, 3, 10)).toBeCloseTo(0.5 / 3, 12);
    expect(pointToFraction(110, 320, 3, 10)).toBeCloseTo(1 / 3, 12);
    expect(pointToFraction(105, 320, 3, 10)).toBeCloseTo(1 / 3, 6);
    expect(pointToFraction(105, 320, 3, 10)).toBeLessThan(1 / 3);
    expect(pointToFraction(270, 320, 3, 10)).toBeCloseTo(2.5 / 3, 12);
    expect(pointToFraction(999, 320, 3, 10)).toBeCloseTo(1, 6);
  });

  it("rate = speed × max(base, steps / 8 s): C1 neurons 4704/8 = 588/s; output 10 → 60/s base", () => {
    const plan = stepPlan(LENET, "neuron");
    expect(playbackRate(plan, 0, 1)).toBe(588);
    expect(playbackRate(plan, 0, 2)).toBe(1176);
    expect(playbackRate(plan, 6, 1)).toBe(60);
    expect(playbackRate(stepPlan(LENET, "layer"), 3, 0.5)).toBe(0.5);
    expect(playbackRate(stepPlan(LENET, "channel"), 4, 1)).toBe(15); // C5: 120 / 8
  });

  it("advance: 1/60 s in C1 at 1× → 9.8 steps: moves 9, carries 0.8; never skips S2's first step", () => {
    const plan = stepPlan(LENET, "neuron");
    const a = advance(plan, 0, 1 / 60, 1);
    expect(a.stepIndex).toBe(9);
    expect(a.carry).toBeCloseTo(588 / 60 - 9, 9);
    const b = advance(plan, 4700, 1, 1); // 588 steps would cross into S2 (first step 4704)
    expect(b).toEqual({ stepIndex: 4704, carry: 0 });
    const end = advance(plan, 8090, 10, 4);
    expect(end.stepIndex).toBe(8093);
  });
});

describe("<cs-player>", () => {
  let fixture: { simulator: Simulator; dispose(): void };
  let el: CsPlayer;

  beforeEach(async () => {
    fixture = await lenetSimulator();
  });
  afterEach(() => {
    el?.remove();
    fixture.dispose();
  });

  async function mountPlayer(attrs: Record<string, string> = {}): Promise<CsPlayer> {
    el = document.createElement("cs-player");
    for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
    el.simulator = fixture.simulator;
    document.body.append(el);
    await el.updateComplete;
    return el;
  }
  const $ = <T extends Element>(sel: string) => el.shadowRoot!.querySelector<T>(sel)!;
  const slider = () => $<HTMLElement>("[role=slider]");
  const key = async (target: HTMLElement, k: string) => {
    target.focus();
    target.dispatchEvent(new KeyboardEvent("keydown", { key: k, bubbles: true, composed: true }));
    await el.updateComplete;
  };

  it("clicking next and prev moves the cursor exactly one step and emits cs-step", async () => {
    await mountPlayer({ granularity: "neuron" });
    const cursor = fixture.simulator.cursor;
    const steps: CsStepEvent[] = [];
    el.addEventListener("cs-step", (e) => steps.push(e));
    const before = cursor.stepIndex;
    $<HTMLButtonElement>("button.next").click();
    expect(cursor.stepIndex).toBe(before + 1);
    expect(steps).toHaveLength(1);
    expect(steps[0]).toBeInstanceOf(CsStepEvent);
    expect(steps[0].stepIndex).toBe(before + 1);
    expect(steps[0].granularity).toBe("neuron");
    expect(steps[0].position).toEqual({ layer: 0, channel: 0, y: 0, x: 1 });
    expect(steps[0].bubbles && steps[0].composed).toBe(true);
    $<HTMLButtonElement>("button.prev").click();
    expect(cursor.stepIndex).toBe(before);
    expect(steps).toHaveLength(2);
    await el.updateComplete;
    // The live region says the step, with the engine's own value of that neuron.
    const value = fixture.simulator.trace!.layers[0].valueAt(0, 0, 0);
    const live = $("[aria-live]").textContent!;
    expect(live).toContain("C1, channel 0, neuron (0, 0)");
    expect(live).toContain(Math.abs(value).toFixed(2));
  });

  it("keyboard: → and ← step, End and Home jump, Space plays and pauses", async () => {
    await mountPlayer();
    const cursor = fixture.simulator.cursor;
    await key(slider(), "ArrowRight");
    expect(cursor.stepIndex).toBe(1);
    await key(slider(), "ArrowRight");
    await key(slider(), "ArrowLeft");
    expect(cursor.stepIndex).toBe(1);
    await key(slider(), "End");
    expect(cursor.stepIndex).toBe(cursor.stepCount - 1);
    await key(slider(), "Home");
    expect(cursor.stepIndex).toBe(0);
    await key(slider(), "PageDown");
    expect(cursor.stepIndex).toBe(1);
    const plays: boolean[] = [];
    el.addEventListener("cs-play", (e) => plays.push(e.playing));
    await key(slider(), " ");
    expect(el.playing).toBe(true);
    expect(el.hasAttribute("playing")).toBe(true);
    await key(slider(), " ");
    expect(el.playing).toBe(false);
    expect(plays).toEqual([true, false]);
    // Arrows also work from a transport button; Space there is the button's own.
    await key($<HTMLButtonElement>("button.next"), "ArrowRight");
    expect(el.shadowRoot!.activeElement).toBe($("button.next"));
  });

  it("the slider's aria values follow cursor.stepIndex / stepCount", async () => {
    await mountPlayer({ granularity: "neuron" });
    const cursor = fixture.simulator.cursor;
    el.seek(5880 + 4 * 100 + 2 * 10 + 3); // C3, channel 4, neuron (2, 3) in LeNet-5 (1998)
    await el.updateComplete;
    const s = slider();
    expect(Number(s.getAttribute("aria-valuenow"))).toBe(cursor.stepIndex);
    expect(Number(s.getAttribute("aria-valuemin"))).toBe(0);
    expect(Number(s.getAttribute("aria-valuemax"))).toBe(cursor.stepCount - 1);
    expect(cursor.position).toEqual({ layer: 2, channel: 4, y: 2, x: 3 });
    const count = cursor.stepCount.toLocaleString("en");
    expect(s.getAttribute("aria-valuetext")).toBe(
      `C3, channel 4, neuron (2, 3) — step 6,304 of ${count}`,
    );
    expect($("[part~=label].current").textContent).toBe("C3");
  });

  it("changing granularity keeps the layer, reflects, and emits cs-step", async () => {
    await mountPlayer({ granularity: "layer" });
    const cursor = fixture.simulator.cursor;
    el.seek(2);
    const steps: CsStepEvent[] = [];
    el.addEventListener("cs-step", (e) => steps.push(e));
    const radio = $<HTMLInputElement>("input[value=neuron]");
    radio.click();
    await el.updateComplete;
    expect(el.granularity).toBe("neuron");
    expect(el.getAttribute("granularity")).toBe("neuron");
    expect(cursor.granularity).toBe("neuron");
    expect(cursor.position.layer).toBe(2);
    expect(steps.at(-1)?.granularity).toBe("neuron");
    expect(Number(slider().getAttribute("aria-valuemax"))).toBe(cursor.stepCountAt("neuron") - 1);
    el.granularity = "channel";
    await el.updateComplete;
    expect(cursor.granularity).toBe("channel");
    expect(cursor.position).toEqual({ layer: 2, channel: 0 });
    // A change made elsewhere is followed.
    cursor.setGranularity("layer");
    await el.updateComplete;
    expect(el.granularity).toBe("layer");
  });

  it("autoplay plays to the end and emits cs-play twice; it never re-runs the network", async () => {
    const plays: CsPlayEvent[] = [];
    const listening = new AbortController();
    const { signal } = listening;
    document.addEventListener("cs-play", (e) => plays.push(e), { signal });
    let runs = 0;
    fixture.simulator.addEventListener("trace-start", () => runs++, { signal });
    const done = new Promise<void>((resolve) =>
      document.addEventListener("cs-play", (e) => !e.playing && resolve(), { signal }),
    );
    await mountPlayer({ autoplay: "", speed: "64" });
    await done;
    listening.abort();
    const cursor = fixture.simulator.cursor;
    expect(cursor.stepIndex).toBe(cursor.stepCount - 1);
    expect(plays.map((e) => e.playing)).toEqual([true, false]);
    expect(el.playing).toBe(false);
    expect(runs).toBe(0);
  });

  it("playback at neuron granularity moves several steps a frame and stops when paused", async () => {
    await mountPlayer({ granularity: "neuron", speed: "1" });
    const cursor = fixture.simulator.cursor;
    let frames = 0;
    el.addEventListener("cs-step", () => frames++);
    // Five frames that moved the cursor (one cs-step each), however long the frames take.
    const fiveFrames = new Promise<void>((resolve) =>
      el.addEventListener("cs-step", () => frames === 5 && resolve()),
    );
    el.play();
    await fiveFrames;
    el.pause();
    const at = cursor.stepIndex;
    expect(at).toBeGreaterThan(frames); // C1 at 588 steps/s: ~10 per frame
    expect(cursor.position.layer).toBe(0);
    await nextFrames(3);
    expect(cursor.stepIndex).toBe(at);
  });

  it("pointer on the track seeks: C3's segment middle → layer 2; its left edge at neuron level → 5880", async () => {
    await mountPlayer({ granularity: "layer" });
    const cursor = fixture.simulator.cursor;
    const track = slider();
    const segment = (l: number) =>
      el.shadowRoot!.querySelectorAll<HTMLElement>("[part~=segment]")[l].getBoundingClientRect();
    const at = (type: string, x: number) =>
      track.dispatchEvent(
        new PointerEvent(type, { clientX: x, clientY: 0, button: 0, bubbles: true }),
      );
    const c3 = segment(2);
    at("pointerdown", c3.left + c3.width / 2);
    at("pointerup", c3.left + c3.width / 2);
    expect(cursor.stepIndex).toBe(2);
    expect(el.shadowRoot!.activeElement).toBe(track);
    el.granularity = "neuron";
    await el.updateComplete;
    at("pointerdown", segment(0).left + 1);
    at("pointermove", segment(2).left + 0.01);
    at("pointerup", segment(2).left + 0.01);
    expect(cursor.stepIndex).toBe(5880); // C1 4,704 + S2 1,176 neurons before C3
    await el.updateComplete;
    expect($("[aria-live]").textContent).toContain("C3, channel 0, neuron (0, 0)");
  });

  it("a narrow timeline hides labels that do not fit, never the current layer's", async () => {
    await mountPlayer({ hide: "speed granularity" });
    el.style.width = "260px";
    await afterLayout(el);
    const crowded = () =>
      [...el.shadowRoot!.querySelectorAll("[part=label].crowded")].map((n) => n.textContent);
    expect(crowded()).toContain("flatten");
    el.seek(5); // the flatten layer
    await el.updateComplete;
    expect(crowded()).not.toContain("flatten");
    expect($("[part=label].current").textContent).toBe("flatten");
  });

  it("playback does not tween: no transition on the thumb while playing", async () => {
    await mountPlayer({ speed: "0.25" });
    const thumb = $<HTMLElement>("[part=thumb]");
    expect(getComputedStyle(thumb).transitionDuration).not.toBe("0s");
    el.play();
    await el.updateComplete;
    expect(getComputedStyle(thumb).transitionDuration).toBe("0s");
    el.pause();
  });

  it('hide="speed" hides the speed control only', async () => {
    await mountPlayer({ hide: "speed" });
    expect(el.shadowRoot!.querySelector("[part=speed]")).toBeNull();
    expect(el.shadowRoot!.querySelector("[part=granularity]")).not.toBeNull();
    el.hide = "granularity ends";
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector("[part=speed]")).not.toBeNull();
    expect(el.shadowRoot!.querySelector("[part=granularity]")).toBeNull();
    expect(el.shadowRoot!.querySelector("button.first")).toBeNull();
  });

  it("speed menu sets `speed`; a speed outside the list is offered too", async () => {
    await mountPlayer({ speed: "3" });
    const select = $<HTMLSelectElement>("[part=speed] select");
    expect(select.value).toBe("3");
    select.value = "0.5";
    select.dispatchEvent(new Event("change"));
    expect(el.speed).toBe(0.5);
  });

  it('granularity="pixel" keeps "layer" with one warning naming it; no simulator shows a note', async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    await mountPlayer({ granularity: "pixel" });
    expect(el.granularity).toBe("layer");
    expect(fixture.simulator.cursor.granularity).toBe("layer");
    expect($("button.play")).not.toBeNull();
    expect(warn.mock.calls.map((a) => String(a[0]))).toEqual([
      'convstep: <cs-player> granularity="pixel" is not valid: expected "layer", "channel", "neuron"; keeping "layer".',
    ]);
    warn.mockRestore();
    const bare = await mount<CsPlayer>("cs-player");
    expect(bare.shadowRoot!.textContent).toContain("No simulator");
    bare.remove();
  });

  it("has no serious or critical axe violations", async () => {
    await mountPlayer({ granularity: "channel" });
    await expectNoAxeViolations(el);
  });

  it("speaks Korean when setLanguage('ko') is active", async () => {
    await mountPlayer({ granularity: "neuron" });
    try {
      await setLanguage("ko");
      await el.updateComplete;
      expect($("button.play").getAttribute("aria-label")).toBe("재생");
      expect($("button.next").getAttribute("aria-label")).toBe("한 단계 앞으로");
      expect(slider().getAttribute("aria-valuetext")).toMatch(
        /^C1, 채널 0, 뉴런 \(0, 0\) — [\d,]+단계 중 1단계$/,
      );
      expect($("[part=granularity]").textContent).toContain("뉴런");
    } finally {
      await setLanguage("en");
    }
    await el.updateComplete;
    expect($("button.play").getAttribute("aria-label")).toBe("Play");
  });

  it("holds no tensors: stepping and removal leave tf.memory() unchanged", async () => {
    const before = tf.memory().numTensors;
    await mountPlayer({ granularity: "channel" });
    for (let i = 0; i < 20; i++) el.stepForward();
    el.remove();
    expect(tf.memory().numTensors).toBe(before);
  });
});
