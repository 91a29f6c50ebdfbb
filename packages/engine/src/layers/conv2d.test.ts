import * as tf from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-core/dist/register_all_gradients";
import { describe, expect, it } from "vitest";
import { expectSpecError } from "../../../../test/expect-spec-error.js";
import { expectAllClose, expectNoLeaks, seededArray } from "../../../../test/helpers.js";
import { explainContext, forwardOnce, randomNeurons } from "../../../../test/layer-harness.js";
import { referenceConv2d, type ReferenceConv2dOptions } from "../../../../test/reference/conv2d.js";
import type { Conv2DSpec, Shape } from "../spec/types.js";
import { conv2d } from "./conv2d.js";
import type { ArrayWithShape, ConvExplanation } from "./layer.js";

/** LeCun et al. 1998, Table I: row = S2 map, column = C3 map, X = connected. */
const TABLE_I_ROWS = [
  "X . . . X X X . . X X X X . X X",
  "X X . . . X X X . . X X X X . X",
  "X X X . . . X X X . . X . X X X",
  ". X X X . . X X X X . . X . X X",
  ". . X X X . . X X X X . X X . X",
  ". . . X X X . . X X X X . X X X",
].map((row) => row.split(" ").map((cell) => cell === "X"));

/** The same table as `connections[o]` = S2 maps feeding C3 map o (read off the columns). */
const TABLE_I: number[][] = Array.from({ length: 16 }, (_, o) =>
  [0, 1, 2, 3, 4, 5].filter((c) => TABLE_I_ROWS[c][o]),
);

function c3(): Conv2DSpec {
  return { name: "C3", kind: "conv2d", filters: 16, kernelSize: 5, connections: TABLE_I };
}

// ---------------------------------------------------------------------------------------------

describe("conv2d shapes", () => {
  const cases: [string, Partial<Conv2DSpec>, Shape, Shape][] = [
    ["k=3 s=1 pad=valid", { kernelSize: 3 }, [5, 5, 1], [3, 3, 2]],
    ["k=3 s=2 pad=valid", { kernelSize: 3, strides: 2 }, [5, 5, 1], [2, 2, 2]],
    ["k=3 s=2 pad=same", { kernelSize: 3, strides: 2, padding: "same" }, [5, 5, 1], [3, 3, 2]],
    ["k=3 s=1 pad=same", { kernelSize: 3, padding: "same" }, [6, 7, 1], [6, 7, 2]],
    ["k=3 pad=[1,2,0,3]", { kernelSize: 3, padding: [1, 2, 0, 3] }, [5, 5, 1], [6, 6, 2]],
    ["k=3 d=2 pad=valid", { kernelSize: 3, dilation: 2 }, [7, 7, 1], [3, 3, 2]],
    ["k=[3,1] s=[2,1]", { kernelSize: [3, 1], strides: [2, 1] }, [7, 5, 1], [3, 5, 2]],
    ["k=11 s=4 (AlexNet conv1, 227)", { kernelSize: 11, strides: 4 }, [227, 227, 3], [55, 55, 2]],
    [
      "k=11 s=4 pad=same (Keras AlexNet, 224)",
      { kernelSize: 11, strides: 4, padding: "same" },
      [224, 224, 3],
      [56, 56, 2],
    ],
  ];
  for (const [title, extra, input, output] of cases) {
    it(`conv2d x=[${input.join(",")}] ${title} → [${output.join(",")}]`, () => {
      const spec = { name: "c", kind: "conv2d", filters: 2, ...extra } as Conv2DSpec;
      conv2d.validate(spec, input);
      expect(conv2d.outputShape(spec, input)).toEqual(output);
    });
  }
});

describe("conv2d forward values", () => {
  it("conv2d x=1..25 (5×5) k=3 of ones, valid → window sums (hand-computed 63, 72, …)", async () => {
    const input = Float32Array.from({ length: 25 }, (_, i) => i + 1);
    const spec: Conv2DSpec = { name: "c", kind: "conv2d", filters: 1, kernelSize: 3 };
    const out = await forwardOnce(conv2d, spec, [5, 5, 1], input, {
      kernel: { data: new Float32Array(9).fill(1), shape: [3, 3, 1, 1] },
      bias: { data: new Float32Array([0.5]), shape: [1] },
    });
    expect(out.shape).toEqual([1, 3, 3, 1]);
    // (1+2+3+6+7+8+11+12+13) = 63, each step right adds 3, each step down adds 15; + bias 0.5.
    expectAllClose(
      out.data,
      [63, 72, 81, 108, 117, 126, 153, 162, 171].map((v) => v + 0.5),
    );
  });

  it("conv2d x=[1,5,5,1] k=3 s=2 pad=same → [1,3,3,1], padded border counts as 0 (hand-computed)", async () => {
    const input = Float32Array.from({ length: 25 }, (_, i) => i + 1);
    const spec: Conv2DSpec = {
      name: "c",
      kind: "conv2d",
      filters: 1,
      kernelSize: 3,
      strides: 2,
      padding: "same",
      useBias: false,
    };
    const out = await forwardOnce(conv2d, spec, [5, 5, 1], input, {
      kernel: { data: new Float32Array(9).fill(1), shape: [3, 3, 1, 1] },
    });
    expect(out.shape).toEqual([1, 3, 3, 1]);
    // Padding 1 on every side. Top-left window = rows 0–1, cols 0–1: 1+2+6+7 = 16.
    // Centre = rows 1–3, cols 1–3: 7+8+9+12+13+14+17+18+19 = 117.
    expect(out.data[0]).toBeCloseTo(16, 5);
    expect(out.data[4]).toBeCloseTo(117, 5);
    expect(out.data[8]).toBeCloseTo(19 + 20 + 24 + 25, 5);
  });

  const refCases: {
    title: string;
    spec: Partial<Conv2DSpec>;
    input: [number, number, number];
    kernel: [number, number];
    filters: number;
    ref: Partial<ReferenceConv2dOptions>;
  }[] = [
    { title: "k=3 s=1 pad=valid", spec: {}, input: [6, 5, 2], kernel: [3, 3], filters: 3, ref: {} },
    {
      title: "k=3 s=2 pad=same (odd input: pads 1,1,1,1)",
      spec: { strides: 2, padding: "same" },
      input: [5, 5, 2],
      kernel: [3, 3],
      filters: 4,
      ref: { strides: [2, 2], pads: [1, 1, 1, 1] },
    },
    {
      title: "k=3 s=2 pad=same (even input: pads 0,1,0,1, TensorFlow's rule)",
      spec: { strides: 2, padding: "same" },
      input: [6, 6, 1],
      kernel: [3, 3],
      filters: 2,
      ref: { strides: [2, 2], pads: [0, 1, 0, 1] },
    },
    {
      title: "k=[2,3] s=1 pad=same (pads 0,1,1,1)",
      spec: { padding: "same" },
      input: [4, 5, 2],
      kernel: [2, 3],
      filters: 2,
      ref: { pads: [0, 1, 1, 1] },
    },
    {
      title: "k=3 explicit pad=[1,2,0,3]",
      spec: { padding: [1, 2, 0, 3] },
      input: [5, 4, 2],
      kernel: [3, 3],
      filters: 2,
      ref: { pads: [1, 2, 0, 3] },
    },
    {
      title: "k=5 explicit pad=2 (AlexNet conv2's padding)",
      spec: { padding: 2 },
      input: [6, 6, 2],
      kernel: [5, 5],
      filters: 2,
      ref: { pads: [2, 2, 2, 2] },
    },
    {
      title: "k=3 s=[2,1] pad=valid",
      spec: { strides: [2, 1] },
      input: [7, 5, 2],
      kernel: [3, 3],
      filters: 2,
      ref: { strides: [2, 1] },
    },
    {
      title: "k=3 d=2 pad=valid",
      spec: { dilation: 2 },
      input: [7, 8, 2],
      kernel: [3, 3],
      filters: 3,
      ref: { dilation: [2, 2] },
    },
    {
      title: "k=3 d=[2,3] pad=same (extent 5×7: pads 2,2,3,3)",
      spec: { dilation: [2, 3], padding: "same" },
      input: [6, 7, 2],
      kernel: [3, 3],
      filters: 2,
      ref: { dilation: [2, 3], pads: [2, 2, 3, 3] },
    },
  ];
  for (const [i, c] of refCases.entries()) {
    it(`conv2d x=[${c.input.join(",")}] ${c.title} equals the plain-JS loop`, async () => {
      const [kh, kw] = c.kernel;
      const kernel = seededArray(kh * kw * c.input[2] * c.filters, 100 + i);
      const bias = seededArray(c.filters, 200 + i);
      const input = seededArray(c.input[0] * c.input[1] * c.input[2], 300 + i);
      const spec = {
        name: "c",
        kind: "conv2d",
        filters: c.filters,
        kernelSize: c.kernel,
        ...c.spec,
      } as Conv2DSpec;
      conv2d.validate(spec, c.input);
      const out = await forwardOnce(conv2d, spec, c.input, input, {
        kernel: { data: kernel, shape: [kh, kw, c.input[2], c.filters] },
        bias: { data: bias, shape: [c.filters] },
      });
      const ref = referenceConv2d({
        x: input,
        shape: c.input,
        kernel,
        kh,
        kw,
        filters: c.filters,
        bias,
        ...c.ref,
      });
      expect(out.shape).toEqual([1, ref.outH, ref.outW, c.filters]);
      expect(conv2d.outputShape(spec, c.input)).toEqual([ref.outH, ref.outW, c.filters]);
      expectAllClose(out.data, ref.data, { rtol: 1e-5, atol: 1e-5 });
    });
  }

  it("conv2d activation relu clips the plain-JS loop's negative sums to 0", async () => {
    const input = seededArray(4 * 4 * 2, 7);
    const kernel = seededArray(3 * 3 * 2 * 3, 8);
    const bias = seededArray(3, 9);
    const spec: Conv2DSpec = {
      name: "c",
      kind: "conv2d",
      filters: 3,
      kernelSize: 3,
      activation: "relu",
    };
    const out = await forwardOnce(conv2d, spec, [4, 4, 2], input, {
      kernel: { data: kernel, shape: [3, 3, 2, 3] },
      bias: { data: bias, shape: [3] },
    });
    const ref = referenceConv2d({
      x: input,
      shape: [4, 4, 2],
      kernel,
      kh: 3,
      kw: 3,
      filters: 3,
      bias,
    });
    expectAllClose(
      out.data,
      Array.from(ref.data, (v) => Math.max(0, v)),
      { atol: 1e-5 },
    );
  });
});

describe("conv2d groups", () => {
  it("conv2d groups=2 on x=[1,5,5,4] equals two separate convolutions on the channel halves, concatenated", async () => {
    const inputShape: [number, number, number] = [5, 5, 4];
    const input = seededArray(5 * 5 * 4, 11);
    // Grouped kernel [3, 3, 2, 6]: output maps 0–2 read channels 0–1, maps 3–5 read channels 2–3.
    const kernel = seededArray(3 * 3 * 2 * 6, 12);
    const bias = seededArray(6, 13);
    const spec: Conv2DSpec = {
      name: "g",
      kind: "conv2d",
      filters: 6,
      kernelSize: 3,
      padding: 1,
      groups: 2,
    };
    conv2d.validate(spec, inputShape);
    const out = await forwardOnce(conv2d, spec, inputShape, input, {
      kernel: { data: kernel, shape: [3, 3, 2, 6] },
      bias: { data: bias, shape: [6] },
    });
    const separate = await expectNoLeaks(() =>
      tf.tidy(() => {
        const xt = tf.tensor4d(input, [1, ...inputShape]);
        const k = tf.tensor4d(kernel, [3, 3, 2, 6]);
        const halves = [0, 1].map((g) => {
          const xg = tf.slice(xt, [0, 0, 0, 2 * g], [-1, -1, -1, 2]);
          const kg = tf.slice(k, [0, 0, 0, 3 * g], [-1, -1, -1, 3]);
          return tf.conv2d(xg, kg, 1, [
            [0, 0],
            [1, 1],
            [1, 1],
            [0, 0],
          ]);
        });
        return Float32Array.from(tf.add(tf.concat(halves, 3), tf.tensor1d(bias)).dataSync());
      }),
    );
    expect(out.shape).toEqual([1, 5, 5, 6]);
    expectAllClose(out.data, separate, { atol: 1e-5 });
    const ref = referenceConv2d({
      x: input,
      shape: inputShape,
      kernel,
      kh: 3,
      kw: 3,
      filters: 6,
      bias,
      groups: 2,
      pads: [1, 1, 1, 1],
    });
    expectAllClose(out.data, ref.data, { atol: 1e-5 });
  });

  it("conv2d groups=2 kernel shape is [kh, kw, in/2, filters]", () => {
    const spec: Conv2DSpec = {
      name: "conv2",
      kind: "conv2d",
      filters: 256,
      kernelSize: 5,
      padding: 2,
      groups: 2,
    };
    const [kernel, bias] = conv2d.params(spec, [27, 27, 96]);
    expect(kernel.shape).toEqual([5, 5, 48, 256]);
    expect(bias.shape).toEqual([256]);
    expect(kernel.fanIn).toBe(5 * 5 * 48);
    expect(kernel.fanOut).toBe((5 * 5 * 256) / 2);
  });
});

describe("conv2d connection table (LeNet-5 C3)", () => {
  it("C3 Table I as written has 60 links and S2 map 0 feeds C3 maps 0,4,5,6,9,10,11,12,14,15", () => {
    expect(TABLE_I.flat().length).toBe(60);
    expect(TABLE_I_ROWS[0].flatMap((on, o) => (on ? [o] : []))).toEqual([
      0, 4, 5, 6, 9, 10, 11, 12, 14, 15,
    ]);
    expect(TABLE_I[15]).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it("C3 mask [5,5,6,16] matches Table I link by link at every kernel position", () => {
    const [kernel] = conv2d.params(c3(), [14, 14, 6]);
    expect(kernel.shape).toEqual([5, 5, 6, 16]);
    const mask = kernel.mask;
    expect(mask).toBeInstanceOf(Float32Array);
    for (let ky = 0; ky < 5; ky++) {
      for (let kx = 0; kx < 5; kx++) {
        for (let c = 0; c < 6; c++) {
          for (let o = 0; o < 16; o++) {
            const want = TABLE_I_ROWS[c][o] ? 1 : 0;
            const got = mask![((ky * 5 + kx) * 6 + c) * 16 + o];
            if (got !== want) expect.fail(`mask[${ky},${kx},${c},${o}] = ${got}, expected ${want}`);
          }
        }
      }
    }
    // Fans over real links only: 1,500 links / 16 maps in, 1,500 / 6 channels out.
    expect(kernel.fanIn).toBeCloseTo(1500 / 16, 10);
    expect(kernel.fanOut).toBeCloseTo(1500 / 6, 10);
  });

  it("C3 forward uses kernel × mask: equals the plain-JS loop that skips unlinked channels", async () => {
    const input = seededArray(14 * 14 * 6, 21);
    // A dense kernel: the cut links hold non-zero values that must be ignored.
    const kernel = seededArray(5 * 5 * 6 * 16, 22);
    const bias = seededArray(16, 23);
    const out = await forwardOnce(conv2d, c3(), [14, 14, 6], input, {
      kernel: { data: kernel, shape: [5, 5, 6, 16] },
      bias: { data: bias, shape: [16] },
    });
    const ref = referenceConv2d({
      x: input,
      shape: [14, 14, 6],
      kernel,
      kh: 5,
      kw: 5,
      filters: 16,
      bias,
      linked: (c, o) => TABLE_I_ROWS[c][o],
    });
    expect(out.shape).toEqual([1, 10, 10, 16]);
    expectAllClose(out.data, ref.data, { atol: 1e-5 });
  });

  it("C3 gradient of the kernel is exactly 0 at every cut link and non-zero at the real ones", async () => {
    const input = seededArray(14 * 14 * 6, 31, 0.1, 1);
    const kernelData = seededArray(5 * 5 * 6 * 16, 32);
    const grad = await expectNoLeaks(() =>
      tf.tidy(() => {
        const xt = tf.tensor4d(input, [1, 14, 14, 6]);
        const bias = tf.zeros([16]);
        const g = tf.grad((k: tf.Tensor) =>
          tf.sum(conv2d.forward(c3(), xt, { kernel: k, bias }, { training: false })),
        );
        return Float32Array.from(g(tf.tensor4d(kernelData, [5, 5, 6, 16])).dataSync());
      }),
    );
    for (let i = 0; i < grad.length; i++) {
      const o = i % 16;
      const c = Math.floor(i / 16) % 6;
      if (TABLE_I_ROWS[c][o]) expect(grad[i]).toBeGreaterThan(0);
      else expect(grad[i]).toBe(0);
    }
  });
});

describe("conv2d counts (PAPERS.md)", () => {
  const cases: {
    title: string;
    spec: Conv2DSpec;
    input: Shape;
    output: Shape;
    trainable: number;
    connections?: number;
    macs?: number;
  }[] = [
    {
      title: "LeNet-5 C1 6@5×5 on 32×32×1",
      spec: { name: "C1", kind: "conv2d", filters: 6, kernelSize: 5 },
      input: [32, 32, 1],
      output: [28, 28, 6],
      trainable: 156,
      connections: 122_304,
    },
    {
      title: "LeNet-5 C3 16@5×5 with Table I on 14×14×6",
      spec: c3(),
      input: [14, 14, 6],
      output: [10, 10, 16],
      trainable: 1_516,
      connections: 151_600,
    },
    {
      title: "LeNet-5 C5 120@5×5 on 5×5×16",
      spec: { name: "C5", kind: "conv2d", filters: 120, kernelSize: 5 },
      input: [5, 5, 16],
      output: [1, 1, 120],
      trainable: 48_120,
      connections: 48_120,
    },
    {
      title: "AlexNet conv1 96@11×11/4 on 227×227×3",
      spec: { name: "conv1", kind: "conv2d", filters: 96, kernelSize: 11, strides: 4 },
      input: [227, 227, 3],
      output: [55, 55, 96],
      trainable: 34_944,
      macs: 105_415_200,
    },
    {
      title: "AlexNet conv2 256@5×5 pad 2, 2 groups, on 27×27×96",
      spec: { name: "conv2", kind: "conv2d", filters: 256, kernelSize: 5, padding: 2, groups: 2 },
      input: [27, 27, 96],
      output: [27, 27, 256],
      trainable: 307_456,
      macs: 223_948_800,
    },
    {
      title: "AlexNet conv3 384@3×3 pad 1 on 13×13×256",
      spec: { name: "conv3", kind: "conv2d", filters: 384, kernelSize: 3, padding: 1 },
      input: [13, 13, 256],
      output: [13, 13, 384],
      trainable: 885_120,
      macs: 149_520_384,
    },
    {
      title: "AlexNet conv4 384@3×3 pad 1, 2 groups, on 13×13×384",
      spec: { name: "conv4", kind: "conv2d", filters: 384, kernelSize: 3, padding: 1, groups: 2 },
      input: [13, 13, 384],
      output: [13, 13, 384],
      trainable: 663_936,
      macs: 112_140_288,
    },
    {
      title: "AlexNet conv5 256@3×3 pad 1, 2 groups, on 13×13×384",
      spec: { name: "conv5", kind: "conv2d", filters: 256, kernelSize: 3, padding: 1, groups: 2 },
      input: [13, 13, 384],
      output: [13, 13, 256],
      trainable: 442_624,
      macs: 74_760_192,
    },
  ];
  for (const c of cases) {
    const extra = [
      `params ${c.trainable}`,
      c.connections !== undefined ? `connections ${c.connections}` : "",
      c.macs !== undefined ? `multiply-adds ${c.macs}` : "",
    ].filter(Boolean);
    it(`${c.title} → ${extra.join(", ")}`, () => {
      conv2d.validate(c.spec, c.input);
      expect(conv2d.outputShape(c.spec, c.input)).toEqual(c.output);
      const counts = conv2d.counts(c.spec, c.input);
      expect(counts.trainable).toBe(c.trainable);
      expect(counts.nonTrainable).toBe(0);
      if (c.connections !== undefined) expect(counts.connections).toBe(c.connections);
      if (c.macs !== undefined) expect(counts.macs).toBe(c.macs);
      const params = conv2d.params(c.spec, c.input);
      const sizes = params.map((p) => {
        const n = p.shape.reduce((a, b) => a * b, 1);
        return p.mask ? p.mask.reduce((a, b) => a + b, 0) : n;
      });
      expect(sizes.reduce((a, b) => a + b, 0)).toBe(c.trainable);
    });
  }

  it("conv2d useBias=false: no bias param, connections = links × outputs", () => {
    const spec: Conv2DSpec = {
      name: "c",
      kind: "conv2d",
      filters: 4,
      kernelSize: 3,
      useBias: false,
    };
    expect(conv2d.params(spec, [5, 5, 2]).map((p) => p.name)).toEqual(["kernel"]);
    const counts = conv2d.counts(spec, [5, 5, 2]);
    expect(counts.trainable).toBe(3 * 3 * 2 * 4);
    expect(counts.connections).toBe(3 * 3 * 2 * 4 * 9);
    expect(counts.macs).toBe(3 * 3 * 2 * 4 * 9);
  });

  it("conv2d default initialisers: glorot-uniform kernel, zeros bias; fans kh·kw·in and kh·kw·filters", () => {
    const [kernel, bias] = conv2d.params(
      { name: "c", kind: "conv2d", filters: 4, kernelSize: [3, 2] },
      [8, 8, 5],
    );
    expect(kernel.initializer).toBe("glorot-uniform");
    expect(bias.initializer).toBe("zeros");
    expect(kernel.fanIn).toBe(3 * 2 * 5);
    expect(kernel.fanOut).toBe(3 * 2 * 4);
    expect(kernel.mask).toBeUndefined();
  });
});

describe("conv2d window", () => {
  it("conv2d k=3 s=2 pad=same window(0,0) starts in the padding; window(1,2) = rows 1–3, cols 3–5", () => {
    const spec: Conv2DSpec = {
      name: "c",
      kind: "conv2d",
      filters: 1,
      kernelSize: 3,
      strides: 2,
      padding: "same",
    };
    expect(conv2d.window(spec, [5, 5, 1], 0, 0)).toEqual({ y0: -1, x0: -1, y1: 2, x1: 2 });
    expect(conv2d.window(spec, [5, 5, 1], 1, 2)).toEqual({ y0: 1, x0: 3, y1: 4, x1: 6 });
  });

  it("conv2d k=3 d=2 window spans the dilated extent 5", () => {
    const spec: Conv2DSpec = { name: "c", kind: "conv2d", filters: 1, kernelSize: 3, dilation: 2 };
    expect(conv2d.window(spec, [7, 7, 1], 1, 2)).toEqual({ y0: 1, x0: 2, y1: 6, x1: 7 });
  });
});

describe("conv2d explain", () => {
  const explainCases: {
    title: string;
    spec: Conv2DSpec;
    input: [number, number, number];
  }[] = [
    {
      title: "k=3 valid relu",
      spec: { name: "a", kind: "conv2d", filters: 3, kernelSize: 3, activation: "relu" },
      input: [6, 6, 2],
    },
    {
      title: "k=3 s=2 same scaled-tanh",
      spec: {
        name: "b",
        kind: "conv2d",
        filters: 4,
        kernelSize: 3,
        strides: 2,
        padding: "same",
        activation: "scaled-tanh",
      },
      input: [6, 7, 3],
    },
    {
      title: "k=3 d=2 explicit pad [1,0,2,1]",
      spec: {
        name: "d",
        kind: "conv2d",
        filters: 2,
        kernelSize: 3,
        dilation: 2,
        padding: [1, 0, 2, 1],
      },
      input: [7, 7, 2],
    },
    {
      title: "groups=2 pad=1",
      spec: { name: "g", kind: "conv2d", filters: 4, kernelSize: 3, padding: 1, groups: 2 },
      input: [5, 5, 4],
    },
    { title: "C3 Table I tanh", spec: { ...c3(), activation: "tanh" }, input: [14, 14, 6] },
    {
      title: "softmax over channels",
      spec: { name: "s", kind: "conv2d", filters: 5, kernelSize: 2, activation: "softmax" },
      input: [4, 4, 2],
    },
    {
      title: "useBias=false",
      spec: {
        name: "n",
        kind: "conv2d",
        filters: 2,
        kernelSize: 2,
        useBias: false,
        activation: "sigmoid",
      },
      input: [4, 4, 2],
    },
  ];
  for (const [i, c] of explainCases.entries()) {
    it(`conv2d explain() (${c.title}) equals the tfjs forward output at 8 random positions`, async () => {
      conv2d.validate(c.spec, c.input);
      const outShape = conv2d.outputShape(c.spec, c.input);
      const params = conv2d.params(c.spec, c.input);
      const weights: Record<string, ArrayWithShape> = {};
      params.forEach((p, j) => {
        weights[p.name] = {
          data: seededArray(
            p.shape.reduce((a, b) => a * b, 1),
            400 + 10 * i + j,
          ),
          shape: p.shape,
        };
      });
      const input = seededArray(c.input[0] * c.input[1] * c.input[2], 500 + i);
      const out = await forwardOnce(conv2d, c.spec, c.input, input, weights);
      for (const at of randomNeurons(8, 600 + i, outShape)) {
        const e = conv2d.explain(
          c.spec,
          explainContext(input, c.input, outShape, weights),
          at,
        ) as ConvExplanation;
        const expected = out.data[(at.y * outShape[1] + at.x) * outShape[2] + at.channel];
        expectAllClose([e.output], [expected], { rtol: 1e-5, atol: 1e-6 });
        // Products are patch × kernel and sum to `sum`; preActivation = sum + bias.
        let sum = 0;
        e.patch.forEach((pc, ci) =>
          pc.forEach((row, ky) =>
            row.forEach((v, kx) => {
              expect(e.products[ci][ky][kx]).toBe(v * e.kernel[ci][ky][kx]);
              sum += e.products[ci][ky][kx];
            }),
          ),
        );
        expect(e.sum).toBeCloseTo(sum, 10);
        expect(e.preActivation).toBeCloseTo(e.sum + e.bias, 10);
      }
    });
  }

  it("conv2d explain() of C3 map 4 lists S2 maps 0,4,5 only, patch [3][5][5]", () => {
    const input = seededArray(14 * 14 * 6, 41);
    const kernel = seededArray(5 * 5 * 6 * 16, 42);
    const e = conv2d.explain(
      c3(),
      explainContext(input, [14, 14, 6], [10, 10, 16], {
        kernel: { data: kernel, shape: [5, 5, 6, 16] },
        bias: { data: new Float32Array(16).fill(0.25), shape: [16] },
      }),
      { channel: 4, y: 3, x: 7 },
    ) as ConvExplanation;
    expect(e.type).toBe("conv");
    expect(e.inputChannels).toEqual([0, 4, 5]);
    expect(e.patch.length).toBe(3);
    expect(e.patch[1].length).toBe(5);
    expect(e.patch[1][0].length).toBe(5);
    expect(e.window).toEqual({ y0: 3, x0: 7, y1: 8, x1: 12 });
    // Patch channel 5 (index 2), ky=2, kx=1 → input (5, 8, 5); kernel [2, 1, 5, 4].
    expect(e.patch[2][2][1]).toBe(input[(5 * 14 + 8) * 6 + 5]);
    expect(e.kernel[2][2][1]).toBe(kernel[((2 * 5 + 1) * 6 + 5) * 16 + 4]);
    expect(e.bias).toBe(0.25);
    expect(e.group).toBe(0);
    expect(e.activation).toBe("linear");
  });

  it("conv2d explain() with groups=2 reports group 1 and channels 2,3 for output map 3", () => {
    const spec: Conv2DSpec = {
      name: "g",
      kind: "conv2d",
      filters: 4,
      kernelSize: 3,
      padding: 1,
      groups: 2,
    };
    const e = conv2d.explain(
      spec,
      explainContext(seededArray(5 * 5 * 4, 51), [5, 5, 4], [5, 5, 4], {
        kernel: { data: seededArray(3 * 3 * 2 * 4, 52), shape: [3, 3, 2, 4] },
        bias: { data: seededArray(4, 53), shape: [4] },
      }),
      { channel: 3, y: 0, x: 4 },
    ) as ConvExplanation;
    expect(e.group).toBe(1);
    expect(e.inputChannels).toEqual([2, 3]);
    // Window rows −1…1, cols 3…5: the top row and the right column are padding.
    expect(e.window).toEqual({ y0: -1, x0: 3, y1: 2, x1: 6 });
    for (const pc of e.patch) {
      expect(pc[0]).toEqual([0, 0, 0]);
      expect(pc[1][2]).toBe(0);
      expect(pc[2][2]).toBe(0);
    }
  });

  it("conv2d explain() with d=2 reads every second input cell", () => {
    const input = Float32Array.from({ length: 49 }, (_, i) => i);
    const spec: Conv2DSpec = { name: "d", kind: "conv2d", filters: 1, kernelSize: 3, dilation: 2 };
    const e = conv2d.explain(
      spec,
      explainContext(input, [7, 7, 1], [3, 3, 1], {
        kernel: { data: new Float32Array(9).fill(1), shape: [3, 3, 1, 1] },
        bias: { data: new Float32Array(1), shape: [1] },
      }),
      { channel: 0, y: 1, x: 0 },
    ) as ConvExplanation;
    // Rows 1, 3, 5 and columns 0, 2, 4 of a 7×7 map numbered 0…48.
    expect(e.patch[0]).toEqual([
      [7, 9, 11],
      [21, 23, 25],
      [35, 37, 39],
    ]);
    expect(e.sum).toBe(7 + 9 + 11 + 21 + 23 + 25 + 35 + 37 + 39);
  });
});

describe("conv2d dilation gradient", () => {
  it("conv2d d=2 is trainable: d(Σy)/d(kernel[ky,kx,c,o]) = Σ of the input cells it touches (plain loop)", async () => {
    const input = seededArray(6 * 7 * 2, 61);
    const spec: Conv2DSpec = {
      name: "d",
      kind: "conv2d",
      filters: 2,
      kernelSize: 2,
      dilation: 2,
      padding: "same",
    };
    // Extent 3: same padding 1 on every side; output 6×7.
    const grad = await expectNoLeaks(() =>
      tf.tidy(() => {
        const xt = tf.tensor4d(input, [1, 6, 7, 2]);
        const bias = tf.zeros([2]);
        const g = tf.grad((k: tf.Tensor) =>
          tf.sum(conv2d.forward(spec, xt, { kernel: k, bias }, { training: false })),
        );
        return Float32Array.from(g(tf.tensor4d(seededArray(16, 62), [2, 2, 2, 2])).dataSync());
      }),
    );
    const expected = new Float32Array(16);
    for (let ky = 0; ky < 2; ky++)
      for (let kx = 0; kx < 2; kx++)
        for (let c = 0; c < 2; c++)
          for (let o = 0; o < 2; o++) {
            let s = 0;
            for (let oy = 0; oy < 6; oy++)
              for (let ox = 0; ox < 7; ox++) {
                const iy = oy - 1 + 2 * ky;
                const ix = ox - 1 + 2 * kx;
                if (iy >= 0 && iy < 6 && ix >= 0 && ix < 7) s += input[(iy * 7 + ix) * 2 + c];
              }
            expected[((ky * 2 + kx) * 2 + c) * 2 + o] = s;
          }
    expectAllClose(grad, expected, { atol: 1e-5 });
  });
});

describe("conv2d validation", () => {
  const base: Conv2DSpec = {
    name: "conv2",
    kind: "conv2d",
    filters: 256,
    kernelSize: 5,
    padding: 2,
  };
  const invalid: [
    title: string,
    patch: Partial<Conv2DSpec>,
    input: Shape,
    attribute: string,
    text: string,
  ][] = [
    [
      'conv2d groups=5 on 96 channels → SpecError layer "conv2", attribute "groups"',
      { groups: 5 },
      [27, 27, 96],
      "groups",
      "5 does not divide the 96 input channels",
    ],
    [
      "conv2d groups=3 on 96 channels with 256 filters → SpecError on groups naming the filters",
      { groups: 3 },
      [27, 27, 96],
      "groups",
      "3 does not divide the 256 filters",
    ],
    ["conv2d groups=0 → SpecError on groups", { groups: 0 }, [27, 27, 96], "groups", "got 0"],
    [
      "conv2d stride 2 with dilation 2 → SpecError on dilation",
      { strides: 2, dilation: 2 },
      [27, 27, 96],
      "dilation",
      "cannot be combined with strides [2, 2]",
    ],
    [
      "conv2d filters=1.5 → SpecError on filters",
      { filters: 1.5 },
      [27, 27, 96],
      "filters",
      "got 1.5",
    ],
    [
      "conv2d kernelSize=0 → SpecError on kernelSize",
      { kernelSize: 0 },
      [27, 27, 96],
      "kernelSize",
      "got 0",
    ],
    [
      "conv2d k=5 on a 3×3 input, valid → SpecError on kernelSize (does not fit)",
      { padding: "valid" },
      [3, 3, 96],
      "kernelSize",
      "does not fit the 3×3 input",
    ],
    [
      'conv2d padding "full" → SpecError on padding',
      { padding: "full" as unknown as "same" },
      [27, 27, 96],
      "padding",
      '"full"',
    ],
    [
      'conv2d activation "swish" → SpecError on activation',
      { activation: "swish" as unknown as "relu" },
      [27, 27, 96],
      "activation",
      '"swish"',
    ],
  ];
  for (const [title, patch, input, attribute, text] of invalid) {
    it(title, () => {
      expectSpecError(
        () => conv2d.validate({ ...base, ...patch }, input),
        "conv2",
        attribute,
        text,
      );
    });
  }
  it("conv2d on a vector input [84] → SpecError naming the layer", () => {
    expect(() => conv2d.validate(base, [84])).toThrow(/layer "conv2".*\[84\]/);
  });

  const badTables: [
    title: string,
    connections: unknown,
    extra: Partial<Conv2DSpec>,
    text: string,
  ][] = [
    [
      "C3 connections with 15 entries for 16 filters → SpecError on connections",
      TABLE_I.slice(1),
      {},
      "expected 16 entries (one per filter), got 15",
    ],
    [
      "C3 connections entry with channel 6 of 6 → SpecError on connections (out of range)",
      [...TABLE_I.slice(0, 15), [0, 6]],
      {},
      "entry 15",
    ],
    [
      "C3 connections entry listing a channel twice → SpecError on connections",
      [[1, 1], ...TABLE_I.slice(1)],
      {},
      "listed twice",
    ],
    [
      "C3 connections with an empty entry → SpecError on connections",
      [[], ...TABLE_I.slice(1)],
      {},
      "non-empty",
    ],
    [
      "C3 connections together with groups=2 → SpecError on connections",
      TABLE_I,
      { groups: 2 },
      "groups = 2",
    ],
  ];
  for (const [title, connections, extra, text] of badTables) {
    it(title, () => {
      expectSpecError(
        () =>
          conv2d.validate(
            { ...c3(), connections: connections as number[][], ...extra },
            [14, 14, 6],
          ),
        "C3",
        "connections",
        text,
      );
    });
  }
});
