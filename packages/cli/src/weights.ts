/**
 * Which weights a command runs with: a model.json given with `--weights`, or the model's default.
 * The default is the trained weights the models package ships (both LeNet-5s), else a seeded
 * initialisation; `defaultWeights` is the one place that decides.
 */
import { initWeights, loadWeights, type CompiledModel, type WeightSet } from "@convstep/engine";
import type { CliIo } from "./io.js";
import { line } from "./io.js";
import { loadTrainedWeights } from "@convstep/models/trained-weights";
import { readWeightsFromDisk } from "./weights-files.js";

/** The seed of untrained weights when `--seed` is not given. */
export const DEFAULT_SEED = 0;

/** Weights with a word on where they came from, for stderr and `--json` output. */
export interface ChosenWeights {
  readonly weights: WeightSet;
  /** `"model.json path"`, `"trained (…)"` or `"untrained (seed 0)"`. */
  readonly source: string;
  readonly trained: boolean;
}

/**
 * The weights a model runs with when none are given: the trained weights the models package ships
 * (both LeNet-5s), else seeded initialisation. `--seed` asks for seeded weights explicitly.
 */
export async function defaultWeights(
  model: CompiledModel,
  seed: number | undefined,
): Promise<ChosenWeights> {
  if (seed === undefined) {
    const trained = await loadTrainedWeights(model);
    if (trained) return { weights: trained, source: "trained (shipped)", trained: true };
  }
  const s = seed ?? DEFAULT_SEED;
  return {
    weights: initWeights(model, { seed: s }),
    source: `untrained (seed ${s})`,
    trained: false,
  };
}

/** What the user asked for on the command line. */
export interface WeightsOptions {
  /** `--weights path/to/model.json`. */
  readonly path?: string;
  /** `--seed N` (only for untrained weights). */
  readonly seed?: number;
}

/**
 * Loads `--weights` (checked against the model: WeightsError naming the tensor) or the default;
 * says "untrained (seeded) weights" on stderr when the weights are untrained.
 */
export async function chooseWeights(
  model: CompiledModel,
  options: WeightsOptions,
  io: CliIo,
): Promise<ChosenWeights> {
  if (options.path !== undefined) {
    const weights = await loadWeights(model, await readWeightsFromDisk(options.path));
    return { weights, source: options.path, trained: true };
  }
  const chosen = await defaultWeights(model, options.seed);
  if (!chosen.trained) {
    line(
      io.err,
      `convstep: note: ${model.spec.name} runs with untrained (seeded) weights, seed ${
        options.seed ?? DEFAULT_SEED
      }; its predictions are meaningless (give trained ones with --weights model.json)`,
    );
  }
  return chosen;
}
