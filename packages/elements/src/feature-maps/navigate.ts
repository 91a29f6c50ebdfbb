/**
 * Keyboard navigation of a feature-map grid (pure): arrow keys move within a map (along a strip
 * of units for vectors, Up/Down by one row of cells), Page Up/Page Down or [ and ] switch maps,
 * Home/End jump to a map's first and last neuron. Moves stop at the edges.
 */
import type { GridLayout, NeuronAt } from "../draw/feature-map.js";

/** The neuron a key leads to from `n`, or null when the key does not navigate. */
export function navigate(layout: GridLayout, n: NeuronAt, key: string): NeuronAt | null {
  let { channel, y, x } = n;
  const units = layout.kind === "units";
  switch (key) {
    case "ArrowLeft":
      if (units) channel -= 1;
      else x -= 1;
      break;
    case "ArrowRight":
      if (units) channel += 1;
      else x += 1;
      break;
    case "ArrowUp":
      if (units) channel -= layout.columns;
      else y -= 1;
      break;
    case "ArrowDown":
      if (units) channel += layout.columns;
      else y += 1;
      break;
    case "PageUp":
    case "[":
      channel -= 1;
      break;
    case "PageDown":
    case "]":
      channel += 1;
      break;
    case "Home":
      if (units) channel = 0;
      else y = x = 0;
      break;
    case "End":
      if (units) channel = layout.count - 1;
      else {
        y = layout.mapHeight - 1;
        x = layout.mapWidth - 1;
      }
      break;
    default:
      return null;
  }
  const clamp = (v: number, size: number) => Math.min(size - 1, Math.max(0, v));
  return {
    channel: clamp(channel, layout.count),
    y: clamp(y, layout.mapHeight),
    x: clamp(x, layout.mapWidth),
  };
}
