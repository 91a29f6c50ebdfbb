/** `params()` and `counts()` of layers that own no weights. */
import type { LayerCounts, ParamSpec } from "./layer.js";

/** `params()` of a layer without weights: none. */
export function noParams(): ParamSpec[] {
  return [];
}

/** `counts()` of a layer without weights that multiplies nothing and has no links to count. */
export function zeroCounts(): LayerCounts {
  return { trainable: 0, nonTrainable: 0, connections: 0, macs: 0 };
}
