/**
 * 2-D convolution: valid, same (TensorFlow's rule) or explicit zero padding, strides, dilation,
 * grouped convolution (AlexNet's two GPUs) and partial connectivity (LeNet-5's C3, Table I).
 *
 * Weights (Keras layout): `kernel` [kh, kw, in/groups, filters], `bias` [filters].
 */
import * as tf from "@tensorflow/tfjs-core";
import { SpecError } from "../errors.js";
import type { Conv2DSpec, Shape } from "../spec/types.js";
import {
  dilatedExtent,
  outputLength,
  resolvePadding,
  size2,
  spatialShape,
  type Pads,
} from "../util/geometry.js";
import { ACTIVATIONS, activate, activateScalar, isActivation, softmaxAt } from "./activations.js";
import {
  connectionMask,
  linksPerOutput,
  outputsPerInput,
  validateConnections,
} from "./connection-table.js";
import { downloadedWeight, inputMap } from "./explain-arrays.js";
import type { ConvExplanation, LayerCounts, LayerImpl, ParamSpec, Window } from "./layer.js";
import { checkWindowNeuron } from "./neuron-index.js";
import { stridedWindow } from "./window2d.js";

/** Every size of a convolution, resolved to numbers. */
interface ConvGeometry {
  readonly inH: number;
  readonly inW: number;
  readonly inC: number;
  readonly kh: number;
  readonly kw: number;
  readonly strides: [number, number];
  readonly dilation: [number, number];
  /** Extent of the kernel on the input after dilation. */
  readonly kEffH: number;
  readonly kEffW: number;
  readonly pads: Pads;
  readonly outH: number;
  readonly outW: number;
  readonly filters: number;
  readonly groups: number;
  /** Input channels each filter sees (the kernel's third axis). */
  readonly inPerGroup: number;
  readonly outPerGroup: number;
}

function fail(spec: Conv2DSpec, attribute: string, message: string): never {
  throw new SpecError(message, { layer: spec.name, attribute });
}

function positiveInteger(spec: Conv2DSpec, attribute: string, value: unknown): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < 1) {
    fail(spec, attribute, `expected a positive integer, got ${JSON.stringify(value)}`);
  }
  return value;
}

/** Resolves sizes; throws SpecError for malformed sizes, strides, dilation, padding or input. */
function geometry(spec: Conv2DSpec, inputShape: Shape): ConvGeometry {
  const [inH, inW, inC] = spatialShape(inputShape, spec.name);
  const filters = positiveInteger(spec, "filters", spec.filters);
  const groups = positiveInteger(spec, "groups", spec.groups ?? 1);
  const [kh, kw] = size2(spec.kernelSize, spec.name, "kernelSize");
  const strides = size2(spec.strides ?? 1, spec.name, "strides");
  const dilation = size2(spec.dilation ?? 1, spec.name, "dilation");
  const kEffH = dilatedExtent(kh, dilation[0]);
  const kEffW = dilatedExtent(kw, dilation[1]);
  const pads = resolvePadding(
    spec.padding ?? "valid",
    [inH, inW],
    [kEffH, kEffW],
    strides,
    spec.name,
  );
  return {
    inH,
    inW,
    inC,
    kh,
    kw,
    strides,
    dilation,
    kEffH,
    kEffW,
    pads,
    outH: outputLength(inH, pads.top, pads.bottom, kEffH, strides[0]),
    outW: outputLength(inW, pads.left, pads.right, kEffW, strides[1]),
    filters,
    groups,
    inPerGroup: Math.floor(inC / groups),
    outPerGroup: Math.floor(filters / groups),
  };
}

/** Kernel links (weights actually used) of each output map. */
function links(spec: Conv2DSpec, g: ConvGeometry): number[] {
  return spec.connections
    ? linksPerOutput(spec.connections, g.kh, g.kw)
    : new Array<number>(g.filters).fill(g.kh * g.kw * g.inPerGroup);
}

/** The input channels that feed output map `o`, ascending (group and table respected). */
function linkedChannels(spec: Conv2DSpec, g: ConvGeometry, o: number): number[] {
  if (spec.connections) return [...spec.connections[o]].sort((a, b) => a - b);
  const first = Math.floor(o / g.outPerGroup) * g.inPerGroup;
  return Array.from({ length: g.inPerGroup }, (_, i) => first + i);
}

/**
 * Inserts `d − 1` zero rows (columns) between kernel rows (columns), so that a dilated convolution
 * runs as a plain one. tfjs has no gradient for Conv2D with dilation > 1; pad/reshape/slice do,
 * so this keeps dilated layers trainable (at the cost of multiplying by the inserted zeros).
 */
function dilateKernel(kernel: tf.Tensor4D, dH: number, dW: number): tf.Tensor4D {
  const [kh, kw, ci, co] = kernel.shape;
  let k: tf.Tensor = kernel;
  if (dH > 1) {
    // [kh, 1, kw·ci·co] → [kh, dH, …] → [kh·dH, …] → first (kh − 1)·dH + 1 rows.
    const rows = tf.pad(tf.reshape(k, [kh, 1, kw * ci * co]), [
      [0, 0],
      [0, dH - 1],
      [0, 0],
    ]);
    k = tf.slice(tf.reshape(rows, [kh * dH, kw * ci * co]), [0, 0], [dilatedExtent(kh, dH), -1]);
  }
  const khEff = dilatedExtent(kh, dH);
  if (dW > 1) {
    const cols = tf.pad(tf.reshape(k, [khEff * kw, 1, ci * co]), [
      [0, 0],
      [0, dW - 1],
      [0, 0],
    ]);
    k = tf.slice(
      tf.reshape(cols, [khEff, kw * dW, ci * co]),
      [0, 0, 0],
      [-1, dilatedExtent(kw, dW), -1],
    );
  }
  return tf.reshape(k, [khEff, dilatedExtent(kw, dW), ci, co]);
}

/** tfjs padding argument: the string for valid/same, else `[[0,0],[t,b],[l,r],[0,0]]`. */
function tfPadding(
  spec: Conv2DSpec,
  pads: Pads,
): "valid" | "same" | [[number, number], [number, number], [number, number], [number, number]] {
  if (spec.padding === undefined || spec.padding === "valid" || spec.padding === "same") {
    return spec.padding ?? "valid";
  }
  return [
    [0, 0],
    [pads.top, pads.bottom],
    [pads.left, pads.right],
    [0, 0],
  ];
}

/** Window of output (y, x) in input coordinates (may extend into the padding). */
function windowAt(g: ConvGeometry, y: number, x: number): Window {
  return stridedWindow(y, x, [g.kEffH, g.kEffW], g.strides, g.pads);
}

/** The 2-D convolution layer. */
export const conv2d: LayerImpl<Conv2DSpec> = {
  kind: "conv2d",

  validate(spec, inputShape) {
    const g = geometry(spec, inputShape);
    const strided = g.strides[0] > 1 || g.strides[1] > 1;
    if (strided && (g.dilation[0] > 1 || g.dilation[1] > 1)) {
      fail(
        spec,
        "dilation",
        `dilation [${g.dilation.join(", ")}] cannot be combined with strides [${g.strides.join(", ")}]: TensorFlow.js needs a stride of 1 or a dilation of 1`,
      );
    }
    if (g.inC % g.groups !== 0) {
      fail(spec, "groups", `${g.groups} does not divide the ${g.inC} input channels`);
    }
    if (g.filters % g.groups !== 0) {
      fail(spec, "groups", `${g.groups} does not divide the ${g.filters} filters`);
    }
    if (spec.connections !== undefined) {
      if (g.groups > 1) {
        fail(
          spec,
          "connections",
          `a connection table cannot be combined with groups = ${g.groups}`,
        );
      }
      validateConnections(spec.connections, g.inC, g.filters, spec.name);
    }
    if (spec.activation !== undefined && !isActivation(spec.activation)) {
      fail(
        spec,
        "activation",
        `expected one of ${ACTIVATIONS.join(", ")}, got ${JSON.stringify(spec.activation)}`,
      );
    }
    if (spec.useBias !== undefined && typeof spec.useBias !== "boolean") {
      fail(spec, "useBias", `expected true or false, got ${JSON.stringify(spec.useBias)}`);
    }
    if (g.outH < 1 || g.outW < 1) {
      fail(
        spec,
        "kernelSize",
        `the ${g.kEffH}×${g.kEffW} window does not fit the ${g.inH}×${g.inW} input padded by ` +
          `[${g.pads.top}, ${g.pads.bottom}, ${g.pads.left}, ${g.pads.right}]`,
      );
    }
  },

  outputShape(spec, inputShape) {
    const g = geometry(spec, inputShape);
    return [g.outH, g.outW, g.filters];
  },

  params(spec, inputShape) {
    const g = geometry(spec, inputShape);
    const perMap = links(spec, g);
    const total = perMap.reduce((a, b) => a + b, 0);
    // Fans count real links only: with a table, the average links into an output map and out of an
    // input channel.
    const fanIn = spec.connections ? total / g.filters : g.kh * g.kw * g.inPerGroup;
    const fanOut = spec.connections
      ? (g.kh * g.kw * outputsPerInput(spec.connections, g.inC).reduce((a, b) => a + b, 0)) / g.inC
      : (g.kh * g.kw * g.filters) / g.groups;
    const kernel: ParamSpec = {
      name: "kernel",
      shape: [g.kh, g.kw, g.inPerGroup, g.filters],
      trainable: true,
      initializer: spec.kernelInitializer ?? "glorot-uniform",
      fanIn,
      fanOut,
      ...(spec.connections
        ? { mask: connectionMask(spec.connections, g.kh, g.kw, g.inC, g.filters) }
        : {}),
    };
    if (spec.useBias === false) return [kernel];
    // The bias shares the kernel's fans, so that LeCun's ±2.4/F_i scheme can cover it too.
    const bias: ParamSpec = {
      name: "bias",
      shape: [g.filters],
      trainable: true,
      initializer: spec.biasInitializer ?? "zeros",
      fanIn,
      fanOut,
    };
    return [kernel, bias];
  },

  counts(spec, inputShape): LayerCounts {
    const g = geometry(spec, inputShape);
    const perMap = links(spec, g);
    const kernelLinks = perMap.reduce((a, b) => a + b, 0);
    const biases = spec.useBias === false ? 0 : g.filters;
    const positions = g.outH * g.outW;
    return {
      trainable: kernelLinks + biases,
      nonTrainable: 0,
      // LeCun et al.: every output neuron's links, its bias counting as one.
      connections: (kernelLinks + biases) * positions,
      macs: kernelLinks * positions,
    };
  },

  forward(spec, x, weights) {
    return tf.tidy(() => {
      const g = geometry(spec, x.shape.slice(1));
      let kernel = weights.kernel as tf.Tensor4D;
      if (spec.connections) {
        const mask = connectionMask(spec.connections, g.kh, g.kw, g.inC, g.filters);
        // kernel × mask: cut links contribute nothing and receive a zero gradient.
        kernel = tf.mul(kernel, tf.tensor4d(mask, [g.kh, g.kw, g.inC, g.filters]));
      }
      if (g.dilation[0] > 1 || g.dilation[1] > 1) {
        kernel = dilateKernel(kernel, g.dilation[0], g.dilation[1]);
      }
      const pad = tfPadding(spec, g.pads);
      const x4 = x as tf.Tensor4D;
      let y: tf.Tensor4D;
      if (g.groups === 1) {
        y = tf.conv2d(x4, kernel, g.strides, pad) as tf.Tensor4D;
      } else {
        // tfjs has no grouped convolution: one convolution per group, then concatenate.
        const xs = tf.split(x4, g.groups, 3) as tf.Tensor4D[];
        const ks = tf.split(kernel, g.groups, 3) as tf.Tensor4D[];
        y = tf.concat(
          xs.map((xi, i) => tf.conv2d(xi, ks[i], g.strides, pad)),
          3,
        );
      }
      const z = spec.useBias === false ? y : tf.add(y, weights.bias);
      return activate(z, spec.activation ?? "linear");
    });
  },

  window(spec, inputShape, y, x) {
    return windowAt(geometry(spec, inputShape), y, x);
  },

  explain(spec, ctx, at): ConvExplanation {
    const g = geometry(spec, ctx.inputShape);
    checkWindowNeuron(spec.name, at, g.outH, g.outW, g.filters);
    const input = inputMap(spec.name, ctx, g.inH, g.inW, g.inC);
    const kernel = downloadedWeight(
      spec.name,
      ctx,
      "kernel",
      g.kh * g.kw * g.inPerGroup * g.filters,
    );
    const bias =
      spec.useBias === false ? undefined : downloadedWeight(spec.name, ctx, "bias", g.filters);
    const win = windowAt(g, at.y, at.x);
    const activation = spec.activation ?? "linear";

    const neuron = (o: number) => {
      const group = Math.floor(o / g.outPerGroup);
      const channels = linkedChannels(spec, g, o);
      const patch: number[][][] = [];
      const kslice: number[][][] = [];
      const products: number[][][] = [];
      let sum = 0;
      for (const c of channels) {
        const local = c - group * g.inPerGroup;
        const pc: number[][] = [];
        const kc: number[][] = [];
        const prc: number[][] = [];
        for (let ky = 0; ky < g.kh; ky++) {
          const pr: number[] = [];
          const kr: number[] = [];
          const prr: number[] = [];
          const iy = win.y0 + ky * g.dilation[0];
          for (let kx = 0; kx < g.kw; kx++) {
            const ix = win.x0 + kx * g.dilation[1];
            const inside = iy >= 0 && iy < g.inH && ix >= 0 && ix < g.inW;
            const v = inside ? input[(iy * g.inW + ix) * g.inC + c] : 0;
            const w = kernel[((ky * g.kw + kx) * g.inPerGroup + local) * g.filters + o];
            pr.push(v);
            kr.push(w);
            prr.push(v * w);
            sum += v * w;
          }
          pc.push(pr);
          kc.push(kr);
          prc.push(prr);
        }
        patch.push(pc);
        kslice.push(kc);
        products.push(prc);
      }
      const b = bias ? bias[o] : 0;
      return { group, channels, patch, kslice, products, sum, bias: b, pre: sum + b };
    };

    const n = neuron(at.channel);
    let output: number;
    if (activation === "softmax") {
      const logits = Array.from({ length: g.filters }, (_, o) =>
        o === at.channel ? n.pre : neuron(o).pre,
      );
      output = softmaxAt(logits, at.channel);
    } else {
      output = activateScalar(n.pre, activation);
    }
    return {
      type: "conv",
      window: win,
      inputChannels: n.channels,
      patch: n.patch,
      kernel: n.kslice,
      products: n.products,
      sum: n.sum,
      bias: n.bias,
      group: g.groups > 1 ? n.group : 0,
      activation,
      preActivation: n.pre,
      output,
    };
  },
};
