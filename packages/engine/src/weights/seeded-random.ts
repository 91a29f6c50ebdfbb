/**
 * A fast seeded random generator that fills typed arrays: xoshiro128** (Blackman and Vigna),
 * seeded through splitmix32, with Marsaglia and Tsang's ziggurat (2000) for the normal
 * distribution: most draws cost one 32-bit number, a multiply and a compare. Plain JavaScript
 * arithmetic: the same seed gives the same numbers on every tfjs backend, and a fill split into
 * several calls gives the same numbers as one call.
 *
 * The ziggurat here takes the layer from the low 7 bits of a draw and the signed abscissa from the
 * other 25, so the two never share bits (the original's flaw that Doornik, 2005, pointed out).
 */

/** 2⁻³² */
const TWO_POW_M32 = 1 / 4294967296;

/** Layers of the ziggurat, and the scale of its 25-bit signed abscissas. */
const LAYERS = 128;
const M = 2 ** 24;
/** Where the tail starts (the rightmost layer's edge) and the area of each layer (Marsaglia–Tsang). */
const R = 3.442619855899;
const V = 9.91256303526217e-3;

/** kn[i]: |hz| below it lies inside layer i at once; wn[i]: hz → x; fn[i]: the density at layer i's edge. */
const KN = new Float64Array(LAYERS);
const WN = new Float64Array(LAYERS);
const FN = new Float64Array(LAYERS);
{
  let dn = R;
  let tn = dn;
  const q = V / Math.exp(-0.5 * dn * dn);
  KN[0] = (dn / q) * M;
  KN[1] = 0;
  WN[0] = q / M;
  WN[LAYERS - 1] = dn / M;
  FN[0] = 1;
  FN[LAYERS - 1] = Math.exp(-0.5 * dn * dn);
  for (let i = LAYERS - 2; i >= 1; i--) {
    dn = Math.sqrt(-2 * Math.log(V / dn + Math.exp(-0.5 * dn * dn)));
    KN[i + 1] = (dn / tn) * M;
    tn = dn;
    FN[i] = Math.exp(-0.5 * dn * dn);
    WN[i] = dn / M;
  }
}

export class SeededRandom {
  #a: number;
  #b: number;
  #c: number;
  #d: number;

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

  /** One standard normal number (the ziggurat). */
  nextNormal(): number {
    return this.#normalFrom(this.nextUint32());
  }

  /** The ziggurat's normal number for a first 32-bit draw `u` (drawing more when it must). */
  #normalFrom(u: number): number {
    for (;;) {
      const iz = u & (LAYERS - 1);
      const hz = (u | 0) >> 7;
      const x = hz * WN[iz];
      // Inside the layer's rectangle (≈ 99% of draws).
      if (Math.abs(hz) < KN[iz]) return x;
      if (iz === 0) {
        // The tail beyond R (Marsaglia's method for the normal tail).
        let tx: number;
        let ty: number;
        do {
          tx = -Math.log(1 - this.next()) / R;
          ty = -Math.log(1 - this.next());
        } while (ty + ty < tx * tx);
        return hz > 0 ? R + tx : -R - tx;
      }
      // Between the rectangle and the curve: accept under the density.
      if (FN[iz] + this.next() * (FN[iz - 1] - FN[iz]) < Math.exp(-0.5 * x * x)) return x;
      u = this.nextUint32();
    }
  }

  /** Fills `out[from, to)` uniformly in [min, max] (float32 rounding can reach max, never beyond). */
  fillUniform(out: Float32Array, min: number, max: number, from = 0, to = out.length): void {
    const span = max - min;
    const top = Math.fround(max);
    // nextUint32 with the state in locals (several times faster than through the fields).
    let a = this.#a;
    let b = this.#b;
    let c = this.#c;
    let d = this.#d;
    for (let i = from; i < to; i++) {
      const b5 = Math.imul(b, 5);
      const r = Math.imul((b5 << 7) | (b5 >>> 25), 9) >>> 0;
      const t = b << 9;
      c ^= a;
      d ^= b;
      b ^= c;
      a ^= d;
      c ^= t;
      d = (d << 11) | (d >>> 21);
      const v = Math.fround(min + span * (r * TWO_POW_M32));
      out[i] = v > top ? top : v;
    }
    this.#a = a;
    this.#b = b;
    this.#c = c;
    this.#d = d;
  }

  /** Fills `out[from, to)` from the normal distribution N(mean, stddev²). */
  fillNormal(out: Float32Array, mean: number, stddev: number, from = 0, to = out.length): void {
    let a = this.#a;
    let b = this.#b;
    let c = this.#c;
    let d = this.#d;
    for (let i = from; i < to; i++) {
      // nextUint32, inline.
      const b5 = Math.imul(b, 5);
      const u = Math.imul((b5 << 7) | (b5 >>> 25), 9);
      const t = b << 9;
      c ^= a;
      d ^= b;
      b ^= c;
      a ^= d;
      c ^= t;
      d = (d << 11) | (d >>> 21);
      // The ziggurat's fast path, inline; the rest (≈ 1%) through #normalFrom.
      const iz = u & (LAYERS - 1);
      const hz = u >> 7;
      if (Math.abs(hz) < KN[iz]) {
        out[i] = mean + stddev * (hz * WN[iz]);
        continue;
      }
      this.#a = a;
      this.#b = b;
      this.#c = c;
      this.#d = d;
      out[i] = mean + stddev * this.#normalFrom(u >>> 0);
      a = this.#a;
      b = this.#b;
      c = this.#c;
      d = this.#d;
    }
    this.#a = a;
    this.#b = b;
    this.#c = c;
    this.#d = d;
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
