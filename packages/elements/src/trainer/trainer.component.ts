import { msg, str, updateWhenLocaleChanges } from "@lit/localize";
import { LitElement, html, nothing, type PropertyValues } from "lit";
import { property, query, state } from "lit/decorators.js";
import type { EpochRecord, SavedWeights, TrainProgress } from "@convstep/engine";
import { assetUrl } from "../shared/assets.js";
import { AttributeGuard, numberAttribute, oneOf } from "../shared/attribute-guard.js";
import { attributeNotes } from "../shared/explorer/attribute-notes.js";
import { CsErrorEvent } from "../shared/events.js";
import { langRule, setLanguage } from "../shared/localize.js";
import { baseStyles } from "../shared/styles.js";
import { chartWidth, drawCurves } from "./curve-chart.js";
import { CsTrainedEvent, CsTrainStateEvent } from "./events.js";
import {
  hyperparameterMessage,
  readHyperparameters,
  secondsLeft,
} from "./hyperparameter-fields.js";
import { paintMapStrip } from "./paint-maps.js";
import type { FromWorker, Snapshot, TrainerModel, TrainingBackendChoice } from "./protocol.js";
import { runButtons, trainingFields } from "./training-form.js";
import { TrainingClient } from "./training-client.js";
import { trainingStyles } from "./trainer.styles.js";
import type { TrainingBackend } from "./backend-choice.js";
import { backendWords } from "./backend-words.js";
import {
  SHIPPED_DIGITS,
  backendRule,
  batchSizeRule,
  digitsRule,
  epochsRule,
  heldOutRule,
  learningRateRule,
  seedRule,
  TypedFields,
} from "./training-attributes.js";

/** Where a run stands. */
export type TrainerState =
  "idle" | "starting" | "running" | "pausing" | "paused" | "done" | "failed";

/** Momentum-SGD learning rates that train each LeNet-5 well (scripts/train-lenet.ts). */
const DEFAULT_RATE: Record<TrainerModel, number> = { "lenet5-keras": 0.05, "lenet5-1998": 0.002 };

function modelOf(value: string): TrainerModel {
  return value.trim().toLowerCase() === "1998" || value === "lenet5-1998"
    ? "lenet5-1998"
    : "lenet5-keras";
}

/**
 * @summary Trains a LeNet-5 in the page on 3,000 bundled MNIST digits, in a Web Worker (the page
 * never freezes): start, pause, resume and reset; learning rate, batch size and epochs; a progress
 * bar with the time left; live loss and accuracy curves (training and held-out); C1's kernels
 * and one digit's C1 maps as they learn. The trained weights go to a LeNet explorer
 * (`<cs-lenet-explorer trainer="id">` or `explorer.useWeights(event.weights)`) and download as a
 * TensorFlow.js weights manifest.
 *
 * @tagname cs-trainer
 *
 * @csspart base - The wrapper.
 *
 * @fires cs-trained - {CsTrainedEvent} A run finished; carries its weights.
 * @fires cs-error - {CsErrorEvent} Bad settings, a diverging loss or a failed worker; shown in place too.
 */
export class CsTrainer extends LitElement {
  static override styles = [baseStyles, trainingStyles];

  /** Which LeNet-5: `keras` (default) or `1998`. */
  @property() model = "keras";
  /** Learning rate of SGD with momentum 0.9 (default: 0.05 for keras, 0.002 for 1998). */
  @property({ attribute: "learning-rate" }) learningRate: string | undefined;
  @property({ attribute: "batch-size" }) batchSize = "32";
  @property() epochs = "2";
  /** Seeds the initial weights and the order of the digits. */
  @property({ converter: numberAttribute }) seed = 1;
  /** How many of the 3,000 shipped digits to train on. */
  @property({ converter: numberAttribute }) digits = 1000;
  /** Held-out test digits measured after every epoch. */
  @property({ converter: numberAttribute, attribute: "held-out" }) heldOut = 200;
  /** `auto` (webgl on a real GPU, else cpu), `cpu` or `webgl`. */
  @property() backend: TrainingBackendChoice = "auto";
  @property() override lang = "";

  #attributes = new AttributeGuard<CsTrainer>(this, {
    model: oneOf(["keras", "1998", "lenet5-keras", "lenet5-1998"], "keras"),
    learningRate: { ...learningRateRule(undefined), attribute: "learning-rate" },
    batchSize: { ...batchSizeRule("32"), attribute: "batch-size" },
    epochs: epochsRule("2"),
    seed: seedRule,
    digits: digitsRule(1000),
    heldOut: { ...heldOutRule, attribute: "held-out" },
    backend: backendRule,
    lang: langRule,
  });
  /** Refused hyper-parameter attributes stay in their fields, for Start to refuse in place. */
  #typed = new TypedFields();

  @state() private _state: TrainerState = "idle";
  @state() private _error: string | undefined;
  @state() private _backend: TrainingBackend | undefined;
  @state() private _progress: { p: TrainProgress; elapsed: number } | undefined;
  @state() private _weights: { saved: SavedWeights; urls: [string, string] } | undefined;

  @query("svg.loss") private _lossSvg!: SVGSVGElement;
  @query("svg.accuracy") private _accuracySvg!: SVGSVGElement;
  @query("canvas.kernels") private _kernelCanvas!: HTMLCanvasElement;
  @query("canvas.feature-maps") private _mapCanvas!: HTMLCanvasElement;

  #client = new TrainingClient((m) => this.#onMessage(m));
  #steps: Array<[number, number, number]> = []; // [step, loss, accuracy]
  #epochs: EpochRecord[] = [];
  #snapshot: Snapshot | undefined;
  #frame = 0;
  #finished: { resolve: () => void; promise: Promise<void> } | undefined;

  #resize = new ResizeObserver(() => this.#schedule());

  constructor() {
    super();
    updateWhenLocaleChanges(this);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#resize.observe(this);
  }

  /** Where the run stands. */
  get state(): TrainerState {
    return this._state;
  }
  /** One record per finished epoch. */
  get history(): readonly EpochRecord[] {
    return this.#epochs;
  }
  /** The last run's weights (a tfjs weights manifest and its shard), once done. */
  get weights(): SavedWeights | undefined {
    return this._weights?.saved;
  }
  /** The message shown in place, if any. */
  get error(): string | undefined {
    return this._error;
  }
  /** The backend training runs on, with the reason, once the worker has started. */
  get backendReason(): string | undefined {
    return this._backend?.reason;
  }

  /** The model name of the `model` attribute. */
  get modelName(): TrainerModel {
    return modelOf(this.model);
  }

  /** Resolves when the current run ends (done, failed or reset). */
  get finished(): Promise<void> {
    return this.#finished?.promise ?? Promise.resolve();
  }

  /** The training worker's live tensors (tf.memory().numTensors there). */
  numTensors(): Promise<number> {
    return this.#client.numTensors();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#resize.disconnect();
    cancelAnimationFrame(this.#frame);
    this.#client.terminate();
    this.#endRun();
    this.#revoke();
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

  /** Starts a run with the fields' settings; a bad setting is shown in place instead. */
  start(): void {
    if (this._state === "running" || this._state === "starting" || this._state === "pausing")
      return;
    const form = this.renderRoot.querySelector("form");
    const field = (name: string, fallback: string) =>
      (form?.elements.namedItem(name) as HTMLInputElement | null)?.value ?? fallback;
    const model = modelOf(field("model", this.modelName));
    let h;
    try {
      const digits = Math.min(SHIPPED_DIGITS, Math.max(1, Math.floor(this.digits)));
      h = readHyperparameters(
        {
          learningRate: field("learningRate", this.learningRate ?? String(DEFAULT_RATE[model])),
          batchSize: field("batchSize", this.batchSize),
          epochs: field("epochs", this.epochs),
        },
        digits,
      );
    } catch (error) {
      this.#fail(hyperparameterMessage(error), error);
      return;
    }
    this.model = model === "lenet5-1998" ? "1998" : "keras";
    this._error = undefined;
    this.#steps = [];
    this.#epochs = [];
    this.#snapshot = undefined;
    this._progress = undefined;
    this.#revoke();
    this._weights = undefined;
    this._state = "starting";
    let resolve = () => {};
    const promise = new Promise<void>((r) => (resolve = r));
    this.#finished = { resolve, promise };
    this.#client.send({
      type: "train",
      model,
      ...h,
      seed: this.seed,
      digits: Math.min(SHIPPED_DIGITS, Math.max(1, Math.floor(this.digits))),
      heldOut: Math.max(0, Math.floor(this.heldOut)),
      trainUrl: assetUrl("data/mnist-train-3000.bin.deflate"),
      testUrl: assetUrl("data/mnist-test-500.bin"),
      example: 3,
      backend: this.backend,
    });
    this.#schedule();
  }

  /** Pauses before the next step (the worker holds no batch tensors while paused). */
  pause(): void {
    if (this._state !== "running" && this._state !== "starting") return;
    this._state = "pausing";
    this.#client.send({ type: "pause" });
  }

  resume(): void {
    if (this._state !== "paused" && this._state !== "pausing") return;
    this._state = "running";
    this.#client.send({ type: "resume" });
  }

  /** Stops the run (its tensors are freed) and clears the curves. Resolves once stopped. */
  async reset(): Promise<void> {
    const stopped = this.#client.next("stopped", { type: "stop" });
    await stopped;
    this.#steps = [];
    this.#epochs = [];
    this.#snapshot = undefined;
    this._progress = undefined;
    this._error = undefined;
    this._state = "idle";
    this.#endRun();
    this.#schedule();
  }

  #endRun(): void {
    this.#finished?.resolve();
  }

  #revoke(): void {
    if (this._weights) for (const url of this._weights.urls) URL.revokeObjectURL(url);
  }

  #fail(message: string, error?: unknown): void {
    this._error = message;
    this._state = this._state === "idle" ? "idle" : "failed";
    this.dispatchEvent(new CsErrorEvent(error ?? new Error(message)));
  }

  #onMessage(m: FromWorker): void {
    switch (m.type) {
      case "backend":
        this._backend = m.choice;
        break;
      case "progress":
        if (this._state === "starting") this._state = "running";
        this._progress = { p: m.progress, elapsed: m.elapsed };
        this.#steps.push([
          m.progress.epoch * m.progress.batches + m.progress.batch + 1,
          m.progress.loss,
          m.progress.accuracy,
        ]);
        this.#schedule();
        break;
      case "epoch":
        this.#epochs.push(m.record);
        this.#schedule();
        break;
      case "snapshot":
        this.#snapshot = m.snapshot;
        this.#schedule();
        break;
      case "paused":
        if (this._state === "pausing") this._state = "paused";
        break;
      case "done": {
        const json = new Blob([JSON.stringify(m.weights.modelJson)], { type: "application/json" });
        const shard = new Blob(
          m.weights.shards.map((s) => s.data),
          { type: "application/octet-stream" },
        );
        this._weights = {
          saved: m.weights,
          urls: [URL.createObjectURL(json), URL.createObjectURL(shard)],
        };
        this._state = "done";
        this.dispatchEvent(new CsTrainedEvent(this.modelName, m.weights, m.history));
        this.#endRun();
        break;
      }
      case "error":
        this._state = "failed";
        this.#fail(m.message);
        this.#endRun();
        break;
      case "stopped":
        break;
      default:
        break;
    }
  }

  /** Redraws the curves and maps on the next frame (many messages, one drawing). */
  #schedule(): void {
    if (this.#frame) return;
    this.#frame = requestAnimationFrame(() => {
      this.#frame = 0;
      this.#draw();
    });
  }

  #draw(): void {
    if (!this._lossSvg) return;
    const p = this._progress?.p;
    const totalSteps = p ? p.epochs * p.batches : 1;
    const batches = p?.batches ?? 1;
    const smooth = smoothed(this.#steps, 10);
    const lossMax = Math.max(0.5, ...this.#steps.slice(0, 20).map((s) => s[1]));
    const epochX = (e: EpochRecord) => (e.epoch + 1) * batches;
    drawCurves(
      this._lossSvg,
      [
        { label: "training", className: "train", points: smooth.map(([s, l]) => [s, l] as const) },
        {
          label: "held-out",
          className: "held-out",
          dots: true,
          points: this.#epochs
            .filter((e) => e.validationLoss !== undefined)
            .map((e) => [epochX(e), e.validationLoss!] as const),
        },
      ],
      {
        width: chartWidth(this._lossSvg, 420),
        height: 200,
        xMax: totalSteps,
        yMax: lossMax,
        xLabel: msg("step", { id: "trainer.axis.step" }),
        yLabel: msg("loss", { id: "trainer.axis.loss" }),
      },
    );
    drawCurves(
      this._accuracySvg,
      [
        {
          label: "training",
          className: "train",
          points: smooth.map(([s, , a]) => [s, a * 100] as const),
        },
        {
          label: "held-out",
          className: "held-out",
          dots: true,
          points: this.#epochs
            .filter((e) => e.validationAccuracy !== undefined)
            .map((e) => [epochX(e), e.validationAccuracy! * 100] as const),
        },
      ],
      {
        width: chartWidth(this._accuracySvg, 420),
        height: 200,
        xMax: totalSteps,
        yMax: 100,
        xLabel: msg("step", { id: "trainer.axis.step" }),
        yLabel: msg("accuracy (%)", { id: "trainer.axis.accuracy" }),
      },
    );
    const snap = this.#snapshot;
    if (snap) {
      paintMapStrip(this._kernelCanvas, snap.kernels, snap.kernelSize, snap.count, 8);
      paintMapStrip(this._mapCanvas, snap.maps, snap.mapSize, snap.count, 2);
    }
  }

  protected override updated(changed: PropertyValues): void {
    if (changed.has("_state")) this.dispatchEvent(new CsTrainStateEvent(this._state));
    this.#schedule();
  }

  #progressView() {
    const p = this._progress;
    if (!p) {
      return html`<progress
          max="1"
          value="0"
          aria-label=${msg("Training progress", { id: "trainer.progress" })}
        ></progress>
        <p class="muted">
          ${this._state === "starting" ? msg("Starting the worker and loading the digits…", { id: "trainer.starting" }) : msg("Not started.", { id: "trainer.idle" })}
        </p>`;
    }
    const total = p.p.epochs * p.p.batches;
    const done = p.p.epoch * p.p.batches + p.p.batch + 1;
    const left = secondsLeft(p.elapsed, done, total);
    const leftText = Number.isFinite(left) ? `${Math.ceil(left)}` : "–";
    return html`<progress
        max=${total}
        value=${done}
        aria-label=${msg("Training progress", { id: "trainer.progress" })}
      ></progress>
      <p class="muted" aria-live="polite">
        ${msg(str`Step ${done} of ${total} · epoch ${p.p.epoch + 1} of ${p.p.epochs} · about ${leftText} s left`, { id: "trainer.status" })}
      </p>`;
  }

  /** One curve chart (an `svg.<kind>` that `updated()` draws into) with its legend. */
  #chartView(kind: "loss" | "accuracy", label: string) {
    return html`<figure>
      <svg class=${kind} role="img" aria-label=${label}></svg>
      <figcaption class="legend">
        <span
          ><span class="swatch"></span
          >${msg("training (last 10 steps)", { id: "trainer.legend.train" })}</span
        ><span
          ><span class="swatch held-out"></span
          >${msg("held-out (per epoch)", { id: "trainer.legend.held-out" })}</span
        >
      </figcaption>
    </figure>`;
  }

  protected override render() {
    const model = this.modelName;
    const busy =
      this._state === "running" || this._state === "starting" || this._state === "pausing";
    const paused = this._state === "paused";
    const last = this.#epochs[this.#epochs.length - 1];
    return html`<div class="base" part="base">
      <h2>${msg("Train LeNet-5 in the page", { id: "trainer.title" })}</h2>
      ${attributeNotes(this.#attributes.problems)}
      <p class="muted">
        ${msg(str`${Math.min(SHIPPED_DIGITS, this.digits)} MNIST training digits, SGD with momentum 0.9; held-out: ${this.heldOut} test digits.`, { id: "trainer.summary" })}
      </p>
      <form
        @submit=${(e: Event) => {
          e.preventDefault();
          this.start();
        }}
      >
        <label
          >${msg("Model", { id: "trainer.model" })}
          <select
            name="model"
            ?disabled=${busy || paused}
            .value=${model}
            @change=${(e: Event) => (this.model = (e.target as HTMLSelectElement).value)}
          >
            <option value="lenet5-keras" ?selected=${model === "lenet5-keras"}>
              LeNet-5 (Keras)
            </option>
            <option value="lenet5-1998" ?selected=${model === "lenet5-1998"}>LeNet-5 (1998)</option>
          </select>
        </label>
        ${trainingFields({
          learningRate: this.#typed.text(
            "learningRate",
            this.learningRate ?? String(DEFAULT_RATE[model]),
          ),
          batchSize: this.#typed.text("batchSize", this.batchSize),
          epochs: this.#typed.text("epochs", this.epochs),
          locked: busy || paused,
        })}
        ${runButtons({
          startLabel: msg("Start", { id: "trainer.start" }),
          busy,
          paused,
          pause: () => this.pause(),
          resume: () => this.resume(),
          reset: () => void this.reset(),
        })}
      </form>
      ${this._error ? html`<p class="error" role="alert">${this._error}</p>` : nothing}
      <p class="backend">
        ${this._backend ? backendWords(this._backend) : nothing}
        ${msg("Training runs in a Web Worker, so the page stays responsive; never on wasm, which lacks the Conv2DBackpropFilter kernel that training needs.", { id: "trainer.backend-note" })}
      </p>
      ${this.#progressView()}
      ${
        last
          ? html`<p>
              ${msg(str`After epoch ${last.epoch + 1}: training accuracy ${(last.accuracy * 100).toFixed(1)} %, held-out ${last.validationAccuracy !== undefined ? (last.validationAccuracy * 100).toFixed(1) : "–"} %.`, { id: "trainer.epoch-line" })}
            </p>`
          : nothing
      }
      <div class="charts">
        ${this.#chartView("loss", msg("Loss against steps", { id: "trainer.loss-chart" }))}
        ${this.#chartView(
          "accuracy",
          msg("Accuracy against steps", { id: "trainer.accuracy-chart" }),
        )}
      </div>
      <div class="maps">
        <figure>
          <canvas
            class="kernels"
            width="1"
            height="1"
            aria-label=${msg("C1's six 5×5 kernels", { id: "trainer.kernels" })}
          ></canvas>
          <figcaption>
            ${msg("C1's kernels as they learn (white negative, black positive)", { id: "trainer.kernels-caption" })}
          </figcaption>
        </figure>
        <figure>
          <canvas
            class="feature-maps"
            width="1"
            height="1"
            aria-label=${msg("C1's maps of one test digit", { id: "trainer.maps" })}
          ></canvas>
          <figcaption>
            ${msg("C1's six feature maps of one test digit", { id: "trainer.maps-caption" })}
          </figcaption>
        </figure>
      </div>
      ${
        this._weights
          ? html`<p class="buttons">
              <a class="download" href=${this._weights.urls[0]} download="model.json"
                >${msg("Download model.json", { id: "trainer.download-json" })}</a
              >
              <a
                class="download"
                href=${this._weights.urls[1]}
                download=${this._weights.saved.shards[0]?.path ?? "group1-shard1of1.bin"}
                >${msg("Download weights (.bin)", { id: "trainer.download-bin" })}</a
              >
            </p>`
          : nothing
      }
    </div>`;
  }
}

/** Each step's loss and accuracy averaged over the last `n` steps. */
export function smoothed(
  steps: readonly (readonly [number, number, number])[],
  n: number,
): Array<[number, number, number]> {
  const out: Array<[number, number, number]> = [];
  let loss = 0;
  let accuracy = 0;
  steps.forEach(([step, l, a], i) => {
    loss += l;
    accuracy += a;
    if (i >= n) {
      loss -= steps[i - n][1];
      accuracy -= steps[i - n][2];
    }
    const k = Math.min(n, i + 1);
    out.push([step, loss / k, accuracy / k]);
  });
  return out;
}
