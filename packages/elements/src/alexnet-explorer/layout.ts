/**
 * Where the explorer's blocks go (pure; tested alone): CSS grid template areas built from the
 * blocks actually shown, so that hiding one never leaves a hole. Wide screens put a narrow column
 * (input, the step's idea, the prediction) beside a wide one (the sweep, the feature maps); the
 * network, the player, the neuron arithmetic and the summary take the full width. Narrow screens
 * stack every block in reading order.
 *
 *     input       sweep
 *     network     network
 *     player      player
 *     idea        maps
 *     prediction  maps
 *     math        math
 *     summary     summary
 */

/** The blocks, in reading order (the DOM's, and the single column's). */
export const ALEXNET_PARTS = [
  "input",
  "sweep",
  "network",
  "player",
  "idea",
  "maps",
  "prediction",
  "math",
  "summary",
] as const;
export type AlexnetPart = (typeof ALEXNET_PARTS)[number];

/** The parts named in a `hide` attribute value (space-separated, case-insensitive). */
export function shownParts(hide: string | null | undefined): AlexnetPart[] {
  const hidden = new Set((hide ?? "").toLowerCase().split(/\s+/).filter(Boolean));
  return ALEXNET_PARTS.filter((p) => !hidden.has(p));
}

/** Rows of two cells for the wide layout. */
export function wideRows(shown: Iterable<string>): string[][] {
  const set = new Set(shown);
  const rows: string[][] = [];
  const pair = (a: AlexnetPart, b: AlexnetPart) => {
    if (set.has(a) && set.has(b)) rows.push([a, b]);
    else if (set.has(a)) rows.push([a, a]);
    else if (set.has(b)) rows.push([b, b]);
  };
  const full = (a: AlexnetPart) => {
    if (set.has(a)) rows.push([a, a]);
  };
  pair("input", "sweep");
  full("network");
  full("player");
  const left = (["idea", "prediction"] as const).filter((p) => set.has(p));
  if (set.has("maps") && left.length > 0) for (const l of left) rows.push([l, "maps"]);
  else if (set.has("maps")) rows.push(["maps", "maps"]);
  else for (const l of left) rows.push([l, l]);
  full("math");
  full("summary");
  return rows;
}

/** The `grid-template-areas` value: one column (`1`) or the wide layout (`2`). */
export function templateAreas(shown: Iterable<string>, columns: 1 | 2): string {
  const list = [...shown];
  const rows = columns === 1 ? list.map((p) => [p]) : wideRows(list);
  return rows.length === 0 ? "none" : rows.map((r) => `"${r.join(" ")}"`).join(" ");
}
