/**
 * Compiling a spec: validate it, infer every layer's input and output shape, and list its weights
 * and counts. A compiled model is plain data; it holds no tensors.
 */
import { SpecError } from "../errors.js";
import type { LayerCounts, LayerImpl, ParamSpec } from "../layers/layer.js";
import { layerImpl } from "../layers/registry.js";
import type { LayerSpec, ModelSpec, Shape } from "../spec/types.js";

/** The name a layer uses in `inputs` to read the model input. */
export const INPUT_NAME = "input";

export interface CompiledLayer {
  readonly index: number;
  readonly name: string;
  readonly spec: LayerSpec;
  readonly impl: LayerImpl;
  readonly inputShape: Shape;
  readonly outputShape: Shape;
  /** Names of the layers (or `input`) it reads. */
  readonly inputs: readonly string[];
  readonly params: readonly ParamSpec[];
  readonly counts: LayerCounts;
}

/** A weight of the model, with its full name `<layer>/<param>`. */
export interface ModelParam extends ParamSpec {
  readonly fullName: string;
  readonly layer: string;
}

export interface CompiledModel {
  readonly spec: ModelSpec;
  readonly inputShape: Shape;
  readonly outputShape: Shape;
  readonly layers: readonly CompiledLayer[];
  /** Every weight of the model in layer order, keyed by full name. */
  readonly params: readonly ModelParam[];
}

function checkShape(shape: unknown): shape is number[] {
  return (
    Array.isArray(shape) && shape.length > 0 && shape.every((d) => Number.isInteger(d) && d > 0)
  );
}

/** Validates a spec and infers shapes. Errors name the layer and attribute. */
export function compileModel(spec: ModelSpec): CompiledModel {
  if (typeof spec !== "object" || spec === null) {
    throw new SpecError(
      `expected a model spec object, got ${spec === null ? "null" : typeof spec}`,
    );
  }
  if (typeof spec.name !== "string" || spec.name === "") {
    throw new SpecError(`expected a non-empty string, got ${JSON.stringify(spec.name)}`, {
      attribute: "name",
    });
  }
  if (!checkShape(spec.input?.shape)) {
    throw new SpecError(
      `expected positive integers such as [28, 28, 1], got ${JSON.stringify(spec.input?.shape)}`,
      { attribute: "input.shape" },
    );
  }
  if (!Array.isArray(spec.layers) || spec.layers.length === 0) {
    throw new SpecError("expected a non-empty array of layers", { attribute: "layers" });
  }
  const seen = new Set<string>([INPUT_NAME]);
  const layers: CompiledLayer[] = [];
  const params: ModelParam[] = [];
  let shape: Shape = [...spec.input.shape];
  let previous = INPUT_NAME;
  spec.layers.forEach((layer, index) => {
    if (typeof layer?.name !== "string" || layer.name === "" || layer.name.includes("/")) {
      throw new SpecError(
        `expected a non-empty name without "/", got ${JSON.stringify(layer?.name)}`,
        {
          layer: `#${index}`,
          attribute: "name",
        },
      );
    }
    if (seen.has(layer.name)) {
      throw new SpecError(`the name is already used by another layer (or the input)`, {
        layer: layer.name,
        attribute: "name",
      });
    }
    const inputs = layer.inputs ?? [previous];
    if (!Array.isArray(inputs) || inputs.length !== 1 || inputs[0] !== previous) {
      throw new SpecError(
        `only chains are supported for now: expected ["${previous}"], got ${JSON.stringify(layer.inputs)}`,
        { layer: layer.name, attribute: "inputs" },
      );
    }
    const impl = layerImpl(layer);
    impl.validate(layer, shape);
    const outputShape = impl.outputShape(layer, shape);
    if (!checkShape(outputShape)) {
      throw new SpecError(
        `the output would be empty (shape [${outputShape.join(", ")}]) for input [${shape.join(", ")}]`,
        { layer: layer.name },
      );
    }
    const layerParams = impl.params(layer, shape);
    for (const p of layerParams)
      params.push({ ...p, fullName: `${layer.name}/${p.name}`, layer: layer.name });
    layers.push({
      index,
      name: layer.name,
      spec: layer,
      impl,
      inputShape: shape,
      outputShape,
      inputs,
      params: layerParams,
      counts: impl.counts(layer, shape),
    });
    seen.add(layer.name);
    previous = layer.name;
    shape = outputShape;
  });
  return { spec, inputShape: [...spec.input.shape], outputShape: shape, layers, params };
}

/** Finds a layer by name; SpecError listing the names when it is not there. */
export function findLayer(model: CompiledModel, name: string): CompiledLayer {
  const layer = model.layers.find((l) => l.name === name);
  if (!layer) {
    throw new SpecError(
      `model "${model.spec.name}" has no layer ${JSON.stringify(name)}; its layers are ${model.layers
        .map((l) => l.name)
        .join(", ")}`,
    );
  }
  return layer;
}
