import { msg, str, updateWhenLocaleChanges } from "@lit/localize";
import { LitElement, html, nothing, type PropertyValues } from "lit";
import { property, state } from "lit/decorators.js";
import {
  GRANULARITIES,
  stepPlan,
  type Granularity,
  type Simulator,
  type StepPlan,
} from "@convstep/engine";
import { CsPlayEvent, CsStepEvent } from "../shared/events.js";
import { SimulatorController } from "../shared/simulator-controller.js";
import {
  AttributeGuard,
  numberAttribute,
  oneOf,
  speedRule,
  wordsOf,
} from "../shared/attribute-guard.js";
import { baseStyles } from "../shared/styles.js";
import { styleProps } from "../shared/style-props.js";
import {
  formatCount,
  layerSize,
  positionDetail,
  positionLabel,
  stepSentence,
  valueText,
} from "./describe.js";
import { icons } from "./icons.js";
import { playerStyles, SEGMENT_GAP } from "./player.styles.js";
import {
  advance,
  fractionToStep,
  layerOfStep,
  layerJump,
  layerSteps,
  pointToFraction,
  stepToFraction,
} from "./timeline.js";

/** The controls `hide` may name. */
const PLAYER_CONTROLS = ["ends", "step", "play", "timeline", "readout", "speed", "granularity"];

/** Speeds the menu offers (a `speed` outside the list is added to it). */
const SPEEDS = [0.25, 0.5, 1, 2, 4, 8];

/** Shortest pause between two announcements during playback, in ms. */
const PLAYBACK_ANNOUNCE_MS = 2000;

/**
 * @tagname cs-player
 * @summary The transport of a simulator: play/pause, step back and forward, to start/end, a
 * scrubbable timeline of the model's steps labelled by layer, speed and granularity. It only
 * moves `simulator.cursor`; it never re-runs the network.
 *
 * Playback advances `speed × max(base, steps in the layer / 8 s)` steps a second, where the base
 * is one layer, eight channels or 60 neurons a second; so at 1× no layer takes more than 8 s and
 * AlexNet's big layers move hundreds of neurons per frame. A frame never skips a layer's first step.
 * Keyboard: Space plays/pauses, ←/→ step, Home/End jump to the ends, Page Up/Down to the previous
 * or next layer.
 *
 * @csspart base - The bar.
 * @csspart button - Each transport button; also `first`, `prev`, `play`, `next`, `last`.
 * @csspart timeline - The slider (track, thumb and layer labels).
 * @csspart segment - A layer's segment of the track; the current one also has `current`.
 * @csspart label - A layer's label under the track.
 * @csspart thumb - The position marker.
 * @csspart readout - The position and step counter.
 * @csspart speed - The speed menu.
 * @csspart granularity - The granularity switch.
 *
 * @cssproperty --cs-player-fill-color - Colour of the played part of the track and the thumb.
 * @cssproperty --cs-player-track-color - Colour of the unplayed track.
 * @cssproperty --cs-player-control-size - Size of the transport buttons (default 40px).
 *
 * @fires cs-step - {CsStepEvent} The player moved the cursor (a step, a seek, playback, a granularity change).
 * @fires cs-play - {CsPlayEvent} Playback started or stopped.
 */
export class CsPlayer extends LitElement {
  static override styles = [baseStyles, playerStyles];

  #controller = new SimulatorController(this);

  /** Sentence for the aria-live region. */
  @state() private _live = "";

  /** Layers whose label is wider than its segment (measured on resize). */
  @state() private _clipped: ReadonlySet<number> = new Set();

  /** The simulator whose cursor the player drives. */
  @property({ attribute: false })
  get simulator(): Simulator | undefined {
    return this.#controller.simulator;
  }
  set simulator(value: Simulator | undefined) {
    this.#controller.simulator = value;
  }

  /** How finely to step: `layer`, `channel` or `neuron`; applied to the cursor. */
  @property({ reflect: true }) granularity: Granularity = "layer";

  /** Playback speed, a multiple of the base rate (see the class doc). */
  @property({ converter: numberAttribute }) speed = 1;

  /** Whether playback is running. */
  @property({ type: Boolean, reflect: true }) playing = false;

  /** Starts playback once a simulator is set. */
  @property({ type: Boolean }) autoplay = false;

  /** Controls to hide, space-separated: `ends step play timeline readout speed granularity`. */
  @property() hide = "";

  #running = false;
  #frame = 0;
  #lastFrame = 0;
  #carry = 0;
  #dragging = false;
  #lastAnnounce = 0;
  #announcedLayer = -1;
  #appliedTo: Simulator | undefined;
  #autoplayed: Simulator | undefined;
  #plan: StepPlan | undefined;
  #measuredFor: readonly unknown[] | undefined;
  readonly #resize = new ResizeObserver(() => this.#measureLabels());

  constructor() {
    super();
    updateWhenLocaleChanges(this);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#resize.observe(this);
    if (this.hasUpdated) this.#syncPlaying();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#resize.disconnect();
    this.#syncPlaying();
  }

  #attributes = new AttributeGuard<CsPlayer>(this, {
    granularity: oneOf<Granularity>(GRANULARITIES, "layer"),
    speed: speedRule,
    hide: wordsOf(PLAYER_CONTROLS),
  });

  override willUpdate(changed: PropertyValues<this>): void {
    this.#attributes.check(changed);
    const sim = this.simulator;
    if (sim && GRANULARITIES.includes(this.granularity)) {
      const cursor = sim.cursor;
      if (changed.has("granularity") || this.#appliedTo !== sim) {
        this.#appliedTo = sim;
        if (cursor.granularity !== this.granularity) {
          cursor.setGranularity(this.granularity);
          this.#emitStep();
        }
      } else if (cursor.granularity !== this.granularity) {
        this.granularity = cursor.granularity; // someone else changed it: follow
      }
    }
    if (this.autoplay && sim && this.#autoplayed !== sim) {
      this.#autoplayed = sim;
      this.play();
    }
    this.#syncPlaying();
  }

  override updated(): void {
    const names = this.#plan?.grids;
    if (names !== this.#measuredFor) {
      this.#measuredFor = names;
      this.#measureLabels();
    }
  }

  /** Finds the layer labels wider than their segment: those show only for the current layer. */
  #measureLabels(): void {
    const labels = this.renderRoot.querySelector<HTMLElement>(".labels");
    const spans = labels?.children ?? [];
    const cell = ((labels?.clientWidth ?? 0) - (spans.length - 1) * SEGMENT_GAP) / spans.length;
    const clipped = new Set<number>();
    const range = document.createRange();
    [...spans].forEach((span, l) => {
      range.selectNodeContents(span);
      if (range.getBoundingClientRect().width > cell - 2) clipped.add(l);
    });
    const same =
      clipped.size === this._clipped.size && [...clipped].every((l) => this._clipped.has(l));
    if (!same) this._clipped = clipped;
  }

  /** Starts playback (from the start when at the end). */
  play(): void {
    const cursor = this.simulator?.cursor;
    if (cursor && cursor.stepIndex >= cursor.stepCount - 1) this.#move(() => cursor.first(), false);
    this.playing = true;
    this.#syncPlaying();
  }

  /** Stops playback where it is. */
  pause(): void {
    this.playing = false;
    this.#syncPlaying();
  }

  /** Plays when paused, pauses when playing. */
  toggle(): void {
    if (this.playing) this.pause();
    else this.play();
  }

  /** Moves one step forward (and pauses). */
  stepForward(): void {
    this.pause();
    this.#move((c) => c.next());
  }

  /** Moves one step back (and pauses). */
  stepBack(): void {
    this.pause();
    this.#move((c) => c.prev());
  }

  /** Moves to the first step (and pauses). */
  toStart(): void {
    this.pause();
    this.#move((c) => c.first());
  }

  /** Moves to the last step (and pauses). */
  toEnd(): void {
    this.pause();
    this.#move((c) => c.last());
  }

  /** Moves to a step index at the current granularity (clamped to the timeline). */
  seek(stepIndex: number): void {
    this.#move((c) => c.seek(Math.min(Math.max(Math.round(stepIndex), 0), c.stepCount - 1)));
  }

  /** Runs a cursor move; emits cs-step and announces it when the index changed. */
  #move(fn: (cursor: Simulator["cursor"]) => unknown, announce = true): void {
    const cursor = this.simulator?.cursor;
    if (!cursor) return;
    const before = cursor.stepIndex;
    fn(cursor);
    if (cursor.stepIndex === before) return;
    this.#emitStep();
    if (announce) this.#announce();
  }

  #emitStep(): void {
    const cursor = this.simulator?.cursor;
    if (!cursor) return;
    this.dispatchEvent(new CsStepEvent(cursor.position, cursor.stepIndex, cursor.granularity));
  }

  #announce(): void {
    const sim = this.simulator;
    if (!sim) return;
    const { neuron, granularity } = sim.cursor;
    this._live = stepSentence(sim.cursor.grids[neuron.layer], neuron, granularity, sim.trace);
    this.#lastAnnounce = performance.now();
    this.#announcedLayer = neuron.layer;
  }

  #currentPlan(): StepPlan | undefined {
    const cursor = this.simulator?.cursor;
    if (!cursor) return undefined;
    if (this.#plan?.grids !== cursor.grids || this.#plan.granularity !== cursor.granularity) {
      this.#plan = stepPlan(cursor.grids, cursor.granularity);
    }
    return this.#plan;
  }

  /** Starts or stops the frame loop to match `playing`, and tells listeners when that changes. */
  #syncPlaying(): void {
    const run = this.playing && !!this.simulator && this.isConnected;
    if (run === this.#running) return;
    this.#running = run;
    if (run) {
      this.#lastFrame = performance.now();
      this.#carry = 0;
      this.#frame = requestAnimationFrame(this.#tick);
    } else {
      cancelAnimationFrame(this.#frame);
      this.#frame = 0;
      if (this.simulator) this.#announce();
    }
    this.dispatchEvent(new CsPlayEvent(run));
  }

  readonly #tick = (now: number): void => {
    this.#frame = 0;
    const cursor = this.simulator?.cursor;
    const plan = this.#currentPlan();
    if (!this.#running || !cursor || !plan) return;
    const elapsed = Math.min(Math.max(now - this.#lastFrame, 0), 250) / 1000;
    this.#lastFrame = now;
    if (!this.#dragging) {
      const from = cursor.stepIndex;
      const next = advance(plan, from, elapsed, this.speed, this.#carry);
      this.#carry = next.carry;
      if (next.stepIndex !== from) {
        cursor.seek(next.stepIndex);
        this.#emitStep();
        const layer = cursor.position.layer;
        const quiet = now - this.#lastAnnounce < PLAYBACK_ANNOUNCE_MS;
        if (layer !== this.#announcedLayer && !quiet) this.#announce();
      }
    }
    if (cursor.stepIndex >= plan.count - 1) this.pause();
    else this.#frame = requestAnimationFrame(this.#tick);
  };

  #onKeyDown(e: KeyboardEvent): void {
    const target = e.composedPath()[0] as HTMLElement;
    if (target.matches?.("select, input")) return;
    const onSlider = target.getAttribute?.("role") === "slider";
    const cursor = this.simulator?.cursor;
    switch (e.key) {
      case " ":
      case "Spacebar":
        if (target.localName === "button") return; // the button's own click
        this.toggle();
        break;
      case "ArrowRight":
      case "ArrowUp":
        if (e.key === "ArrowUp" && !onSlider) return;
        this.stepForward();
        break;
      case "ArrowLeft":
      case "ArrowDown":
        if (e.key === "ArrowDown" && !onSlider) return;
        this.stepBack();
        break;
      case "Home":
        this.toStart();
        break;
      case "End":
        this.toEnd();
        break;
      case "PageDown":
      case "PageUp": {
        const plan = this.#currentPlan();
        if (!cursor || !plan) return;
        this.pause();
        this.seek(layerJump(plan, cursor.stepIndex, e.key === "PageDown" ? 1 : -1));
        break;
      }
      default:
        return;
    }
    e.preventDefault();
  }

  #seekToPointer(e: PointerEvent): void {
    const track = e.currentTarget as HTMLElement;
    const plan = this.#currentPlan();
    if (!plan) return;
    const box = track.getBoundingClientRect();
    const fraction = pointToFraction(
      e.clientX - box.left,
      box.width,
      plan.grids.length,
      SEGMENT_GAP,
    );
    this.#move((c) => c.seek(fractionToStep(plan, fraction)), false);
  }

  #onPointerDown(e: PointerEvent): void {
    if (e.button !== 0) return;
    const track = e.currentTarget as HTMLElement;
    track.focus();
    try {
      track.setPointerCapture(e.pointerId);
    } catch {
      // a synthetic pointer (not active) cannot be captured; the drag still follows moves over the track
    }
    this.#dragging = true;
    this.#seekToPointer(e);
  }

  #onPointerMove(e: PointerEvent): void {
    if (this.#dragging) this.#seekToPointer(e);
  }

  #onPointerUp(): void {
    if (!this.#dragging) return;
    this.#dragging = false;
    this.#announce();
  }

  #onGranularity(e: Event): void {
    this.granularity = (e.target as HTMLInputElement).value as Granularity;
    void this.updateComplete.then(() => this.#announce());
  }

  #renderTransport(hidden: Set<string>, atStart: boolean, atEnd: boolean) {
    const button = (
      name: keyof typeof icons,
      label: string,
      act: () => void,
      off = false,
      icon = icons[name],
    ) =>
      html`<button
        type="button"
        part="button ${name}"
        class=${name}
        aria-label=${label}
        title=${label}
        aria-disabled=${off ? "true" : "false"}
        @click=${act}
      >
        ${icon}
      </button>`;
    const ends = !hidden.has("ends");
    const step = !hidden.has("step");
    const play = this.playing
      ? button("play", msg("Pause", { id: "player.pause" }), () => this.pause(), false, icons.pause)
      : button("play", msg("Play", { id: "player.play" }), () => this.play());
    return html`<div
      class="transport"
      role="group"
      aria-label=${msg("Playback", { id: "player.transport" })}
    >
      ${ends ? button("first", msg("To start", { id: "player.first" }), () => this.toStart(), atStart) : nothing}
      ${step ? button("prev", msg("Step back", { id: "player.prev" }), () => this.stepBack(), atStart) : nothing}
      ${hidden.has("play") ? nothing : play}
      ${step ? button("next", msg("Step forward", { id: "player.next" }), () => this.stepForward(), atEnd) : nothing}
      ${ends ? button("last", msg("To end", { id: "player.last" }), () => this.toEnd(), atEnd) : nothing}
    </div>`;
  }

  #renderTimeline(plan: StepPlan, stepIndex: number, label: string) {
    const layers = plan.grids.length;
    const current = layerOfStep(plan, stepIndex);
    const within = stepToFraction(plan, stepIndex) * layers - current;
    // A label too wide for its segment shows only while its layer is current (over its neighbours).
    const crowded = (l: number) =>
      l !== current &&
      (this._clipped.has(l) || (this._clipped.has(current) && Math.abs(l - current) === 1));
    return html`<div
      class="track"
      part="timeline"
      role="slider"
      tabindex="0"
      aria-label=${msg("Step", { id: "player.timeline" })}
      aria-valuemin="0"
      aria-valuemax=${plan.count - 1}
      aria-valuenow=${stepIndex}
      aria-valuetext=${valueText(label, stepIndex, plan.count)}
      ${styleProps({ "--layers": layers })}
      @pointerdown=${this.#onPointerDown}
      @pointermove=${this.#onPointerMove}
      @pointerup=${this.#onPointerUp}
      @pointercancel=${this.#onPointerUp}
    >
      <div class="segments">
        ${plan.grids.map((grid, l) => {
          const n = layerSteps(plan, l);
          const fill = l < current ? 1 : l > current ? 0 : within;
          return html`<div
            class="segment ${l === current ? "current" : ""} ${n > 1 && n <= 32 ? "ticks" : ""}"
            part=${l === current ? "segment current" : "segment"}
            ${styleProps({ "--fill": fill, "--n": n })}
            title=${grid.name}
          ></div>`;
        })}
        <div
          class="thumb"
          part="thumb"
          ${styleProps({ "--layer": current, "--within": within })}
        ></div>
      </div>
      <div class="labels" aria-hidden="true">
        ${plan.grids.map(
          (grid, l) =>
            html`<span part="label" class=${l === current ? "current" : crowded(l) ? "crowded" : ""}
              >${grid.name}</span
            >`,
        )}
      </div>
    </div>`;
  }

  #renderReadout(plan: StepPlan, stepIndex: number) {
    const cursor = this.simulator!.cursor;
    const neuron = cursor.neuron;
    const grid = cursor.grids[neuron.layer];
    const detail = positionDetail(grid, neuron, cursor.granularity) || layerSize(grid);
    return html`<div class="readout" part="readout" aria-hidden="true">
      <span class="where"><b>${grid.name}</b> <span class="detail">${detail}</span></span>
      <span class="count">${formatCount(stepIndex + 1)} / ${formatCount(plan.count)}</span>
    </div>`;
  }

  #renderOptions(hidden: Set<string>) {
    if (hidden.has("speed") && hidden.has("granularity")) return nothing;
    const speeds = SPEEDS.includes(this.speed)
      ? SPEEDS
      : [...SPEEDS, this.speed].sort((a, b) => a - b);
    const names: Record<Granularity, string> = {
      layer: msg("Layer", { id: "player.layer" }),
      channel: msg("Channel", { id: "player.channel-option" }),
      neuron: msg("Neuron", { id: "player.neuron-option" }),
    };
    const speed = html`<label class="speed" part="speed">
      <span class="visually-hidden">${msg("Speed", { id: "player.speed" })}</span>
      <select @change=${(e: Event) => (this.speed = Number((e.target as HTMLSelectElement).value))}>
        ${speeds.map((s) => html`<option value=${s} ?selected=${s === this.speed}>${s}×</option>`)}
      </select>
    </label>`;
    const granularity = html`<fieldset class="granularity" part="granularity">
      <legend class="visually-hidden">${msg("Step by", { id: "player.granularity" })}</legend>
      ${GRANULARITIES.map(
        (g) =>
          html`<label>
            <input
              type="radio"
              name="granularity"
              value=${g}
              .checked=${g === this.granularity}
              @change=${this.#onGranularity}
            /><span>${names[g]}</span>
          </label>`,
      )}
    </fieldset>`;
    return html`<div class="options">
      ${hidden.has("speed") ? nothing : speed} ${hidden.has("granularity") ? nothing : granularity}
    </div>`;
  }

  override render() {
    const hidden = new Set(this.hide.split(/\s+/).filter(Boolean));
    const plan = this.#currentPlan();
    const live = html`<p class="visually-hidden" aria-live="polite">${this._live}</p>`;
    if (!GRANULARITIES.includes(this.granularity)) {
      const g = String(this.granularity);
      return html`<div part="base">
        <p class="error">
          ${msg(str`Unknown granularity "${g}": use layer, channel or neuron.`, {
            id: "player.bad-granularity",
          })}
        </p>
      </div>`;
    }
    if (!plan) {
      return html`<div part="base" class="empty">
        ${this.#renderTransport(hidden, true, true)}
        <p class="note">${msg("No simulator connected.", { id: "player.empty" })}</p>
        ${live}
      </div>`;
    }
    const cursor = this.simulator!.cursor;
    const stepIndex = cursor.stepIndex;
    const neuron = cursor.neuron;
    const label = positionLabel(cursor.grids[neuron.layer], neuron, cursor.granularity);
    const bare = hidden.has("speed") && hidden.has("granularity");
    return html`<div part="base" class=${bare ? "bare" : ""} @keydown=${this.#onKeyDown}>
      ${this.#renderTransport(hidden, stepIndex <= 0, stepIndex >= plan.count - 1)}
      <div class="center">
        ${hidden.has("readout") ? nothing : this.#renderReadout(plan, stepIndex)}
        ${hidden.has("timeline") ? nothing : this.#renderTimeline(plan, stepIndex, label)}
      </div>
      ${this.#renderOptions(hidden)} ${live}
    </div>`;
  }
}
