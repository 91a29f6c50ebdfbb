/**
 * Drawing of the network view: every thumbnail and unit box on one canvas (ImageData, never a node
 * per activation), and the links, bands, rings and pulse in an SVG overlay with d3.
 */
// `interrupt` is imported by name (not only used through `selection.interrupt`) so that bundlers
// keep d3-transition, whose import patches `selection.prototype.transition`: d3 declares no side effects.
import { select, type Selection } from "d3-selection";
// d3-transition also adds `selection.transition()` and `selection.interrupt()`.
import { interrupt } from "d3-transition";
import type { Trace, TraceStep } from "@convstep/engine";
import { activationScale, type ColorScale } from "./color.js";
import type { BandSpec, LinkSpec, NetworkLayout, RingSpec } from "./network-geometry.js";

/** A colour look-up table: `size` RGB triples spanning a scale's domain. */
export interface ColorLut {
  readonly domain: readonly [number, number];
  readonly rgb: Uint8ClampedArray;
  readonly size: number;
}

/** Samples a colour scale into a table (colours of 290,400 values cost 290,400 look-ups, not parses). */
export function colorLut(scale: ColorScale, size = 256): ColorLut {
  const [lo, hi] = scale.domain;
  const rgb = new Uint8ClampedArray(size * 3);
  for (let i = 0; i < size; i++) {
    const [r, g, b] = scale.rgb(lo + ((hi - lo) * i) / (size - 1));
    rgb.set([r, g, b], i * 3);
  }
  return { domain: [lo, hi], rgb, size };
}

/** The table index of a value (clamped to the domain; NaN → the middle). */
export function lutIndex(lut: ColorLut, value: number): number {
  const [lo, hi] = lut.domain;
  if (!Number.isFinite(value)) return Math.floor(lut.size / 2);
  const t = hi === lo ? 0.5 : (value - lo) / (hi - lo);
  return Math.max(0, Math.min(lut.size - 1, Math.round(t * (lut.size - 1))));
}

/**
 * RGBA pixels of map `channel` of an activation `[h, w, c]` (HWC, row-major), one pixel per
 * value: ready for `new ImageData(pixels, w, h)`.
 */
export function mapPixels(
  data: ArrayLike<number>,
  shape: readonly number[],
  channel: number,
  lut: ColorLut,
): Uint8ClampedArray<ArrayBuffer> {
  const [h, w, c] = shape;
  const out = new Uint8ClampedArray(new ArrayBuffer(h * w * 4));
  for (let p = 0; p < h * w; p++) {
    const k = lutIndex(lut, data[p * c + channel]) * 3;
    out[p * 4] = lut.rgb[k];
    out[p * 4 + 1] = lut.rgb[k + 1];
    out[p * 4 + 2] = lut.rgb[k + 2];
    out[p * 4 + 3] = 255;
  }
  return out;
}

/** The value a box shows: the unit of a vector, or a map's mean (slim columns over maps). */
export function boxValue(step: TraceStep, channel: number): number {
  if (step.shape.length !== 3) return step.data[channel];
  const [h, w] = step.shape;
  let sum = 0;
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) sum += step.valueAt(channel, y, x);
  return sum / (h * w);
}

/** Colours of the canvas (read from the element's CSS). */
export interface PaintStyle {
  /** Device pixels per CSS pixel. */
  readonly dpr: number;
  /** Total canvas height in CSS px (items and labels). */
  readonly height: number;
  /** Fill of items before a trace exists. */
  readonly empty: string;
  /** Hairline around items. */
  readonly border: string;
  /**
   * Layers whose outputs are distances (LeNet-1998's RBF): their boxes are coloured by
   * softmax(−d), as cs-prediction's bars, so the winner reads the same as a softmax output's.
   */
  readonly distances?: ReadonlySet<number>;
}

/** softmax(−d) of distances: the nearest gets the largest share (they sum to 1). */
export function nearness(distances: ArrayLike<number>): Float64Array {
  const d = Float64Array.from(distances);
  const min = Math.min(...d);
  const e = d.map((v) => Math.exp(-(v - min)));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / sum);
}

/** What {@link paintNetwork} drew: one entry per item, for tests and diagnostics. */
export interface PaintedItem {
  readonly layer: number;
  readonly channel: number;
  readonly as: "map" | "box" | "empty";
}

/**
 * Paints every item of the layout: maps as heat-map thumbnails (nearest-neighbour scaled), boxes
 * in their unit's colour, one colour scale per layer (its min and max), hairline borders.
 */
export function paintNetwork(
  canvas: HTMLCanvasElement,
  layout: NetworkLayout,
  trace: Trace | null,
  style: PaintStyle,
): PaintedItem[] {
  const { dpr } = style;
  const w = Math.ceil(layout.width * dpr);
  const h = Math.ceil(style.height * dpr);
  if (canvas.width !== w) canvas.width = w;
  if (canvas.height !== h) canvas.height = h;
  const ctx = canvas.getContext("2d");
  if (!ctx) return [];
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, layout.width, style.height);
  ctx.imageSmoothingEnabled = false;
  const painted: PaintedItem[] = [];
  const scratch = document.createElement("canvas");
  const sctx = scratch.getContext("2d");
  for (const column of layout.columns) {
    const step = trace ? (column.layer < 0 ? trace.input : trace.layers[column.layer]) : undefined;
    const near = step && style.distances?.has(column.layer) ? nearness(step.data) : undefined;
    const lut = step
      ? colorLut(near ? activationScale(0, 1) : activationScale(step.stats.min, step.stats.max))
      : undefined;
    for (const item of column.items) {
      if (!step || !lut) {
        ctx.fillStyle = style.empty;
        ctx.fillRect(item.x, item.y, item.width, item.height);
        painted.push({ layer: column.layer, channel: item.channel, as: "empty" });
      } else if (column.kind === "maps" && sctx) {
        const [mh, mw] = step.shape;
        scratch.width = mw;
        scratch.height = mh;
        sctx.putImageData(
          new ImageData(mapPixels(step.data, step.shape, item.channel, lut), mw, mh),
          0,
          0,
        );
        ctx.drawImage(scratch, item.x, item.y, item.width, item.height);
        painted.push({ layer: column.layer, channel: item.channel, as: "map" });
      } else {
        const k = lutIndex(lut, near ? near[item.channel] : boxValue(step, item.channel)) * 3;
        ctx.fillStyle = `rgb(${lut.rgb[k]},${lut.rgb[k + 1]},${lut.rgb[k + 2]})`;
        ctx.fillRect(item.x, item.y, item.width, item.height);
        painted.push({ layer: column.layer, channel: item.channel, as: "box" });
      }
      ctx.strokeStyle = style.border;
      ctx.lineWidth = 1;
      ctx.strokeRect(item.x - 0.5, item.y - 0.5, item.width + 1, item.height + 1);
    }
  }
  return painted;
}

/** What the overlay shows. */
export interface OverlaySpec {
  readonly bands: readonly BandSpec[];
  readonly links: readonly LinkSpec[];
  readonly rings: readonly RingSpec[];
  /** The layer the links flow into (its band is emphasised). */
  readonly focusLayer: number;
  /** Send a pulse along the links (the cursor just arrived in the layer). */
  readonly pulse: boolean;
  /** No tween: the links are lit instead (prefers-reduced-motion). */
  readonly reducedMotion: boolean;
  /** Pulse duration, ms. */
  readonly duration?: number;
}

/** The SVG path of a link: a horizontal S-curve. */
export function linkPath(l: { x1: number; y1: number; x2: number; y2: number }): string {
  const mx = (l.x1 + l.x2) / 2;
  return `M${l.x1},${l.y1}C${mx},${l.y1} ${mx},${l.y2} ${l.x2},${l.y2}`;
}

/**
 * The point at parameter `t` (0–1) of a link's S-curve (the cubic Bézier of {@link linkPath}),
 * computed rather than asked of the SVG path: `getPointAtLength` forces a layout on every frame.
 */
export function linkPoint(
  l: { x1: number; y1: number; x2: number; y2: number },
  t: number,
): { x: number; y: number } {
  const u = 1 - t;
  // Control points (mx, y1) and (mx, y2): x = u³x1 + 3u²t·mx + 3ut²·mx + t³x2.
  const mx = (l.x1 + l.x2) / 2;
  const a = u * u * u;
  const b = 3 * u * u * t;
  const c = 3 * u * t * t;
  const d = t * t * t;
  return { x: a * l.x1 + (b + c) * mx + d * l.x2, y: (a + b) * l.y1 + (c + d) * l.y2 };
}

/** The SVG path of a band: two S-curves joined into a ribbon. */
export function bandPath(b: BandSpec): string {
  const mx = (b.x1 + b.x2) / 2;
  return (
    `M${b.x1},${b.top1}C${mx},${b.top1} ${mx},${b.top2} ${b.x2},${b.top2}` +
    `L${b.x2},${b.bottom2}C${mx},${b.bottom2} ${mx},${b.bottom1} ${b.x1},${b.bottom1}Z`
  );
}

function layer(svg: SVGSVGElement, name: string): Selection<SVGGElement, unknown, null, undefined> {
  const root = select(svg);
  const existing = root.select<SVGGElement>(`g.${name}`);
  return existing.empty() ? root.append("g").attr("class", name) : existing;
}

/**
 * Draws the overlay: bands between columns, one path per link (keyed, so unchanged links stay),
 * rings around the focused item and its sources, and, when `pulse` is set, a dot travelling
 * along each link into the focused item (or, with reduced motion, the links lit at once).
 */
export function drawOverlay(svg: SVGSVGElement, spec: OverlaySpec): void {
  layer(svg, "bands")
    .selectAll<SVGPathElement, BandSpec>("path.band")
    .data(spec.bands, (b) => b.key ?? String(b.layer))
    .join("path")
    .attr("class", (b) =>
      ["band", b.layer === spec.focusLayer ? "into" : "", b.cross ? "cross" : ""]
        .filter(Boolean)
        .join(" "),
    )
    .attr("d", bandPath);
  const links = layer(svg, "links")
    .selectAll<SVGPathElement, LinkSpec>("path.link")
    .data(spec.links, (l) => l.key)
    .join("path")
    .attr("class", (l) => (l.from < 0 ? "link more" : "link"))
    .attr("d", linkPath);
  links.classed("lit", spec.pulse && spec.reducedMotion);
  layer(svg, "rings")
    .selectAll<SVGRectElement, RingSpec>("rect.ring")
    .data(spec.rings, (r) => r.key)
    .join("rect")
    .attr("class", (r) => `ring ${r.role}`)
    .attr("x", (r) => r.x - 2.5)
    .attr("y", (r) => r.y - 2.5)
    .attr("width", (r) => r.width + 5)
    .attr("height", (r) => r.height + 5)
    .attr("rx", 3);
  const pulses = layer(svg, "pulses");
  pulses
    .selectAll<SVGCircleElement, unknown>("circle")
    .each(function () {
      interrupt(this);
    })
    .remove();
  if (!spec.pulse || spec.reducedMotion) return;
  const duration = spec.duration ?? 650;
  links.each((l) => {
    const start = { x: l.x1, y: l.y1 };
    pulses
      .append("circle")
      .attr("class", "pulse")
      .attr("r", 3.5)
      .attr("cx", start.x)
      .attr("cy", start.y)
      .transition()
      .delay(l.from < 0 ? 0 : (l.from % 8) * 18)
      .duration(duration)
      .attrTween("transform", () => (t: number) => {
        const p = linkPoint(l, t);
        return `translate(${p.x - start.x},${p.y - start.y})`;
      })
      .transition()
      .duration(180)
      .style("opacity", 0)
      .remove();
  });
}
