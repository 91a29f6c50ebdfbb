import * as tf from "@tensorflow/tfjs-core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { expectNoLeaks } from "../../../../test/helpers.js";
import { WeightsError } from "../errors.js";
import type { CompiledModel, ModelParam } from "../model/compile.js";
import { checkWeights, unravelIndex } from "./check.js";

// C3: kernel [1, 1, 2, 2] where output 0 reads input 0 only (mask [1, 1, 0, 1] row-major
// over [in, out]: (in 0, out 0)=1, (0, 1)=1, (1, 0)=0, (1, 1)=1).
const mask = new Float32Array([1, 1, 0, 1]);

function param(
  layer: string,
  name: string,
  shape: number[],
  extra: Partial<ModelParam> = {},
): ModelParam {
  return {
    layer,
    name,
    fullName: `${layer}/${name}`,
    shape,
    trainable: true,
    initializer: "zeros",
    fanIn: 1,
    fanOut: 1,
    ...extra,
  };
}

const model: CompiledModel = {
  spec: { name: "hand", input: { shape: [1] }, layers: [] },
  inputShape: [1],
  outputShape: [1],
  layers: [],
  params: [param("C3", "kernel", [1, 1, 2, 2], { mask }), param("F6", "bias", [20])],
};

/** The same with AlexNet's fc6 kernel too, for the missing-tensor cases (no 150 MB tensor made). */
const withFc6: CompiledModel = {
  ...model,
  params: [...model.params, param("fc6", "kernel", [9216, 4096])],
};

/** Valid weights of `model`; each test may replace entries (disposing what it replaces). */
let weights: Map<string, tf.Tensor>;
let baseline = 0;

beforeEach(() => {
  baseline = tf.memory().numTensors;
  weights = new Map<string, tf.Tensor>([
    ["C3/kernel", tf.tensor([0.5, -1, 0, 2], [1, 1, 2, 2])],
    ["F6/bias", tf.zeros([20])],
  ]);
});

afterEach(() => {
  for (const t of weights.values()) t.dispose();
  // Every test disposes what it replaced: nothing may be left over.
  expect(tf.memory().numTensors, "tensors leaked").toBe(baseline);
});

function thrown(fn: () => void): WeightsError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(WeightsError);
    return error as WeightsError;
  }
  throw new Error("expected a WeightsError, nothing was thrown");
}

describe("checkWeights", () => {
  it("valid weights → no error, no tensor made", async () => {
    await expectNoLeaks(() => checkWeights(model, weights));
  });

  it('fc6/kernel absent → weight "fc6/kernel": missing (expected shape [9216, 4096])', () => {
    const e = thrown(() => checkWeights(withFc6, weights));
    expect(e.message).toBe('weight "fc6/kernel": missing (expected shape [9216, 4096])');
    expect(e.tensor).toBe("fc6/kernel");
    expect(e.code).toBe("WEIGHTS");
  });

  it("missing with an unknown tensor in the set → the message lists the unknown names", () => {
    weights.set("dense_1/kernel", tf.zeros([2]));
    expect(() => checkWeights(withFc6, weights)).toThrow(
      'weight "fc6/kernel": missing (expected shape [9216, 4096]); the set holds weights the model does not have: dense_1/kernel',
    );
  });

  it("C3/kernel [1, 1, 2, 1] for [1, 1, 2, 2] → expected shape …, got …", () => {
    weights.get("C3/kernel")!.dispose();
    weights.set("C3/kernel", tf.zeros([1, 1, 2, 1]));
    const e = thrown(() => checkWeights(model, weights));
    expect(e.message).toBe('weight "C3/kernel": expected shape [1, 1, 2, 2], got [1, 1, 2, 1]');
    expect(e.tensor).toBe("C3/kernel");
  });

  it("F6/bias with NaN at index 17 → contains NaN at index 17", () => {
    const values = new Float32Array(20);
    values[17] = NaN;
    values[18] = Infinity;
    weights.get("F6/bias")!.dispose();
    weights.set("F6/bias", tf.tensor(values));
    expect(() => checkWeights(model, weights)).toThrow(
      'weight "F6/bias": contains NaN at index 17',
    );
  });

  it("F6/bias with -Infinity at index 3 → contains -Infinity at index 3", () => {
    const values = new Float32Array(20);
    values[3] = -Infinity;
    weights.get("F6/bias")!.dispose();
    weights.set("F6/bias", tf.tensor(values));
    expect(() => checkWeights(model, weights)).toThrow(
      'weight "F6/bias": contains -Infinity at index 3',
    );
  });

  it("values: false skips NaN and mask checks", () => {
    weights.get("F6/bias")!.dispose();
    weights.set("F6/bias", tf.fill([20], NaN));
    expect(() => checkWeights(model, weights, { values: false })).not.toThrow();
  });

  it("C3/kernel non-zero where the mask is 0 (in 1 → out 0, index 2) → masked-out entry error", () => {
    weights.get("C3/kernel")!.dispose();
    weights.set("C3/kernel", tf.tensor([0.5, -1, 0.25, 2], [1, 1, 2, 2]));
    expect(() => checkWeights(model, weights)).toThrow(
      'weight "C3/kernel": masked-out entry at index 2 (position [0, 0, 1, 0]) is 0.25, expected exactly 0',
    );
  });

  it("int32 tensor → expected dtype float32, got int32", () => {
    weights.get("F6/bias")!.dispose();
    weights.set("F6/bias", tf.zeros([20], "int32"));
    expect(() => checkWeights(model, weights)).toThrow(
      'weight "F6/bias": expected dtype float32, got int32',
    );
  });

  it("a disposed tensor → WeightsError naming it", () => {
    weights.get("F6/bias")!.dispose();
    expect(() => checkWeights(model, weights)).toThrow(
      'weight "F6/bias": the tensor has been disposed',
    );
  });

  it("an extra tensor → not a weight of the model (unless allowExtra)", () => {
    const extra = tf.zeros([3]);
    weights.set("conv9/kernel", extra);
    const e = thrown(() => checkWeights(model, weights));
    expect(e.tensor).toBe("conv9/kernel");
    expect(e.message).toBe(
      'weight "conv9/kernel": not a weight of model "hand" (its weights are C3/kernel, F6/bias)',
    );
    expect(() => checkWeights(model, weights, { allowExtra: true })).not.toThrow();
  });
});

describe("unravelIndex", () => {
  it("index 17 in [2, 3, 4] → [1, 1, 1]", () => {
    // 17 = 1·12 + 1·4 + 1
    expect(unravelIndex(17, [2, 3, 4])).toEqual([1, 1, 1]);
  });
  it("index 0 → all zeros; last index → shape − 1", () => {
    expect(unravelIndex(0, [5, 5, 6, 16])).toEqual([0, 0, 0, 0]);
    expect(unravelIndex(5 * 5 * 6 * 16 - 1, [5, 5, 6, 16])).toEqual([4, 4, 5, 15]);
  });
});
