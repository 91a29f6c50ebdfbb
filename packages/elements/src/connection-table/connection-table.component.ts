import { msg, str, updateWhenLocaleChanges } from "@lit/localize";
import { LitElement, html, type PropertyValues } from "lit";
import { property, state } from "lit/decorators.js";
import type { Simulator } from "@convstep/engine";
import { CsFocusLayerEvent } from "../shared/events.js";
import { getLocale } from "../shared/localize.js";
import { SimulatorController } from "../shared/simulator-controller.js";
import { AttributeGuard, MAX_INDEX, numberAttribute, numberIn } from "../shared/attribute-guard.js";
import { baseStyles } from "../shared/styles.js";
import { connectionTableStyles } from "./connection-table.styles.js";
import {
  columnGroups,
  inputCount,
  inputsOf,
  isLinked,
  linkCount,
  outputsOf,
  type ColumnGroup,
  type ConnectionTable,
} from "./table.js";

/** What is lit: a column (an output map) or a row (an input map). */
interface Target {
  readonly axis: "col" | "row";
  readonly index: number;
}

/** The table as shown, or why it cannot be. */
type Resolved =
  | { ok: true; table: ConnectionTable; inputs: number; output: string; input: string }
  | { ok: false; message: string };

/**
 * @tagname cs-connection-table
 * @summary LeNet-5's Table I as an interactive matrix: which S2 maps (rows) feed each C3 map
 * (columns). Hovering or focusing a column lights the maps it reads; a row, the maps it feeds.
 *
 * @csspart base - The figure around the table and its notes.
 * @csspart table - The `<table role="grid">`.
 * @csspart caption - The caption.
 * @csspart live - The sentence describing the current focus.
 * @csspart note - The paper's reason for the cut links.
 *
 * @cssproperty --cs-connection-table-cell-size - Width and height of a cell.
 * @cssproperty --cs-connection-table-mark-color - Colour of a link's mark.
 * @cssproperty --cs-connection-table-lit-color - Colour of lit links and headers.
 *
 * @fires cs-focus-layer - A column (`layer` = the output layer, e.g. "C3", `channel` = the map) or a
 * row (`layer` = the input layer, e.g. "S2") was hovered, focused or chosen.
 */
export class CsConnectionTable extends LitElement {
  static override styles = [baseStyles, connectionTableStyles];

  #controller = new SimulatorController(this, { shows: (sim) => [sim.model] });
  #lastEmitted = "";

  /** What the pointer or the keyboard is on (null: nothing; the chosen map shows). */
  @state() private _active: Target | null = null;
  /** The input map chosen with Enter/click on a row header. */
  @state() private _pinnedRow: number | undefined;
  /** The grid cell holding the roving tab stop: r = −1 is the header row, c = −1 the header column. */
  @state() private _cell = { r: -1, c: 0 };

  /** The simulator whose model holds the table (read from `layer`'s `spec.connections`). */
  @property({ attribute: false })
  get simulator(): Simulator | undefined {
    return this.#controller.simulator;
  }
  set simulator(value: Simulator | undefined) {
    this.#controller.simulator = value;
  }

  /** The table itself: `table[o]` = the input maps feeding output map `o` (takes precedence). */
  @property({ attribute: false }) table: ConnectionTable | undefined;

  /** The layer of the simulator's model whose connections are shown (its name labels the columns). */
  @property() layer = "C3";

  /** Name of the input layer (labels the rows); default: the layer before `layer`, else "S2". */
  @property({ attribute: "input-layer" }) inputLayer: string | undefined;

  /** The chosen output map (column), lit while nothing else is hovered or focused. */
  @property({ converter: numberAttribute, attribute: "focus-channel", reflect: true })
  focusChannel: number | undefined;

  /** Caption above the table (default: which maps feed which, with the link count). */
  @property() heading: string | undefined;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
  }

  #attributes = new AttributeGuard<CsConnectionTable>(this, {
    focusChannel: {
      ...numberIn({ min: 0, max: MAX_INDEX, integer: true, fallback: undefined }),
      attribute: "focus-channel",
    },
  });

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.#attributes.check(changed);
    if (changed.has("focusChannel") && this.focusChannel !== undefined) {
      this._pinnedRow = undefined;
      if (this._cell.r === -1) this._cell = { r: -1, c: this.focusChannel };
    }
  }

  /** The table shown (from `table` or the simulator's model), or undefined when there is none. */
  get connections(): ConnectionTable | undefined {
    const r = this.#resolve();
    return r.ok ? r.table : undefined;
  }

  #resolve(): Resolved {
    if (this.table) {
      return {
        ok: true,
        table: this.table,
        inputs: inputCount(this.table),
        output: this.layer,
        input: this.inputLayer ?? "S2",
      };
    }
    const model = this.simulator?.model;
    if (!model) {
      return {
        ok: false,
        message: msg("No connection table: set `table` or `simulator`.", {
          id: "connection-table.empty",
        }),
      };
    }
    const index = model.layers.findIndex((l) => l.name === this.layer);
    const layer = model.layers[index];
    if (!layer || layer.spec.kind !== "conv2d" || layer.inputShape.length !== 3) {
      return {
        ok: false,
        message: msg(str`The model has no convolution layer named "${this.layer}".`, {
          id: "connection-table.no-layer",
        }),
      };
    }
    const inputs = layer.inputShape[2];
    const filters = layer.spec.filters;
    // Without a table every input map feeds every output map (the Keras LeNet's C3).
    const table: ConnectionTable =
      layer.spec.connections ??
      Array.from({ length: filters }, () => Array.from({ length: inputs }, (_, i) => i));
    return {
      ok: true,
      table,
      inputs,
      output: layer.name,
      input: this.inputLayer ?? model.layers[index - 1]?.name ?? "input",
    };
  }

  /** What is lit now: the hovered/focused target, else the chosen map or row. */
  get #shown(): Target | null {
    if (this._active) return this._active;
    if (this._pinnedRow !== undefined) return { axis: "row", index: this._pinnedRow };
    if (this.focusChannel !== undefined) return { axis: "col", index: this.focusChannel };
    return null;
  }

  #emit(target: Target, r: Resolved & { ok: true }, force = false): void {
    const layer = target.axis === "col" ? r.output : r.input;
    const key = `${layer}:${target.index}`;
    if (!force && key === this.#lastEmitted) return;
    this.#lastEmitted = key;
    const event = new CsFocusLayerEvent(layer, target.index);
    this.dispatchEvent(event);
  }

  #targetOf(el: Element | null): { target: Target; r: number; c: number } | null {
    const cell = el?.closest<HTMLElement>("[data-r]");
    if (!cell) return null;
    const r = Number(cell.dataset.r);
    const c = Number(cell.dataset.c);
    const target: Target = c === -1 ? { axis: "row", index: r } : { axis: "col", index: c };
    return { target, r, c };
  }

  #hover(el: Element | null): void {
    const hit = this.#targetOf(el);
    const resolved = this.#resolve();
    if (!hit || !resolved.ok) return;
    const same = this._active?.axis === hit.target.axis && this._active.index === hit.target.index;
    if (!same) this._active = hit.target;
    this.#emit(hit.target, resolved);
  }

  readonly #onPointerOver = (e: PointerEvent): void => this.#hover(e.target as Element);

  readonly #onPointerLeave = (): void => {
    const focused = this.shadowRoot?.activeElement;
    this._active = focused ? (this.#targetOf(focused)?.target ?? null) : null;
    this.#lastEmitted = "";
  };

  readonly #onFocusIn = (e: FocusEvent): void => {
    const hit = this.#targetOf(e.target as Element);
    if (hit) this._cell = { r: hit.r, c: hit.c };
    this.#hover(e.target as Element);
  };

  readonly #onFocusOut = (e: FocusEvent): void => {
    const next = e.relatedTarget as Node | null;
    if (!next || !this.shadowRoot?.contains(next)) {
      this._active = null;
      this.#lastEmitted = "";
    }
  };

  readonly #onClick = (e: MouseEvent): void => {
    const hit = this.#targetOf(e.target as Element);
    if (hit) this.#choose(hit.target);
  };

  readonly #onKeyDown = (e: KeyboardEvent): void => {
    const r = this.#resolve();
    if (!r.ok) return;
    const rows = r.inputs;
    const cols = r.table.length;
    let { r: row, c: col } = this._cell;
    switch (e.key) {
      case "ArrowUp":
        row = Math.max(col === -1 ? 0 : -1, row - 1);
        break;
      case "ArrowDown":
        row = Math.min(rows - 1, row + 1);
        break;
      case "ArrowLeft":
        col = Math.max(row === -1 ? 0 : -1, col - 1);
        break;
      case "ArrowRight":
        col = Math.min(cols - 1, col + 1);
        break;
      case "Home":
        col = row === -1 ? 0 : -1;
        break;
      case "End":
        col = cols - 1;
        break;
      case "Enter":
      case " ": {
        e.preventDefault();
        const hit = this.#targetOf(e.target as Element);
        if (hit) this.#choose(hit.target);
        return;
      }
      default:
        return;
    }
    e.preventDefault();
    this._cell = { r: row, c: col };
    void this.updateComplete.then(() => {
      this.shadowRoot?.querySelector<HTMLElement>(`[data-r="${row}"][data-c="${col}"]`)?.focus();
    });
  };

  /** Chooses a column (sets `focus-channel`) or a row, and announces it. */
  #choose(target: Target): void {
    const r = this.#resolve();
    if (!r.ok) return;
    if (target.axis === "col") {
      this.focusChannel = target.index;
      this._pinnedRow = undefined;
    } else {
      this.focusChannel = undefined;
      this._pinnedRow = target.index;
    }
    this._active = target;
    this.#emit(target, r, true);
  }

  #list(items: readonly number[]): string {
    const locale = getLocale() === "ko" ? "ko" : "en-GB";
    return new Intl.ListFormat(locale, { type: "conjunction" }).format(items.map(String));
  }

  #liveText(r: Resolved & { ok: true }, shown: Target | null): string {
    if (!shown) {
      return msg(
        str`Hover or focus a column to see which ${r.input} maps feed that ${r.output} map.`,
        {
          id: "connection-table.hint",
        },
      );
    }
    if (shown.axis === "col") {
      const list = this.#list(inputsOf(r.table, shown.index));
      return msg(str`${r.output} map ${shown.index} reads ${r.input} maps ${list}.`, {
        id: "connection-table.reads",
      });
    }
    const list = this.#list(outputsOf(r.table, shown.index));
    return msg(str`${r.input} map ${shown.index} feeds ${r.output} maps ${list}.`, {
      id: "connection-table.feeds",
    });
  }

  #groupLabel(g: ColumnGroup): string {
    if (g.kind === "all") return msg(str`all ${g.size}`, { id: "connection-table.group-all" });
    if (g.kind === "contiguous")
      return msg(str`${g.size} contiguous`, { id: "connection-table.group-contiguous" });
    return msg(str`${g.size} not contiguous`, { id: "connection-table.group-scattered" });
  }

  #why(r: Resolved & { ok: true }): string {
    if (linkCount(r.table) === r.inputs * r.table.length) {
      return msg("Every input map feeds every output map: a full connection scheme.", {
        id: "connection-table.full",
      });
    }
    return msg(
      "Why cut links? LeCun et al. (1998) give two reasons: a non-complete scheme keeps the number of connections within reasonable bounds, and it breaks the symmetry of the network, so that different maps, fed different sets of inputs, are forced to extract different (hopefully complementary) features.",
      { id: "connection-table.why" },
    );
  }

  override render() {
    const r = this.#resolve();
    if (!r.ok) return html`<div part="base"><p class="error" role="alert">${r.message}</p></div>`;
    const { table, inputs, output, input } = r;
    const cols = table.length;
    const shown = this.#shown;
    const groups = columnGroups(table, inputs);
    const groupStarts = new Set(groups.slice(1).map((g) => g.start));
    const colLit = shown?.axis === "col" ? shown.index : -1;
    const rowLit = shown?.axis === "row" ? shown.index : -1;
    const fed = new Set(rowLit >= 0 ? outputsOf(table, rowLit) : []);
    const read = new Set(colLit >= 0 ? inputsOf(table, colLit) : []);
    const tab = (rr: number, cc: number) => (this._cell.r === rr && this._cell.c === cc ? 0 : -1);
    const links = linkCount(table);
    const caption =
      this.heading ??
      msg(str`Which ${input} maps feed each ${output} map`, { id: "connection-table.caption" });
    const rowsIdx = Array.from({ length: inputs }, (_, i) => i);
    const colsIdx = Array.from({ length: cols }, (_, i) => i);
    return html`<figure part="base">
      <div class="scroll scroll-x">
        <table
          part="table"
          role="grid"
          aria-describedby="why"
          @pointerover=${this.#onPointerOver}
          @pointerleave=${this.#onPointerLeave}
          @focusin=${this.#onFocusIn}
          @focusout=${this.#onFocusOut}
          @click=${this.#onClick}
          @keydown=${this.#onKeyDown}
        >
          <caption part="caption">
            ${caption}
            <span class="count"
              >·
              ${msg(str`${links} of ${inputs * cols} possible links`, {
                id: "connection-table.count",
              })}</span
            >
          </caption>
          <thead>
            <tr class="groups">
              <th class="corner" rowspan="2" scope="col">
                <span class="axis"
                  >${msg(str`${output} map →`, { id: "connection-table.axis-col" })}</span
                >
                <span class="axis"
                  >${msg(str`${input} map ↓`, { id: "connection-table.axis-row" })}</span
                >
              </th>
              ${groups.map(
                (g, i) =>
                  html`<th
                    scope="colgroup"
                    colspan=${g.end - g.start + 1}
                    class=${i > 0 ? "gs" : ""}
                  >
                    ${this.#groupLabel(g)}
                  </th>`,
              )}
            </tr>
            <tr>
              ${colsIdx.map(
                (c) =>
                  html`<th
                    scope="col"
                    data-r="-1"
                    data-c=${c}
                    tabindex=${tab(-1, c)}
                    class=${[groupStarts.has(c) ? "gs" : "", c === colLit ? "tint" : ""].join(" ")}
                    ?data-lit=${c === colLit || fed.has(c)}
                    aria-selected=${c === this.focusChannel ? "true" : "false"}
                  >
                    <span class="visually-hidden">${output} </span>${c}
                  </th>`,
              )}
            </tr>
          </thead>
          <tbody>
            ${rowsIdx.map(
              (row) =>
                html`<tr>
                  <th
                    scope="row"
                    data-r=${row}
                    data-c="-1"
                    tabindex=${tab(row, -1)}
                    class=${row === rowLit ? "tint" : ""}
                    ?data-lit=${row === rowLit || read.has(row)}
                    aria-selected=${row === this._pinnedRow ? "true" : "false"}
                  >
                    <span class="visually-hidden">${input} </span>${row}
                  </th>
                  ${colsIdx.map((c) => {
                    const linked = isLinked(table, row, c);
                    const lit = linked && (c === colLit || row === rowLit);
                    const classes = [
                      groupStarts.has(c) ? "gs" : "",
                      c === colLit || row === rowLit ? "tint" : "",
                    ].join(" ");
                    return html`<td
                      data-r=${row}
                      data-c=${c}
                      tabindex=${tab(row, c)}
                      class=${classes}
                      ?data-linked=${linked}
                      ?data-lit=${lit}
                    >
                      <span class="mark" aria-hidden="true"></span
                      ><span class="visually-hidden"
                        >${
                          linked
                            ? msg("linked", { id: "connection-table.linked" })
                            : msg("not linked", { id: "connection-table.unlinked" })
                        }</span
                      >
                    </td>`;
                  })}
                </tr>`,
            )}
          </tbody>
        </table>
      </div>
      <p class="live" part="live" aria-live="polite">${this.#liveText(r, shown)}</p>
      <p class="why" id="why" part="note">${this.#why(r)}</p>
    </figure>`;
  }
}
