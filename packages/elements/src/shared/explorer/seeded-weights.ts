/** The seed of the explorers' untrained weights (the same everywhere, so pages agree). */
export const SEEDED_WEIGHTS_SEED = 0;
