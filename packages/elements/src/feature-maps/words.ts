/** The sentences of cs-feature-maps, localized (ids `feature-maps.*`). */
import { msg, str } from "@lit/localize";
import type { GridLayout, InputLinks, NeuronAt } from "../draw/feature-map.js";

/** "0, 1, 2" or "48–95" for a long contiguous run. */
export function channelList(channels: readonly number[]): string {
  const contiguous = channels.every((c, i) => i === 0 || c === channels[i - 1] + 1);
  return contiguous && channels.length > 4
    ? `${channels[0]}\u2013${channels[channels.length - 1]}`
    : channels.join(", ");
}

/** "map 3 · (12, 7)" or "unit 12". */
export function where(layout: GridLayout, n: NeuronAt): string {
  return layout.kind === "units"
    ? msg(str`unit ${n.channel}`, { id: "feature-maps.where-unit" })
    : msg(str`map ${n.channel} · (${n.y}, ${n.x})`, { id: "feature-maps.where-map" });
}

/** The aria-live sentence: "C1, map 3 of 6, neuron (12, 7): 0.842". */
export function sentence(name: string, layout: GridLayout, n: NeuronAt, value: string): string {
  const count = layout.count;
  return layout.kind === "units"
    ? msg(str`${name}, unit ${n.channel} of ${count}: ${value}`, { id: "feature-maps.live-unit" })
    : msg(str`${name}, map ${n.channel} of ${count}, neuron (${n.y}, ${n.x}): ${value}`, {
        id: "feature-maps.live-map",
      });
}

/** "6 maps · 28×28" or "84 units". */
export function dims(layout: GridLayout): string {
  return layout.kind === "units"
    ? msg(str`${layout.count} units`, { id: "feature-maps.dims-units" })
    : msg(str`${layout.count} maps · ${layout.mapHeight}×${layout.mapWidth}`, {
        id: "feature-maps.dims-maps",
      });
}

/** What neuron `n` of `layer` reads in the layer below (`below`, drawn as `belowLayout`). */
export function belowNote(
  layer: string,
  n: NeuronAt | null,
  links: InputLinks | undefined,
  below: string,
  belowLayout: GridLayout,
): string {
  if (!n || !links) {
    return msg("Highlight a neuron to see what it reads here.", { id: "feature-maps.below-hint" });
  }
  const c = n.channel;
  const total = belowLayout.count;
  if (links.kind === "all") {
    return msg(str`${layer} unit ${c} reads every value of ${below}.`, {
      id: "feature-maps.below-all",
    });
  }
  // A unit range, or one 1×1 map of a layer drawn as units (flatten after LeNet's C5).
  const unit =
    links.kind === "units"
      ? links.start
      : belowLayout.kind === "units" && links.channels.length === 1
        ? links.channels[0]
        : undefined;
  if (unit !== undefined) {
    return msg(str`${layer} unit ${c} reads unit ${unit} of ${below}.`, {
      id: "feature-maps.below-unit",
    });
  }
  if (links.kind !== "map") return "";
  if (links.channels.length === total) {
    return msg(str`${layer} map ${c} reads all ${total} maps of ${below}.`, {
      id: "feature-maps.below-maps-all",
    });
  }
  const list = channelList(links.channels);
  const k = links.channels.length;
  return msg(str`${layer} map ${c} reads ${k} of ${total} maps of ${below}: ${list}.`, {
    id: "feature-maps.below-maps",
  });
}

/** The legend's accessible name. */
export function legendLabel(min: string, max: string): string {
  return msg(str`Colour scale from ${min} to ${max}`, { id: "feature-maps.legend-label" });
}

/** The legend's caption with per-map scales. */
export function legendCaption(map: number): string {
  return msg(str`map ${map}`, { id: "feature-maps.legend-map" });
}
