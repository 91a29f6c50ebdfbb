/** Training and evaluation in the engine: re-exports of `train/`. */
export * from "./augment.js";
export * from "./backend-check.js";
export * from "./cpu-conv-grad.js";
export * from "./dataset.js";
export * from "./diverged.js";
export * from "./evaluate.js";
export * from "./events.js";
export * from "./losses.js";
export * from "./outputs.js";
export * from "./random.js";
export * from "./train.js";
