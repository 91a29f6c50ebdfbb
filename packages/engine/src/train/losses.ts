/**
 * Training criteria. Each takes the network's last output for a batch and one-hot targets and
 * returns the mean loss over the batch (a scalar), built from tfjs-core ops so that it is
 * differentiable.
 */
import * as tf from "@tensorflow/tfjs-core";

/**
 * Which criterion a model trains with:
 * - `softmax-cross-entropy`: −log softmax(z)_D on the logits z of a softmax output (the Keras
 *   versions' `categorical_crossentropy`, computed stably from the logits);
 * - `rbf-map`: LeCun et al. 1998's maximum a posteriori criterion (eq. 9) on the RBF distances y,
 *   E = y_D + log(e^{−j} + Σ_i e^{−y_i}). With j = ∞ it is the cross-entropy of softmax(−y).
 */
export type LossKind = "softmax-cross-entropy" | "rbf-map";

/**
 * Mean over the batch of −log softmax(logits)_D = logsumexp(z) − z_D, from logits `[batch,
 * classes]` and one-hot `targets` of the same shape.
 *
 * ```ts
 * softmaxCrossEntropy(tf.tensor2d([[0, 0]]), tf.tensor2d([[1, 0]])); // log 2
 * ```
 */
export function softmaxCrossEntropy(logits: tf.Tensor, targets: tf.Tensor): tf.Scalar {
  return tf.tidy(() => {
    const lse = tf.logSumExp(logits, 1);
    const picked = tf.sum(tf.mul(logits, targets), 1);
    return tf.mean(tf.sub(lse, picked)) as tf.Scalar;
  });
}

/**
 * LeCun et al. 1998, eq. 9 (the MAP criterion), averaged over the batch:
 * E = y_D + log(e^{−j} + Σ_i e^{−y_i}), where y `[batch, classes]` are the RBF outputs (squared
 * distances, lowest wins) and D the desired class. The first term pulls the correct class's
 * centre closer; the second pushes the others away, but only while they are closer than about j
 * (the "rubbish class" term e^{−j} then dominates). `j = Infinity` drops that term: the loss is
 * the cross-entropy of softmax(−y).
 *
 * ```ts
 * rbfMapLoss(tf.tensor2d([[1, 3]]), tf.tensor2d([[1, 0]]), Infinity); // 1 + log(e⁻¹ + e⁻³)
 * ```
 */
export function rbfMapLoss(distances: tf.Tensor, targets: tf.Tensor, j: number): tf.Scalar {
  return tf.tidy(() => {
    const neg = tf.neg(distances);
    const terms = j === Infinity ? neg : tf.concat([tf.fill([distances.shape[0], 1], -j), neg], 1);
    const lse = tf.logSumExp(terms, 1);
    const picked = tf.sum(tf.mul(distances, targets), 1);
    return tf.mean(tf.add(picked, lse)) as tf.Scalar;
  });
}
