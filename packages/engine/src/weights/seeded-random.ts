/**
 * A fast seeded random generator that fills typed arrays: xoshiro128** (Blackman and Vigna),
 * seeded through splitmix32, with Box–Muller pairs for the normal distribution. Plain JavaScript
 * arithmetic on 32-bit integers: the same seed gives the same numbers on every tfjs backend, and a
 * fill split into several calls gives the same numbers as one call.
 */

/** 2⁻³² */
const TWO_POW_M32 = 1 / 4294967296;

export class SeededRandom {
  #a: number;
  #b: number;
  #c: number;
  #d: number;
  /** The second number of the last Box–Muller pair, not used yet. */
  #spare: number | undefined;

  /** Any 32-bit seed (other numbers are taken modulo 2³²). */
  constructor(seed: number) {
    let s = seed >>> 0;
    const next = (): number => {
      // splitmix32
      s = (s + 0x9e3779b9) | 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.#a = next();
    this.#b = next();
    this.#c = next();
    this.#d = next();
    if ((this.#a | this.#b | this.#c | this.#d) === 0) this.#a = 1;
  }

  /** The next 32-bit unsigned integer. */
  nextUint32(): number {
    const b = this.#b;
    const r = Math.imul(rotl(Math.imul(b, 5), 7), 9);
    const t = b << 9;
    this.#c ^= this.#a;
    this.#d ^= b;
    this.#b ^= this.#c;
    this.#a ^= this.#d;
    this.#c ^= t;
    this.#d = rotl(this.#d, 11);
    return r >>> 0;
  }

  /** Uniform in [0, 1), in steps of 2⁻³². */
  next(): number {
    return this.nextUint32() * TWO_POW_M32;
  }

  /** One standard normal number (Box–Muller; the pair's second number serves the next call). */
  nextNormal(): number {
    const spare = this.#spare;
    if (spare !== undefined) {
      this.#spare = undefined;
      return spare;
    }
    // u1 in (0, 1]: log is finite.
    const u1 = 1 - this.next();
    const u2 = this.next();
    const r = Math.sqrt(-2 * Math.log(u1));
    const angle = 2 * Math.PI * u2;
    this.#spare = r * Math.sin(angle);
    return r * Math.cos(angle);
  }

  /** Fills `out[from, to)` uniformly in [min, max] (float32 rounding can reach max, never beyond). */
  fillUniform(out: Float32Array, min: number, max: number, from = 0, to = out.length): void {
    const span = max - min;
    const top = Math.fround(max);
    for (let i = from; i < to; i++) {
      const v = Math.fround(min + span * this.next());
      out[i] = v > top ? top : v;
    }
  }

  /** Fills `out[from, to)` from the normal distribution N(mean, stddev²). */
  fillNormal(out: Float32Array, mean: number, stddev: number, from = 0, to = out.length): void {
    for (let i = from; i < to; i++) out[i] = mean + stddev * this.nextNormal();
  }

  /** Fills `out[from, to)` from N(0, stddev²) redrawn beyond ±2·stddev (Keras' truncated normal). */
  fillTruncatedNormal(out: Float32Array, stddev: number, from = 0, to = out.length): void {
    for (let i = from; i < to; i++) {
      let z = this.nextNormal();
      while (z > 2 || z < -2) z = this.nextNormal();
      out[i] = stddev * z;
    }
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
