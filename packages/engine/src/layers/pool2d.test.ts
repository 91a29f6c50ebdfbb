import { describe, expect, it } from "vitest";
import { expectSpecError } from "../../../../test/expect-spec-error.js";
import { expectAllClose, seededArray } from "../../../../test/helpers.js";
import { explainContext, forwardOnce, randomNeurons } from "../../../../test/layer-harness.js";
import { referencePool } from "../../../../test/reference/pool.js";
import type { Pool2DSpec, Shape } from "../spec/types.js";
import type { PoolExplanation } from "./layer.js";
import { pool2d } from "./pool2d.js";

/** pool2d's forward on one image (no weights); fails the test when a tensor leaks. */
function forward(
  spec: Pool2DSpec,
  inputShape: readonly [number, number, number],
  input: Float32Array,
): Promise<{ shape: number[]; data: Float32Array }> {
  return forwardOnce(pool2d, spec, inputShape, input);
}

const pool = (extra: Partial<Pool2DSpec>): Pool2DSpec => ({
  name: "pool",
  kind: "pool2d",
  mode: "max",
  poolSize: 2,
  ...extra,
});

describe("pool2d shapes", () => {
  const cases: [string, Partial<Pool2DSpec>, Shape, Shape][] = [
    [
      "max 3/2 valid (AlexNet pool1, overlapping)",
      { poolSize: 3, strides: 2 },
      [55, 55, 96],
      [27, 27, 96],
    ],
    ["max 3/2 valid (AlexNet pool2)", { poolSize: 3, strides: 2 }, [27, 27, 256], [13, 13, 256]],
    ["max 3/2 valid (AlexNet pool5)", { poolSize: 3, strides: 2 }, [13, 13, 256], [6, 6, 256]],
    ["avg 2/2 valid (Keras LeNet)", { mode: "avg", poolSize: 2 }, [28, 28, 6], [14, 14, 6]],
    ["max 3/2 same", { poolSize: 3, strides: 2, padding: "same" }, [5, 5, 1], [3, 3, 1]],
    ["max [2,3] stride [1,3]", { poolSize: [2, 3], strides: [1, 3] }, [4, 9, 2], [3, 3, 2]],
  ];
  for (const [title, extra, input, output] of cases) {
    it(`pool2d x=[${input.join(",")}] ${title} → [${output.join(",")}]`, () => {
      const spec = pool(extra);
      pool2d.validate(spec, input);
      expect(pool2d.outputShape(spec, input)).toEqual(output);
    });
  }
});

describe("pool2d forward values", () => {
  const oneTo16 = Float32Array.from({ length: 16 }, (_, i) => i + 1);
  it("pool2d max 2/2 on 4×4 = 1…16 → [6, 8, 14, 16] (hand-computed)", async () => {
    const out = await forward(pool({}), [4, 4, 1], oneTo16);
    expect(out.shape).toEqual([1, 2, 2, 1]);
    expect(Array.from(out.data)).toEqual([6, 8, 14, 16]);
  });

  it("pool2d avg 2/2 on 4×4 = 1…16 → [3.5, 5.5, 11.5, 13.5] (hand-computed)", async () => {
    const out = await forward(pool({ mode: "avg" }), [4, 4, 1], oneTo16);
    expectAllClose(out.data, [3.5, 5.5, 11.5, 13.5]);
  });

  it("pool2d avg 2/2 same on 3×3 = 1…9 leaves padded cells out of the mean → [3, 4.5, 7.5, 9]", async () => {
    // TensorFlow pads bottom/right by 1: windows {1,2,4,5}, {3,6}, {7,8}, {9}.
    const out = await forward(
      pool({ mode: "avg", padding: "same" }),
      [3, 3, 1],
      Float32Array.from({ length: 9 }, (_, i) => i + 1),
    );
    expect(out.shape).toEqual([1, 2, 2, 1]);
    expectAllClose(out.data, [3, 4.5, 7.5, 9]);
  });

  it("pool2d max 2/2 same on 3×3 = −1…−9: padding never wins → [−1, −3, −7, −9]", async () => {
    const out = await forward(
      pool({ padding: "same" }),
      [3, 3, 1],
      Float32Array.from({ length: 9 }, (_, i) => -(i + 1)),
    );
    expect(Array.from(out.data)).toEqual([-1, -3, -7, -9]);
  });

  const refCases: {
    title: string;
    spec: Partial<Pool2DSpec>;
    input: [number, number, number];
    size: [number, number];
    strides: [number, number];
    pads?: [number, number, number, number];
  }[] = [
    {
      title: "max 3/2 valid (overlapping)",
      spec: { poolSize: 3, strides: 2 },
      input: [7, 7, 2],
      size: [3, 3],
      strides: [2, 2],
    },
    {
      title: "avg 3/2 valid (overlapping)",
      spec: { mode: "avg", poolSize: 3, strides: 2 },
      input: [7, 7, 2],
      size: [3, 3],
      strides: [2, 2],
    },
    {
      title: "max 3/2 same (even: pads 0,1,0,1)",
      spec: { poolSize: 3, strides: 2, padding: "same" },
      input: [6, 6, 3],
      size: [3, 3],
      strides: [2, 2],
      pads: [0, 1, 0, 1],
    },
    {
      title: "avg 3/2 same (odd: pads 1,1,1,1)",
      spec: { mode: "avg", poolSize: 3, strides: 2, padding: "same" },
      input: [7, 5, 2],
      size: [3, 3],
      strides: [2, 2],
      pads: [1, 1, 1, 1],
    },
    {
      title: "avg [2,3] s=[1,2] valid",
      spec: { mode: "avg", poolSize: [2, 3], strides: [1, 2] },
      input: [4, 7, 2],
      size: [2, 3],
      strides: [1, 2],
    },
  ];
  for (const [i, c] of refCases.entries()) {
    it(`pool2d x=[${c.input.join(",")}] ${c.title} equals the plain-JS loop`, async () => {
      const spec = pool(c.spec);
      const input = seededArray(c.input[0] * c.input[1] * c.input[2], 70 + i);
      const out = await forward(spec, c.input, input);
      const ref = referencePool(input, c.input, spec.mode, c.size, c.strides, c.pads);
      expect(out.shape).toEqual([1, ref.outH, ref.outW, c.input[2]]);
      expectAllClose(out.data, ref.data, { atol: 1e-6 });
    });
  }
});

describe("pool2d counts, params, window", () => {
  it("AlexNet pool2 max 3/2 on 27×27×256 → no params, connections 9 × 13·13·256 = 389,376, macs 0", () => {
    const spec = pool({ poolSize: 3, strides: 2 });
    expect(pool2d.params(spec, [27, 27, 256])).toEqual([]);
    expect(pool2d.counts(spec, [27, 27, 256])).toEqual({
      trainable: 0,
      nonTrainable: 0,
      connections: 389_376,
      macs: 0,
    });
  });

  it("pool2d 3/2 same on 6×6: window(0,0) = rows 0–2; window(2,2) reaches row/column 6 (padding)", () => {
    const spec = pool({ poolSize: 3, strides: 2, padding: "same" });
    expect(pool2d.window(spec, [6, 6, 1], 0, 0)).toEqual({ y0: 0, x0: 0, y1: 3, x1: 3 });
    expect(pool2d.window(spec, [6, 6, 1], 2, 2)).toEqual({ y0: 4, x0: 4, y1: 7, x1: 7 });
  });
});

describe("pool2d explain", () => {
  const cases: { title: string; spec: Pool2DSpec; input: [number, number, number] }[] = [
    { title: "max 3/2 valid", spec: pool({ poolSize: 3, strides: 2 }), input: [9, 9, 3] },
    {
      title: "avg 3/2 valid",
      spec: pool({ mode: "avg", poolSize: 3, strides: 2 }),
      input: [9, 9, 3],
    },
    {
      title: "max 3/2 same",
      spec: pool({ poolSize: 3, strides: 2, padding: "same" }),
      input: [6, 7, 2],
    },
    {
      title: "avg 3/2 same",
      spec: pool({ mode: "avg", poolSize: 3, strides: 2, padding: "same" }),
      input: [6, 7, 2],
    },
  ];
  for (const [i, c] of cases.entries()) {
    it(`pool2d explain() (${c.title}) equals the tfjs forward output at 8 random positions`, async () => {
      const input = seededArray(c.input[0] * c.input[1] * c.input[2], 80 + i);
      const outShape = pool2d.outputShape(c.spec, c.input);
      const out = await forward(c.spec, c.input, input);
      for (const at of randomNeurons(8, 90 + i, outShape)) {
        const e = pool2d.explain(
          c.spec,
          explainContext(input, c.input, outShape),
          at,
        ) as PoolExplanation;
        const expected = out.data[(at.y * outShape[1] + at.x) * outShape[2] + at.channel];
        expectAllClose([e.output], [expected], { rtol: 1e-5, atol: 1e-6 });
        expect(e.reduced).toBe(e.output);
        expect(e.preActivation).toBe(e.output);
        expect(e.activation).toBe("linear");
        if (c.spec.mode === "max") {
          expect(input[(e.argmax!.y * c.input[1] + e.argmax!.x) * c.input[2] + at.channel]).toBe(
            e.reduced,
          );
        } else {
          expect(e.argmax).toBeUndefined();
        }
      }
    });
  }

  it("pool2d explain() max 2/2 same on 3×3 at (1,1): values [[9, NaN], [NaN, NaN]], argmax (2,2)", () => {
    const input = Float32Array.from({ length: 9 }, (_, i) => i + 1);
    const e = pool2d.explain(
      pool({ padding: "same" }),
      explainContext(input, [3, 3, 1], [2, 2, 1]),
      { channel: 0, y: 1, x: 1 },
    ) as PoolExplanation;
    expect(e.type).toBe("pool");
    expect(e.mode).toBe("max");
    expect(e.window).toEqual({ y0: 2, x0: 2, y1: 4, x1: 4 });
    expect(e.values[0][0]).toBe(9);
    expect(e.values[0][1]).toBeNaN();
    expect(e.values[1][0]).toBeNaN();
    expect(e.values[1][1]).toBeNaN();
    expect(e.reduced).toBe(9);
    expect(e.argmax).toEqual({ y: 2, x: 2 });
  });

  it("pool2d explain() avg 2/2 same on 3×3 at (0,1): mean of the 2 real cells 3 and 6 = 4.5", () => {
    const input = Float32Array.from({ length: 9 }, (_, i) => i + 1);
    const e = pool2d.explain(
      pool({ mode: "avg", padding: "same" }),
      explainContext(input, [3, 3, 1], [2, 2, 1]),
      { channel: 0, y: 0, x: 1 },
    ) as PoolExplanation;
    expect(e.values[0][0]).toBe(3);
    expect(e.values[1][0]).toBe(6);
    expect(e.values[0][1]).toBeNaN();
    expect(e.reduced).toBe(4.5);
  });
});

describe("pool2d validation", () => {
  it('pool2d mode "min" → SpecError layer "pool", attribute "mode"', () => {
    expectSpecError(
      () => pool2d.validate(pool({ mode: "min" as unknown as "max" }), [4, 4, 1]),
      "pool",
      "mode",
      'expected "max" or "avg", got "min"',
    );
  });
  it("pool2d poolSize 0 → SpecError on poolSize", () => {
    expectSpecError(
      () => pool2d.validate(pool({ poolSize: 0 }), [4, 4, 1]),
      "pool",
      "poolSize",
      "got 0",
    );
  });
  it("pool2d strides [2] → SpecError on strides", () => {
    expectSpecError(
      () => pool2d.validate(pool({ strides: [2] as unknown as number }), [4, 4, 1]),
      "pool",
      "strides",
      "got [2]",
    );
  });
  it("pool2d padding 1 → SpecError on padding", () => {
    expectSpecError(
      () => pool2d.validate(pool({ padding: 1 as unknown as "same" }), [4, 4, 1]),
      "pool",
      "padding",
      'expected "valid" or "same", got 1',
    );
  });
  it("pool2d 3×3 on a 2×2 input, valid → SpecError on poolSize (does not fit)", () => {
    expectSpecError(
      () => pool2d.validate(pool({ poolSize: 3 }), [2, 2, 1]),
      "pool",
      "poolSize",
      "does not fit",
    );
  });
});
