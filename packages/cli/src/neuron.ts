/** Checking `--channel`, `--y` and `--x` against a layer's output before anything runs. */
import type { CompiledLayer } from "@convstep/engine";
import { UsageError } from "./cli-error.js";

/** A neuron of a layer's output: channel (or unit), row, column. */
export interface NeuronCoordinates {
  readonly channel: number;
  readonly y: number;
  readonly x: number;
}

/** `0 to n−1`, or `0 (the only one)`. */
function range(n: number): string {
  return n === 1 ? "0 (the only one)" : `0 to ${n - 1}`;
}

/**
 * UsageError naming the option, the layer and the valid range when a coordinate lies outside the
 * layer's output (`[h, w, c]`, or `[n]` where only `--channel` may be non-zero).
 */
export function checkNeuron(layer: CompiledLayer, at: NeuronCoordinates): void {
  const shape = layer.outputShape;
  if (shape.length !== 3) {
    const units = shape.reduce((a, b) => a * b, 1);
    if (at.channel >= units) {
      throw new UsageError(
        `--channel ${at.channel} is out of range for layer "${layer.name}" (a vector of ${units} units: ${range(units)})`,
      );
    }
    for (const option of ["y", "x"] as const) {
      if (at[option] !== 0) {
        throw new UsageError(
          `--${option} ${at[option]} is out of range for layer "${layer.name}": its output is a vector of ${units} units, picked with --channel (--y and --x must be 0)`,
        );
      }
    }
    return;
  }
  const [height, width, channels] = shape;
  const check = (option: string, value: number, size: number, noun: string) => {
    if (value >= size) {
      throw new UsageError(
        `--${option} ${value} is out of range for layer "${layer.name}" (${size} ${noun}: ${range(size)})`,
      );
    }
  };
  check("channel", at.channel, channels, "channels");
  check("y", at.y, height, "rows");
  check("x", at.x, width, "columns");
}
