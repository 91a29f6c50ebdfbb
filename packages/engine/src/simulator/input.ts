/** Turning what a caller passes as an input image into a batched float32 tensor for the model. */
import * as tf from "@tensorflow/tfjs-core";
import { InputError, formatShape } from "../errors.js";
import type { CompiledModel } from "../model/compile.js";
import { sizeOf } from "../util/geometry.js";

/**
 * An input image: nested arrays `[h][w][c]` (or `[h][w]` when the model has one channel), a flat
 * Float32Array of the model's input size (row-major, channels last), or a tf.Tensor of the input
 * shape (with or without a batch of one).
 */
export type SimulatorInput = number[][][] | number[][] | Float32Array | tf.Tensor;

function nestedShape(value: unknown): number[] {
  const shape: number[] = [];
  let level: unknown = value;
  while (Array.isArray(level)) {
    shape.push(level.length);
    level = level[0];
  }
  return shape;
}

function flattenNested(model: CompiledModel, input: unknown[]): Float32Array {
  const want = model.inputShape;
  const got = nestedShape(input);
  const oneChannel = want.length === 3 && want[2] === 1;
  const depth = got.length;
  const fits =
    (depth === want.length && got.every((d, i) => d === want[i])) ||
    (oneChannel && depth === 2 && got[0] === want[0] && got[1] === want[1]);
  if (!fits) {
    throw new InputError(
      `model "${model.spec.name}" expects nested arrays of shape ${formatShape(want)}` +
        `${oneChannel ? ` (or ${formatShape(want.slice(0, 2))})` : ""}, got ${formatShape(got)}`,
    );
  }
  const out = new Float32Array(sizeOf(want));
  let k = 0;
  const walk = (value: unknown, level: number, path: number[]): void => {
    if (level === depth) {
      if (typeof value !== "number" || !Number.isFinite(value)) {
        throw new InputError(
          `input[${path.join("][")}]: expected a finite number, got ${JSON.stringify(value) ?? String(value)}`,
        );
      }
      out[k++] = value;
      return;
    }
    if (!Array.isArray(value) || value.length !== got[level]) {
      throw new InputError(
        `input[${path.join("][")}]: expected an array of ${got[level]}, got ${
          Array.isArray(value) ? `an array of ${value.length}` : typeof value
        } (ragged nested arrays)`,
      );
    }
    for (let i = 0; i < value.length; i++) walk(value[i], level + 1, [...path, i]);
  };
  walk(input, 0, []);
  return out;
}

function checkFlat(model: CompiledModel, input: Float32Array): Float32Array {
  const want = sizeOf(model.inputShape);
  if (input.length !== want) {
    throw new InputError(
      `model "${model.spec.name}" expects a Float32Array of ${want} values (${formatShape(model.inputShape)}), got ${input.length}`,
    );
  }
  const bad = input.findIndex((v) => !Number.isFinite(v));
  if (bad >= 0) throw new InputError(`input[${bad}]: expected a finite number, got ${input[bad]}`);
  return input;
}

/**
 * A new batched float32 tensor `[1, ...inputShape]` owned by the caller. A tensor argument is
 * copied (the caller keeps and disposes its own). InputError names the expected and actual shape.
 */
export function toInputTensor(model: CompiledModel, input: SimulatorInput): tf.Tensor {
  const shape = [1, ...model.inputShape];
  if (input instanceof tf.Tensor) {
    const want = model.inputShape;
    const got = input.shape;
    const same = (a: readonly number[]) =>
      a.length === want.length && a.every((d, i) => d === want[i]);
    if (!(same(got) || (got.length === want.length + 1 && got[0] === 1 && same(got.slice(1))))) {
      throw new InputError(
        `model "${model.spec.name}" expects a tensor of shape ${formatShape(want)} or ${formatShape(shape)}, got ${formatShape(got)}`,
      );
    }
    return tf.tidy(() =>
      tf.reshape(input.dtype === "float32" ? input : tf.cast(input, "float32"), shape),
    );
  }
  if (input instanceof Float32Array) return tf.tensor(checkFlat(model, input), shape, "float32");
  if (Array.isArray(input)) return tf.tensor(flattenNested(model, input), shape, "float32");
  throw new InputError(
    `expected nested arrays, a Float32Array or a tf.Tensor as input, got ${input === null ? "null" : typeof input}`,
  );
}
