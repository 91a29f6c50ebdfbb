/**
 * The network view as a standalone SVG figure (pure: no DOM, no Lit; the CLI writes the same
 * figure). The same layout as `cs-network`: one column per layer, maps as heat-map thumbnails
 * (one rectangle per run of equal colour, at most {@link MAX_CELLS} cells a side and no more cells
 * than the thumbnail has pixels), vectors as unit
 * boxes, the bands between columns, the links into the focused map and the rings around it and
 * its sources, and under each column its name, shape and parameter count.
 */
import type { Shape } from "@convstep/engine";
import { activationScale } from "../color.js";
import { colorLut, linkPath, bandPath, lutIndex, type ColorLut } from "../network.js";
import {
  columnOf,
  layoutNetwork,
  shapeLabel,
  type ColumnLayout,
  type LayoutModel,
  type NetworkLayout,
} from "../../network/layout.js";
import {
  bandsOf,
  feedingChannels,
  linksInto,
  ringsFor,
  type BandSpec,
  type FeedLayer,
  type LinkSpec,
  type RingSpec,
} from "../../network/links.js";
import { focusPageStarts } from "../../network/focus-pages.js";
import { towerBandsOf, towersOf, type TowerLayer } from "../../network/towers.js";
import { escapeXml, num, svgDocument, text } from "./document.js";
import { formatCount } from "../../shared/format-number.js";

/** The part of a trace step the figure reads (the engine's `TraceStep` fits). */
export interface FigureStep {
  readonly data: ArrayLike<number>;
  readonly shape: Shape;
  readonly stats: { readonly min: number; readonly max: number };
}

/** The part of a trace the figure reads (the engine's `Trace` fits). */
export interface FigureTrace {
  readonly input: FigureStep;
  readonly layers: readonly FigureStep[];
}

/** The part of a compiled model the figure reads (a `CompiledModel` fits). */
export interface FigureModel extends LayoutModel {
  readonly layers: readonly (LayoutModel["layers"][number] & FeedLayer & TowerLayer)[];
}

/** The words under the columns (the element passes its localized ones). */
export interface NetworkLabels {
  /** The column's title ("Input", "C3"). */
  title(column: ColumnLayout): string;
  /** Its shape ("16@10×10"). */
  shape(column: ColumnLayout): string;
  /** Its parameter count ("1,516 params"); empty for the input. */
  params(column: ColumnLayout): string;
  /** The count of items off the page ("+ 4,064 more"). */
  more(hidden: number): string;
}

/** The figure's words are English: so are its numbers. */
const count = { format: (n: number) => formatCount(n, "en") };

/** English words, for the CLI. */
export const ENGLISH_NETWORK_LABELS: NetworkLabels = {
  title: (c) => (c.layer < 0 ? "Input" : c.name),
  shape: (c) => shapeLabel(c.shape),
  params: (c) =>
    c.layer < 0 ? "" : c.params === 0 ? "no params" : `${count.format(c.params)} params`,
  more: (hidden) => `+ ${count.format(hidden)} more`,
};

/** Most cells a thumbnail draws a side (a 227×227 input is sampled down to this). */
export const MAX_CELLS = 64;

/** What {@link networkSVG} draws. */
export interface NetworkSvgOptions {
  readonly model: FigureModel;
  /** The activations (null: empty items). */
  readonly trace: FigureTrace | null;
  /** The focused layer (−1 the input) and channel: its links and rings. */
  readonly focus: { readonly layer: number; readonly channel: number };
  /** The layout to draw (the element passes its own: the same picture); default: laid out in `width`. */
  readonly layout?: NetworkLayout;
  /** Width to lay out in when no layout is given, px (default 960). */
  readonly width?: number;
  /** Draw towers (AlexNet's two GPUs) when the model has groups (default false). */
  readonly towers?: boolean;
  /** Most unit boxes a vector column shows when no layout is given (default 32, as `cs-network`). */
  readonly pageSize?: number;
  /** Draw the links into the focused item (default true). */
  readonly showLinks?: boolean;
  readonly labels?: NetworkLabels;
  /** `<title>` of the file. */
  readonly title: string;
  /** The caption line: model, layer, position. */
  readonly caption: string;
}

const STYLE = `
.band { fill: #59636e; fill-opacity: 0.05; }
.band.into { fill: #0969da; fill-opacity: 0.07; }
.band.cross { fill: #c2410c; fill-opacity: 0.14; }
.item { stroke: #1f2328; stroke-opacity: 0.16; stroke-width: 1; }
.empty { fill: #e4e8ec; }
.link { fill: none; stroke: #0969da; stroke-width: 1.4; stroke-opacity: 0.75; }
.link.more { stroke-dasharray: 4 3; }
.ring { fill: none; stroke-width: 2; }
.ring.focus { stroke: #0969da; }
.ring.source { stroke: #0969da; stroke-opacity: 0.55; }
.selected { fill: #0969da; fill-opacity: 0.06; }
.name { font-size: 13.5px; font-weight: 650; text-anchor: middle; }
.name.focus { fill: #0969da; }
.shape { font-size: 12px; text-anchor: middle; }
.params { font-size: 11px; text-anchor: middle; fill: #59636e; }
.more { font-size: 11px; text-anchor: middle; fill: #59636e; }
`;

const PAGER_HEIGHT = 46;
const LABEL_HEIGHT = 74;

/** A rough width of `text` at `size` px in a sans-serif face: CJK glyphs are square, others ≈ 0.58 em. */
export function textWidth(text: string, size: number): number {
  let w = 0;
  for (const ch of text) w += (ch.codePointAt(0) ?? 0) >= 0x1100 ? size : 0.58 * size;
  return w;
}

/**
 * A label centred at (x, y) in `width` px: one line, or two split at the space nearest the middle
 * when one would overflow (as the screen wraps "10,164 params" under a narrow column).
 */
export function wrappedLabel(
  x: number,
  y: number,
  content: string,
  width: number,
  size: number,
  cls: string,
): string {
  const spaces = [...content.matchAll(/ /g)].map((m) => m.index ?? 0);
  if (textWidth(content, size) <= width || spaces.length === 0) {
    return text(x, y, content, { class: cls });
  }
  const middle = content.length / 2;
  const at = spaces.reduce((a, b) => (Math.abs(b - middle) < Math.abs(a - middle) ? b : a));
  // The space stays (at the end of the first line): the text reads back whole.
  const lines = [content.slice(0, at + 1), content.slice(at + 1)];
  const spans = lines
    .map(
      (l, i) =>
        `<tspan x="${num(x)}" dy="${i === 0 ? 0 : num(size * 1.15)}">${escapeXml(l)}</tspan>`,
    )
    .join("");
  return `<text class="${escapeXml(cls)}" x="${num(x)}" y="${num(y)}">${spans}</text>`;
}

function hex(lut: ColorLut, value: number): string {
  const k = lutIndex(lut, value) * 3;
  const h = (v: number) => v.toString(16).padStart(2, "0");
  return `#${h(lut.rgb[k])}${h(lut.rgb[k + 1])}${h(lut.rgb[k + 2])}`;
}

/** The mean of map `channel` of an `[h, w, c]` activation, or unit `channel` of a vector. */
export function itemValue(step: FigureStep, channel: number): number {
  if (step.shape.length !== 3) return step.data[channel];
  const [h, w, c] = step.shape;
  let sum = 0;
  for (let p = 0; p < h * w; p++) sum += step.data[p * c + channel];
  return sum / (h * w);
}

/**
 * A thumbnail: map `channel` of `step` in the box, nearest-neighbour sampled to at most
 * {@link MAX_CELLS} cells a side (and one per pixel of the box), one `<rect>` per horizontal run of equal colour.
 */
export function thumbnail(
  step: FigureStep,
  channel: number,
  lut: ColorLut,
  box: { x: number; y: number; width: number; height: number },
): string {
  const [h, w, c] = step.shape;
  // No more cells than the thumbnail has pixels on screen (nor than MAX_CELLS): AlexNet's 55×55
  // maps in 12-px thumbnails draw 12×12 cells, as the canvas does.
  const rows = Math.max(1, Math.min(h, MAX_CELLS, Math.ceil(box.height)));
  const cols = Math.max(1, Math.min(w, MAX_CELLS, Math.ceil(box.width)));
  const cw = box.width / cols;
  const ch = box.height / rows;
  const out: string[] = [];
  for (let r = 0; r < rows; r++) {
    const sy = Math.floor(((r + 0.5) * h) / rows);
    let runStart = 0;
    let runColor = "";
    for (let k = 0; k <= cols; k++) {
      let color = "";
      if (k < cols) {
        const sx = Math.floor(((k + 0.5) * w) / cols);
        color = hex(lut, step.data[(sy * w + sx) * c + channel]);
      }
      if (color !== runColor) {
        if (runColor) {
          // A hair wider than the run, so that no seam shows between runs.
          out.push(
            `<rect x="${num(box.x + runStart * cw)}" y="${num(box.y + r * ch)}" width="${num((k - runStart) * cw + 0.3)}" height="${num(ch + 0.3)}" fill="${runColor}"/>`,
          );
        }
        runStart = k;
        runColor = color;
      }
    }
  }
  return out.join("");
}

function columnBody(
  column: ColumnLayout,
  step: FigureStep | undefined,
  lut: ColorLut | undefined,
): string {
  const parts: string[] = [];
  for (const item of column.items) {
    if (!step || !lut) {
      parts.push(
        `<rect class="item empty" x="${num(item.x)}" y="${num(item.y)}" width="${num(item.width)}" height="${num(item.height)}"/>`,
      );
      continue;
    }
    if (column.kind === "maps") {
      parts.push(`<g>${thumbnail(step, item.channel, lut, item)}</g>`);
      parts.push(
        `<rect class="item" fill="none" x="${num(item.x - 0.5)}" y="${num(item.y - 0.5)}" width="${num(item.width + 1)}" height="${num(item.height + 1)}"/>`,
      );
    } else {
      parts.push(
        `<rect class="item" x="${num(item.x)}" y="${num(item.y)}" width="${num(item.width)}" height="${num(item.height)}" fill="${hex(lut, itemValue(step, item.channel))}"/>`,
      );
    }
  }
  return parts.join("\n");
}

/** The focus's links, rings and bands, as the element draws them. */
export function overlayOf(
  model: FigureModel,
  layout: NetworkLayout,
  focus: { layer: number; channel: number },
  options: { towers: number; showLinks: boolean },
): { bands: BandSpec[]; links: LinkSpec[]; rings: RingSpec[] } {
  const bands = options.towers > 1 ? towerBandsOf(layout, model.layers) : bandsOf(layout);
  const links =
    options.showLinks && focus.layer >= 0
      ? linksInto(
          layout,
          focus.layer,
          focus.channel,
          feedingChannels(model.layers[focus.layer], focus.channel),
        )
      : [];
  return { bands, links, rings: ringsFor(layout, focus.layer, focus.channel, links) };
}

/** The network as a standalone SVG file (see the module's comment). */
export function networkSVG(o: NetworkSvgOptions): string {
  const labels = o.labels ?? ENGLISH_NETWORK_LABELS;
  const towers = o.towers ? towersOf(o.model.layers) : 1;
  const layout =
    o.layout ??
    layoutNetwork(o.model, o.width ?? 960, {
      height: 440,
      margin: 6,
      towers,
      pageSize: o.pageSize ?? 32,
      pageStarts: focusPageStarts(o.model, o.focus, { pageSize: o.pageSize ?? 32, towers }),
    });
  const paged = layout.columns.some((c) => c.hidden > 0);
  const labelTop = layout.height + (paged ? PAGER_HEIGHT : 10);
  const height = labelTop + LABEL_HEIGHT;
  const { bands, links, rings } = overlayOf(o.model, layout, o.focus, {
    towers,
    showLinks: o.showLinks ?? true,
  });
  const body: string[] = [];
  const focused = columnOf(layout, o.focus.layer);
  if (focused) {
    body.push(
      `<rect class="selected" x="${num(focused.x)}" y="0" width="${num(focused.width)}" height="${num(height)}" rx="6"/>`,
    );
  }
  body.push(
    `<g class="bands">${bands.map((b) => `<path class="band${b.layer === o.focus.layer ? " into" : ""}${b.cross ? " cross" : ""}" d="${bandPath(b)}"/>`).join("")}</g>`,
  );
  for (const column of layout.columns) {
    const step = o.trace
      ? column.layer < 0
        ? o.trace.input
        : o.trace.layers[column.layer]
      : undefined;
    const lut = step ? colorLut(activationScale(step.stats.min, step.stats.max)) : undefined;
    body.push(`<g class="column" data-layer="${escapeXml(column.name)}">`);
    body.push(columnBody(column, step, lut));
    const cx = column.x + column.width / 2;
    if (column.hidden > 0) {
      const last = column.items[column.items.length - 1];
      const y = last ? last.y + last.height + 18 : layout.height + 18;
      body.push(wrappedLabel(cx, y, labels.more(column.hidden), column.width - 2, 11, "more"));
    }
    const focus = column.layer === o.focus.layer ? " focus" : "";
    body.push(text(cx, labelTop + 15, labels.title(column), { class: `name${focus}` }));
    body.push(text(cx, labelTop + 32, labels.shape(column), { class: "shape" }));
    const params = labels.params(column);
    if (params) body.push(wrappedLabel(cx, labelTop + 48, params, column.width - 2, 11, "params"));
    body.push(`</g>`);
  }
  body.push(
    `<g class="links">${links.map((l) => `<path class="link${l.from < 0 ? " more" : ""}" d="${linkPath(l)}"/>`).join("")}</g>`,
  );
  body.push(
    `<g class="rings">${rings.map((r) => `<rect class="ring ${r.role}" x="${num(r.x - 2.5)}" y="${num(r.y - 2.5)}" width="${num(r.width + 5)}" height="${num(r.height + 5)}" rx="3"/>`).join("")}</g>`,
  );
  return svgDocument({
    width: layout.width,
    height,
    title: o.title,
    caption: o.caption,
    style: STYLE,
    body: body.join("\n"),
  });
}
