/**
 * `convstep experiment relu-vs-tanh [--json] [--seed N] [--epochs N] …`: AlexNet's Figure 1 as an
 * experiment on the shipped MNIST training digits, seeded and deterministic on the CPU backend.
 */
import {
  PAPER_CLAIM,
  RACE_DEFAULTS,
  RACE_DIGITS,
  labelledDigits,
  runActivationRace,
  type RaceResult,
} from "@convstep/engine";
import { loadTrainingDigits } from "@convstep/models/training-digits";
import { flag, integerOption, onePositional, parseCommandArgs, stringOption } from "../args.js";
import { useCpuBackend } from "../backend.js";
import { UsageError } from "../cli-error.js";
import { formatJson } from "../format/json.js";
import { useGradients } from "../gradients.js";
import { line } from "../io.js";
import { createProgress, progressMode } from "../progress.js";
import type { Command } from "./command.js";

/** The experiments `convstep experiment` runs. */
export const EXPERIMENTS = ["relu-vs-tanh"] as const;
const ALL_DIGITS = 3000;

const HELP = `Usage: convstep experiment relu-vs-tanh [--json] [--seed N] [--epochs N]
                                            [--rate R] [--batch N] [--digits N]

Trains the same small CNN (conv 5×5×8, avg-pool, conv 5×5×16, avg-pool, dense 10) twice on the
shipped MNIST training digits, once with ReLU and once with tanh, from the same seed with the same
plain-SGD schedule, and prints both training-error curves, the steps each needed to reach 25 %
training error and their ratio, next to AlexNet's claim (six times faster, CIFAR-10).
The same seed gives the same numbers, run after run (CPU backend).

Options:
  --seed N     seed of the weights and the digit order (default ${RACE_DEFAULTS.seed})
  --epochs N   passes over the digits (default ${RACE_DEFAULTS.epochs})
  --rate R     SGD learning rate, no momentum (default ${RACE_DEFAULTS.learningRate})
  --batch N    digits per step (default ${RACE_DEFAULTS.batchSize})
  --digits N   train on the first N of the ${ALL_DIGITS} shipped digits (default ${RACE_DIGITS})
  --json       print the result as JSON (no progress)
  -h, --help   show this help

Example:
  convstep experiment relu-vs-tanh --seed 1`;

function rateOption(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const value = raw.trim() === "" ? NaN : Number(raw);
  if (!(value > 0 && value <= 10)) {
    throw new UsageError(
      `--rate expects a number above 0 (at most 10), got ${JSON.stringify(raw)}`,
    );
  }
  return value;
}

function percent(error: number): string {
  return (error * 100).toFixed(1).padStart(6);
}

/** The result for people: both curves as a table, the epochs to the target and the ratio. */
export function formatRace(result: RaceResult): string {
  const { config, runs, ratio } = result;
  const [relu, tanh] = runs;
  const target = `${Math.round(config.target * 100)} %`;
  const rows = relu.curve.map((p, i) => {
    const t = tanh.curve[i];
    return `${p.epoch.toFixed(2).padStart(6)} ${String(p.step).padStart(6)} ${percent(p.error)} ${t ? percent(t.error) : "     –"}`;
  });
  const reach = (run: (typeof runs)[number]) =>
    run.reached
      ? `${run.activation} at epoch ${run.reached.epoch.toFixed(2)} (step ${run.reached.step})`
      : `${run.activation} not within ${config.epochs} epochs (final ${percent(run.finalError).trim()} %)`;
  return [
    "ReLU versus tanh (after Krizhevsky et al. 2012, Figure 1)",
    `network: ${config.network}`,
    `${config.digits} MNIST digits, plain SGD (no momentum), rate ${config.learningRate}, batch ${config.batchSize}, ${config.epochs} epochs, seed ${config.seed}`,
    "",
    "training error (%), over the steps since the previous row:",
    " epoch   step   relu   tanh",
    ...rows,
    "",
    `${target} training error reached: ${reach(relu)}; ${reach(tanh)}`,
    ratio === null
      ? "ratio: – (both runs must reach the target; try more --epochs)"
      : ratio >= 1
        ? `tanh needed ${ratio.toFixed(2)}× the steps of relu`
        : `here tanh got there first: it needed ${ratio.toFixed(2)}× the steps of relu`,
    `paper: ${PAPER_CLAIM.claim}`,
    "differs here: MNIST digits, not CIFAR-10 images; a two-convolution network of 6k weights, not " +
      "AlexNet's four-layer one; one learning rate for both (the paper tuned each).",
  ].join("\n");
}

/** The experiment command. */
export const experimentCommand: Command = {
  name: "experiment",
  summary: "run an experiment from the papers: relu-vs-tanh (AlexNet, Figure 1)",
  help: HELP,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(
      argv,
      {
        json: { type: "boolean" },
        seed: { type: "string" },
        epochs: { type: "string" },
        rate: { type: "string" },
        batch: { type: "string" },
        digits: { type: "string" },
      },
      "experiment",
    );
    if (flag(values, "help")) {
      line(io.out, HELP);
      return 0;
    }
    const name = onePositional(positionals, "experiment name", "experiment");
    if (!(EXPERIMENTS as readonly string[]).includes(name)) {
      throw new UsageError(
        `unknown experiment ${JSON.stringify(name)}; experiments: ${EXPERIMENTS.join(", ")}`,
      );
    }
    const seed = integerOption(values, "seed", { min: 0, max: 2 ** 31 - 1 });
    const epochs = integerOption(values, "epochs", { min: 1, max: 1000 });
    const digits = integerOption(values, "digits", { min: 1, max: ALL_DIGITS }) ?? RACE_DIGITS;
    const batchSize = integerOption(values, "batch", { min: 1, max: digits });
    const learningRate = rateOption(stringOption(values, "rate"));
    const json = flag(values, "json");

    await useCpuBackend();
    await useGradients();
    const data = labelledDigits(await loadTrainingDigits(), digits);
    const progress = createProgress(progressMode(json), io.err);
    const given = { seed, epochs, batchSize, learningRate };
    const options = Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined));
    let result: RaceResult;
    try {
      result = await runActivationRace(data, {
        ...options,
        // The bar covers both runs: ReLU's is the first half, tanh's the second.
        onProgress: (activation, p) => {
          const within = (p.epoch * p.batches + p.batch + 1) / (p.epochs * p.batches);
          const fraction = (activation === "relu" ? 0 : 0.5) + within / 2;
          progress.update(
            `${activation}: epoch ${p.epoch + 1}/${p.epochs}, step ${p.batch + 1}/${p.batches}, loss ${p.loss.toFixed(3)}`,
            fraction,
          );
        },
      });
    } finally {
      progress.done();
    }
    progress.done();
    line(io.out, json ? formatJson(result) : formatRace(result));
    return 0;
  },
};
