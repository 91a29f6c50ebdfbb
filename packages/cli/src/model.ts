/** Looking up a model by name and compiling its spec. */
import { applyWeightsMetadata, compileModel, type CompiledModel } from "@convstep/engine";
import { MODEL_NAMES, getModelSpec, isModelName } from "@convstep/models";
import { UsageError, quote } from "./cli-error.js";
import { readWeightsMetadata } from "./weights-files.js";

/** The compiled model registered under `name`; UsageError listing the known names otherwise. */
export function loadModel(name: string): CompiledModel {
  if (!isModelName(name)) {
    throw new UsageError(
      `unknown model ${quote(name, 40)}; known models: ${MODEL_NAMES.join(", ")} (see convstep models)`,
    );
  }
  return compileModel(getModelSpec(name));
}

/**
 * The model to run with the weights at `weightsPath` (`--weights`): when its model.json records
 * how the weights were trained (a converted Caffe AlexNet: Caffe's LRN constants, Caffe's mean
 * pixel), the spec takes them, so that the LRN layers and the photo preprocessing follow the
 * weights. Without `weightsPath` or a record, {@link loadModel}'s.
 */
export async function loadModelForWeights(
  name: string,
  weightsPath: string | undefined,
): Promise<CompiledModel> {
  const model = loadModel(name);
  if (weightsPath === undefined) return model;
  const metadata = await readWeightsMetadata(weightsPath);
  const spec = applyWeightsMetadata(model.spec, metadata);
  return spec === model.spec ? model : compileModel(spec);
}
