/**
 * A trained network as read from a Caffe or ONNX file, in the source's own conventions (NCHW,
 * kernels OIHW, fully connected weights (out, in) with `in` flattened channel first): the layers
 * in order, what each does, its hyperparameters and its blobs. `map-weights.ts` turns it into the
 * engine's tensors.
 */

/** A blob: its shape as the file gives it and its values. */
export interface SourceBlob {
  readonly shape: readonly number[];
  readonly data: ArrayLike<number>;
}

/** What a layer does, in the converter's words. */
export type SourceOp =
  "input" | "conv" | "fc" | "relu" | "lrn" | "pool" | "dropout" | "flatten" | "softmax" | "other";

/** Padding as [top, bottom, left, right]. */
export type Pads = readonly [number, number, number, number];

export interface SourceConv {
  readonly numOutput: number | undefined;
  readonly kernel: readonly [number, number] | undefined;
  readonly stride: readonly [number, number];
  readonly pad: Pads;
  readonly group: number;
}

export interface SourceLrn {
  /** The window (Caffe's local_size, ONNX's size). */
  readonly size: number;
  /** As the file gives it: both Caffe and ONNX divide it by `size` when they run. */
  readonly alpha: number;
  readonly beta: number;
  readonly k: number;
}

export interface SourcePool {
  readonly mode: "max" | "avg" | "other";
  readonly kernel: readonly [number, number] | undefined;
  readonly stride: readonly [number, number];
  readonly pad: Pads;
  /** Caffe rounds output sizes up; ONNX rounds down unless `ceil_mode`. */
  readonly ceil: boolean;
  readonly global: boolean;
}

export interface SourceFc {
  readonly numOutput: number | undefined;
  /** The weight is stored (in, out) (ONNX Gemm transB 0, MatMul, Caffe `transpose`). */
  readonly transposed: boolean;
}

export interface SourceLayer {
  readonly name: string;
  /** The file's own type word: "Convolution", "CONVOLUTION", "Conv", "Gemm". */
  readonly type: string;
  readonly op: SourceOp;
  /** Weight first, then bias. */
  readonly blobs: readonly SourceBlob[];
  readonly conv?: SourceConv;
  readonly lrn?: SourceLrn;
  readonly pool?: SourcePool;
  readonly fc?: SourceFc;
}

export interface SourceNet {
  /** "Caffe (V1 layers)", "Caffe", "ONNX". */
  readonly format: string;
  /** How messages name the file. */
  readonly label: string;
  readonly layers: readonly SourceLayer[];
  /** The input's (channels, height, width) when the file says. */
  readonly input?: readonly [number, number, number];
}

/** "(256, 48, 5, 5)". */
export function formatDims(shape: readonly number[]): string {
  return `(${shape.join(", ")})`;
}
