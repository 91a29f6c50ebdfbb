import { render, type TemplateResult } from "lit";
import { describe, expect, it } from "vitest";
import { ConvstepError } from "@convstep/engine";
import { backendChip, errorBox, messageOf } from "./status.js";

const WORDS = { dismiss: "Dismiss", retry: "Retry", useSeeded: "Use seeded weights" };

function shown(template: TemplateResult): HTMLElement {
  const div = document.createElement("div");
  render(template, div);
  return div;
}

const buttons = (box: HTMLElement) =>
  [...box.querySelectorAll("button")].map((b) => b.textContent!.trim());

describe("errorBox", () => {
  it("a dismissable failure: heading, the error's own message, one Dismiss button that dismisses", () => {
    const clicks: string[] = [];
    const box = shown(
      errorBox(
        { heading: "This input cannot be used", error: new Error("783 values"), dismissable: true },
        WORDS,
        { dismiss: () => clicks.push("dismiss"), retry: () => clicks.push("retry") },
      ),
    );
    const panel = box.querySelector<HTMLElement>("[part=error]")!;
    expect(panel.getAttribute("role")).toBe("alert");
    expect(panel.classList.contains("error")).toBe(true);
    expect(panel.querySelector(".failure-heading")!.textContent).toBe("This input cannot be used");
    expect(panel.querySelector(".failure-message")!.textContent).toBe("783 values");
    expect(buttons(panel)).toEqual(["Dismiss"]);
    panel.querySelector("button")!.click();
    expect(clicks).toEqual(["dismiss"]);
  });

  it("a failed load: Retry first, then Use seeded weights when offered (and not without it)", () => {
    const clicks: string[] = [];
    const actions = { dismiss: () => clicks.push("dismiss"), retry: () => clicks.push("retry") };
    const failure = {
      heading: "The model could not be loaded",
      error: "HTTP 404",
      dismissable: false,
    };
    const offered = shown(
      errorBox(failure, WORDS, { ...actions, useSeeded: () => clicks.push("seeded") }),
    );
    expect(buttons(offered)).toEqual(["Retry", "Use seeded weights"]);
    for (const b of offered.querySelectorAll("button")) b.click();
    expect(clicks).toEqual(["retry", "seeded"]);
    expect(buttons(shown(errorBox(failure, WORDS, actions)))).toEqual(["Retry"]);
  });

  it("messageOf: an Error's message (the engine's errors too); anything else as a string", () => {
    expect(messageOf(new ConvstepError("INPUT", "expected 784 values"))).toBe(
      "expected 784 values",
    );
    expect(messageOf("plain text")).toBe("plain text");
    expect(messageOf(42)).toBe("42");
  });
});

describe("backendChip", () => {
  const words = { label: "Backend: cpu", requested: "as the page asks", details: "details" };

  it("the chip and the reason sit in a closed disclosure: a reader sees only its summary", () => {
    const line = shown(
      backendChip({ backend: "wasm", reason: "wasm: WebGL renders in software" }, words),
    );
    document.body.append(line);
    const details = line.querySelector("details")!;
    expect(details.open).toBe(false);
    expect(details.querySelector("summary")!.textContent!.trim()).toBe("details");
    expect(details.querySelector(".chip.backend")!.checkVisibility()).toBe(false);
    details.open = true;
    expect(details.querySelector(".chip.backend")!.checkVisibility()).toBe(true);
    line.remove();
  });

  it('reason "cpu: requested" → the chip and the words for "requested"; the title keeps the reason', () => {
    const line = shown(backendChip({ backend: "cpu", reason: "cpu: requested" }, words));
    const chip = line.querySelector(".chip.backend")!;
    expect(chip.textContent).toBe("Backend: cpu");
    expect(chip.getAttribute("title")).toBe("cpu: requested");
    expect(line.querySelector(".why")!.textContent).toBe("as the page asks");
  });

  it("any other reason is shown without its backend prefix", () => {
    const reason = "wasm: WebGL is not available here";
    const line = shown(backendChip({ backend: "wasm", reason }, words));
    expect(line.querySelector(".why")!.textContent).toBe("WebGL is not available here");
    expect(line.querySelector(".chip")!.getAttribute("title")).toBe(reason);
  });
});
