import { SpecError, compileModel } from "@convstep/engine";
import { describe, expect, it } from "vitest";
import { MODEL_NAMES, getModelSpec, isModelName } from "./registry.js";

describe("model registry", () => {
  it("lists the five models, papers first, torchvision's AlexNet last", () => {
    expect(MODEL_NAMES).toEqual([
      "lenet5-1998",
      "lenet5-keras",
      "alexnet-2012",
      "alexnet-keras",
      "alexnet-torchvision",
    ]);
  });

  it.each(MODEL_NAMES)(
    "getModelSpec(%s) has that name, a title, a source, and compiles",
    (name) => {
      const spec = getModelSpec(name);
      expect(spec.name).toBe(name);
      expect(spec.title).toBeTruthy();
      expect(spec.source).toBeTruthy();
      expect(spec.description).toBeTruthy();
      expect(spec.input.description).toBeTruthy();
      expect(spec.output?.kind).toBeTruthy();
      expect(() => compileModel(spec)).not.toThrow();
    },
  );

  it('getModelSpec("vgg16") throws SpecError listing the known names', () => {
    expect(() => getModelSpec("vgg16")).toThrow(SpecError);
    expect(() => getModelSpec("vgg16")).toThrow(
      /"vgg16".*lenet5-1998, lenet5-keras, alexnet-2012, alexnet-keras, alexnet-torchvision/,
    );
  });

  it("isModelName accepts the five names only", () => {
    expect(MODEL_NAMES.every(isModelName)).toBe(true);
    expect(isModelName("LeNet5-1998")).toBe(false);
  });
});
