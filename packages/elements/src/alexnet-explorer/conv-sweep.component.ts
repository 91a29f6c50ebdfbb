import { msg, str, updateWhenLocaleChanges } from "@lit/localize";
import { LitElement, html, nothing, type PropertyValues } from "lit";
import { property, query, state } from "lit/decorators.js";
import { timer, type Timer } from "d3-timer";
import type { Simulator, Trace, Window } from "@convstep/engine";
import type { Conv1KernelInfo } from "@convstep/models";
import { activationScale } from "../draw/color.js";
import { colorLut, type ColorLut } from "../draw/network.js";
import {
  bankLayout,
  bankTileAt,
  channelExtent,
  columnAt,
  drawBank,
  drawColumn,
  drawMap,
  drawPatch,
  drawPicture,
  imageCanvas,
  kernelRgba,
  pictureRgba,
  prepareMap,
  sweepCell,
  sweepIndex,
  type BankLayout,
  type DisplayTransform,
  type DrawnMap,
  type DrawnPicture,
  type PreparedMap,
  type SweepCell,
  type SweepColours,
} from "../draw/sweep.js";
import { CsNeuronEvent } from "../shared/events.js";
import { formatCount } from "../shared/format-number.js";
import { getLocale } from "../shared/localize.js";
import { HostWidthController } from "../shared/host-width.js";
import { SimulatorController } from "../shared/simulator-controller.js";
import {
  AttributeGuard,
  MAX_INDEX,
  numberAttribute,
  numberIn,
  oneOf,
} from "../shared/attribute-guard.js";
import { baseStyles } from "../shared/styles.js";
import { cachedStyle } from "../shared/style-cache.js";
import { convSweepStyles } from "./conv-sweep.styles.js";
import { formatValue, kernelText, renderArithmetic } from "./sweep-text.js";
import {
  cellWindow,
  convGeometry,
  fieldInConvInput,
  firstConvIndex,
  type ConvGeometry,
} from "./sweep.js";

/** Cells per second while the sweep plays (conv1's 3,025 cells in about 12 s). */
const CELLS_PER_SECOND = 250;
/** Width of the side column (patch, kernel, bank, values), px. */
const SIDE_WIDTH = 210;
/** Space between the panes, px. */
const PANE_GAP = 20;
/** CSS px per pixel of the magnified patch and kernel. */
const ZOOM = 7;
/** Cells per row of the strip of every map's value at the window. */
const COLUMN_PER_ROW = 24;
/** Kernels per row of the bank. */
const BANK_PER_ROW = 12;

/** What the last frame drew (for tests and harnesses). */
export interface SweepFrame {
  readonly picture: DrawnPicture;
  readonly map: DrawnMap;
  readonly channel: number;
  /** Milliseconds the frame's drawing took. */
  readonly ms: number;
}

/**
 * @tagname cs-conv-sweep
 * @summary The first convolution's sweep over the picture: the k×k window slides with its stride
 * while the output map of one kernel fills in cell by cell, with the kernel magnified, the values
 * of every map at the window's position, the kernel bank (split per GPU when asked), the
 * output-size arithmetic, and the receptive field of the cursor's neuron when it sits deeper in
 * the network. Reads the cached trace only: playing the sweep runs no tensor work.
 *
 * @csspart base - The wrapper.
 * @csspart picture - The canvas with the picture conv1 reads and the window.
 * @csspart map - The focusable output map (arrows move the window, Enter selects the neuron).
 * @csspart patch - The magnified patch under the window (what one kernel position reads).
 * @csspart kernel - The magnified kernel.
 * @csspart column - The strip of every map's value at the window's position.
 * @csspart bank - The focusable kernel bank (a slider over the kernels).
 * @csspart transport - Play button and position slider.
 * @csspart arithmetic - The output-size formula and the 224 puzzle.
 *
 * @cssproperty --cs-conv-sweep-highlight - Colour of the window and the current cell.
 * @cssproperty --cs-conv-sweep-field - Colour of a deeper neuron's receptive field.
 * @cssproperty --cs-conv-sweep-veil - Veil over the part of the picture not yet swept.
 *
 * @fires cs-neuron - {CsNeuronEvent} A cell was selected (click or Enter); the cursor moves there too.
 */
export class CsConvSweep extends LitElement {
  static override styles = [baseStyles, convSweepStyles];

  #controller = new SimulatorController(this);
  #width = new HostWidthController(this);
  #timer: Timer | undefined;
  #playFrom = 0;
  #cursorKey = "";
  #picture: { trace: Trace; canvas: HTMLCanvasElement } | undefined;
  #map: { trace: Trace; channel: number; map: PreparedMap } | undefined;
  #columnLut: { trace: Trace; lut: ColorLut } | undefined;
  #tiles:
    | { source: unknown; tiles: HTMLCanvasElement[]; data: Float32Array; shape: number[] }
    | undefined;
  #bankKey = "";
  #frame: SweepFrame | undefined;

  @query("canvas[part=picture]") private pictureCanvas!: HTMLCanvasElement | null;
  @query("canvas[part=map]") private mapCanvas!: HTMLCanvasElement | null;
  @query("canvas[part=kernel]") private kernelCanvas!: HTMLCanvasElement | null;
  @query("canvas[part=patch]") private patchCanvas!: HTMLCanvasElement | null;
  @query("canvas[part=column]") private columnCanvas!: HTMLCanvasElement | null;
  @query("canvas[part=bank]") private bankCanvas!: HTMLCanvasElement | null;

  @state() private _playing = false;
  @state() private _live = "";

  /** The simulator whose first convolution is swept. */
  @property({ attribute: false })
  get simulator(): Simulator | undefined {
    return this.#controller.simulator;
  }
  set simulator(value: Simulator | undefined) {
    this.#controller.simulator = value;
  }

  /** The kernel (output map) shown; follows the cursor's channel when the cursor is on this layer. */
  @property({ converter: numberAttribute }) channel = 0;

  /** The sweep's position: the output cell's row-major index (the last cell shows the whole map). */
  @property({ converter: numberAttribute }) position = Number.MAX_SAFE_INTEGER;

  /** How the input values become RGB (default: ×255 for [0, 1] inputs, else + the range's low end). */
  @property({ attribute: false }) transform: DisplayTransform | undefined;

  /** What each kernel is, when the bank is hand-built (shown with the kernel). */
  @property({ attribute: false }) kernelInfo: readonly Conv1KernelInfo[] | undefined;

  /** Where the kernels come from: `seeded`, `bank` (hand-built) or `trained`. */
  @property({ attribute: "kernel-source" }) kernelSource: "seeded" | "bank" | "trained" = "seeded";

  /** Groups the bank is drawn in (2: AlexNet's two GPUs, 48 kernels each). */
  @property({ converter: numberAttribute }) groups = 1;

  /** Show the paper's 224 puzzle under the formula. */
  @property({ type: Boolean, attribute: "show-puzzle" }) showPuzzle = false;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
  }

  /** Index of the swept layer in the model, or −1. */
  get layerIndex(): number {
    const sim = this.simulator;
    return sim ? firstConvIndex(sim.model) : -1;
  }

  /** The swept layer's geometry. */
  get geometry(): ConvGeometry | undefined {
    const sim = this.simulator;
    const i = this.layerIndex;
    return sim && i >= 0 ? convGeometry(sim.model.layers[i]) : undefined;
  }

  /** The current cell of the sweep. */
  get cell(): SweepCell {
    const g = this.geometry;
    if (!g) return { y: 0, x: 0 };
    return sweepCell(Math.min(this.position, g.outHeight * g.outWidth - 1), g.outWidth);
  }

  /** The window the current cell reads in conv1's input (half-open, may reach into padding). */
  get window(): Window | undefined {
    const g = this.geometry;
    return g ? cellWindow(g, this.cell.y, this.cell.x) : undefined;
  }

  /** Whether the sweep is playing. */
  get playing(): boolean {
    return this._playing;
  }

  /** What the last frame drew. */
  get frame(): SweepFrame | undefined {
    return this.#frame;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.pause();
  }

  #attributes = new AttributeGuard<CsConvSweep>(this, {
    channel: numberIn({ min: 0, max: MAX_INDEX, integer: true, fallback: 0 }),
    position: numberIn({
      min: 0,
      max: Number.MAX_SAFE_INTEGER,
      integer: true,
      fallback: Number.MAX_SAFE_INTEGER,
    }),
    kernelSource: {
      ...oneOf(["seeded", "bank", "trained"] as const, "seeded"),
      attribute: "kernel-source",
    },
    groups: numberIn({ min: 1, max: 16, integer: true, fallback: 1 }),
  });

  protected override willUpdate(changed: PropertyValues): void {
    this.#attributes.check(changed);
    this.#followCursor();
  }

  protected override updated(): void {
    this.drawFrame();
  }

  /** Plays the sweep from the current cell (from the start when at the end). */
  play(): void {
    const g = this.geometry;
    if (!g || this._playing) return;
    const last = g.outHeight * g.outWidth - 1;
    if (this.position >= last) this.position = 0;
    this._playing = true;
    this.#playFrom = this.position;
    const reduced = globalThis.matchMedia?.("(prefers-reduced-motion: reduce)").matches ?? false;
    this.#timer = timer((elapsed) => {
      const advance = (elapsed / 1000) * CELLS_PER_SECOND;
      // With reduced motion the window jumps a whole row at a time instead of gliding.
      const step = reduced ? Math.floor(advance / g.outWidth) * g.outWidth : Math.floor(advance);
      const next = Math.min(last, this.#playFrom + step);
      if (next !== this.position) this.position = next;
      if (next >= last) this.pause();
    });
  }

  /** Stops the sweep where it is. */
  pause(): void {
    this.#timer?.stop();
    this.#timer = undefined;
    if (this._playing) this._playing = false;
  }

  /** Moves the window to a cell (pausing) and, when `select`, moves the simulator's cursor there. */
  moveTo(cell: SweepCell, select = false): void {
    const g = this.geometry;
    const sim = this.simulator;
    if (!g || !sim) return;
    const y = Math.max(0, Math.min(g.outHeight - 1, cell.y));
    const x = Math.max(0, Math.min(g.outWidth - 1, cell.x));
    this.pause();
    this.position = sweepIndex({ y, x }, g.outWidth);
    if (!select) return;
    const layer = this.layerIndex;
    sim.cursor.setGranularity("neuron");
    sim.cursor.moveTo({ layer, channel: this.channel, y, x });
    const value = sim.trace ? sim.trace.layers[layer].valueAt(this.channel, y, x) : NaN;
    this.dispatchEvent(new CsNeuronEvent(sim.model.layers[layer].name, this.channel, y, x, value));
  }

  /** Shows kernel `channel` (and moves the cursor's map when the cursor is on this layer). */
  selectChannel(channel: number): void {
    const g = this.geometry;
    const sim = this.simulator;
    if (!g || !sim) return;
    const c = Math.max(0, Math.min(g.filters - 1, Math.round(channel)));
    this.channel = c;
    const n = sim.cursor.neuron;
    if (n.layer === this.layerIndex && sim.cursor.granularity !== "layer") {
      sim.cursor.moveTo({ layer: n.layer, channel: c, y: n.y, x: n.x });
    }
  }

  /** Follows the cursor: its map when on this layer, its cell when at neuron granularity. */
  #followCursor(): void {
    const sim = this.simulator;
    if (!sim) return;
    const n = sim.cursor.neuron;
    const key = `${n.layer}:${n.channel}:${n.y}:${n.x}:${sim.cursor.granularity}`;
    if (key === this.#cursorKey) return;
    this.#cursorKey = key;
    if (n.layer !== this.layerIndex || sim.cursor.granularity === "layer") return;
    this.channel = n.channel;
    if (sim.cursor.granularity === "neuron" && !this._playing) {
      const g = this.geometry;
      if (g) this.position = sweepIndex({ y: n.y, x: n.x }, g.outWidth);
    }
  }

  #colours(): SweepColours {
    const style = cachedStyle(this);
    const read = (name: string, fallback: string) =>
      style.getPropertyValue(name).trim() || fallback;
    return {
      highlight: read("--_highlight", "#f0a020"),
      halo: read("--_halo", "rgba(0,0,0,0.65)"),
      empty: read("--_empty", "#eef1f4"),
      veil: read("--_veil", "rgba(255,255,255,0.6)"),
      field: read("--_field", "#0b62c4"),
    };
  }

  #transform(sim: Simulator): DisplayTransform {
    if (this.transform) return this.transform;
    const [lo, hi] = sim.model.spec.input.range ?? [0, 255];
    return hi - lo <= 2 ? { offset: [0, 0, 0], scale: 255 } : { offset: [-lo, -lo, -lo], scale: 1 };
  }

  /** The sizes of the picture and the map, from the element's width (a side column of ~210 px). */
  #sizes(g: ConvGeometry): { pictureScale: number; mapCell: number; stacked: boolean } {
    const width = this.#width.width || this.clientWidth || 900;
    const stacked = width < 700;
    const side = stacked ? Math.min(width, 420) : (width - SIDE_WIDTH - 2 * PANE_GAP - 8) / 1.8;
    const pictureScale = Math.max(0.5, Math.min(2, side / g.inWidth));
    const mapCell = Math.max(2, Math.min(8, Math.floor((side * 0.8) / g.outWidth)));
    return { pictureScale, mapCell, stacked };
  }

  /** Draws the picture, the map, the column and (when they changed) the kernel and the bank. */
  drawFrame(): SweepFrame | undefined {
    const sim = this.simulator;
    const g = this.geometry;
    const trace = sim?.trace;
    const layer = this.layerIndex;
    if (!sim || !g || !trace || trace.disposed || layer < 0) return undefined;
    const t0 = performance.now();
    const colours = this.#colours();
    const dpr = Math.min(3, globalThis.devicePixelRatio || 1);
    const { pictureScale, mapCell } = this.#sizes(g);
    const channel = Math.max(0, Math.min(g.filters - 1, this.channel));
    const out = trace.layers[layer];
    const input = trace.inputOf(layer);

    if (this.#picture?.trace !== trace) {
      const rgba = pictureRgba(input.data, input.shape, this.#transform(sim));
      this.#picture = { trace, canvas: imageCanvas(rgba, g.inWidth, g.inHeight) };
    }
    if (this.#map?.trace !== trace || this.#map.channel !== channel) {
      const [lo, hi] = channelExtent(out.data, out.shape, channel);
      this.#map = {
        trace,
        channel,
        map: prepareMap(out.data, out.shape, channel, activationScale(lo, hi)),
      };
    }
    if (this.#columnLut?.trace !== trace) {
      this.#columnLut = { trace, lut: colorLut(activationScale(out.stats.min, out.stats.max)) };
    }

    const cell = this.cell;
    const index = sweepIndex(cell, g.outWidth);
    const total = g.outHeight * g.outWidth;
    const atEnd = index >= total - 1 && !this._playing;
    const cursor = sim.cursor.neuron;
    const deeper = cursor.layer > layer && sim.cursor.granularity === "neuron";
    const field = deeper ? fieldInConvInput(sim.model, cursor, layer) : null;
    const previous = cell.x > 0 ? cellWindow(g, cell.y, cell.x - 1) : null;

    let picture: DrawnPicture = { window: null, previous: null, field: null, veiled: false };
    const pctx = this.#context(
      this.pictureCanvas,
      g.inWidth * pictureScale,
      g.inHeight * pictureScale,
      dpr,
    );
    if (pctx) {
      picture = drawPicture(
        pctx,
        this.#picture.canvas,
        pictureScale,
        { window: cellWindow(g, cell.y, cell.x), previous, veil: !atEnd, field },
        colours,
      );
    }
    let map: DrawnMap = { revealed: 0, cell: null };
    const mctx = this.#context(
      this.mapCanvas,
      g.outWidth * mapCell + 2,
      g.outHeight * mapCell + 2,
      dpr,
    );
    if (mctx) {
      mctx.translate(1, 1);
      map = drawMap(mctx, this.#map.map, mapCell, atEnd ? total : index + 1, cell, colours);
    }
    const perRow = Math.min(COLUMN_PER_ROW, g.filters);
    const columnCell = 8;
    const rows = Math.ceil(g.filters / perRow);
    const cctx = this.#context(
      this.columnCanvas,
      perRow * columnCell + 2,
      rows * (columnCell + 3) + 2,
      dpr,
    );
    if (cctx) {
      cctx.translate(1, 1);
      drawColumn(
        cctx,
        columnAt(out.data, out.shape, cell),
        this.#columnLut.lut,
        perRow,
        columnCell,
        3,
        channel,
        colours,
      );
    }
    const patch = this.#context(this.patchCanvas, g.kernel * ZOOM, g.kernel * ZOOM, dpr);
    if (patch) drawPatch(patch, this.#picture.canvas, cellWindow(g, cell.y, cell.x), ZOOM, colours);
    this.#drawKernels(sim, g, channel, colours, dpr);
    this.#frame = { picture, map, channel, ms: performance.now() - t0 };
    return this.#frame;
  }

  #bankLayout(g: ConvGeometry): BankLayout {
    const groups = Math.max(1, this.groups);
    return bankLayout(g.filters, BANK_PER_ROW, Math.ceil(g.filters / groups), 15, 2, 10);
  }

  #drawKernels(
    sim: Simulator,
    g: ConvGeometry,
    channel: number,
    colours: SweepColours,
    dpr: number,
  ): void {
    const name = sim.model.layers[this.layerIndex].name;
    const tensor = sim.weights.get(`${name}/kernel`);
    if (!tensor || tensor.isDisposed) return;
    if (this.#tiles?.source !== tensor) {
      const raw = tensor.dataSync();
      const data = raw instanceof Float32Array ? raw : Float32Array.from(raw as ArrayLike<number>);
      const shape = [...tensor.shape];
      const tiles = Array.from({ length: g.filters }, (_, o) =>
        imageCanvas(kernelRgba(data, shape, o), shape[1], shape[0]),
      );
      this.#tiles = { source: tensor, tiles, data, shape };
      this.#bankKey = "";
    }
    const layout = this.#bankLayout(g);
    const key = `${channel}|${layout.width}|${dpr}|${this.groups}`;
    if (key === this.#bankKey && this.kernelCanvas?.width) return;
    this.#bankKey = key;
    const side = g.kernel * ZOOM;
    const kctx = this.#context(this.kernelCanvas, side, side, dpr);
    if (kctx) {
      kctx.imageSmoothingEnabled = false;
      kctx.clearRect(0, 0, side, side);
      kctx.drawImage(this.#tiles.tiles[channel], 0, 0, side, side);
    }
    const bctx = this.#context(this.bankCanvas, layout.width + 4, layout.height + 4, dpr);
    if (bctx) {
      bctx.translate(2, 2);
      drawBank(bctx, this.#tiles.tiles, layout, channel, colours);
    }
  }

  /** Sizes a canvas (CSS px × dpr) and returns its context scaled to CSS px. */
  #context(
    canvas: HTMLCanvasElement | null,
    width: number,
    height: number,
    dpr: number,
  ): CanvasRenderingContext2D | null {
    if (!canvas) return null;
    const w = Math.ceil(width * dpr);
    const h = Math.ceil(height * dpr);
    if (canvas.width !== w) canvas.width = w;
    if (canvas.height !== h) canvas.height = h;
    canvas.style.width = `${width}px`;
    canvas.style.height = `${height}px`;
    const ctx = canvas.getContext("2d");
    ctx?.setTransform(dpr, 0, 0, dpr, 0, 0);
    return ctx;
  }

  // ------------------------------------------------------------------------------------------
  // Input

  #onMapKeydown(event: KeyboardEvent): void {
    const c = this.cell;
    const g = this.geometry;
    if (!g) return;
    const moves: Record<string, SweepCell> = {
      ArrowLeft: { y: c.y, x: c.x - 1 },
      ArrowRight: { y: c.y, x: c.x + 1 },
      ArrowUp: { y: c.y - 1, x: c.x },
      ArrowDown: { y: c.y + 1, x: c.x },
      Home: { y: c.y, x: 0 },
      End: { y: c.y, x: g.outWidth - 1 },
      PageUp: { y: 0, x: c.x },
      PageDown: { y: g.outHeight - 1, x: c.x },
    };
    const to = moves[event.key];
    if (to) {
      event.preventDefault();
      this.moveTo(to);
      this.#announce();
    } else if (event.key === "Enter") {
      event.preventDefault();
      this.moveTo(c, true);
    } else if (event.key === " ") {
      event.preventDefault();
      this.#togglePlay();
    }
  }

  #onMapClick(event: MouseEvent): void {
    const g = this.geometry;
    const canvas = this.mapCanvas;
    if (!g || !canvas) return;
    const rect = canvas.getBoundingClientRect();
    const cellSize = (rect.width - 2) / g.outWidth;
    const x = Math.floor((event.clientX - rect.left - 1) / cellSize);
    const y = Math.floor((event.clientY - rect.top - 1) / cellSize);
    if (x >= 0 && y >= 0 && x < g.outWidth && y < g.outHeight) this.moveTo({ y, x }, true);
  }

  #onBankKeydown(event: KeyboardEvent): void {
    const g = this.geometry;
    if (!g) return;
    const deltas: Record<string, number> = {
      ArrowLeft: -1,
      ArrowRight: 1,
      ArrowUp: -BANK_PER_ROW,
      ArrowDown: BANK_PER_ROW,
    };
    let next: number | undefined;
    if (event.key in deltas) next = this.channel + deltas[event.key];
    else if (event.key === "Home") next = 0;
    else if (event.key === "End") next = g.filters - 1;
    if (next === undefined) return;
    event.preventDefault();
    this.selectChannel(next);
  }

  #onBankClick(event: MouseEvent): void {
    const g = this.geometry;
    const canvas = this.bankCanvas;
    if (!g || !canvas) return;
    const rect = canvas.getBoundingClientRect();
    const i = bankTileAt(
      this.#bankLayout(g),
      event.clientX - rect.left - 2,
      event.clientY - rect.top - 2,
    );
    if (i >= 0) this.selectChannel(i);
  }

  #togglePlay(): void {
    if (this._playing) this.pause();
    else this.play();
  }

  #announce(): void {
    const { y, x } = this.cell;
    const w = this.window;
    if (!w) return;
    const rows = `${w.y0}–${w.y1 - 1}`;
    const cols = `${w.x0}–${w.x1 - 1}`;
    this._live = msg(str`Output (${y}, ${x}) reads rows ${rows}, columns ${cols}.`, {
      id: "conv-sweep.live",
    });
  }

  // ------------------------------------------------------------------------------------------
  // Rendering

  #kernelText(channel: number): string {
    return kernelText(this.kernelSource, this.kernelInfo?.[channel]);
  }

  override render() {
    const sim = this.simulator;
    const g = this.geometry;
    if (!sim || !g) {
      return html`<div part="base" class="empty">
        <p class="note">${msg("No convolution to sweep yet.", { id: "conv-sweep.empty" })}</p>
      </div>`;
    }
    const layerName = sim.model.layers[this.layerIndex].name;
    const cell = this.cell;
    const win = cellWindow(g, cell.y, cell.x);
    const channel = Math.max(0, Math.min(g.filters - 1, this.channel));
    const total = g.outHeight * g.outWidth;
    const index = sweepIndex(cell, g.outWidth);
    const value = sim.trace
      ? sim.trace.layers[this.layerIndex].valueAt(channel, cell.y, cell.x)
      : NaN;
    const { stacked } = this.#sizes(g);
    const k = g.kernel;
    const s = g.stride;
    const n = g.inWidth;
    const cin = g.channels;
    const oh = g.outHeight;
    const ow = g.outWidth;
    const filters = g.filters;
    const values = formatCount(oh * ow * filters, getLocale());
    const rows = `${win.y0}–${win.y1 - 1}`;
    const cols = `${win.x0}–${win.x1 - 1}`;
    const cursor = sim.cursor.neuron;
    const deeper = cursor.layer > this.layerIndex && sim.cursor.granularity === "neuron";
    const field = deeper ? fieldInConvInput(sim.model, cursor, this.layerIndex) : null;
    const fieldName = deeper ? sim.model.layers[cursor.layer].name : "";
    const fieldSize = field ? `${field.y1 - field.y0}×${field.x1 - field.x0}` : "";
    return html`<div part="base" class=${stacked ? "stacked" : "wide"}>
      <p class="lede">
        ${msg(
          str`${layerName}: ${filters} kernels of ${k}×${k}×${cin} slide over the ${n}×${n} picture in steps of ${s}. Every position gives ${filters} numbers, one per kernel: ${oh} × ${ow} × ${filters} = ${values} values.`,
          { id: "conv-sweep.lede" },
        )}
      </p>
      <div class="panes">
        <figure class="pane picture-pane">
          <canvas part="picture" aria-hidden="true"></canvas>
          <figcaption>
            ${msg(str`Window rows ${rows}, columns ${cols}`, { id: "conv-sweep.window" })}
            ${
              field
                ? html`<span class="field-note"
                    >${msg(
                      str`Blue: what ${fieldName} (${cursor.y}, ${cursor.x}) sees, ${fieldSize} pixels`,
                      {
                        id: "conv-sweep.field",
                      },
                    )}</span
                  >`
                : nothing
            }
          </figcaption>
        </figure>
        <figure class="pane map-pane">
          <canvas
            part="map"
            tabindex="0"
            role="application"
            aria-label=${msg(str`Output map ${channel} of ${layerName}, ${oh}×${ow}`, { id: "conv-sweep.map-label" })}
            aria-describedby="map-help"
            @keydown=${this.#onMapKeydown}
            @click=${this.#onMapClick}
          ></canvas>
          <figcaption>
            ${msg(str`Map ${channel}, cell (${cell.y}, ${cell.x}) = ${formatValue(value)}`, { id: "conv-sweep.cell" })}
          </figcaption>
          <span id="map-help" class="visually-hidden"
            >${msg("Arrow keys move the window, Enter selects the neuron, Space plays the sweep.", {
              id: "conv-sweep.map-help",
            })}</span
          >
        </figure>
        <div class="side">
          <div class="product">
            <figure>
              <canvas part="patch" aria-hidden="true"></canvas>
              <figcaption>${msg("Patch", { id: "conv-sweep.patch" })}</figcaption>
            </figure>
            <span class="op" aria-hidden="true">×</span>
            <figure>
              <canvas part="kernel" aria-hidden="true"></canvas>
              <figcaption>${msg(str`Kernel ${channel}`, { id: "conv-sweep.kernel" })}</figcaption>
            </figure>
          </div>
          <p class="kernel-text">
            <span class="sum"
              >${msg(str`→ ReLU(Σ + b) = ${formatValue(value)}`, { id: "conv-sweep.sum" })}</span
            >
            <span>${this.#kernelText(channel)}</span>
          </p>
          <div class="bank-figure">
            <span class="bank-label"
              >${
                this.groups > 1
                  ? msg(str`All ${filters} kernels: GPU 1 above, GPU 2 below`, {
                      id: "conv-sweep.bank-gpus",
                    })
                  : msg(str`All ${filters} kernels`, { id: "conv-sweep.bank" })
              }</span
            >
            <canvas
              part="bank"
              tabindex="0"
              role="slider"
              aria-label=${msg("Kernel", { id: "conv-sweep.bank-label" })}
              aria-valuemin="0"
              aria-valuemax=${filters - 1}
              aria-valuenow=${channel}
              aria-valuetext=${`${channel}: ${this.#kernelText(channel)}`}
              @keydown=${this.#onBankKeydown}
              @click=${this.#onBankClick}
            ></canvas>
          </div>
          <div class="column-figure">
            <span class="bank-label"
              >${msg(str`The ${filters} values at (${cell.y}, ${cell.x})`, {
                id: "conv-sweep.column",
              })}</span
            >
            <canvas part="column" aria-hidden="true"></canvas>
          </div>
        </div>
        <div class="transport" part="transport">
          <button
            type="button"
            class="play"
            aria-pressed=${this._playing ? "true" : "false"}
            @click=${this.#togglePlay}
          >
            ${
              this._playing
                ? msg("Pause the sweep", { id: "conv-sweep.pause" })
                : msg("Play the sweep", { id: "conv-sweep.play" })
            }
          </button>
          <input
            type="range"
            min="0"
            max=${total - 1}
            .value=${String(index)}
            aria-label=${msg("Sweep position", { id: "conv-sweep.position" })}
            aria-valuetext=${msg(str`row ${cell.y}, column ${cell.x}`, { id: "conv-sweep.position-text" })}
            @input=${(e: Event) => this.moveTo(sweepCell(Number((e.target as HTMLInputElement).value), ow))}
          />
          <span class="count">${index + 1} / ${total}</span>
        </div>
        ${renderArithmetic(g, this.showPuzzle)}
      </div>
      <p class="visually-hidden" aria-live="polite">${this._live}</p>
    </div>`;
  }
}
