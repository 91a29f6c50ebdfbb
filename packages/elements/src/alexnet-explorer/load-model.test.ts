import { describe, expect, it } from "vitest";
import {
  compiledModelOf,
  conv1Of,
  modelNameOf,
  variantOf,
  variantOfModel,
  weightMegabytes,
} from "./load-model.js";

describe("loading AlexNet (pure parts)", () => {
  it("attribute values: anything but keras is 2012; anything but bank is seeded", () => {
    expect([variantOf("keras"), variantOf(" KERAS "), variantOf("2012"), variantOf(null)]).toEqual([
      "keras",
      "keras",
      "2012",
      "2012",
    ]);
    expect([conv1Of("bank"), conv1Of("Bank"), conv1Of("random"), conv1Of(undefined)]).toEqual([
      "bank",
      "bank",
      "seeded",
      "seeded",
    ]);
    expect([modelNameOf("2012"), modelNameOf("keras")]).toEqual(["alexnet-2012", "alexnet-keras"]);
  });

  it("torchvision: the attribute word, its model name, and back from the model name", () => {
    expect([variantOf("torchvision"), variantOf(" TorchVision ")]).toEqual([
      "torchvision",
      "torchvision",
    ]);
    expect(modelNameOf("torchvision")).toBe("alexnet-torchvision");
    expect([variantOfModel("alexnet-torchvision"), variantOfModel("lenet5-1998")]).toEqual([
      "torchvision",
      undefined,
    ]);
    // 61,100,840 × 4 B ≈ 244 MB.
    expect(weightMegabytes(compiledModelOf("torchvision"))).toBe(244);
  });

  it("weights as float32: 60,965,224 × 4 B ≈ 244 MB (2012); 58,324,746 × 4 B ≈ 233 MB (Keras)", () => {
    expect(weightMegabytes(compiledModelOf("2012"))).toBe(244);
    expect(weightMegabytes(compiledModelOf("keras"))).toBe(233);
    expect(compiledModelOf("2012")).toBe(compiledModelOf("2012"));
  });
});
