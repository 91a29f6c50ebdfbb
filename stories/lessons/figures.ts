/**
 * Small static figures for the lessons (stories/lessons/*.mdx): not library elements, only
 * drawings the prose refers to. Each takes `lang` ("en" or "ko") for its few words.
 *
 * - `<lesson-activation-plot kind="squash">`: LeNet-5's f(a) = 1.7159·tanh(2a/3) beside tanh(a).
 * - `<lesson-activation-plot kind="relu">`: AlexNet's ReLU beside tanh.
 * - `<lesson-digit-codes>`: the ten 7×12 bitmaps whose ±1 pixels are LeNet-5's RBF centres.
 *
 * No decorators here (the stories folder has no tsconfig of its own): reactive properties are
 * declared with `static properties`.
 */
import { LitElement, css, html, svg, type TemplateResult } from "lit";
import { DIGIT_BITMAP_COLUMNS, DIGIT_BITMAP_ROWS, LENET5_DIGIT_BITMAPS } from "@convstep/models";

type Lang = "en" | "ko";
const langOf = (value: string | null | undefined): Lang =>
  (value ?? "").toLowerCase().startsWith("ko") ? "ko" : "en";

const WORDS = {
  en: {
    squashLabel:
      "Plot of LeNet-5's squashing function f(a) = 1.7159·tanh(2a/3) and, dashed, plain tanh(a), for a from −4 to 4. f passes through (1, 1) and (−1, −1) and levels off at ±1.7159.",
    reluLabel:
      "Plot of ReLU, max(0, a), and tanh(a) for a from −3 to 3. tanh levels off at ±1; ReLU is 0 for negative a and rises with slope 1 for positive a.",
    codesLabel:
      "The ten stylised digits 0 to 9, each a 7 by 12 bitmap; dark pixels are +1, light pixels −1.",
    squash: "f(a) = 1.7159·tanh(2a/3)",
    tanh: "tanh(a)",
    relu: "ReLU: max(0, a)",
    fixed: "f(±1) = ±1",
    ceiling: "±A = ±1.7159",
    flat: "tanh flattens: slope → 0",
    slope: "slope 1 for every a > 0",
    plus: "+1",
    minus: "−1",
  },
  ko: {
    squashLabel:
      "LeNet-5의 스쿼싱 함수 f(a) = 1.7159·tanh(2a/3)와 점선으로 그린 tanh(a)의 그래프(a는 −4부터 4까지). f는 (1, 1)과 (−1, −1)을 지나고 ±1.7159에서 평평해진다.",
    reluLabel:
      "ReLU, 곧 max(0, a)와 tanh(a)의 그래프(a는 −3부터 3까지). tanh는 ±1에서 평평해지고, ReLU는 a가 음수이면 0, 양수이면 기울기 1로 올라간다.",
    codesLabel:
      "0부터 9까지 열 개의 양식화된 숫자. 각각 7×12 비트맵이며, 진한 칸은 +1, 옅은 칸은 −1이다.",
    squash: "f(a) = 1.7159·tanh(2a/3)",
    tanh: "tanh(a)",
    relu: "ReLU: max(0, a)",
    fixed: "f(±1) = ±1",
    ceiling: "±A = ±1.7159",
    flat: "tanh는 평평해진다: 기울기 → 0",
    slope: "a > 0이면 언제나 기울기 1",
    plus: "+1",
    minus: "−1",
  },
} as const;

const shared = css`
  :host {
    display: block;
    font-family:
      system-ui,
      -apple-system,
      "Segoe UI",
      Roboto,
      "Noto Sans KR",
      sans-serif;
    color: #1f2328;
    --accent: #0b62c4;
    --second: #c2410c;
    --muted: #57606a;
    --grid: #e6e9ed;
  }
  figure {
    margin: 0;
  }
  svg {
    display: block;
    max-width: 100%;
    height: auto;
  }
  text {
    font-size: 12px;
    fill: var(--muted);
  }
  .label {
    font-size: 13px;
    fill: #1f2328;
  }
`;

interface Curve {
  f: (a: number) => number;
  cls: string;
  dashed?: boolean;
}

const A = 1.7159;
const S = 2 / 3;

/** A function plot: LeNet-5's scaled tanh, or ReLU against tanh. */
export class LessonActivationPlot extends LitElement {
  static override properties = {
    kind: { type: String },
    lang: { type: String },
  };
  static override styles = [
    shared,
    css`
      .axis {
        stroke: #8c959f;
        stroke-width: 1;
      }
      .gridline {
        stroke: var(--grid);
        stroke-width: 1;
      }
      .curve {
        fill: none;
        stroke-width: 2.5;
        stroke-linecap: round;
      }
      .main {
        stroke: var(--accent);
      }
      .second {
        stroke: var(--muted);
        stroke-width: 1.75;
      }
      .dashed {
        stroke-dasharray: 5 4;
      }
      .guide {
        stroke: var(--second);
        stroke-width: 1;
        stroke-dasharray: 3 3;
      }
      .dot {
        fill: var(--second);
      }
      .note {
        fill: var(--second);
        font-size: 12.5px;
      }
      .key-main {
        fill: var(--accent);
        font-weight: 600;
      }
    `,
  ];

  declare kind: "squash" | "relu";
  declare lang: string;

  constructor() {
    super();
    this.kind = "squash";
    this.lang = "";
  }

  override render(): TemplateResult {
    const words = WORDS[langOf(this.lang)];
    const squash = this.kind !== "relu";
    const W = 560;
    const H = 300;
    const m = { l: 40, r: 16, t: 16, b: 30 };
    const [a0, a1] = squash ? [-4, 4] : [-3, 3];
    const [y0, y1] = squash ? [-2, 2] : [-1.5, 3];
    const x = (a: number) => m.l + ((a - a0) / (a1 - a0)) * (W - m.l - m.r);
    const y = (v: number) => H - m.b - ((v - y0) / (y1 - y0)) * (H - m.t - m.b);
    const curves: Curve[] = squash
      ? [
          { f: Math.tanh, cls: "second", dashed: true },
          { f: (a) => A * Math.tanh(S * a), cls: "main" },
        ]
      : [
          { f: Math.tanh, cls: "second", dashed: true },
          { f: (a) => Math.max(0, a), cls: "main" },
        ];
    const path = (f: (a: number) => number) => {
      const steps = 240;
      let d = "";
      for (let i = 0; i <= steps; i++) {
        const a = a0 + ((a1 - a0) * i) / steps;
        d += `${i === 0 ? "M" : "L"}${x(a).toFixed(2)},${y(f(a)).toFixed(2)}`;
      }
      return d;
    };
    const ticksX: number[] = [];
    for (let t = Math.ceil(a0); t <= a1; t++) ticksX.push(t);
    const ticksY: number[] = [];
    for (let t = Math.ceil(y0); t <= y1; t++) ticksY.push(t);
    const label = squash ? words.squashLabel : words.reluLabel;
    return html`<figure>
      <svg viewBox="0 0 ${W} ${H}" width=${W} height=${H} role="img" aria-label=${label}>
        ${ticksX.map(
          (t) =>
            svg`<line class="gridline" x1=${x(t)} x2=${x(t)} y1=${m.t} y2=${H - m.b}></line>
              <text x=${x(t)} y=${H - m.b + 18} text-anchor="middle">${t < 0 ? `−${-t}` : t}</text>`,
        )}
        ${ticksY.map(
          (t) =>
            svg`<line class="gridline" x1=${m.l} x2=${W - m.r} y1=${y(t)} y2=${y(t)}></line>
              <text x=${m.l - 8} y=${y(t) + 4} text-anchor="end">${t < 0 ? `−${-t}` : t}</text>`,
        )}
        <line class="axis" x1=${m.l} x2=${W - m.r} y1=${y(0)} y2=${y(0)}></line>
        <line class="axis" x1=${x(0)} x2=${x(0)} y1=${m.t} y2=${H - m.b}></line>
        <text class="label" x=${W - m.r - 4} y=${y(0) - 6} text-anchor="end">a</text>
        ${
          squash
            ? svg`
            <line class="guide" x1=${m.l} x2=${W - m.r} y1=${y(A)} y2=${y(A)}></line>
            <line class="guide" x1=${m.l} x2=${W - m.r} y1=${y(-A)} y2=${y(-A)}></line>
            <text class="note" x=${x(-3.9)} y=${y(A) - 6}>${words.ceiling}</text>
            <line class="guide" x1=${x(1)} x2=${x(1)} y1=${y(0)} y2=${y(1)}></line>
            <line class="guide" x1=${x(0)} x2=${x(1)} y1=${y(1)} y2=${y(1)}></line>
            <line class="guide" x1=${x(-1)} x2=${x(-1)} y1=${y(0)} y2=${y(-1)}></line>
            <line class="guide" x1=${x(0)} x2=${x(-1)} y1=${y(-1)} y2=${y(-1)}></line>
            <circle class="dot" cx=${x(1)} cy=${y(1)} r="4"></circle>
            <circle class="dot" cx=${x(-1)} cy=${y(-1)} r="4"></circle>
            <text class="note" x=${x(-1) + 10} y=${y(-1) + 20}>${words.fixed}</text>`
            : svg`
            <text class="note" x=${x(-2.9)} y=${y(-1) + 20}>${words.flat}</text>
            <text class="note" x=${x(1.45)} y=${y(2.1)} text-anchor="end">${words.slope}</text>`
        }
        ${curves.map(
          (c) =>
            svg`<path class="curve ${c.cls} ${c.dashed ? "dashed" : ""}" d=${path(c.f)}></path>`,
        )}
        <g
          transform="translate(${squash ? W - m.r - 214 : m.l + 10}, ${squash ? y(-0.9) : m.t + 6})"
        >
          <rect x="0" y="0" width="200" height="44" rx="4" fill="#fff" opacity="0.9"></rect>
          <line class="curve main" x1="8" x2="32" y1="14" y2="14"></line>
          <text class="key-main" x="40" y="18">${squash ? words.squash : words.relu}</text>
          <line class="curve second dashed" x1="8" x2="32" y1="34" y2="34"></line>
          <text x="40" y="38">${words.tanh}</text>
        </g>
      </svg>
    </figure>`;
  }
}

/** The ten stylised 7×12 digits whose pixels (+1 ink, −1 background) are the RBF centres. */
export class LessonDigitCodes extends LitElement {
  static override properties = {
    lang: { type: String },
  };
  static override styles = [
    shared,
    css`
      .codes {
        display: flex;
        flex-wrap: wrap;
        gap: 14px 18px;
        align-items: flex-start;
      }
      .code {
        display: flex;
        flex-direction: column;
        align-items: center;
        gap: 4px;
      }
      .on {
        fill: #1f2328;
      }
      .off {
        fill: #eef1f4;
      }
      .digit {
        font-size: 13px;
        font-weight: 600;
        fill: #1f2328;
      }
      .key {
        display: flex;
        gap: 16px;
        margin-top: 10px;
        font-size: 12.5px;
        color: var(--muted);
        align-items: center;
      }
      .swatch {
        display: inline-block;
        width: 11px;
        height: 11px;
        border-radius: 2px;
        margin-right: 6px;
        vertical-align: -1px;
      }
      .swatch.ink {
        background: #1f2328;
      }
      .swatch.paper {
        background: #eef1f4;
        outline: 1px solid #d0d7de;
      }
    `,
  ];

  declare lang: string;

  constructor() {
    super();
    this.lang = "";
  }

  override render(): TemplateResult {
    const words = WORDS[langOf(this.lang)];
    const cell = 7;
    const w = DIGIT_BITMAP_COLUMNS * cell;
    const h = DIGIT_BITMAP_ROWS * cell;
    return html`<figure role="img" aria-label=${words.codesLabel}>
      <div class="codes" aria-hidden="true">
        ${LENET5_DIGIT_BITMAPS.map(
          (rows, digit) =>
            html`<div class="code">
              <svg viewBox="0 0 ${w} ${h + 18}" width=${w} height=${h + 18}>
                ${rows.flatMap((row, r) =>
                  [...row].map(
                    (ch, c) =>
                      svg`<rect class=${ch === "#" ? "on" : "off"} x=${c * cell + 0.5}
                        y=${r * cell + 0.5} width=${cell - 1} height=${cell - 1} rx="1"></rect>`,
                  ),
                )}
                <text class="digit" x=${w / 2} y=${h + 15} text-anchor="middle">${digit}</text>
              </svg>
            </div>`,
        )}
      </div>
      <div class="key" aria-hidden="true">
        <span><span class="swatch ink"></span>${words.plus}</span>
        <span><span class="swatch paper"></span>${words.minus}</span>
      </div>
    </figure>`;
  }
}

if (!customElements.get("lesson-activation-plot"))
  customElements.define("lesson-activation-plot", LessonActivationPlot);
if (!customElements.get("lesson-digit-codes"))
  customElements.define("lesson-digit-codes", LessonDigitCodes);

declare global {
  interface HTMLElementTagNameMap {
    "lesson-activation-plot": LessonActivationPlot;
    "lesson-digit-codes": LessonDigitCodes;
  }
}
