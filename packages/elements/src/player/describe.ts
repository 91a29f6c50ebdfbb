/**
 * The player's words for a cursor position: the short label ("C3, channel 4, neuron (2, 3)"), the
 * slider's value text (label — step i of n) and the one-sentence description a screen reader
 * hears after a manual step. Localized through msg(); values read from the engine's trace.
 */
import { msg, str } from "@lit/localize";
import type { LayerGrid, NeuronPosition, Granularity, Trace } from "@convstep/engine";
import { getLocale } from "../shared/localize.js";
import { formatNumber } from "../shared/format-number.js";

/** A number with the page language's digit grouping: 5880 → "5,880". */
export function formatCount(n: number): string {
  return formatNumber(n, { lang: getLocale(), maxDecimals: 3 });
}

/** An activation value with at most three decimals and a real minus sign. */
export function formatValue(v: number): string {
  return formatNumber(v, {
    lang: getLocale(),
    maxDecimals: 3,
    scientificAbove: 1e5,
    scientificBelow: 1e-3,
    mantissaZeros: true,
    exponentPlus: true,
  });
}

const isVector = (grid: LayerGrid) => grid.height === 1 && grid.width === 1;

/** The part of a position finer than its layer: "channel 4", "channel 4, neuron (2, 3)", "unit 12" or "". */
export function positionDetail(
  grid: LayerGrid,
  position: NeuronPosition,
  granularity: Granularity,
): string {
  const { channel, y, x } = position;
  if (granularity === "layer") return "";
  if (isVector(grid)) return msg(str`unit ${channel}`, { id: "player.unit" });
  if (granularity === "channel") return msg(str`channel ${channel}`, { id: "player.channel" });
  return msg(str`channel ${channel}, neuron (${y}, ${x})`, { id: "player.neuron" });
}

/** "C3", "C3, channel 4", "C3, channel 4, neuron (2, 3)" or, for a vector layer, "F6, unit 12". */
export function positionLabel(
  grid: LayerGrid,
  position: NeuronPosition,
  granularity: Granularity,
): string {
  const detail = positionDetail(grid, position, granularity);
  return detail ? `${grid.name}, ${detail}` : grid.name;
}

/** What a layer holds: "16 maps of 10×10" or "84 units". */
export function layerSize(grid: LayerGrid): string {
  const { channels, height, width } = grid;
  return isVector(grid)
    ? msg(str`${formatCount(channels)} units`, { id: "player.units" })
    : msg(str`${formatCount(channels)} maps of ${height}×${width}`, { id: "player.maps" });
}

/** The slider's value text: "C3, channel 4, neuron (2, 3) — step 1,204 of 5,880". */
export function valueText(label: string, stepIndex: number, stepCount: number): string {
  const step = formatCount(stepIndex + 1);
  const count = formatCount(stepCount);
  return msg(str`${label} — step ${step} of ${count}`, { id: "player.value-text" });
}

/** Min and max of one channel of a layer's output (the whole vector for a vector layer). */
function channelRange(trace: Trace, layer: number, grid: LayerGrid, channel: number) {
  const step = trace.layers[layer];
  let min = Infinity;
  let max = -Infinity;
  for (let y = 0; y < grid.height; y++) {
    for (let x = 0; x < grid.width; x++) {
      const v = step.valueAt(channel, y, x);
      if (v < min) min = v;
      if (v > max) max = v;
    }
  }
  return { min, max };
}

/**
 * One sentence about the step, for the aria-live region: what the layer holds and, when a trace
 * is there, its values ("C3, channel 4, neuron (2, 3) = 0.418.").
 */
export function stepSentence(
  grid: LayerGrid,
  position: NeuronPosition,
  granularity: Granularity,
  trace: Trace | null,
): string {
  const label = positionLabel(grid, position, granularity);
  const step = trace && !trace.disposed ? trace.layers[position.layer] : undefined;
  if (granularity === "layer") {
    const size = layerSize(grid);
    if (!step) return msg(str`Layer ${label}: ${size}.`, { id: "player.say-layer" });
    const { min, max } = step.stats;
    return msg(
      str`Layer ${label}: ${size}, values from ${formatValue(min)} to ${formatValue(max)}.`,
      { id: "player.say-layer-values" },
    );
  }
  if (!step) return `${label}.`;
  if (granularity === "channel" && !isVector(grid)) {
    const { min, max } = channelRange(trace!, position.layer, grid, position.channel);
    return msg(str`${label}: values from ${formatValue(min)} to ${formatValue(max)}.`, {
      id: "player.say-channel",
    });
  }
  const value = step.valueAt(position.channel, position.y, position.x);
  return msg(str`${label} = ${formatValue(value)}.`, { id: "player.say-value" });
}
