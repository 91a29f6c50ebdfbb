/**
 * A neuron's arithmetic as a standalone SVG figure (pure: no DOM, no Lit; the CLI writes the same
 * figure): what `cs-neuron-math` shows. For a convolution, per input map the patch, the kernel and
 * their products as coloured grids of numbers, then the sum, the bias, the activation and the
 * output; for pooling the window and what it reduces to; for a dense unit its largest terms; for
 * the other layers their formula and result.
 */
import type { NeuronExplanation } from "@convstep/engine";
import { activationScale } from "../color.js";
import { channelRows, clippedInputWindow, inputLayerName } from "../../neuron-math/channels.js";
import { cellChars, formatFixed, formatValue, gridDecimals } from "../../neuron-math/format.js";
import { MONO, escapeXml, num, svgDocument, text } from "./document.js";

/** The words of the figure (the element passes its localized ones; the CLI the English ones). */
export interface ArithmeticLabels {
  /** "C3 map 4 at (2, 3)" or "F6 unit 12". */
  where(n: NeuronExplanation): string;
  /** "S2 map 3" (an input map of a convolution). */
  inputMap(layer: string | undefined, channel: number): string;
  readonly patch: string;
  readonly kernel: string;
  readonly products: string;
  readonly window: string;
  readonly sum: string;
  readonly bias: string;
  readonly preActivation: string;
  readonly output: string;
  /** "… and 2 more input maps, Σ = 0.41". */
  more(count: number, sum: string): string;
  /** "largest terms: input × weight". */
  readonly terms: string;
  /** The activation's name ("ReLU", "scaled tanh"). */
  activation(name: string): string;
}

export const ENGLISH_ARITHMETIC_LABELS: ArithmeticLabels = {
  where: (n) => {
    const vector = n.explanation.type === "dense" || n.explanation.type === "rbf";
    const { channel, y, x } = n.position;
    return vector ? `${n.layer} unit ${channel}` : `${n.layer} map ${channel} at (${y}, ${x})`;
  },
  inputMap: (layer, channel) => (layer ? `${layer} map ${channel}` : `channel ${channel}`),
  patch: "input patch",
  kernel: "kernel",
  products: "products",
  window: "window",
  sum: "Σ products",
  bias: "bias",
  preActivation: "pre-activation",
  output: "output",
  more: (count, sum) => `… and ${count} more input map${count === 1 ? "" : "s"}, Σ = ${sum}`,
  terms: "largest terms: input × weight = product",
  activation: (name) =>
    ({
      "scaled-tanh": "scaled tanh",
      relu: "ReLU",
      tanh: "tanh",
      sigmoid: "sigmoid",
      softmax: "softmax",
      linear: "identity",
    })[name] ?? name,
};

/** What {@link arithmeticSVG} draws. */
export interface ArithmeticSvgOptions {
  readonly neuron: NeuronExplanation;
  /** Input maps of a convolution drawn as grids; the rest are summed up in one line (default 4). */
  readonly maxChannels?: number;
  readonly labels?: ArithmeticLabels;
  readonly title: string;
  readonly caption: string;
}

const STYLE = `
.cell { stroke: #ffffff; stroke-width: 1; }
.num { font-family: ${MONO}; font-size: 10px; text-anchor: middle; dominant-baseline: central; }
.num.light { fill: #ffffff; }
.op { font-size: 20px; text-anchor: middle; dominant-baseline: central; fill: #59636e; }
.label { font-size: 12px; fill: #59636e; }
.heading { font-size: 15px; font-weight: 600; }
.line { font-size: 14px; }
.line .value { font-family: ${MONO}; }
.result { font-size: 15px; font-weight: 700; fill: #bc4c00; }
.pad { fill: #eef1f4; }
`;

const MARGIN = 16;
/** Grids with more cells than this are drawn as colour only (as on screen). */
const COMPACT_CELLS = 49;

/** Width of a monospace digit at the grids' 10 px, px. */
const DIGIT = 6.1;

/** A cell's side: room for its widest number (or a small square for colour-only grids). */
function cellSize(rows: number, cols: number, chars: number): number {
  if (rows * cols > COMPACT_CELLS) return Math.max(rows, cols) <= 11 ? 16 : 10;
  return Math.max(30, Math.ceil(chars * DIGIT + 8));
}

/** Luma of a `#rrggbb` or `rgb(r, g, b)` colour, 0–255. */
function luma(color: string): number {
  const m = /rgb\((\d+),\s*(\d+),\s*(\d+)\)/.exec(color);
  let r = 255;
  let g = 255;
  let b = 255;
  if (m) [r, g, b] = [Number(m[1]), Number(m[2]), Number(m[3])];
  else if (/^#[0-9a-f]{6}$/i.test(color)) {
    r = parseInt(color.slice(1, 3), 16);
    g = parseInt(color.slice(3, 5), 16);
    b = parseInt(color.slice(5, 7), 16);
  }
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** A grid of values at (x, y), coloured on a scale centred on zero; returns its markup and size. */
export function valueGrid(
  values: readonly (readonly number[])[],
  x: number,
  y: number,
  padded?: readonly (readonly boolean[])[],
): { svg: string; width: number; height: number } {
  const rows = values.length;
  const cols = values[0]?.length ?? 0;
  // One number of decimals per grid, as on screen: 3 significant digits for the largest, at most 3.
  const flat = values.flat();
  const decimals = Math.min(3, gridDecimals(flat, 3));
  const size = cellSize(rows, cols, cellChars(flat, decimals));
  let m = 0;
  for (const row of values)
    for (const v of row) if (Number.isFinite(v)) m = Math.max(m, Math.abs(v));
  const scale = activationScale(-(m || 1), m || 1);
  const numbers = rows * cols <= COMPACT_CELLS;
  const parts: string[] = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const v = values[r][c];
      const cx = x + c * size;
      const cy = y + r * size;
      const pad = padded?.[r]?.[c] ?? false;
      const fill = pad || !Number.isFinite(v) ? "" : scale.color(v);
      parts.push(
        `<rect class="cell${fill ? "" : " pad"}" x="${num(cx)}" y="${num(cy)}" width="${size}" height="${size}"${fill ? ` fill="${fill}"` : ""}/>`,
      );
      if (numbers) {
        const light = fill !== "" && luma(fill) < 110 ? " light" : "";
        parts.push(
          `<text class="num${light}" x="${num(cx + size / 2)}" y="${num(cy + size / 2)}">${escapeXml(formatFixed(v, decimals))}</text>`,
        );
      }
    }
  }
  return { svg: parts.join(""), width: cols * size, height: rows * size };
}

/** One line of text made of words and values: `[["Σ products = ", false], ["1.23", true]]`. */
function line(x: number, y: number, pieces: readonly (readonly [string, boolean])[], cls = "line") {
  const spans = pieces
    .map(([t, value]) =>
      value ? `<tspan class="value">${escapeXml(t)}</tspan>` : `<tspan>${escapeXml(t)}</tspan>`,
    )
    .join("");
  return `<text class="${cls}" x="${num(x)}" y="${num(y)}">${spans}</text>`;
}

const v = (x: number) => formatValue(x, 4);

interface Block {
  svg: string[];
  y: number;
  width: number;
}

function activationLines(
  b: Block,
  L: ArithmeticLabels,
  e: { activation: string; preActivation: number; output: number },
  pre: readonly (readonly [string, boolean])[],
): void {
  b.svg.push(line(MARGIN, b.y, pre));
  b.y += 24;
  b.svg.push(
    line(
      MARGIN,
      b.y,
      [
        [`${L.output} = ${L.activation(e.activation)}(`, false],
        [v(e.preActivation), true],
        [") = ", false],
        [v(e.output), true],
      ],
      "line result",
    ),
  );
  b.y += 12;
}

function convBody(b: Block, n: NeuronExplanation, L: ArithmeticLabels, maxChannels: number) {
  const e = n.explanation;
  if (e.type !== "conv") return;
  const rows = channelRows(e, clippedInputWindow(n));
  const input = inputLayerName(n);
  const shown = rows.slice(0, Math.max(1, maxChannels));
  for (const row of shown) {
    b.svg.push(text(MARGIN, b.y + 12, L.inputMap(input, row.channel), { class: "label" }));
    const top = b.y + 22;
    let x = MARGIN;
    const grids: [string, readonly (readonly number[])[]][] = [
      [L.patch, e.patch[row.index]],
      [L.kernel, e.kernel[row.index]],
      [L.products, e.products[row.index]],
    ];
    let height = 0;
    grids.forEach(([name, values], i) => {
      const g = valueGrid(values, x, top + 16, i === 0 ? row.padded : undefined);
      b.svg.push(text(x, top + 10, name, { class: "label" }));
      b.svg.push(g.svg);
      height = Math.max(height, g.height);
      x += g.width;
      if (i < 2) {
        b.svg.push(text(x + 16, top + 16 + g.height / 2, i === 0 ? "×" : "=", { class: "op" }));
        x += 32;
      }
    });
    b.svg.push(
      line(x + 12, top + 16 + height / 2 + 5, [
        ["Σ = ", false],
        [v(row.partial), true],
      ]),
    );
    b.width = Math.max(b.width, x + 130);
    b.y = top + 16 + height + 14;
  }
  const rest = rows.slice(shown.length);
  if (rest.length > 0) {
    const sum = rest.reduce((a, r) => a + r.partial, 0);
    b.svg.push(text(MARGIN, b.y + 8, L.more(rest.length, v(sum)), { class: "label" }));
    b.y += 24;
  }
  b.y += 12;
  b.svg.push(
    line(MARGIN, b.y, [
      [`${L.sum} = `, false],
      [v(e.sum), true],
    ]),
  );
  b.y += 24;
  activationLines(b, L, e, [
    [`${L.preActivation} = `, false],
    [v(e.sum), true],
    [` + ${L.bias} `, false],
    [v(e.bias), true],
    [" = ", false],
    [v(e.preActivation), true],
  ]);
}

function poolBody(b: Block, n: NeuronExplanation, L: ArithmeticLabels) {
  const e = n.explanation;
  if (e.type !== "pool") return;
  const input = inputLayerName(n);
  b.svg.push(
    text(MARGIN, b.y + 12, `${L.window}: ${L.inputMap(input, e.channel)}`, { class: "label" }),
  );
  const g = valueGrid(e.values, MARGIN, b.y + 22);
  b.svg.push(g.svg);
  b.width = Math.max(b.width, MARGIN + g.width + 260);
  b.y += 22 + g.height + 28;
  const reduced: [string, boolean][] = [
    [`${e.mode === "subsampling" ? "Σ" : e.mode} = `, false],
    [v(e.reduced), true],
  ];
  b.svg.push(line(MARGIN, b.y, reduced));
  b.y += 24;
  const pre: [string, boolean][] =
    e.mode === "subsampling"
      ? [
          [`${L.preActivation} = `, false],
          [v(e.reduced), true],
          [" · ", false],
          [v(e.coefficient ?? 1), true],
          [` + ${L.bias} `, false],
          [v(e.bias ?? 0), true],
          [" = ", false],
          [v(e.preActivation), true],
        ]
      : [
          [`${L.preActivation} = `, false],
          [v(e.preActivation), true],
        ];
  activationLines(b, L, e, pre);
}

function denseBody(b: Block, n: NeuronExplanation, L: ArithmeticLabels) {
  const e = n.explanation;
  if (e.type !== "dense") return;
  b.svg.push(text(MARGIN, b.y + 8, L.terms, { class: "label" }));
  b.y += 30;
  for (const t of e.top) {
    b.svg.push(
      line(MARGIN, b.y, [
        [`[${t.index}]  `, false],
        [v(t.input), true],
        [" × ", false],
        [v(t.weight), true],
        [" = ", false],
        [v(t.product), true],
      ]),
    );
    b.y += 20;
  }
  b.y += 10;
  b.svg.push(
    line(MARGIN, b.y, [
      [`${L.sum} = `, false],
      [v(e.sum), true],
    ]),
  );
  b.y += 24;
  activationLines(b, L, e, [
    [`${L.preActivation} = `, false],
    [v(e.sum), true],
    [` + ${L.bias} `, false],
    [v(e.bias), true],
    [" = ", false],
    [v(e.preActivation), true],
  ]);
  b.width = Math.max(b.width, 460);
}

function otherBody(b: Block, n: NeuronExplanation, L: ArithmeticLabels) {
  const e = n.explanation;
  let pieces: [string, boolean][];
  switch (e.type) {
    case "rbf": {
      let sum = 0;
      for (const d of e.squaredDifferences) sum += d;
      pieces = [
        ["Σ (xⱼ − wⱼ)² = ", false],
        [v(sum), true],
      ];
      break;
    }
    case "lrn":
      pieces = [
        ["a / (k + α·Σa²)^β = ", false],
        [v(e.input), true],
        [" / ", false],
        [v(e.divisor), true],
      ];
      break;
    case "elementwise":
      pieces = [[`${e.formula}`, false]];
      break;
    default:
      return;
  }
  b.svg.push(line(MARGIN, b.y, pieces));
  b.y += 26;
  b.svg.push(
    line(
      MARGIN,
      b.y,
      [
        [`${L.output} = `, false],
        [v(e.output), true],
      ],
      "line result",
    ),
  );
  b.y += 12;
  b.width = Math.max(b.width, 460);
}

/** The neuron's arithmetic as a standalone SVG file (see the module's comment). */
export function arithmeticSVG(o: ArithmeticSvgOptions): string {
  const L = o.labels ?? ENGLISH_ARITHMETIC_LABELS;
  const n = o.neuron;
  const b: Block = { svg: [], y: MARGIN + 14, width: 420 };
  b.svg.push(text(MARGIN, b.y, L.where(n), { class: "heading" }));
  b.y += 16;
  switch (n.explanation.type) {
    case "conv":
      convBody(b, n, L, o.maxChannels ?? 4);
      break;
    case "pool":
      poolBody(b, n, L);
      break;
    case "dense":
      denseBody(b, n, L);
      break;
    default:
      b.y += 14;
      otherBody(b, n, L);
  }
  return svgDocument({
    width: b.width + MARGIN,
    height: b.y + MARGIN,
    title: o.title,
    caption: o.caption,
    style: STYLE,
    body: b.svg.join("\n"),
  });
}
