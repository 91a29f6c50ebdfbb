/**
 * The body of the neuron math, one function per kind of layer: the grids or lists of the inputs
 * and weights, then a ledger of the totals (Σ, bias, pre-activation, activation, output). Every
 * shown total is a cell with `data-role` and its full value.
 */
import { msg, str } from "@lit/localize";
import { html, nothing, type TemplateResult } from "lit";
import type {
  ActivationName,
  ConvExplanation,
  DenseExplanation,
  ElementwiseExplanation,
  LRNExplanation,
  PoolExplanation,
  RBFExplanation,
  Window,
} from "@convstep/engine";
import { activationFormula } from "@convstep/engine";
import { cellPalette } from "./cell-color.js";
import { grid, valueCell, valueSpan } from "./cells.js";
import { channelRows, largest, restOf } from "./channels.js";
import { cellChars, gridDecimals } from "./format.js";

/** What every section needs. */
export interface SectionContext {
  readonly digits: number;
  readonly maxChannels: number;
  /** Name of the layer feeding this one ("S2"), if known. */
  readonly inputName: string | undefined;
  /** The input window clipped to the map (null: all padding; undefined: unknown). */
  readonly clip: Window | null | undefined;
}

/** How many terms of a long sum are listed. */
const TOP_TERMS = 10;

/** Kernels with more cells than this are drawn as colour only. */
const COMPACT_CELLS = 49;

/** The activation's name for people. */
export function activationName(a: ActivationName): string {
  switch (a) {
    case "scaled-tanh":
      return msg("scaled tanh", { id: "neuron-math.act-scaled-tanh" });
    case "relu":
      return msg("ReLU", { id: "neuron-math.act-relu" });
    case "tanh":
      return msg("tanh", { id: "neuron-math.act-tanh" });
    case "sigmoid":
      return msg("sigmoid", { id: "neuron-math.act-sigmoid" });
    case "softmax":
      return msg("softmax", { id: "neuron-math.act-softmax" });
    case "linear":
      return msg("identity", { id: "neuron-math.act-linear" });
  }
}

/** "S2 map 3", or "channel 3" when the input layer is unknown. */
export function channelLabel(inputName: string | undefined, channel: number): string {
  return inputName
    ? msg(str`${inputName} map ${channel}`, { id: "neuron-math.input-map" })
    : msg(str`channel ${channel}`, { id: "neuron-math.channel" });
}

const row = (label: TemplateResult | string, cell: TemplateResult, cls = "") =>
  html`<tr class=${cls}>
    <th scope="row">${label}</th>
    ${cell}
  </tr>`;

/** The rows a pre-activation a goes through: = a, then y = f(a) (or y = a when linear). */
function activationRows(
  activation: ActivationName,
  pre: number,
  output: number,
  digits: number,
): TemplateResult {
  if (activation === "linear") {
    return row(html`= <var>y</var>`, valueCell("output", output, digits), "total");
  }
  return html`${row(
    html`= <var>a</var>
      <span class="aside">${msg("pre-activation", { id: "neuron-math.pre" })}</span>`,
    valueCell("pre", pre, digits),
  )}
  ${row(
    html`<var>y</var> = <var>f</var>(<var>a</var>)
      <span class="aside">${activationName(activation)}: ${activationFormula(activation)}</span>`,
    valueCell("output", output, digits),
    "total",
  )}`;
}

const ledger = (rows: TemplateResult) =>
  html`<table class="ledger" part="ledger">
    <caption class="visually-hidden">
      ${msg("Totals", { id: "neuron-math.totals" })}
    </caption>
    <tbody>
      ${rows}
    </tbody>
  </table>`;

/** Convolution: per linked input channel patch × kernel = products, then the totals. */
export function convSection(e: ConvExplanation, ctx: SectionContext): TemplateResult {
  const rows = channelRows(e, ctx.clip);
  const shown = rows.slice(0, Math.max(1, ctx.maxChannels));
  const hidden = rows.slice(shown.length);
  const kh = e.patch[0]?.length ?? 0;
  const kw = e.patch[0]?.[0]?.length ?? 0;
  const compact = kh * kw > COMPACT_CELLS;
  const flat = (a: readonly (readonly (readonly number[])[])[]) =>
    shown.flatMap((r) => a[r.index].flat());
  // Zero is white in every grid; weights and products (small numbers) get one digit less.
  const patchP = cellPalette(flat(e.patch), true);
  const kernelP = cellPalette(flat(e.kernel), true);
  const prodP = cellPalette(flat(e.products), true);
  const small = Math.max(2, ctx.digits - 1);
  const dp = gridDecimals(flat(e.patch), ctx.digits);
  const dk = gridDecimals(flat(e.kernel), small);
  const dpr = gridDecimals(flat(e.products), small);
  const chars = {
    patch: cellChars(flat(e.patch), dp),
    kernel: cellChars(flat(e.kernel), dk),
    products: cellChars(flat(e.products), dpr),
  };
  const anyPadded = shown.some((r) => r.padded.some((line) => line.some(Boolean)));
  const padTitle = msg("padding: outside the map, read as 0", { id: "neuron-math.pad-title" });
  const terms = e.inputChannels.length * kh * kw;
  return html`<div class="conv">
      <span></span>
      <span class="colhead">${msg("input x", { id: "neuron-math.col-input" })}</span>
      <span></span>
      <span class="colhead">${msg("kernel w", { id: "neuron-math.col-kernel" })}</span>
      <span></span>
      <span class="colhead">x · w</span>
      ${shown.map((r) => {
        const name = channelLabel(ctx.inputName, r.channel);
        return html`<span class="chlabel" data-channel=${r.channel}
            >${name}<span class="partial"
              >Σ ${valueSpan("partial", r.partial, ctx.digits)}</span
            ></span
          >
          ${grid(e.patch[r.index], {
            palette: patchP,
            decimals: dp,
            chars: chars.patch,
            kind: "patch",
            label: msg(str`input patch of ${name}`, { id: "neuron-math.patch-label" }),
            padded: r.padded,
            padTitle,
            compact,
          })}
          <span class="op" aria-hidden="true">×</span>
          ${grid(e.kernel[r.index], {
            palette: kernelP,
            decimals: dk,
            chars: chars.kernel,
            kind: "kernel",
            label: msg(str`kernel slice for ${name}`, { id: "neuron-math.kernel-label" }),
            compact,
          })}
          <span class="op" aria-hidden="true">=</span>
          ${grid(e.products[r.index], {
            palette: prodP,
            decimals: dpr,
            chars: chars.products,
            kind: "products",
            label: msg(str`products for ${name}`, { id: "neuron-math.products-label" }),
            padded: r.padded,
            padTitle,
            compact,
          })}`;
      })}
    </div>
    ${
      hidden.length > 0
        ? html`<div class="more" data-role="more">
            <p>
              ${msg(
                str`+${hidden.length} more channels (${ctx.inputName ?? "input"} map: partial sum Σ x · w)`,
                {
                  id: "neuron-math.more",
                },
              )}
            </p>
            <ol class="partials">
              ${hidden.map(
                (r) =>
                  html`<li data-channel=${r.channel}>
                    <span class="chname">${r.channel}</span>
                    ${valueSpan("partial", r.partial, ctx.digits)}
                  </li>`,
              )}
            </ol>
          </div>`
        : nothing
    }
    ${
      anyPadded
        ? html`<p class="note">
            <span class="swatch pad" aria-hidden="true"></span>
            ${msg("Hatched cells lie outside the input map: padding, read as 0.", {
              id: "neuron-math.pad-note",
            })}
          </p>`
        : nothing
    }
    ${ledger(
      html`${row(
        html`Σ <var>x</var> · <var>w</var>
          <span class="aside"
            >${
              e.inputChannels.length === 1
                ? msg(str`${terms} terms`, { id: "neuron-math.n-terms" })
                : msg(str`${terms} terms over ${e.inputChannels.length} channels`, {
                    id: "neuron-math.terms",
                  })
            }</span
          >`,
        valueCell("sum", e.sum, ctx.digits),
      )}
      ${row(html`+ <var>b</var> <span class="aside">${msg("bias", { id: "neuron-math.bias" })}</span>`, valueCell("bias", e.bias, ctx.digits))}
      ${activationRows(e.activation, e.preActivation, e.output, ctx.digits)}`,
    )}`;
}

/** Max/average pooling and LeNet's trainable subsampling. */
export function poolSection(e: PoolExplanation, ctx: SectionContext): TemplateResult {
  const flat = e.values.flat();
  const palette = cellPalette(flat, true);
  const name = channelLabel(ctx.inputName, e.channel);
  const mark: [number, number] | undefined = e.argmax
    ? [e.argmax.y - e.window.y0, e.argmax.x - e.window.x0]
    : undefined;
  const count = flat.filter(Number.isFinite).length;
  const anyPadded = count < flat.length;
  let rows: TemplateResult;
  if (e.mode === "max") {
    rows = row(
      html`<var>y</var> = max
        <span class="aside"
          >${msg(str`the largest of ${count} values`, { id: "neuron-math.max" })}</span
        >`,
      valueCell("output", e.output, ctx.digits),
      "total",
    );
  } else if (e.mode === "avg") {
    rows = row(
      html`<var>y</var> = mean
        <span class="aside"
          >${msg(str`the mean of ${count} values`, { id: "neuron-math.mean" })}</span
        >`,
      valueCell("output", e.output, ctx.digits),
      "total",
    );
  } else {
    rows = html`${row(
      html`Σ <var>x</var>
        <span class="aside"
          >${msg(str`the sum of ${count} values`, { id: "neuron-math.window-sum" })}</span
        >`,
      valueCell("sum", e.reduced, ctx.digits),
    )}
    ${row(
      html`× <var>w</var>
        <span class="aside"
          >${msg("trainable coefficient", { id: "neuron-math.coefficient" })}</span
        >`,
      valueCell("coefficient", e.coefficient ?? 0, ctx.digits),
    )}
    ${row(html`+ <var>b</var> <span class="aside">${msg("bias", { id: "neuron-math.bias" })}</span>`, valueCell("bias", e.bias ?? 0, ctx.digits))}
    ${activationRows(e.activation, e.preActivation, e.output, ctx.digits)}`;
  }
  return html`<div class="pool">
      <span class="chlabel" data-channel=${e.channel}>${name}</span>
      ${grid(e.values, {
        palette,
        decimals: gridDecimals(flat, ctx.digits),
        kind: "window",
        label: msg(str`pooling window of ${name}`, { id: "neuron-math.window-label" }),
        padTitle: msg("padding: ignored", { id: "neuron-math.pad-ignored" }),
        mark,
      })}
    </div>
    ${
      anyPadded
        ? html`<p class="note">
            ${msg("Cells outside the input map are padding and take no part.", { id: "neuron-math.pool-pad-note" })}
          </p>`
        : nothing
    }
    ${ledger(rows)}`;
}

/** A table of the largest terms of a long sum, the rest summed in the footer. */
function termsTable(
  heads: readonly (TemplateResult | string)[],
  picked: readonly number[],
  cells: (i: number) => TemplateResult,
  total: number,
  parts: readonly number[],
  n: number,
  digits: number,
): TemplateResult {
  const rest = n - picked.length;
  return html`<table class="terms">
    <thead>
      <tr>
        ${heads.map((h) => html`<th scope="col">${h}</th>`)}
      </tr>
    </thead>
    <tbody>
      ${picked.map(
        (i) =>
          html`<tr data-index=${i}>
            <th scope="row">${i}</th>
            ${cells(i)}
          </tr>`,
      )}
    </tbody>
    ${
      rest > 0
        ? html`<tfoot>
            <tr>
              <th scope="row" colspan=${heads.length - 1}>
                ${msg(str`the other ${rest} terms`, { id: "neuron-math.rest" })}
              </th>
              ${valueCell("rest", restOf(total, parts), digits)}
            </tr>
          </tfoot>`
        : nothing
    }
  </table>`;
}

/** Dense: the largest contributions x·w, then the totals; softmax also lists the logits. */
export function denseSection(
  e: DenseExplanation,
  ctx: SectionContext,
  unit: number,
): TemplateResult {
  const d = ctx.digits;
  const heads = [
    html`<var>i</var>`,
    html`<var>x</var><sub>i</sub>`,
    html`<var>w</var><sub>i</sub>`,
    html`<var>x</var><sub>i</sub> · <var>w</var><sub>i</sub>`,
  ];
  const picked = e.top.map((t) => t.index);
  const byIndex = new Map(e.top.map((t) => [t.index, t]));
  const terms = termsTable(
    heads,
    picked,
    (i) => {
      const t = byIndex.get(i)!;
      return html`${valueCell("input", t.input, d)}${valueCell("weight", t.weight, d)}${valueCell("product", t.product, d)}`;
    },
    e.sum,
    e.top.map((t) => t.product),
    e.inputs.length,
    d,
  );
  const sums = html`${row(
    html`Σ <var>x</var><sub>i</sub> · <var>w</var><sub>i</sub>
      <span class="aside"
        >${msg(str`${e.inputs.length} terms`, { id: "neuron-math.n-terms" })}</span
      >`,
    valueCell("sum", e.sum, d),
  )}
  ${row(html`+ <var>b</var> <span class="aside">${msg("bias", { id: "neuron-math.bias" })}</span>`, valueCell("bias", e.bias, d))}`;
  if (e.activation !== "softmax" || !e.logits) {
    return html`<h4>${msg("Largest contributions", { id: "neuron-math.top" })}</h4>
      ${terms} ${ledger(html`${sums}${activationRows(e.activation, e.preActivation, e.output, d)}`)}`;
  }
  const logits = e.logits;
  const units =
    logits.length <= 12
      ? Array.from({ length: logits.length }, (_, i) => i)
      : [
          ...new Set([
            ...Array.from({ length: logits.length }, (_, i) => i)
              .sort((a, b) => logits[b] - logits[a])
              .slice(0, TOP_TERMS),
            unit,
          ]),
        ];
  return html`<h4>${msg("Largest contributions", { id: "neuron-math.top" })}</h4>
    ${terms}
    <h4>${msg("Logits of every unit", { id: "neuron-math.logits" })}</h4>
    <ol class="logits">
      ${units.map(
        (u) =>
          html`<li class=${u === unit ? "self" : ""} data-unit=${u}>
            <span class="chname">${u}</span>${valueSpan("logit", logits[u], d)}
          </li>`,
      )}
    </ol>
    ${ledger(
      html`${sums}
      ${row(html`= <var>a</var><sub>k</sub> <span class="aside">${msg("logit", { id: "neuron-math.logit" })}</span>`, valueCell("pre", e.preActivation, d))}
      ${row(
        html`<var>y</var> = softmax
          <span class="aside"
            >e<sup>a<sub>k</sub></sup> / Σ e<sup>a<sub>j</sub></sup></span
          >`,
        valueCell("output", e.output, d),
        "total",
      )}`,
    )}`;
}

/** RBF: the largest squared differences (x_j − w_ij)², then their total. */
export function rbfSection(e: RBFExplanation, ctx: SectionContext): TemplateResult {
  const d = ctx.digits;
  const picked = largest(e.squaredDifferences, TOP_TERMS);
  const terms = termsTable(
    [
      html`<var>j</var>`,
      html`<var>x</var><sub>j</sub>`,
      html`<var>w</var><sub>ij</sub>`,
      html`(<var>x</var><sub>j</sub> − <var>w</var><sub>ij</sub>)²`,
    ],
    picked,
    (j) =>
      html`${valueCell("input", e.inputs[j], d)}${valueCell("center", e.center[j], d)}${valueCell("term", e.squaredDifferences[j], d)}`,
    e.output,
    picked.map((j) => e.squaredDifferences[j]),
    e.inputs.length,
    d,
  );
  return html`<h4>${msg("Largest squared differences", { id: "neuron-math.rbf-top" })}</h4>
    ${terms}
    ${ledger(
      row(
        html`<var>y</var> = Σ (<var>x</var><sub>j</sub> − <var>w</var><sub>ij</sub>)²
          <span class="aside"
            >${msg(str`squared distance to the class code over ${e.inputs.length} inputs`, { id: "neuron-math.rbf-total" })}</span
          >`,
        valueCell("output", e.output, d),
        "total",
      ),
    )}`;
}

/** LRN: the neighbouring channels, a², Σ, the divisor (k + α Σ a²)^β and the output. */
export function lrnSection(
  e: LRNExplanation,
  ctx: SectionContext,
  channel: number,
): TemplateResult {
  const d = ctx.digits;
  return html`<table class="terms">
      <thead>
        <tr>
          <th scope="col">${msg("channel", { id: "neuron-math.col-channel" })}</th>
          <th scope="col"><var>a</var><sub>j</sub></th>
          <th scope="col"><var>a</var><sub>j</sub>²</th>
        </tr>
      </thead>
      <tbody>
        ${e.neighbours.map(
          (nb) =>
            html`<tr class=${nb.channel === channel ? "self" : ""} data-channel=${nb.channel}>
              <th scope="row">${nb.channel}</th>
              ${valueCell("neighbour", nb.value, d)}${valueCell("square", nb.value * nb.value, d)}
            </tr>`,
        )}
      </tbody>
    </table>
    ${ledger(
      html`${row(html`Σ <var>a</var><sub>j</sub>²`, valueCell("sum-squares", e.sumSquares, d))}
      ${row(
        html`(<var>k</var> + <var>α</var> Σ <var>a</var><sub>j</sub>²)<sup><var>β</var></sup>
          <span class="aside">k = ${e.k}, α = ${e.alpha}, β = ${e.beta}, n = ${e.n}</span>`,
        valueCell("divisor", e.divisor, d),
      )}
      ${row(html`<var>a</var> <span class="aside">${msg("this channel's input", { id: "neuron-math.lrn-input" })}</span>`, valueCell("input", e.input, d))}
      ${row(html`<var>b</var> = <var>a</var> / divisor`, valueCell("output", e.output, d), "total")}`,
    )}`;
}

/** Element-wise layers: the formula, its named numbers, the inputs read, the output. */
export function elementwiseSection(e: ElementwiseExplanation, ctx: SectionContext): TemplateResult {
  const d = ctx.digits;
  const terms = Object.entries(e.terms);
  return html`<p class="formula-text">${e.formula}</p>
    ${
      terms.length > 0
        ? html`<table class="terms">
            <tbody>
              ${terms.map(
                ([k, v]) =>
                  html`<tr>
                    <th scope="row">${k}</th>
                    ${valueCell("term", v, d)}
                  </tr>`,
              )}
            </tbody>
          </table>`
        : nothing
    }
    ${ledger(
      html`${e.inputs.map((cell) =>
        row(
          html`<var>x</var>
            <span class="aside"
              >${channelLabel(ctx.inputName, cell.channel)} (${cell.y},
              ${cell.x})${cell.padded ? msg(" · padding", { id: "neuron-math.padding" }) : ""}</span
            >`,
          valueCell("input", cell.value, d),
        ),
      )}
      ${row(html`<var>y</var>`, valueCell("output", e.output, d), "total")}`,
    )}`;
}
