/**
 * An illustrative, hand-built bank of 96 conv1 kernels for AlexNet, in the spirit of the paper's
 * Figure 3 (Krizhevsky et al. 2012): the 48 kernels of "GPU 1" are colour-agnostic oriented edges
 * and gratings (Gabor filters at 8 orientations, 3 wavelengths, 2 phases), the 48 of "GPU 2"
 * colour blobs, colour-opponent edges and colour centre-surrounds. They are NOT learned weights:
 * they let conv1's maps on a real photo show edges and colours a reader can recognise while the
 * rest of the network stays untrained.
 *
 * Every kernel has zero mean over its 11×11×3 taps (so the ImageNet mean subtraction does not
 * change its response) and the same L2 norm. GPU 1's kernels weigh R, G and B equally at every
 * tap (they see brightness only); GPU 2's have R + G + B = 0 at every tap (they see colour only:
 * a grey image gives them nothing).
 *
 * ```ts
 * const bank = alexnetConv1Bank(); // kernel [11, 11, 3, 96] (Keras layout), bias [96]
 * weights.set("conv1/kernel", tf.tensor(bank.kernel, [...bank.shape]));
 * ```
 */

/** Kernel side (AlexNet's conv1 is 11×11). */
export const CONV1_BANK_SIZE = 11;
/** Input channels (RGB). */
export const CONV1_BANK_CHANNELS = 3;
/** Kernels: 48 per GPU. */
export const CONV1_BANK_FILTERS = 96;

/** What one kernel of the bank is. */
export type Conv1KernelInfo =
  | {
      readonly gpu: 1;
      readonly kind: "edge";
      /** Direction of the edge line in degrees: 0 horizontal, 90 vertical (counter-clockwise, y up). */
      readonly orientation: number;
      /** Period of the grating in pixels. */
      readonly wavelength: number;
      /** `odd`: a step edge (sine carrier); `even`: a bar or line (cosine carrier). */
      readonly phase: "odd" | "even";
    }
  | {
      readonly gpu: 2;
      readonly kind: "blob" | "colour-edge" | "centre-surround";
      /** Hue angle in the colour-opponent plane, degrees: 0 red, 90 yellow…, see {@link opponentColour}. */
      readonly hue: number;
      /** Edge direction (colour edges only), as for edges. */
      readonly orientation?: number;
      /** Width (σ of the Gaussian) in pixels, for blobs and centre-surrounds. */
      readonly sigma?: number;
    };

/** The bank: kernels in Keras layout `[kh, kw, in, out]`, biases, and what each kernel is. */
export interface Conv1Bank {
  readonly shape: readonly [11, 11, 3, 96];
  /** Row-major `[ky][kx][channel][filter]`: index ((ky·11 + kx)·3 + c)·96 + o. */
  readonly kernel: Float32Array;
  /** One bias per filter (all 0: a kernel fires on its pattern, ReLU keeps the positive side). */
  readonly bias: Float32Array;
  readonly info: readonly Conv1KernelInfo[];
}

/** Options of {@link alexnetConv1Bank}. */
export interface Conv1BankOptions {
  /**
   * L2 norm of every kernel (default {@link CONV1_BANK_NORM}, sized for the 2012 model's 0–255
   * inputs). Inputs in [0, 1] (the Keras model) need 255 times that: {@link conv1BankGain}.
   */
  readonly norm?: number;
}

/** The default kernel norm for the 2012 model (inputs 0–255 minus the mean). */
export const CONV1_BANK_NORM = 1 / 16;

/**
 * The kernel norm that suits a model's input range: pixel values of 0–255 (the 2012 model,
 * mean-subtracted) keep {@link CONV1_BANK_NORM}; a range a few units wide ([0, 1], [−1, 1]: the
 * Keras model) is taken as pixels divided by 255 and gets 255 times more.
 */
export function conv1BankGain(inputRange: readonly [number, number]): number {
  const span = inputRange[1] - inputRange[0];
  return span > 0 && span <= 2 ? CONV1_BANK_NORM * 255 : CONV1_BANK_NORM;
}

const ORIENTATIONS = [0, 22.5, 45, 67.5, 90, 112.5, 135, 157.5];
const WAVELENGTHS = [10, 6, 4];
const HUES8 = [0, 45, 90, 135, 180, 225, 270, 315];

/**
 * A unit RGB direction with R + G + B = 0 for a hue angle in the opponent plane spanned by
 * red−green (0°) and yellow−blue (90°): 0° red, 90° yellow, 180° green/cyan, 270° blue.
 */
export function opponentColour(hue: number): [number, number, number] {
  const rg: [number, number, number] = [1 / Math.SQRT2, -1 / Math.SQRT2, 0];
  const yb: [number, number, number] = [1 / Math.sqrt(6), 1 / Math.sqrt(6), -2 / Math.sqrt(6)];
  const a = (hue * Math.PI) / 180;
  const c = Math.cos(a);
  const s = Math.sin(a);
  return [c * rg[0] + s * yb[0], c * rg[1] + s * yb[1], c * rg[2] + s * yb[2]];
}

const GREY: [number, number, number] = [1 / Math.sqrt(3), 1 / Math.sqrt(3), 1 / Math.sqrt(3)];

/** Offsets from the kernel centre: x to the right, y up (so 45° rises to the right). */
function forEachTap(fn: (ky: number, kx: number, x: number, y: number) => void): void {
  const half = (CONV1_BANK_SIZE - 1) / 2;
  for (let ky = 0; ky < CONV1_BANK_SIZE; ky++)
    for (let kx = 0; kx < CONV1_BANK_SIZE; kx++) fn(ky, kx, kx - half, half - ky);
}

/** A Gabor pattern (11×11, row-major) for an edge direction, wavelength and phase. */
function gabor(orientation: number, wavelength: number, phase: "odd" | "even"): Float64Array {
  const out = new Float64Array(CONV1_BANK_SIZE * CONV1_BANK_SIZE);
  // The carrier runs across the edge line: along its normal.
  const normal = ((orientation - 90) * Math.PI) / 180;
  const sigma = Math.min(3.2, 0.56 * wavelength);
  forEachTap((ky, kx, x, y) => {
    const u = x * Math.cos(normal) + y * Math.sin(normal);
    const v = -x * Math.sin(normal) + y * Math.cos(normal);
    const envelope = Math.exp(-(u * u + v * v) / (2 * sigma * sigma));
    const carrier =
      phase === "odd"
        ? Math.sin((2 * Math.PI * u) / wavelength)
        : Math.cos((2 * Math.PI * u) / wavelength);
    out[ky * CONV1_BANK_SIZE + kx] = envelope * carrier;
  });
  return out;
}

/** A round Gaussian blob of width σ. */
function blob(sigma: number): Float64Array {
  const out = new Float64Array(CONV1_BANK_SIZE * CONV1_BANK_SIZE);
  forEachTap((ky, kx, x, y) => {
    out[ky * CONV1_BANK_SIZE + kx] = Math.exp(-(x * x + y * y) / (2 * sigma * sigma));
  });
  return out;
}

/** A difference of Gaussians: centre σ minus a surround of 2.5σ with the same volume. */
function centreSurround(sigma: number): Float64Array {
  const centre = blob(sigma);
  const surround = blob(2.5 * sigma);
  const sc = centre.reduce((a, b) => a + b, 0);
  const ss = surround.reduce((a, b) => a + b, 0);
  return centre.map((v, i) => v / sc - surround[i] / ss);
}

/** Writes pattern × colour into filter `o`, zero-mean over all taps and with L2 norm `norm`. */
function writeKernel(
  kernel: Float32Array,
  o: number,
  pattern: Float64Array,
  colour: readonly [number, number, number],
  norm: number,
): void {
  const taps = CONV1_BANK_SIZE * CONV1_BANK_SIZE * CONV1_BANK_CHANNELS;
  const values = new Float64Array(taps);
  for (let p = 0; p < pattern.length; p++)
    for (let c = 0; c < CONV1_BANK_CHANNELS; c++) values[p * 3 + c] = pattern[p] * colour[c];
  // Zero mean: a grey kernel loses its mean per channel (keeping R = G = B); a colour kernel has
  // R + G + B = 0 at every tap, so its mean is 0 already and its blobs stay blobs.
  if (colour === GREY) {
    for (let c = 0; c < CONV1_BANK_CHANNELS; c++) {
      let mean = 0;
      for (let p = 0; p < pattern.length; p++) mean += values[p * 3 + c];
      mean /= pattern.length;
      for (let p = 0; p < pattern.length; p++) values[p * 3 + c] -= mean;
    }
  }
  let sq = 0;
  for (const v of values) sq += v * v;
  const scale = sq > 0 ? norm / Math.sqrt(sq) : 0;
  for (let i = 0; i < taps; i++) kernel[i * CONV1_BANK_FILTERS + o] = values[i] * scale;
}

/**
 * The hand-built conv1 bank (deterministic, pure): 96 kernels of 11×11×3, 48 grey edges and
 * gratings for GPU 1 (filters 0–47), 48 colour kernels for GPU 2 (48–95). Same shape for the
 * 2012 and the Keras model; pass `norm` ({@link conv1BankGain}) to suit the input range.
 */
export function alexnetConv1Bank(options: Conv1BankOptions = {}): Conv1Bank {
  const norm = options.norm ?? CONV1_BANK_NORM;
  const kernel = new Float32Array(
    CONV1_BANK_SIZE * CONV1_BANK_SIZE * CONV1_BANK_CHANNELS * CONV1_BANK_FILTERS,
  );
  const info: Conv1KernelInfo[] = [];
  // GPU 1: 3 wavelengths × 8 orientations × (odd, even) = 48 grey Gabor filters.
  for (const wavelength of WAVELENGTHS)
    for (const orientation of ORIENTATIONS)
      for (const phase of ["odd", "even"] as const) {
        writeKernel(kernel, info.length, gabor(orientation, wavelength, phase), GREY, norm);
        info.push({ gpu: 1, kind: "edge", orientation, wavelength, phase });
      }
  // GPU 2: 16 colour blobs (8 hues × 2 widths), 16 colour-opponent edges (4 directions × 4 hues),
  // 16 colour centre-surrounds (8 hues × 2 widths).
  for (const sigma of [1.6, 2.8])
    for (const hue of HUES8) {
      writeKernel(kernel, info.length, blob(sigma), opponentColour(hue), norm);
      info.push({ gpu: 2, kind: "blob", hue, sigma });
    }
  for (const orientation of [0, 45, 90, 135])
    for (const hue of [0, 90, 180, 270]) {
      writeKernel(kernel, info.length, gabor(orientation, 9, "odd"), opponentColour(hue), norm);
      info.push({ gpu: 2, kind: "colour-edge", hue, orientation });
    }
  for (const sigma of [1.1, 1.8])
    for (const hue of HUES8) {
      writeKernel(kernel, info.length, centreSurround(sigma), opponentColour(hue), norm);
      info.push({ gpu: 2, kind: "centre-surround", hue, sigma });
    }
  return {
    shape: [CONV1_BANK_SIZE, CONV1_BANK_SIZE, CONV1_BANK_CHANNELS, CONV1_BANK_FILTERS],
    kernel,
    bias: new Float32Array(CONV1_BANK_FILTERS),
    info,
  };
}
