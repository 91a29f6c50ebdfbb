/**
 * The messages between a page and its training worker (training.worker.ts). Plain, structured-
 * cloneable objects; weights travel as a tfjs weights manifest with its binary shard (transferred).
 */
import type {
  EpochRecord,
  RaceOptions,
  RacePoint,
  RaceResult,
  SavedWeights,
  TrainProgress,
} from "@convstep/engine";
import type { TrainingBackend, TrainingBackendChoice } from "./backend-choice.js";

/** The LeNet-5s the trainer trains. */
export type TrainerModel = "lenet5-keras" | "lenet5-1998";

export type { TrainingBackendChoice };

/** A training run's settings (checked in the page before they are sent). */
export interface TrainRequest {
  readonly type: "train";
  readonly model: TrainerModel;
  readonly learningRate: number;
  readonly batchSize: number;
  readonly epochs: number;
  readonly seed: number;
  /** Train on the first `digits` of the training file. */
  readonly digits: number;
  /** Measure on the first `heldOut` of the test file after every epoch (0: none). */
  readonly heldOut: number;
  readonly trainUrl: string;
  readonly testUrl: string;
  /** The test digit whose C1 maps are drawn. */
  readonly example: number;
  readonly backend: TrainingBackendChoice;
}

/** The ReLU-versus-tanh experiment's settings. */
export interface RaceRequest {
  readonly type: "race";
  readonly options: Omit<RaceOptions, "signal" | "gate" | "onProgress" | "onPoint">;
  readonly digits: number;
  readonly trainUrl: string;
  readonly backend: TrainingBackendChoice;
}

/** Page → worker. */
export type ToWorker =
  | TrainRequest
  | RaceRequest
  | { readonly type: "pause" }
  | { readonly type: "resume" }
  /** Stops the run (it frees its tensors) and answers `stopped`. */
  | { readonly type: "stop" }
  /** Answered with `memory`. */
  | { readonly type: "memory" };

/** C1 as it learns: kernels `[k, k, 1, maps]` and the example's maps `[h, w, maps]`. */
export interface Snapshot {
  readonly kernels: Float32Array;
  readonly kernelSize: number;
  readonly maps: Float32Array;
  readonly mapSize: number;
  readonly count: number;
}

/** Worker → page. */
export type FromWorker =
  | { readonly type: "backend"; readonly choice: TrainingBackend }
  | { readonly type: "progress"; readonly progress: TrainProgress; readonly elapsed: number }
  | { readonly type: "epoch"; readonly record: EpochRecord }
  | { readonly type: "snapshot"; readonly snapshot: Snapshot }
  | { readonly type: "paused" }
  | { readonly type: "done"; readonly weights: SavedWeights; readonly history: EpochRecord[] }
  | {
      readonly type: "race-progress";
      readonly activation: "relu" | "tanh";
      readonly progress: TrainProgress;
    }
  | { readonly type: "race-point"; readonly activation: "relu" | "tanh"; readonly point: RacePoint }
  | { readonly type: "race-done"; readonly result: RaceResult }
  | { readonly type: "error"; readonly message: string; readonly code: string }
  | { readonly type: "stopped"; readonly numTensors: number }
  | { readonly type: "memory"; readonly numTensors: number };
