import { describe, expect, it } from "vitest";
import { SpecError } from "../errors.js";
import {
  connectionMask,
  linksPerOutput,
  outputsPerInput,
  validateConnections,
} from "./connection-table.js";
import { TABLE_I } from "../../../../test/reference/lenet-table-1.js";

function specError(fn: () => void): SpecError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(SpecError);
    return e as SpecError;
  }
  return expect.fail("expected a SpecError");
}

describe("connectionMask", () => {
  it("connectionMask([[0],[0,1]], kh=1, kw=2, in=2, out=2) → [1,1,0,1, 1,1,0,1] (hand-written)", () => {
    // Layout [ky][kx][c][o]: for each of the 2 kernel cells, (c0,o0)=1 (c0,o1)=1 (c1,o0)=0 (c1,o1)=1.
    expect(Array.from(connectionMask([[0], [0, 1]], 1, 2, 2, 2))).toEqual([1, 1, 0, 1, 1, 1, 0, 1]);
  });

  it("C3 mask [5,5,6,16] holds 25 × 60 = 1,500 ones", () => {
    const mask = connectionMask(TABLE_I, 5, 5, 6, 16);
    expect(mask.length).toBe(5 * 5 * 6 * 16);
    expect(mask.reduce((a, b) => a + b, 0)).toBe(1500);
  });
});

describe("link counts", () => {
  it("linksPerOutput(Table I, 5, 5) → 75 for maps 0–5, 100 for 6–14, 150 for 15 (sum 1,500)", () => {
    const links = linksPerOutput(TABLE_I, 5, 5);
    expect(links).toEqual([...Array(6).fill(75), ...Array(9).fill(100), 150]);
    expect(links.reduce((a, b) => a + b, 0)).toBe(1500);
  });

  it("outputsPerInput(Table I, 6) → every S2 map feeds 10 C3 maps", () => {
    expect(outputsPerInput(TABLE_I, 6)).toEqual([10, 10, 10, 10, 10, 10]);
  });
});

describe("validateConnections", () => {
  it("accepts Table I for 6 inputs and 16 filters", () => {
    expect(() => validateConnections(TABLE_I, 6, 16, "C3")).not.toThrow();
  });

  it('not an array → SpecError layer "C3", attribute "connections"', () => {
    const e = specError(() => validateConnections({ 0: [1] }, 6, 16, "C3"));
    expect(e.layer).toBe("C3");
    expect(e.attribute).toBe("connections");
    expect(e.message).toContain("expected an array");
  });

  it("wrong length → names the expected and the actual count", () => {
    const e = specError(() => validateConnections(TABLE_I, 6, 12, "C3"));
    expect(e.message).toContain("expected 12 entries (one per filter), got 16");
  });

  it("non-integer, negative and out-of-range channels → name the entry and the value", () => {
    for (const bad of [[0.5], [-1], [6]]) {
      const e = specError(() => validateConnections([...TABLE_I.slice(0, 15), bad], 6, 16, "C3"));
      expect(e.attribute).toBe("connections");
      expect(e.message).toContain("entry 15");
      expect(e.message).toContain(`got ${bad[0]}`);
      expect(e.message).toContain("[0, 5]");
    }
  });

  it("empty entry and duplicate channel → SpecError on connections", () => {
    expect(
      specError(() => validateConnections([[], ...TABLE_I.slice(1)], 6, 16, "C3")).message,
    ).toContain("entry 0: expected a non-empty list");
    expect(
      specError(() => validateConnections([[2, 2], ...TABLE_I.slice(1)], 6, 16, "C3")).message,
    ).toContain("entry 0: input channel 2 is listed twice");
  });
});
