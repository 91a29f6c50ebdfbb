/**
 * The output-size formula in MathML (native in Chromium, Firefox and Safari), in symbols and with
 * the numbers substituted: ⌊(n + 2p − k)/s⌋ + 1 when d = 1, ⌊(n + 2p − d(k − 1) − 1)/s⌋ + 1
 * otherwise, and with p_top + p_bottom when the padding is uneven (TensorFlow's `same`). Also the
 * same in plain text, for the explanation and for tests.
 */
import { mathml, type TemplateResult } from "lit";
import type { ConvArithmetic } from "./arithmetic.js";

/** A number as shown: integers as they are, else two decimals ("54.25", "7.33…"); "−" for minus. */
export function formatNumber(v: number): string {
  let text: string;
  if (Number.isInteger(v)) text = String(Math.abs(v));
  else {
    const fixed = Math.abs(v).toFixed(2);
    text =
      Math.abs(Math.abs(v) - Number(fixed)) < 1e-9
        ? fixed.replace(/0+$/, "").replace(/\.$/, "")
        : `${fixed}…`;
  }
  return v < 0 ? `−${text}` : text;
}

/** The padding is the same on both sides. */
const even = (a: ConvArithmetic) => a.before === a.after;

/** The numerator, substituted, in plain text: "224 + 2·2 − 11", "224 + 3 + 4 − 11", "32 − 2·(3 − 1) − 1". */
export function numeratorText(a: ConvArithmetic): string {
  const pads = even(a) ? (a.before > 0 ? ` + 2·${a.before}` : "") : ` + ${a.before} + ${a.after}`;
  const kernel = a.d === 1 ? ` − ${a.k}` : ` − ${a.d}·(${a.k} − 1) − 1`;
  return `${a.n}${pads}${kernel}`;
}

/** "(224 − 11)/4 + 1 = 54.25": the unrounded output size, in plain text. */
export function exactText(a: ConvArithmetic): string {
  return `(${numeratorText(a)})/${a.s} + 1 = ${formatNumber(a.exact)}`;
}

/** "⌊(224 − 11)/4⌋ + 1 = ⌊53.25⌋ + 1 = 54", in plain text. */
export function formulaText(a: ConvArithmetic): string {
  if (a.empty) return `${numeratorText(a)} = ${formatNumber(a.span)} < 0`;
  return `⌊(${numeratorText(a)})/${a.s}⌋ + 1 = ⌊${formatNumber(a.span / a.s)}⌋ + 1 = ${a.out}`;
}

const mn = (v: number) => mathml`<mn>${formatNumber(v)}</mn>`;
const pSub = (side: string) => mathml`<msub><mi>p</mi><mtext>${side}</mtext></msub>`;

/** The numerator in symbols. */
function numeratorSymbols(a: ConvArithmetic): TemplateResult {
  const pads = even(a)
    ? mathml`<mo>+</mo><mn>2</mn><mi>p</mi>`
    : mathml`<mo>+</mo>${pSub("top")}<mo>+</mo>${pSub("bottom")}`;
  const kernel =
    a.d === 1
      ? mathml`<mo>−</mo><mi>k</mi>`
      : mathml`<mo>−</mo><mi>d</mi><mo>(</mo><mi>k</mi><mo>−</mo><mn>1</mn><mo>)</mo><mo>−</mo><mn>1</mn>`;
  return mathml`<mrow><mi>n</mi>${pads}${kernel}</mrow>`;
}

/** The numerator with the numbers. */
function numeratorNumbers(a: ConvArithmetic): TemplateResult {
  const pads = even(a)
    ? a.before > 0
      ? mathml`<mo>+</mo><mn>2</mn><mo>·</mo>${mn(a.before)}`
      : mathml``
    : mathml`<mo>+</mo>${mn(a.before)}<mo>+</mo>${mn(a.after)}`;
  const kernel =
    a.d === 1
      ? mathml`<mo>−</mo>${mn(a.k)}`
      : mathml`<mo>−</mo>${mn(a.d)}<mo>·</mo><mo>(</mo>${mn(a.k)}<mo>−</mo><mn>1</mn><mo>)</mo><mo>−</mo><mn>1</mn>`;
  return mathml`<mrow>${mn(a.n)}${pads}${kernel}</mrow>`;
}

const floor = (body: TemplateResult) =>
  mathml`<mrow><mo stretchy="true">⌊</mo>${body}<mo stretchy="true">⌋</mo></mrow>`;

/** The contents of the `<math>` element: o = ⌊…/s⌋ + 1 = ⌊…/4⌋ + 1 = ⌊53.25⌋ + 1 = 54. */
export function formulaMath(a: ConvArithmetic): TemplateResult {
  const symbols = mathml`${floor(mathml`<mfrac>${numeratorSymbols(a)}<mi>s</mi></mfrac>`)}<mo>+</mo><mn>1</mn>`;
  const numbers = mathml`${floor(mathml`<mfrac>${numeratorNumbers(a)}${mn(a.s)}</mfrac>`)}<mo>+</mo><mn>1</mn>`;
  const result = a.empty
    ? mathml`<mo>=</mo>${floor(mathml`${mn(a.span / a.s)}`)}<mo>+</mo><mn>1</mn><mo>→</mo><mtext>∅</mtext>`
    : mathml`<mo>=</mo>${floor(mathml`${mn(a.span / a.s)}`)}<mo>+</mo><mn>1</mn><mo>=</mo><mn class="result">${a.out}</mn>`;
  return mathml`<mrow><mi>o</mi><mo>=</mo>${symbols}<mo>=</mo>${numbers}${result}</mrow>`;
}
