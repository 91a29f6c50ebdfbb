/**
 * Resizing of feature maps as Keras' `Resizing` layer (the Keras AlexNet scales 32×32 CIFAR-10
 * images to 224×224): bilinear with half-pixel centres and no antialiasing, or nearest neighbour.
 * An output pixel (y, x) samples the input at src = (dst + 0.5)·in/out − 0.5, clamped to the map;
 * bilinear blends the 2×2 taps around it.
 */
import * as tf from "@tensorflow/tfjs-core";
import { SpecError } from "../errors.js";
import type { ResizingSpec } from "../spec/types.js";
import type { ElementwiseExplanation, InputCell, LayerImpl, Window } from "./layer.js";
import { spatialShape } from "../util/geometry.js";
import { checkNeuron } from "./neuron-index.js";
import { noParams, zeroCounts } from "./weightless.js";

/** The taps of one output coordinate along one axis: lower and upper index, weight of the upper. */
interface AxisTaps {
  readonly src: number;
  readonly lo: number;
  readonly hi: number;
  readonly frac: number;
}

/** Bilinear taps along one axis, half-pixel centres, as TensorFlow (and tfjs) compute them. */
function bilinearTaps(dst: number, inSize: number, outSize: number): AxisTaps {
  const raw = ((dst + 0.5) * inSize) / outSize - 0.5;
  const src = Math.min(Math.max(raw, 0), inSize - 1);
  const lo = Math.floor(src);
  const hi = Math.ceil(src);
  return { src, lo, hi, frac: src - lo };
}

/** Nearest-neighbour source index along one axis, half-pixel centres (TensorFlow's rule). */
function nearestTap(dst: number, inSize: number, outSize: number): number {
  return Math.max(0, Math.min(inSize - 1, Math.floor(((dst + 0.5) * inSize) / outSize)));
}

function interpolationOf(spec: ResizingSpec): "bilinear" | "nearest" {
  return spec.interpolation ?? "bilinear";
}

function checkSize(spec: ResizingSpec, attribute: "height" | "width"): void {
  const v: unknown = spec[attribute];
  if (typeof v !== "number" || !Number.isInteger(v) || v < 1) {
    throw new SpecError(`expected a positive integer, got ${JSON.stringify(v)}`, {
      layer: spec.name,
      attribute,
    });
  }
}

/** Resizing: `tf.image.resizeBilinear(x, [h, w], false, true)` or its nearest-neighbour twin. */
export const resizing: LayerImpl<ResizingSpec> = {
  kind: "resizing",

  validate(spec, inputShape) {
    spatialShape(inputShape, spec.name);
    checkSize(spec, "height");
    checkSize(spec, "width");
    const mode: unknown = spec.interpolation;
    if (mode !== undefined && mode !== "bilinear" && mode !== "nearest") {
      throw new SpecError(`expected "bilinear" or "nearest", got ${JSON.stringify(mode)}`, {
        layer: spec.name,
        attribute: "interpolation",
      });
    }
  },

  outputShape(spec, inputShape) {
    const [, , c] = spatialShape(inputShape, spec.name);
    return [spec.height, spec.width, c];
  },

  params: noParams,
  counts: zeroCounts,

  forward(spec, x) {
    const images = x as tf.Tensor4D;
    const size: [number, number] = [spec.height, spec.width];
    return interpolationOf(spec) === "nearest"
      ? tf.image.resizeNearestNeighbor(images, size, false, true)
      : tf.image.resizeBilinear(images, size, false, true);
  },

  window(spec, inputShape, y, x): Window {
    const [h, w] = spatialShape(inputShape, spec.name);
    if (interpolationOf(spec) === "nearest") {
      const sy = nearestTap(y, h, spec.height);
      const sx = nearestTap(x, w, spec.width);
      return { y0: sy, x0: sx, y1: sy + 1, x1: sx + 1 };
    }
    const ty = bilinearTaps(y, h, spec.height);
    const tx = bilinearTaps(x, w, spec.width);
    return { y0: ty.lo, x0: tx.lo, y1: ty.hi + 1, x1: tx.hi + 1 };
  },

  explain(spec, ctx, at): ElementwiseExplanation {
    const [h, w, c] = spatialShape(ctx.inputShape, spec.name);
    checkNeuron(spec.name, at, [spec.height, spec.width, c], ctx.outputShape);
    const cell = (y: number, x: number): InputCell => ({
      channel: at.channel,
      y,
      x,
      value: ctx.input.data[(y * w + x) * c + at.channel],
      padded: false,
    });

    if (interpolationOf(spec) === "nearest") {
      const source = cell(nearestTap(at.y, h, spec.height), nearestTap(at.x, w, spec.width));
      return {
        type: "elementwise",
        inputs: [source],
        formula: `nearest: input (y ${source.y}, x ${source.x})`,
        terms: { srcY: source.y, srcX: source.x },
        output: source.value,
      };
    }

    const ty = bilinearTaps(at.y, h, spec.height);
    const tx = bilinearTaps(at.x, w, spec.width);
    // The 2×2 taps and their weights; taps that coincide (on an edge or an exact hit) are merged.
    const taps = new Map<string, { cell: InputCell; weight: number }>();
    for (const [y, wy] of [
      [ty.lo, 1 - ty.frac],
      [ty.hi, ty.frac],
    ] as const) {
      for (const [x, wx] of [
        [tx.lo, 1 - tx.frac],
        [tx.hi, tx.frac],
      ] as const) {
        const key = `${y},${x}`;
        const tap = taps.get(key);
        if (tap) taps.set(key, { cell: tap.cell, weight: tap.weight + wy * wx });
        else taps.set(key, { cell: cell(y, x), weight: wy * wx });
      }
    }
    const list = [...taps.values()];
    const terms: Record<string, number> = { srcY: ty.src, srcX: tx.src, dy: ty.frac, dx: tx.frac };
    for (const t of list) terms[`w(${t.cell.y},${t.cell.x})`] = t.weight;
    const output = list.reduce((sum, t) => sum + t.weight * t.cell.value, 0);
    const formula =
      "bilinear: " + list.map((t) => `${round(t.weight)}·a(${t.cell.y},${t.cell.x})`).join(" + ");
    return { type: "elementwise", inputs: list.map((t) => t.cell), formula, terms, output };
  },
};

/** A weight for people: up to 4 decimals, no trailing zeros. */
function round(v: number): string {
  return String(Math.round(v * 1e4) / 1e4);
}
