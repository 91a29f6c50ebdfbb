/**
 * Data augmentation for training: functions that change a batch of inputs in place, drawing from
 * the training run's seeded generator (so a run is reproducible).
 */
import type { Shape } from "../spec/types.js";
import { randomInt, type Random } from "./random.js";

/**
 * Changes a batch in place. `batch` holds `count` samples of `shape` (`[h, w, c]`, NHWC) back to
 * back; `random` is the run's seeded generator.
 */
export type Augment = (batch: Float32Array, count: number, shape: Shape, random: Random) => void;

/** Options of {@link randomShift}. */
export interface RandomShiftOptions {
  /** Largest shift in pixels, each axis independently: a shift is drawn from [−max, max]. */
  readonly maxShift: number;
  /** The value of pixels shifted in from outside (the background: 0, or −0.1 for LeNet-5 1998). */
  readonly fill: number;
}

/**
 * Shifts each sample by a whole number of pixels, drawn uniformly and independently for rows and
 * columns in [−maxShift, maxShift]; pixels shifted in take the value `fill`.
 *
 * ```ts
 * train(model, data, { epochs: 5, augment: randomShift({ maxShift: 2, fill: 0 }) });
 * ```
 */
export function randomShift({ maxShift, fill }: RandomShiftOptions): Augment {
  if (!Number.isInteger(maxShift) || maxShift < 0) {
    throw new RangeError(`randomShift: expected a whole number of pixels ≥ 0, got ${maxShift}`);
  }
  return (batch, count, shape, random) => {
    const [h, w, c] = shape.length === 3 ? shape : [shape[0], 1, 1];
    const size = h * w * c;
    const sample = new Float32Array(size);
    for (let s = 0; s < count; s++) {
      const dy = randomInt(random, 2 * maxShift + 1) - maxShift;
      const dx = randomInt(random, 2 * maxShift + 1) - maxShift;
      if (dx === 0 && dy === 0) continue;
      const base = s * size;
      sample.set(batch.subarray(base, base + size));
      for (let y = 0; y < h; y++) {
        const sy = y - dy;
        for (let x = 0; x < w; x++) {
          const sx = x - dx;
          const inside = sy >= 0 && sy < h && sx >= 0 && sx < w;
          for (let k = 0; k < c; k++) {
            batch[base + (y * w + x) * c + k] = inside ? sample[(sy * w + sx) * c + k] : fill;
          }
        }
      }
    }
  };
}

/** Options of {@link randomAffine}. */
export interface RandomAffineOptions {
  /** Largest rotation in degrees: an angle is drawn from [−max, max]. */
  readonly maxRotation: number;
  /** Largest relative change of size: a scale is drawn from [1 − max, 1 + max]. */
  readonly maxScale: number;
  /** Largest shift in pixels, each axis independently, drawn from [−max, max] (not rounded). */
  readonly maxShift: number;
  /** The value of pixels that come from outside the image (the background). */
  readonly fill: number;
}

/**
 * Rotates, scales and shifts each sample about its centre by a random amount (bilinear
 * interpolation; pixels from outside take `fill`): the mild distortions that help a small
 * digit set generalise (LeCun et al. 1998, §III-C, used similar ones).
 *
 * ```ts
 * train(model, data, { epochs: 10, augment: randomAffine({ maxRotation: 10, maxScale: 0.1, maxShift: 2, fill: 0 }) });
 * ```
 */
export function randomAffine(options: RandomAffineOptions): Augment {
  const { maxRotation, maxScale, maxShift, fill } = options;
  for (const [name, v] of Object.entries({ maxRotation, maxScale, maxShift })) {
    if (!(v >= 0) || !Number.isFinite(v)) {
      throw new RangeError(`randomAffine: expected ${name} ≥ 0, got ${v}`);
    }
  }
  if (maxScale >= 1) throw new RangeError(`randomAffine: expected maxScale < 1, got ${maxScale}`);
  return (batch, count, shape, random) => {
    const [h, w, c] = shape.length === 3 ? shape : [shape[0], 1, 1];
    const size = h * w * c;
    const sample = new Float32Array(size);
    const cy = (h - 1) / 2;
    const cx = (w - 1) / 2;
    const at = (y: number, x: number, k: number) =>
      y < 0 || y >= h || x < 0 || x >= w ? fill : sample[(y * w + x) * c + k];
    for (let s = 0; s < count; s++) {
      const angle = ((2 * random() - 1) * maxRotation * Math.PI) / 180;
      const scale = 1 + (2 * random() - 1) * maxScale;
      const ty = (2 * random() - 1) * maxShift;
      const tx = (2 * random() - 1) * maxShift;
      const base = s * size;
      sample.set(batch.subarray(base, base + size));
      // Output (y, x) reads the input at R(−angle)·((y, x) − centre − shift)/scale + centre.
      const cos = Math.cos(angle) / scale;
      const sin = Math.sin(angle) / scale;
      for (let y = 0; y < h; y++) {
        for (let x = 0; x < w; x++) {
          const dy = y - cy - ty;
          const dx = x - cx - tx;
          const sy = cos * dy - sin * dx + cy;
          const sx = sin * dy + cos * dx + cx;
          const y0 = Math.floor(sy);
          const x0 = Math.floor(sx);
          const fy = sy - y0;
          const fx = sx - x0;
          for (let k = 0; k < c; k++) {
            const top = at(y0, x0, k) * (1 - fx) + at(y0, x0 + 1, k) * fx;
            const bottom = at(y0 + 1, x0, k) * (1 - fx) + at(y0 + 1, x0 + 1, k) * fx;
            batch[base + (y * w + x) * c + k] = top * (1 - fy) + bottom * fy;
          }
        }
      }
    }
  };
}
