/** @convstep/models: LeNet-5 (1998), AlexNet (2012) and their common Keras versions as specs. */
export {
  ALEXNET_2012,
  CAFFE_PREPROCESSING,
  IMAGENET_MEAN_RGB,
  IMAGENET_MEAN_PREPROCESSING,
} from "./alexnet-2012.js";
export { ALEXNET_KERAS } from "./alexnet-keras.js";
export { ALEXNET_TORCHVISION, TORCHVISION_PREPROCESSING } from "./alexnet-torchvision.js";
export {
  CONV1_BANK_NORM,
  alexnetConv1Bank,
  conv1BankGain,
  opponentColour,
  type Conv1Bank,
  type Conv1BankOptions,
  type Conv1KernelInfo,
} from "./alexnet-conv1-bank.js";
export { CIFAR10_CLASSES } from "./cifar10-classes.js";
export { IMAGENET_CLASSES } from "./imagenet-classes.js";
export { LENET5_1998 } from "./lenet5-1998.js";
export {
  DIGIT_BITMAP_COLUMNS,
  DIGIT_BITMAP_ROWS,
  LENET5_DIGIT_BITMAPS,
  LENET5_DIGIT_CODES,
  codeFromBitmap,
} from "./lenet5-digit-codes.js";
export { LENET5_KERAS } from "./lenet5-keras.js";
export { LENET5_TABLE_1, LENET5_TABLE_1_GRID, connectionsFromGrid } from "./lenet5-table-1.js";
export { MODEL_NAMES, getModelSpec, isModelName, type ModelName } from "./registry.js";
export {
  DIGIT_FILE_MAGIC,
  DIGIT_FILE_VERSION,
  DigitFileError,
  decodeDigits,
  digitValues,
  encodeDigits,
  type DigitSet,
} from "./mnist/digit-file.js";
export { inflateRaw } from "./mnist/inflate.js";
export {
  SAMPLE_PHOTOS,
  SAMPLE_SHORT_SIDE,
  sampleCredit,
  samplePhoto,
  type SamplePhoto,
} from "./samples.js";
