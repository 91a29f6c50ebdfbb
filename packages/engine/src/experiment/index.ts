/** Experiments in the engine: re-exports of `experiment/`. */
export * from "./activation-race.js";
export * from "./hyperparameters.js";
export * from "./labelled-digits.js";
export * from "./race-network.js";
