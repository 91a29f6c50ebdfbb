/**
 * The ReLU-versus-tanh experiment after Krizhevsky et al. 2012, Figure 1: the same small CNN,
 * the same seed, digits and schedule, trained once with ReLU and once with tanh; the training
 * error against epochs, and how many steps each needs to reach 25 %.
 */
import { compileModel } from "../model/compile.js";
import type { LabelledSet } from "../train/dataset.js";
import type { TrainProgress } from "../train/events.js";
import { train } from "../train/train.js";
import { checkHyperparameters } from "./hyperparameters.js";
import { RACE_NETWORK_SUMMARY, raceNetworkSpec, type RaceActivation } from "./race-network.js";

/** The paper's claim, for reports next to the measured numbers. */
export const PAPER_CLAIM = {
  source: "Krizhevsky, Sutskever & Hinton 2012, Figure 1",
  claim:
    "A four-layer CNN with ReLUs reaches 25 % training error on CIFAR-10 six times faster than " +
    "the same network with tanh neurons (learning rates chosen separately for each, no regularisation).",
  ratio: 6,
  target: 0.25,
} as const;

/** How the two runs train (both the same). */
export interface RaceOptions {
  /** Seeds the initial weights and the order of the digits. Default 1. */
  readonly seed?: number;
  /** Default 2. */
  readonly epochs?: number;
  /** Default 32. */
  readonly batchSize?: number;
  /** Plain SGD, no momentum. Default 0.1. */
  readonly learningRate?: number;
  /** The training error to reach. Default 0.25. */
  readonly target?: number;
  /** Points on each curve per epoch. Default 10. */
  readonly pointsPerEpoch?: number;
  readonly signal?: AbortSignal;
  /** Awaited before every batch (pause). */
  readonly gate?: () => void | Promise<void>;
  /** After every batch of either run. */
  readonly onProgress?: (activation: RaceActivation, progress: TrainProgress) => void;
  /** After every point of either curve. */
  readonly onPoint?: (activation: RaceActivation, point: RacePoint) => void;
}

/** The defaults of {@link RaceOptions}. */
export const RACE_DEFAULTS = {
  seed: 1,
  epochs: 2,
  batchSize: 32,
  learningRate: 0.1,
  target: 0.25,
  pointsPerEpoch: 10,
} as const;

/**
 * The digits the experiment trains on by default: the first 2,000 of the 3,000 shipped (200 of
 * each class), so that the command finishes well under a minute on two CPU cores.
 */
export const RACE_DIGITS = 2000;

/** One point of a curve: the training error over the batches since the previous point. */
export interface RacePoint {
  /** Epochs done, fractional (2.5: half-way through the third). */
  readonly epoch: number;
  /** Updates done. */
  readonly step: number;
  /** Fraction of those batches' digits misclassified (before each batch's update), 0–1. */
  readonly error: number;
}

/** One run of the race. */
export interface RaceRun {
  readonly activation: RaceActivation;
  readonly curve: readonly RacePoint[];
  /** The first point at or below the target, or null when the run never got there. */
  readonly reached: { readonly epoch: number; readonly step: number } | null;
  readonly finalError: number;
  readonly seconds: number;
}

/** What {@link runActivationRace} returns (JSON-ready). */
export interface RaceResult {
  readonly experiment: "relu-vs-tanh";
  readonly config: {
    readonly seed: number;
    readonly epochs: number;
    readonly batchSize: number;
    readonly learningRate: number;
    readonly optimizer: "sgd";
    readonly digits: number;
    readonly target: number;
    readonly network: string;
  };
  readonly runs: readonly [RaceRun, RaceRun];
  /** tanh's steps (and epochs) to the target over ReLU's; null unless both reached it. */
  readonly ratio: number | null;
  readonly paper: typeof PAPER_CLAIM;
}

/**
 * Trains the race network with ReLU, then with tanh, from the same seed on the same digits with
 * the same schedule (plain SGD), and measures when each reaches the target training error.
 * Deterministic for a seed on one backend. InputError for unusable hyper-parameters.
 */
export async function runActivationRace(
  data: LabelledSet,
  options: RaceOptions = {},
): Promise<RaceResult> {
  const o = { ...RACE_DEFAULTS, ...options };
  const count = data.labels.length;
  checkHyperparameters(o, count);
  const batches = Math.ceil(count / o.batchSize);
  const perPoint = Math.max(1, Math.ceil(batches / o.pointsPerEpoch));
  const runs: RaceRun[] = [];
  for (const activation of ["relu", "tanh"] as const) {
    const model = compileModel(raceNetworkSpec(activation));
    const curve: RacePoint[] = [];
    let wrong = 0;
    let seen = 0;
    const start = performance.now();
    const { weights } = await train(model, data, {
      epochs: o.epochs,
      batchSize: o.batchSize,
      optimizer: "sgd",
      learningRate: o.learningRate,
      seed: o.seed,
      signal: o.signal,
      gate: o.gate,
      onProgress: (p) => {
        const n = Math.min(o.batchSize, count - p.batch * o.batchSize);
        wrong += Math.round((1 - p.accuracy) * n);
        seen += n;
        const step = p.epoch * batches + p.batch + 1;
        if ((p.batch + 1) % perPoint === 0 || p.batch + 1 === batches) {
          const point = { epoch: p.epoch + (p.batch + 1) / batches, step, error: wrong / seen };
          curve.push(point);
          o.onPoint?.(activation, point);
          wrong = 0;
          seen = 0;
        }
        o.onProgress?.(activation, p);
      },
    });
    for (const t of weights.values()) t.dispose();
    const hit = curve.find((p) => p.error <= o.target);
    runs.push({
      activation,
      curve,
      reached: hit ? { epoch: hit.epoch, step: hit.step } : null,
      finalError: curve[curve.length - 1].error,
      seconds: (performance.now() - start) / 1000,
    });
  }
  const [relu, tanh] = runs;
  return {
    experiment: "relu-vs-tanh",
    config: {
      seed: o.seed,
      epochs: o.epochs,
      batchSize: o.batchSize,
      learningRate: o.learningRate,
      optimizer: "sgd",
      digits: count,
      target: o.target,
      network: RACE_NETWORK_SUMMARY,
    },
    runs: [relu, tanh],
    ratio: relu.reached && tanh.reached ? tanh.reached.step / relu.reached.step : null,
    paper: PAPER_CLAIM,
  };
}
