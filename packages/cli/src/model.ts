/** Looking up a model by name and compiling its spec. */
import { compileModel, type CompiledModel } from "@convstep/engine";
import { MODEL_NAMES, getModelSpec, isModelName } from "@convstep/models";
import { UsageError, quote } from "./cli-error.js";

/** The compiled model registered under `name`; UsageError listing the known names otherwise. */
export function loadModel(name: string): CompiledModel {
  if (!isModelName(name)) {
    throw new UsageError(
      `unknown model ${quote(name, 40)}; known models: ${MODEL_NAMES.join(", ")} (see convstep models)`,
    );
  }
  return compileModel(getModelSpec(name));
}
