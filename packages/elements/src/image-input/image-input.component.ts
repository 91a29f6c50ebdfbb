import { msg, str, updateWhenLocaleChanges } from "@lit/localize";
import { LitElement, html, nothing, type PropertyValues } from "lit";
import { property, query, state } from "lit/decorators.js";
import type { ImagePreprocessing } from "@convstep/engine";
import { SAMPLE_PHOTOS, samplePhoto, type SamplePhoto } from "@convstep/models";
import { assetUrl } from "../shared/assets.js";
import { CsInputEvent } from "../shared/events.js";
import { AttributeGuard, oneOf } from "../shared/attribute-guard.js";
import { baseStyles } from "../shared/styles.js";
import { styleProps } from "../shared/style-props.js";
import { imageInputStyles } from "./image-input.styles.js";
import { decodePhoto, fetchPhoto, type Photo } from "./photo.js";
import {
  IMAGE_TARGETS,
  TARGET_SIDE,
  coverCrop,
  inputToRgba,
  modelInput,
  targetPreprocessing,
  type CoverCrop,
  type ImageTarget,
} from "./preprocess.js";
import { normalisationStep } from "./normalisation-step.js";
import { sampleCaption, sampleTitle } from "./sample-titles.js";

/** Largest box the original photo is shown in, CSS px. */
const ORIGINAL_BOX = { width: 340, height: 240 };

/**
 * @tagname cs-image-input
 * @summary Pick a bundled photo or use your own (file picker or drag and drop; read in the page,
 * never uploaded), and see how it becomes AlexNet's input: the scale, the centre crop drawn over
 * the photo, and the model-ready pixels.
 *
 * @csspart base - The wrapper (also the drop zone).
 * @csspart samples - The row of sample photos; each button has the part `sample`.
 * @csspart file - The "Use your own photo" button.
 * @csspart original - The original photo with the crop box.
 * @csspart crop - The crop box.
 * @csspart input - The model input as the network sees it.
 *
 * @cssproperty --cs-image-input-crop-color - Colour of the crop box.
 * @cssproperty --cs-image-input-thumb-size - Height of the sample thumbnails.
 *
 * @fires cs-input - A photo was prepared (CsInputEvent: HWC Float32Array, shape [227, 227, 3] or [32, 32, 3]; source "sample" for bundled and `src` photos, "file" for the reader's own). Fired for the first photo too.
 */
export class CsImageInput extends LitElement {
  static override styles = [baseStyles, imageInputStyles];

  @query("canvas.original") private originalCanvas!: HTMLCanvasElement | null;
  @query("canvas[part=input]") private inputCanvas!: HTMLCanvasElement | null;
  @query("input[type=file]") private fileInput!: HTMLInputElement | null;

  @state() private _photo: (Photo & { name: string; source: "sample" | "file" }) | undefined;
  @state() private _value: { data: Float32Array; shape: [number, number, number] } | undefined;
  @state() private _error: string | undefined;
  @state() private _loading = false;
  @state() private _dragging = false;
  @state() private _announcement = "";

  /** The model the input is prepared for: `alexnet-2012` (227 × 227, mean subtracted), `alexnet-torchvision` (224 × 224, mean and std) or `alexnet-keras` (32 × 32). */
  @property() target: ImageTarget = "alexnet-2012";

  /**
   * The value convention to use instead of the target's own (what trained weights record, e.g.
   * Caffe's mean pixel); applied with the engine's `normaliseRgb`.
   */
  @property({ attribute: false }) preprocessing: ImagePreprocessing | undefined;

  /** File name of the selected bundled photo (under the asset base's `samples/`). */
  @property({ reflect: true }) sample = "chelsea.jpg";

  /** URL of a photo to use instead of the sample. */
  @property() src: string | undefined;

  /** The photos offered (default: the bundled ones). */
  @property({ attribute: false }) samples: readonly SamplePhoto[] = SAMPLE_PHOTOS;

  #loadedFrom: string | undefined;
  #token = 0;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
  }

  /** The last prepared input (HWC) and its shape, or undefined. */
  get value(): { data: Float32Array; shape: readonly number[] } | undefined {
    return this._value;
  }

  /** The resize and crop of the current photo, or undefined. */
  get crop(): CoverCrop | undefined {
    const p = this._photo;
    return p ? coverCrop(p.width, p.height, this.#side) : undefined;
  }

  /** Reads a local image (a File from a picker or a drop); shows an error in place if it cannot. */
  async loadFile(file: Blob, name = (file as File).name || "file"): Promise<void> {
    const token = ++this.#token;
    this._loading = true;
    try {
      const photo = await decodePhoto(file, name);
      if (token !== this.#token) return;
      this.#loadedFrom = `file:${name}`;
      this.#accept({ ...photo, name, source: "file" });
    } catch (error) {
      if (token === this.#token) this.#fail(error);
    } finally {
      if (token === this.#token) this._loading = false;
    }
  }

  /** The target in use (an unknown one falls back to alexnet-2012). */
  get #target(): ImageTarget {
    return IMAGE_TARGETS.includes(this.target) ? this.target : "alexnet-2012";
  }

  /** The preprocessing in use: the `preprocessing` property, else the target's own. */
  get #preprocessing(): ImagePreprocessing | undefined {
    return this.preprocessing ?? targetPreprocessing(this.#target);
  }

  /**
   * The current photo prepared with `preprocessing` (default: the one in use), without emitting;
   * undefined before a photo is read.
   */
  inputFor(
    preprocessing: ImagePreprocessing | undefined = this.#preprocessing,
  ): { data: Float32Array; shape: [number, number, number] } | undefined {
    const p = this._photo;
    return p ? modelInput(p.rgba, p.width, p.height, this.#target, preprocessing) : undefined;
  }

  get #side(): number {
    return TARGET_SIDE[this.#target];
  }

  #attributes = new AttributeGuard<CsImageInput>(this, {
    target: oneOf<ImageTarget>(IMAGE_TARGETS, "alexnet-2012"),
  });

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.#attributes.check(changed);
    if (changed.has("src") || changed.has("sample")) {
      const url = this.src || assetUrl(`samples/${this.sample}`);
      if (url !== this.#loadedFrom) void this.#loadUrl(url);
    }
    const reprepare =
      (changed.has("target") && changed.get("target") !== undefined) ||
      changed.has("preprocessing");
    if (reprepare && this._photo) this.#prepare();
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.#drawOriginal();
    this.#drawInput();
  }

  async #loadUrl(url: string): Promise<void> {
    this.#loadedFrom = url;
    const token = ++this.#token;
    this._loading = true;
    try {
      const photo = await fetchPhoto(url);
      if (token !== this.#token) return;
      this.#accept({ ...photo, name: this.src ? url : this.sample, source: "sample" });
    } catch (error) {
      if (token === this.#token) this.#fail(error);
    } finally {
      if (token === this.#token) this._loading = false;
    }
  }

  #accept(photo: Photo & { name: string; source: "sample" | "file" }): void {
    this._photo = photo;
    this._error = undefined;
    this.#prepare();
  }

  #fail(error: unknown): void {
    const reason = error instanceof Error ? error.message : String(error);
    this._error = this._photo
      ? msg(str`Could not read the photo (${reason}). The previous photo is still in use.`, {
          id: "image-input.error-kept",
        })
      : msg(str`Could not read the photo (${reason}).`, { id: "image-input.error" });
  }

  /** Preprocesses the current photo for the target and emits it. */
  #prepare(): void {
    const p = this._photo;
    if (!p) return;
    const value = modelInput(p.rgba, p.width, p.height, this.#target, this.#preprocessing);
    this._value = value;
    const [h, w] = value.shape;
    const what = this.#photoTitle();
    this._announcement = msg(str`${what} is the model input: ${h} × ${w} pixels.`, {
      id: "image-input.live",
    });
    this.dispatchEvent(new CsInputEvent(value.data, value.shape, p.source));
  }

  #photoTitle(): string {
    const p = this._photo;
    if (!p) return "";
    const sample = p.source === "sample" && !this.src ? samplePhoto(p.name) : undefined;
    return sample ? sampleTitle(sample) : p.name;
  }

  #drawOriginal(): void {
    const canvas = this.originalCanvas;
    const p = this._photo;
    if (!canvas || !p) return;
    const scale = Math.min(ORIGINAL_BOX.width / p.width, ORIGINAL_BOX.height / p.height, 4);
    const dpr = globalThis.devicePixelRatio || 1;
    const w = Math.round(p.width * scale);
    const h = Math.round(p.height * scale);
    canvas.style.width = `${w}px`;
    canvas.style.aspectRatio = `${w} / ${h}`;
    canvas.width = Math.round(w * dpr);
    canvas.height = Math.round(h * dpr);
    const ctx = canvas.getContext("2d");
    if (!ctx) return;
    ctx.imageSmoothingQuality = "high";
    ctx.drawImage(p.bitmap, 0, 0, canvas.width, canvas.height);
  }

  #drawInput(): void {
    const canvas = this.inputCanvas;
    const v = this._value;
    if (!canvas || !v) return;
    const [h, w] = v.shape;
    canvas.width = w;
    canvas.height = h;
    canvas
      .getContext("2d")
      ?.putImageData(
        new ImageData(inputToRgba(v.data, this.#target, this.#preprocessing), w, h),
        0,
        0,
      );
  }

  #pick(photo: SamplePhoto): void {
    this.src = undefined;
    this.sample = photo.file;
    // Picking the sample already selected (after a file) loads it again.
    const url = assetUrl(`samples/${photo.file}`);
    if (url !== this.#loadedFrom || this._photo?.source === "file") void this.#loadUrl(url);
  }

  #onFileChange(event: Event): void {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    if (file) void this.loadFile(file);
    input.value = "";
  }

  #onDragOver(event: DragEvent): void {
    if (!event.dataTransfer?.types.includes("Files")) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = "copy";
    this._dragging = true;
  }

  #onDrop(event: DragEvent): void {
    event.preventDefault();
    this._dragging = false;
    const file = event.dataTransfer?.files[0];
    if (file) void this.loadFile(file);
  }

  #renderSamples() {
    return html`<div class="samples" part="samples" role="group" aria-labelledby="samples-label">
      ${this.samples.map((photo) => {
        const selected =
          this._photo?.source === "sample" && !this.src && this.sample === photo.file;
        const caption = sampleCaption(photo);
        return html`<button
          type="button"
          part=${selected ? "sample selected" : "sample"}
          aria-pressed=${selected ? "true" : "false"}
          aria-label=${caption}
          title=${caption}
          @click=${() => this.#pick(photo)}
        >
          <img src=${assetUrl(`samples/${photo.file}`)} alt="" loading="lazy" />
        </button>`;
      })}
    </div>`;
  }

  #renderSteps(crop: CoverCrop, p: Photo) {
    const side = crop.side;
    const { resizedWidth: rw, resizedHeight: rh } = crop;
    const scaleStep = msg(
      str`Scale the shorter side to ${side} px: ${p.width} × ${p.height} → ${rw} × ${rh}.`,
      {
        id: "image-input.step-scale",
      },
    );
    const x1 = crop.left + side - 1;
    const y1 = crop.top + side - 1;
    const cropStep = msg(
      str`Cut out the centred ${side} × ${side} square: columns ${crop.left}–${x1}, rows ${crop.top}–${y1}.`,
      { id: "image-input.step-crop" },
    );
    if (this.#target === "alexnet-keras") {
      return html`<ol class="steps">
        <li>
          ${scaleStep}
          ${msg("That is the size of a CIFAR-10 image.", { id: "image-input.step-cifar" })}
        </li>
        <li>${cropStep}</li>
        <li>${msg("Divide by 255: values from 0 to 1.", { id: "image-input.step-divide" })}</li>
        <li>
          ${msg(
            "Inside the model, a Resizing layer scales the 32 × 32 pixels back up to 224 × 224: the network sees only these 1,024 pixels, smoothed.",
            { id: "image-input.step-resizing" },
          )}
        </li>
      </ol>`;
    }
    return html`<ol class="steps">
      <li>${scaleStep}</li>
      <li>${cropStep}</li>
      <li>${normalisationStep(this.#preprocessing)}</li>
    </ol>`;
  }

  #renderStage() {
    const p = this._photo;
    const crop = this.crop;
    if (!p || !crop) {
      return this._loading
        ? html`<p class="note">${msg("Loading the photo…", { id: "image-input.loading" })}</p>`
        : nothing;
    }
    const side = crop.side;
    const sample = p.source === "sample" && !this.src ? samplePhoto(p.name) : undefined;
    const caption = sample
      ? sampleCaption(sample)
      : p.source === "file"
        ? msg(str`${p.name} (your photo, read in this page only)`, {
            id: "image-input.file-caption",
          })
        : p.name;
    const box = crop.box;
    const pct = (v: number, of: number) => `${((v / of) * 100).toFixed(3)}%`;
    const keras = this.#target === "alexnet-keras";
    return html`<div class="stage">
        <figure part="original">
          <div class="frame">
            <canvas class="original" role="img" aria-label=${caption}></canvas>
            <div
              class="crop"
              part="crop"
              ${styleProps({
                left: pct(box.x, p.width),
                top: pct(box.y, p.height),
                width: pct(box.width, p.width),
                height: pct(box.height, p.height),
              })}
            ></div>
          </div>
          <figcaption>
            <span class="caption">${caption}</span>
            <span class="size">${p.width} × ${p.height} px</span>
          </figcaption>
        </figure>
        <div class="arrow" aria-hidden="true">→</div>
        <figure class=${keras ? "model keras" : "model"}>
          <canvas
            part="input"
            role="img"
            aria-label=${msg(str`The model input: ${side} × ${side} pixels`, { id: "image-input.input-label" })}
          ></canvas>
          <figcaption>
            <strong>${msg("What the network gets", { id: "image-input.input-heading" })}</strong>
            <span class="size">
              ${
                keras
                  ? msg("32 × 32 × 3, shown enlarged; values 0–1", {
                      id: "image-input.input-keras",
                    })
                  : msg("227 × 227 × 3; values 0–255 minus the mean", {
                      id: "image-input.input-2012",
                    })
              }
            </span>
          </figcaption>
        </figure>
      </div>
      ${this.#renderSteps(crop, p)}`;
  }

  override render() {
    return html`<div
      part="base"
      class=${this._dragging ? "dragging" : ""}
      @dragover=${this.#onDragOver}
      @dragleave=${() => (this._dragging = false)}
      @drop=${this.#onDrop}
    >
      <div class="pick">
        <span id="samples-label" class="label"
          >${msg("Pick a photo", { id: "image-input.pick" })}</span
        >
        ${this.#renderSamples()}
        <div class="own">
          <button type="button" part="file" class="file" @click=${() => this.fileInput?.click()}>
            ${msg("Use your own photo…", { id: "image-input.file" })}
          </button>
          <span class="hint">
            ${msg("or drop one here. It stays on your computer.", { id: "image-input.drop-hint" })}
          </span>
          <input type="file" accept="image/*" hidden @change=${this.#onFileChange} />
        </div>
      </div>
      ${this._error ? html`<p class="error" role="alert">${this._error}</p>` : nothing}
      ${this.#renderStage()}
      <p class="visually-hidden" aria-live="polite">${this._announcement}</p>
    </div>`;
  }
}
