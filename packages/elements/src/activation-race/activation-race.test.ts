import * as tf from "@tensorflow/tfjs-core";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { setAssetBase } from "../shared/assets.js";
import type { CsTrainStateEvent } from "../trainer/events.js";
import { mount } from "../test-utils/mount.js";
import "./define.js";
import type { CsActivationRace } from "./activation-race.component.js";

beforeAll(() => {
  tf.env().set("PROD", true);
  setAssetBase("/packages/models/");
});

afterEach(() => document.body.replaceChildren());

function untilState(el: CsActivationRace, state: string): Promise<void> {
  return new Promise((resolve) => {
    if (el.state === state) return resolve();
    const on = (e: CsTrainStateEvent) => {
      if (e.state !== state) return;
      el.removeEventListener("cs-train-state", on);
      resolve();
    };
    el.addEventListener("cs-train-state", on);
  });
}

describe("<cs-activation-race>", () => {
  it("races ReLU and tanh on 40 digits: a table row per activation and both curves drawn", async () => {
    const el = await mount<CsActivationRace>("cs-activation-race", {
      backend: "cpu",
      digits: "40",
      epochs: "1",
      "batch-size": "10",
      "learning-rate": "0.1",
    });
    el.start();
    await untilState(el, "done");
    await el.updateComplete;
    const result = el.result!;
    expect(result.config).toMatchObject({ digits: 40, batchSize: 10, epochs: 1 });
    const rows = [...el.shadowRoot!.querySelectorAll("tbody tr")].map(
      (r) => r.querySelector("td")!.textContent,
    );
    expect(rows).toEqual(["ReLU", "tanh"]);
    await new Promise((resolve) => requestAnimationFrame(resolve));
    const paths = [...el.shadowRoot!.querySelectorAll<SVGPathElement>("path.curve")];
    expect(paths.map((p) => p.classList.contains("relu") || p.classList.contains("tanh"))).toEqual([
      true,
      true,
    ]);
    expect(paths.every((p) => (p.getAttribute("d") ?? "").length > 0)).toBe(true);
    expect(el.shadowRoot!.querySelector("line.threshold")).not.toBeNull();
  });

  it("a zero learning rate is refused in place", async () => {
    const el = await mount<CsActivationRace>("cs-activation-race", { "learning-rate": "0" });
    el.start();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[role="alert"]')!.textContent).toMatch(
      /learning rate: expected a number above 0.*got 0/i,
    );
    expect(el.state).toBe("idle");
  });
});
