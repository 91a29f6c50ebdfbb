/**
 * What trace, explain and predict share: the CPU backend, the model, its weights (from `--weights`
 * or the default) and a simulator over them.
 */
import { Simulator, type CompiledModel, type WeightSet } from "@convstep/engine";
import { integerOption, stringOption, type OptionSpecs, type OptionValues } from "./args.js";
import { useCpuBackend } from "./backend.js";
import { UsageError } from "./cli-error.js";
import type { CliIo } from "./io.js";
import { chooseWeights } from "./weights.js";

/** The options about weights every running command accepts. */
export const WEIGHT_OPTIONS: OptionSpecs = {
  weights: { type: "string" },
  seed: { type: "string" },
};

/** Help lines of the weight options. */
export const WEIGHT_HELP = `  --weights F  run with the weights of a tfjs model.json F (its shards beside it)
  --seed N     run on untrained weights from this seed instead of the shipped ones`;

/** A model ready to run. */
export interface Session {
  readonly model: CompiledModel;
  readonly weights: WeightSet;
  /** Where the weights came from (`untrained (seed 0)`, a path). */
  readonly weightsSource: string;
  readonly simulator: Simulator;
}

/** Sets up the backend, loads the weights and creates a simulator for `model`. */
export async function openSession(
  model: CompiledModel,
  values: OptionValues,
  io: CliIo,
): Promise<Session> {
  const path = stringOption(values, "weights");
  const seed = integerOption(values, "seed", { min: 0, max: 2 ** 32 - 1 });
  if (path !== undefined && seed !== undefined) {
    throw new UsageError("--seed picks untrained weights; it cannot be combined with --weights");
  }
  await useCpuBackend();
  const { weights, source } = await chooseWeights(model, { path, seed }, io);
  return { model, weights, weightsSource: source, simulator: new Simulator(model, weights) };
}

/** Frees the simulator's traces and the weights. */
export function closeSession(session: Session): void {
  session.simulator.dispose();
  for (const t of session.weights.values()) t.dispose();
}
