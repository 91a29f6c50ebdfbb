import { msg, str, updateWhenLocaleChanges } from "@lit/localize";
import { LitElement, html, nothing, type PropertyValues } from "lit";
import { property, query, state } from "lit/decorators.js";
import type { CompiledLayer, Simulator, TraceStep } from "@convstep/engine";
import {
  type GridLayout,
  type InputLinks,
  type NeuronAt,
  type OverlayStyle,
  cellRect,
  hitTest,
  paintFocus,
  paintFrames,
  paintLabels,
  paintLinks,
  paintMaps,
} from "../draw/feature-map.js";
import { formatValue } from "../draw/legend.js";
import { CsNeuronEvent } from "../shared/events.js";
import { SimulatorController } from "../shared/simulator-controller.js";
import { AttributeGuard, numberAttribute, numberIn, oneOf } from "../shared/attribute-guard.js";
import { baseStyles } from "../shared/styles.js";
import { styleProps } from "../shared/style-props.js";
import { cachedStyle } from "../shared/style-cache.js";
import { featureMapsStyles } from "./feature-maps.styles.js";
import type { PngOptions } from "../export/png.js";
import { type Grid, makeGrid, valueAt } from "./grid.js";
import { inputLinks } from "./input-links.js";
import { renderLegend } from "./legend-view.js";
import { navigate } from "./navigate.js";
import { belowNote, dims, sentence, where } from "./words.js";

/** Everything a render needs, resolved from the properties and the simulator. */
interface View {
  readonly sim: Simulator;
  readonly index: number;
  readonly layer: CompiledLayer;
  readonly grid: Grid;
  readonly below: Grid | undefined;
}

/** How much of the highlighted neuron shows: nothing, its map, or its cell (and map). */
type Level = "none" | "map" | "cell";

/** Room around each grid for outlines drawn outside its outer maps. */
const MARGIN = 3;

/** What each heat-map canvas shows now, so that it is repainted only when that changes. */
const painted = new WeakMap<HTMLCanvasElement, { step: TraceStep; signature: string }>();

function sameNeuron(a: NeuronAt | null, b: NeuronAt | null): boolean {
  return a === b || (!!a && !!b && a.channel === b.channel && a.y === b.y && a.x === b.x);
}

/**
 * @tagname cs-feature-maps
 * @summary One layer's activations as a grid of heat maps on canvas, with a colour legend, a
 * readout of the neuron under the pointer, the cursor's neuron highlighted and, on request, the
 * layer below with the neuron's window and linked channels marked.
 *
 * Without `layer` it shows the cursor's layer while following the cursor, else the first layer.
 * Click a cell (or press Enter) to move the simulator's cursor there; arrow keys move within a
 * map, Page Up/Page Down (or [ and ]) switch maps, Home/End jump to a map's corners.
 *
 * @csspart base - The wrapper.
 * @csspart label - The layer's heading.
 * @csspart grid - The focusable stage holding the heat-map canvases.
 * @csspart canvas - The heat-map canvas (the layer below's too).
 * @csspart legend - The colour legend.
 * @csspart readout - The line that reads out the highlighted neuron.
 * @csspart tooltip - The value shown beside the hovered cell.
 *
 * @cssproperty --cs-feature-maps-focus-color - Outline of the highlighted neuron.
 * @cssproperty --cs-feature-maps-halo-color - Halo under outlines, so they read on any colour.
 * @cssproperty --cs-feature-maps-window-color - Frame of the window in the layer below, and of the hovered cell.
 * @cssproperty --cs-feature-maps-label-color - Colour of the map numbers.
 * @cssproperty --cs-feature-maps-frame-color - Hairline around each map.
 * @cssproperty --cs-feature-maps-legend-width - Width of the legend's colour bar.
 *
 * @fires cs-neuron - {CsNeuronEvent} A neuron was hovered, reached with the keyboard or clicked.
 */
export class CsFeatureMaps extends LitElement {
  static override styles = [baseStyles, featureMapsStyles];

  #controller = new SimulatorController(this);
  #resizeObserver: ResizeObserver | undefined;
  #view: View | undefined;
  #problem: { text: string; error: boolean } | undefined;
  /** The cursor state last followed; a change moves the highlight to the cursor. */
  #seenCursor = "";
  #level: Level = "none";

  @query("canvas.maps") private mainCanvas!: HTMLCanvasElement | null;
  @query("canvas.overlay") private mainOverlay!: HTMLCanvasElement | null;
  @query("canvas.below-maps") private belowCanvas!: HTMLCanvasElement | null;
  @query("canvas.below-overlay") private belowOverlay!: HTMLCanvasElement | null;

  @state() private measuredWidth = 0;
  @state() private focusNeuron: NeuronAt | null = null;
  @state() private hover: NeuronAt | null = null;

  /** The simulator whose trace is drawn. */
  @property({ attribute: false })
  get simulator(): Simulator | undefined {
    return this.#controller.simulator;
  }
  set simulator(value: Simulator | undefined) {
    this.#controller.simulator = value;
  }

  /** Name of the layer to show (default: the cursor's layer). */
  @property() layer: string | undefined;

  /** Follow the simulator's cursor: show its layer and highlight its map or neuron. `follow-cursor="false"` turns it off. */
  @property({
    attribute: "follow-cursor",
    converter: { fromAttribute: (v: string | null) => v !== "false" },
  })
  followCursor = true;

  /** Colour domain: one for the whole `layer` (default), or one per `map`. */
  @property() scale: "layer" | "map" = "layer";

  /** Maps (or cells of a vector) per row; default: as many as fit. */
  @property({ converter: numberAttribute }) columns: number | undefined;

  /** CSS pixels per activation; default: the largest that fits the element's width. */
  @property({ converter: numberAttribute, attribute: "cell-size" }) cellSize: number | undefined;

  /** Also draw the layer below, with the highlighted neuron's window and linked maps marked. */
  @property({ type: Boolean, attribute: "show-input" }) showInput = false;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#resizeObserver ??= new ResizeObserver((entries) => {
      const width = Math.floor(entries[entries.length - 1].contentRect.width);
      if (width > 0 && width !== this.measuredWidth) this.measuredWidth = width;
    });
    this.#resizeObserver.observe(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#resizeObserver?.disconnect();
  }

  /**
   * The maps as drawn (the layer, its highlight, the layer below when shown) as a PNG with a
   * caption line, at `scale` (default 2: cells stay sharp) or `width` px wide.
   */
  async toPNG(options?: PngOptions): Promise<Blob> {
    const { featureMapsToPNG } = await import("../export/figures.js");
    return featureMapsToPNG(this, options);
  }

  /** The same picture in an SVG file (the PNG inside, at 2×), for tools that want SVG. */
  async toSVG(): Promise<string> {
    const { featureMapsToSVG } = await import("../export/figures.js");
    return featureMapsToSVG(this);
  }

  /** The layout of the layer's grid as last drawn (for tests and harnesses). */
  get layout(): GridLayout | undefined {
    return this.#view?.grid.layout;
  }

  /** The layout of the layer below, when `show-input` draws it. */
  get inputLayout(): GridLayout | undefined {
    return this.#view?.below?.layout;
  }

  /** What the highlighted neuron reads in the layer below, as marked there (with `show-input`). */
  get inputLinks(): InputLinks | undefined {
    const view = this.#view;
    const n = this.focused;
    return view?.below && n ? inputLinks(view.layer, n) : undefined;
  }

  /** The highlighted neuron of the shown layer, or null. */
  get focused(): NeuronAt | null {
    return this.#level === "none" ? null : this.focusNeuron;
  }

  #attributes = new AttributeGuard<CsFeatureMaps>(this, {
    scale: oneOf(["layer", "map"] as const, "layer"),
    columns: numberIn({ min: 1, max: 1024, clamp: true, fallback: undefined }),
    cellSize: {
      ...numberIn({ min: 1, max: 64, clamp: true, fallback: undefined }),
      attribute: "cell-size",
    },
  });

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.#attributes.check(changed);
    this.#resolve();
    const view = this.#view;
    if (!view) return;
    const cursor = view.sim.cursor;
    const c = cursor.neuron;
    const key = `${c.layer}/${c.channel}/${c.y}/${c.x}/${cursor.granularity}/${view.index}`;
    if (this.followCursor && key !== this.#seenCursor) {
      this.#seenCursor = key;
      const here = c.layer === view.index;
      this.focusNeuron = here ? { channel: c.channel, y: c.y, x: c.x } : null;
      const g = cursor.granularity;
      this.#level = !here || g === "layer" ? "none" : g === "channel" ? "map" : "cell";
    }
    const n = this.focusNeuron;
    const { layout } = view.grid;
    if (n && (n.channel >= layout.count || n.y >= layout.mapHeight || n.x >= layout.mapWidth)) {
      this.focusNeuron = null;
      this.#level = "none";
    }
    if (this.hover && this.hover.channel >= layout.count) this.hover = null;
  }

  #resolve(): void {
    this.#view = undefined;
    this.#problem = undefined;
    const sim = this.simulator;
    const trace = sim?.trace;
    if (!sim || !trace || trace.disposed) {
      const text = !sim
        ? msg("Give this element a simulator to see its feature maps.", {
            id: "feature-maps.no-simulator",
          })
        : msg("No trace yet: run the network to see its feature maps.", {
            id: "feature-maps.no-trace",
          });
      this.#problem = { text, error: false };
      return;
    }
    const layers = sim.model.layers;
    const index = this.layer
      ? layers.findIndex((l) => l.name === this.layer)
      : this.followCursor
        ? sim.cursor.neuron.layer
        : 0;
    if (index < 0) {
      const name = this.layer;
      const names = layers.map((l) => l.name).join(", ");
      this.#problem = {
        text: msg(str`No layer named "${name}". Layers: ${names}.`, {
          id: "feature-maps.unknown-layer",
        }),
        error: true,
      };
      return;
    }
    const layer = layers[index];
    const width = this.measuredWidth || this.clientWidth || 640;
    const options = { margin: MARGIN, columns: this.columns, cell: this.cellSize };
    try {
      const grid = makeGrid(layer.name, trace.layers[index], width, this.scale, options);
      const below = this.showInput
        ? makeGrid(
            index === 0 ? msg("input", { id: "feature-maps.input-name" }) : layers[index - 1].name,
            trace.inputOf(index),
            width,
            this.scale,
            { ...options, maxMapSize: 112, maxHeight: Math.max(200, Math.round(width * 0.5)) },
          )
        : undefined;
      this.#view = { sim, index, layer, grid, below };
    } catch (error) {
      this.#problem = { text: error instanceof Error ? error.message : String(error), error: true };
    }
  }

  protected override updated(): void {
    const view = this.#view;
    if (!view) return;
    const css = cachedStyle(this);
    const prop = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
    const style: OverlayStyle = {
      focus: prop("--_focus", "#111"),
      halo: prop("--_halo", "#fff"),
      window: prop("--_window", "#d81b60"),
      veil: prop("--_surface", "#fff"),
    };
    const labels = {
      font: `500 10px ${css.fontFamily}`,
      color: prop("--_label", "#57606a"),
      frame: prop("--_frame", "#d0d7de"),
    };
    const dpr = Math.max(1, globalThis.devicePixelRatio || 1);
    if (this.mainCanvas && this.mainOverlay) {
      this.#paintGrid(this.mainCanvas, this.mainOverlay, view.grid, dpr, labels);
      const ctx = this.#overlayContext(this.mainOverlay, dpr);
      const n = this.focused;
      if (ctx && n) paintFocus(ctx, view.grid.layout, n, style, { cell: this.#level === "cell" });
      if (ctx && this.hover && !sameNeuron(this.hover, n)) {
        paintFocus(ctx, view.grid.layout, this.hover, style, { map: false, dashed: true });
      }
    }
    if (view.below && this.belowCanvas && this.belowOverlay) {
      this.#paintGrid(this.belowCanvas, this.belowOverlay, view.below, dpr, labels);
      const ctx = this.#overlayContext(this.belowOverlay, dpr);
      const links = this.inputLinks;
      if (ctx && links) {
        paintLinks(ctx, view.below.layout, links, style, { window: this.#level === "cell" });
      }
    }
  }

  /** Sizes a grid's canvases and paints its heat maps, unless they already show this step so. */
  #paintGrid(
    canvas: HTMLCanvasElement,
    overlay: HTMLCanvasElement,
    grid: Grid,
    dpr: number,
    labels: { font: string; color: string; frame: string },
  ): void {
    const { layout, step } = grid;
    const { kind, columns, cell, width, height, labelHeight } = layout;
    const signature = [kind, columns, cell, width, height, labelHeight, this.scale, dpr]
      .map(String)
      .concat(labels.font, labels.color, labels.frame)
      .join("|");
    const last = painted.get(canvas);
    if (last && last.step === step && last.signature === signature) return;
    for (const c of [canvas, overlay]) {
      c.width = Math.round(width * dpr);
      c.height = Math.round(height * dpr);
      c.style.width = `${width}px`;
      c.style.height = `${height}px`;
    }
    const ctx = canvas.getContext("2d");
    if (!ctx) return;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    paintMaps(ctx, step.data, step.shape, layout, grid.scales);
    paintFrames(ctx, layout, labels.frame);
    paintLabels(ctx, layout, labels);
    painted.set(canvas, { step, signature });
  }

  /** Clears an overlay canvas and returns its context, scaled to CSS pixels. */
  #overlayContext(overlay: HTMLCanvasElement, dpr: number): CanvasRenderingContext2D | null {
    const ctx = overlay.getContext("2d");
    if (!ctx) return null;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, overlay.width, overlay.height);
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    return ctx;
  }

  #emit(n: NeuronAt): void {
    const view = this.#view;
    if (!view) return;
    const value = valueAt(view.grid, n);
    this.dispatchEvent(new CsNeuronEvent(view.layer.name, n.channel, n.y, n.x, value));
  }

  #neuronAtPointer(e: PointerEvent | MouseEvent): NeuronAt | null {
    const view = this.#view;
    const canvas = this.mainCanvas;
    if (!view || !canvas) return null;
    const rect = canvas.getBoundingClientRect();
    const { layout } = view.grid;
    const sx = rect.width > 0 ? layout.width / rect.width : 1;
    const sy = rect.height > 0 ? layout.height / rect.height : 1;
    return hitTest(layout, (e.clientX - rect.left) * sx, (e.clientY - rect.top) * sy);
  }

  #onPointerMove = (e: PointerEvent): void => {
    const n = this.#neuronAtPointer(e);
    if (sameNeuron(n, this.hover)) return;
    this.hover = n;
    if (n) this.#emit(n);
  };

  #onPointerLeave = (): void => {
    this.hover = null;
  };

  #onClick = (e: MouseEvent): void => {
    const n = this.#neuronAtPointer(e);
    if (!n) return;
    this.#setFocus(n);
    this.#commit();
  };

  #onKeyDown = (e: KeyboardEvent): void => {
    const view = this.#view;
    if (!view) return;
    const n = this.focusNeuron ?? { channel: 0, y: 0, x: 0 };
    if (e.key === "Enter" || e.key === " ") {
      e.preventDefault();
      this.#setFocus(n);
      this.#commit();
      return;
    }
    const next = navigate(view.grid.layout, n, e.key);
    if (!next) return;
    e.preventDefault();
    this.#setFocus(next);
    this.#emit(next);
  };

  #setFocus(n: NeuronAt): void {
    this.focusNeuron = n;
    this.#level = "cell";
    this.requestUpdate();
  }

  /** Moves the simulator's cursor to the highlighted neuron. */
  #commit(): void {
    const view = this.#view;
    const n = this.focusNeuron;
    if (!view || !n) return;
    const cursor = view.sim.cursor;
    // Our own move: keep the local highlight even at layer granularity.
    this.#seenCursor = `${view.index}/${n.channel}/${n.y}/${n.x}/${cursor.granularity}/${view.index}`;
    try {
      cursor.moveTo({ layer: view.index, channel: n.channel, y: n.y, x: n.x });
    } catch {
      // The cursor's grids disagree with the trace (another model): keep the local highlight.
    }
    this.#emit(n);
  }

  #tip(view: View) {
    const n = this.hover;
    if (!n) return html`<div class="tip" part="tooltip" aria-hidden="true" hidden></div>`;
    const { layout } = view.grid;
    const r = cellRect(layout, n);
    const right = r.x + r.w + 8;
    const top = `${Math.max(0, r.y - 6)}px`;
    const pos =
      right + 120 > layout.width
        ? { right: `${layout.width - r.x + 8}px`, top }
        : { left: `${right}px`, top };
    return html`<div class="tip" part="tooltip" aria-hidden="true" ${styleProps(pos)}>
      ${where(layout, n)} · <b>${formatValue(valueAt(view.grid, n))}</b>
    </div>`;
  }

  #belowSection(view: View) {
    const below = view.below;
    if (!below) return nothing;
    const note = belowNote(
      view.layer.name,
      this.focused,
      this.inputLinks,
      below.name,
      below.layout,
    );
    return html`<section class="below" aria-labelledby="below-heading">
      <header>
        <h4 id="below-heading">
          ${msg(str`Layer below: ${below.name}`, { id: "feature-maps.below-heading" })}
          <span class="dims">${dims(below.layout)}</span>
        </h4>
        ${renderLegend(below, undefined)}
      </header>
      <p class="note">${note}</p>
      <div class="stage">
        <canvas class="below-maps" part="canvas" aria-hidden="true"></canvas>
        <canvas class="overlay below-overlay" aria-hidden="true"></canvas>
      </div>
    </section>`;
  }

  override render() {
    const view = this.#view;
    if (!view) {
      const p = this.#problem;
      return html`<div part="base">
        <p class=${p?.error ? "error" : "empty"} role=${p?.error ? "alert" : nothing}>
          ${p?.text ?? ""}
        </p>
      </div>`;
    }
    const { grid } = view;
    const { layout } = grid;
    const n = this.focused;
    const name = view.layer.name;
    const size = dims(layout);
    const readout = this.hover ?? n;
    const units = layout.kind === "units";
    const help = units
      ? msg("Arrow keys move between units; Enter moves the cursor to the highlighted unit.", {
          id: "feature-maps.help-units",
        })
      : msg(
          "Arrow keys move within a map, Page Up and Page Down switch maps, Enter moves the cursor to the highlighted neuron.",
          { id: "feature-maps.help-maps" },
        );
    const hint = units
      ? msg("Point at a cell to read its value.", { id: "feature-maps.readout-hint-units" })
      : msg("Point at a map to read its values.", { id: "feature-maps.readout-hint" });
    return html`<div part="base">
      <header>
        <h3 part="label">${name}<span class="dims">${size}</span></h3>
        ${renderLegend(grid, readout?.channel)}
      </header>
      <div
        class="stage"
        part="grid"
        role="application"
        tabindex="0"
        aria-label=${msg(str`Feature maps of ${name}, ${size}`, { id: "feature-maps.grid-label" })}
        aria-describedby="help"
        @pointermove=${this.#onPointerMove}
        @pointerdown=${this.#onPointerMove}
        @pointerleave=${this.#onPointerLeave}
        @click=${this.#onClick}
        @keydown=${this.#onKeyDown}
      >
        <canvas class="maps" part="canvas" aria-hidden="true"></canvas>
        <canvas class="overlay" aria-hidden="true"></canvas>
        ${this.#tip(view)}
      </div>
      <p class="readout" part="readout">
        ${
          readout
            ? html`${where(layout, readout)} · <b>${formatValue(valueAt(grid, readout))}</b>`
            : hint
        }
      </p>
      ${this.#belowSection(view)}
      <p id="help" class="visually-hidden">${help}</p>
      <p class="visually-hidden" aria-live="polite">
        ${n ? sentence(name, layout, n, formatValue(valueAt(grid, n))) : ""}
      </p>
    </div>`;
  }
}
