/**
 * The widget's sentences: the explanation of a setting (exact fit, leftovers, gaps, empty
 * output, TensorFlow's `same` padding), the live sentence of the cursor and the preset labels.
 */
import { msg, str } from "@lit/localize";
import { runs, type ConvArithmetic, type PresetName } from "./arithmetic.js";
import { exactText, formatNumber, formulaText } from "./formula.js";

/** What the explanation says, and in which tone (`ok`, `warn`: pixels go unread, `error`: empty). */
export interface Explanation {
  readonly tone: "ok" | "warn" | "error";
  readonly lines: readonly string[];
  /** The formula in plain text (the MathML's label). */
  readonly formula: string;
}

/** "12–22", with a true minus for padding rows: "−2–8". */
export function range(start: number, end: number): string {
  return start === end ? formatNumber(start) : `${formatNumber(start)}–${formatNumber(end)}`;
}

/** "221–223" or "2, 5, 8, 11, 14, 17, …" (at most six runs). */
export function listIndices(values: readonly number[]): string {
  const parts = runs(values).map(([a, b]) => range(a, b));
  return parts.length > 6 ? `${parts.slice(0, 6).join(", ")}, …` : parts.join(", ");
}

/** Explains a setting in a few sentences. */
export function explain(a: ConvArithmetic): Explanation {
  const formula = formulaText(a);
  const lines: string[] = [];
  let tone: Explanation["tone"] = "ok";
  const exact = exactText(a);
  if (a.padding === "same") {
    const { n, s, kEff } = a;
    const total = a.before + a.after;
    const expr = `max((⌈${n}/${s}⌉ − 1)·${s} + ${kEff} − ${n}, 0) = ${total}`;
    lines.push(
      msg(
        str`TensorFlow's 'same' padding adds ${expr} zeros: ${a.before} before (top, left) and ${a.after} after (bottom, right), so that the output is ⌈${n}/${s}⌉ = ${Math.ceil(n / s)}.`,
        { id: "conv-window.explain-same" },
      ),
    );
  }
  if (a.empty) {
    tone = "error";
    const { kEff, padded } = a;
    lines.push(
      msg(
        str`The window (${kEff} px) is larger than the padded input (${padded} px): it fits nowhere, and the output would be empty.`,
        { id: "conv-window.explain-empty" },
      ),
    );
    return { tone, lines, formula };
  }
  const trailing = a.trailingUnread;
  const gaps = a.unread.filter((i) => !trailing.includes(i));
  if (a.exactFit) {
    lines.push(
      msg(str`${exact}: a whole number, so the last window ends exactly on the edge.`, {
        id: "conv-window.explain-exact",
      }),
    );
  } else if (trailing.length > 0) {
    tone = "warn";
    const { overhang, out } = a;
    const last = listIndices(trailing);
    lines.push(
      trailing.length === 1
        ? msg(
            str`${exact}: one more window would hang ${overhang} px over the edge. Frameworks floor to ${out} and never read the last column and row (${last}).`,
            { id: "conv-window.explain-leftover-one" },
          )
        : msg(
            str`${exact}: one more window would hang ${overhang} px over the edge. Frameworks floor to ${out} and never read the last ${trailing.length} columns and rows (${last}).`,
            { id: "conv-window.explain-leftover" },
          ),
    );
  } else {
    const { overhang, out, leftover } = a;
    lines.push(
      msg(
        str`${exact}: one more window would hang ${overhang} px over the edge, so frameworks floor to ${out}. What is left over (${leftover} px) is padding: every input pixel is still read.`,
        { id: "conv-window.explain-leftover-padding" },
      ),
    );
  }
  if (gaps.length > 0) {
    tone = "warn";
    const list = listIndices(gaps);
    lines.push(
      msg(str`No window reads rows and columns ${list}: the stride skips over them.`, {
        id: "conv-window.explain-gaps",
      }),
    );
  }
  if (a.s > 1 && a.d > 1) {
    lines.push(
      msg(
        "TensorFlow.js cannot combine a stride above 1 with a dilation above 1; the arithmetic is the same.",
        {
          id: "conv-window.explain-tfjs",
        },
      ),
    );
  }
  return { tone, lines, formula };
}

/** "Output (3, 5) reads input rows 12–22, columns 20–30." (+ padding, + dilation notes) */
export function liveSentence(
  a: ConvArithmetic,
  cell: { y: number; x: number },
  window: { rows: [number, number]; cols: [number, number] },
): string {
  const rows = range(...window.rows);
  const cols = range(...window.cols);
  let text = msg(str`Output (${cell.y}, ${cell.x}) reads input rows ${rows}, columns ${cols}.`, {
    id: "conv-window.live",
  });
  const padding = [...window.rows, ...window.cols].some((v) => v < 0 || v >= a.n);
  if (padding)
    text += ` ${msg("Part of the window is padding (zeros).", { id: "conv-window.live-padding" })}`;
  if (a.d > 1) {
    const d = a.d;
    text += ` ${msg(str`Dilation ${d}: the kernel reads one pixel in ${d}.`, { id: "conv-window.live-dilation" })}`;
  }
  return text;
}

/** The label of a preset button. */
export function presetLabel(name: PresetName): string {
  switch (name) {
    case "alexnet-conv1":
      return msg("AlexNet conv1: 227, 11, 4, 0 → 55", { id: "conv-window.preset-alexnet-conv1" });
    case "alexnet-224":
      return msg("The paper's 224 → 54.25?", { id: "conv-window.preset-alexnet-224" });
    case "torchvision":
      return msg("torchvision: 224, pad 2 → 55", { id: "conv-window.preset-torchvision" });
    case "keras-same":
      return msg("Keras 'same': 224 → 56", { id: "conv-window.preset-keras-same" });
    case "lenet-c1":
      return msg("LeNet C1: 32, 5, 1 → 28", { id: "conv-window.preset-lenet-c1" });
  }
}
