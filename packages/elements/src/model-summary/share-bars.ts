/**
 * Draws the "where the parameters live" chart: one horizontal bar per layer, labelled with the
 * layer's name and its share, over light percentage gridlines. Data, an `<svg>` and sizes in;
 * SVG out (a few dozen nodes: one group per layer, never per value).
 */
import { easeCubicOut } from "d3-ease";
import { scaleLinear } from "d3-scale";
import { select } from "d3-selection";
import { timer, type Timer } from "d3-timer";
import { formatShare, type ShareBar } from "./shares.js";

/** Options of {@link drawShareBars}. */
export interface ShareBarsOptions {
  /** Width of the chart in px. */
  readonly width: number;
  /** Height of one row in px. Default 22. */
  readonly rowHeight?: number;
  /** Width of the layer-name column in px. Default 64. */
  readonly labelWidth?: number;
  /** The layer to emphasise, if any. */
  readonly highlight?: string | undefined;
  /** Jump to the new lengths instead of tweening them. */
  readonly reducedMotion?: boolean;
  /** The tooltip (`<title>`) of a bar. */
  readonly describe: (bar: ShareBar) => string;
}

/** The geometry a chart was drawn with (for tests and for sizing the host). */
export interface ShareBarsLayout {
  readonly height: number;
  /** The share that the full bar width stands for (the largest share, rounded up nicely). */
  readonly domainMax: number;
  /** Bar lengths in px, in bar order. */
  readonly lengths: readonly number[];
}

const AXIS = 20;
const VALUE_ROOM = 52;

/** Draws (or redraws, tweening the lengths) the bars into `svg`. */
export function drawShareBars(
  svg: SVGSVGElement,
  bars: readonly ShareBar[],
  options: ShareBarsOptions,
): ShareBarsLayout {
  const rowHeight = options.rowHeight ?? 22;
  const labelWidth = options.labelWidth ?? 64;
  const width = Math.max(options.width, labelWidth + VALUE_ROOM + 40);
  const height = AXIS + bars.length * rowHeight + 4;
  const maxShare = Math.max(0, ...bars.map((b) => b.share));
  const x = scaleLinear()
    .domain([0, maxShare > 0 ? maxShare : 1])
    .range([0, width - labelWidth - VALUE_ROOM])
    .nice(5);
  const duration = options.reducedMotion ? 0 : 450;

  const root = select(svg)
    .attr("width", width)
    .attr("height", height)
    .attr("viewBox", `0 0 ${width} ${height}`);

  // Gridlines and their percentages, along the top.
  const ticks = x.ticks(5);
  const grid = root
    .selectAll<SVGGElement, null>("g.grid")
    .data([null])
    .join("g")
    .attr("class", "grid")
    .attr("aria-hidden", "true")
    .attr("transform", `translate(${labelWidth},0)`);
  const tick = grid
    .selectAll<SVGGElement, number>("g.tick")
    .data(ticks, (d) => String(d))
    .join((enter) => {
      const g = enter.append("g").attr("class", "tick");
      g.append("line");
      g.append("text");
      return g;
    })
    .attr("transform", (d) => `translate(${x(d)},0)`);
  tick
    .select("line")
    .attr("y1", AXIS - 4)
    .attr("y2", height);
  tick
    .select("text")
    .attr("y", AXIS - 8)
    .attr("text-anchor", "middle")
    .text((d) => `${Math.round(d * 100)}%`);

  const rows = root
    .selectAll<SVGGElement, null>("g.rows")
    .data([null])
    .join("g")
    .attr("class", "rows")
    .selectAll<SVGGElement, ShareBar>("g.row")
    .data(bars, (b) => b.name)
    .join((enter) => {
      const g = enter.append("g").attr("class", "row");
      g.append("title");
      g.append("text").attr("class", "name");
      g.append("rect").attr("class", "bar").attr("width", 0);
      g.append("text").attr("class", "share");
      return g;
    })
    .attr("transform", (_, i) => `translate(0,${AXIS + i * rowHeight})`)
    .classed("highlight", (b) => b.name === options.highlight)
    .classed("empty", (b) => b.value === 0);

  rows.select("title").text((b) => options.describe(b));
  rows
    .select("text.name")
    .attr("x", labelWidth - 8)
    .attr("y", rowHeight / 2)
    .attr("dy", "0.35em")
    .attr("text-anchor", "end")
    .text((b) => b.name);

  const barHeight = Math.round(rowHeight * 0.62);
  const lengths = bars.map((b) => (b.value > 0 ? Math.max(1, x(b.share)) : 0));
  const rect = rows
    .select<SVGRectElement>("rect.bar")
    .attr("x", labelWidth)
    .attr("y", (rowHeight - barHeight) / 2)
    .attr("height", barHeight)
    .attr("rx", 2);
  const share = rows
    .select<SVGTextElement>("text.share")
    .attr("y", rowHeight / 2)
    .attr("dy", "0.35em")
    .text((b) => formatShare(b.share));
  tweenLengths(svg, rect.nodes(), share.nodes(), lengths, labelWidth, duration);
  return { height, domainMax: x.domain()[1], lengths };
}

/** The running tween of each chart, stopped when a newer draw starts. */
const tweens = new WeakMap<SVGSVGElement, Timer>();

/**
 * Moves the bars' lengths (and their labels) from where they are to `lengths`, easing out over
 * `duration` ms, or at once when `duration` is 0. (A d3 timer rather than `selection.transition`,
 * whose prototype patch bundlers may tree-shake away.)
 */
function tweenLengths(
  svg: SVGSVGElement,
  rects: readonly SVGRectElement[],
  labels: readonly SVGTextElement[],
  lengths: readonly number[],
  labelWidth: number,
  duration: number,
): void {
  tweens.get(svg)?.stop();
  const from = rects.map((r) => Number(r.getAttribute("width")) || 0);
  const set = (t: number) => {
    rects.forEach((r, i) => {
      const w = from[i] + (lengths[i] - from[i]) * t;
      r.setAttribute("width", String(w));
      labels[i]?.setAttribute("x", String(labelWidth + w + 6));
    });
  };
  if (duration <= 0) {
    set(1);
    return;
  }
  set(0);
  const running = timer((elapsed) => {
    const t = Math.min(1, elapsed / duration);
    set(easeCubicOut(t));
    if (t >= 1) {
      running.stop();
      tweens.delete(svg);
    }
  });
  tweens.set(svg, running);
}
