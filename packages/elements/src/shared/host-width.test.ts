import { LitElement, html } from "lit";
import { afterEach, describe, expect, it } from "vitest";
import { HostWidthController } from "./host-width.js";

class WidthProbe extends LitElement {
  readonly measured = new HostWidthController(this);
  renders = 0;

  override render() {
    this.renders++;
    return html`${this.measured.width}`;
  }
}
customElements.define("cs-test-width-probe", WidthProbe);

afterEach(() => document.body.replaceChildren());

describe("HostWidthController", () => {
  it("321.4 px wide → 321, re-rendered; 200 px after a resize; 0 before the first measurement", async () => {
    const probe = document.createElement("cs-test-width-probe") as WidthProbe;
    probe.style.cssText = "display: block; width: 321.4px";
    expect(probe.measured.width).toBe(0);
    document.body.append(probe);
    await expect.poll(() => probe.measured.width).toBe(321);
    await probe.updateComplete;
    expect(probe.shadowRoot!.textContent).toBe("321");
    const renders = probe.renders;
    probe.style.width = "200px";
    await expect.poll(() => probe.measured.width).toBe(200);
    await probe.updateComplete;
    expect(probe.renders).toBeGreaterThan(renders);
    expect(probe.shadowRoot!.textContent).toBe("200");
  });
});
