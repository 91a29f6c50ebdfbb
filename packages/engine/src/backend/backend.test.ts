import * as tf from "@tensorflow/tfjs-core";
import { afterEach, describe, expect, it } from "vitest";
import { BackendError } from "../errors.js";
import { decideBackend, isNodeWithoutWebGL, selectBackend } from "./backend.js";
import { isSoftwareRenderer, softwareRendererName } from "./renderer.js";

describe("isSoftwareRenderer", () => {
  const software: [string, string][] = [
    ["Google SwiftShader", "SwiftShader"],
    [
      "ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)",
      "SwiftShader",
    ],
    ["llvmpipe (LLVM 15.0.6, 256 bits)", "llvmpipe"],
    ["Mesa/X.org, llvmpipe (LLVM 12.0.0, 256 bits)", "llvmpipe"],
    ["lavapipe", "lavapipe"],
    ["Gallium 0.4 on softpipe", "softpipe"],
    [
      "ANGLE (Microsoft, Microsoft Basic Render Driver Direct3D11 vs_5_0 ps_5_0, D3D11)",
      "Microsoft Basic Render Driver",
    ],
    ["Apple Software Renderer", "Apple Software Renderer"],
    ["Software Rasterizer", "a software renderer"],
  ];
  for (const [renderer, name] of software) {
    it(`"${renderer}" → software (${name})`, () => {
      expect(isSoftwareRenderer(renderer)).toBe(true);
      expect(softwareRendererName(renderer)).toBe(name);
    });
  }

  const hardware = [
    "ANGLE (NVIDIA, NVIDIA GeForce RTX 3080 Direct3D11 vs_5_0 ps_5_0, D3D11)",
    "ANGLE (Intel, Intel(R) UHD Graphics 620 (0x00005917) Direct3D11 vs_5_0 ps_5_0, D3D11)",
    "Mesa Intel(R) UHD Graphics 620 (KBL GT2)",
    "AMD Radeon Pro 5500M OpenGL Engine",
    "Apple M1",
    "Adreno (TM) 650",
    "Mali-G78",
    "ANGLE (Apple, ANGLE Metal Renderer: Apple M2, Unspecified Version)",
  ];
  for (const renderer of hardware) {
    it(`"${renderer}" → hardware`, () => {
      expect(isSoftwareRenderer(renderer)).toBe(false);
      expect(softwareRendererName(renderer)).toBeNull();
    });
  }

  it("empty, null and undefined → not software (unknown)", () => {
    expect(isSoftwareRenderer("")).toBe(false);
    expect(isSoftwareRenderer(null)).toBe(false);
    expect(isSoftwareRenderer(undefined)).toBe(false);
  });
});

describe("decideBackend (auto)", () => {
  it("Node → cpu, with the reason", () => {
    const d = decideBackend({ node: true, webgl: "missing" });
    expect(d.backend).toBe("cpu");
    expect(d.reason).toMatch(/^cpu: running in Node, which has no WebGL/);
  });

  it("browser without WebGL → wasm", () => {
    expect(decideBackend({ node: false, webgl: "missing" })).toEqual({
      backend: "wasm",
      reason: "wasm: WebGL is not available here",
    });
  });

  it("SwiftShader → wasm: 'WebGL renders in software (SwiftShader), where wasm is ~30× faster'", () => {
    const renderer =
      "ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero)), SwiftShader driver)";
    expect(decideBackend({ node: false, webgl: { renderer } })).toEqual({
      backend: "wasm",
      reason: "wasm: WebGL renders in software (SwiftShader), where wasm is ~30× faster",
      renderer,
    });
  });

  it("a hardware GPU → webgl, naming the renderer", () => {
    const renderer = "ANGLE (NVIDIA, NVIDIA GeForce RTX 3080 Direct3D11 vs_5_0 ps_5_0, D3D11)";
    expect(decideBackend({ node: false, webgl: { renderer } })).toEqual({
      backend: "webgl",
      reason: `webgl: WebGL runs on a GPU (${renderer})`,
      renderer,
    });
  });

  it("renderer not reported → webgl, saying it assumes a GPU", () => {
    const d = decideBackend({ node: false, webgl: { renderer: null } });
    expect(d.backend).toBe("webgl");
    expect(d.reason).toContain("not reported");
  });
});

describe("selectBackend in Node", () => {
  afterEach(async () => {
    await tf.setBackend("cpu");
  });

  it("this test process is Node without WebGL", () => {
    expect(isNodeWithoutWebGL()).toBe(true);
  });

  it('"cpu" → cpu, reason "cpu: requested"', async () => {
    expect(await selectBackend("cpu")).toEqual({ backend: "cpu", reason: "cpu: requested" });
    expect(tf.getBackend()).toBe("cpu");
  });

  it('"auto" → cpu because this is Node', async () => {
    const d = await selectBackend("auto");
    expect(d.backend).toBe("cpu");
    expect(d.reason).toMatch(/^cpu: running in Node/);
    expect(tf.getBackend()).toBe("cpu");
  });

  it('"webgl" in Node → BackendError, and cpu stays the backend', async () => {
    await expect(selectBackend("webgl")).rejects.toThrow(BackendError);
    await expect(selectBackend("webgl")).rejects.toThrow(
      'cannot use backend "webgl": WebGL is not available here',
    );
    expect(tf.getBackend()).toBe("cpu");
    const t = tf.add(tf.scalar(1), tf.scalar(2));
    expect(t.dataSync()[0]).toBe(3);
    tf.dispose(t);
  });

  it('"wasm" in Node → wasm; a 3×3 conv on it matches a plain loop', async () => {
    expect(await selectBackend("wasm")).toEqual({ backend: "wasm", reason: "wasm: requested" });
    expect(tf.getBackend()).toBe("wasm");
    const x = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16];
    const k = [1, 0, -1, 2, 0, -2, 1, 0, -1];
    // Valid 3×3 on 4×4 → 2×2, by hand-written loops.
    const expected: number[] = [];
    for (let y = 0; y < 2; y++)
      for (let xx = 0; xx < 2; xx++) {
        let s = 0;
        for (let i = 0; i < 3; i++)
          for (let j = 0; j < 3; j++) s += x[(y + i) * 4 + xx + j] * k[i * 3 + j];
        expected.push(s);
      }
    const out = tf.tidy(() =>
      tf.conv2d(tf.tensor4d(x, [1, 4, 4, 1]), tf.tensor4d(k, [3, 3, 1, 1]), 1, "valid").dataSync(),
    );
    expect(Array.from(out)).toEqual(expected);
  });

  it('unknown choice "gpu" → BackendError listing the choices', async () => {
    await expect(selectBackend("gpu" as never)).rejects.toThrow(
      'expected a backend of "auto", "webgl", "wasm", "cpu", got "gpu"',
    );
  });
});
