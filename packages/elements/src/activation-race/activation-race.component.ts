import { msg, str, updateWhenLocaleChanges } from "@lit/localize";
import { LitElement, html, nothing, type PropertyValues } from "lit";
import { property, query, state } from "lit/decorators.js";
import {
  PAPER_CLAIM,
  RACE_DEFAULTS,
  RACE_DIGITS,
  RACE_NETWORK_SUMMARY,
  type RacePoint,
  type RaceResult,
  type TrainProgress,
} from "@convstep/engine";
import { assetUrl } from "../shared/assets.js";
import { AttributeGuard, numberAttribute } from "../shared/attribute-guard.js";
import { attributeNotes } from "../shared/explorer/attribute-notes.js";
import { CsErrorEvent } from "../shared/events.js";
import { langRule, setLanguage } from "../shared/localize.js";
import { baseStyles } from "../shared/styles.js";
import { chartWidth, drawCurves } from "../trainer/curve-chart.js";
import { CsTrainStateEvent } from "../trainer/events.js";
import { hyperparameterMessage, readHyperparameters } from "../trainer/hyperparameter-fields.js";
import type { FromWorker, TrainingBackendChoice } from "../trainer/protocol.js";
import { TrainingClient } from "../trainer/training-client.js";
import { runButtons, trainingFields } from "../trainer/training-form.js";
import { trainingStyles } from "../trainer/trainer.styles.js";
import type { TrainingBackend } from "../trainer/backend-choice.js";
import { backendWords } from "../trainer/backend-words.js";
import {
  SHIPPED_DIGITS,
  backendRule,
  batchSizeRule,
  digitsRule,
  epochsRule,
  learningRateRule,
  seedRule,
  TypedFields,
} from "../trainer/training-attributes.js";

/** Where the race stands. */
export type RaceState = "idle" | "running" | "pausing" | "paused" | "done" | "failed";

/**
 * @summary AlexNet's Figure 1 as an experiment: the same small CNN, seed, digits and schedule
 * (plain SGD), trained once with ReLU and once with tanh in a Web Worker; the training error
 * against epochs for both with the 25 % line, the epochs and steps each needed to reach it and
 * their ratio, next to the paper's claim and what differs here.
 *
 * @tagname cs-activation-race
 *
 * @csspart base - The wrapper.
 *
 * @fires cs-train-state - {CsTrainStateEvent} The race started, paused, finished or failed.
 * @fires cs-error - {CsErrorEvent} Bad settings or a failed run; shown in place too.
 */
export class CsActivationRace extends LitElement {
  static override styles = [baseStyles, trainingStyles];

  @property({ converter: numberAttribute }) seed: number = RACE_DEFAULTS.seed;
  @property() epochs = String(RACE_DEFAULTS.epochs);
  @property({ attribute: "learning-rate" }) learningRate = String(RACE_DEFAULTS.learningRate);
  @property({ attribute: "batch-size" }) batchSize = String(RACE_DEFAULTS.batchSize);
  /** How many of the 3,000 shipped digits to train on (default 2,000, as the CLI). */
  @property({ converter: numberAttribute }) digits = RACE_DIGITS;
  /** `auto` (webgl on a real GPU, else cpu), `cpu` or `webgl`. */
  @property() backend: TrainingBackendChoice = "auto";
  @property() override lang = "";

  #attributes = new AttributeGuard<CsActivationRace>(this, {
    seed: seedRule,
    epochs: epochsRule(String(RACE_DEFAULTS.epochs)),
    learningRate: {
      ...learningRateRule(String(RACE_DEFAULTS.learningRate)),
      attribute: "learning-rate",
    },
    batchSize: { ...batchSizeRule(String(RACE_DEFAULTS.batchSize)), attribute: "batch-size" },
    digits: digitsRule(RACE_DIGITS),
    backend: backendRule,
    lang: langRule,
  });
  /** Refused hyper-parameter attributes stay in their fields, for Start to refuse in place. */
  #typed = new TypedFields();

  @state() private _state: RaceState = "idle";
  @state() private _error: string | undefined;
  @state() private _backend: TrainingBackend | undefined;
  @state() private _progress: { activation: string; p: TrainProgress } | undefined;
  @state() private _result: RaceResult | undefined;

  @query("svg.race") private _svg!: SVGSVGElement;

  #client = new TrainingClient((m) => this.#onMessage(m));
  #curves: Record<"relu" | "tanh", RacePoint[]> = { relu: [], tanh: [] };
  #epochs: number = RACE_DEFAULTS.epochs;
  #frame = 0;

  #resize = new ResizeObserver(() => this.#schedule());

  constructor() {
    super();
    updateWhenLocaleChanges(this);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#resize.observe(this);
  }

  get state(): RaceState {
    return this._state;
  }
  /** The finished race's numbers. */
  get result(): RaceResult | undefined {
    return this._result;
  }
  get error(): string | undefined {
    return this._error;
  }
  /** The training worker's live tensors. */
  numTensors(): Promise<number> {
    return this.#client.numTensors();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#resize.disconnect();
    cancelAnimationFrame(this.#frame);
    this.#client.terminate();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.#typed.arrive(this, changed);
    this.#attributes.check(changed);
    this.#typed.settle(this);
    if (changed.has("lang") && this.lang) {
      if (this.getAttribute("lang") !== this.lang) this.setAttribute("lang", this.lang);
      void setLanguage(this.lang);
    }
  }

  protected override updated(changed: PropertyValues): void {
    if (changed.has("_state")) this.dispatchEvent(new CsTrainStateEvent(this._state));
    this.#schedule();
  }

  /** Runs the race with the fields' settings; a bad setting is shown in place instead. */
  start(): void {
    if (this._state === "running" || this._state === "pausing" || this._state === "paused") return;
    const form = this.renderRoot.querySelector("form");
    const field = (name: string, fallback: string) =>
      (form?.elements.namedItem(name) as HTMLInputElement | null)?.value ?? fallback;
    const digits = Math.min(SHIPPED_DIGITS, Math.max(1, Math.floor(this.digits)));
    let h;
    try {
      h = readHyperparameters(
        {
          learningRate: field("learningRate", this.learningRate),
          batchSize: field("batchSize", this.batchSize),
          epochs: field("epochs", this.epochs),
        },
        digits,
      );
    } catch (error) {
      this._error = hyperparameterMessage(error);
      this.dispatchEvent(new CsErrorEvent(error));
      return;
    }
    this._error = undefined;
    this._result = undefined;
    this._progress = undefined;
    this.#curves = { relu: [], tanh: [] };
    this.#epochs = h.epochs;
    this._state = "running";
    this.#client.send({
      type: "race",
      options: { ...h, seed: this.seed },
      digits,
      trainUrl: assetUrl("data/mnist-train-3000.bin.deflate"),
      backend: this.backend,
    });
  }

  pause(): void {
    if (this._state !== "running") return;
    this._state = "pausing";
    this.#client.send({ type: "pause" });
  }

  resume(): void {
    if (this._state !== "paused" && this._state !== "pausing") return;
    this._state = "running";
    this.#client.send({ type: "resume" });
  }

  /** Stops the race (its tensors are freed) and clears the plot. */
  async reset(): Promise<void> {
    await this.#client.next("stopped", { type: "stop" });
    this.#curves = { relu: [], tanh: [] };
    this._progress = undefined;
    this._result = undefined;
    this._error = undefined;
    this._state = "idle";
  }

  #onMessage(m: FromWorker): void {
    switch (m.type) {
      case "backend":
        this._backend = m.choice;
        break;
      case "race-progress":
        this._progress = { activation: m.activation, p: m.progress };
        break;
      case "race-point":
        this.#curves[m.activation].push(m.point);
        this.#schedule();
        break;
      case "paused":
        if (this._state === "pausing") this._state = "paused";
        break;
      case "race-done":
        this._result = m.result;
        this._state = "done";
        break;
      case "error":
        this._state = "failed";
        this._error = m.message;
        this.dispatchEvent(new CsErrorEvent(new Error(m.message)));
        break;
      default:
        break;
    }
  }

  #schedule(): void {
    if (this.#frame) return;
    this.#frame = requestAnimationFrame(() => {
      this.#frame = 0;
      if (!this._svg) return;
      const series = (["relu", "tanh"] as const).map((a) => ({
        label: a,
        className: a,
        points: this.#curves[a].map((p) => [p.epoch, p.error * 100] as const),
      }));
      drawCurves(this._svg, series, {
        width: chartWidth(this._svg, 560),
        height: 260,
        xMax: this.#epochs,
        yMax: 100,
        xLabel: msg("epochs", { id: "race.axis.epochs" }),
        yLabel: msg("training error (%)", { id: "race.axis.error" }),
        threshold: { y: PAPER_CLAIM.target * 100, label: "25 %" },
      });
    });
  }

  #progressView() {
    const p = this._progress;
    if (!p) return nothing;
    const perRun = p.p.epochs * p.p.batches;
    const done = (p.activation === "relu" ? 0 : perRun) + p.p.epoch * p.p.batches + p.p.batch + 1;
    return html`<progress
        max=${2 * perRun}
        value=${done}
        aria-label=${msg("Race progress", { id: "race.progress" })}
      ></progress>
      <p class="muted">
        ${msg(
          str`Training with ${p.activation}: epoch ${p.p.epoch + 1} of ${p.p.epochs}, step ${p.p.batch + 1} of ${p.p.batches}`,
          { id: "race.status" },
        )}
      </p>`;
  }

  #resultView(result: RaceResult) {
    const cell = (run: RaceResult["runs"][number]) =>
      run.reached
        ? html`<td class="number">${run.reached.epoch.toFixed(2)}</td>
            <td class="number">${run.reached.step}</td>`
        : html`<td class="number" colspan="2">
            ${msg(str`not within ${result.config.epochs} epochs`, { id: "race.not-reached" })}
          </td>`;
    const ratio = result.ratio;
    return html`<table>
        <thead>
          <tr>
            <th>${msg("activation", { id: "race.col.activation" })}</th>
            <th>${msg("epochs to 25 %", { id: "race.col.epochs" })}</th>
            <th>${msg("steps to 25 %", { id: "race.col.steps" })}</th>
            <th>${msg("final error", { id: "race.col.final" })}</th>
          </tr>
        </thead>
        <tbody>
          ${result.runs.map(
            (run) =>
              html`<tr>
                <td>${run.activation === "relu" ? "ReLU" : "tanh"}</td>
                ${cell(run)}
                <td class="number">${(run.finalError * 100).toFixed(1)} %</td>
              </tr>`,
          )}
        </tbody>
      </table>
      <p class="ratio">
        ${
          ratio === null
            ? msg("Ratio: – (both runs must reach 25 %; try more epochs).", { id: "race.no-ratio" })
            : ratio >= 1
              ? msg(str`tanh needed ${ratio.toFixed(1)}× the steps of ReLU.`, { id: "race.ratio" })
              : msg(
                  str`Here tanh got there first: it needed ${ratio.toFixed(2)}× the steps of ReLU.`,
                  {
                    id: "race.ratio-reversed",
                  },
                )
        }
      </p>`;
  }

  protected override render() {
    const busy = this._state === "running" || this._state === "pausing";
    const paused = this._state === "paused";
    return html`<div class="base" part="base">
      <h2>${msg("ReLU against tanh: AlexNet's Figure 1, in the page", { id: "race.title" })}</h2>
      ${attributeNotes(this.#attributes.problems)}
      <p class="muted">
        ${msg(
          str`The same network (${RACE_NETWORK_SUMMARY}), the same seed, digits and plain-SGD schedule, once with each activation.`,
          { id: "race.summary" },
        )}
      </p>
      <form
        @submit=${(e: Event) => {
          e.preventDefault();
          this.start();
        }}
      >
        ${trainingFields({
          learningRate: this.#typed.text("learningRate", this.learningRate),
          batchSize: this.#typed.text("batchSize", this.batchSize),
          epochs: this.#typed.text("epochs", this.epochs),
          locked: busy || paused,
        })}
        ${runButtons({
          startLabel: msg("Run the race", { id: "race.start" }),
          busy,
          paused,
          pause: () => this.pause(),
          resume: () => this.resume(),
          reset: () => void this.reset(),
        })}
      </form>
      ${this._error ? html`<p class="error" role="alert">${this._error}</p>` : nothing}
      ${this._backend ? html`<p class="backend">${backendWords(this._backend)}</p>` : nothing}
      ${this.#progressView()}
      <figure>
        <svg
          class="race"
          role="img"
          aria-label=${msg("Training error against epochs, ReLU and tanh", { id: "race.chart" })}
        ></svg>
        <figcaption class="legend">
          <span><span class="swatch relu"></span>ReLU</span>
          <span><span class="swatch tanh"></span>tanh</span>
        </figcaption>
      </figure>
      ${this._result ? this.#resultView(this._result) : nothing}
      <p class="muted paper">
        ${msg(
          "The paper (Krizhevsky, Sutskever & Hinton 2012, Figure 1): a four-layer CNN with ReLUs reaches 25 % training error on CIFAR-10 six times faster than the same network with tanh; each network had its own, tuned learning rate.",
          { id: "race.paper" },
        )}
      </p>
      <p class="muted differs">
        ${msg(
          "What differs here: MNIST digits, not CIFAR-10 photos; a network of 6k weights with two convolutions, not the paper's four layers; one learning rate for both. Easy digits and a shallow network leave tanh little room to saturate, so expect a smaller gap than six, or none.",
          { id: "race.differs" },
        )}
      </p>
    </div>`;
  }
}
