/**
 * Timeline arithmetic of the player: where a step sits on the track, which step a point of the
 * track is, and how fast playback goes. Pure functions over the engine's step plan (per-layer
 * offsets), so AlexNet's 1.28 million neuron steps cost a few additions and no DOM nodes.
 *
 * The track gives every layer the same width (a layer of 10 outputs stays as readable as one of
 * 290,400); inside its segment, a layer's steps share the width equally.
 */
import type { StepPlan } from "@convstep/engine";

/** Steps a layer holds in a plan. */
export function layerSteps(plan: StepPlan, layer: number): number {
  return plan.offsets[layer + 1] - plan.offsets[layer];
}

/** The layer that holds a step (binary search over the offsets). */
export function layerOfStep(plan: StepPlan, stepIndex: number): number {
  let lo = 0;
  let hi = plan.grids.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (plan.offsets[mid] <= stepIndex) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * The step a layer jump lands on (Page Down / Page Up): forward, the next layer's first step (the
 * last step from the last layer); back, the current layer's first step, or the previous layer's
 * when already there.
 */
export function layerJump(plan: StepPlan, stepIndex: number, direction: 1 | -1): number {
  const layer = layerOfStep(plan, stepIndex);
  if (direction > 0) {
    return layer === plan.grids.length - 1 ? plan.count - 1 : plan.offsets[layer + 1];
  }
  const start = plan.offsets[layer];
  return stepIndex > start ? start : plan.offsets[Math.max(layer - 1, 0)];
}

/**
 * Where a step's centre sits on the track, from 0 (left) to 1 (right): layer l spans
 * [l / L, (l + 1) / L], and its k-th of n steps the k-th n-th of that span.
 */
export function stepToFraction(plan: StepPlan, stepIndex: number): number {
  const layers = plan.grids.length;
  const layer = layerOfStep(plan, stepIndex);
  const n = layerSteps(plan, layer);
  const k = stepIndex - plan.offsets[layer];
  return (layer + (k + 0.5) / n) / layers;
}

/** The step under a point of the track (clamped to the track), the inverse of `stepToFraction`. */
export function fractionToStep(plan: StepPlan, fraction: number): number {
  const layers = plan.grids.length;
  const f = Math.min(Math.max(Number.isFinite(fraction) ? fraction : 0, 0), 1);
  const layer = Math.min(Math.floor(f * layers), layers - 1);
  const n = layerSteps(plan, layer);
  const k = Math.min(Math.floor((f * layers - layer) * n), n - 1);
  return plan.offsets[layer] + k;
}

/** Steps per second at 1× speed when a layer is small: one layer, eight channels or 60 neurons a second. */
export const BASE_RATE = { layer: 1, channel: 8, neuron: 60 } as const;

/** At 1×, no layer takes longer than this many seconds: big layers play faster. */
export const MAX_LAYER_SECONDS = 8;

/**
 * Playback speed in steps per second while the cursor is in `layer`:
 * `speed × max(BASE_RATE[granularity], steps in the layer / MAX_LAYER_SECONDS)`.
 *
 * So at 1× a small layer plays at the base rate (one neuron per frame at 60 fps) and a big one in
 * at most 8 s: LeNet's C1 (4,704 neurons) runs at 588 neurons a second, about ten per frame, and
 * AlexNet's conv1 (290,400) at about 800 per frame. At 2× everything takes half as long.
 */
export function playbackRate(plan: StepPlan, layer: number, speed: number): number {
  const s = Number.isFinite(speed) && speed > 0 ? speed : 1;
  return s * Math.max(BASE_RATE[plan.granularity], layerSteps(plan, layer) / MAX_LAYER_SECONDS);
}

/**
 * The step that playback reaches from `stepIndex` after `elapsed` seconds plus `carry` steps
 * left over from earlier frames. It never skips a layer's first step: a frame that would cross
 * into the next layer stops at its first step (and drops the rest, so the new layer's rate takes
 * over). Returns the new index and the fraction of a step to carry to the next frame.
 */
export function advance(
  plan: StepPlan,
  stepIndex: number,
  elapsed: number,
  speed: number,
  carry = 0,
): { stepIndex: number; carry: number } {
  const layer = layerOfStep(plan, stepIndex);
  const budget = carry + playbackRate(plan, layer, speed) * Math.max(0, elapsed);
  const steps = Math.floor(budget);
  if (steps === 0) return { stepIndex, carry: budget };
  const layerEnd = plan.offsets[layer + 1];
  const target = stepIndex + steps;
  if (target >= layerEnd) return { stepIndex: Math.min(layerEnd, plan.count - 1), carry: 0 };
  return { stepIndex: target, carry: budget - steps };
}

/**
 * The track fraction under a pointer `x` pixels from the track's left edge, when `layers`
 * segments of equal width are separated by gaps of `gap` pixels (a point in a gap counts as the
 * end of the segment before it).
 */
export function pointToFraction(x: number, width: number, layers: number, gap = 0): number {
  const segment = (width - (layers - 1) * gap) / layers;
  if (!(segment > 0)) return 0;
  const clamped = Math.min(Math.max(x, 0), width);
  const layer = Math.min(Math.floor(clamped / (segment + gap)), layers - 1);
  const within = Math.min((clamped - layer * (segment + gap)) / segment, 1 - 1e-9);
  return (layer + within) / layers;
}
