import { msg, str, updateWhenLocaleChanges } from "@lit/localize";
import { LitElement, html, nothing, type PropertyValues } from "lit";
import { property, query, state } from "lit/decorators.js";
import {
  formatCount,
  formatKerasShape,
  summarizeModel,
  type CompiledModel,
  type ModelSummary,
  type Simulator,
} from "@convstep/engine";
import { SimulatorController } from "../shared/simulator-controller.js";
import { AttributeGuard, oneOf } from "../shared/attribute-guard.js";
import { baseStyles } from "../shared/styles.js";
import { cachedStyle } from "../shared/style-cache.js";
import { modelSummaryStyles } from "./model-summary.styles.js";
import { drawShareBars, type ShareBarsLayout } from "./share-bars.js";
import {
  formatShare,
  largestShares,
  layerShares,
  type ShareBar,
  type SummaryMetric,
} from "./shares.js";

/**
 * @tagname cs-model-summary
 * @summary A compiled model's Keras-style summary: one row per layer with its output shape,
 * parameters, connections and multiply-adds, the totals, and a bar chart of where the parameters
 * (or the multiply-adds) live.
 *
 * @csspart base - The wrapper.
 * @csspart header - The model's title and its key figures.
 * @csspart table - The summary table.
 * @csspart chart - The bar chart's `<svg>`.
 * @csspart toggle - The parameters / multiply-adds switch.
 *
 * @cssproperty --cs-model-summary-bar-color - Colour of the bars.
 * @cssproperty --cs-model-summary-highlight-color - Colour of the highlighted layer's bar and row.
 * @cssproperty --cs-model-summary-row-height - Height of a bar's row in px (a number).
 */
export class CsModelSummary extends LitElement {
  static override styles = [baseStyles, modelSummaryStyles];

  #controller = new SimulatorController(this, {
    shows: (sim) => [sim.model, sim.cursor.position.layer],
  });
  #resize: ResizeObserver | undefined;

  @query("svg[part=chart]") private svg!: SVGSVGElement | null;
  @query(".chart") private chartBox!: HTMLElement | null;

  @state() private chartWidth = 0;

  /** The simulator whose model is summarised (and whose cursor's layer is highlighted). */
  @property({ attribute: false })
  get simulator(): Simulator | undefined {
    return this.#controller.simulator;
  }
  set simulator(value: Simulator | undefined) {
    this.#controller.simulator = value;
  }

  /** The compiled model to summarise; takes precedence over the simulator's. */
  @property({ attribute: false }) model: CompiledModel | undefined;

  /** What the bars measure: `params` (parameters) or `macs` (multiply-adds). */
  @property({ reflect: true }) metric: SummaryMetric = "params";

  /** A layer name to highlight (default: the simulator cursor's layer, if any). */
  @property() highlight: string | undefined;

  /** Shows each layer's note from the model spec under its name. */
  @property({ type: Boolean, reflect: true }) notes = false;

  /** The chart's layout as last drawn (for tests). */
  chartLayout: ShareBarsLayout | undefined;

  #summaryOf: CompiledModel | undefined;
  #summary: ModelSummary | undefined;
  #error: string | undefined;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#resize?.disconnect();
    this.#resize = undefined;
  }

  /** The summary shown (recomputed when the model changes), or undefined without a model. */
  get summary(): ModelSummary | undefined {
    const model = this.model ?? this.simulator?.model;
    if (model !== this.#summaryOf) {
      this.#summaryOf = model;
      this.#summary = undefined;
      this.#error = undefined;
      if (model) {
        try {
          this.#summary = summarizeModel(model);
        } catch (error) {
          this.#error = error instanceof Error ? error.message : String(error);
        }
      }
    }
    return this.#summary;
  }

  /** The bars of the chart for the current metric, in layer order. */
  get bars(): readonly ShareBar[] {
    const summary = this.summary;
    return summary ? layerShares(summary, this.metric === "macs" ? "macs" : "params") : [];
  }

  /** The highlighted layer: `highlight`, else the simulator cursor's layer. */
  get highlightedLayer(): string | undefined {
    if (this.highlight) return this.highlight;
    const sim = this.simulator;
    if (!sim) return undefined;
    return sim.model.layers[sim.cursor.position.layer]?.name;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const box = this.chartBox;
    if (box && !this.#resize) {
      this.#resize = new ResizeObserver((entries) => {
        const width = Math.floor(entries[0]?.contentRect.width ?? 0);
        if (width > 0 && Math.abs(width - this.chartWidth) >= 1) this.chartWidth = width;
      });
      this.#resize.observe(box);
    }
    if (this.svg) {
      const metric = this.metric === "macs" ? "macs" : "params";
      this.chartLayout = drawShareBars(this.svg, this.bars, {
        width: this.chartWidth || box?.clientWidth || 480,
        rowHeight: this.#rowHeight(),
        highlight: this.highlightedLayer,
        reducedMotion: matchMedia("(prefers-reduced-motion: reduce)").matches,
        describe: (bar) => this.#describeBar(bar, metric),
      });
    }
  }

  #rowHeight(): number {
    const value = parseFloat(cachedStyle(this).getPropertyValue("--cs-model-summary-row-height"));
    return value > 8 ? value : 22;
  }

  #describeBar(bar: ShareBar, metric: SummaryMetric): string {
    const count = formatCount(bar.value);
    const share = formatShare(bar.share);
    return metric === "macs"
      ? msg(str`${bar.name}: ${count} multiply-adds (${share})`, { id: "model-summary.bar-macs" })
      : msg(str`${bar.name}: ${count} parameters (${share})`, { id: "model-summary.bar-params" });
  }

  #onMetric(event: Event): void {
    const value = (event.target as HTMLInputElement).value;
    this.metric = value === "macs" ? "macs" : "params";
  }

  #chartLabel(bars: readonly ShareBar[], metric: SummaryMetric): string {
    const top = largestShares(bars, 3)
      .map((b) => `${b.name} ${formatShare(b.share)}`)
      .join(", ");
    return metric === "macs"
      ? msg(str`Share of the multiply-adds by layer. Largest: ${top}.`, {
          id: "model-summary.chart-macs",
        })
      : msg(str`Share of the parameters by layer. Largest: ${top}.`, {
          id: "model-summary.chart-params",
        });
  }

  #count(n: number) {
    return html`<td class=${n === 0 ? "num zero" : "num"}>${formatCount(n)}</td>`;
  }

  #attributes = new AttributeGuard<CsModelSummary>(this, {
    metric: oneOf<SummaryMetric>(["params", "macs"], "params"),
  });

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.#attributes.check(changed);
  }

  override render() {
    const summary = this.summary;
    if (!summary) {
      return html`<div part="base">
        ${
          this.#error
            ? html`<p class="error" role="alert">
                ${msg(str`Cannot summarise this model: ${this.#error}`, { id: "model-summary.error" })}
              </p>`
            : html`<p class="note">
                ${msg("No model to summarise.", { id: "model-summary.empty" })}
              </p>`
        }
      </div>`;
    }
    const { rows, totals } = summary;
    const title = summary.title ?? summary.name;
    const nonTrainable = totals.nonTrainable > 0;
    const highlight = this.highlightedLayer;
    const metric: SummaryMetric = this.metric === "macs" ? "macs" : "params";
    const bars = this.bars;
    const caption = msg(str`Layer-by-layer summary of ${title}`, { id: "model-summary.caption" });
    return html`<div part="base">
      <header part="header">
        <h3>${title}</h3>
        <dl class="figures">
          <div>
            <dt>${msg("Parameters", { id: "model-summary.figure-params" })}</dt>
            <dd>${formatCount(totals.total)}</dd>
            ${
              nonTrainable
                ? html`<dd class="sub">
                    ${msg(str`${formatCount(totals.nonTrainable)} non-trainable`, {
                      id: "model-summary.figure-non-trainable",
                    })}
                  </dd>`
                : nothing
            }
          </div>
          <div>
            <dt>${msg("Connections", { id: "model-summary.figure-connections" })}</dt>
            <dd>${formatCount(totals.connections)}</dd>
          </div>
          <div>
            <dt>${msg("Multiply-adds", { id: "model-summary.figure-macs" })}</dt>
            <dd>${formatCount(totals.macs)}</dd>
          </div>
        </dl>
      </header>
      <div class="table-wrap scroll-x" tabindex="0" role="region" aria-label=${caption}>
        <table part="table">
          <caption class="visually-hidden">
            ${caption}
          </caption>
          <thead>
            <tr>
              <th scope="col">${msg("Layer (type)", { id: "model-summary.col-layer" })}</th>
              <th scope="col">${msg("Output shape", { id: "model-summary.col-shape" })}</th>
              <th scope="col" class="num">${msg("Params", { id: "model-summary.col-params" })}</th>
              ${
                nonTrainable
                  ? html`<th scope="col" class="num">
                      ${msg("Non-trainable", { id: "model-summary.col-non-trainable" })}
                    </th>`
                  : nothing
              }
              <th scope="col" class="num">
                ${msg("Connections", { id: "model-summary.col-connections" })}
              </th>
              <th scope="col" class="num">${msg("Mult-adds", { id: "model-summary.col-macs" })}</th>
            </tr>
          </thead>
          <tbody>
            ${rows.map(
              (row) =>
                html`<tr
                  class=${row.name === highlight ? "highlight" : ""}
                  aria-current=${row.name === highlight ? "true" : nothing}
                  data-layer=${row.name}
                  title=${!this.notes && row.note ? row.note : nothing}
                >
                  <th scope="row">
                    <span class="layer">${row.name}</span><span class="visually-hidden"> (</span
                    ><span class="kind">${row.kind}</span><span class="visually-hidden">)</span>
                    ${this.notes && row.note ? html`<span class="layer-note">${row.note}</span>` : nothing}
                  </th>
                  <td class="shape">${formatKerasShape(row.outputShape)}</td>
                  ${this.#count(row.trainable)}
                  ${nonTrainable ? this.#count(row.nonTrainable) : nothing}
                  ${this.#count(row.connections)} ${this.#count(row.macs)}
                </tr>`,
            )}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">${msg("Total", { id: "model-summary.total" })}</th>
              <td></td>
              ${this.#count(totals.trainable)}
              ${nonTrainable ? this.#count(totals.nonTrainable) : nothing}
              ${this.#count(totals.connections)} ${this.#count(totals.macs)}
            </tr>
          </tfoot>
        </table>
      </div>
      <section class="chart-section" aria-labelledby="chart-heading">
        <div class="chart-head">
          <h4 id="chart-heading">
            ${
              metric === "macs"
                ? msg("Where the multiply-adds happen", { id: "model-summary.chart-heading-macs" })
                : msg("Where the parameters live", { id: "model-summary.chart-heading-params" })
            }
          </h4>
          <fieldset part="toggle" class="toggle">
            <legend class="visually-hidden">
              ${msg("Bars show", { id: "model-summary.toggle" })}
            </legend>
            <label
              ><input
                type="radio"
                name="metric"
                value="params"
                .checked=${metric === "params"}
                @change=${this.#onMetric}
              /><span>${msg("Parameters", { id: "model-summary.figure-params" })}</span></label
            ><label
              ><input
                type="radio"
                name="metric"
                value="macs"
                .checked=${metric === "macs"}
                @change=${this.#onMetric}
              /><span>${msg("Multiply-adds", { id: "model-summary.figure-macs" })}</span></label
            >
          </fieldset>
        </div>
        <div class="chart">
          <svg part="chart" role="img" aria-label=${this.#chartLabel(bars, metric)}></svg>
        </div>
      </section>
    </div>`;
  }
}
