import { msg, str, updateWhenLocaleChanges } from "@lit/localize";
import { LitElement, html, nothing, type PropertyValues } from "lit";
import { property, query, state } from "lit/decorators.js";
import { mnistStyle } from "@convstep/engine";
import { assetUrl } from "../shared/assets.js";
import { CsInputEvent } from "../shared/events.js";
import { AttributeGuard, MAX_INDEX, numberAttribute, numberIn } from "../shared/attribute-guard.js";
import { baseStyles } from "../shared/styles.js";
import { styleProps } from "../shared/style-props.js";
import { cachedStyle } from "../shared/style-cache.js";
import { digitPadStyles } from "./digit-pad.styles.js";
import { loadDigitSet, type DigitSet } from "./digit-file.js";
import {
  cssColourBytes,
  drawDigit,
  drawDigitOnPad,
  drawStrokes,
  rasterizeStrokes,
  type PadPoint,
  type Stroke,
} from "./draw.js";
import { digitFromBytes, sampleIndices } from "./samples.js";

/** The pad's side in CSS px: at least a thumb's width, at most a large screen's. */
const PAD_MIN = 64;
const PAD_MAX = 1024;

/** MNIST's field. */
const SIDE = 28;
/** The preview's colours: white ink on black, as MNIST (and the network) sees digits. */
const PREVIEW = { ink: [255, 255, 255], paper: [0, 0, 0] } as const;

/**
 * @tagname cs-digit-pad
 * @summary A pad to draw a digit on (mouse, pen or touch), and a strip of bundled MNIST test
 * digits to pick from. Each finished stroke or pick emits the MNIST-style 28×28 input, shown
 * beside the pad as "what the network sees".
 *
 * @csspart base - The wrapper.
 * @csspart pad - The drawing canvas.
 * @csspart clear - The Clear button.
 * @csspart preview - The preprocessed 28×28 digit.
 * @csspart strip - The row of test digits.
 * @csspart sample - Each test digit's button.
 * @csspart more - The "More digits" button.
 *
 * @cssproperty --cs-digit-pad-paper - Colour of the pad's paper.
 * @cssproperty --cs-digit-pad-ink - Colour of the ink.
 * @cssproperty --cs-digit-pad-preview-size - Side of the preview.
 *
 * @fires cs-input - A drawn stroke was finished or a test digit picked (CsInputEvent: 28×28 values in [0, 1]).
 */
export class CsDigitPad extends LitElement {
  static override styles = [baseStyles, digitPadStyles];

  @query("canvas[part=pad]") private padCanvas!: HTMLCanvasElement | null;
  @query("canvas.preview-canvas") private previewCanvas!: HTMLCanvasElement | null;

  @state() private _loaded: DigitSet | undefined;
  @state() private _loadError: string | undefined;
  @state() private _loading = false;
  @state() private _page = 0;
  @state() private _focus = 0;
  @state() private _picked: number | undefined;
  @state() private _value: Float32Array | undefined;
  @state() private _hasInk = false;
  @state() private _drawError: string | undefined;
  @state() private _announcement = "";

  /** Side of the pad in CSS px. */
  @property({ converter: numberAttribute }) size = 224;

  /** Brush diameter in CSS px (default: about 8.5% of the pad, as thick as MNIST's strokes). */
  @property({ converter: numberAttribute }) brush: number | undefined;

  /** How many test digits the strip shows (spread evenly over the classes). */
  @property({ converter: numberAttribute }) samples = 20;

  /**
   * URL of the digit file, `.bin` or raw-deflate `.deflate` (default: the bundled
   * `data/mnist-test-500.deflate` under the asset base).
   */
  @property() src: string | undefined;

  /** The test digits to offer, instead of loading `src` (tests, stories). */
  @property({ attribute: false }) digits: DigitSet | undefined;

  /**
   * Index (into the digit set) of a test digit to show as picked without sending it: the digit
   * an explorer already runs on. The pad and the preview show it, and the strip holds it (in the
   * place of the first digit of its class) marked as the current one.
   */
  @property({ converter: numberAttribute }) selected: number | undefined;

  /** The `selected` value already shown (it is shown once per change, when the set is there). */
  #shownSelected: number | undefined;

  /** Strokes in pad units (0–1), so that they survive a change of `size`. */
  #strokes: PadPoint[][] = [];
  #pointer: number | undefined;
  #frame = 0;
  #loadedFrom: string | undefined;
  #loadToken = 0;
  #thumbKey = "";

  constructor() {
    super();
    updateWhenLocaleChanges(this);
  }

  /** The last emitted input (28×28 values in [0, 1], white ink on black), or undefined. */
  get value(): Float32Array | undefined {
    return this._value;
  }

  /** The digit set on offer: `digits`, else the loaded file. */
  get digitSet(): DigitSet | undefined {
    return this.digits ?? this._loaded;
  }

  /** Indices (into the digit set) of the digits the strip shows now. */
  get sampleIndices(): readonly number[] {
    const set = this.digitSet;
    if (!set) return [];
    const indices = sampleIndices(set.labels, this.samples, this._page);
    const picked = this._picked;
    if (picked === undefined || indices.includes(picked) || picked >= set.count) return indices;
    // The picked digit stays in view: it takes the place of the first digit of its class.
    const slot = indices.findIndex((i) => set.labels[i] === set.labels[picked]);
    return slot < 0 ? indices : indices.map((i, k) => (k === slot ? picked : i));
  }

  /** The brush diameter in use, in CSS px. */
  get brushSize(): number {
    return this.brush && this.brush > 0 ? this.brush : Math.max(2, Math.round(this.#side * 0.085));
  }

  /** Empties the pad and forgets the last input (no event). */
  clear(): void {
    this.#strokes = [];
    this._picked = undefined;
    this._value = undefined;
    this._hasInk = false;
    this._drawError = undefined;
    this.#paint();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    cancelAnimationFrame(this.#frame);
    this.#frame = 0;
  }

  #attributes = new AttributeGuard<CsDigitPad>(this, {
    size: numberIn({ min: PAD_MIN, max: PAD_MAX, clamp: true, fallback: 224 }),
    brush: numberIn({ min: 1, max: PAD_MAX, clamp: true, fallback: undefined }),
    samples: numberIn({ min: 0, max: 500, clamp: true, fallback: 20 }),
    selected: numberIn({ min: 0, max: MAX_INDEX, integer: true, fallback: undefined }),
  });

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.#attributes.check(changed);
    if (changed.has("samples") || changed.has("digits")) this._focus = 0;
    if (changed.has("digits")) this._page = 0;
    if (!this.digits) {
      const url = this.src || assetUrl("data/mnist-test-500.deflate");
      if (url !== this.#loadedFrom) void this.#load(url);
    }
    if (changed.has("selected")) this.#shownSelected = undefined;
    this.#showSelected();
  }

  /** Shows `selected` as the picked digit (no event: the network already runs on it). */
  #showSelected(): void {
    const set = this.digitSet;
    const index = this.selected;
    if (index === undefined || index === this.#shownSelected || !set || index >= set.count) return;
    this.#shownSelected = index;
    this.#strokes = [];
    this._picked = index;
    this._hasInk = true;
    this._drawError = undefined;
    this._value = digitFromBytes(set.images, index, set.rows * set.cols);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.#paint();
    this.#drawPreview();
    this.#drawThumbnails();
  }

  async #load(url: string): Promise<void> {
    this.#loadedFrom = url;
    const token = ++this.#loadToken;
    this._loading = true;
    this._loadError = undefined;
    try {
      const set = await loadDigitSet(url);
      if (token !== this.#loadToken) return;
      this._loaded = set;
      this._page = 0;
    } catch (error) {
      if (token !== this.#loadToken) return;
      this._loaded = undefined;
      this._loadError = error instanceof Error ? error.message : String(error);
    } finally {
      if (token === this.#loadToken) this._loading = false;
    }
  }

  #colours(): { ink: string; paper: string } {
    const style = cachedStyle(this);
    return {
      ink: style.getPropertyValue("--_ink").trim() || "#1f2328",
      paper: style.getPropertyValue("--_paper").trim() || "#ffffff",
    };
  }

  /** Repaints the pad: the strokes, or the picked digit. */
  #paint(): void {
    const canvas = this.padCanvas;
    if (!canvas) return;
    const ctx = canvas.getContext("2d");
    if (!ctx) return;
    const side = this.#side;
    const scale = canvas.width / side;
    const colours = this.#colours();
    const set = this.digitSet;
    if (this._picked !== undefined && set && this._picked < set.count) {
      const pixels = set.rows * set.cols;
      drawDigitOnPad(ctx, digitFromBytes(set.images, this._picked, pixels), set.cols, set.rows, {
        size: side,
        scale,
        ...colours,
      });
      return;
    }
    drawStrokes(ctx, this.#strokesInPx(), { size: side, brush: this.brushSize, scale, ...colours });
  }

  #schedulePaint(): void {
    if (this.#frame) return;
    this.#frame = requestAnimationFrame(() => {
      this.#frame = 0;
      this.#paint();
    });
  }

  #strokesInPx(): Stroke[] {
    const s = this.#side;
    return this.#strokes.map((stroke) => stroke.map((p) => ({ x: p.x * s, y: p.y * s })));
  }

  #drawPreview(): void {
    const canvas = this.previewCanvas;
    if (!canvas) return;
    drawDigit(canvas, this._value ?? new Float32Array(SIDE * SIDE), SIDE, SIDE, PREVIEW);
  }

  #drawThumbnails(): void {
    const set = this.digitSet;
    const indices = this.sampleIndices;
    const { ink, paper } = this.#colours();
    const key = `${indices.join(",")}|${ink}|${paper}`;
    const buttons = this.renderRoot.querySelectorAll<HTMLCanvasElement>("[part~=sample] canvas");
    if (!set || (key === this.#thumbKey && buttons.length === indices.length)) return;
    this.#thumbKey = key;
    const colours = { ink: cssColourBytes(ink), paper: cssColourBytes(paper) };
    const pixels = set.rows * set.cols;
    buttons.forEach((canvas, i) => {
      drawDigit(
        canvas,
        digitFromBytes(set.images, indices[i], pixels),
        set.cols,
        set.rows,
        colours,
      );
    });
  }

  /** A pointer's position in pad units (0–1) within `rect`, the pad's box on screen. */
  #point(event: { clientX: number; clientY: number }, rect: DOMRect): PadPoint {
    const w = rect.width || this.#side;
    const h = rect.height || this.#side;
    return { x: (event.clientX - rect.left) / w, y: (event.clientY - rect.top) / h };
  }

  /** The pad's side in CSS px (`size`, sanitised). */
  get #side(): number {
    return Math.max(32, this.size || 224);
  }

  #onPointerDown(event: PointerEvent): void {
    if (this.#pointer !== undefined) return;
    if (event.pointerType === "mouse" && event.button !== 0) return;
    event.preventDefault();
    this.#pointer = event.pointerId;
    try {
      (event.currentTarget as HTMLElement).setPointerCapture(event.pointerId);
    } catch {
      // A synthetic or already-released pointer cannot be captured; drawing still works.
    }
    if (this._picked !== undefined) {
      this._picked = undefined;
      this.#strokes = [];
    }
    const rect = (event.currentTarget as HTMLElement).getBoundingClientRect();
    this.#strokes.push([this.#point(event, rect)]);
    this._hasInk = true;
    this.#schedulePaint();
  }

  #onPointerMove(event: PointerEvent): void {
    if (event.pointerId !== this.#pointer) return;
    const stroke = this.#strokes[this.#strokes.length - 1];
    const rect = (event.currentTarget as HTMLElement).getBoundingClientRect();
    // Coalesced events carry the positions the browser merged into this one (smoother pens).
    const events = event.getCoalescedEvents?.() ?? [];
    for (const e of events.length > 0 ? events : [event]) stroke.push(this.#point(e, rect));
    this.#schedulePaint();
  }

  #onPointerUp(event: PointerEvent): void {
    if (event.pointerId !== this.#pointer) return;
    this.#pointer = undefined;
    this.#paint();
    this.#emitDrawing();
  }

  #emitDrawing(): void {
    const image = rasterizeStrokes(this.#strokesInPx(), this.#side, this.brushSize);
    let digit: Float32Array;
    try {
      digit = mnistStyle(image, { polarity: "dark-on-light" });
    } catch (error) {
      this._drawError = error instanceof Error ? error.message : String(error);
      return;
    }
    this._drawError = undefined;
    this._value = digit;
    this._announcement = msg("Your drawing was sent to the network.", {
      id: "digit-pad.live-draw",
    });
    this.dispatchEvent(new CsInputEvent(digit, [SIDE, SIDE], "draw"));
  }

  #pick(position: number): void {
    const set = this.digitSet;
    const index = this.sampleIndices[position];
    if (!set || index === undefined) return;
    const label = set.labels[index];
    const digit = digitFromBytes(set.images, index, set.rows * set.cols);
    this.#strokes = [];
    this._picked = index;
    this._hasInk = true;
    this._focus = position;
    this._drawError = undefined;
    this._value = digit;
    this._announcement = msg(str`Test digit ${label} was sent to the network.`, {
      id: "digit-pad.live-sample",
    });
    this.dispatchEvent(new CsInputEvent(digit, [set.rows, set.cols], "sample", label));
  }

  #onClear(): void {
    this.clear();
    this._announcement = msg("The pad is clear.", { id: "digit-pad.live-clear" });
  }

  #onMore(): void {
    this._page += 1;
    this._focus = 0;
  }

  async #onStripKey(event: KeyboardEvent): Promise<void> {
    const count = this.sampleIndices.length;
    if (count === 0) return;
    const moves: Record<string, number> = {
      ArrowRight: this._focus + 1,
      ArrowDown: this._focus + 1,
      ArrowLeft: this._focus - 1,
      ArrowUp: this._focus - 1,
      Home: 0,
      End: count - 1,
    };
    const next = moves[event.key];
    if (next === undefined) return;
    event.preventDefault();
    this._focus = (next + count) % count;
    await this.updateComplete;
    this.renderRoot
      .querySelector<HTMLButtonElement>(`[part~=sample][data-position="${this._focus}"]`)
      ?.focus();
  }

  #renderStrip() {
    const set = this.digitSet;
    if (this._loadError && !set) {
      return html`<p class="error" role="alert">
        ${msg(str`Could not load the test digits (${this._loadError}). Drawing still works.`, {
          id: "digit-pad.load-error",
        })}
      </p>`;
    }
    if (!set) {
      return html`<p class="note">${msg("Loading test digits…", { id: "digit-pad.loading" })}</p>`;
    }
    const indices = this.sampleIndices;
    if (indices.length === 0) {
      return html`<p class="note">${msg("No test digits.", { id: "digit-pad.no-digits" })}</p>`;
    }
    const columns = Math.min(10, indices.length);
    const focus = Math.min(this._focus, indices.length - 1);
    return html`<div
      part="strip"
      class="strip"
      role="toolbar"
      aria-labelledby="strip-label"
      ${styleProps({ "--_columns": columns })}
      @keydown=${this.#onStripKey}
    >
      ${indices.map((index, i) => {
        const label = msg(str`Test digit ${set.labels[index]}`, { id: "digit-pad.sample" });
        return html`<button
          type="button"
          part=${index === this._picked ? "sample picked" : "sample"}
          data-position=${i}
          data-index=${index}
          tabindex=${i === focus ? 0 : -1}
          aria-label=${label}
          aria-current=${index === this._picked ? "true" : nothing}
          title=${label}
          @click=${() => this.#pick(i)}
        >
          <canvas width=${set.cols} height=${set.rows} aria-hidden="true"></canvas>
        </button>`;
      })}
    </div>`;
  }

  override render() {
    const dpr = globalThis.devicePixelRatio || 1;
    const size = this.#side;
    const backing = Math.round(size * dpr);
    const set = this.digitSet;
    return html`<div part="base" ${styleProps({ "--_size": `${size}px` })}>
      <div class="pad-column">
        <div class=${this._picked === undefined ? "pad-frame" : "pad-frame sample"}>
          <canvas
            part="pad"
            width=${backing}
            height=${backing}
            role="img"
            aria-label=${msg("Drawing pad", { id: "digit-pad.pad-label" })}
            aria-description=${msg(
              "Draw a digit with a mouse, pen or finger. The pad cannot be drawn on with keys: keyboard users can pick a test digit below (arrow keys to move, Enter to pick) or clear the pad.",
              { id: "digit-pad.pad-description" },
            )}
            @pointerdown=${this.#onPointerDown}
            @pointermove=${this.#onPointerMove}
            @pointerup=${this.#onPointerUp}
            @pointercancel=${this.#onPointerUp}
          ></canvas>
          <div class="guide" aria-hidden="true"></div>
          ${
            this._hasInk
              ? nothing
              : html`<p class="placeholder" aria-hidden="true">
                  ${msg("Draw a digit here", { id: "digit-pad.placeholder" })}
                </p>`
          }
        </div>
        <div class="pad-actions">
          <span class="hint">${msg("Fill the dashed box.", { id: "digit-pad.hint" })}</span>
          <button type="button" part="clear" class="clear" @click=${this.#onClear}>
            ${msg("Clear", { id: "digit-pad.clear" })}
          </button>
        </div>
      </div>
      <figure class="preview" part="preview">
        <div class="preview-frame">
          <canvas
            class="preview-canvas"
            width=${SIDE}
            height=${SIDE}
            role="img"
            aria-label=${
              this._value
                ? msg(
                    "What the network sees: the digit scaled to 20 × 20 and centred in 28 × 28 pixels",
                    {
                      id: "digit-pad.preview-label",
                    },
                  )
                : msg("What the network sees: nothing yet", { id: "digit-pad.preview-label-empty" })
            }
          ></canvas>
          ${
            this._value
              ? nothing
              : html`<span class="preview-empty" aria-hidden="true">
                  ${msg("nothing yet", { id: "digit-pad.preview-empty" })}
                </span>`
          }
        </div>
        <figcaption>
          <strong>${msg("What the network sees", { id: "digit-pad.preview-heading" })}</strong>
          <span
            >${msg("28 × 28 pixels, ink centred by its mass, as in MNIST", { id: "digit-pad.preview-detail" })}</span
          >
        </figcaption>
        ${
          this._drawError
            ? html`<p class="error" role="alert">
                ${msg(str`Could not read the drawing: ${this._drawError}`, { id: "digit-pad.draw-error" })}
              </p>`
            : nothing
        }
      </figure>
      <div class="strip-section">
        <div class="strip-head">
          <span id="strip-label" class="strip-label"
            >${msg("Or pick a test digit", { id: "digit-pad.strip-label" })}</span
          >
          ${
            set && set.count > this.sampleIndices.length
              ? html`<button type="button" part="more" class="more" @click=${this.#onMore}>
                  ${msg("More digits", { id: "digit-pad.more" })}
                </button>`
              : nothing
          }
        </div>
        ${this.#renderStrip()}
      </div>
      <p class="visually-hidden" aria-live="polite">${this._announcement}</p>
    </div>`;
  }
}
