/** The legend of a grid's colour scale as a template: a gradient bar with min, 0 and max ticks. */
import { html, nothing } from "lit";
import { formatValue, legendModel } from "../draw/legend.js";
import { styleProps } from "../shared/style-props.js";
import { type Grid, legendRange } from "./grid.js";
import { legendCaption, legendLabel } from "./words.js";

/** The legend of `grid` (with per-map scales: of map `channel`). */
export function renderLegend(grid: Grid, channel: number | undefined) {
  const { scale, min, max, map } = legendRange(grid, channel);
  const model = legendModel(scale, min, max);
  return html`<div
    class="legend"
    part="legend"
    role="img"
    aria-label=${legendLabel(formatValue(min), formatValue(max))}
  >
    ${map === undefined ? nothing : html`<span class="caption">${legendCaption(map)}</span>`}
    <div class="bar" ${styleProps({ "background-image": model.gradient })}></div>
    <div class="ticks">
      ${model.ticks.map(
        (t, i) =>
          html`<span
            class="tick ${i === 0 ? "start" : t.offset === 1 ? "end" : ""}"
            ${styleProps({ left: `${(t.offset * 100).toFixed(2)}%` })}
            >${t.labelled ? t.label : ""}</span
          >`,
      )}
    </div>
  </div>`;
}
