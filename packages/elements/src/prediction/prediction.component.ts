import { msg, str, updateWhenLocaleChanges } from "@lit/localize";
import { LitElement, html, nothing, type PropertyValues } from "lit";
import { property } from "lit/decorators.js";
import type { Simulator } from "@convstep/engine";
import { SimulatorController } from "../shared/simulator-controller.js";
import { AttributeGuard, numberAttribute, numberIn, oneOf } from "../shared/attribute-guard.js";
import { baseStyles } from "../shared/styles.js";
import { styleProps } from "../shared/style-props.js";
import { predictionStyles } from "./prediction.styles.js";
import { rankOutputs, type RankedOutput } from "./rank.js";

/**
 * @tagname cs-prediction
 * @summary The network's output as a bar chart: probabilities for softmax models, or distances
 * for LeNet-5's RBF output (shorter wins), with the top-k classes when there are many. With
 * `untrained` (seeded, untrained weights) the bars are dimmed, no class is marked as the winner,
 * and a note in place says that the numbers mean nothing yet.
 *
 * @csspart base - The wrapper.
 * @csspart bar - Each bar; the winner's also has the part `top`.
 * @csspart label - Each class label.
 * @csspart untrained-note - The note shown with `untrained`.
 *
 * @cssproperty --cs-prediction-bar-color - Colour of the bars.
 * @cssproperty --cs-prediction-top-color - Colour of the winning bar.
 * @cssproperty --cs-prediction-row-height - Height of a row.
 * @cssproperty --cs-prediction-untrained-color - Accent of the untrained-weights note.
 */
export class CsPrediction extends LitElement {
  static override styles = [baseStyles, predictionStyles];

  #controller = new SimulatorController(this, { shows: (sim) => [sim.trace] });

  /** The simulator whose trace's output is shown. Takes precedence over `values`. */
  @property({ attribute: false })
  get simulator(): Simulator | undefined {
    return this.#controller.simulator;
  }
  set simulator(value: Simulator | undefined) {
    this.#controller.simulator = value;
  }

  /** Output values to show when no simulator is set. */
  @property({ attribute: false }) values: ArrayLike<number> | undefined;

  /** Class names, in output order (default: the model's, else the index). */
  @property({ attribute: false }) classes: readonly string[] | undefined;

  /** `probabilities` (highest wins) or `distances` (lowest wins); default: the model's. */
  @property() kind: "probabilities" | "distances" | "scores" | undefined;

  /** How many classes to list (all when there are at most this many). */
  @property({ converter: numberAttribute }) top = 10;

  /** Heading above the bars. */
  @property() heading: string | undefined;

  /**
   * The weights are untrained (seeded): the bars are dimmed, no winner is marked, and a note says
   * the numbers are meaningless.
   */
  @property({ type: Boolean, reflect: true }) untrained = false;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
  }

  /** The rows shown, best first when ranked. */
  get ranked(): readonly RankedOutput[] {
    const sim = this.simulator;
    const trace = sim?.trace;
    const values = trace ? trace.output.data : this.values;
    if (!values || values.length === 0) return [];
    const kind = this.kind ?? sim?.model.spec.output?.kind ?? "probabilities";
    const classes = this.classes ?? sim?.model.spec.output?.classes;
    return rankOutputs(values, { kind, classes, top: this.top });
  }

  #attributes = new AttributeGuard<CsPrediction>(this, {
    kind: oneOf(["probabilities", "distances", "scores"] as const, undefined),
    top: numberIn({ min: 1, max: 1000, clamp: true, fallback: 10 }),
  });

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.#attributes.check(changed);
  }

  override render() {
    const rows = this.ranked;
    const kind = this.kind ?? this.simulator?.model.spec.output?.kind ?? "probabilities";
    const heading = this.heading ?? msg("Prediction", { id: "prediction.heading" });
    if (rows.length === 0) {
      return html`<div part="base">
        <h3>${heading}</h3>
        <p class="note">${msg("No output yet.", { id: "prediction.empty" })}</p>
      </div>`;
    }
    const untrained = this.untrained;
    // Untrained: the largest bar is an accident of the seed, not an answer; none is marked.
    const winner = untrained ? undefined : rows.find((r) => r.top);
    return html`<div part="base">
      <h3 id="heading">${heading}</h3>
      ${
        untrained
          ? html`<p class="untrained-note" part="untrained-note" id="untrained-note">
              ${msg(
                "Untrained weights: these numbers are meaningless. The network has learned nothing, so no class wins.",
                { id: "prediction.untrained" },
              )}
            </p>`
          : nothing
      }
      <ol
        aria-labelledby="heading"
        aria-describedby=${untrained ? "untrained-note" : nothing}
        class=${untrained ? "untrained" : ""}
      >
        ${rows.map(
          (r) =>
            html`<li class=${r === winner ? "top" : ""}>
              <span class="label" part="label" title=${r.label}>${r.label}</span>
              <span class="track" aria-hidden="true"
                ><span
                  part=${r === winner ? "bar top" : "bar"}
                  ${styleProps({ width: `${(r.share * 100).toFixed(1)}%` })}
                ></span
              ></span>
              <span class="value">${r.text}</span>
            </li>`,
        )}
      </ol>
      ${
        kind === "distances"
          ? html`<p class="note">
              ${msg("RBF output: the shortest distance to a digit's code wins.", {
                id: "prediction.rbf-note",
              })}
            </p>`
          : nothing
      }
      <p class="visually-hidden" aria-live="polite">
        ${
          winner
            ? msg(str`Prediction: ${winner.label} (${winner.text}).`, { id: "prediction.live" })
            : untrained
              ? msg("Untrained weights: no prediction.", { id: "prediction.live-untrained" })
              : ""
        }
      </p>
    </div>`;
  }
}
