import * as tf from "@tensorflow/tfjs-core";
import { describe, expect, it } from "vitest";
import { expectNoLeaks } from "../../../../test/helpers.js";
import { downloadAndDispose } from "../../../../test/weight-maps.js";
import { AbortError, WeightsError } from "../errors.js";
import { compileModel } from "../model/compile.js";
import type { ModelSpec } from "../spec/types.js";
import { initWeights } from "./init.js";
import { applyWeightsMetadata, preprocessingFromManifest, weightsMetadata } from "./metadata.js";
import type { FetchLike, SavedWeights, WeightsModelJson } from "./io.js";
import type { WeightsLoadProgress } from "./io.js";
import {
  loadWeights,
  loadWeightsWithMetadata,
  resolveShardUrl,
  saveWeights,
  shardUrlInside,
} from "./io.js";

// Params: C1/kernel [3,3,2,3] = 54, C1/bias 3, C3/kernel [2,2,3,2] (table) = 24, C3/bias 2,
// out/kernel [8,4] = 32, out/bias 4 → 119 floats = 476 bytes.
const spec: ModelSpec = {
  name: "tiny",
  input: { shape: [6, 6, 2] },
  layers: [
    { kind: "conv2d", name: "C1", filters: 3, kernelSize: 3, activation: "tanh" },
    { kind: "pool2d", name: "P2", mode: "max", poolSize: 2 },
    {
      kind: "conv2d",
      name: "C3",
      filters: 2,
      kernelSize: 2,
      connections: [[0, 1], [2]],
      padding: "same",
    },
    { kind: "flatten", name: "flat" },
    { kind: "dense", name: "out", units: 4, biasInitializer: { kind: "uniform", min: -1, max: 1 } },
  ],
};
const model = compileModel(spec);
const NAMES = ["C1/kernel", "C1/bias", "C3/kernel", "C3/bias", "out/kernel", "out/bias"];
const SHAPES = [[3, 3, 2, 3], [3], [2, 2, 3, 2], [2], [8, 4], [4]];
const TOTAL_BYTES = 119 * 4;

/** Bit patterns, so that the comparison is exact (−0 vs +0, NaN payloads). */
function bits(values: Float32Array): number[] {
  return [...new Uint32Array(values.buffer, values.byteOffset, values.length)];
}

/** Seed-7 weights of the tiny model as plain arrays, and saved with the given options. */
async function savedTiny(
  shardBytes?: number,
): Promise<{ expected: Map<string, Float32Array>; saved: SavedWeights }> {
  const weights = initWeights(model, { seed: 7 });
  const saved = await saveWeights(model, weights, shardBytes ? { shardBytes } : {});
  return { expected: downloadAndDispose(weights), saved };
}

function expectSameBits(
  actual: Map<string, Float32Array>,
  expected: Map<string, Float32Array>,
): void {
  expect([...actual.keys()]).toEqual([...expected.keys()]);
  for (const [name, values] of expected)
    expect(bits(actual.get(name)!), name).toEqual(bits(values));
}

/** A fetch that serves `files` (URL → bytes or text) and records the URLs asked for. */
function fakeFetch(files: Record<string, ArrayBuffer | string>, asked: string[] = []): FetchLike {
  return (url) => {
    asked.push(url);
    const body = files[url];
    if (body === undefined)
      return Promise.resolve(new Response("not found", { status: 404, statusText: "Not Found" }));
    return Promise.resolve(new Response(body));
  };
}

function clone(json: WeightsModelJson): Record<string, unknown> & {
  weightsManifest: { paths: string[]; weights: Record<string, unknown>[] }[];
} {
  return JSON.parse(JSON.stringify(json)) as ReturnType<typeof clone>;
}

async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected a rejection");
}

describe("saveWeights", () => {
  it("tiny model, default shards → one shard of 476 bytes and a tfjs manifest in model order", async () => {
    await expectNoLeaks(async () => {
      const { saved } = await savedTiny();
      expect(saved.modelJson.format).toBe("convstep-weights");
      expect(saved.modelJson.convstep).toEqual({ model: "tiny" });
      expect(saved.modelJson.weightsManifest).toEqual([
        {
          paths: ["group1-shard1of1.bin"],
          weights: NAMES.map((name, i) => ({ name, shape: SHAPES[i], dtype: "float32" })),
        },
      ]);
      expect(saved.shards.map((s) => s.path)).toEqual(["group1-shard1of1.bin"]);
      expect(saved.shards[0].data.byteLength).toBe(TOTAL_BYTES);
    });
  });

  it("the bytes are the float32 values back to back, little-endian, in manifest order", async () => {
    await expectNoLeaks(async () => {
      const { expected, saved } = await savedTiny();
      const all = new Float32Array(saved.shards[0].data);
      const concatenated = NAMES.flatMap((n) => [...expected.get(n)!]);
      expect(bits(all)).toEqual(bits(new Float32Array(concatenated)));
    });
  });

  it("shardBytes 100 → ⌈476/100⌉ = 5 shards of ≤ 100 bytes named group1-shardKof5.bin", async () => {
    await expectNoLeaks(async () => {
      const { saved } = await savedTiny(100);
      const paths = [1, 2, 3, 4, 5].map((k) => `group1-shard${k}of5.bin`);
      expect(saved.modelJson.weightsManifest[0].paths).toEqual(paths);
      expect(saved.shards.map((s) => s.path)).toEqual(paths);
      expect(saved.shards.map((s) => s.data.byteLength)).toEqual([100, 100, 100, 100, 76]);
    });
  });

  it("invalid weights (a NaN) → the checkWeights error, nothing written", async () => {
    const weights = initWeights(model, { seed: 1 });
    const bad = tf.fill([4], NaN);
    const old = weights.get("out/bias")!;
    weights.set("out/bias", bad);
    old.dispose();
    await expectNoLeaks(async () => {
      await expect(saveWeights(model, weights)).rejects.toThrow(
        'weight "out/bias": contains NaN at index 0',
      );
    });
    for (const t of weights.values()) t.dispose();
  });

  it("shardBytes 0 → WeightsError", async () => {
    const weights = initWeights(model, { seed: 1 });
    await expect(saveWeights(model, weights, { shardBytes: 0 })).rejects.toThrow(
      /shardBytes must be a positive integer, got 0/,
    );
    for (const t of weights.values()) t.dispose();
  });
});

describe("loadWeights: round trips", () => {
  it("save → load from memory {modelJson, shards} → bit-identical values, in model order", async () => {
    await expectNoLeaks(async () => {
      const { expected, saved } = await savedTiny();
      const loaded = await loadWeights(model, {
        modelJson: saved.modelJson,
        shards: saved.shards.map((s) => s.data),
      });
      expect([...loaded.values()].map((t) => t.shape)).toEqual(SHAPES);
      expectSameBits(downloadAndDispose(loaded), expected);
    });
  });

  it("5 shards of 100 bytes (tensors straddle shards) → bit-identical values", async () => {
    await expectNoLeaks(async () => {
      const { expected, saved } = await savedTiny(100);
      const loaded = await loadWeights(model, {
        modelJson: saved.modelJson,
        shards: saved.shards.map((s) => s.data),
      });
      expectSameBits(downloadAndDispose(loaded), expected);
    });
  });

  it("model.json as text, shards as Uint8Array views (Node Buffers) → bit-identical", async () => {
    await expectNoLeaks(async () => {
      const { expected, saved } = await savedTiny(64);
      const views = saved.shards.map((s) => {
        // a view into a larger buffer, at an odd offset
        const big = new Uint8Array(s.data.byteLength + 3);
        big.set(new Uint8Array(s.data), 1);
        return big.subarray(1, 1 + s.data.byteLength);
      });
      const loaded = await loadWeights(model, {
        modelJson: JSON.stringify(saved.modelJson),
        shards: views,
      });
      expectSameBits(downloadAndDispose(loaded), expected);
    });
  });

  it("{modelJson, weightData} with all bytes in one buffer → bit-identical", async () => {
    await expectNoLeaks(async () => {
      const { expected, saved } = await savedTiny(100);
      const joined = new Uint8Array(TOTAL_BYTES);
      let at = 0;
      for (const s of saved.shards) {
        joined.set(new Uint8Array(s.data), at);
        at += s.data.byteLength;
      }
      const loaded = await loadWeights(model, {
        modelJson: saved.modelJson,
        weightData: joined.buffer,
      });
      expectSameBits(downloadAndDispose(loaded), expected);
    });
  });

  it("URL https://example.test/m/tiny/model.json with a fake fetch → shards fetched beside it", async () => {
    await expectNoLeaks(async () => {
      const { expected, saved } = await savedTiny(200);
      const base = "https://example.test/m/tiny/";
      const files: Record<string, ArrayBuffer | string> = {
        [`${base}model.json`]: JSON.stringify(saved.modelJson),
      };
      for (const s of saved.shards) files[base + s.path] = s.data;
      const asked: string[] = [];
      const loaded = await loadWeights(model, `${base}model.json`, {
        fetch: fakeFetch(files, asked),
      });
      expect(asked).toEqual([
        `${base}model.json`,
        `${base}group1-shard1of3.bin`,
        `${base}group1-shard2of3.bin`,
        `${base}group1-shard3of3.bin`,
      ]);
      expectSameBits(downloadAndDispose(loaded), expected);
    });
  });

  it("picked files {json, shards} as Files in another order → matched by name, bit-identical", async () => {
    await expectNoLeaks(async () => {
      const { expected, saved } = await savedTiny(200);
      const json = new File([JSON.stringify(saved.modelJson)], "model.json");
      const shards = saved.shards.map((s) => new File([s.data], s.path)).reverse();
      const loaded = await loadWeights(model, { json, shards });
      expectSameBits(downloadAndDispose(loaded), expected);
    });
  });

  it("Blobs without names → taken in manifest order", async () => {
    await expectNoLeaks(async () => {
      const { expected, saved } = await savedTiny(200);
      const loaded = await loadWeights(model, {
        json: new Blob([JSON.stringify(saved.modelJson)]),
        shards: saved.shards.map((s) => new Blob([s.data])),
      });
      expectSameBits(downloadAndDispose(loaded), expected);
    });
  });

  it("a hand-written tfjs layers-model.json (2 groups, a tensor cut across shards) → the hand values", async () => {
    // Values written by hand; bytes made with Float32Array, not with the code under test.
    const values: Record<string, number[]> = {};
    NAMES.forEach((name, i) => {
      const n = SHAPES[i].reduce((a, b) => a * b, 1);
      values[name] = Array.from({ length: n }, (_, j) =>
        name === "C3/kernel" ? 0 : (i + 1) * 0.5 - j / 64,
      );
    });
    // C3/kernel: only linked entries non-zero. Index (((ky·2+kx)·3+c)·2+o): out 0 ← {0,1}, out 1 ← {2}.
    for (let k = 0; k < 4; k++) {
      values["C3/kernel"][(k * 3 + 0) * 2 + 0] = 0.25;
      values["C3/kernel"][(k * 3 + 1) * 2 + 0] = -0.75;
      values["C3/kernel"][(k * 3 + 2) * 2 + 1] = 1.5;
    }
    const group1 = new Float32Array([...values["C1/kernel"], ...values["C1/bias"]]); // 57 floats
    const group2 = new Float32Array(NAMES.slice(2).flatMap((n) => values[n])); // 62 floats
    const modelJson = {
      format: "layers-model",
      generatedBy: "keras v2.15.0",
      convertedBy: "TensorFlow.js Converter v4.22.0",
      modelTopology: { class_name: "Sequential" },
      weightsManifest: [
        {
          paths: ["group1-shard1of1.bin"],
          weights: NAMES.slice(0, 2).map((name, i) => ({
            name,
            shape: SHAPES[i],
            dtype: "float32",
          })),
        },
        {
          paths: ["group2-shard1of2.bin", "group2-shard2of2.bin"],
          weights: NAMES.slice(2).map((name, i) => ({
            name,
            shape: SHAPES[i + 2],
            dtype: "float32",
          })),
        },
      ],
    };
    const bytes2 = group2.buffer;
    await expectNoLeaks(async () => {
      const loaded = downloadAndDispose(
        await loadWeights(model, {
          modelJson,
          shards: [group1.buffer, bytes2.slice(0, 50), bytes2.slice(50)],
        }),
      );
      for (const name of NAMES)
        expect([...loaded.get(name)!], name).toEqual(values[name].map(Math.fround));
    });
  });
});

describe("loadWeights: errors name the tensor or the file", () => {
  async function expectLoadError(
    mutate: (json: ReturnType<typeof clone>, shards: ArrayBuffer[]) => ArrayBuffer[] | void,
    message: string | RegExp,
    tensor?: string,
  ): Promise<void> {
    const { saved } = await savedTiny();
    const json = clone(saved.modelJson);
    let shards = saved.shards.map((s) => s.data.slice(0));
    shards = mutate(json, shards) ?? shards;
    await expectNoLeaks(async () => {
      const error = await rejection(loadWeights(model, { modelJson: json as never, shards }));
      expect(error).toBeInstanceOf(WeightsError);
      if (typeof message === "string") expect(error.message).toBe(message);
      else expect(error.message).toMatch(message);
      expect((error as WeightsError).tensor).toBe(tensor);
    });
  }

  it("C3/kernel listed as [2, 2, 3, 1] → expected shape [2, 2, 3, 2], got [2, 2, 3, 1]", async () => {
    await expectLoadError(
      (json) => {
        json.weightsManifest[0].weights[2].shape = [2, 2, 3, 1];
      },
      'weight "C3/kernel": model.json (in memory): expected shape [2, 2, 3, 2], got [2, 2, 3, 1]',
      "C3/kernel",
    );
  });

  it("out/bias not in the manifest → missing from model.json (expected shape [4])", async () => {
    await expectLoadError(
      (json) => {
        json.weightsManifest[0].weights.pop();
      },
      'weight "out/bias": missing from model.json (in memory) (expected shape [4])',
      "out/bias",
    );
  });

  it("C1/bias renamed conv2d_1/bias → missing, with the unknown name as a hint", async () => {
    await expectLoadError(
      (json) => {
        json.weightsManifest[0].weights[1].name = "conv2d_1/bias";
      },
      'weight "C1/bias": missing from model.json (in memory) (expected shape [3]); the manifest has weights the model does not: conv2d_1/bias',
      "C1/bias",
    );
  });

  it("an extra tensor in the manifest → not a weight of model tiny", async () => {
    await expectLoadError(
      (json, shards) => {
        json.weightsManifest[0].weights.push({ name: "extra/w", shape: [1], dtype: "float32" });
        return [...shards, new Float32Array([1]).buffer];
      },
      /^weight "extra\/w": model.json \(in memory\): not a weight of model "tiny"/,
      "extra/w",
    );
  });

  it("out/kernel as int32 → dtype not supported, float32 only", async () => {
    await expectLoadError(
      (json) => {
        json.weightsManifest[0].weights[4].dtype = "int32";
      },
      'weight "out/kernel": model.json (in memory): dtype "int32" is not supported; convstep reads float32 weights only',
      "out/kernel",
    );
  });

  it("a quantized out/kernel of dtype int4 → not supported, names the dtypes read", async () => {
    await expectLoadError(
      (json) => {
        json.weightsManifest[0].weights[4].quantization = { dtype: "int4" };
      },
      'weight "out/kernel": model.json (in memory): quantized weights ("int4") are not supported; convstep reads float16, uint8 and uint16 quantization',
      "out/kernel",
    );
  });

  it("a uint8 out/kernel without a scale → needs a finite scale", async () => {
    await expectLoadError(
      (json) => {
        json.weightsManifest[0].weights[4].quantization = { dtype: "uint8", min: 0 };
      },
      'weight "out/kernel": model.json (in memory): uint8 quantization needs a finite scale ≥ 0, got undefined',
      "out/kernel",
    );
  });

  it("a shard 4 bytes short → the group needs 476 bytes, its shards hold 472", async () => {
    await expectLoadError(
      (_json, shards) => [shards[0].slice(0, TOTAL_BYTES - 4)],
      'model.json (in memory): weightsManifest[0] needs 476 bytes (119 float32 values), its shards hold 472 (shard "group1-shard1of1.bin")',
    );
  });

  it("two buffers for a manifest of one shard → the count is named", async () => {
    await expectLoadError(
      (_json, shards) => [shards[0], new ArrayBuffer(0)],
      "model.json (in memory): the manifest lists 1 shard file(s) (group1-shard1of1.bin), got 2 buffer(s)",
    );
  });

  it("NaN stored in out/bias[2] → contains NaN at index 2, loaded tensors disposed", async () => {
    await expectLoadError(
      (_json, shards) => {
        // out/bias starts after 54 + 3 + 24 + 2 + 32 = 115 floats
        new Float32Array(shards[0])[115 + 2] = NaN;
      },
      'weight "out/bias": contains NaN at index 2',
      "out/bias",
    );
  });

  it("a masked-out C3 entry stored as 0.5 → masked-out entry error, loaded tensors disposed", async () => {
    await expectLoadError(
      (_json, shards) => {
        // C3/kernel starts at float 57; entry (ky 0, kx 0, c 2, o 0) = index 4 is masked out
        new Float32Array(shards[0])[57 + 4] = 0.5;
      },
      /^weight "C3\/kernel": masked-out entry at index 4 \(position \[0, 0, 2, 0\]\) is 0.5/,
      "C3/kernel",
    );
  });

  it("weightsManifest missing → expected a weightsManifest array", async () => {
    await expectLoadError((json) => {
      delete (json as Partial<typeof json>).weightsManifest;
    }, "model.json (in memory): expected a weightsManifest array, got undefined");
  });

  it("convstep.model lenet5 → the weights are for another model (unless checkModelName false)", async () => {
    const { saved } = await savedTiny();
    const json = { ...saved.modelJson, convstep: { model: "lenet5" } };
    const shards = saved.shards.map((s) => s.data);
    await expect(loadWeights(model, { modelJson: json, shards })).rejects.toThrow(
      'model.json (in memory): the weights are for model "lenet5", not "tiny"',
    );
    await expectNoLeaks(async () => {
      downloadAndDispose(
        await loadWeights(model, { modelJson: json, shards }, { checkModelName: false }),
      );
    });
  });

  it("URL: malformed JSON → model.json at <url>: not valid JSON", async () => {
    const url = "http://example.test/bad/model.json";
    const error = await rejection(
      loadWeights(model, url, { fetch: fakeFetch({ [url]: "{ nope" }) }),
    );
    expect(error).toBeInstanceOf(WeightsError);
    expect(error.message).toMatch(
      /^model.json at http:\/\/example.test\/bad\/model.json: not valid JSON \(/,
    );
  });

  it("URL: JSON without weightsManifest → model.json at <url>: expected a weightsManifest array", async () => {
    const url = "http://example.test/m/model.json";
    await expect(
      loadWeights(model, url, {
        fetch: fakeFetch({ [url]: JSON.stringify({ format: "layers-model" }) }),
      }),
    ).rejects.toThrow(
      "model.json at http://example.test/m/model.json: expected a weightsManifest array, got undefined",
    );
  });

  it("URL: model.json 404 → model.json at <url>: HTTP 404 Not Found", async () => {
    await expect(
      loadWeights(model, "http://example.test/none/model.json", { fetch: fakeFetch({}) }),
    ).rejects.toThrow("model.json at http://example.test/none/model.json: HTTP 404 Not Found");
  });

  it('URL: a missing shard → weights shard "<path>" at <shard url>: HTTP 404, no tensor made', async () => {
    const { saved } = await savedTiny(200);
    const url = "http://example.test/m/model.json";
    const files: Record<string, ArrayBuffer | string> = { [url]: JSON.stringify(saved.modelJson) };
    files["http://example.test/m/group1-shard1of3.bin"] = saved.shards[0].data;
    files["http://example.test/m/group1-shard3of3.bin"] = saved.shards[2].data;
    await expectNoLeaks(async () => {
      await expect(loadWeights(model, url, { fetch: fakeFetch(files) })).rejects.toThrow(
        'weights shard "group1-shard2of3.bin" at http://example.test/m/group1-shard2of3.bin: HTTP 404 Not Found',
      );
    });
  });

  it("URL: fetch rejects (network down) → model.json at <url>: fetch failed (…)", async () => {
    const fetch: FetchLike = () => Promise.reject(new TypeError("getaddrinfo ENOTFOUND"));
    await expect(loadWeights(model, "http://nowhere.test/model.json", { fetch })).rejects.toThrow(
      "model.json at http://nowhere.test/model.json: fetch failed (getaddrinfo ENOTFOUND)",
    );
  });

  it("picked files without the second shard → names the missing file", async () => {
    const { saved } = await savedTiny(200);
    const json = new File([JSON.stringify(saved.modelJson)], "tiny.json");
    const shards = [
      new File([saved.shards[0].data], saved.shards[0].path),
      new File([saved.shards[2].data], saved.shards[2].path),
    ];
    await expect(loadWeights(model, { json, shards })).rejects.toThrow(
      'model.json "tiny.json": the manifest lists the shard "group1-shard2of3.bin", which is not among the files given (group1-shard1of3.bin, group1-shard3of3.bin)',
    );
  });

  it("an aborted signal → AbortError", async () => {
    const { saved } = await savedTiny();
    const controller = new AbortController();
    controller.abort();
    await expect(
      loadWeights(
        model,
        { modelJson: saved.modelJson, shards: [saved.shards[0].data] },
        { signal: controller.signal },
      ),
    ).rejects.toBeInstanceOf(AbortError);
  });

  it("a source of the wrong kind → WeightsError listing the accepted sources", async () => {
    await expect(loadWeights(model, 42 as never)).rejects.toThrow(
      /expected a URL string, \{modelJson, shards\}/,
    );
  });
});

describe("resolveShardUrl", () => {
  it("absolute model URL → shard beside it (query dropped)", () => {
    expect(resolveShardUrl("https://a.test/x/model.json?v=2", "group1-shard1of1.bin")).toBe(
      "https://a.test/x/group1-shard1of1.bin",
    );
  });
  it("relative model URL models/lenet/model.json → models/lenet/<shard>", () => {
    expect(resolveShardUrl("models/lenet/model.json", "g-shard1of1.bin")).toBe(
      "models/lenet/g-shard1of1.bin",
    );
  });
  it("bare model.json → the shard name alone", () => {
    expect(resolveShardUrl("model.json", "g.bin")).toBe("g.bin");
  });
});

/** A Response whose body arrives in chunks of `chunk` bytes (as a network stream would). */
function chunkedResponse(data: ArrayBuffer, chunk: number): Response {
  const bytes = new Uint8Array(data);
  let at = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (at >= bytes.length) {
        controller.close();
        return;
      }
      controller.enqueue(bytes.slice(at, at + chunk));
      at += chunk;
    },
  });
  return new Response(stream);
}

/** Serves the tiny model (3 shards of 200, 200, 76 bytes) at `base`, bodies in `chunk`-byte chunks. */
async function servedTiny(
  base: string,
  respond: (data: ArrayBuffer) => Response | Record<string, unknown>,
): Promise<{ expected: Map<string, Float32Array>; fetch: FetchLike }> {
  const { expected, saved } = await savedTiny(200);
  const shards = new Map(saved.shards.map((s) => [base + s.path, s.data]));
  const fetch: FetchLike = (url) => {
    if (url === `${base}model.json`)
      return Promise.resolve(new Response(JSON.stringify(saved.modelJson)));
    const data = shards.get(url);
    if (!data) return Promise.resolve(new Response("", { status: 404, statusText: "Not Found" }));
    return Promise.resolve(respond(data) as Response);
  };
  return { expected, fetch };
}

describe("loadWeights: progress and cancelling", () => {
  const base = "https://example.test/m/tiny/";

  it("URL with streamed bodies in 50-byte chunks → 0 first, every chunk counted, 476 of 476 and 3 of 3 last", async () => {
    await expectNoLeaks(async () => {
      const { expected, fetch } = await servedTiny(base, (d) => chunkedResponse(d, 50));
      const seen: WeightsLoadProgress[] = [];
      const loaded = await loadWeights(model, `${base}model.json`, {
        fetch,
        onProgress: (p) => seen.push(p),
      });
      expectSameBits(downloadAndDispose(loaded), expected);
      expect(seen[0]).toEqual({ loadedBytes: 0, totalBytes: 476, shardsLoaded: 0, shards: 3 });
      expect(seen.at(-1)).toEqual({
        loadedBytes: 476,
        totalBytes: 476,
        shardsLoaded: 3,
        shards: 3,
      });
      // Chunks: ⌈200/50⌉ + ⌈200/50⌉ + ⌈76/50⌉ = 4 + 4 + 2 = 10, plus one event per finished shard.
      expect(seen).toHaveLength(1 + 10 + 3);
      for (let i = 1; i < seen.length; i++) {
        expect(seen[i].loadedBytes).toBeGreaterThanOrEqual(seen[i - 1].loadedBytes);
        expect(seen[i].shardsLoaded).toBeGreaterThanOrEqual(seen[i - 1].shardsLoaded);
      }
      expect(seen.filter((p) => p.loadedBytes > 0 && p.loadedBytes < 476).length).toBeGreaterThan(
        0,
      );
    });
  });

  it("URL with responses that have no body stream → one event per shard: 0, then 3 more up to 476", async () => {
    await expectNoLeaks(async () => {
      const { expected, fetch } = await servedTiny(base, (d) => ({
        ok: true,
        status: 200,
        text: () => Promise.resolve(""),
        arrayBuffer: () => Promise.resolve(d),
      }));
      const seen: WeightsLoadProgress[] = [];
      const loaded = await loadWeights(model, `${base}model.json`, {
        fetch,
        onProgress: (p) => seen.push(p),
      });
      expectSameBits(downloadAndDispose(loaded), expected);
      expect(seen.map((p) => p.shardsLoaded)).toEqual([0, 1, 2, 3]);
      expect(seen[0].loadedBytes).toBe(0);
      expect(seen[3].loadedBytes).toBe(476);
      // The three shards hold 200, 200 and 76 bytes: each step adds one of them.
      const steps = seen.slice(1).map((p, i) => p.loadedBytes - seen[i].loadedBytes);
      expect([...steps].sort((a, b) => a - b)).toEqual([76, 200, 200]);
    });
  });

  it("in-memory shards → 0 of 476, then one event per shard, 3 of 3 last", async () => {
    await expectNoLeaks(async () => {
      const { expected, saved } = await savedTiny(200);
      const seen: WeightsLoadProgress[] = [];
      const loaded = await loadWeights(
        model,
        { modelJson: saved.modelJson, shards: saved.shards.map((s) => s.data) },
        { onProgress: (p) => seen.push(p) },
      );
      expectSameBits(downloadAndDispose(loaded), expected);
      expect(seen.map((p) => [p.loadedBytes, p.shardsLoaded])).toEqual([
        [0, 0],
        [200, 1],
        [400, 2],
        [476, 3],
      ]);
    });
  });

  it("aborted after the first chunk arrives → AbortError, no tensor made", async () => {
    await expectNoLeaks(async () => {
      const { fetch } = await servedTiny(base, (d) => chunkedResponse(d, 50));
      const controller = new AbortController();
      const seen: WeightsLoadProgress[] = [];
      const error = await rejection(
        loadWeights(model, `${base}model.json`, {
          fetch,
          signal: controller.signal,
          onProgress: (p) => {
            seen.push(p);
            if (p.loadedBytes > 0) controller.abort();
          },
        }),
      );
      expect(error).toBeInstanceOf(AbortError);
      expect(seen.at(-1)!.loadedBytes).toBeLessThan(476);
    });
  });

  it("a manifest refused (wrong shape) → no progress reported, no shard fetched", async () => {
    const { saved } = await savedTiny(200);
    const json = clone(saved.modelJson);
    json.weightsManifest[0].weights[0].shape = [3, 3, 2, 4];
    const asked: string[] = [];
    const seen: WeightsLoadProgress[] = [];
    await expect(
      loadWeights(model, `${base}model.json`, {
        fetch: fakeFetch({ [`${base}model.json`]: JSON.stringify(json) }, asked),
        onProgress: (p) => seen.push(p),
      }),
    ).rejects.toBeInstanceOf(WeightsError);
    expect(asked).toEqual([`${base}model.json`]);
    expect(seen).toEqual([]);
  });
});

describe("loadWeights: shard paths stay beside the model.json", () => {
  const url = "https://example.test/m/tiny/model.json";
  for (const path of [
    "../../x.bin",
    "sub/../../x.bin",
    "%2e%2e/x.bin",
    "https://other.test/m/tiny/x.bin",
    "//other.test/x.bin",
    "/m/tiny/x.bin",
    "sub\\x.bin",
    "data:application/octet-stream;base64,AAAA",
  ]) {
    it(`shard path ${JSON.stringify(path)} → WeightsError naming it, nothing but model.json fetched`, async () => {
      const { saved } = await savedTiny();
      const json = clone(saved.modelJson);
      json.weightsManifest[0].paths = [path];
      const asked: string[] = [];
      const error = await rejection(
        loadWeights(model, url, { fetch: fakeFetch({ [url]: JSON.stringify(json) }, asked) }),
      );
      expect(error).toBeInstanceOf(WeightsError);
      expect(error.message).toBe(
        `model.json at ${url}: the shard path ${JSON.stringify(path)} must be relative and stay in the model.json's folder`,
      );
      expect(asked).toEqual([url]);
    });
  }

  it("sub/g.bin beside https://a.test/x/model.json → https://a.test/x/sub/g.bin", () => {
    expect(shardUrlInside("https://a.test/x/model.json", "sub/g.bin")).toBe(
      "https://a.test/x/sub/g.bin",
    );
  });

  it("relative model URL models/lenet/model.json: g.bin allowed, ../g.bin refused", () => {
    expect(shardUrlInside("models/lenet/model.json", "g.bin")).toBe("models/lenet/g.bin");
    expect(() => shardUrlInside("models/lenet/model.json", "../g.bin")).toThrow(WeightsError);
  });
});

/** Seed-7 tiny weights rounded to multiples of 1/256 (|v| < 8: exact in float16's 11 bits). */
function halfExactWeights(): Map<string, tf.Tensor> {
  const weights = initWeights(model, { seed: 7 });
  const out = new Map<string, tf.Tensor>();
  for (const [name, t] of weights) {
    const values = Float32Array.from(t.dataSync(), (v) => Math.round(v * 256) / 256);
    out.set(name, tf.tensor(values, t.shape));
    t.dispose();
  }
  return out;
}

describe("quantized weights: save → load", () => {
  it("float16, values on a 1/256 grid → 2 bytes a value (238 in all), loaded bit-identical", async () => {
    await expectNoLeaks(async () => {
      const weights = halfExactWeights();
      const saved = await saveWeights(model, weights, { quantize: "float16" });
      const expected = downloadAndDispose(weights);
      expect(saved.shards[0].data.byteLength).toBe(119 * 2);
      expect(saved.modelJson.weightsManifest[0].weights.map((w) => w.quantization)).toEqual(
        NAMES.map(() => ({ dtype: "float16" })),
      );
      const loaded = await loadWeights(model, {
        modelJson: saved.modelJson,
        shards: saved.shards.map((x) => x.data),
      });
      expectSameBits(downloadAndDispose(loaded), expected);
    });
  });

  it("float16 of 1/3 → the nearest half, 0.333251953125 (0x3555), not the float32 value", async () => {
    const one: ModelSpec = {
      name: "one",
      input: { shape: [1] },
      layers: [{ kind: "dense", name: "d", units: 1 }],
    };
    const m = compileModel(one);
    await expectNoLeaks(async () => {
      const weights = new Map([
        ["d/kernel", tf.tensor([[1 / 3]], [1, 1])],
        ["d/bias", tf.tensor([0], [1])],
      ]);
      const saved = await saveWeights(m, weights, { quantize: "float16" });
      for (const t of weights.values()) t.dispose();
      expect(new Uint16Array(saved.shards[0].data)[0]).toBe(0x3555);
      const loaded = downloadAndDispose(
        await loadWeights(m, { modelJson: saved.modelJson, shards: [saved.shards[0].data] }),
      );
      // 0x3555: exponent −2, mantissa 0x155 → (1 + 341/1024) / 4.
      expect(loaded.get("d/kernel")![0]).toBe((1 + 341 / 1024) / 4);
    });
  });

  it("uint8 → 1 byte a value, each within scale/2 of the original, scale = (max(max,0) − min(min,0))/255 per tensor", async () => {
    await expectNoLeaks(async () => {
      const weights = initWeights(model, { seed: 7 });
      const saved = await saveWeights(model, weights, { quantize: "uint8", shardBytes: 50 });
      const expected = downloadAndDispose(weights);
      expect(saved.shards.reduce((n, x) => n + x.data.byteLength, 0)).toBe(119);
      const loaded = downloadAndDispose(
        await loadWeights(model, {
          modelJson: saved.modelJson,
          shards: saved.shards.map((x) => x.data),
        }),
      );
      for (const [name, values] of expected) {
        // The range always holds 0 (as the tfjs converter's).
        const min = Math.min(0, ...values);
        const max = Math.max(0, ...values);
        const scale = max > min ? (max - min) / 255 : 1;
        const entry = saved.modelJson.weightsManifest[0].weights.find((w) => w.name === name)!;
        expect(entry.quantization).toMatchObject({
          dtype: "uint8",
          scale: expect.closeTo(scale, 12) as number,
        });
        const got = loaded.get(name)!;
        for (let i = 0; i < values.length; i++) {
          expect(Math.abs(got[i] - values[i]), `${name}[${i}]`).toBeLessThanOrEqual(
            scale / 2 + 1e-6,
          );
        }
      }
    });
  });

  it("uint8 → C3's masked-out entries (zeros) load back as exactly 0 (0 is a code)", async () => {
    await expectNoLeaks(async () => {
      const weights = initWeights(model, { seed: 7 });
      const before = weights.get("C3/kernel")!.dataSync();
      const zeros = [...before.keys()].filter((i) => before[i] === 0);
      const saved = await saveWeights(model, weights, { quantize: "uint8" });
      for (const t of weights.values()) t.dispose();
      const loaded = downloadAndDispose(
        await loadWeights(model, {
          modelJson: saved.modelJson,
          shards: saved.shards.map((x) => x.data),
        }),
      );
      // [2, 2, 3, 2] with connections [[0, 1], [2]]: output 0 skips input 2, output 1 skips 0, 1.
      expect(zeros).toHaveLength(2 * 2 * 3);
      for (const i of zeros) expect(Object.is(loaded.get("C3/kernel")![i], 0), `${i}`).toBe(true);
    });
  });

  it("float16 from a URL → totalBytes counts 2 bytes a value: 238, reached at the end", async () => {
    await expectNoLeaks(async () => {
      const weights = halfExactWeights();
      const saved = await saveWeights(model, weights, { quantize: "float16" });
      for (const t of weights.values()) t.dispose();
      const base = "https://example.test/half/";
      const files: Record<string, ArrayBuffer | string> = {
        [`${base}model.json`]: JSON.stringify(saved.modelJson),
        [`${base}${saved.shards[0].path}`]: saved.shards[0].data,
      };
      const seen: WeightsLoadProgress[] = [];
      const loaded = await loadWeights(model, `${base}model.json`, {
        fetch: fakeFetch(files),
        onProgress: (p) => seen.push(p),
      });
      downloadAndDispose(loaded);
      expect(seen[0]).toEqual({ loadedBytes: 0, totalBytes: 238, shardsLoaded: 0, shards: 1 });
      expect(seen.at(-1)).toEqual({
        loadedBytes: 238,
        totalBytes: 238,
        shardsLoaded: 1,
        shards: 1,
      });
    });
  });

  it('quantize "int8" → WeightsError naming the two choices', async () => {
    const weights = initWeights(model, { seed: 7 });
    await expect(saveWeights(model, weights, { quantize: "int8" as never })).rejects.toThrow(
      'saveWeights: quantize must be "float16" or "uint8", got "int8"',
    );
    for (const t of weights.values()) t.dispose();
  });
});

describe("metadata recorded in model.json", () => {
  const lrnSpec: ModelSpec = {
    name: "lrn-net",
    input: {
      shape: [2, 2, 3],
      preprocessing: { scale: 1, mean: [123.68, 116.779, 103.939], std: [1, 1, 1] },
    },
    layers: [
      { kind: "lrn", name: "norm1", k: 2, n: 5, alpha: 1e-4, beta: 0.75 },
      { kind: "flatten", name: "flat" },
      { kind: "dense", name: "fc", units: 2 },
    ],
  };
  const caffe = {
    release: "BVLC Caffe bvlc_alexnet",
    lrn: { k: 1, n: 5, alpha: 2e-5, beta: 0.75, convention: "Caffe LRN" },
    preprocessing: { scale: 1, mean: [123, 117, 104], std: [1, 1, 1], description: "Caffe" },
  };

  it("saveWeights metadata → convstep {model, release, lrn, preprocessing}; loadWeightsWithMetadata returns it", async () => {
    const m = compileModel(lrnSpec);
    await expectNoLeaks(async () => {
      const weights = initWeights(m, { seed: 1 });
      const saved = await saveWeights(m, weights, { metadata: caffe });
      for (const t of weights.values()) t.dispose();
      expect(saved.modelJson.convstep).toEqual({ ...caffe, model: "lrn-net" });
      const { weights: loaded, metadata } = await loadWeightsWithMetadata(m, {
        modelJson: JSON.stringify(saved.modelJson),
        shards: [saved.shards[0].data],
      });
      downloadAndDispose(loaded);
      expect(metadata).toEqual(caffe);
    });
  });

  it("applyWeightsMetadata: the LRN layer takes k 1, α 2e-5 (Caffe's), the input Caffe's mean; the rest unchanged", () => {
    const applied = applyWeightsMetadata(lrnSpec, caffe as never);
    expect(applied.layers[0]).toEqual({
      kind: "lrn",
      name: "norm1",
      k: 1,
      n: 5,
      alpha: 2e-5,
      beta: 0.75,
      note: "Caffe LRN",
    });
    expect(applied.layers.slice(1)).toEqual(lrnSpec.layers.slice(1));
    expect(applied.input.preprocessing).toEqual(caffe.preprocessing);
    expect(lrnSpec.layers[0]).toMatchObject({ k: 2, alpha: 1e-4 });
  });

  it("a model.json from tfjs (no convstep object) → no metadata; preprocessing falls back to the spec's", () => {
    expect(weightsMetadata({ weightsManifest: [] })).toEqual({});
    expect(applyWeightsMetadata(lrnSpec, {})).toBe(lrnSpec);
    expect(preprocessingFromManifest({ weightsManifest: [] }, lrnSpec)).toEqual(
      lrnSpec.input.preprocessing,
    );
    expect(preprocessingFromManifest({ convstep: caffe }, lrnSpec)).toEqual(caffe.preprocessing);
  });

  it("a malformed record (std 0, lrn n 2.5) → WeightsError naming the field and the file", () => {
    expect(() =>
      weightsMetadata(
        { convstep: { preprocessing: { scale: 1, mean: [0, 0, 0], std: [1, 0, 1] } } },
        "w/model.json",
      ),
    ).toThrow(/^w\/model\.json: convstep\.preprocessing: expected a scale > 0/);
    expect(() =>
      weightsMetadata({ convstep: { lrn: { k: 1, n: 2.5, alpha: 1, beta: 1 } } }, "w/model.json"),
    ).toThrow(/^w\/model\.json: convstep\.lrn: expected finite k/);
  });

  it("LRN constants for a model without LRN → WeightsError", () => {
    expect(() => applyWeightsMetadata(spec, { lrn: caffe.lrn })).toThrow(
      'the weights record LRN constants, but model "tiny" has no LRN layer',
    );
  });
});
