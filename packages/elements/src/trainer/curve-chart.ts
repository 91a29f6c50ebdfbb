/**
 * Line charts of training curves in an `<svg>`, drawn with d3: axes, one path per series, an
 * optional horizontal threshold line. Colours and dashes come from CSS classes (no inline styles).
 */
import { axisBottom, axisLeft } from "d3-axis";
import { scaleLinear } from "d3-scale";
import { select } from "d3-selection";
import { line } from "d3-shape";

/** One line of a chart. */
export interface CurveSeries {
  /** Legend text. */
  readonly label: string;
  /** CSS class of the path (colour, dash). */
  readonly className: string;
  readonly points: readonly (readonly [number, number])[];
  /** Draws a dot on every point (sparse series such as one point per epoch). */
  readonly dots?: boolean;
}

/** What the axes show. */
export interface ChartOptions {
  readonly width: number;
  readonly height: number;
  readonly xMax: number;
  readonly yMax: number;
  readonly xLabel: string;
  readonly yLabel: string;
  /** Formats the y ticks (default: as numbers). */
  readonly yFormat?: (value: number) => string;
  /** A horizontal line at this y, with its label. */
  readonly threshold?: { readonly y: number; readonly label: string };
}

const MARGIN = { top: 10, right: 12, bottom: 36, left: 46 };

/** The width to draw `svg` at: its laid-out width (so that text stays 11 px), else `fallback`. */
export function chartWidth(svg: SVGSVGElement, fallback: number): number {
  const width = Math.round(svg.getBoundingClientRect().width);
  return width >= 200 ? width : fallback;
}

/** Draws (or redraws) the chart into `svg`. Cheap enough to call once a frame. */
export function drawCurves(
  svg: SVGSVGElement,
  series: readonly CurveSeries[],
  options: ChartOptions,
): void {
  const { width, height } = options;
  const x = scaleLinear()
    .domain([0, Math.max(options.xMax, 1e-9)])
    .range([MARGIN.left, width - MARGIN.right]);
  const y = scaleLinear()
    .domain([0, Math.max(options.yMax, 1e-9)])
    .range([height - MARGIN.bottom, MARGIN.top]);
  const root = select(svg).attr("viewBox", `0 0 ${width} ${height}`);
  root
    .selectAll<SVGGElement, null>("g.x-axis")
    .data([null])
    .join("g")
    .attr("class", "axis x-axis")
    .attr("transform", `translate(0,${height - MARGIN.bottom})`)
    .call(axisBottom(x).ticks(Math.max(2, Math.floor(width / 80))));
  root
    .selectAll<SVGGElement, null>("g.y-axis")
    .data([null])
    .join("g")
    .attr("class", "axis y-axis")
    .attr("transform", `translate(${MARGIN.left},0)`)
    .call(
      axisLeft(y)
        .ticks(5)
        .tickFormat((v) => (options.yFormat ? options.yFormat(Number(v)) : String(v))),
    );
  root
    .selectAll("text.x-label")
    .data([options.xLabel])
    .join("text")
    .attr("class", "axis-label x-label")
    .attr("x", (MARGIN.left + width - MARGIN.right) / 2)
    .attr("y", height - 4)
    .attr("text-anchor", "middle")
    .text((d) => d);
  root
    .selectAll("text.y-label")
    .data([options.yLabel])
    .join("text")
    .attr("class", "axis-label y-label")
    .attr("transform", `translate(12,${(MARGIN.top + height - MARGIN.bottom) / 2}) rotate(-90)`)
    .attr("text-anchor", "middle")
    .text((d) => d);
  const threshold = options.threshold ? [options.threshold] : [];
  root
    .selectAll("line.threshold")
    .data(threshold)
    .join("line")
    .attr("class", "threshold")
    .attr("x1", MARGIN.left)
    .attr("x2", width - MARGIN.right)
    .attr("y1", (d) => y(d.y))
    .attr("y2", (d) => y(d.y));
  root
    .selectAll("text.threshold-label")
    .data(threshold)
    .join("text")
    .attr("class", "threshold-label")
    .attr("x", width - MARGIN.right - 4)
    .attr("y", (d) => y(d.y) - 4)
    .attr("text-anchor", "end")
    .text((d) => d.label);
  const path = line<readonly [number, number]>()
    .x((p) => x(p[0]))
    .y((p) => y(Math.min(p[1], options.yMax)));
  root
    .selectAll<SVGPathElement, CurveSeries>("path.curve")
    .data(series, (s) => s.className)
    .join("path")
    .attr("class", (s) => `curve ${s.className}`)
    .attr("fill", "none")
    .attr("d", (s) => path(s.points) ?? "");
  const dots = series.filter((s) => s.dots).flatMap((s) => s.points.map((p) => ({ s, p })));
  root
    .selectAll("circle.dot")
    .data(dots)
    .join("circle")
    .attr("class", (d) => `dot ${d.s.className}`)
    .attr("r", 3)
    .attr("cx", (d) => x(d.p[0]))
    .attr("cy", (d) => y(Math.min(d.p[1], options.yMax)));
}
