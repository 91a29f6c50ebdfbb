import { msg, str, updateWhenLocaleChanges } from "@lit/localize";
import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from "lit";
import { property } from "lit/decorators.js";
import type { NeuronExplanation, Simulator, Trace } from "@convstep/engine";
import { SimulatorController } from "../shared/simulator-controller.js";
import { AttributeGuard, numberAttribute, numberIn } from "../shared/attribute-guard.js";
import { baseStyles } from "../shared/styles.js";
import { clippedInputWindow, inputLayerName } from "./channels.js";
import { activationDefinition, formula } from "./formula.js";
import { formatValue } from "./format.js";
import { valueSpan } from "./cells.js";
import { cellColorStyles } from "./cell-color.js";
import { neuronMathStyles } from "./neuron-math.styles.js";
import type { PngOptions } from "../export/png.js";
import {
  activationName,
  convSection,
  denseSection,
  elementwiseSection,
  lrnSection,
  poolSection,
  rbfSection,
  type SectionContext,
} from "./sections.js";

/** The explanation shown, or why there is none. */
type Shown =
  | { kind: "ok"; n: NeuronExplanation }
  | { kind: "empty"; message: string }
  | { kind: "error"; message: string };

/**
 * @tagname cs-neuron-math
 * @summary The arithmetic of one neuron, as `simulator.explain()` reports it: for a convolution
 * the input patch, the kernel and their products per linked input channel, the sum, the bias and
 * the activation; for pooling the window; for dense layers the largest contributions; for LRN the
 * neighbouring channels; for RBF the squared differences — then the formula in MathML with the
 * actual numbers. Follows the simulator's cursor unless `explanation` is set.
 *
 * @csspart base - The wrapper.
 * @csspart heading - The neuron's name and position.
 * @csspart summary - The one-sentence summary (also announced politely on every step).
 * @csspart ledger - The table of totals.
 * @csspart formula - The MathML formula.
 *
 * @cssproperty --cs-neuron-math-cell-size - Width of a grid cell.
 * @cssproperty --cs-neuron-math-font-size - Font size of the grid numbers.
 * @cssproperty --cs-neuron-math-highlight - Colour of the output and of highlighted cells.
 */
export class CsNeuronMath extends LitElement {
  static override styles = [baseStyles, neuronMathStyles, cellColorStyles];

  #controller = new SimulatorController(this);
  #memo: { trace: Trace; key: string; n: NeuronExplanation } | undefined;

  /** The simulator whose cursor neuron is explained. */
  @property({ attribute: false })
  get simulator(): Simulator | undefined {
    return this.#controller.simulator;
  }
  set simulator(value: Simulator | undefined) {
    this.#controller.simulator = value;
  }

  /** An explanation to show instead of the cursor's neuron (e.g. `simulator.explain(pos)`). */
  @property({ attribute: false }) explanation: NeuronExplanation | undefined;

  /** Significant digits of the numbers shown (full values are in each number's title). */
  @property({ converter: numberAttribute }) digits = 3;

  /** How many input channels of a convolution to show as grids; the rest are summarised. */
  @property({ converter: numberAttribute, attribute: "max-channels" }) maxChannels = 6;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
  }

  /** The explanation on show (the override, else the simulator's cursor neuron). */
  get current(): NeuronExplanation | undefined {
    const s = this.#shown();
    return s.kind === "ok" ? s.n : undefined;
  }

  /**
   * The arithmetic on show as a standalone SVG figure: patch, kernel, products, sum, bias and
   * activation (styles embedded; caption: model, layer, position).
   */
  async toSVG(): Promise<string> {
    const { neuronMathToSVG } = await import("../export/figures.js");
    return neuronMathToSVG(this);
  }

  /** The same figure as a PNG, at `scale` (default 2) or `width` px wide. */
  async toPNG(options?: PngOptions): Promise<Blob> {
    const { svgFigureToPNG } = await import("../export/figures.js");
    return svgFigureToPNG(await this.toSVG(), options);
  }

  #shown(): Shown {
    if (this.explanation) return { kind: "ok", n: this.explanation };
    const sim = this.simulator;
    if (!sim) {
      return {
        kind: "empty",
        message: msg("No neuron to explain: set `simulator` or `explanation`.", {
          id: "neuron-math.empty",
        }),
      };
    }
    const trace = sim.trace;
    if (!trace) {
      return {
        kind: "empty",
        message: msg("Waiting for the network to run…", { id: "neuron-math.waiting" }),
      };
    }
    const pos = sim.cursor.neuron;
    const key = `${pos.layer}/${pos.channel}/${pos.y}/${pos.x}`;
    if (this.#memo?.trace === trace && this.#memo.key === key)
      return { kind: "ok", n: this.#memo.n };
    try {
      const n = sim.explain(pos);
      this.#memo = { trace, key, n };
      return { kind: "ok", n };
    } catch (error) {
      return { kind: "error", message: error instanceof Error ? error.message : String(error) };
    }
  }

  /** "C3 map 4 at (2, 3)" or "F6 unit 12". */
  #where(n: NeuronExplanation): string {
    const { channel, y, x } = n.position;
    const vector =
      n.explanation.type === "dense" ||
      n.explanation.type === "rbf" ||
      n.receptiveField?.path?.[0]?.region?.kind === "units";
    return vector
      ? msg(str`${n.layer} unit ${channel}`, { id: "neuron-math.where-unit" })
      : msg(str`${n.layer} map ${channel} at (${y}, ${x})`, { id: "neuron-math.where-map" });
  }

  #kindName(n: NeuronExplanation): string {
    const e = n.explanation;
    switch (e.type) {
      case "conv": {
        const kh = e.patch[0]?.length ?? 0;
        const kw = e.patch[0]?.[0]?.length ?? 0;
        if (e.inputChannels.length === 1)
          return msg(str`convolution ${kh}×${kw} over one input map`, {
            id: "neuron-math.kind-conv-one",
          });
        return msg(str`convolution ${kh}×${kw} over ${e.inputChannels.length} input maps`, {
          id: "neuron-math.kind-conv",
        });
      }
      case "pool":
        return e.mode === "max"
          ? msg("max pooling", { id: "neuron-math.kind-max" })
          : e.mode === "avg"
            ? msg("average pooling", { id: "neuron-math.kind-avg" })
            : msg("trainable subsampling", { id: "neuron-math.kind-subsampling" });
      case "dense":
        return msg(str`fully connected, ${e.inputs.length} inputs`, {
          id: "neuron-math.kind-dense",
        });
      case "rbf":
        return msg("Euclidean RBF output", { id: "neuron-math.kind-rbf" });
      case "lrn":
        return msg("local response normalisation", { id: "neuron-math.kind-lrn" });
      case "elementwise":
        return n.kind;
    }
  }

  /** The one-sentence summary, also announced. */
  #summary(n: NeuronExplanation): string {
    const f = (v: number) => formatValue(v, this.digits);
    const where = this.#where(n);
    const e = n.explanation;
    const out = f(e.output);
    switch (e.type) {
      case "conv":
      case "dense": {
        if (e.activation === "softmax") {
          return msg(str`${where}: logit ${f(e.preActivation)}, softmax → ${out}`, {
            id: "neuron-math.summary-softmax",
          });
        }
        if (e.activation === "linear") {
          return msg(str`${where}: sum ${f(e.sum)} + bias ${f(e.bias)} = ${out}`, {
            id: "neuron-math.summary-linear",
          });
        }
        const act = activationName(e.activation);
        return msg(
          str`${where}: sum ${f(e.sum)} + bias ${f(e.bias)} = ${f(e.preActivation)}, ${act} → ${out}`,
          { id: "neuron-math.summary-affine" },
        );
      }
      case "pool": {
        const count = e.values.flat().filter(Number.isFinite).length;
        if (e.mode === "max")
          return msg(str`${where}: the largest of ${count} values is ${out}`, {
            id: "neuron-math.summary-max",
          });
        if (e.mode === "avg")
          return msg(str`${where}: the mean of ${count} values is ${out}`, {
            id: "neuron-math.summary-avg",
          });
        const act = activationName(e.activation);
        return msg(
          str`${where}: sum ${f(e.reduced)} × ${f(e.coefficient ?? 0)} + bias ${f(e.bias ?? 0)} = ${f(e.preActivation)}, ${act} → ${out}`,
          { id: "neuron-math.summary-subsampling" },
        );
      }
      case "rbf":
        return msg(
          str`${where}: squared distance to the class code over ${e.inputs.length} inputs = ${out}`,
          { id: "neuron-math.summary-rbf" },
        );
      case "lrn":
        return msg(str`${where}: ${f(e.input)} ÷ ${f(e.divisor)} = ${out}`, {
          id: "neuron-math.summary-lrn",
        });
      case "elementwise":
        return msg(str`${where}: ${e.formula} → ${out}`, { id: "neuron-math.summary-elementwise" });
    }
  }

  #body(n: NeuronExplanation): TemplateResult {
    const ctx: SectionContext = {
      digits: this.digits,
      maxChannels: this.maxChannels,
      inputName: inputLayerName(n),
      clip: clippedInputWindow(n),
    };
    const e = n.explanation;
    switch (e.type) {
      case "conv":
        return convSection(e, ctx);
      case "pool":
        return poolSection(e, ctx);
      case "dense":
        return denseSection(e, ctx, n.position.channel);
      case "rbf":
        return rbfSection(e, ctx);
      case "lrn":
        return lrnSection(e, ctx, n.position.channel);
      case "elementwise":
        return elementwiseSection(e, ctx);
    }
  }

  #attributes = new AttributeGuard<CsNeuronMath>(this, {
    digits: numberIn({ min: 1, max: 10, integer: true, fallback: 3 }),
    maxChannels: {
      ...numberIn({ min: 1, max: 1024, integer: true, fallback: 6 }),
      attribute: "max-channels",
    },
  });

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.#attributes.check(changed);
  }

  override render() {
    const s = this.#shown();
    if (s.kind !== "ok") {
      return html`<div part="base">
        <p
          class=${s.kind === "error" ? "error" : "note"}
          role=${s.kind === "error" ? "alert" : nothing}
        >
          ${s.message}
        </p>
      </div>`;
    }
    const n = s.n;
    const e = n.explanation;
    const activation = "activation" in e ? e.activation : "linear";
    const definition = activationDefinition(activation);
    return html`<div part="base" data-type=${e.type}>
      <header>
        <h3 part="heading">${this.#where(n)}</h3>
        <span class="kind">${this.#kindName(n)}</span>
      </header>
      <p class="summary" part="summary" aria-live="polite">${this.#summary(n)}</p>
      <div
        class="body scroll-x"
        role="group"
        tabindex="0"
        aria-label=${msg("arithmetic", { id: "neuron-math.arithmetic" })}
      >
        ${this.#body(n)}
      </div>
      <div
        class="formula scroll-x"
        part="formula"
        role="group"
        tabindex="0"
        aria-label=${msg("formula", { id: "neuron-math.formula" })}
      >
        <math display="block">${formula(e, this.digits)}</math>
        ${
          definition === nothing
            ? nothing
            : html`<math display="block" class="definition">${definition}</math>`
        }
      </div>
      ${
        Number.isFinite(n.value)
          ? html`<p class="note trace">
              ${msg("In the trace (TensorFlow.js):", { id: "neuron-math.trace" })}
              ${valueSpan("trace", n.value, this.digits)}
            </p>`
          : nothing
      }
    </div>`;
  }
}
