import { expect, it } from "vitest";

it("importing the explorer's class registers no tag; its define.ts registers it and its blocks", async () => {
  const { CsLenetExplorer } = await import("./lenet-explorer.component.js");
  expect(typeof CsLenetExplorer).toBe("function");
  expect(customElements.get("cs-lenet-explorer")).toBeUndefined();
  expect(customElements.get("cs-network")).toBeUndefined();
  await import("./define.js");
  expect(customElements.get("cs-lenet-explorer")).toBe(CsLenetExplorer);
  for (const tag of [
    "cs-digit-pad",
    "cs-network",
    "cs-player",
    "cs-feature-maps",
    "cs-neuron-math",
    "cs-prediction",
    "cs-connection-table",
    "cs-model-summary",
  ]) {
    expect(customElements.get(tag), tag).toBeDefined();
  }
});
