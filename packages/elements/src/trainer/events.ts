/** The events of cs-trainer. */
import type { EpochRecord, SavedWeights } from "@convstep/engine";
import type { TrainerModel } from "./protocol.js";

/**
 * A run finished: its weights as a TensorFlow.js weights manifest with the shard (what
 * `saveWeights` writes), ready for `explorer.useWeights(event.weights)`.
 */
export class CsTrainedEvent extends Event {
  static readonly type = "cs-trained";
  constructor(
    readonly model: TrainerModel,
    readonly weights: SavedWeights,
    readonly history: readonly EpochRecord[],
  ) {
    super(CsTrainedEvent.type, { bubbles: true, composed: true });
  }
}

/** A trainer's or race's run changed state (`running`, `paused`, `done`, …). */
export class CsTrainStateEvent extends Event {
  static readonly type = "cs-train-state";
  constructor(readonly state: string) {
    super(CsTrainStateEvent.type, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    "cs-train-state": CsTrainStateEvent;
    "cs-trained": CsTrainedEvent;
  }
}
