/**
 * The neuron's formula in MathML (native in Chromium, Firefox and Safari: no KaTeX), first in
 * symbols, then with the actual totals substituted. Each function returns the contents of one
 * `<math>` element.
 */
import { mathml, nothing, type TemplateResult } from "lit";
import type { ActivationName, LayerExplanation } from "@convstep/engine";
import { formatValue, fullValue } from "./format.js";

type Fmt = (value: number) => string;

/** A number, with its full value as a title; a negative one as "− 0.05" after an operator. */
function num(v: number, fmt: Fmt): TemplateResult {
  return mathml`<mn title=${fullValue(v)}>${fmt(v)}</mn>`;
}

/** A factor after "·": a negative one in parentheses. */
function factor(v: number, fmt: Fmt): TemplateResult {
  return v < 0 ? mathml`<mo>(</mo>${num(v, fmt)}<mo>)</mo>` : num(v, fmt);
}

/** "+ b" or "− |b|". */
function plus(v: number, fmt: Fmt): TemplateResult {
  return v < 0
    ? mathml`<mo>−</mo><mn title=${fullValue(v)}>${fmt(-v)}</mn>`
    : mathml`<mo>+</mo>${num(v, fmt)}`;
}

const sub = (base: string, ...indices: string[]) =>
  mathml`<msub><mi>${base}</mi><mrow>${indices.map(
    (s, i) => mathml`${i > 0 ? mathml`<mo>,</mo>` : nothing}<mi>${s}</mi>`,
  )}</mrow></msub>`;

const sum = (...indices: string[]) =>
  mathml`${indices.map((i) => mathml`<munder><mo>∑</mo><mi>${i}</mi></munder>`)}`;

/** f(…) around a body, or the body alone for a linear activation. */
function applied(activation: ActivationName, body: TemplateResult): TemplateResult {
  if (activation === "linear") return body;
  return mathml`<mi>f</mi><mrow><mo>(</mo>${body}<mo>)</mo></mrow>`;
}

/** The definition of f: "f(a) = 1.7159·tanh(2a/3)", or nothing for linear and softmax. */
export function activationDefinition(activation: ActivationName): TemplateResult | typeof nothing {
  const fa = mathml`<mi>f</mi><mo>(</mo><mi>a</mi><mo>)</mo><mo>=</mo>`;
  switch (activation) {
    case "scaled-tanh":
      return mathml`${fa}<mn>1.7159</mn><mo>·</mo><mi>tanh</mi><mo>(</mo><mfrac><mrow><mn>2</mn><mi>a</mi></mrow><mn>3</mn></mfrac><mo>)</mo>`;
    case "relu":
      return mathml`${fa}<mi>max</mi><mo>(</mo><mn>0</mn><mo>,</mo><mi>a</mi><mo>)</mo>`;
    case "tanh":
      return mathml`${fa}<mi>tanh</mi><mo>(</mo><mi>a</mi><mo>)</mo>`;
    case "sigmoid":
      return mathml`${fa}<mfrac><mn>1</mn><mrow><mn>1</mn><mo>+</mo><msup><mi>e</mi><mrow><mo>−</mo><mi>a</mi></mrow></msup></mrow></mfrac>`;
    default:
      return nothing;
  }
}

/** The formula of a neuron: symbols = totals = output. */
export function formula(e: LayerExplanation, digits: number): TemplateResult {
  const fmt: Fmt = (v) => formatValue(v, digits);
  const y = mathml`<mi>y</mi><mo>=</mo>`;
  const eq = mathml`<mo>=</mo>`;
  switch (e.type) {
    case "conv": {
      const x = sub("x", "c", "i", "j");
      const w = sub("w", "c", "i", "j");
      const symbols = applied(
        e.activation,
        mathml`${sum("c", "i", "j")}${x}<mo>·</mo>${w}<mo>+</mo><mi>b</mi>`,
      );
      return affine(y, symbols, e.activation, e.sum, e.bias, e.preActivation, e.output, fmt);
    }
    case "dense": {
      if (e.activation === "softmax") {
        return mathml`<msub><mi>y</mi><mi>k</mi></msub><mo>=</mo><mfrac><msup><mi>e</mi><msub><mi>a</mi><mi>k</mi></msub></msup><mrow>${sum("j")}<msup><mi>e</mi><msub><mi>a</mi><mi>j</mi></msub></msup></mrow></mfrac>${eq}<mfrac><msup><mi>e</mi>${num(e.preActivation, fmt)}</msup><mrow>${sum("j")}<msup><mi>e</mi><msub><mi>a</mi><mi>j</mi></msub></msup></mrow></mfrac>${eq}${num(e.output, fmt)}`;
      }
      const symbols = applied(
        e.activation,
        mathml`${sum("i")}${sub("x", "i")}<mo>·</mo>${sub("w", "i")}<mo>+</mo><mi>b</mi>`,
      );
      return affine(y, symbols, e.activation, e.sum, e.bias, e.preActivation, e.output, fmt);
    }
    case "pool": {
      const x = sub("x", "i", "j");
      if (e.mode === "max")
        return mathml`${y}<munder><mi>max</mi><mrow><mi>i</mi><mo>,</mo><mi>j</mi></mrow></munder>${x}${eq}${num(e.output, fmt)}`;
      if (e.mode === "avg") {
        const n = e.values.flat().filter(Number.isFinite).length;
        return mathml`${y}<mfrac><mn>1</mn><mn>${n}</mn></mfrac>${sum("i", "j")}${x}${eq}${num(e.output, fmt)}`;
      }
      const symbols = applied(
        e.activation,
        mathml`<mi>w</mi><mo>·</mo>${sum("i", "j")}${x}<mo>+</mo><mi>b</mi>`,
      );
      const numbers = applied(
        e.activation,
        mathml`${num(e.coefficient ?? 0, fmt)}<mo>·</mo>${factor(e.reduced, fmt)}${plus(e.bias ?? 0, fmt)}`,
      );
      const pre =
        e.activation === "linear"
          ? nothing
          : mathml`${eq}${applied(e.activation, num(e.preActivation, fmt))}`;
      return mathml`${y}${symbols}${eq}${numbers}${pre}${eq}${num(e.output, fmt)}`;
    }
    case "rbf":
      return mathml`<msub><mi>y</mi><mi>i</mi></msub><mo>=</mo>${sum("j")}<msup><mrow><mo>(</mo>${sub("x", "j")}<mo>−</mo>${sub("w", "i", "j")}<mo>)</mo></mrow><mn>2</mn></msup>${eq}${num(e.output, fmt)}`;
    case "lrn": {
      const divisor = (
        k: TemplateResult,
        alpha: TemplateResult,
        s: TemplateResult,
        beta: TemplateResult,
      ) =>
        mathml`<msup><mrow><mo>(</mo>${k}<mo>+</mo>${alpha}<mo>·</mo>${s}<mo>)</mo></mrow>${beta}</msup>`;
      const symbolic = divisor(
        mathml`<mi>k</mi>`,
        mathml`<mi>α</mi>`,
        mathml`${sum("j")}<msubsup><mi>a</mi><mi>j</mi><mn>2</mn></msubsup>`,
        mathml`<mi>β</mi>`,
      );
      const numeric = divisor(
        num(e.k, fmt),
        num(e.alpha, fmt),
        num(e.sumSquares, fmt),
        num(e.beta, fmt),
      );
      return mathml`<mi>b</mi><mo>=</mo><mfrac><mi>a</mi>${symbolic}</mfrac>${eq}<mfrac>${num(e.input, fmt)}${numeric}</mfrac>${eq}<mfrac>${num(e.input, fmt)}${num(e.divisor, fmt)}</mfrac>${eq}${num(e.output, fmt)}`;
    }
    case "elementwise":
      return mathml`${y}<mtext>${e.formula}</mtext>${eq}${num(e.output, fmt)}`;
  }
}

/** y = f(symbols) = f(Σ + b) = f(a) = y, for conv and dense. */
function affine(
  y: TemplateResult,
  symbols: TemplateResult,
  activation: ActivationName,
  total: number,
  bias: number,
  pre: number,
  output: number,
  fmt: Fmt,
): TemplateResult {
  const eq = mathml`<mo>=</mo>`;
  const totals = applied(activation, mathml`${num(total, fmt)}${plus(bias, fmt)}`);
  const mid =
    activation === "linear" ? nothing : mathml`${eq}${applied(activation, num(pre, fmt))}`;
  return mathml`${y}${symbols}${eq}${totals}${mid}${eq}${num(output, fmt)}`;
}
