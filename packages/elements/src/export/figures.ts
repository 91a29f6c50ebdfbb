/**
 * `toSVG()` and `toPNG()` of the elements, as functions of the element (its public state only),
 * so that each component only adds two one-line methods: the network and the neuron arithmetic
 * as standalone SVG (built by ../draw/svg, as the CLI builds them), the feature maps as PNG of
 * their canvases.
 */
import type { Simulator } from "@convstep/engine";
import { arithmeticSVG } from "../draw/svg/arithmetic-svg.js";
import { figureCaption, type CaptionParts } from "../draw/svg/caption.js";
import { escapeXml, svgDocument } from "../draw/svg/document.js";
import { networkSVG } from "../draw/svg/network-svg.js";
import type { NetworkFocus } from "../network/focus.js";
import type { NetworkLayout } from "../network/layout.js";
import { columnTitle, moreText, paramsText } from "../network/labels.js";
import { shapeLabel } from "../network/layout.js";
import type { NeuronExplanation } from "@convstep/engine";
import { arithmeticLabels, captionWords } from "./words.js";
import { canvasesToPNG, composite, svgToPNG, type PngOptions } from "./png.js";

export type { PngOptions } from "./png.js";

/** The model's title. */
export function modelTitle(sim: Simulator): string {
  return sim.model.spec.title ?? sim.model.spec.name;
}

function caption(sim: Simulator, parts: Omit<CaptionParts, "model" | "words">): string {
  return figureCaption({ model: modelTitle(sim), words: captionWords(), ...parts });
}

function layerName(sim: Simulator, layer: number): string {
  return layer < 0 ? columnTitle({ layer: -1 } as never) : sim.model.layers[layer].name;
}

/** What the network element exposes to its export. */
export interface NetworkLike {
  readonly simulator: Simulator | undefined;
  readonly layout: NetworkLayout | undefined;
  readonly focused: NetworkFocus | undefined;
  readonly towers: boolean;
  readonly showLinks: boolean;
}

/** The network as the element shows it: its layout, focus, links and labels. */
export function networkToSVG(el: NetworkLike): string {
  const sim = el.simulator;
  const layout = el.layout;
  const focus = el.focused;
  if (!sim || !layout || !focus) throw new Error("no network to export yet: set `simulator`");
  return networkSVG({
    model: sim.model,
    trace: sim.trace,
    layout,
    focus,
    towers: el.towers,
    showLinks: el.showLinks,
    labels: {
      title: columnTitle,
      shape: (c) => shapeLabel(c.shape),
      params: (c) => (c.layer < 0 ? "" : paramsText(c.params)),
      more: moreText,
    },
    title: modelTitle(sim),
    caption: caption(sim, { layer: layerName(sim, focus.layer), channel: focus.channel }),
  });
}

/** What the neuron-math element exposes to its export. */
export interface NeuronMathLike {
  readonly simulator: Simulator | undefined;
  readonly current: NeuronExplanation | undefined;
  readonly maxChannels: number;
}

/** The arithmetic of the neuron on show as a standalone SVG figure. */
export function neuronMathToSVG(el: NeuronMathLike): string {
  const n = el.current;
  if (!n) throw new Error("no neuron to export yet: run the network first");
  const labels = arithmeticLabels();
  const vector = n.explanation.type === "dense" || n.explanation.type === "rbf";
  const parts = {
    layer: n.layer,
    channel: n.position.channel,
    ...(vector ? {} : { y: n.position.y, x: n.position.x }),
  };
  const model = el.simulator ? modelTitle(el.simulator) : "";
  return arithmeticSVG({
    neuron: n,
    maxChannels: el.maxChannels,
    labels,
    title: labels.where(n),
    caption: model ? caption(el.simulator!, parts) : figureCaption({ model: n.layer, ...parts }),
  });
}

/** An SVG figure rasterised. */
export function svgFigureToPNG(svg: string, options?: PngOptions): Promise<Blob> {
  return svgToPNG(svg, options);
}

/** What the feature-maps element exposes to its export. */
export interface FeatureMapsLike {
  readonly simulator: Simulator | undefined;
  readonly renderRoot: HTMLElement | DocumentFragment;
  readonly layer: string | undefined;
}

function mapsCanvases(el: FeatureMapsLike): HTMLCanvasElement[] {
  return [...el.renderRoot.querySelectorAll("canvas")].filter((c) => c.getClientRects().length > 0);
}

function mapsCaption(el: FeatureMapsLike): string {
  const sim = el.simulator;
  if (!sim) return "";
  const n = sim.cursor.neuron;
  const shown = el.layer ?? layerName(sim, n.layer);
  const same = shown === layerName(sim, n.layer);
  return caption(
    sim,
    same ? { layer: shown, channel: n.channel, y: n.y, x: n.x } : { layer: shown },
  );
}

/** The feature maps' canvases (the layer, its overlay, the layer below when shown) as a PNG. */
export function featureMapsToPNG(el: FeatureMapsLike, options?: PngOptions): Promise<Blob> {
  return canvasesToPNG(mapsCanvases(el), mapsCaption(el), options);
}

/** The feature maps as an SVG file: their picture (a PNG inside, at 2×) and the caption. */
export function featureMapsToSVG(el: FeatureMapsLike): string {
  const { canvas, width, height } = composite(mapsCanvases(el), { scale: 2 }, false);
  const href = canvas.toDataURL("image/png");
  return svgDocument({
    width,
    height,
    title: mapsCaption(el),
    caption: mapsCaption(el),
    body: `<image x="0" y="0" width="${width}" height="${height}" href="${escapeXml(href)}" preserveAspectRatio="none" image-rendering="pixelated"/>`,
  });
}
