/** The error of a training run whose loss stopped being a number. */
import { ConvstepError } from "../errors.js";

/**
 * The loss became NaN or infinite (usually a learning rate too high): the run stops, frees its
 * tensors and says where. `epoch` and `batch` count from 0.
 */
export class DivergedError extends ConvstepError {
  constructor(
    readonly epoch: number,
    readonly batch: number,
    readonly loss: number,
    readonly learningRate: number,
  ) {
    super(
      "DIVERGED",
      `training stopped: the loss became ${loss} at epoch ${epoch + 1}, batch ${batch + 1} ` +
        `(learning rate ${learningRate}); try a smaller learning rate`,
    );
  }
}
