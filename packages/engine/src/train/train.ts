/**
 * Training a compiled model in the engine: mini-batch gradient descent (SGD, SGD with momentum, or
 * Adam from tfjs-core's `tf.train`), seeded shuffling and augmentation, progress after every batch,
 * cancellation by AbortSignal. Masked weights (LeNet's C3 table) stay exactly zero.
 */
import * as tf from "@tensorflow/tfjs-core";
import { InputError, throwIfAborted } from "../errors.js";
import type { CompiledModel } from "../model/compile.js";
import type { WeightSet } from "../model/forward.js";
import { yieldToEventLoop } from "../simulator/yield.js";
import { initWeights } from "../weights/init.js";
import type { Augment } from "./augment.js";
import { checkTrainingBackend, ensureGradients } from "./backend-check.js";
import { installFastCpuConvFilterGradient } from "./cpu-conv-grad.js";
import {
  checkLabelledSet,
  classCount,
  gatherBatch,
  sampleSize,
  type LabelledSet,
} from "./dataset.js";
import { DivergedError } from "./diverged.js";
import { DEFAULT_RBF_J, evaluate } from "./evaluate.js";
import {
  TrainEpochEvent,
  TrainProgressEvent,
  type EpochRecord,
  type TrainProgress,
} from "./events.js";
import { rbfMapLoss, softmaxCrossEntropy } from "./losses.js";
import { outputKind, trainingOutput } from "./outputs.js";
import { mulberry32, permutation } from "./random.js";

/** The optimisers, from tfjs-core's `tf.train`. */
export type OptimizerName = "sgd" | "momentum" | "adam";

/** Options of {@link train}. */
export interface TrainOptions {
  /** Passes over the training data. */
  readonly epochs: number;
  /** Samples per update. Default 32. */
  readonly batchSize?: number;
  /** Default `adam`. */
  readonly optimizer?: OptimizerName;
  /**
   * A number, or a function of the epoch (from 0) for a schedule. Default 0.001 for Adam, 0.01
   * for SGD and momentum.
   */
  readonly learningRate?: number | ((epoch: number) => number);
  /** Momentum's coefficient (default 0.9) or Adam's β1 (default 0.9). */
  readonly momentum?: number;
  /** Seeds the shuffling, the augmentation and (without `weights`) the initialisation. Default 0. */
  readonly seed?: number;
  /** Starting weights (copied, never changed). Default: `initWeights(model, { seed })`. */
  readonly weights?: WeightSet;
  /** Changes each batch's inputs in place (e.g. `randomShift`), from the run's seeded generator. */
  readonly augment?: Augment;
  /** The MAP criterion's j for an RBF output (see `rbfMapLoss`). Default `DEFAULT_RBF_J` (5). */
  readonly rbfJ?: number;
  /**
   * Keep an exponential moving average of the trainable weights, updated after every batch from
   * epoch `startEpoch` (default 0) with `decay` (e.g. 0.999), and return it in place of the last
   * weights (Polyak averaging: smoother weights that usually generalise a little better).
   * Validation in the history then measures the averaged weights.
   */
  readonly averaging?: { readonly decay: number; readonly startEpoch?: number };
  /** Evaluated after every epoch (loss and accuracy in the history). */
  readonly validation?: LabelledSet;
  /** Cancels the run between batches: it then rejects with an AbortError and frees its tensors. */
  readonly signal?: AbortSignal;
  /** Called after every batch. */
  readonly onProgress?: (progress: TrainProgress) => void;
  /** Called after every epoch. */
  readonly onEpoch?: (record: EpochRecord) => void;
  /** Receives a `TrainProgressEvent` after every batch and a `TrainEpochEvent` after every epoch. */
  readonly events?: EventTarget;
  /**
   * On the CPU backend, replace its slow `Conv2DBackpropFilter` kernel with convstep's (same
   * sums, 10–20× faster; a global change of the kernel registry). Default true.
   */
  readonly fastCpuGradients?: boolean;
  /**
   * Awaited before every batch (after the abort check, which is repeated after it): a pause is a
   * gate that resolves on resume. The run holds no batch tensors while it waits.
   */
  readonly gate?: () => void | Promise<void>;
  /**
   * Called after every batch with the current weights (the run's own tensors: read them, e.g. to
   * draw the kernels as they learn; never keep or dispose them) and the batch's progress.
   */
  readonly inspect?: (weights: ReadonlyMap<string, tf.Tensor>, progress: TrainProgress) => void;
}

/** What {@link train} returns. */
export interface TrainResult {
  /** The trained weights by full name; the caller owns (and disposes) them. */
  readonly weights: Map<string, tf.Tensor>;
  /** One record per epoch. */
  readonly history: readonly EpochRecord[];
}

function checkOptions(options: TrainOptions): void {
  const { epochs, batchSize = 32 } = options;
  if (!Number.isInteger(epochs) || epochs < 1) {
    throw new InputError(`train: expected epochs to be a positive integer, got ${epochs}`);
  }
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new InputError(`train: expected batchSize to be a positive integer, got ${batchSize}`);
  }
}

function makeOptimizer(name: OptimizerName, learningRate: number, momentum: number): tf.Optimizer {
  switch (name) {
    case "sgd":
      return tf.train.sgd(learningRate);
    case "momentum":
      return tf.train.momentum(learningRate, momentum);
    case "adam":
      return tf.train.adam(learningRate, momentum);
  }
  throw new InputError(
    `train: unknown optimizer ${JSON.stringify(name)}; expected sgd, momentum or adam`,
  );
}

/** Sets an optimiser's learning rate between steps (SGD caches it; Adam reads the field). */
function setLearningRate(optimizer: tf.Optimizer, rate: number): void {
  const o = optimizer as unknown as {
    setLearningRate?: (rate: number) => void;
    learningRate: number;
  };
  if (typeof o.setLearningRate === "function") o.setLearningRate(rate);
  else o.learningRate = rate;
}

function rateAt(options: TrainOptions, epoch: number): number {
  const { learningRate, optimizer = "adam" } = options;
  const rate =
    typeof learningRate === "function"
      ? learningRate(epoch)
      : (learningRate ?? (optimizer === "adam" ? 0.001 : 0.01));
  if (!(rate > 0) || !Number.isFinite(rate)) {
    throw new InputError(
      `train: expected a positive finite learning rate, got ${rate} at epoch ${epoch}`,
    );
  }
  return rate;
}

/**
 * Trains `model` on labelled samples and returns the trained weights and the history.
 *
 * Each epoch visits the samples in a new seeded order, in batches of `batchSize` (the last one
 * may be smaller); `augment` then changes the batch's inputs. The loss is the softmax
 * cross-entropy for softmax outputs (from the logits) and LeCun's MAP criterion for RBF outputs.
 * Masked weights (partial connectivity) are multiplied by their mask after every update, so they
 * stay exactly zero. Non-trainable weights (batch-norm statistics) are kept as given.
 *
 * Needs gradients (BackendError when tfjs-core's cannot be loaded, see `ensureGradients`) and a
 * backend that can run them (BackendError on wasm: no `Conv2DBackpropFilter`). The run yields to
 * the event loop after every batch, so that `signal` and the page stay responsive; an aborted
 * run rejects with an AbortError after freeing its tensors.
 *
 * ```ts
 * const { weights, history } = await train(model, { inputs, labels }, {
 *   epochs: 10, optimizer: "adam", seed: 1, augment: randomShift({ maxShift: 2, fill: 0 }),
 *   onProgress: (p) => console.log(p.epoch, p.batch, p.loss),
 * });
 * ```
 */
export async function train(
  model: CompiledModel,
  data: LabelledSet,
  options: TrainOptions,
): Promise<TrainResult> {
  checkOptions(options);
  const count = checkLabelledSet(model, data);
  if (options.validation) checkLabelledSet(model, options.validation, "validation");
  throwIfAborted(options.signal);
  await ensureGradients();
  checkTrainingBackend(model);
  if (tf.getBackend() === "cpu" && options.fastCpuGradients !== false) {
    installFastCpuConvFilterGradient();
  }
  const {
    epochs,
    batchSize = 32,
    optimizer: optimizerName = "adam",
    momentum = 0.9,
    seed = 0,
    rbfJ = DEFAULT_RBF_J,
  } = options;
  if (!(rbfJ > 0)) {
    throw new InputError(`train: expected rbfJ > 0 (or Infinity), got ${rbfJ}`);
  }
  const size = sampleSize(model);
  const classes = classCount(model);
  const kind = outputKind(model);
  const random = mulberry32(seed);

  const averaging = options.averaging;
  if (averaging && !(averaging.decay > 0 && averaging.decay < 1)) {
    throw new InputError(`train: expected averaging.decay in (0, 1), got ${averaging.decay}`);
  }
  const initial = options.weights ?? initWeights(model, { seed });
  const variables = new Map<string, tf.Variable>();
  /** The moving averages (trainable weights only), created when averaging starts. */
  const averages = new Map<string, tf.Variable>();
  const masks = new Map<string, tf.Tensor>();
  let optimizer: tf.Optimizer | undefined;
  try {
    for (const p of model.params) {
      const t = initial.get(p.fullName);
      if (!t) throw new InputError(`train: the starting weights lack "${p.fullName}"`);
      // The variable shares the tensor's data until its first update: `initial` stays unchanged.
      variables.set(p.fullName, tf.variable(t, p.trainable));
      if (p.mask && p.trainable) masks.set(p.fullName, tf.tensor(p.mask, [...p.shape], "float32"));
    }
    const trainable = model.params
      .filter((p) => p.trainable)
      .map((p) => variables.get(p.fullName)!);
    /** avg ← decay·avg + (1 − decay)·w; the first call copies w. Masked zeros stay zero. */
    const updateAverages = (decay: number) =>
      tf.tidy(() => {
        for (const p of model.params) {
          if (!p.trainable) continue;
          const v = variables.get(p.fullName)!;
          const avg = averages.get(p.fullName);
          if (!avg) averages.set(p.fullName, tf.variable(v.clone(), false));
          else avg.assign(tf.add(tf.mul(avg, decay), tf.mul(v, 1 - decay)));
        }
      });
    /** The weights to evaluate and return: the averages where averaging has started. */
    const currentWeights = (): Map<string, tf.Tensor> =>
      new Map([...variables].map(([name, v]) => [name, averages.get(name) ?? v]));
    optimizer = makeOptimizer(optimizerName, rateAt(options, 0), momentum);
    const history: EpochRecord[] = [];
    const batches = Math.ceil(count / batchSize);

    for (let epoch = 0; epoch < epochs; epoch++) {
      const learningRate = rateAt(options, epoch);
      setLearningRate(optimizer, learningRate);
      const order = permutation(count, random);
      const start = performance.now();
      let lossSum = 0;
      let correctSum = 0;
      let seen = 0;
      for (let batch = 0; batch < batches; batch++) {
        throwIfAborted(options.signal);
        if (options.gate) {
          await options.gate();
          throwIfAborted(options.signal);
        }
        const from = batch * batchSize;
        const to = Math.min(count, from + batchSize);
        const n = to - from;
        const inputs = gatherBatch(data.inputs, size, order, from, to);
        options.augment?.(inputs, n, model.inputShape, random);
        const labels = Int32Array.from({ length: n }, (_, k) => data.labels[order[from + k]]);

        let chosen: tf.Tensor | undefined;
        const cost = tf.tidy((): tf.Scalar => {
          const x = tf.tensor(inputs, [n, ...model.inputShape]);
          const targets = tf.oneHot(tf.tensor1d(labels, "int32"), classes);
          const value = optimizer!.minimize(
            () => {
              const y = trainingOutput(model, variables, x, { training: true }, kind.logits);
              chosen = tf.keep(kind.lowestWins ? tf.argMin(y, 1) : tf.argMax(y, 1));
              return kind.loss === "rbf-map"
                ? rbfMapLoss(y, targets, rbfJ)
                : softmaxCrossEntropy(y, targets);
            },
            true,
            trainable,
          );
          return value ?? tf.scalar(NaN);
        });
        tf.tidy(() => {
          for (const [name, mask] of masks) {
            const v = variables.get(name)!;
            v.assign(tf.mul(v, mask));
          }
        });
        if (averaging && epoch >= (averaging.startEpoch ?? 0)) updateAverages(averaging.decay);
        const loss = (await cost.data())[0];
        const picks = await chosen!.data();
        tf.dispose([cost, chosen!]);
        if (!Number.isFinite(loss)) throw new DivergedError(epoch, batch, loss, learningRate);
        let correct = 0;
        for (let k = 0; k < n; k++) if (picks[k] === labels[k]) correct++;
        lossSum += loss * n;
        correctSum += correct;
        seen += n;
        const progress: TrainProgress = {
          epoch,
          epochs,
          batch,
          batches,
          loss,
          accuracy: correct / n,
          epochLoss: lossSum / seen,
          epochAccuracy: correctSum / seen,
          samplesPerSecond: seen / ((performance.now() - start) / 1000),
          learningRate,
        };
        options.inspect?.(currentWeights(), progress);
        options.onProgress?.(progress);
        options.events?.dispatchEvent(new TrainProgressEvent(progress));
        await yieldToEventLoop();
      }
      const seconds = (performance.now() - start) / 1000;
      let record: EpochRecord = {
        epoch,
        loss: lossSum / seen,
        accuracy: correctSum / seen,
        learningRate,
        seconds,
        samplesPerSecond: seen / seconds,
      };
      if (options.validation) {
        const v = await evaluate(model, currentWeights(), options.validation, {
          rbfJ,
          signal: options.signal,
        });
        record = { ...record, validationLoss: v.loss, validationAccuracy: v.accuracy };
      }
      history.push(record);
      options.onEpoch?.(record);
      options.events?.dispatchEvent(new TrainEpochEvent(record));
    }
    const weights = new Map<string, tf.Tensor>();
    for (const [name, v] of currentWeights()) weights.set(name, v.clone());
    return { weights, history };
  } finally {
    if (!options.weights) for (const t of initial.values()) t.dispose();
    for (const v of variables.values()) v.dispose();
    for (const v of averages.values()) v.dispose();
    for (const m of masks.values()) m.dispose();
    optimizer?.dispose();
    // tfjs 4.22's MomentumOptimizer.dispose forgets SGD's learning-rate scalar.
    (optimizer as unknown as { c?: tf.Tensor } | undefined)?.c?.dispose();
  }
}
