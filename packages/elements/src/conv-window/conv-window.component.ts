import { msg, str, updateWhenLocaleChanges } from "@lit/localize";
import { LitElement, html, nothing, type PropertyValues } from "lit";
import { property, query, state } from "lit/decorators.js";
import { easeCubicOut } from "d3-ease";
import { timer, type Timer } from "d3-timer";
import { samplePhoto } from "@convstep/models";
import {
  drawInput,
  drawOutput,
  layoutConv,
  outputCellAt,
  type ConvColours,
  type ConvLayout,
} from "../draw/conv-window.js";
import { sampleCaption } from "../image-input/sample-titles.js";
import { assetUrl } from "../shared/assets.js";
import { cachedStyle } from "../shared/style-cache.js";
import {
  AttributeGuard,
  MAX_INDEX,
  numberAttribute,
  numberIn,
  oneOf,
} from "../shared/attribute-guard.js";
import { baseStyles } from "../shared/styles.js";
import { styleProps } from "../shared/style-props.js";
import {
  LIMITS,
  PRESETS,
  clampSetting,
  convArithmetic,
  findPreset,
  windowSpan,
  type ConvArithmetic,
  type PaddingMode,
  type PresetName,
} from "./arithmetic.js";
import { convolvePicture, outputColours, type KernelKind } from "./convolve.js";
import { explain, liveSentence, presetLabel } from "./describe.js";
import { formulaMath } from "./formula.js";
import {
  renderControls,
  renderLegend,
  renderPaddingNote,
  renderTransport,
  type Setting,
} from "./parts.js";
import { convWindowStyles } from "./conv-window.styles.js";
import { loadPicture, pictureAt, type Picture } from "./picture.js";
import { Playback, autoRate } from "./playback.js";

/** A setting's attribute rule: a whole number within its control's limits (clamped). */
function setting(name: keyof typeof LIMITS, fallback: number) {
  const [min, max] = LIMITS[name];
  return numberIn({ min, max, clamp: true, fallback });
}

/**
 * @tagname cs-conv-window
 * @summary Convolution arithmetic on a real picture: set the input size n, kernel k, stride s,
 * padding p and dilation d, and watch the window slide while the output grid fills in, with the
 * output-size formula evaluated live and the leftovers explained.
 *
 * @csspart base - The wrapper.
 * @csspart presets - The row of preset buttons; each button has the part `preset`.
 * @csspart controls - The sliders.
 * @csspart input - The input canvas (the picture with its padding and the window).
 * @csspart output - The output grid canvas (focusable: arrow keys move the output cell).
 * @csspart transport - Play, pause, step and the scrubber.
 * @csspart formula - The formula.
 * @csspart explanation - The sentence that explains the setting.
 *
 * @cssproperty --cs-conv-window-highlight - Colour of the window and the output cell.
 * @cssproperty --cs-conv-window-padding - Colour of the zero padding.
 * @cssproperty --cs-conv-window-unread - Colour over input rows and columns no window reads.
 * @cssproperty --cs-conv-window-size - Largest side of the input and output boxes.
 */
export class CsConvWindow extends LitElement {
  static override styles = [baseStyles, convWindowStyles];

  @query("canvas[part=input]") private inputCanvas!: HTMLCanvasElement | null;
  @query("canvas[part=output]") private outputCanvas!: HTMLCanvasElement | null;

  @state() private _picture: Picture | undefined;
  @state() private _loadError: string | undefined;
  @state() private _playing = false;
  @state() private _announcement = "";

  /** Input size n (square), 1–256. */
  @property({ converter: numberAttribute }) n = 227;

  /** Kernel size k, 1–15. */
  @property({ converter: numberAttribute }) k = 11;

  /** Stride s, 1–8. */
  @property({ converter: numberAttribute }) s = 4;

  /** Zero padding p on each side, 0–16 (ignored when `padding` is `same`). */
  @property({ converter: numberAttribute }) p = 0;

  /** Dilation d, 1–6. */
  @property({ converter: numberAttribute }) d = 1;

  /** `explicit` (p zeros on every side), `same` (TensorFlow's rule) or `valid` (none). */
  @property() padding: PaddingMode = "explicit";

  /** A named setting: alexnet-conv1, alexnet-224, torchvision, keras-same or lenet-c1. */
  @property({ reflect: true }) preset: PresetName | undefined;

  /** Bundled sample photo to slide over (file name under the asset base's `samples/`). */
  @property() sample = "chelsea.jpg";

  /** URL of a picture to use instead of the sample. */
  @property() src: string | undefined;

  /** Draw the picture in grey. */
  @property({ type: Boolean }) greyscale = false;

  /** What the output cells hold: `blur` (the window's mean colour) or `edges` (right − left). */
  @property() kernel: KernelKind = "blur";

  /** Start playing once the picture is in. */
  @property({ type: Boolean }) autoplay = false;

  /** Output cells per second while playing (default: a whole pass in about 15 s). */
  @property({ converter: numberAttribute }) speed: number | undefined;

  /** The current output cell, as an index in row-major order. */
  @property({ converter: numberAttribute }) step = 0;

  #arith: ConvArithmetic = convArithmetic({ n: 227, k: 11, s: 4, p: 0, d: 1, padding: "explicit" });
  #layout: ConvLayout = layoutConv(this.#arith);
  #cells: Uint8ClampedArray | undefined;
  #cellsKey = "";
  #loadedFrom: string | undefined;
  #loadToken = 0;
  #shown: { row: number; col: number } | undefined;
  #glide: Timer | undefined;
  #playback = new Playback(
    (steps) => this.#advance(steps),
    () => (this.speed && this.speed > 0 ? this.speed : autoRate(this.#arith.out ** 2)),
  );

  constructor() {
    super();
    updateWhenLocaleChanges(this);
  }

  /** The arithmetic of the current setting. */
  get arithmetic(): ConvArithmetic {
    return this.#arith;
  }

  /** The cursor's output cell, or undefined when the output is empty. */
  get cursor(): { y: number; x: number } | undefined {
    const out = this.#arith.out;
    return out === 0 ? undefined : { y: Math.floor(this.step / out), x: this.step % out };
  }

  /** The input rows and columns the cursor's output cell reads. */
  get window(): { rows: [number, number]; cols: [number, number] } | undefined {
    const c = this.cursor;
    if (!c) return undefined;
    const r = windowSpan(this.#arith, c.y);
    const q = windowSpan(this.#arith, c.x);
    return { rows: [r.start, r.end], cols: [q.start, q.end] };
  }

  /** Whether it is playing. */
  get playing(): boolean {
    return this._playing;
  }

  play(): void {
    if (this.#arith.out === 0) return;
    if (this.step >= this.#arith.out ** 2 - 1) this.step = 0;
    this._playing = true;
    this.#playback.start();
  }

  pause(): void {
    this.#playback.stop();
    this._playing = false;
  }

  /** Moves the cursor to output cell `index` (clamped), gliding there unless motion is reduced. */
  seek(index: number): void {
    const cells = this.#arith.out ** 2;
    if (cells === 0) return;
    this.step = Math.max(0, Math.min(cells - 1, Math.round(index)));
  }

  /** Applies a preset (also what the preset buttons do). */
  applyPreset(name: PresetName): void {
    this.preset = name;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.pause();
    this.#glide?.stop();
  }

  #attributes = new AttributeGuard<CsConvWindow>(this, {
    n: setting("n", 227),
    k: setting("k", 11),
    s: setting("s", 4),
    p: setting("p", 0),
    d: setting("d", 1),
    padding: oneOf<PaddingMode>(["explicit", "same", "valid"], "explicit"),
    preset: oneOf<PresetName>(
      PRESETS.map((p) => p.name),
      undefined,
    ),
    kernel: oneOf<KernelKind>(["blur", "edges"], "blur"),
    speed: numberIn({ min: 0.01, max: 100_000, fallback: undefined }),
    step: numberIn({ min: 0, max: MAX_INDEX, integer: true, fallback: 0 }),
  });

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.#attributes.check(changed);
    if (changed.has("preset")) {
      const preset = findPreset(this.preset);
      if (preset) {
        ({ n: this.n, k: this.k, s: this.s, p: this.p, d: this.d, padding: this.padding } = preset);
        if (!changed.has("step")) this.step = 0;
      }
    }
    const padding: PaddingMode =
      this.padding === "same" || this.padding === "valid" ? this.padding : "explicit";
    const settings = {
      n: clampSetting("n", this.n),
      k: clampSetting("k", this.k),
      s: clampSetting("s", this.s),
      p: clampSetting("p", this.p),
      d: clampSetting("d", this.d),
      padding,
    };
    const a = this.#arith;
    if (Object.entries(settings).some(([key, v]) => a[key as keyof typeof settings] !== v)) {
      this.#arith = convArithmetic(settings);
      this.#layout = layoutConv(this.#arith, { maxSide: this.#maxSide() });
    }
    const cells = this.#arith.out ** 2;
    this.step = cells === 0 ? 0 : Math.max(0, Math.min(cells - 1, Math.round(this.step) || 0));
    if (cells === 0 && this._playing) this.pause();
    const url = this.src || assetUrl(`samples/${this.sample}`);
    if (url !== this.#loadedFrom) void this.#load(url);
    this.#computeCells();
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const c = this.cursor;
    const target = c ? { row: c.y, col: c.x } : undefined;
    const glide =
      changed.has("step") &&
      !this.#reducedMotion() &&
      this.#shown !== undefined &&
      target !== undefined &&
      (!this._playing || this.#rate() <= 6);
    if (glide) this.#glideTo(target!, this._playing ? Math.min(300, 700 / this.#rate()) : 160);
    else {
      this.#glide?.stop();
      this.#shown = target;
      this.#drawInput();
    }
    this.#drawOutput();
  }

  #rate(): number {
    return this.speed && this.speed > 0 ? this.speed : autoRate(this.#arith.out ** 2);
  }

  #reducedMotion(): boolean {
    return globalThis.matchMedia?.("(prefers-reduced-motion: reduce)").matches ?? false;
  }

  #maxSide(): number {
    const v = parseFloat(cachedStyle(this).getPropertyValue("--cs-conv-window-size"));
    return Number.isFinite(v) && v > 40 ? v : 300;
  }

  async #load(url: string): Promise<void> {
    this.#loadedFrom = url;
    const token = ++this.#loadToken;
    try {
      const picture = await loadPicture(url);
      if (token !== this.#loadToken) return;
      this._picture = picture;
      this._loadError = undefined;
      if (this.autoplay && !this._playing) this.play();
    } catch (error) {
      if (token !== this.#loadToken) return;
      this._picture = undefined;
      this._loadError = error instanceof Error ? error.message : String(error);
    }
  }

  /** Scales the picture to n × n and convolves it (only when something it depends on changed). */
  #computeCells(): void {
    const a = this.#arith;
    const key = `${a.n},${a.k},${a.s},${a.d},${a.before},${a.after},${this.kernel},${this.greyscale}`;
    if (!this._picture) {
      this.#cells = undefined;
      this.#cellsKey = "";
      return;
    }
    if (key === this.#cellsKey && this._picture.at?.size === a.n) return;
    this.#cellsKey = key;
    const at = pictureAt(this._picture, a.n, this.greyscale);
    this.#cells =
      a.out > 0
        ? outputColours(convolvePicture(at.rgba, a, this.kernel), this.greyscale)
        : undefined;
  }

  #colours(): ConvColours {
    const style = cachedStyle(this);
    const v = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
    return {
      highlight: v("--_highlight", "#f59e0b"),
      halo: v("--_halo", "#1f2328"),
      padding: v("--_padding", "#eef1f4"),
      paddingLine: v("--_padding-line", "#d5dbe1"),
      unread: v("--_unread", "rgba(207, 34, 46, 0.55)"),
      marker: v("--_error", "#b3261e"),
      grid: v("--_grid", "rgba(255, 255, 255, 0.35)"),
      empty: v("--_empty", "#f3f4f6"),
    };
  }

  #context(canvas: HTMLCanvasElement | null, side: number): CanvasRenderingContext2D | undefined {
    if (!canvas) return undefined;
    const dpr = globalThis.devicePixelRatio || 1;
    const px = Math.max(1, Math.round((side + 2 * this.#layout.margin) * dpr));
    if (canvas.width !== px) canvas.width = px;
    if (canvas.height !== px) canvas.height = px;
    const ctx = canvas.getContext("2d");
    ctx?.setTransform(dpr, 0, 0, dpr, 0, 0);
    return ctx ?? undefined;
  }

  #drawInput(): void {
    const ctx = this.#context(this.inputCanvas, this.#layout.inputExtent);
    if (!ctx) return;
    const picture = this._picture?.at?.size === this.#arith.n ? this._picture.at.canvas : undefined;
    drawInput(ctx, {
      a: this.#arith,
      layout: this.#layout,
      picture,
      at: this.#shown,
      colours: this.#colours(),
    });
  }

  #drawOutput(): void {
    const ctx = this.#context(this.outputCanvas, this.#layout.outputSide);
    if (!ctx) return;
    drawOutput(ctx, {
      a: this.#arith,
      layout: this.#layout,
      cells: this.#cells,
      filled: this.step + 1,
      cursor: this.cursor,
      colours: this.#colours(),
    });
  }

  #glideTo(target: { row: number; col: number }, ms: number): void {
    this.#glide?.stop();
    const from = this.#shown ?? target;
    this.#glide = timer((elapsed) => {
      const t = easeCubicOut(Math.min(1, elapsed / ms));
      this.#shown = {
        row: from.row + (target.row - from.row) * t,
        col: from.col + (target.col - from.col) * t,
      };
      this.#drawInput();
      if (t >= 1) this.#glide?.stop();
    });
  }

  /** Playback tick: moves `steps` cells on; false at the last cell (playback stops there). */
  #advance(steps: number): boolean {
    const last = this.#arith.out ** 2 - 1;
    this.step = Math.min(last, this.step + steps);
    if (this.step >= last) {
      this._playing = false;
      this.#announce();
      return false;
    }
    return true;
  }

  #announce(): void {
    const c = this.cursor;
    const w = this.window;
    this._announcement = c && w ? liveSentence(this.#arith, c, w) : "";
  }

  /** A step the reader asked for: stops playback and says what the cell reads. */
  #go(index: number): void {
    this.pause();
    this.seek(index);
    this.#announce();
  }

  #onSetting(name: Setting, value: number): void {
    if (!Number.isFinite(value)) return;
    this[name] = clampSetting(name, value);
    this.preset = undefined;
  }

  #onSame(on: boolean): void {
    this.padding = on ? "same" : "explicit";
    this.preset = undefined;
  }

  #onGridKey(event: KeyboardEvent): void {
    const out = this.#arith.out;
    const c = this.cursor;
    if (!c) return;
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [c.y, Math.max(0, c.x - 1)],
      ArrowRight: [c.y, Math.min(out - 1, c.x + 1)],
      ArrowUp: [Math.max(0, c.y - 1), c.x],
      ArrowDown: [Math.min(out - 1, c.y + 1), c.x],
      Home: [0, 0],
      End: [out - 1, out - 1],
    };
    const to = moves[event.key];
    if (!to) return;
    event.preventDefault();
    this.#go(to[0] * out + to[1]);
  }

  #onGridPointer(event: PointerEvent): void {
    if (event.type === "pointermove" && event.buttons !== 1) return;
    const canvas = event.currentTarget as HTMLCanvasElement;
    const rect = canvas.getBoundingClientRect();
    const scale =
      rect.width > 0 ? canvas.width / (globalThis.devicePixelRatio || 1) / rect.width : 1;
    const cell = outputCellAt(
      this.#layout,
      this.#arith,
      (event.clientX - rect.left) * scale,
      (event.clientY - rect.top) * scale,
    );
    if (cell) this.#go(cell.y * this.#arith.out + cell.x);
  }

  #renderCredit() {
    if (this.src) return nothing;
    const photo = samplePhoto(this.sample);
    if (!photo) return nothing;
    const caption = sampleCaption(photo);
    return html`<p class="credit">${msg(str`Photo: ${caption}`, { id: "conv-window.credit" })}</p>`;
  }

  override render() {
    const a = this.#arith;
    const lay = this.#layout;
    const explanation = explain(a);
    const c = this.cursor;
    const w = this.window;
    return html`<div part="base">
      <div
        class="presets"
        part="presets"
        role="group"
        aria-label=${msg("Presets", { id: "conv-window.presets" })}
      >
        ${PRESETS.map(
          (p) =>
            html`<button
              type="button"
              part="preset"
              aria-pressed=${this.preset === p.name ? "true" : "false"}
              @click=${() => this.applyPreset(p.name)}
            >
              ${presetLabel(p.name)}
            </button>`,
        )}
      </div>
      ${renderControls(this.#arith, {
        setting: (name, value) => this.#onSetting(name, value),
        same: (on) => this.#onSame(on),
      })}
      <div
        class="stage"
        ${styleProps({
          "--_input": `${lay.inputExtent + 2 * lay.margin}px`,
          "--_output": `${lay.outputSide + 2 * lay.margin}px`,
        })}
      >
        <figure class="box">
          <figcaption>
            <strong>${msg("Input", { id: "conv-window.input" })}</strong>
            <span>${a.n} × ${a.n}</span>
          </figcaption>
          <canvas
            part="input"
            role="img"
            aria-label=${
              c && w
                ? liveSentence(a, c, w)
                : msg(str`Input ${a.n} × ${a.n}`, { id: "conv-window.input-label" })
            }
          ></canvas>
          ${renderPaddingNote(this.#arith)}
        </figure>
        <div class="arrow" aria-hidden="true">→</div>
        <figure class="box">
          <figcaption>
            <strong>${msg("Output", { id: "conv-window.output" })}</strong>
            <span>${a.out} × ${a.out}</span>
          </figcaption>
          ${
            a.empty
              ? html`<p class="empty-output">
                  ${msg("empty", { id: "conv-window.empty-output" })}
                </p>`
              : html`<canvas
                  part="output"
                  tabindex="0"
                  role="application"
                  aria-roledescription=${msg("output grid", { id: "conv-window.grid-role" })}
                  aria-label=${msg(
                    str`Output grid ${a.out} × ${a.out}, cell (${c?.y ?? 0}, ${c?.x ?? 0}). Arrow keys move the output cell.`,
                    { id: "conv-window.grid-label" },
                  )}
                  @keydown=${this.#onGridKey}
                  @pointerdown=${this.#onGridPointer}
                  @pointermove=${this.#onGridPointer}
                ></canvas>`
          }
        </figure>
      </div>
      ${renderLegend(this.#arith)}
      ${renderTransport(
        {
          cells: this.#arith.out ** 2,
          step: this.step,
          cursor: this.cursor,
          playing: this._playing,
        },
        {
          go: (i) => this.#go(i),
          by: (delta) => this.#go(this.step + delta),
          toggle: () => (this._playing ? this.pause() : this.play()),
        },
      )}
      <div
        class="formula scroll-x"
        part="formula"
        role="group"
        tabindex="0"
        aria-label=${msg("Output size", { id: "conv-window.formula-label" })}
      >
        <math display="block" aria-label=${explanation.formula}>${formulaMath(a)}</math>
      </div>
      <div class="explanation ${explanation.tone}" part="explanation">
        ${explanation.lines.map((line) => html`<p>${line}</p>`)}
      </div>
      ${
        this._loadError
          ? html`<p class="error" role="alert">
              ${msg(
                str`Could not load the picture (${this._loadError}). The arithmetic still works.`,
                {
                  id: "conv-window.load-error",
                },
              )}
            </p>`
          : this.#renderCredit()
      }
      <p class="visually-hidden" aria-live="polite">${this._announcement}</p>
    </div>`;
  }
}
