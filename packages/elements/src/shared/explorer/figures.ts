/**
 * An explorer's figures: the SVG or PNG of one of its blocks (the network, the arithmetic, the
 * feature maps), found in its shadow root, and the download the export menu starts.
 */
import type { PngOptions } from "../../export/png.js";

/** What an explorer exports. */
export type FigureKind = "network" | "arithmetic" | "maps";
export const FIGURE_KINDS: readonly FigureKind[] = ["network", "arithmetic", "maps"];

/** PNG options of an explorer: the block too (default the feature maps). */
export interface ExplorerPngOptions extends PngOptions {
  readonly what?: FigureKind;
}

interface Exportable extends Element {
  toSVG(): Promise<string>;
  toPNG(options?: PngOptions): Promise<Blob>;
}

const TAGS: Record<FigureKind, string> = {
  network: "cs-network",
  arithmetic: "cs-neuron-math",
  maps: "cs-feature-maps",
};

function block(root: ParentNode, what: FigureKind): Exportable {
  if (!FIGURE_KINDS.includes(what)) {
    throw new RangeError(`a figure is one of ${FIGURE_KINDS.join(", ")}, got "${String(what)}"`);
  }
  const el = root.querySelector<Exportable>(TAGS[what]);
  if (!el)
    throw new Error(`no ${TAGS[what]} on show to export (hidden, or the model is still loading)`);
  return el;
}

/** The SVG of a block. */
export async function explorerSVG(root: ParentNode, what: FigureKind = "network"): Promise<string> {
  return block(root, what).toSVG();
}

/** The PNG of a block (default the feature maps). */
export function explorerPNG(root: ParentNode, options: ExplorerPngOptions = {}): Promise<Blob> {
  const { what = "maps", ...png } = options;
  return block(root, what).toPNG(png);
}

/** Downloads a figure: `<base>-<what>.svg`, or `.png` for the feature maps. */
export async function downloadFigure(
  root: ParentNode,
  what: FigureKind,
  base: string,
): Promise<void> {
  const { download } = await import("../../export/png.js");
  if (what === "maps") {
    download(await explorerPNG(root, { what }), `${base}-${what}.png`);
  } else {
    const svg = await explorerSVG(root, what);
    download(new Blob([svg], { type: "image/svg+xml" }), `${base}-${what}.svg`);
  }
}
