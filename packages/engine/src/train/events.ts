/**
 * What a training run reports: after every batch a {@link TrainProgress}, after every epoch an
 * {@link EpochRecord}; as plain objects to callbacks, or as events on an `EventTarget`.
 */

/** Reported after each batch. */
export interface TrainProgress {
  /** Epoch, from 0. */
  readonly epoch: number;
  readonly epochs: number;
  /** Batch within the epoch, from 0. */
  readonly batch: number;
  readonly batches: number;
  /** The batch's mean loss. */
  readonly loss: number;
  /** The batch's accuracy (0–1), before this batch's update. */
  readonly accuracy: number;
  /** Mean loss and accuracy of the epoch's batches so far. */
  readonly epochLoss: number;
  readonly epochAccuracy: number;
  /** Training samples per second over the epoch so far. */
  readonly samplesPerSecond: number;
  /** The learning rate of this epoch. */
  readonly learningRate: number;
}

/** Reported after each epoch; the run's history is a list of these. */
export interface EpochRecord {
  readonly epoch: number;
  /** Mean training loss and accuracy over the epoch's batches. */
  readonly loss: number;
  readonly accuracy: number;
  /** On `validation` data, when given, after the epoch. */
  readonly validationLoss?: number;
  readonly validationAccuracy?: number;
  readonly learningRate: number;
  /** Wall-clock seconds of the epoch's training (validation excluded). */
  readonly seconds: number;
  readonly samplesPerSecond: number;
}

/** Dispatched after each batch. */
export class TrainProgressEvent extends Event {
  /** The event's fixed name. */
  static readonly eventName = "train-progress";
  constructor(readonly progress: TrainProgress) {
    super(TrainProgressEvent.eventName);
  }
}

/** Dispatched after each epoch. */
export class TrainEpochEvent extends Event {
  /** The event's fixed name. */
  static readonly eventName = "train-epoch";
  constructor(readonly record: EpochRecord) {
    super(TrainEpochEvent.eventName);
  }
}
