/**
 * The plain data of one convolution's arithmetic along an axis, as conv-window/arithmetic.ts
 * computes it and draw/conv-window.ts draws it. Types only, here so that both import them
 * downward.
 */

/** How padding is given: an explicit count on every side, or TensorFlow's `same`. */
export type PaddingMode = "explicit" | "same" | "valid";

/** The widget's settings. */
export interface ConvSettings {
  /** Input size (square). */
  readonly n: number;
  /** Kernel size. */
  readonly k: number;
  /** Stride. */
  readonly s: number;
  /** Zero padding on each side (explicit mode). */
  readonly p: number;
  /** Dilation. */
  readonly d: number;
  readonly padding: PaddingMode;
}

/** Everything the widget shows about one setting. */
export interface ConvArithmetic extends ConvSettings {
  /** Effective kernel extent: d(k − 1) + 1. */
  readonly kEff: number;
  /** Zeros before (top/left) and after (bottom/right) the input. */
  readonly before: number;
  readonly after: number;
  /** n + before + after. */
  readonly padded: number;
  /** padded − kEff: how far the window travels. Negative: it does not fit. */
  readonly span: number;
  /** span / s + 1, unrounded (54.25 for AlexNet at 224). */
  readonly exact: number;
  /** ⌊span / s⌋ + 1, or 0 when the window does not fit. */
  readonly out: number;
  /** The window does not fit in the padded input: the output is empty. */
  readonly empty: boolean;
  /** span is a multiple of s: the last window ends on the last padded pixel. */
  readonly exactFit: boolean;
  /** Padded pixels left over after the last window (span mod s). */
  readonly leftover: number;
  /** How far an extra window would hang over the padded edge (s − leftover; 0 on an exact fit). */
  readonly overhang: number;
  /** Input indices (0 … n − 1) that no window reads, ascending. */
  readonly unread: readonly number[];
  /** Of those, the ones after the last window (the rest are gaps between windows or taps). */
  readonly trailingUnread: readonly number[];
}
