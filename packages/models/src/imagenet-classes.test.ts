// Expectations written by hand from the ILSVRC-2012 synset list (LOC_synset_mapping.txt order,
// which is Caffe's synset_words.txt order): the wnid in each comment is the synset's.
import { describe, expect, it } from "vitest";
import { ALEXNET_2012 } from "./alexnet-2012.js";
import { ALEXNET_TORCHVISION } from "./alexnet-torchvision.js";
import { IMAGENET_CLASSES } from "./imagenet-classes.js";
import { IMAGENET_CLASSES as FROM_INDEX } from "./index.js";

const KNOWN: readonly (readonly [number, string])[] = [
  [0, "tench, Tinca tinca"], // n01440764
  [1, "goldfish, Carassius auratus"], // n01443537
  [7, "cock"], // n01514668
  [134, "crane (bird)"], // n02012849 (the table says "crane")
  [207, "golden retriever"], // n02099601
  [281, "tabby, tabby cat"], // n02123045
  [282, "tiger cat"], // n02123159
  [285, "Egyptian cat"], // n02124075
  [340, "zebra"], // n02391049
  [386, "African elephant, Loxodonta africana"], // n02504458
  [504, "coffee mug"], // n03063599
  [517, "crane (machine)"], // n03126707 (the table says "crane")
  [954, "banana"], // n07753592
  [999, "toilet tissue, toilet paper, bathroom tissue"], // n15075141
];

describe("IMAGENET_CLASSES", () => {
  it("has 1,000 names, all different, none empty", () => {
    expect(IMAGENET_CLASSES).toHaveLength(1000);
    expect(new Set(IMAGENET_CLASSES).size).toBe(1000);
    expect(IMAGENET_CLASSES.every((name) => name.trim().length > 0)).toBe(true);
  });

  it.each(KNOWN)("class %d is %j", (index, name) => {
    expect(IMAGENET_CLASSES[index]).toBe(name);
  });

  it("is the list the package exports and both ImageNet AlexNets name their outputs with", () => {
    expect(FROM_INDEX).toBe(IMAGENET_CLASSES);
    expect(ALEXNET_2012.output?.classes).toBe(IMAGENET_CLASSES);
    // torchvision's 1,000 outputs are in the same ILSVRC-2012 order.
    expect(ALEXNET_TORCHVISION.output?.classes).toBe(IMAGENET_CLASSES);
  });
});
