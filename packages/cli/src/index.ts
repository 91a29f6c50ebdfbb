/**
 * @convstep/cli as a library: the `convstep` command line as a function (`main`), for embedding
 * or testing without spawning a process. The executable is `bin.js`.
 */
export { main, COMMANDS, generalHelp } from "./main.js";
export { processIo, type CliIo } from "./io.js";
export { EXIT_OK, EXIT_INTERNAL, EXIT_USAGE, UsageError, errorLine } from "./cli-error.js";
export { PREPROCESSING, preprocessImage } from "./preprocess/by-model.js";
export { predictFromOutput, type Prediction } from "./prediction.js";
export {
  convertModelFile,
  readModelFile,
  type ConvertOptions,
  type ConvertResult,
  type Release,
} from "./convert/convert-model.js";
export { ConvertError } from "./convert/convert-error.js";
