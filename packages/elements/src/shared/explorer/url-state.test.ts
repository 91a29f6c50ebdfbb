import { describe, expect, it } from "vitest";
import {
  formatState,
  formatStep,
  impliedGranularity,
  parseState,
  parseStep,
  readHash,
  resolveStep,
  stepRefOf,
  writeHash,
} from "./url-state.js";

const LENET_1998 = ["C1", "S2", "C3", "S4", "C5", "flatten", "F6", "output"];

describe("parseStep / formatStep", () => {
  it('"C3" → layer C3, granularity layer', () => {
    expect(parseStep("C3")).toEqual({ layer: "C3" });
    expect(impliedGranularity({ layer: "C3" })).toBe("layer");
  });

  it('"C3:4" → channel 4 of C3, granularity channel', () => {
    expect(parseStep("C3:4")).toEqual({ layer: "C3", channel: 4 });
    expect(impliedGranularity(parseStep("C3:4")!)).toBe("channel");
  });

  it('"C3:4:2,3" → row 2, column 3 of channel 4, granularity neuron', () => {
    expect(parseStep("C3:4:2,3")).toEqual({ layer: "C3", channel: 4, y: 2, x: 3 });
    expect(impliedGranularity(parseStep("C3:4:2,3")!)).toBe("neuron");
  });

  it('" C3 : 4 : 2 , 3 " (spaces) parses like "C3:4:2,3"', () => {
    expect(parseStep(" C3 : 4 : 2 , 3 ")).toEqual({ layer: "C3", channel: 4, y: 2, x: 3 });
  });

  it.each(["", ":4", "C3:", "C3:4:2", "C3:4:2,", "C3:-1", "C3:a", "C3:4:2,3:1", "C 3!"])(
    "%j is not a step → null",
    (text) => {
      expect(parseStep(text)).toBeNull();
    },
  );

  it("format ∘ parse is the identity on well-formed steps", () => {
    for (const text of ["C1", "S4:15", "C3:4:2,3", "output:9", "F6:83:0,0"]) {
      expect(formatStep(parseStep(text)!)).toBe(text);
    }
  });
});

describe("parseState / formatState", () => {
  it('"C3:4:2,3@neuron" → step and granularity', () => {
    expect(parseState("C3:4:2,3@neuron")).toEqual({
      step: { layer: "C3", channel: 4, y: 2, x: 3 },
      granularity: "neuron",
    });
    expect(
      formatState({ step: { layer: "C3", channel: 4, y: 2, x: 3 }, granularity: "neuron" }),
    ).toBe("C3:4:2,3@neuron");
  });

  it('"C3:4" without "@" → no granularity', () => {
    expect(parseState("C3:4")).toEqual({ step: { layer: "C3", channel: 4 } });
    expect(formatState({ step: { layer: "C3", channel: 4 } })).toBe("C3:4");
  });

  it('"C3@pixel" and "C3@layer@x" → null', () => {
    expect(parseState("C3@pixel")).toBeNull();
    expect(parseState("C3@layer@x")).toBeNull();
  });
});

describe("resolveStep / stepRefOf", () => {
  it('"c3:4:2,3" on LeNet-5 (1998) → { layer: 2, channel: 4, y: 2, x: 3 } (names case-insensitive)', () => {
    expect(resolveStep(parseStep("c3:4:2,3")!, LENET_1998)).toEqual({
      layer: 2,
      channel: 4,
      y: 2,
      x: 3,
    });
  });

  it('"C3" on the Keras LeNet (padding first) → layer 3', () => {
    expect(resolveStep({ layer: "C3" }, ["padding", ...LENET_1998])).toEqual({ layer: 3 });
  });

  it('a layer index "4" → layer 4; an unknown name or index → null', () => {
    expect(resolveStep({ layer: "4" }, LENET_1998)).toEqual({ layer: 4 });
    expect(resolveStep({ layer: "conv9" }, LENET_1998)).toBeNull();
    expect(resolveStep({ layer: "8" }, LENET_1998)).toBeNull();
  });

  it("position (2, 4, 2, 3) at each granularity → C3, C3:4, C3:4:2,3", () => {
    const p = { layer: 2, channel: 4, y: 2, x: 3 };
    expect(formatStep(stepRefOf(p, LENET_1998, "layer"))).toBe("C3");
    expect(formatStep(stepRefOf(p, LENET_1998, "channel"))).toBe("C3:4");
    expect(formatStep(stepRefOf(p, LENET_1998, "neuron"))).toBe("C3:4:2,3");
  });
});

describe("readHash / writeHash", () => {
  it('"#lenet=C3:4:2,3@neuron" → key lenet reads "C3:4:2,3@neuron"', () => {
    expect(readHash("#lenet=C3:4:2,3@neuron", "lenet")).toBe("C3:4:2,3@neuron");
    expect(readHash("#lenet=C3", "other")).toBeUndefined();
    expect(readHash("", "lenet")).toBeUndefined();
  });

  it("writes readable text: ':' ',' '@' stay unescaped", () => {
    expect(writeHash("", "lenet", "C3:4:2,3@neuron")).toBe("#lenet=C3:4:2,3@neuron");
  });

  it("two explorers share the hash; each replaces only its own key", () => {
    let hash = writeHash("", "a", "C1");
    hash = writeHash(hash, "b", "S2:3@channel");
    expect(hash).toBe("#a=C1&b=S2:3@channel");
    hash = writeHash(hash, "a", "C5:7@channel");
    expect(hash).toBe("#a=C5:7@channel&b=S2:3@channel");
    expect(readHash(hash, "b")).toBe("S2:3@channel");
  });

  it("an anchor already in the hash is kept; removing the key gives it back", () => {
    const hash = writeHash("#results", "lenet", "C3");
    expect(hash).toBe("#results&lenet=C3");
    expect(readHash(hash, "lenet")).toBe("C3");
    expect(writeHash(hash, "lenet", undefined)).toBe("#results");
    expect(writeHash("#lenet=C3", "lenet", undefined)).toBe("");
  });

  it("keys and values with '&', '=' or spaces round-trip", () => {
    const hash = writeHash("", "my explorer", "a&b=c");
    expect(hash).not.toContain(" ");
    expect(readHash(hash, "my explorer")).toBe("a&b=c");
  });
});
