import { compileModel, Cursor, type Simulator } from "@convstep/engine";
import { getModelSpec, type ModelName } from "@convstep/models";
import { afterEach, describe, expect, it } from "vitest";
import "./define.js";
import type { CsNetwork } from "./network.component.js";
import { afterLayout, mount } from "../test-utils/mount.js";

/** The view needs only the model and a cursor: no weights, no trace. */
function stub(name: ModelName): Simulator {
  const model = compileModel(getModelSpec(name));
  return Object.assign(new EventTarget(), {
    model,
    trace: null,
    cursor: new Cursor(model),
  }) as unknown as Simulator;
}

interface Box {
  readonly text: string;
  readonly column: number;
  readonly rect: DOMRect;
}

/** Every piece of text under the columns: names, shapes, parameter counts and "+ N more". */
function textBoxes(el: CsNetwork): Box[] {
  const root = el.shadowRoot!;
  const boxes: Box[] = [];
  root.querySelectorAll<HTMLElement>("[role=option]").forEach((col, i) => {
    for (const span of col.querySelectorAll<HTMLElement>(".label > span")) {
      boxes.push({ text: span.textContent!.trim(), column: i, rect: span.getBoundingClientRect() });
    }
  });
  root.querySelectorAll<HTMLElement>(".pager .more").forEach((more, i) => {
    boxes.push({
      text: more.textContent!.trim(),
      column: 100 + i,
      rect: more.getBoundingClientRect(),
    });
  });
  return boxes.filter((b) => b.rect.width > 0 && b.text !== "");
}

function overlaps(a: DOMRect, b: DOMRect): boolean {
  // Half a pixel of slack for sub-pixel rounding.
  return (
    Math.min(a.right, b.right) - Math.max(a.left, b.left) > 0.5 &&
    Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 0.5
  );
}

const CASES: readonly { name: ModelName; towers: boolean }[] = [
  { name: "lenet5-1998", towers: false },
  { name: "lenet5-keras", towers: false },
  { name: "alexnet-2012", towers: true },
  { name: "alexnet-torchvision", towers: false },
];

describe("<cs-network> column labels never overlap", () => {
  afterEach(() => document.body.replaceChildren());

  for (const { name, towers } of CASES) {
    for (const width of [320, 390, 720, 1440]) {
      it(`${name} at ${width} px: no two labels of different columns share a pixel`, async () => {
        const el = await mount<CsNetwork>("cs-network", towers ? { towers: "" } : {});
        el.style.width = `${width}px`;
        el.simulator = stub(name);
        await afterLayout(el);
        const boxes = textBoxes(el);
        expect(boxes.length).toBeGreaterThan(10);
        const clashes: string[] = [];
        for (let i = 0; i < boxes.length; i++) {
          for (let j = i + 1; j < boxes.length; j++) {
            const a = boxes[i];
            const b = boxes[j];
            if (a.column === b.column) continue;
            if (overlaps(a.rect, b.rect)) clashes.push(`"${a.text}" × "${b.text}"`);
          }
        }
        expect(clashes).toEqual([]);
      });
    }
  }
});
