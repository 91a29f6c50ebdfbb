import { msg, str, updateWhenLocaleChanges } from "@lit/localize";
import { LitElement, html, nothing, type PropertyValues } from "lit";
import { property, state } from "lit/decorators.js";
import {
  AbortError,
  BACKEND_CHOICES,
  ConvstepError,
  GRANULARITIES,
  type BackendChoice,
  type BackendSelection,
  type Granularity,
  type SavedWeights,
  type Simulator,
} from "@convstep/engine";
import {
  AttributeGuard,
  numberAttribute,
  oneOf,
  speedRule,
  wordsOf,
} from "../shared/attribute-guard.js";
import type { CsTrainedEvent } from "../trainer/events.js";
import { getEngine } from "../shared/engine.js";
import {
  CsErrorEvent,
  type CsFocusLayerEvent,
  type CsInputEvent,
  type CsPlayEvent,
} from "../shared/events.js";
import { Announcer } from "../shared/explorer/announcer.js";
import { explorerStyles } from "../shared/explorer/explorer.styles.js";
import { LiveRegionMuter } from "../shared/explorer/live-regions.js";
import { ExplorerLoader } from "../shared/explorer/loader.js";
import { StepSync } from "../shared/explorer/step-sync.js";
import { attributeNotes } from "../shared/explorer/attribute-notes.js";
import {
  downloadFigure,
  explorerPNG,
  explorerSVG,
  type ExplorerPngOptions,
  type FigureKind,
} from "../shared/explorer/figures.js";
import { Presenter, presenterNetworkHeight } from "../shared/explorer/presenter.js";
import { presenterStyles } from "../shared/explorer/presenter.styles.js";
import { toolbarView } from "../shared/explorer/toolbar.js";
import { langRule, setLanguage } from "../shared/localize.js";
import { baseStyles } from "../shared/styles.js";
import { styleProps } from "../shared/style-props.js";
import { EXPLORER_PARTS, templateAreas, type ExplorerPart } from "./layout.js";
import { lenetExplorerStyles } from "./lenet-explorer.styles.js";
import { lenetInput, loadLenet, type LenetVariant, type LoadedLenet } from "./load-model.js";
import { SAMPLE_DIGIT_INDEX, SAMPLE_DIGIT_LABEL, sampleDigit } from "./sample-digit.js";
import { failureView, headerView, regionLabel, type Failure } from "./view.js";

/** The hash key of a LeNet explorer without an `id`. */
export const LENET_HASH_KEY = "lenet";

/** The layer LeNet-5's Table I wires (shown by the connection table). */
const TABLE_LAYER = "C3";

/**
 * @summary LeNet-5, explained step by step: draw or pick a digit, then walk through the network
 * layer by layer, map by map or neuron by neuron, with the feature maps, the arithmetic of the
 * current neuron and the prediction. `variant="1998"` is the paper's network (with Table I);
 * `variant="keras"` the version of Keras tutorials. Everything is set up by attributes, so a blog
 * post needs no script.
 *
 * @tagname cs-lenet-explorer
 *
 * @csspart base - The wrapper.
 * @csspart header - Title, credit and status.
 * @csspart title - The title line.
 * @csspart credit - The credit line.
 * @csspart status - The status line (backend and weights).
 * @csspart error - The error box, with its buttons.
 * @csspart grid - The grid holding the blocks.
 * @csspart region - Each block's `<section>`; also named after the block (`pad`, `network`, …).
 *
 * @cssproperty --cs-lenet-explorer-gap - Space between the blocks (default 16px).
 * @cssproperty --cs-lenet-explorer-side-width - Width of the input column on wide screens (default 360px).
 * @cssproperty --cs-lenet-explorer-panel-color - Background of the blocks.
 *
 * @fires cs-error - {CsErrorEvent} Loading, running or the WebGL context failed; shown in place too.
 */
export class CsLenetExplorer extends LitElement {
  static override styles = [baseStyles, explorerStyles, lenetExplorerStyles, presenterStyles];

  #loader = new ExplorerLoader<LoadedLenet>(this, {
    loadStarted: () => (this._failure = undefined),
    // After a lost WebGL context, the page's engine goes on without WebGL (wasm, else cpu); the
    // cpu backend is asked for only if the engine was reset meanwhile: it always starts, and
    // LeNet-5 runs on it in a few milliseconds.
    engine: (afterContextLoss) => getEngine(afterContextLoss ? "cpu" : this.backend),
    weights: (seeded, signal) =>
      loadLenet(this.variant, {
        weights: seeded ? "seeded" : this.weights,
        source: seeded || !this.#trained ? undefined : this.#trained,
        signal,
      }),
    start: async () => {
      this.#steps.apply(true);
      await this.run(this.#digit, this.#digitLabel);
    },
    cursorMoved: () => this.#onCursorChange(),
    loadFailed: (error) => this.#fail("load", error),
    contextLost: () => this.#failContextLost(),
    releaseReplaced: true,
  });
  #steps = new StepSync(this, {
    hashKey: LENET_HASH_KEY,
    badStep: (text, layers) =>
      msg(
        str`"${text}" is not a step of this model: expected a layer (${layers}), optionally followed by :map and :row,column.`,
        { id: "lenet-explorer.bad-step" },
      ),
    report: (error) => this.#stepProblem(error),
  });
  #presenter = new Presenter(this, { stepKey: () => this.#steps.key });
  #announcer = new Announcer((sentence) => (this._live = sentence), {
    answer: (best, classes) =>
      msg(str`The network answers ${classes?.[best] ?? String(best)}.`, {
        id: "lenet-explorer.live.answer",
      }),
  });

  @state() private _failure: Failure | undefined;
  /** The C3 map focused in the connection table (lights its links in the network). */
  @state() private _focus: { layer: string; channel: number | undefined } | undefined;
  /** The sentence in the explorer's one live region. */
  @state() private _live = "";

  /** Which LeNet-5: `1998` (the paper, with Table I and RBF outputs) or `keras`. */
  @property({ reflect: true }) variant: LenetVariant = "1998";

  /** TensorFlow.js backend: `auto`, `webgl`, `wasm` or `cpu` (the first explorer on a page decides). */
  @property() backend: BackendChoice = "auto";

  /** Where to start: a layer (`C3`), a map (`C3:4`) or a neuron (`C3:4:2,3`, row 2, column 3). */
  @property() step: string | undefined;

  /** How finely to step: `layer`, `channel` or `neuron` (default: what `step` names, else `layer`). */
  @property() granularity: Granularity | undefined;

  /** Starts playing once the first trace is ready. */
  @property({ type: Boolean }) autoplay = false;

  /** Playback speed, a multiple of the player's base rate. */
  @property({ converter: numberAttribute }) speed = 1;

  /** Language of the widgets: `en` or `ko` (one language per page); empty: as it is. */
  @property() override lang = "";

  /** Parts to hide, space-separated: `header pad network player maps math prediction table summary`. */
  @property() hide = "";

  /** A model.json URL of weights to load, or `seeded` for untrained seeded weights (default: the shipped trained weights). */
  @property() weights: string | undefined;

  /** Keeps the step in the URL hash (`#lenet=C3:4:2,3@neuron`; the key is the element's `id`). */
  @property({ type: Boolean, attribute: "sync-url" }) syncUrl = false;

  #attributes = new AttributeGuard<CsLenetExplorer>(this, {
    variant: oneOf<LenetVariant>(["1998", "keras"], "1998"),
    backend: oneOf<BackendChoice>(BACKEND_CHOICES, "auto"),
    granularity: oneOf<Granularity>(GRANULARITIES, undefined),
    speed: speedRule,
    lang: langRule,
    hide: wordsOf(["header", ...EXPLORER_PARTS]),
  });
  /**
   * The `id` of a cs-trainer on the page: its trained weights replace this explorer's when a run
   * finishes (as `useWeights` does).
   */
  @property() trainer: string | undefined;

  /** Weights handed over by `useWeights`, and how many times (part of the load's key). */
  #trained: { modelJson: SavedWeights["modelJson"]; shards: ArrayBuffer[] } | undefined;
  #trainedCount = 0;

  readonly #onTrained = (e: CsTrainedEvent): void => {
    const from = e.target as Element | null;
    if (this.trainer && from?.id === this.trainer) this.useWeights(e.weights);
  };

  override connectedCallback(): void {
    super.connectedCallback();
    globalThis.document?.addEventListener("cs-trained", this.#onTrained);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    globalThis.document?.removeEventListener("cs-trained", this.#onTrained);
  }

  /**
   * Runs on these weights (a tfjs weights manifest and shards, as cs-trainer's `cs-trained` event
   * carries and `saveWeights` writes); switches `variant` to the weights' model. Await `ready`
   * after `updateComplete` to see them; bad weights show in place.
   */
  useWeights(weights: SavedWeights): void {
    const model = weights.modelJson.convstep?.model;
    if (model === "lenet5-keras" || model === "lenet5-1998") {
      this.variant = model === "lenet5-keras" ? "keras" : "1998";
    }
    this.#trained = { modelJson: weights.modelJson, shards: weights.shards.map((s) => s.data) };
    this.#trainedCount++;
    this.requestUpdate();
  }

  /**
   * Presenter layout: network, player, feature maps and the arithmetic on one 16:9 screen, larger
   * type; the player's keys work anywhere in the explorer and on the page. Full screen turns it on.
   */
  @property({ type: Boolean, reflect: true }) presenter = false;

  #digit: Float32Array = sampleDigit();
  #digitLabel: number | undefined = SAMPLE_DIGIT_LABEL;
  /** Whether the digit run is still the starting sample (the pad then shows it as picked). */
  @state() private _runsSample = true;
  #language: Promise<void> = Promise.resolve();

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    // One voice: the explorer's live region speaks, the blocks' are muted.
    new LiveRegionMuter(this, () => this.renderRoot.querySelectorAll(".region > *"));
  }

  /** The running simulator (undefined while loading or after removal). */
  get simulator(): Simulator | undefined {
    return this.#loader.simulator;
  }

  /** The backend the page's engine runs on, and why. */
  get backendSelection(): BackendSelection | undefined {
    return this.#loader.selection;
  }

  /** `trained` or `seeded` weights, once loaded. */
  get weightsKind(): "trained" | "seeded" | undefined {
    return this.#loader.loaded?.kind;
  }

  /** The error shown, if any. */
  get error(): unknown {
    return this._failure?.error;
  }

  /**
   * Resolves when the current load has its first trace (or has failed and shows why) and the
   * language asked for by `lang` is loaded. After changing `variant`, `weights` or `backend`, wait
   * for `updateComplete` first: the new load starts with the update.
   */
  get ready(): Promise<void> {
    return Promise.all([this.#loader.ready, this.#language]).then(() => undefined);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.#attributes.check(changed);
    if (changed.has("lang") && this.lang) {
      // The attribute also tells assistive technology which language the text is in.
      if (this.getAttribute("lang") !== this.lang) this.setAttribute("lang", this.lang);
      this.#language = setLanguage(this.lang).catch((error: unknown) => this.#fail("input", error));
    }
    if (this.simulator && (changed.has("step") || changed.has("granularity"))) {
      this.#steps.apply(false);
    }
    if (changed.has("weights") && changed.get("weights") !== undefined) this.#trained = undefined;
    this.#loader.update(
      `${this.variant}|${this.backend}|${this.weights ?? ""}|${this.#trained ? this.#trainedCount : ""}`,
    );
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has("presenter")) this.#presenter.presenterChanged();
  }

  /** True while the explorer is full screen. */
  get fullscreen(): boolean {
    return this.#presenter.fullscreen;
  }

  /** Enters full screen with the presenter layout, or leaves it (Esc leaves too). */
  toggleFullscreen(): Promise<void> {
    return this.#presenter.toggleFullscreen();
  }

  /** A figure of the current state as a standalone SVG: the network (default), the arithmetic or the maps. */
  toSVG(what: FigureKind = "network"): Promise<string> {
    return explorerSVG(this.renderRoot, what);
  }

  /** A figure as PNG (default the feature maps at 2×; `what`, `scale` or `width` to choose). */
  async toPNG(options?: ExplorerPngOptions): Promise<Blob> {
    return explorerPNG(this.renderRoot, options);
  }

  /** Downloads a figure (what the export menu does). */
  exportFigure(what: FigureKind): Promise<void> {
    return downloadFigure(this.renderRoot, what, `lenet5-${this.variant}`);
  }

  /**
   * Runs the network on a 28×28 digit (values in [0, 1], background 0), or keeps it for when the
   * model is loaded. An unusable digit's error shows in place; the last trace stays.
   */
  async run(digit: ArrayLike<number>, label?: number): Promise<void> {
    let input: Float32Array;
    try {
      input = lenetInput(this.variant, digit);
    } catch (error) {
      this.#fail("input", error);
      return;
    }
    if (digit !== this.#digit) this._runsSample = false;
    this.#digit = Float32Array.from(digit);
    this.#digitLabel = label;
    const sim = this.simulator;
    if (!sim) return;
    try {
      await sim.run(input);
      if (this._failure?.kind === "input") this._failure = undefined;
      this.#announcer.answer(sim);
    } catch (error) {
      if (error instanceof AbortError || sim.disposed) return;
      if (this.#loader.contextLost) this.#failContextLost();
      else this.#fail("input", error);
    }
  }

  /** Loads again (after a failure); without WebGL (wasm, else cpu) when its context was lost. */
  retry(): void {
    this.#loader.retry(this._failure?.kind === "context");
  }

  /** Gives up on the weights URL and runs with untrained, seeded weights. */
  useSeededWeights(): void {
    this.#loader.useSeeded();
  }

  #fail(kind: Failure["kind"], error: unknown): void {
    this._failure = { kind, error };
    const event = new CsErrorEvent(error);
    this.dispatchEvent(event);
  }

  #failContextLost(): void {
    if (this._failure?.kind === "context") return;
    const message = msg(
      "The WebGL context was lost (the graphics driver was reset, or the page uses too many WebGL canvases). Retry to continue without WebGL (on wasm, else cpu).",
      { id: "lenet-explorer.context-lost" },
    );
    this.#fail("context", new ConvstepError("BACKEND", message));
  }

  /** A step that names no neuron shows in place; a step that works clears it. */
  #stepProblem(error: unknown): void {
    if (error !== undefined) this.#fail("step", error);
    else if (this._failure?.kind === "step") this._failure = undefined;
  }

  #onCursorChange(): void {
    const sim = this.simulator;
    if (!sim) return;
    this._focus = undefined; // the network follows the cursor again once it moves
    this.#steps.cursorMoved();
    this.#announcer.step(sim);
  }

  // Events from the blocks, listened to on the grid, where their targets are still the blocks.

  readonly #onInput = (e: CsInputEvent): void => {
    void this.run(e.data, e.label);
  };

  /** A C3 map focused in the connection table lights its real links in the network. */
  readonly #onFocusLayer = (e: CsFocusLayerEvent): void => {
    const from = e.target as Element | null;
    if (from?.localName !== "cs-connection-table" || e.layer !== TABLE_LAYER) return;
    this._focus = { layer: e.layer, channel: e.channel };
  };

  readonly #onPlay = (e: CsPlayEvent): void => {
    this.#announcer.playing(this.simulator, e.playing);
  };

  /** The parts shown: all but the hidden ones (and the table, which only the 1998 variant has). */
  get #hidden(): Set<string> {
    return new Set(this.hide.toLowerCase().split(/\s+/).filter(Boolean));
  }

  get #shownParts(): ExplorerPart[] {
    const hidden = this.#hidden;
    return EXPLORER_PARTS.filter(
      (p) => !hidden.has(p) && (p !== "table" || this.variant === "1998"),
    );
  }

  #renderBlock(part: ExplorerPart, sim: Simulator, parts: readonly ExplorerPart[]) {
    const focus = this._focus;
    switch (part) {
      case "pad":
        // The pad shows the starting "3" the network runs on, picked in its strip.
        return html`<cs-digit-pad
          size="176"
          samples="10"
          .selected=${this._runsSample ? SAMPLE_DIGIT_INDEX : undefined}
        ></cs-digit-pad>`;
      case "network":
        return html`<cs-network
          .simulator=${sim}
          .focusLayer=${focus?.layer}
          .focusChannel=${focus?.channel}
          .itemHeight=${this.presenter ? presenterNetworkHeight(innerHeight) : undefined}
        ></cs-network>`;
      case "player":
        return html`<cs-player
          .simulator=${sim}
          .granularity=${sim.cursor.granularity}
          .speed=${this.speed}
          .autoplay=${this.autoplay}
        ></cs-player>`;
      case "maps":
        // Without Table I beside them, the maps also show the layer below and its linked maps.
        return html`<cs-feature-maps
          .simulator=${sim}
          ?show-input=${!parts.includes("table")}
        ></cs-feature-maps>`;
      case "math":
        return html`<cs-neuron-math .simulator=${sim} max-channels="4"></cs-neuron-math>`;
      case "prediction":
        // Seeded weights are untrained: the prediction dims its bars and marks no winner.
        return html`<cs-prediction
          .simulator=${sim}
          ?untrained=${this.#loader.loaded?.kind === "seeded"}
        ></cs-prediction>`;
      case "table": {
        // The table lights the map focused in it, else the cursor's map when the cursor is at C3.
        const cursor = sim.cursor.neuron;
        const at = sim.model.layers.findIndex((l) => l.name === TABLE_LAYER);
        const channel = focus ? focus.channel : cursor.layer === at ? cursor.channel : undefined;
        return html`<cs-connection-table
          .simulator=${sim}
          layer=${TABLE_LAYER}
          .focusChannel=${channel}
        ></cs-connection-table>`;
      }
      case "summary":
        return html`<cs-model-summary .simulator=${sim}></cs-model-summary>`;
    }
  }

  #renderBlocks(sim: Simulator) {
    const parts = this.#shownParts;
    const areas = {
      "--_areas-1": templateAreas(parts, 1),
      "--_areas-2": templateAreas(parts, 2),
      "--_areas-wide": templateAreas(parts, "wide"),
    };
    return html`<div
      part="grid"
      class="grid"
      ${styleProps(areas)}
      @cs-input=${this.#onInput}
      @cs-focus-layer=${this.#onFocusLayer}
      @cs-play=${this.#onPlay}
    >
      ${parts.map(
        (part) =>
          html`<section
            part="region ${part}"
            class="region ${part}"
            ${styleProps({ "grid-area": part })}
            aria-label=${regionLabel(part)}
          >
            ${this.#renderBlock(part, sim, parts)}
          </section>`,
      )}
    </div>`;
  }

  override render() {
    const sim = this.simulator;
    const loading = this.#loader.phase === "loading";
    return html`<article
      part="base"
      aria-label=${msg("LeNet-5 explorer", { id: "lenet-explorer.label" })}
      aria-busy=${loading ? "true" : "false"}
      tabindex="-1"
    >
      ${
        this.#hidden.has("header")
          ? nothing
          : headerView(this.variant, loading, this.#loader.selection, this.#loader.loaded)
      }
      ${toolbarView({
        fullscreen: this.#presenter.fullscreen,
        fullscreenAvailable: this.#presenter.fullscreenAvailable,
        presenter: this.presenter,
        toggleFullscreen: () => void this.toggleFullscreen(),
        togglePresenter: () => (this.presenter = !this.presenter),
        exportFigure: (what) =>
          void this.exportFigure(what).catch((e: unknown) => this.#fail("input", e)),
      })}
      ${attributeNotes(this.#attributes.problems)}
      ${failureView(this._failure, {
        dismiss: () => (this._failure = undefined),
        retry: () => this.retry(),
        useSeeded: this.#loader.seeded ? undefined : () => this.useSeededWeights(),
      })}
      ${sim && !sim.disposed && sim.trace ? this.#renderBlocks(sim) : nothing}
      <p class="visually-hidden" aria-live="polite">${this._live}</p>
    </article>`;
  }
}
