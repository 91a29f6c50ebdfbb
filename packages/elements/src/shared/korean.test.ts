import { afterEach, describe, expect, it } from "vitest";
import { templates } from "../locales/ko.js";
import "../digit-pad/define.js";
import "../connection-table/define.js";
import { backendChip } from "./explorer/status.js";
import { render } from "lit";
import { setLanguage } from "./localize.js";
import { lenetSimulator } from "../test-utils/fixtures.js";
import { afterLayout, mount } from "../test-utils/mount.js";

/** A translation's text, placeholders as {n}. */
function textOf(t: unknown): string {
  if (typeof t === "string") return t;
  const strings = (t as { strings: readonly string[] }).strings;
  return strings.map((s, i) => (i === 0 ? s : `{${i - 1}}${s}`)).join("");
}

describe("Korean", () => {
  afterEach(async () => {
    document.body.replaceChildren();
    await setLanguage("en");
  });

  it("no message falls back to a double particle like 은(는), 을(를), 이(가)", () => {
    const fallbacks = Object.entries(templates)
      .map(([id, t]) => [id, textOf(t)] as const)
      .filter(([, text]) => /\((은|는|을|를|이|가|와|과|으)\)/.test(text));
    expect(fallbacks).toEqual([]);
  });

  it('the pad\'s "지우기" stays on one line in a 200 px pad; words never break inside', async () => {
    await setLanguage("ko");
    const pad = await mount<HTMLElement & { updateComplete: Promise<unknown> }>("cs-digit-pad", {
      lang: "ko",
    });
    pad.style.width = "200px";
    pad.style.display = "block";
    await afterLayout(pad);
    const clear = pad.shadowRoot!.querySelector<HTMLElement>(".clear")!;
    expect(clear.textContent!.trim()).toBe("지우기");
    const range = document.createRange();
    range.selectNodeContents(clear);
    // One line: every glyph's box has the same top.
    const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
    expect(tops.size).toBe(1);
    expect(getComputedStyle(clear).wordBreak).toBe("keep-all");
  });

  it('connection-table group headers ("6개 모두") break only between words', async () => {
    await setLanguage("ko");
    const fixture = await lenetSimulator("1998");
    try {
      const table = await mount<
        HTMLElement & { simulator: unknown; updateComplete: Promise<unknown> }
      >("cs-connection-table", { lang: "ko" });
      table.style.width = "320px";
      table.style.display = "block";
      table.simulator = fixture.simulator;
      await afterLayout(table);
      const heads = [
        ...table.shadowRoot!.querySelectorAll<HTMLElement>("thead tr.groups th"),
      ].filter((th) => /개/.test(th.textContent!));
      expect(heads.length).toBeGreaterThan(0);
      for (const th of heads) {
        const words = th.textContent!.trim().split(/\s+/).length;
        const range = document.createRange();
        range.selectNodeContents(th);
        const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
        expect(lines, th.textContent!).toBeLessThanOrEqual(words);
      }
    } finally {
      fixture.dispose();
    }
  });

  it("the status line's reason is Korean", async () => {
    await setLanguage("ko");
    const div = document.createElement("div");
    render(
      backendChip(
        {
          backend: "wasm",
          reason: "wasm: WebGL renders in software (SwiftShader), where wasm is ~30× faster",
        },
        { label: "백엔드: wasm", requested: "", details: "자세히" },
      ),
      div,
    );
    expect(div.querySelector(".why")!.textContent).toBe(
      "WebGL이 소프트웨어(SwiftShader)로 그려져 wasm이 약 30배 빠름",
    );
  });
});
