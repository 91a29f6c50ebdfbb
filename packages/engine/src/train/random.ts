/**
 * A small seeded pseudo-random generator for training (shuffling, augmentation) and data splits.
 * Plain JavaScript, so the same seed gives the same sequence on every platform and backend.
 */

/** A function returning uniform numbers in [0, 1). */
export type Random = () => number;

/**
 * mulberry32: a 32-bit generator, fast and good enough for shuffling. The seed is taken modulo
 * 2³² (any finite number works; fractions are truncated).
 *
 * ```ts
 * const rand = mulberry32(42);
 * rand(); // 0.6011037519201636, always
 * ```
 */
export function mulberry32(seed: number): Random {
  let a = Math.trunc(seed) >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A uniform integer in [0, n). */
export function randomInt(random: Random, n: number): number {
  return Math.min(n - 1, Math.floor(random() * n));
}

/**
 * Shuffles `array` in place (Fisher–Yates, from the last element down) and returns it.
 *
 * ```ts
 * shuffleInPlace([0, 1, 2, 3], mulberry32(1)); // the same order for the same seed
 * ```
 */
export function shuffleInPlace<T extends { length: number; [i: number]: unknown }>(
  array: T,
  random: Random,
): T {
  for (let i = array.length - 1; i > 0; i--) {
    const j = randomInt(random, i + 1);
    const tmp = array[i];
    array[i] = array[j];
    array[j] = tmp;
  }
  return array;
}

/** The integers 0 … n−1 in a seeded random order. */
export function permutation(n: number, random: Random): Uint32Array {
  const out = new Uint32Array(n);
  for (let i = 0; i < n; i++) out[i] = i;
  return shuffleInPlace(out, random);
}
