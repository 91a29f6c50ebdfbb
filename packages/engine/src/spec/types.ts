/**
 * The model spec: a JSON-serialisable description of a network. A spec holds no tensors; weights
 * live apart (see `weights/`). Shapes never include the batch dimension: `[height, width, channels]`
 * for feature maps, `[units]` for vectors. Tensors at run time are NHWC with a batch of one or more.
 */

/** A shape without the batch dimension: `[h, w, c]` or `[n]`. */
export type Shape = readonly number[];

/** Activation functions. `scaled-tanh` is LeCun's squashing function f(a) = 1.7159·tanh(2a/3). */
export type ActivationName = "linear" | "relu" | "tanh" | "scaled-tanh" | "sigmoid" | "softmax";

/**
 * Padding of a 2-D window op: `valid` (none), `same` (TensorFlow's rule: output = ⌈n / s⌉, extra
 * padding at the bottom/right), or explicit zeros: one number for every side, `[vertical,
 * horizontal]`, or `[top, bottom, left, right]`.
 */
export type PaddingSpec =
  "valid" | "same" | number | readonly [number, number] | readonly [number, number, number, number];

/** A size or stride: one number for both axes or `[vertical, horizontal]`. */
export type Size2 = number | readonly [number, number];

/** Weight initialisers. Fan-in/fan-out follow Keras (kernel: kh·kw·in and kh·kw·out). */
export type Initializer =
  | "glorot-uniform"
  | "glorot-normal"
  | "he-uniform"
  | "he-normal"
  | "lecun-uniform"
  | "lecun-normal"
  | "zeros"
  | "ones"
  | { readonly kind: "constant"; readonly value: number }
  | { readonly kind: "uniform"; readonly min: number; readonly max: number }
  /** The normal distribution N(mean, stddev²), untruncated (AlexNet's N(0, 0.01²)); mean default 0. */
  | { readonly kind: "normal"; readonly mean?: number; readonly stddev: number };

/** What every layer has. `inputs` names the layers it reads (default: the previous layer). */
export interface LayerSpecBase {
  /** Unique name, also the prefix of its weights (`C1/kernel`). */
  readonly name: string;
  /** Layer kind: picks the implementation in `layers/`. */
  readonly kind: string;
  /**
   * Names of the layers whose outputs this layer reads; `"input"` is the model input. Omitted: the
   * previous layer. Only chains are run today; the field exists so that branches (GoogLeNet) and
   * skips (ResNet) fit the same format later.
   */
  readonly inputs?: readonly string[];
  /** A short note for people (shown by widgets and summaries): "C3 with LeCun's Table I". */
  readonly note?: string;
}

export interface Conv2DSpec extends LayerSpecBase {
  readonly kind: "conv2d";
  readonly filters: number;
  readonly kernelSize: Size2;
  readonly strides?: Size2;
  readonly padding?: PaddingSpec;
  readonly dilation?: Size2;
  /** Grouped convolution (AlexNet's two GPUs): input and output channels split into `groups`. */
  readonly groups?: number;
  /**
   * Partial connectivity (LeNet's Table I): `connections[o]` lists the input channels that feed
   * output channel `o`. Parameters and connections count only these links.
   */
  readonly connections?: readonly (readonly number[])[];
  readonly activation?: ActivationName;
  readonly useBias?: boolean;
  readonly kernelInitializer?: Initializer;
  readonly biasInitializer?: Initializer;
}

export interface Pool2DSpec extends LayerSpecBase {
  readonly kind: "pool2d";
  readonly mode: "max" | "avg";
  readonly poolSize: Size2;
  /** Defaults to `poolSize`. AlexNet's overlapping pooling: size 3, stride 2. */
  readonly strides?: Size2;
  readonly padding?: "valid" | "same";
}

/**
 * LeNet's trainable subsampling: each output is the sum of its window times a per-map coefficient,
 * plus a per-map bias, then the activation. Weights: `<name>/kernel` [c], `<name>/bias` [c].
 */
export interface SubsamplingSpec extends LayerSpecBase {
  readonly kind: "subsampling";
  readonly poolSize: Size2;
  readonly strides?: Size2;
  readonly activation?: ActivationName;
  readonly kernelInitializer?: Initializer;
  readonly biasInitializer?: Initializer;
}

/**
 * Local response normalisation as in Krizhevsky et al. 2012:
 * b_i = a_i / (k + α Σ_{j=max(0,i−⌊n/2⌋)}^{min(N−1,i+⌊n/2⌋)} a_j²)^β.
 */
export interface LRNSpec extends LayerSpecBase {
  readonly kind: "lrn";
  readonly k: number;
  readonly n: number;
  readonly alpha: number;
  readonly beta: number;
}

/** Batch normalisation at inference: γ·(x − moving_mean)/√(moving_variance + ε) + β. */
export interface BatchNormSpec extends LayerSpecBase {
  readonly kind: "batch-norm";
  /** Keras' default is 0.001. */
  readonly epsilon?: number;
  /** Moving-average momentum used when training (Keras' default 0.99). */
  readonly momentum?: number;
}

/** Dropout: identity at inference; drops `rate` of the units (scaled) when training. */
export interface DropoutSpec extends LayerSpecBase {
  readonly kind: "dropout";
  readonly rate: number;
}

export interface FlattenSpec extends LayerSpecBase {
  readonly kind: "flatten";
}

export interface ZeroPaddingSpec extends LayerSpecBase {
  readonly kind: "zero-padding2d";
  /** One number for every side, `[vertical, horizontal]` or `[top, bottom, left, right]`. */
  readonly padding: number | readonly [number, number] | readonly [number, number, number, number];
}

/** Resizes feature maps as Keras' `Resizing` layer (bilinear, half-pixel centres). */
export interface ResizingSpec extends LayerSpecBase {
  readonly kind: "resizing";
  readonly height: number;
  readonly width: number;
  readonly interpolation?: "bilinear" | "nearest";
}

export interface DenseSpec extends LayerSpecBase {
  readonly kind: "dense";
  readonly units: number;
  readonly activation?: ActivationName;
  readonly useBias?: boolean;
  readonly kernelInitializer?: Initializer;
  readonly biasInitializer?: Initializer;
}

export interface ActivationSpec extends LayerSpecBase {
  readonly kind: "activation";
  readonly activation: ActivationName;
}

/**
 * LeNet's Euclidean RBF output: y_i = Σ_j (x_j − w_ij)², with fixed centres (not trainable).
 * `centers[i]` is the code of class i (LeNet: 84 values of ±1, a 7×12 bitmap of the digit).
 */
export interface RBFSpec extends LayerSpecBase {
  readonly kind: "rbf";
  readonly centers: readonly (readonly number[])[];
}

/** Every layer kind convstep knows. */
export type LayerSpec =
  | Conv2DSpec
  | Pool2DSpec
  | SubsamplingSpec
  | LRNSpec
  | BatchNormSpec
  | DropoutSpec
  | FlattenSpec
  | ZeroPaddingSpec
  | ResizingSpec
  | DenseSpec
  | ActivationSpec
  | RBFSpec;

export type LayerKind = LayerSpec["kind"];

/**
 * How an RGB photo's pixels (0–255, after resizing and cropping to the input size) become the
 * model's input values: input[c] = (pixel[c] · scale − mean[c]) / std[c], channels in RGB order.
 * Caffe's AlexNet: scale 1, mean (123, 117, 104), std 1; torchvision's: scale 1/255, mean (0.485,
 * 0.456, 0.406), std (0.229, 0.224, 0.225).
 */
export interface ImagePreprocessing {
  readonly scale: number;
  /** Subtracted after scaling, RGB order. */
  readonly mean: readonly [number, number, number];
  /** Divides after the mean is subtracted, RGB order. */
  readonly std: readonly [number, number, number];
  /** In words: "0–255 minus Caffe's mean pixel B 104, G 117, R 123". */
  readonly description?: string;
}

/** How raw pixels become the model's input. Documentation for widgets and the CLI. */
export interface InputSpec {
  /** `[height, width, channels]`. */
  readonly shape: Shape;
  /** Expected value range, e.g. `[-0.1, 1.175]` for LeNet-5 (1998). */
  readonly range?: readonly [number, number];
  /** One sentence: "28×28 MNIST digit centred in 32×32, background −0.1, ink 1.175". */
  readonly description?: string;
  /** For photo inputs (RGB): the value convention (see {@link ImagePreprocessing}). */
  readonly preprocessing?: ImagePreprocessing;
}

/** What the last layer's outputs mean. */
export interface OutputSpec {
  /** `probabilities` (softmax, highest wins) or `distances` (RBF, lowest wins). */
  readonly kind: "probabilities" | "distances" | "scores";
  /** Class names, in output order. */
  readonly classes?: readonly string[];
}

/** A whole network. */
export interface ModelSpec {
  /** Registry id, e.g. `lenet5-1998`. */
  readonly name: string;
  /** Human title: "LeNet-5 (LeCun et al., 1998)". */
  readonly title?: string;
  readonly description?: string;
  /** Citation of the paper or code the spec reproduces. */
  readonly source?: string;
  readonly input: InputSpec;
  readonly layers: readonly LayerSpec[];
  readonly output?: OutputSpec;
}
