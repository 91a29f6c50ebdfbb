/**
 * @convstep/engine — runs a convolutional network one step at a time on TensorFlow.js, keeps every
 * intermediate value and explains the arithmetic of any neuron. No DOM: it runs in Node and in the
 * page alike.
 *
 * @packageDocumentation
 */
export * from "./errors.js";
export type * from "./spec/types.js";
export type * from "./layers/layer.js";

export * from "./layers/activations.js";
export * from "./layers/connection-table.js";
export { LAYER_KINDS, layerImpl } from "./layers/registry.js";
export * from "./util/geometry.js";

export * from "./model/compile.js";
export * from "./model/forward.js";
export * from "./model/summary.js";

export * from "./weights/init.js";
export * from "./weights/check.js";
export * from "./weights/io.js";
export * from "./weights/metadata.js";

export * from "./simulator/events.js";
export * from "./simulator/steps.js";
export * from "./simulator/trace.js";
export * from "./simulator/cursor.js";
export * from "./simulator/input.js";
export * from "./simulator/receptive-field.js";
export * from "./simulator/explain.js";
export * from "./simulator/simulator.js";

export * from "./backend/renderer.js";
export * from "./backend/backend.js";

export * from "./preprocess/grey-image.js";
export * from "./preprocess/ink.js";
export * from "./preprocess/resample.js";
export * from "./preprocess/cover-crop.js";
export * from "./preprocess/normalise-rgb.js";
export * from "./preprocess/image-header.js";
export * from "./preprocess/image-limits.js";
export * from "./preprocess/mnist-style.js";
export * from "./preprocess/lenet-input.js";

export * from "./train/index.js";
export * from "./experiment/index.js";
