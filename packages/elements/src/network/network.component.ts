import { msg, str, updateWhenLocaleChanges } from "@lit/localize";
import { LitElement, html, nothing, type PropertyValues } from "lit";
import { property, query, state } from "lit/decorators.js";
import type { Simulator, Trace } from "@convstep/engine";
import { activationScale } from "../draw/color.js";
import { drawOverlay, paintNetwork, type PaintedItem } from "../draw/network.js";
import { CsFocusLayerEvent } from "../shared/events.js";
import { HostWidthController } from "../shared/host-width.js";
import { SimulatorController } from "../shared/simulator-controller.js";
import { AttributeGuard, MAX_INDEX, numberAttribute, numberIn } from "../shared/attribute-guard.js";
import { baseStyles } from "../shared/styles.js";
import { styleProps } from "../shared/style-props.js";
import { cachedStyle } from "../shared/style-cache.js";
import { columnAria, columnTitle, focusSentence, moreText, paramsText } from "./labels.js";
import {
  columnKindOf,
  columnOf,
  hitItem,
  layoutNetwork,
  pageStartOf,
  shapeLabel,
  type ColumnLayout,
  type NetworkLayout,
} from "./layout.js";
import { bandsOf, feedingChannels, linksInto, ringsFor, type LinkSpec } from "./links.js";
import { crossesTowers, splits, towerBandsOf, towerOffset, towersOf } from "./towers.js";
import { networkStyles } from "./network.styles.js";
import type { PngOptions } from "../export/png.js";
import { formatNumber } from "../shared/format-number.js";
import { getLocale } from "../shared/localize.js";
import type { NetworkFocus } from "./focus.js";

export type { NetworkFocus };

const PAGER_HEIGHT = 46;
/** With towers the narrow dense columns break "+ 4,080 more" over two lines: a taller pager. */
const TOWER_PAGER_HEIGHT = 60;
const LABEL_HEIGHT = 62;

/**
 * @tagname cs-network
 * @summary The whole network as columns of layers, left to right: feature maps as heat-map
 * thumbnails, vectors as unit boxes, with the links that really feed the focused map (LeNet's
 * Table I, AlexNet's GPU groups, fans for dense layers) and a pulse that carries the data in.
 *
 * @csspart base - The scrolling wrapper.
 * @csspart canvas - The canvas with every thumbnail and box.
 * @csspart links - The SVG overlay with bands, links, rings and the pulse.
 * @csspart column - Each layer's column (focusable option); the focused one also has `selected`.
 * @csspart label - The name, shape and parameter count under a column.
 * @csspart pager - The "+ N more" counter and page buttons of a long column.
 * @csspart legend - The colour scale of the focused layer, under the picture.
 *
 * @cssproperty --cs-network-link-color - Links into the focused map and its rings.
 * @cssproperty --cs-network-source-color - Rings around the maps that feed the focused one.
 * @cssproperty --cs-network-pulse-color - The dot that carries data along the links.
 * @cssproperty --cs-network-selected-background - Background of the focused column.
 * @cssproperty --cs-network-band-color - The soft bands between columns.
 * @cssproperty --cs-network-cross-color - The bands and marks where towers exchange data (with `towers`).
 *
 * @fires cs-focus-layer - A layer (and channel) was focused by click or keyboard (CsFocusLayerEvent).
 */
export class CsNetwork extends LitElement {
  static override styles = [baseStyles, networkStyles];

  #controller = new SimulatorController(this, {
    shows: (sim) => [sim.trace, sim.cursor.neuron.layer, sim.cursor.neuron.channel],
  });
  #width = new HostWidthController(this);
  #layout: NetworkLayout | undefined;
  #pageStarts = new Map<number, number>();
  #focusKey = "";
  #previousLayer: number | undefined;
  #pulse = false;
  #scrollPending = false;
  #paintKey = "";
  #painted: PaintedItem[] = [];
  #paintedTrace: Trace | null | undefined;

  @query("canvas") private canvas!: HTMLCanvasElement | null;
  @query("svg") private overlay!: SVGSVGElement | null;
  @query(".scroller") private scroller!: HTMLElement | null;

  @state() private roving = 0;

  /** The simulator whose model and trace are drawn; its cursor is the default focus. */
  @property({ attribute: false })
  get simulator(): Simulator | undefined {
    return this.#controller.simulator;
  }
  set simulator(value: Simulator | undefined) {
    this.#controller.simulator = value;
  }

  /** Focus this layer (by name, or `input`) instead of the cursor's layer. */
  @property({ attribute: "focus-layer" }) focusLayer: string | undefined;

  /** The focused channel (map or unit) when `focus-layer` is set; default 0. */
  @property({ attribute: "focus-channel", converter: numberAttribute }) focusChannel:
    number | undefined;

  /** Draw the links into the focused map (`show-links="false"` hides them). */
  @property({
    attribute: "show-links",
    converter: {
      fromAttribute: (v: string | null) => v !== "false",
      toAttribute: (v: boolean) => String(v),
    },
  })
  showLinks = true;

  /** Most unit boxes a vector column shows at once (maps: at most 16). */
  @property({ attribute: "page-size", converter: numberAttribute }) pageSize = 32;

  /** Draw a grouped network (AlexNet 2012) as towers, one per GPU, with the links that cross between them. */
  @property({ type: Boolean, reflect: true }) towers = false;

  /** Height of the thumbnails' area in px (default: 320 to 440, by width); presenter mode sets it to fit a screen. */
  @property({ type: Number, attribute: "item-height" }) itemHeight: number | undefined;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
  }

  /** The current layout (columns, items), after the last render. */
  get layout(): NetworkLayout | undefined {
    return this.#layout;
  }

  /** What the last paint drew, one entry per item. */
  get painted(): readonly PaintedItem[] {
    return this.#painted;
  }

  /** The focused layer and channel: the `focus-*` overrides, else the cursor's. */
  get focused(): NetworkFocus | undefined {
    const sim = this.simulator;
    if (!sim) return undefined;
    const named = this.#namedLayer();
    if (named !== undefined && named >= -1) {
      const channels = columnChannels(sim, named);
      const c = Math.trunc(this.focusChannel ?? 0);
      return {
        layer: named,
        channel: Math.max(0, Math.min(channels - 1, Number.isFinite(c) ? c : 0)),
      };
    }
    const n = sim.cursor.neuron;
    return { layer: n.layer, channel: n.channel };
  }

  /** The network as drawn, as a standalone SVG file (styles embedded; caption: model, layer, map). */
  async toSVG(): Promise<string> {
    const { networkToSVG } = await import("../export/figures.js");
    return networkToSVG(this);
  }

  /** The same figure as a PNG, at `scale` (default 2) or `width` px wide. */
  async toPNG(options?: PngOptions): Promise<Blob> {
    const { svgFigureToPNG } = await import("../export/figures.js");
    return svgFigureToPNG(await this.toSVG(), options);
  }

  /** The links drawn into the focused item. */
  get links(): readonly LinkSpec[] {
    const sim = this.simulator;
    const focus = this.focused;
    if (!sim || !focus || !this.#layout || !this.showLinks || focus.layer < 0) return [];
    const sources = feedingChannels(sim.model.layers[focus.layer], focus.channel);
    return linksInto(this.#layout, focus.layer, focus.channel, sources);
  }

  #attributes = new AttributeGuard<CsNetwork>(this, {
    focusChannel: {
      ...numberIn({ min: 0, max: MAX_INDEX, integer: true, fallback: undefined }),
      attribute: "focus-channel",
    },
    pageSize: {
      ...numberIn({ min: 1, max: 256, clamp: true, fallback: 32 }),
      attribute: "page-size",
    },
  });

  protected override willUpdate(changed: PropertyValues): void {
    this.#attributes.check(changed);
    const sim = this.simulator;
    const focus = this.focused;
    const key = focus ? `${focus.layer}:${focus.channel}` : "";
    if (!sim || !focus || key === this.#focusKey) return;
    this.#focusKey = key;
    // Page the focused column to its item, and the column before it to the maps that feed it
    // (AlexNet's conv2 map 200 reads pool1 maps 48–95: the page turns to 48).
    this.#showOneOf(focus.layer, [focus.channel]);
    if (focus.layer >= 0)
      this.#showOneOf(
        focus.layer - 1,
        feedingChannels(sim.model.layers[focus.layer], focus.channel),
      );
    this.roving = focus.layer + 1;
    this.#pulse = this.#previousLayer !== undefined && this.#previousLayer !== focus.layer;
    this.#scrollPending = this.#previousLayer !== focus.layer;
    this.#previousLayer = focus.layer;
  }

  protected override updated(): void {
    const sim = this.simulator;
    const layout = this.#layout;
    if (!sim || !layout) return;
    const style = cachedStyle(this);
    const trace = sim.trace;
    const paintKey = `${layout.width}|${layout.height}|${[...layout.columns.map((c) => c.start)].join(",")}|${this.pageSize}|${this.towers}`;
    if (this.canvas && (paintKey !== this.#paintKey || this.#paintedTrace !== trace)) {
      this.#paintKey = paintKey;
      this.#paintedTrace = trace;
      this.#painted = paintNetwork(this.canvas, layout, trace, {
        dpr: Math.min(3, globalThis.devicePixelRatio || 1),
        height: layout.height,
        empty: style.getPropertyValue("--_empty").trim() || "#eef1f4",
        border: style.getPropertyValue("--_item-border").trim() || "rgba(31,35,40,0.18)",
        distances: distanceLayers(sim),
      });
    }
    if (this.overlay) {
      const focus = this.focused!;
      const links = this.links;
      drawOverlay(this.overlay, {
        bands: this.#towerCount(sim) > 1 ? towerBandsOf(layout, sim.model.layers) : bandsOf(layout),
        links,
        rings: ringsFor(layout, focus.layer, focus.channel, links),
        focusLayer: focus.layer,
        pulse: this.#pulse && links.length > 0,
        reducedMotion: globalThis.matchMedia?.("(prefers-reduced-motion: reduce)").matches ?? false,
      });
      if (this.#scrollPending) {
        // Read the scroller's geometry at the next frame, when layout is clean: reading it now,
        // right after the DOM changed, would force a layout on every step.
        const column = columnOf(layout, focus.layer);
        requestAnimationFrame(() => this.#scrollIntoView(column));
      }
      this.#pulse = false;
      this.#scrollPending = false;
    }
  }

  /** The `focus-layer` override as a layer index: −1 the input, −2 unknown, undefined none. */
  #namedLayer(): number | undefined {
    const sim = this.simulator;
    const name = this.focusLayer;
    if (!sim || !name) return undefined;
    if (name === "input") return -1;
    const index = sim.model.layers.findIndex((l) => l.name === name);
    return index >= 0 ? index : -2;
  }

  /** Turns a column's page, unless one of `channels` already shows. */
  #showOneOf(layer: number, channels: readonly number[]): void {
    const sim = this.simulator!;
    const size = this.#pageSizeOf(sim, layer);
    const start = this.#pageStarts.get(layer) ?? 0;
    const towers = this.#towerCount(sim);
    const split = layer >= 0 ? sim.model.layers[layer] : undefined;
    if (split && splits(columnChannels(sim, layer), towers)) {
      // Towers page by the offset within each tower (conv2 map 200 is GPU 2's map 72).
      const offsets = channels.map((c) => towerOffset(split, c, towers));
      if (offsets.length > 0 && !offsets.some((o) => o >= start && o < start + size)) {
        this.#pageStarts.set(layer, pageStartOf(offsets[0], size));
      }
      return;
    }
    if (channels.length > 0 && !channels.some((c) => c >= start && c < start + size)) {
      this.#pageStarts.set(layer, pageStartOf(channels[0], size));
    }
  }

  /** Towers the view draws: the model's groups when `towers` is set, else 1. */
  #towerCount(sim: Simulator): number {
    return this.towers ? towersOf(sim.model.layers) : 1;
  }

  /** Items a page shows (per tower, when the column is split into towers). */
  #pageSizeOf(sim: Simulator, layer: number): number {
    const shape = layer < 0 ? sim.model.inputShape : sim.model.layers[layer].outputShape;
    const kind = layer < 0 ? "input" : sim.model.layers[layer].spec.kind;
    const size = columnKindOf(kind, shape) === "maps" ? Math.min(16, this.pageSize) : this.pageSize;
    const towers = this.#towerCount(sim);
    return layer >= 0 && splits(columnChannels(sim, layer), towers)
      ? Math.max(1, Math.floor(size / towers))
      : size;
  }

  #layoutFor(sim: Simulator): NetworkLayout {
    const width = this.#width.width || this.clientWidth || 800;
    return layoutNetwork(sim.model, width, {
      height: this.itemHeight ?? (width < 560 ? 320 : width < 900 ? 400 : 440),
      margin: 6,
      pageSize: this.pageSize,
      pageStarts: this.#pageStarts,
      towers: this.#towerCount(sim),
    });
  }

  #scrollIntoView(column: ColumnLayout | undefined): void {
    const scroller = this.scroller;
    if (!column || !scroller) return;
    const left = scroller.scrollLeft;
    const right = left + scroller.clientWidth;
    if (column.x < left) scroller.scrollLeft = Math.max(0, column.x - 24);
    else if (column.x + column.width > right)
      scroller.scrollLeft = column.x + column.width + 24 - scroller.clientWidth;
  }

  #commit(column: ColumnLayout, channel: number): void {
    const sim = this.simulator;
    if (!sim || column.layer < 0) return;
    const c = Math.max(0, Math.min(column.channels - 1, channel));
    if (this.focusLayer) {
      this.focusLayer = column.name;
      this.focusChannel = c;
    }
    sim.cursor.moveTo({ layer: column.layer, channel: c });
    this.dispatchEvent(new CsFocusLayerEvent(column.name, c));
  }

  #onClick(event: MouseEvent, column: ColumnLayout): void {
    const stage = this.renderRoot.querySelector(".stage");
    const rect = stage?.getBoundingClientRect();
    const item = rect
      ? hitItem(column, event.clientX - rect.left, event.clientY - rect.top)
      : undefined;
    const focus = this.focused;
    this.#commit(column, item ? item.channel : focus?.layer === column.layer ? focus.channel : 0);
  }

  #onKeydown(event: KeyboardEvent, index: number): void {
    const columns = this.#layout?.columns ?? [];
    const column = columns[index];
    const focus = this.focused;
    const here = focus?.layer === column.layer;
    let next = index;
    switch (event.key) {
      case "ArrowRight":
        next = Math.min(columns.length - 1, index + 1);
        break;
      case "ArrowLeft":
        next = Math.max(0, index - 1);
        break;
      case "Home":
        next = 0;
        break;
      case "End":
        next = columns.length - 1;
        break;
      case "Enter":
      case " ":
        event.preventDefault();
        this.#commit(column, here ? focus!.channel : 0);
        return;
      case "ArrowDown":
      case "ArrowUp":
        event.preventDefault();
        this.#commit(column, here ? focus!.channel + (event.key === "ArrowDown" ? 1 : -1) : 0);
        return;
      default:
        return;
    }
    event.preventDefault();
    this.roving = next;
    void this.updateComplete.then(() => {
      this.renderRoot.querySelector<HTMLElement>(`[data-index="${next}"]`)?.focus();
    });
  }

  #page(column: ColumnLayout, direction: 1 | -1): void {
    const size = this.#pageSizeOf(this.simulator!, column.layer);
    this.#pageStarts.set(column.layer, Math.max(0, column.start + direction * size));
    this.requestUpdate();
  }

  #renderPager(column: ColumnLayout, top: number) {
    // Pass-through columns (dropout) follow their neighbours' pages: no pager of their own.
    if (column.hidden === 0 || column.kind === "slim") return nothing;
    const name = columnTitle(column);
    const end = column.start + column.items.length;
    const last = column.towers
      ? column.towers.every((t) => t.start + t.shown >= t.channels)
      : end >= column.channels;
    return html`<div
      class="pager"
      part="pager"
      ${styleProps({ left: `${column.x}px`, top: `${top}px`, width: `${column.width}px` })}
    >
      <span class="more">${moreText(column.hidden)}</span>
      <span class="buttons">
        <button
          type="button"
          aria-label=${msg(str`Previous page of ${name}`, { id: "network.page-prev" })}
          ?disabled=${column.start === 0}
          @click=${() => this.#page(column, -1)}
        >
          ‹
        </button>
        <button
          type="button"
          aria-label=${msg(str`Next page of ${name}`, { id: "network.page-next" })}
          ?disabled=${last}
          @click=${() => this.#page(column, 1)}
        >
          ›
        </button>
      </span>
    </div>`;
  }

  #renderFooter(column: ColumnLayout, layer: number) {
    const trace = this.simulator?.trace;
    const step = trace ? (layer < 0 ? trace.input : trace.layers[layer]) : undefined;
    const hint = html`<span class="hint"
      >${msg("Click a layer or a map to focus it; ←/→, ↑/↓ and Enter work too.", { id: "network.hint" })}</span
    >`;
    if (!step) return html`<div class="footer">${hint}</div>`;
    const near = layer >= 0 && this.simulator!.model.layers[layer].spec.kind === "rbf";
    const scale = near ? activationScale(0, 1) : activationScale(step.stats.min, step.stats.max);
    const [lo, hi] = scale.domain;
    const stops = Array.from({ length: 9 }, (_, i) => scale.color(lo + ((hi - lo) * i) / 8)).join(
      ",",
    );
    const name = columnTitle(column);
    return html`<div class="footer">
      <span class="legend" part="legend">
        <span class="legend-name"
          >${
            near
              ? msg(str`${name}: softmax(−distance)`, { id: "network.legend-near" })
              : msg(str`${name} values`, { id: "network.legend" })
          }</span
        >
        <span class="legend-value">${formatValue(lo)}</span>
        <span
          class="ramp"
          aria-hidden="true"
          ${styleProps({ background: `linear-gradient(to right,${stops})` })}
        ></span>
        <span class="legend-value">${formatValue(hi)}</span>
      </span>
      ${hint}
    </div>`;
  }

  /**
   * The towers' names (GPU 1, GPU 2) at the top of each band, and a mark between the towers
   * where a layer reads both of them (AlexNet's conv3 and the fully connected layers).
   */
  #renderTowers(layout: NetworkLayout, sim: Simulator) {
    const towers = this.#towerCount(sim);
    const split = layout.columns.filter((c) => c.towers);
    const first = split[0];
    const last = split[split.length - 1];
    if (towers < 2 || !first?.towers || !last) return nothing;
    const bands = first.towers;
    const middle = (bands[0].bottom + bands[1].top) / 2;
    const cross = msg("both GPUs", { id: "network.towers-cross" });
    // The names sit in the unsplit input's column, level with each band's middle (the input's
    // maps are centred between the bands).
    const input = layout.columns[0];
    const nameX = input.x + input.width / 2;
    return html`<div class="tower-backs" aria-hidden="true">
        ${bands.map(
          (b) =>
            html`<span
              class="tower-back"
              ${styleProps({
                left: `${first.x}px`,
                top: `${b.top}px`,
                width: `${last.x + last.width - first.x}px`,
                height: `${b.bottom - b.top}px`,
              })}
            ></span>`,
        )}
      </div>
      <div class="towers" aria-hidden="true">
        ${bands.map(
          (b) =>
            html`<span
              class="tower-name"
              ${styleProps({ left: `${nameX}px`, top: `${(b.top + b.bottom) / 2}px` })}
              >${msg(str`GPU ${b.tower + 1}`, { id: "network.tower" })}</span
            >`,
        )}
        ${layout.columns.map((c, i) => {
          if (i === 0 || c.layer < 0 || !c.towers || !layout.columns[i - 1].towers) return nothing;
          if (!crossesTowers(sim.model.layers[c.layer], towers)) return nothing;
          const previous = layout.columns[i - 1];
          const x = (previous.x + previous.width / 2 + c.x + c.width / 2) / 2;
          return html`<span
            class="tower-cross"
            ${styleProps({ left: `${x}px`, top: `${middle}px` })}
            >⇅ ${cross}</span
          >`;
        })}
      </div>`;
  }

  override render() {
    const sim = this.simulator;
    if (!sim) {
      this.#layout = undefined;
      return html`<div part="base">
        <p class="note">${msg("No network to show yet.", { id: "network.empty" })}</p>
      </div>`;
    }
    const layout = (this.#layout = this.#layoutFor(sim));
    const focus = this.focused!;
    const badLayer = this.#namedLayer() === -2;
    const paged = layout.columns.some((c) => c.hidden > 0);
    const pagerHeight = this.#towerCount(sim) > 1 ? TOWER_PAGER_HEIGHT : PAGER_HEIGHT;
    const labelTop = layout.height + (paged ? pagerHeight : 10);
    const stageHeight = labelTop + LABEL_HEIGHT;
    const target = columnOf(layout, focus.layer)!;
    const source = focus.layer >= 0 ? columnOf(layout, focus.layer - 1) : undefined;
    const sources =
      focus.layer >= 0 ? feedingChannels(sim.model.layers[focus.layer], focus.channel) : [];
    const title = sim.model.spec.title ?? sim.model.spec.name;
    const scrolls = layout.width > (this.#width.width || this.clientWidth || 800) + 1;
    return html`${
        scrolls
          ? html`<p class="scroll-hint" part="scroll-hint">
              ${msg("More layers to the right: scroll sideways →", { id: "network.scroll-hint" })}
            </p>`
          : nothing
      }
      <div part="base" class="scroller scroll-x">
        <div
          class="stage"
          ${styleProps({ width: `${layout.width}px`, height: `${stageHeight}px` })}
        >
          <div
            class="columns"
            role="listbox"
            aria-orientation="horizontal"
            aria-label=${msg(str`Layers of ${title}`, { id: "network.label" })}
          >
            ${layout.columns.map((column, i) => {
              const selected = column.layer === focus.layer;
              return html`<div
                role="option"
                part=${selected ? "column selected" : "column"}
                class=${`column ${column.kind}`}
                data-index=${i}
                tabindex=${i === this.roving ? 0 : -1}
                aria-selected=${selected ? "true" : "false"}
                ${styleProps({
                  left: `${column.x}px`,
                  width: `${column.width}px`,
                  height: `${stageHeight}px`,
                })}
                @click=${(e: MouseEvent) => this.#onClick(e, column)}
                @keydown=${(e: KeyboardEvent) => this.#onKeydown(e, i)}
                @focus=${() => (this.roving = i)}
              >
                <span class="visually-hidden">${columnAria(column)}</span>
                <div
                  class="label"
                  part="label"
                  aria-hidden="true"
                  ${styleProps({ top: `${labelTop}px` })}
                >
                  <span class="name">${columnTitle(column)}</span>
                  <span class="shape">${shapeWithBreak(column.shape)}</span>
                  ${column.layer >= 0 ? html`<span class="params">${paramsText(column.params)}</span>` : nothing}
                </div>
              </div>`;
            })}
          </div>
          <canvas
            part="canvas"
            aria-hidden="true"
            ${styleProps({ width: `${layout.width}px`, height: `${layout.height}px` })}
          ></canvas>
          <svg part="links" aria-hidden="true" width=${layout.width} height=${layout.height}></svg>
          ${this.#renderTowers(layout, sim)} ${outputLabels(layout)}
          ${layout.columns.map((c) => this.#renderPager(c, layout.height + 4))}
        </div>
      </div>
      ${
        badLayer
          ? html`<p class="error" role="alert">
              ${msg(
                str`This network has no layer “${this.focusLayer}”; showing the cursor's layer.`,
                {
                  id: "network.bad-layer",
                },
              )}
            </p>`
          : nothing
      }
      ${
        sim.trace
          ? nothing
          : html`<p class="note">
              ${msg("Run the network to see its activations.", { id: "network.no-trace" })}
            </p>`
      }
      ${this.#renderFooter(target, focus.layer)}
      <p class="visually-hidden" aria-live="polite">
        ${focusSentence(target, focus.channel, source, sources)}
      </p>`;
  }
}

/** "256@27×27" with a line-break opportunity after the @ (a narrow column wraps it there). */
function shapeWithBreak(shape: readonly number[]) {
  const [count, size] = shapeLabel(shape).split("@");
  return size === undefined ? count : html`${count}@<wbr />${size}`;
}

/**
 * The output units' numbers (LeNet's digits 0–9, AlexNet's class indices) beside their boxes,
 * where the boxes are tall enough to be read against.
 */
function outputLabels(layout: NetworkLayout) {
  const last = layout.columns[layout.columns.length - 1];
  if (!last || last.layer < 0 || last.kind === "maps") return nothing;
  return html`<div class="unit-labels" aria-hidden="true">
    ${last.items.map((item) =>
      item.height < 8
        ? nothing
        : html`<span
            class="unit-label"
            ${styleProps({
              left: `${item.x + item.width + 3}px`,
              top: `${item.y + item.height / 2}px`,
              "font-size": `${Math.min(11, item.height)}px`,
            })}
            >${item.channel}</span
          >`,
    )}
  </div>`;
}

/** The layers whose outputs are distances (RBF units): coloured by softmax(−d). */
function distanceLayers(sim: Simulator): Set<number> {
  const out = new Set<number>();
  sim.model.layers.forEach((l, i) => {
    if (l.spec.kind === "rbf") out.add(i);
  });
  return out;
}

function columnChannels(sim: Simulator, layer: number): number {
  const shape = layer < 0 ? sim.model.inputShape : sim.model.layers[layer].outputShape;
  return shape.length === 3 ? shape[2] : shape.reduce((a, b) => a * b, 1);
}

/** A legend number: 3 significant digits, a real minus sign. */
function formatValue(v: number): string {
  return formatNumber(v, { lang: getLocale(), significant: 3, grouping: false });
}
