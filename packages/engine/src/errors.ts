/**
 * Typed errors. Every error convstep throws names what was expected and what arrived, so that a
 * widget can show it in place and the CLI can print it on one line.
 */

/** Base class of every error convstep throws on purpose. `code` is stable; `message` is for people. */
export class ConvstepError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = new.target.name;
    this.code = code;
  }
}

/** A model spec is malformed: names the layer and the attribute. */
export class SpecError extends ConvstepError {
  readonly layer: string | undefined;
  readonly attribute: string | undefined;
  constructor(message: string, options: { layer?: string; attribute?: string } = {}) {
    const where = [
      options.layer !== undefined ? `layer "${options.layer}"` : undefined,
      options.attribute !== undefined ? `attribute "${options.attribute}"` : undefined,
    ]
      .filter(Boolean)
      .join(", ");
    super("SPEC", where ? `${where}: ${message}` : message);
    this.layer = options.layer;
    this.attribute = options.attribute;
  }
}

/** Weights are missing, have the wrong shape, hold NaN, or cannot be read: names the tensor. */
export class WeightsError extends ConvstepError {
  readonly tensor: string | undefined;
  constructor(message: string, tensor?: string) {
    super("WEIGHTS", tensor !== undefined ? `weight "${tensor}": ${message}` : message);
    this.tensor = tensor;
  }
}

/** The weights were saved for another model (the model.json's `convstep.model`). */
export class WeightsModelError extends WeightsError {
  /** The model the weights are for ("alexnet-torchvision"). */
  readonly savedFor: string;
  /** The model they were offered to ("alexnet-2012"). */
  readonly model: string;
  constructor(message: string, savedFor: string, model: string) {
    super(message);
    this.savedFor = savedFor;
    this.model = model;
  }
}

/** An input (image, array, position) is not usable for the model. */
export class InputError extends ConvstepError {
  constructor(message: string) {
    super("INPUT", message);
  }
}

/** A backend cannot be used, or cannot do what was asked (e.g. training on wasm). */
export class BackendError extends ConvstepError {
  constructor(message: string) {
    super("BACKEND", message);
  }
}

/** Work was cancelled through an AbortSignal. */
export class AbortError extends ConvstepError {
  constructor(message = "the operation was aborted") {
    super("ABORTED", message);
  }
}

/** Throws an AbortError if the signal has been aborted. */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) {
    const reason: unknown = signal.reason;
    throw reason instanceof AbortError
      ? reason
      : new AbortError(reason instanceof Error ? reason.message : undefined);
  }
}

/** Formats a shape for messages: [1, 28, 28] → "[1, 28, 28]". */
export function formatShape(shape: readonly number[]): string {
  return `[${shape.join(", ")}]`;
}
