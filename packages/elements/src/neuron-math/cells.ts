/**
 * The building blocks of the neuron math: a value cell that carries its full value (title and
 * `data-value`), and a small labelled grid of coloured numbers.
 */
import { html, nothing, type TemplateResult } from "lit";
import { styleProps } from "../shared/style-props.js";
import type { CellPalette } from "./cell-color.js";
import { cellChars, formatFixed, formatValue, fullValue } from "./format.js";

/** A number in a ledger or list: `data-role` names it, `data-value` and the title hold it in full. */
export function valueCell(role: string, value: number, digits: number): TemplateResult {
  return html`<td
    class="num"
    data-role=${role}
    data-value=${String(value)}
    title=${fullValue(value)}
  >
    ${formatValue(value, digits)}
  </td>`;
}

/** The same as an inline span. */
export function valueSpan(role: string, value: number, digits: number): TemplateResult {
  return html`<span
    class="num"
    data-role=${role}
    data-value=${String(value)}
    title=${fullValue(value)}
    >${formatValue(value, digits)}</span
  >`;
}

/** Options of a grid. */
export interface GridOptions {
  readonly palette: CellPalette;
  readonly decimals: number;
  /** Accessible name of the grid (it is announced as one image). */
  readonly label: string;
  /** `data-grid` of the grid: `patch`, `kernel`, `products`, `window`. */
  readonly kind: string;
  readonly padded?: readonly (readonly boolean[])[];
  /** A cell to ring (the max of a max-pool). */
  readonly mark?: readonly [number, number];
  /** Title of a padded cell. */
  readonly padTitle?: string;
  /** Colour only, no numbers (kernels larger than 7×7). */
  readonly compact?: boolean;
  /** Characters a cell must fit (default: the widest of this grid); grids stacked in a column share it. */
  readonly chars?: number;
}

/** A `rows × cols` grid of numbers, coloured by value; padded cells show a greyed "0". */
export function grid(values: readonly (readonly number[])[], o: GridOptions): TemplateResult {
  const cols = values[0]?.length ?? 0;
  // Wide enough for the widest number (the minus sign is a little wider than a digit).
  const width = o.compact
    ? "0.8rem"
    : `calc(${o.chars ?? cellChars(values.flat(), o.decimals)}ch + 0.75em)`;
  return html`<div
    class=${o.compact ? "grid compact" : "grid"}
    data-grid=${o.kind}
    role="img"
    aria-label=${o.label}
    ${styleProps({ "--cols": cols, "--cw": width })}
  >
    ${values.map((row, ky) =>
      row.map((v, kx) => {
        const padded = o.padded?.[ky]?.[kx] || Number.isNaN(v);
        const mark = o.mark && o.mark[0] === ky && o.mark[1] === kx;
        if (padded) {
          return html`<span class="cell pad" data-padded title=${o.padTitle ?? "0"}
            >${o.compact ? nothing : Number.isNaN(v) ? "·" : "0"}</span
          >`;
        }
        return html`<span
          class=${`cell ${o.palette.className(v)}${mark ? " mark" : ""}`}
          data-value=${String(v)}
          title=${fullValue(v)}
          >${o.compact ? nothing : formatFixed(v, o.decimals)}</span
        >`;
      }),
    )}
  </div>`;
}
