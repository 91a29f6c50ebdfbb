/**
 * Which page each column shows so that the focused map and the maps feeding it are on screen
 * (pure): the same rule as `cs-network` applies as the focus moves, for a view laid out once (the
 * CLI's figure). Towers page by the offset within each tower (conv2 map 200 is GPU 2's map 72).
 */
import { channelsOf, columnKindOf, pageStartOf, type LayoutModel } from "./layout.js";
import { feedingChannels, type FeedLayer } from "./links.js";
import { splits, towerOffset, type TowerLayer } from "./towers.js";

/** The model the rule reads (a `CompiledModel` fits). */
export interface PagedModel extends LayoutModel {
  readonly layers: readonly (LayoutModel["layers"][number] & FeedLayer & TowerLayer)[];
}

/** Page starts (by layer index, −1 the input) that show `focus` and what feeds it. */
export function focusPageStarts(
  model: PagedModel,
  focus: { readonly layer: number; readonly channel: number },
  options: { readonly pageSize?: number; readonly towers?: number } = {},
): Map<number, number> {
  const pageSize = options.pageSize ?? 32;
  const towers = options.towers ?? 1;
  const starts = new Map<number, number>();
  const shapeOf = (layer: number) =>
    layer < 0 ? model.inputShape : model.layers[layer].outputShape;
  const show = (layer: number, channels: readonly number[]) => {
    if (channels.length === 0 || layer < -1) return;
    const shape = shapeOf(layer);
    const kind = layer < 0 ? "input" : model.layers[layer].spec.kind;
    let size = columnKindOf(kind, shape) === "maps" ? Math.min(16, pageSize) : pageSize;
    const split = layer >= 0 && splits(channelsOf(shape), towers) ? model.layers[layer] : undefined;
    if (split) {
      size = Math.max(1, Math.floor(size / towers));
      starts.set(layer, pageStartOf(towerOffset(split, channels[0], towers), size));
    } else {
      starts.set(layer, pageStartOf(channels[0], size));
    }
  };
  show(focus.layer, [focus.channel]);
  if (focus.layer >= 0) {
    show(focus.layer - 1, feedingChannels(model.layers[focus.layer], focus.channel));
  }
  return starts;
}
