import { describe, expect, it } from "vitest";
import { PRESETS, convArithmetic } from "../conv-window/arithmetic.js";
import {
  drawInput,
  drawOutput,
  filledCells,
  layoutConv,
  outputCellAt,
  windowRect,
  type ConvColours,
} from "./conv-window.js";

const alexnet = convArithmetic(PRESETS[0]);
const colours: ConvColours = {
  highlight: "#f59e0b",
  halo: "#000000",
  padding: "#eeeeee",
  paddingLine: "#cccccc",
  unread: "rgba(255, 0, 0, 0.5)",
  marker: "#ff0000",
  grid: "#ffffff",
  empty: "#f0f0f0",
};

/** A 2D context that records strokeRect and fillRect calls (after the margin translation). */
function recorder(): {
  ctx: CanvasRenderingContext2D;
  calls: { name: string; args: number[]; style: string }[];
} {
  const canvas = document.createElement("canvas");
  canvas.width = 400;
  canvas.height = 400;
  const real = canvas.getContext("2d")!;
  const calls: { name: string; args: number[]; style: string }[] = [];
  const ctx = new Proxy(real, {
    get(target, key) {
      const value = Reflect.get(target, key, target);
      if (key === "strokeRect" || key === "fillRect") {
        return (...args: number[]) => {
          calls.push({
            name: key,
            args,
            style: String(key === "strokeRect" ? target.strokeStyle : target.fillStyle),
          });
          return (value as (...a: number[]) => void).apply(target, args);
        };
      }
      return typeof value === "function" ? value.bind(target) : value;
    },
    set(target, key, value) {
      return Reflect.set(target, key, value, target);
    },
  });
  return { ctx, calls };
}

describe("layoutConv", () => {
  it("AlexNet conv1 in 300 px: input pixel 300/227, output cell 300/55", () => {
    const lay = layoutConv(alexnet, { maxSide: 300 });
    expect(lay.inputCell).toBeCloseTo(300 / 227, 12);
    expect(lay.inputSide).toBeCloseTo(300, 9);
    expect(lay.outputCell).toBeCloseTo(300 / 55, 12);
  });

  it("a 5 × 5 output keeps cells at most 24 px", () => {
    const a = convArithmetic({ n: 7, k: 3, s: 1, p: 0, d: 1, padding: "explicit" });
    const lay = layoutConv(a, { maxSide: 300, maxCell: 24 });
    expect([lay.inputCell, lay.outputCell, lay.outputSide]).toEqual([24, 24, 120]);
  });

  it("outputCellAt inverts the cell layout, margin included; outside → undefined", () => {
    const lay = layoutConv(alexnet);
    const c = lay.outputCell;
    expect(outputCellAt(lay, alexnet, lay.margin + 5.5 * c, lay.margin + 3.5 * c)).toEqual({
      y: 3,
      x: 5,
    });
    expect(outputCellAt(lay, alexnet, lay.margin - 1, lay.margin + 1)).toBeUndefined();
    expect(outputCellAt(lay, alexnet, lay.margin + 55 * c + 1, lay.margin)).toBeUndefined();
  });

  it("windowRect of output (3, 5): x = 5·4 pixels, y = 3·4, side 11 pixels", () => {
    const lay = layoutConv(alexnet);
    const r = windowRect(alexnet, lay, 3, 5);
    expect(r.x).toBeCloseTo(20 * lay.inputCell, 9);
    expect(r.y).toBeCloseTo(12 * lay.inputCell, 9);
    expect(r.side).toBeCloseTo(11 * lay.inputCell, 9);
  });
});

describe("filledCells", () => {
  it("keeps the first `filled` cells and clears the rest", () => {
    const cells = new Uint8ClampedArray(4 * 4).fill(200);
    const out = filledCells(cells, 2, 3);
    expect([...out.slice(0, 12)].every((v) => v === 200)).toBe(true);
    expect([...out.slice(12)]).toEqual([0, 0, 0, 0]);
  });
});

describe("drawInput / drawOutput", () => {
  it("draws the window outline at output (3, 5) and the cursor's cell", () => {
    const lay = layoutConv(alexnet);
    const input = recorder();
    drawInput(input.ctx, {
      a: alexnet,
      layout: lay,
      picture: undefined,
      at: { row: 3, col: 5 },
      colours,
    });
    const outline = input.calls.find(
      (c) => c.name === "strokeRect" && c.style === colours.highlight,
    )!;
    expect(outline.args[0]).toBeCloseTo(20 * lay.inputCell, 9);
    expect(outline.args[1]).toBeCloseTo(12 * lay.inputCell, 9);
    expect(outline.args[2]).toBeCloseTo(11 * lay.inputCell, 9);

    const output = recorder();
    drawOutput(output.ctx, {
      a: alexnet,
      layout: lay,
      cells: new Uint8ClampedArray(55 * 55 * 4),
      filled: 171,
      cursor: { y: 3, x: 5 },
      colours,
    });
    const cell = output.calls.find(
      (c) => c.name === "strokeRect" && c.style === colours.highlight,
    )!;
    expect(cell.args[0]).toBeCloseTo(5 * lay.outputCell, 9);
    expect(cell.args[1]).toBeCloseTo(3 * lay.outputCell, 9);
  });

  it("224 preset at the end of a row: tints column 223 and dashes the window at 216 that does not fit", () => {
    const a = convArithmetic(PRESETS[1]);
    const lay = layoutConv(a);
    const c = lay.inputCell;
    const { ctx, calls } = recorder();
    drawInput(ctx, { a, layout: lay, picture: undefined, at: { row: 30, col: 53 }, colours });
    const tint = calls.filter(
      (call) => call.name === "fillRect" && call.style === "rgba(255, 0, 0, 0.5)",
    );
    expect(tint.map((call) => call.args[0])).toContainEqual(223 * c);
    const ghosts = calls.filter(
      (call) => call.name === "strokeRect" && call.style === colours.marker,
    );
    expect(ghosts).toHaveLength(1);
    // Column 54 would start at 54·4 = 216 and end at 226, 3 px past the last column 223.
    expect(ghosts[0].args[0]).toBeCloseTo(216 * c, 9);
    expect(ghosts[0].args[0] + ghosts[0].args[2]).toBeCloseTo(227 * c, 9);
    expect(ghosts[0].args[1]).toBeCloseTo(120 * c, 9);
  });

  it("an exact fit (AlexNet conv1) has no dashed window at the end of a row", () => {
    const lay = layoutConv(alexnet);
    const { ctx, calls } = recorder();
    drawInput(ctx, {
      a: alexnet,
      layout: lay,
      picture: undefined,
      at: { row: 54, col: 54 },
      colours,
    });
    expect(calls.some((call) => call.style === colours.marker)).toBe(false);
  });

  it("an empty output: nothing on the output canvas, the too-large window dashed on the input", () => {
    const a = convArithmetic({ n: 4, k: 9, s: 1, p: 0, d: 1, padding: "explicit" });
    const lay = layoutConv(a);
    const input = recorder();
    drawInput(input.ctx, { a, layout: lay, picture: undefined, at: { row: 0, col: 0 }, colours });
    expect(input.calls.some((c) => c.style === colours.highlight)).toBe(false);
    // Only the dashed 9 × 9 window from the corner, larger than the 4 × 4 input.
    const ghosts = input.calls.filter((c) => c.name === "strokeRect" && c.style === colours.marker);
    expect(ghosts.map((c) => c.args.map((v) => v / lay.inputCell))).toEqual([[0, 0, 9, 9]]);
    const output = recorder();
    drawOutput(output.ctx, {
      a,
      layout: lay,
      cells: undefined,
      filled: 0,
      cursor: undefined,
      colours,
    });
    expect(output.calls.filter((c) => c.name === "fillRect")).toHaveLength(0);
  });
});
