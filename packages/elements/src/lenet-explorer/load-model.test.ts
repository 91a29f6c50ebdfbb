import "@tensorflow/tfjs-backend-cpu";
import * as tf from "@tensorflow/tfjs-core";
import { beforeAll, describe, expect, it } from "vitest";
import {
  compileModel,
  initWeights,
  saveWeights,
  WeightsError,
  type FetchLike,
  type ResponseLike,
} from "@convstep/engine";
import { getModelSpec } from "@convstep/models";
import { setAssetBase } from "../shared/assets.js";
import { defaultWeightsUrl, lenetInput, loadLenet, modelNameOf, variantOf } from "./load-model.js";

function response(status: number, body: string | ArrayBuffer = ""): ResponseLike {
  return {
    ok: status >= 200 && status < 300,
    status,
    statusText: status === 404 ? "Not Found" : "OK",
    text: async () => (typeof body === "string" ? body : new TextDecoder().decode(body)),
    arrayBuffer: async () =>
      typeof body === "string" ? new TextEncoder().encode(body).buffer : body,
  };
}

/** A fetch that serves a map of URLs and answers 404 elsewhere; records what was asked. */
function fakeFetch(files: Record<string, string | ArrayBuffer>): FetchLike & { asked: string[] } {
  const asked: string[] = [];
  const fn = (async (url: string) => {
    asked.push(url);
    return url in files ? response(200, files[url]) : response(404);
  }) as FetchLike & { asked: string[] };
  fn.asked = asked;
  return fn;
}

function disposeAll(weights: Map<string, tf.Tensor>): void {
  for (const t of weights.values()) t.dispose();
}

beforeAll(async () => {
  tf.env().set("PROD", true);
  await tf.setBackend("cpu");
  setAssetBase("https://example.org/convstep/");
});

describe("variants", () => {
  it('"keras" → lenet5-keras; "1998", "", null, "KERAS " → the paper / keras', () => {
    expect(modelNameOf(variantOf("keras"))).toBe("lenet5-keras");
    expect(modelNameOf(variantOf(" KERAS "))).toBe("lenet5-keras");
    expect(modelNameOf(variantOf("1998"))).toBe("lenet5-1998");
    expect(modelNameOf(variantOf(""))).toBe("lenet5-1998");
    expect(modelNameOf(variantOf(null))).toBe("lenet5-1998");
  });

  it("shipped weights live under the asset base: weights/<model>/model.json", () => {
    expect(defaultWeightsUrl("1998")).toBe(
      "https://example.org/convstep/weights/lenet5-1998/model.json",
    );
    expect(defaultWeightsUrl("keras")).toBe(
      "https://example.org/convstep/weights/lenet5-keras/model.json",
    );
  });

  it("a blank 28×28 digit → 1998: 32×32 of −0.1; keras: 784 zeros; 783 values → InputError", () => {
    const blank = new Float32Array(784);
    const paper = lenetInput("1998", blank);
    expect(paper).toHaveLength(1024);
    expect(paper[0]).toBeCloseTo(-0.1, 6);
    expect(lenetInput("keras", blank)).toEqual(new Float32Array(784));
    expect(() => lenetInput("1998", new Float32Array(783))).toThrow(/28×28/);
  });
});

describe("loadLenet", () => {
  it('weights "seeded" → seeded weights, nothing fetched, same values as initWeights(seed 0)', async () => {
    const fetch = fakeFetch({});
    const loaded = await loadLenet("1998", { weights: "seeded", fetch });
    expect(fetch.asked).toEqual([]);
    expect(loaded.kind).toBe("seeded");
    expect(loaded.fallback).toBeUndefined();
    const reference = initWeights(compileModel(getModelSpec("lenet5-1998")), { seed: 0 });
    expect(loaded.weights.get("C3/kernel")!.dataSync()).toEqual(
      reference.get("C3/kernel")!.dataSync(),
    );
    disposeAll(loaded.weights);
    disposeAll(reference);
  });

  it("shipped weights missing (HTTP 404) → seeded weights, and the reason names the URL", async () => {
    const fetch = fakeFetch({});
    const loaded = await loadLenet("keras", { fetch });
    expect(fetch.asked).toEqual([defaultWeightsUrl("keras")]);
    expect(loaded.kind).toBe("seeded");
    expect(loaded.fallback).toContain("HTTP 404");
    expect(loaded.fallback).toContain("lenet5-keras/model.json");
    disposeAll(loaded.weights);
  });

  it("an explicit URL that answers 404 → WeightsError naming the URL (no silent fallback)", async () => {
    const fetch = fakeFetch({});
    await expect(
      loadLenet("1998", { weights: "https://example.org/missing/model.json", fetch }),
    ).rejects.toThrow(WeightsError);
    await expect(
      loadLenet("1998", { weights: "https://example.org/missing/model.json", fetch }),
    ).rejects.toThrow(/missing\/model\.json: HTTP 404/);
  });

  it("an explicit URL with saved weights (seed 5) → trained, the same values back", async () => {
    const model = compileModel(getModelSpec("lenet5-1998"));
    const source = initWeights(model, { seed: 5 });
    const { modelJson, shards } = await saveWeights(model, source);
    const base = "https://example.org/w/";
    const files: Record<string, string | ArrayBuffer> = {
      [`${base}model.json`]: JSON.stringify(modelJson),
    };
    for (const s of shards) files[`${base}${s.path}`] = s.data;
    const loaded = await loadLenet("1998", {
      weights: `${base}model.json`,
      fetch: fakeFetch(files),
    });
    expect(loaded.kind).toBe("trained");
    expect(loaded.url).toBe(`${base}model.json`);
    for (const p of model.params) {
      expect(loaded.weights.get(p.fullName)!.dataSync()).toEqual(
        source.get(p.fullName)!.dataSync(),
      );
    }
    disposeAll(loaded.weights);
    disposeAll(source);
  });

  it("an aborted signal → AbortError, even for the shipped weights (no fallback)", async () => {
    const abort = new AbortController();
    abort.abort();
    await expect(loadLenet("1998", { signal: abort.signal, fetch: fakeFetch({}) })).rejects.toThrow(
      /abort/i,
    );
  });
});
