/**
 * One neuron's arithmetic as readable text: the patch, kernel and products of a convolution, the
 * window of a pooling, the largest terms of a dense unit, the neighbours and divisor of an LRN,
 * the distance of an RBF unit, the formula of an element-wise layer.
 */
import type {
  ActivationName,
  ActivationStep,
  ConvExplanation,
  DenseExplanation,
  ElementwiseExplanation,
  LRNExplanation,
  LayerExplanation,
  PoolExplanation,
  RBFExplanation,
  Window,
} from "@convstep/engine";
import { formatNumber } from "./numbers.js";

/** Which neuron is explained, for the heading. */
export interface ExplainedNeuron {
  readonly layer: string;
  readonly kind: string;
  /** The layer the neuron reads (`input` for the first layer). */
  readonly inputName: string;
  /** Output shape of the layer, without batch. */
  readonly outputShape: readonly number[];
  readonly channel: number;
  readonly y: number;
  readonly x: number;
  /** The layer's `groups` (AlexNet's two GPUs), when it has them. */
  readonly groups?: number;
}

/** The activation function applied to `a` (a name or a number), as a formula. */
export function activationFormula(name: ActivationName, a = "a"): string {
  switch (name) {
    case "linear":
      return a;
    case "relu":
      return `max(0, ${a})`;
    case "tanh":
      return `tanh(${a})`;
    case "scaled-tanh":
      return `1.7159·tanh(2/3 · ${a})`;
    case "sigmoid":
      return `1 / (1 + e^−(${a}))`;
    case "softmax":
      return `e^(${a}) / Σ_j e^(a_j)`;
  }
}

/** A matrix of numbers, right-aligned in columns of equal width. */
function matrixLines(rows: readonly (readonly number[])[]): string[] {
  const cells = rows.map((r) => r.map((v) => formatNumber(v)));
  const width = Math.max(1, ...cells.flat().map((c) => c.length));
  return cells.map((r) => r.map((c) => c.padStart(width)).join(" "));
}

/** A column of text under a title; `right` aligns its lines (and title) to the right. */
interface Block {
  readonly title: string;
  readonly lines: readonly string[];
  readonly right?: boolean;
}

/** Several blocks side by side under their titles, three spaces apart. */
function sideBySide(blocks: readonly Block[]): string[] {
  const widths = blocks.map((b) => Math.max(b.title.length, ...b.lines.map((l) => l.length)));
  const height = Math.max(...blocks.map((b) => b.lines.length));
  const row = (cells: string[]) =>
    cells
      .map((c, i) => (blocks[i].right ? c.padStart(widths[i]) : c.padEnd(widths[i])))
      .join("   ")
      .trimEnd();
  const out = [row(blocks.map((b) => b.title))];
  for (let i = 0; i < height; i++) out.push(row(blocks.map((b) => b.lines[i] ?? "")));
  return out;
}

/** A right-aligned column of numbers. */
function numbers(title: string, values: readonly number[]): Block {
  return { title, lines: values.map((v) => formatNumber(v)), right: true };
}

/** `rows 4–8, columns 6–10` (inclusive, as people count). */
function windowText(w: Window): string {
  return `rows ${w.y0}–${w.y1 - 1}, columns ${w.x0}–${w.x1 - 1}`;
}

/** The lines of the activation step: pre-activation, function, output. */
function activationLines(step: ActivationStep): string[] {
  const pre = formatNumber(step.preActivation);
  if (step.activation === "linear") return [`output (no activation) = ${pre}`];
  return [
    `activation ${step.activation}: ${activationFormula(step.activation, pre)}`,
    `output = ${formatNumber(step.output)}`,
  ];
}

function conv(e: ConvExplanation, n: ExplainedNeuron): string[] {
  const lines = [
    `reads ${windowText(e.window)} of ${n.inputName}, input channels ${e.inputChannels.join(", ")}` +
      ((n.groups ?? 1) > 1 ? ` (group ${e.group} of ${n.groups})` : ""),
  ];
  e.inputChannels.forEach((channel, i) => {
    lines.push("", `input channel ${channel}:`);
    lines.push(
      ...sideBySide([
        { title: "patch", lines: matrixLines(e.patch[i]) },
        { title: "kernel", lines: matrixLines(e.kernel[i]) },
        { title: "products", lines: matrixLines(e.products[i]) },
      ]).map((l) => `  ${l}`),
    );
  });
  const terms = e.products.reduce((acc, m) => acc + m.reduce((a, r) => a + r.length, 0), 0);
  lines.push(
    "",
    `sum of the ${terms} products = ${formatNumber(e.sum)}`,
    `+ bias ${formatNumber(e.bias)} = ${formatNumber(e.preActivation)}`,
    ...activationLines(e),
  );
  return lines;
}

function pool(e: PoolExplanation, n: ExplainedNeuron): string[] {
  const lines = [
    `reads ${windowText(e.window)} of ${n.inputName}, channel ${e.channel}:`,
    ...matrixLines(e.values).map((l) => `  ${l}`),
  ];
  if (e.mode === "max") {
    const at = e.argmax ? ` at row ${e.argmax.y}, column ${e.argmax.x}` : "";
    lines.push(`max = ${formatNumber(e.reduced)}${at}`);
  } else if (e.mode === "avg") {
    lines.push(`mean = ${formatNumber(e.reduced)}`);
  } else {
    lines.push(
      `sum = ${formatNumber(e.reduced)}`,
      `× coefficient ${formatNumber(e.coefficient ?? 1)} + bias ${formatNumber(e.bias ?? 0)} = ${formatNumber(e.preActivation)}`,
    );
  }
  if (e.mode !== "subsampling" && e.activation === "linear") {
    lines.push(`output = ${formatNumber(e.output)}`);
  } else {
    lines.push(...activationLines(e));
  }
  return lines;
}

function dense(e: DenseExplanation, n: ExplainedNeuron): string[] {
  const lines = [
    `reads all ${e.inputs.length} values of ${n.inputName}; the ${e.top.length} largest contributions:`,
    ...sideBySide([
      numbers(
        "index",
        e.top.map((t) => t.index),
      ),
      numbers(
        "input",
        e.top.map((t) => t.input),
      ),
      numbers(
        "weight",
        e.top.map((t) => t.weight),
      ),
      numbers(
        "product",
        e.top.map((t) => t.product),
      ),
    ]).map((l) => `  ${l}`),
    `sum of the ${e.inputs.length} products = ${formatNumber(e.sum)}`,
    `+ bias ${formatNumber(e.bias)} = ${formatNumber(e.preActivation)}`,
  ];
  if (e.activation === "softmax" && e.logits !== undefined) {
    const max = Math.max(...e.logits);
    const denominator = e.logits.reduce((acc, z) => acc + Math.exp(z - max), 0) * Math.exp(max);
    lines.push(
      `softmax: e^${formatNumber(e.preActivation)} / Σ over the ${e.logits.length} units' e^z (${formatNumber(denominator)})`,
      `output = ${formatNumber(e.output)}`,
    );
  } else {
    lines.push(...activationLines(e));
  }
  return lines;
}

function lrn(e: LRNExplanation): string[] {
  return [
    `input a = ${formatNumber(e.input)}`,
    `neighbouring channels (n = ${e.n}):`,
    ...e.neighbours.map((nb) => `  channel ${nb.channel}: ${formatNumber(nb.value)}`),
    `Σ a_j² = ${formatNumber(e.sumSquares)}`,
    `divisor (k + α·Σ a_j²)^β = (${formatNumber(e.k)} + ${formatNumber(e.alpha)}·${formatNumber(e.sumSquares)})^${formatNumber(e.beta)} = ${formatNumber(e.divisor)}`,
    `output a / divisor = ${formatNumber(e.output)}`,
  ];
}

function rbf(e: RBFExplanation, n: ExplainedNeuron): string[] {
  const order = Array.from(e.squaredDifferences.keys())
    .sort((a, b) => e.squaredDifferences[b] - e.squaredDifferences[a])
    .slice(0, 10);
  return [
    `distance of the ${e.inputs.length} values of ${n.inputName} to the code of class ${n.channel}; the largest terms:`,
    ...sideBySide([
      numbers("j", order),
      numbers(
        "x_j",
        order.map((j) => e.inputs[j]),
      ),
      numbers(
        "w_j",
        order.map((j) => e.center[j]),
      ),
      numbers(
        "(x_j − w_j)²",
        order.map((j) => e.squaredDifferences[j]),
      ),
    ]).map((l) => `  ${l}`),
    `output Σ (x_j − w_j)² = ${formatNumber(e.output)} (the lowest distance wins)`,
  ];
}

function elementwise(e: ElementwiseExplanation): string[] {
  const lines = [`formula: ${e.formula}`];
  if (e.inputs.length > 0) {
    lines.push("reads:");
    for (const c of e.inputs) {
      lines.push(
        `  row ${c.y}, column ${c.x}, channel ${c.channel}: ${c.padded ? "0 (padding)" : formatNumber(c.value)}`,
      );
    }
  }
  const terms = Object.entries(e.terms);
  if (terms.length > 0)
    lines.push(`with ${terms.map(([k, v]) => `${k} = ${formatNumber(v)}`).join(", ")}`);
  lines.push(`output = ${formatNumber(e.output)}`);
  return lines;
}

/** The whole explanation as text, starting with a heading that names the neuron. */
export function formatExplanation(e: LayerExplanation, n: ExplainedNeuron): string {
  const where =
    n.outputShape.length === 3
      ? `channel ${n.channel}, row ${n.y}, column ${n.x}`
      : `unit ${n.channel}`;
  const heading = `${n.layer} (${n.kind}) ${where}`;
  const body = (() => {
    switch (e.type) {
      case "conv":
        return conv(e, n);
      case "pool":
        return pool(e, n);
      case "dense":
        return dense(e, n);
      case "lrn":
        return lrn(e);
      case "rbf":
        return rbf(e, n);
      case "elementwise":
        return elementwise(e);
    }
  })();
  return [heading, "", ...body].join("\n");
}
