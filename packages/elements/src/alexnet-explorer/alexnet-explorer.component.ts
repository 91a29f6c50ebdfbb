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
  type ImagePreprocessing,
  type Simulator,
  type WeightsLoadProgress,
} from "@convstep/engine";
import { SAMPLE_PHOTOS, samplePhoto } from "@convstep/models";
import "../feature-maps/define.js";
import "../image-input/define.js";
import "../model-summary/define.js";
import "../network/define.js";
import "../neuron-math/define.js";
import "../player/define.js";
import "../prediction/define.js";
import type { DisplayTransform } from "../draw/sweep.js";
import type { CsImageInput } from "../image-input/image-input.component.js";
import { displayOf, targetPreprocessing } from "../image-input/preprocess.js";
import { assetUrl } from "../shared/assets.js";
import {
  AttributeGuard,
  numberAttribute,
  oneOf,
  speedRule,
  wordsOf,
} from "../shared/attribute-guard.js";
import { getEngine, resetEngine } from "../shared/engine.js";
import {
  CsErrorEvent,
  CsProgressEvent,
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
import { defineElement } from "../shared/define.js";
import { baseStyles } from "../shared/styles.js";
import { styleProps } from "../shared/style-props.js";
import { alexnetExplorerStyles } from "./alexnet-explorer.styles.js";
import { CsConvSweep } from "./conv-sweep.component.js";
import { ALEXNET_PARTS, shownParts, templateAreas, type AlexnetPart } from "./layout.js";
import {
  ALEXNET_VARIANTS,
  compiledModelOf,
  loadAlexnet,
  weightMegabytes,
  type AlexnetVariant,
  type LoadedAlexnet,
} from "./load-model.js";
import { progressMoved } from "./progress.js";
import { canvasInput, fits, loadInput, sameInput, targetOf, type ModelInput } from "./photo.js";
import {
  kindWords,
  regionLabel,
  renderConv1Choice,
  renderFailure,
  renderHeader,
  type Failure,
} from "./parts.js";
import { stepNote } from "./step-notes.js";
import { syntheticPhoto } from "./synthetic-photo.js";

/** Whether a `weights` value asks for seeded weights (unset, empty or `seeded`) rather than a URL. */
function isSeededRequest(weights: string | undefined): boolean {
  const value = weights?.trim().toLowerCase();
  return !value || value === "seeded";
}

/** Whether two preprocessings give the same numbers (undefined: values in [0, 1] as they are). */
function samePreprocessing(a: ImagePreprocessing | undefined, b: ImagePreprocessing | undefined) {
  if (!a || !b) return a === b;
  return (
    a.scale === b.scale && [0, 1, 2].every((c) => a.mean[c] === b.mean[c] && a.std[c] === b.std[c])
  );
}

/** The hash key of an AlexNet explorer without an `id`. */
export const ALEXNET_HASH_KEY = "alexnet";

/**
 * @tagname cs-alexnet-explorer
 * @summary AlexNet, explained step by step: a photo is cropped and resized, conv1's 11×11 kernels
 * sweep it with stride 4 while the 55×55×96 maps fill in, the two GPU towers run side by side and
 * meet at conv3 and the fully connected layers, LRN, overlapping pooling and dropout are shown
 * with the trace's own numbers, down to the 1000-way (or 10-way) prediction; a summary shows
 * where the 61 million parameters and the multiply-adds live. `variant="2012"` is the paper's
 * network in Caffe's layout, `variant="keras"` the CIFAR-10 version of Keras tutorials. The
 * weights are seeded and untrained unless `weights` names converted trained ones, and the element
 * says so.
 *
 * @csspart base - The wrapper.
 * @csspart header - Title, credit, status and the untrained-weights notice.
 * @csspart notice - The untrained-weights notice.
 * @csspart status - The status line (backend and weights).
 * @csspart error - The error box, with its buttons.
 * @csspart grid - The grid holding the blocks.
 * @csspart region - Each block's `<section>`; also named after the block (`input`, `sweep`, …).
 *
 * @cssproperty --cs-alexnet-explorer-gap - Space between the blocks (default 16px).
 * @cssproperty --cs-alexnet-explorer-side-width - Width of the narrow column on wide screens (default 300px).
 * @cssproperty --cs-alexnet-explorer-panel-color - Background of the blocks.
 * @cssproperty --cs-alexnet-explorer-notice-color - Accent of the untrained-weights notice.
 *
 * @csspart progress - The progress bar, its numbers and Cancel, while a `weights` URL loads.
 *
 * @fires cs-error - {CsErrorEvent} Loading, running, the photo or the WebGL context failed; shown in place too.
 * @fires cs-progress - {CsProgressEvent} Bytes of a `weights` URL's shards read so far (at most every thousandth).
 */
export class CsAlexnetExplorer extends LitElement {
  static override styles = [baseStyles, explorerStyles, alexnetExplorerStyles, presenterStyles];

  #loader = new ExplorerLoader<LoadedAlexnet>(this, {
    releaseReplaced: true,
    loadStarted: () => {
      this._failure = undefined;
      // A weights URL: the status shows its progress (and Cancel) from the start.
      this._fetching = !this.#loader.seeded && !isSeededRequest(this.weights);
      this._progress = undefined;
    },
    engine: async (afterContextLoss) => {
      // After a lost WebGL context, go on with wasm, else with cpu.
      if (!afterContextLoss) return getEngine(this.backend);
      try {
        return await getEngine("wasm");
      } catch {
        resetEngine();
        return getEngine("cpu");
      }
    },
    weights: async (seeded, signal) => {
      const weights = seeded ? "seeded" : this.weights;
      const fromUrl = !isSeededRequest(weights);
      if (fromUrl) this._fetching = true;
      // Let the "Loading" status paint before the seeded weights block the thread.
      await new Promise((resolve) => setTimeout(resolve, 0));
      try {
        return await loadAlexnet(this.variant, {
          weights,
          conv1: this.conv1,
          signal,
          onProgress: fromUrl ? (p) => this.#onProgress(p, signal) : undefined,
        });
      } finally {
        // A replaced or cancelled load leaves the state to the one that replaced it.
        if (!signal.aborted) {
          this._fetching = false;
          this._progress = undefined;
        }
      }
    },
    start: (sim, signal) => this.#start(sim, signal),
    started: async () => {
      if (!this.autoplay) return;
      await this.updateComplete;
      this.renderRoot.querySelector<CsConvSweep>("cs-conv-sweep")?.play();
    },
    cursorMoved: () => this.#onCursorChange(),
    loadFailed: (error) => this.#fail("load", error),
    contextLost: () => this.#failContextLost(),
  });
  #presenter = new Presenter(this, { stepKey: () => this.#steps.key });
  #steps = new StepSync(this, {
    hashKey: ALEXNET_HASH_KEY,
    badStep: (text, layers) =>
      msg(
        str`"${text}" is not a step of this model: expected a layer (${layers}), optionally followed by :map and :row,column.`,
        { id: "alexnet-explorer.bad-step" },
      ),
    // A step that works leaves a bad step's message until it is dismissed.
    report: (error) => {
      if (error !== undefined) this.#fail("input", error, "step");
    },
    ignoreOwnHash: true,
  });
  #announcer = new Announcer((sentence) => (this._live = sentence), {
    kind: kindWords,
    answer: (best, classes) =>
      this.#loader.loaded?.kind === "trained"
        ? msg(str`The network answers ${classes?.[best] ?? `#${best}`}.`, {
            id: "alexnet-explorer.live.answer",
          })
        : msg(
            str`Untrained weights: the largest output, ${classes?.[best] ?? `#${best}`}, means nothing.`,
            { id: "alexnet-explorer.live.answer-untrained" },
          ),
  });

  @state() private _failure: Failure | undefined;
  @state() private _live = "";
  /** A weights URL is being fetched (until its tensors are made, or it fails or is cancelled). */
  @state() private _fetching = false;
  /** How far the weights URL's shards have come (undefined until the manifest is checked). */
  @state() private _progress: WeightsLoadProgress | undefined;

  /** Which AlexNet: `2012` (the paper, Caffe's layout, two GPU groups), `torchvision` (one GPU, 224 input, no LRN) or `keras` (CIFAR-10). */
  @property({ reflect: true }) variant: AlexnetVariant = "2012";

  /** TensorFlow.js backend: `auto`, `webgl`, `wasm` or `cpu` (the first explorer on a page decides). */
  @property() backend: BackendChoice = "auto";

  /** A model.json URL of converted trained weights; default (or `seeded`): untrained seeded weights. */
  @property() weights: string | undefined;

  /** conv1's kernels with seeded weights: `seeded` (random) or `bank` (hand-built edges and colours). */
  @property({ reflect: true }) conv1: "seeded" | "bank" = "seeded";

  /** The bundled sample photo to start with (a file name: `chelsea.jpg`, `coffee.jpg`, …). */
  @property() sample = "chelsea.jpg";

  /** A photo URL to start with instead of the sample. */
  @property() src: string | undefined;

  /** Where to start: a layer (`conv2`), a map (`conv2:200`) or a neuron (`conv1:17:20,31`). */
  @property() step: string | undefined;

  /** How finely to step: `layer`, `channel` or `neuron` (default: what `step` names, else `layer`). */
  @property() granularity: Granularity | undefined;

  /** Starts the player and conv1's sweep once the first trace is ready. */
  @property({ type: Boolean }) autoplay = false;

  /** Playback speed, a multiple of the player's base rate. */
  @property({ converter: numberAttribute }) speed = 1;

  /** Language of the widgets: `en` or `ko` (one language per page). */
  @property({ reflect: true }) override lang = "";

  /** Parts to hide, space-separated: `header input sweep network player idea maps prediction math summary`. */
  @property() hide = "";

  /** Keeps the step in the URL hash (`#alexnet=conv2:200@channel`; the key is the element's `id`). */
  @property({ type: Boolean, attribute: "sync-url" }) syncUrl = false;

  #attributes = new AttributeGuard<CsAlexnetExplorer>(this, {
    variant: oneOf<AlexnetVariant>(ALEXNET_VARIANTS, "2012"),
    backend: oneOf<BackendChoice>(BACKEND_CHOICES, "auto"),
    conv1: oneOf(["seeded", "bank"] as const, "seeded"),
    granularity: oneOf<Granularity>(GRANULARITIES, undefined),
    speed: speedRule,
    lang: langRule,
    hide: wordsOf(["header", ...ALEXNET_PARTS]),
  });

  /**
   * Presenter layout: network, player, feature maps and the arithmetic on one 16:9 screen, larger
   * type; the player's keys work anywhere in the explorer and on the page. Full screen turns it on.
   */
  @property({ type: Boolean, reflect: true }) presenter = false;

  /** The latest input offered (by the image block or the explorer's own photo load). */
  #input: ModelInput | undefined;
  /** The preprocessing that made `#input` ("as given" for an input passed to `run`). */
  #inputPreprocessing: ImagePreprocessing | undefined | "as given";
  /** The numbers of the last run, to skip a second run on the same input. */
  #lastRun: Float32Array | undefined;
  #photoKey: string | undefined;
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

  /** The loaded model and weights (kind, conv1 source, seeded-init time). */
  get loaded(): LoadedAlexnet | undefined {
    return this.#loader.loaded;
  }

  /** The error shown, if any. */
  get error(): unknown {
    return this._failure?.error;
  }

  /** The input of the current trace (after crop and resize), in the model's layout. */
  get input(): ModelInput | undefined {
    const sim = this.simulator;
    return this.#input && sim && fits(this.#input.shape, sim.model.inputShape)
      ? this.#input
      : undefined;
  }

  /** Resolves when the current load has its first trace (or shows why not) and the language is in. */
  get ready(): Promise<void> {
    return Promise.all([this.#loader.ready, this.#language]).then(() => undefined);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // The sweep is part of the explorer: registered with it, without a module side effect.
    defineElement("cs-conv-sweep", CsConvSweep);
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
    return downloadFigure(this.renderRoot, what, `alexnet-${this.variant}`);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.#attributes.check(changed);
    if (changed.has("lang") && this.lang) {
      this.#language = setLanguage(this.lang).catch((error: unknown) => this.#fail("input", error));
    }
    if (this.simulator && (changed.has("step") || changed.has("granularity")))
      this.#steps.apply(false);
    const key = `${this.variant}|${this.backend}|${this.weights ?? ""}|${this.conv1}`;
    if (this.#loader.update(key)) return;
    if (
      this.simulator &&
      !this.#shows("input") &&
      `${this.src ?? ""}|${this.sample}` !== this.#photoKey
    ) {
      // Without the image block, the explorer loads a new sample or src itself.
      void this.#usePhotoSource();
    }
  }

  /** Runs the network on an input already in the model's layout (e.g. 227×227×3, mean subtracted). */
  async run(input: Float32Array): Promise<void> {
    const sim = this.simulator;
    if (!sim) return;
    if (this.#input?.data !== input) this.#inputPreprocessing = "as given";
    this.#input = { data: input, shape: sim.model.inputShape };
    this.#lastRun = input;
    try {
      await sim.run(input);
      // A new run clears a failed run's message (a bad step's or photo's stays until dismissed).
      if (this._failure?.kind === "input" && this._failure.from === "run")
        this._failure = undefined;
      this.#announcer.answer(sim);
    } catch (error) {
      if (error instanceof AbortError || sim.disposed) return;
      if (this.#loader.contextLost) this.#failContextLost();
      else this.#fail("input", error, "run");
    }
  }

  /** Loads again (after a failure), on another backend when the WebGL context was lost. */
  retry(): void {
    this.#loader.retry(this._failure?.kind === "context");
  }

  /** Gives up on the weights URL and runs with untrained, seeded weights. */
  useSeededWeights(): void {
    this.#loader.useSeeded();
  }

  /**
   * Stops loading the weights URL (its fetches are aborted) and says so in place, with Retry and
   * Use seeded weights. Does nothing when no load is in flight.
   */
  cancelLoad(): void {
    if (!this.#loader.cancel()) return;
    this._fetching = false;
    this._progress = undefined;
    this._failure = {
      kind: "load",
      error: new AbortError(
        msg("Loading the weights was cancelled.", { id: "alexnet-explorer.cancelled" }),
      ),
    };
  }

  /** The shards' progress: shown (and told as cs-progress) when the bar moves. */
  #onProgress(progress: WeightsLoadProgress, signal: AbortSignal): void {
    if (signal.aborted || !progressMoved(this._progress, progress)) return;
    this._progress = progress;
    const { loadedBytes, totalBytes, shardsLoaded, shards } = progress;
    this.dispatchEvent(new CsProgressEvent(loadedBytes, totalBytes, shardsLoaded, shards));
  }

  // ------------------------------------------------------------------------------------------
  // Loading

  /**
   * The simulator is built: the step, then the image block's latest photo when it fits this model
   * (a variant switch keeps the reader's own photo), else the explorer loads `src` or `sample`.
   */
  async #start(sim: Simulator, signal: AbortSignal): Promise<void> {
    this.#steps.apply(true);
    const offered = this.#input;
    const wanted = this.#preprocessing;
    if (offered && fits(offered.shape, sim.model.inputShape)) {
      const given = this.#inputPreprocessing;
      if (given === "as given" || samePreprocessing(given, wanted)) return this.run(offered.data);
      // The photo was prepared for other weights (another mean pixel): prepare it again.
      const again = this.renderRoot.querySelector<CsImageInput>("cs-image-input")?.inputFor(wanted);
      if (again && fits(again.shape, sim.model.inputShape)) {
        this.#inputPreprocessing = wanted;
        this.#input = again;
        return this.run(again.data);
      }
    }
    await this.#usePhotoSource(signal);
  }

  /** What a photo becomes for the loaded weights (their record, else the variant's own). */
  get #preprocessing(): ImagePreprocessing | undefined {
    const loaded = this.#loader.loaded;
    return loaded ? loaded.preprocessing : targetPreprocessing(targetOf(this.variant));
  }

  /**
   * Runs on `src` or `sample`, prepared as the image block prepares it. A photo that cannot be
   * read shows its error and a synthetic test card stands in.
   */
  async #usePhotoSource(signal?: AbortSignal): Promise<void> {
    this.#photoKey = `${this.src ?? ""}|${this.sample}`;
    const photo = this.src ? undefined : samplePhoto(this.sample);
    const variant = this.variant;
    try {
      if (!this.src && !photo) {
        throw new ConvstepError(
          "INPUT",
          msg(
            str`No sample photo "${this.sample}"; the samples are ${SAMPLE_PHOTOS.map((p) => p.file).join(", ")}.`,
            { id: "alexnet-explorer.bad-sample" },
          ),
        );
      }
      const url = this.src
        ? new URL(this.src, document.baseURI).href
        : assetUrl(`samples/${photo!.file}`);
      const preprocessing = this.#preprocessing;
      const input = await loadInput(url, variant, preprocessing);
      if (signal?.aborted || variant !== this.variant) return;
      this.#inputPreprocessing = preprocessing;
      this.#input = input;
      if (this._failure?.kind === "input" && this._failure.from === "photo")
        this._failure = undefined;
      await this.run(input.data);
    } catch (error) {
      if (signal?.aborted || error instanceof AbortError) return;
      this.#fail("input", error, "photo");
      const preprocessing = this.#preprocessing;
      const card = canvasInput(syntheticPhoto(256), variant, preprocessing);
      this.#inputPreprocessing = preprocessing;
      this.#input = card;
      await this.run(card.data);
    }
  }

  #fail(kind: Failure["kind"], error: unknown, from?: "run" | "photo" | "step"): void {
    this._failure = kind === "input" ? { kind, error, from } : { kind, error };
    this.dispatchEvent(new CsErrorEvent(error));
  }

  #failContextLost(): void {
    if (this._failure?.kind === "context") return;
    const message = msg(
      "The WebGL context was lost (the graphics driver was reset, or the page uses too many WebGL canvases). Retry to continue on another backend.",
      { id: "alexnet-explorer.context-lost" },
    );
    this.#fail("context", new ConvstepError("BACKEND", message));
  }

  #onCursorChange(): void {
    const sim = this.simulator;
    if (!sim) return;
    this.#steps.cursorMoved();
    this.#announcer.step(sim);
  }

  // ------------------------------------------------------------------------------------------
  // Events from the blocks

  /**
   * The image block's photo: run when it fits the model and differs from the last run (its first
   * photo is the one the explorer loaded itself); kept for after a load otherwise.
   */
  readonly #onInput = (e: CsInputEvent): void => {
    this.#input = { data: e.data, shape: e.shape };
    const block = e.target as CsImageInput;
    this.#inputPreprocessing = block.preprocessing ?? targetPreprocessing(targetOf(this.variant));
    const sim = this.simulator;
    if (!sim || !fits(e.shape, sim.model.inputShape) || sameInput(e.data, this.#lastRun)) return;
    if (this._failure?.kind === "input" && this._failure.from === "photo")
      this._failure = undefined;
    void this.run(e.data);
  };

  readonly #onPlay = (e: CsPlayEvent): void => {
    this.#announcer.playing(this.simulator, e.playing);
  };

  #setConv1(value: "seeded" | "bank"): void {
    this.conv1 = value;
  }

  // ------------------------------------------------------------------------------------------
  // Rendering

  #transform(): DisplayTransform {
    return displayOf(this.#preprocessing);
  }

  #renderInput() {
    return html`<cs-image-input
      target=${targetOf(this.variant)}
      .preprocessing=${this.#loader.loaded?.preprocessing}
      sample=${this.sample}
      src=${this.src ?? nothing}
    ></cs-image-input>`;
  }

  #renderBlock(part: AlexnetPart, sim: Simulator) {
    switch (part) {
      case "input":
        return this.#renderInput();
      case "sweep":
        return html`<cs-conv-sweep
            .simulator=${sim}
            .transform=${this.#transform()}
            .kernelInfo=${this.#loader.loaded?.bankInfo}
            kernel-source=${this.#loader.loaded?.conv1 ?? "seeded"}
            groups=${this.variant === "2012" ? 2 : 1}
            ?show-puzzle=${this.variant === "2012"}
          ></cs-conv-sweep>
          ${
            this.#loader.loaded?.kind === "trained"
              ? nothing
              : renderConv1Choice(this.conv1, (value) => this.#setConv1(value))
          }`;
      case "network":
        return html`<cs-network
          .simulator=${sim}
          page-size="16"
          ?towers=${this.variant === "2012"}
          .itemHeight=${this.presenter ? presenterNetworkHeight(innerHeight) : undefined}
        ></cs-network>`;
      case "player":
        return html`<cs-player
          .simulator=${sim}
          .granularity=${sim.cursor.granularity}
          .speed=${this.speed}
          .autoplay=${this.autoplay}
        ></cs-player>`;
      case "idea":
        return html`<div class="idea">${stepNote(sim)}</div>`;
      case "maps":
        return html`<cs-feature-maps .simulator=${sim}></cs-feature-maps>`;
      case "prediction":
        // The heading promises all 10 CIFAR-10 classes, or the top 5 of ImageNet's 1,000.
        return html`<cs-prediction
          .simulator=${sim}
          top=${this.variant === "keras" ? 10 : 5}
          ?untrained=${this.#loader.loaded?.kind !== "trained"}
          heading=${
            this.variant === "keras"
              ? msg("The 10 CIFAR-10 classes", { id: "alexnet-explorer.prediction.keras" })
              : msg("Top 5 of the 1,000 ImageNet classes", {
                  id: "alexnet-explorer.prediction.2012",
                })
          }
        ></cs-prediction>`;
      case "math":
        return html`<cs-neuron-math .simulator=${sim} max-channels="3"></cs-neuron-math>`;
      case "summary":
        return html`<cs-model-summary .simulator=${sim}></cs-model-summary>`;
    }
  }

  /** Whether a part is shown (not hidden by `hide`). */
  #shows(part: AlexnetPart): boolean {
    return shownParts(this.hide).includes(part);
  }

  /**
   * The blocks. While the model loads, only the image block (kept across reloads, so a variant
   * switch keeps the reader's photo) and a placeholder where the sweep goes.
   */
  #renderBlocks(sim: Simulator | undefined) {
    const shown = shownParts(this.hide);
    const parts = sim ? shown : shown.filter((p) => p === "input" || p === "sweep");
    const layout = { "--_areas-1": templateAreas(parts, 1), "--_areas-2": templateAreas(parts, 2) };
    return html`<div
      part="grid"
      class="grid"
      ${styleProps(layout)}
      @cs-input=${this.#onInput}
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
            <h3 class="region-title" aria-hidden="true">${regionLabel(part)}</h3>
            ${
              part === "input"
                ? this.#renderInput()
                : sim
                  ? this.#renderBlock(part, sim)
                  : html`<p class="placeholder">
                      ${
                        this._failure
                          ? msg("Nothing to show until the model loads.", {
                              id: "alexnet-explorer.placeholder-failed",
                            })
                          : this._fetching
                            ? msg("Waiting for the trained weights…", {
                                id: "alexnet-explorer.placeholder-url",
                              })
                            : msg("Drawing 61 million seeded weights…", {
                                id: "alexnet-explorer.placeholder",
                              })
                      }
                    </p>`
            }
          </section>`,
      )}
    </div>`;
  }

  override render() {
    const sim = this.simulator;
    const loaded = this.#loader.loaded;
    const loading = this.#loader.phase === "loading";
    return html`<article
      part="base"
      aria-label=${msg("AlexNet explorer", { id: "alexnet-explorer.label" })}
      aria-busy=${loading ? "true" : "false"}
      tabindex="-1"
    >
      ${
        this.hide.toLowerCase().split(/\s+/).includes("header")
          ? nothing
          : renderHeader({
              variant: this.variant,
              loading,
              loaded,
              selection: this.#loader.selection,
              megabytes: weightMegabytes(loaded?.model ?? compiledModelOf(this.variant)),
              // The notice is about seeded weights: not while a URL loads, nor beside its error.
              seeded: loaded
                ? loaded.kind === "seeded"
                : !this._fetching &&
                  this._failure?.kind !== "load" &&
                  (this.#loader.seeded || isSeededRequest(this.weights)),
              fetching:
                loading && this._fetching
                  ? {
                      url: this.weights ?? "",
                      progress: this._progress,
                      cancel: () => this.cancelLoad(),
                    }
                  : undefined,
            })
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
      ${renderFailure(this._failure, {
        dismiss: () => (this._failure = undefined),
        retry: () => this.retry(),
        useSeeded: this.weights && !this.#loader.seeded ? () => this.useSeededWeights() : undefined,
      })}
      ${this.#renderBlocks(sim && !sim.disposed ? sim : undefined)}
      <p class="visually-hidden" aria-live="polite">${this._live}</p>
    </article>`;
  }
}
