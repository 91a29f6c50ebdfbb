import { afterEach, describe, expect, it } from "vitest";
import * as tf from "@tensorflow/tfjs-core";
import "./define.js";
import type { CsConnectionTable } from "./connection-table.component.js";
import { columnGroups, inputsOf, isCyclicRun, linkCount, outputsOf } from "./table.js";
import { CsFocusLayerEvent } from "../shared/events.js";
import { setLanguage } from "../shared/localize.js";
import { expectNoAxeViolations, mount } from "../test-utils/mount.js";
import { lenetSimulator } from "../test-utils/fixtures.js";
import { TABLE_I } from "../../../../test/reference/lenet-table-1.js";

/** PAPERS.md: "S2 map 0 feeds C3 maps 0, 4, 5, 6, 9, 10, 11, 12, 14, 15". */
const S2_0_FEEDS = [0, 4, 5, 6, 9, 10, 11, 12, 14, 15];

const q = <T extends Element = HTMLElement>(el: Element, sel: string) =>
  [...el.shadowRoot!.querySelectorAll<T & Element>(sel)] as T[];
const cell = (el: Element, r: number, c: number) =>
  el.shadowRoot!.querySelector<HTMLElement>(`[data-r="${r}"][data-c="${c}"]`)!;
const litRows = (el: Element) =>
  q<HTMLElement>(el, 'th[data-c="-1"][data-lit]').map((th) => Number(th.dataset.r));
const litCols = (el: Element) =>
  q<HTMLElement>(el, 'th[data-r="-1"][data-lit]').map((th) => Number(th.dataset.c));

async function mountTable(attrs: Record<string, string> = {}): Promise<CsConnectionTable> {
  const el = await mount<CsConnectionTable>("cs-connection-table", attrs);
  el.table = TABLE_I;
  await el.updateComplete;
  return el;
}

function press(target: HTMLElement, key: string): void {
  target.dispatchEvent(new KeyboardEvent("keydown", { key, bubbles: true, composed: true }));
}

afterEach(() => {
  document.body.replaceChildren();
});

describe("connection table logic", () => {
  it("Table I: 60 links, column 4 reads {0,4,5}, row 0 feeds the ten maps of PAPERS.md", () => {
    expect(linkCount(TABLE_I)).toBe(60);
    expect(inputsOf(TABLE_I, 4)).toEqual([0, 4, 5]);
    expect(outputsOf(TABLE_I, 0)).toEqual(S2_0_FEEDS);
  });

  it("{4,5,0} is a run on the ring of 6; {0,1,3,4} is not", () => {
    expect(isCyclicRun([0, 4, 5], 6)).toBe(true);
    expect(isCyclicRun([0, 1, 2, 5], 6)).toBe(true);
    expect(isCyclicRun([0, 1, 3, 4], 6)).toBe(false);
  });

  it("groups Table I as the paper: 0–5 three contiguous, 6–11 four, 12–14 four scattered, 15 all", () => {
    expect(columnGroups(TABLE_I)).toEqual([
      { start: 0, end: 5, size: 3, kind: "contiguous" },
      { start: 6, end: 11, size: 4, kind: "contiguous" },
      { start: 12, end: 14, size: 4, kind: "scattered" },
      { start: 15, end: 15, size: 6, kind: "all" },
    ]);
  });
});

describe("<cs-connection-table>", () => {
  it("renders a 6×16 grid with 60 linked cells and the paper's column groups", async () => {
    const el = await mountTable();
    expect(q(el, "table[role=grid]")).toHaveLength(1);
    expect(q(el, "tbody td")).toHaveLength(96);
    expect(q(el, "td[data-linked]")).toHaveLength(60);
    const groups = q<HTMLTableCellElement>(el, "th[scope=colgroup]");
    expect(groups.map((g) => g.colSpan)).toEqual([6, 6, 3, 1]);
    expect(el.shadowRoot!.querySelector("caption")!.textContent).toContain("60 of 96");
    for (let c = 0; c < 16; c++)
      for (let r = 0; r < 6; r++)
        expect(cell(el, r, c).hasAttribute("data-linked"), `S2 ${r} → C3 ${c}`).toBe(
          TABLE_I[c].includes(r),
        );
  });

  it("hovering column 4 lights rows {0,4,5}, emits cs-focus-layer C3/4 and says so", async () => {
    const el = await mountTable();
    const events: CsFocusLayerEvent[] = [];
    document.addEventListener("cs-focus-layer", (e) => events.push(e), { once: true });
    cell(el, -1, 4).dispatchEvent(
      new PointerEvent("pointerover", { bubbles: true, composed: true }),
    );
    await el.updateComplete;
    expect(litRows(el)).toEqual([0, 4, 5]);
    expect(q<HTMLElement>(el, "td[data-lit]").map((td) => Number(td.dataset.r))).toEqual([0, 4, 5]);
    expect(events).toHaveLength(1);
    expect(events[0]).toBeInstanceOf(CsFocusLayerEvent);
    expect([events[0].layer, events[0].channel]).toEqual(["C3", 4]);
    expect(el.shadowRoot!.querySelector("[aria-live]")!.textContent).toContain(
      "C3 map 4 reads S2 maps 0, 4 and 5.",
    );
  });

  it("focusing row header 0 lights the C3 maps S2 map 0 feeds", async () => {
    const el = await mountTable();
    cell(el, 0, -1).focus();
    await el.updateComplete;
    expect(litCols(el)).toEqual(S2_0_FEEDS);
    expect(el.shadowRoot!.querySelector("[aria-live]")!.textContent).toContain(
      "S2 map 0 feeds C3 maps 0, 4, 5, 6, 9, 10, 11, 12, 14 and 15.",
    );
  });

  it("arrow keys move the tab stop; Enter chooses a map, reflects focus-channel and emits", async () => {
    const el = await mountTable();
    const first = q<HTMLElement>(el, '[tabindex="0"]');
    expect(first).toHaveLength(1);
    expect([first[0].dataset.r, first[0].dataset.c]).toEqual(["-1", "0"]);
    first[0].focus();
    press(first[0], "ArrowRight");
    await el.updateComplete;
    await el.updateComplete;
    let active = el.shadowRoot!.activeElement as HTMLElement;
    expect([active.dataset.r, active.dataset.c]).toEqual(["-1", "1"]);
    press(active, "ArrowDown");
    press(active, "ArrowDown");
    await el.updateComplete;
    await el.updateComplete;
    active = el.shadowRoot!.activeElement as HTMLElement;
    expect([active.dataset.r, active.dataset.c]).toEqual(["1", "1"]);
    expect(q(el, '[tabindex="0"]')).toEqual([active]);
    // Column 1 reads {1, 2, 3}.
    expect(litRows(el)).toEqual([1, 2, 3]);

    const events: CsFocusLayerEvent[] = [];
    const listen = (e: CsFocusLayerEvent) => events.push(e);
    el.addEventListener("cs-focus-layer", listen);
    press(active, "Enter");
    await el.updateComplete;
    expect(el.focusChannel).toBe(1);
    expect(el.getAttribute("focus-channel")).toBe("1");
    expect(events.map((e) => [e.layer, e.channel])).toEqual([["C3", 1]]);
    press(active, "ArrowRight");
    await el.updateComplete;
    await el.updateComplete;
    active = el.shadowRoot!.activeElement as HTMLElement;
    press(active, " ");
    await el.updateComplete;
    expect(el.focusChannel).toBe(2);
    expect(events.map((e) => [e.layer, e.channel]).at(-1)).toEqual(["C3", 2]);
    el.removeEventListener("cs-focus-layer", listen);
  });

  it("the focus-channel attribute lights that column while nothing is hovered", async () => {
    const el = await mountTable({ "focus-channel": "15" });
    expect(el.focusChannel).toBe(15);
    expect(litRows(el)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it("reads Table I from a real compiled lenet5-1998 (simulator + layer=C3)", async () => {
    const before = tf.memory().numTensors;
    const { simulator, dispose } = await lenetSimulator("1998");
    const el = await mount<CsConnectionTable>("cs-connection-table", { layer: "C3" });
    el.simulator = simulator;
    await el.updateComplete;
    expect(el.connections).toEqual(TABLE_I);
    expect(q(el, "td[data-linked]")).toHaveLength(60);
    expect(q(el, "th[scope=row]").map((th) => th.textContent!.replace(/\s+/g, " ").trim())).toEqual(
      ["S2 0", "S2 1", "S2 2", "S2 3", "S2 4", "S2 5"],
    );
    el.focusChannel = 0;
    await el.updateComplete;
    expect(litRows(el)).toEqual([0, 1, 2]);
    el.remove();
    dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it("a missing layer or no table shows a message in place", async () => {
    const el = await mount<CsConnectionTable>("cs-connection-table");
    expect(el.shadowRoot!.querySelector(".error")!.textContent).toContain("No connection table");
    const { simulator, dispose } = await lenetSimulator("1998");
    el.simulator = simulator;
    el.layer = "nope";
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector(".error")!.textContent).toContain('"nope"');
    dispose();
  });

  it("speaks Korean", async () => {
    const el = await mountTable();
    await setLanguage("ko");
    try {
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector("caption")!.textContent).toContain(
        "각 C3 맵에 입력되는 S2 맵",
      );
      expect(el.shadowRoot!.textContent).toContain("연속 3개");
      cell(el, -1, 4).dispatchEvent(
        new PointerEvent("pointerover", { bubbles: true, composed: true }),
      );
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector("[aria-live]")!.textContent).toContain(
        "C3 맵 4의 입력: S2 맵",
      );
    } finally {
      await setLanguage("en");
    }
  });

  it("has no serious or critical axe violations (idle and with a column lit)", async () => {
    const el = await mountTable({ "focus-channel": "4" });
    await expectNoAxeViolations(el);
  });
});
