/**
 * The two input shapes layers accept: a feature map `[h, w, c]` or a vector `[n]`, and how a
 * vector is seen as a map (`[1, 1, n]`: one position, n channels).
 */
import { SpecError, formatShape } from "../errors.js";
import type { Shape } from "../spec/types.js";

/** `[h, w, c]` of a feature map, or `[1, 1, n]` for a vector. */
export function asMap(shape: Shape): [number, number, number] {
  return shape.length === 3 ? [shape[0], shape[1], shape[2]] : [1, 1, shape[0]];
}

/** A SpecError naming `layer` unless the input is a feature map `[h, w, c]` or a vector `[n]`. */
export function checkMapOrVector(layer: string, inputShape: Shape): void {
  if (inputShape.length !== 3 && inputShape.length !== 1) {
    throw new SpecError(
      `expects a feature map [height, width, channels] or a vector [units] as input, got shape ${formatShape(inputShape)}`,
      { layer },
    );
  }
}

/** The length of a vector input; a SpecError (attribute `inputs`) when the input is not a vector. */
export function vectorLength(layer: string, inputShape: Shape): number {
  if (inputShape.length !== 1) {
    throw new SpecError(
      `expects a vector [units] as input, got shape ${formatShape(inputShape)}: add a flatten layer before it`,
      { layer, attribute: "inputs" },
    );
  }
  return inputShape[0];
}

/** `outputShape` of a layer whose output has its input's shape (a copy). */
export function sameShape(_spec: unknown, inputShape: Shape): Shape {
  return [...inputShape];
}
