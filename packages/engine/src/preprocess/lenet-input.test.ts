import { describe, expect, it } from "vitest";
import { expectAllClose } from "../../../../test/helpers.js";
import { InputError } from "../errors.js";
import { bytesToUnit, lenet1998Input, lenetKerasInput } from "./lenet-input.js";

describe("LeNet inputs", () => {
  it("lenet5-1998: a blank digit → 32×32 of −0.1", () => {
    expectAllClose(lenet1998Input(new Float32Array(784)), new Array(1024).fill(-0.1));
  });

  it("lenet5-1998: ink 1 at (0,0) and 0.5 at (27,27) → 1.175 at (2,2), 0.5375 at (29,29)", () => {
    const digit = new Float32Array(784);
    digit[0] = 1;
    digit[783] = 0.5;
    const out = lenet1998Input(digit);
    expect(out[2 * 32 + 2]).toBeCloseTo(1.175, 6);
    expect(out[29 * 32 + 29]).toBeCloseTo(-0.1 + 1.275 * 0.5, 6);
    expect(out[0]).toBeCloseTo(-0.1, 6);
    expect(out[31 * 32 + 31]).toBeCloseTo(-0.1, 6);
  });

  it("lenet5-keras: values kept, clamped to [0, 1]", () => {
    const digit = new Float32Array(784);
    digit[1] = 0.25;
    digit[2] = 1.5;
    digit[3] = -0.5;
    const out = lenetKerasInput(digit);
    expect(Array.from(out.subarray(0, 4))).toEqual([0, 0.25, 1, 0]);
  });

  it("bytesToUnit: image 1 of two 2-pixel images [0, 255, 51, 102] → [0.2, 0.4]", () => {
    expectAllClose(bytesToUnit(Uint8Array.of(0, 255, 51, 102), 1, 1, 2), [0.2, 0.4]);
    expect(() => bytesToUnit(Uint8Array.of(1, 2), 1, 1, 2)).toThrow(InputError);
  });

  it("not 784 values → InputError", () => {
    expect(() => lenet1998Input(new Float32Array(1024))).toThrow(
      /28×28 digit \(784 values in \[0, 1\]\), got 1024/,
    );
    expect(() => lenetKerasInput([])).toThrow(InputError);
  });
});
