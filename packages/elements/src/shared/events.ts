/**
 * The events the elements fire: small classes with fixed names that bubble and cross shadow
 * roots, declared in `GlobalEventHandlersEventMap` so listeners get their types.
 */
import type { Granularity, StepPosition } from "@convstep/engine";

/** Base of every convstep event: bubbles and composes. */
abstract class CsEvent extends Event {
  constructor(type: string) {
    super(type, { bubbles: true, composed: true });
  }
}

/** The player (or a widget) moved the cursor. */
export class CsStepEvent extends CsEvent {
  static readonly type = "cs-step";
  constructor(
    readonly position: StepPosition,
    readonly stepIndex: number,
    readonly granularity: Granularity,
  ) {
    super(CsStepEvent.type);
  }
}

/** Playback started or stopped. */
export class CsPlayEvent extends CsEvent {
  static readonly type = "cs-play";
  constructor(readonly playing: boolean) {
    super(CsPlayEvent.type);
  }
}

/** The reader focused a layer (network view) or an output map (connection table). */
export class CsFocusLayerEvent extends CsEvent {
  static readonly type = "cs-focus-layer";
  constructor(
    readonly layer: string,
    readonly channel?: number,
  ) {
    super(CsFocusLayerEvent.type);
  }
}

/** A new model input is ready (a drawn or picked digit, after preprocessing). */
export class CsInputEvent extends CsEvent {
  static readonly type = "cs-input";
  constructor(
    /** The preprocessed input, in the model's layout (e.g. 28×28 values in [0, 1]). */
    readonly data: Float32Array,
    readonly shape: readonly number[],
    /** Where it came from: "draw" or "sample". */
    readonly source: "draw" | "sample" | "file",
    /** The true label, for a bundled sample. */
    readonly label?: number,
  ) {
    super(CsInputEvent.type);
  }
}

/** A neuron was picked (hover/click on a feature map). */
export class CsNeuronEvent extends CsEvent {
  static readonly type = "cs-neuron";
  constructor(
    readonly layer: string,
    readonly channel: number,
    readonly y: number,
    readonly x: number,
    readonly value: number,
  ) {
    super(CsNeuronEvent.type);
  }
}

/** A widget failed (bad weights URL, unusable input, lost WebGL context); shown in place too. */
export class CsErrorEvent extends CsEvent {
  static readonly type = "cs-error";
  constructor(readonly error: unknown) {
    super(CsErrorEvent.type);
  }
}

/** Weights are arriving (an explorer loading a `weights` URL): bytes read of the total. */
export class CsProgressEvent extends CsEvent {
  static readonly type = "cs-progress";
  constructor(
    /** Shard bytes read so far. */
    readonly loadedBytes: number,
    /** Bytes the manifest's tensors need. */
    readonly totalBytes: number,
    /** Shards read completely, of `shards`. */
    readonly shardsLoaded: number,
    readonly shards: number,
  ) {
    super(CsProgressEvent.type);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    "cs-step": CsStepEvent;
    "cs-play": CsPlayEvent;
    "cs-focus-layer": CsFocusLayerEvent;
    "cs-input": CsInputEvent;
    "cs-neuron": CsNeuronEvent;
    "cs-error": CsErrorEvent;
    "cs-progress": CsProgressEvent;
  }
}
