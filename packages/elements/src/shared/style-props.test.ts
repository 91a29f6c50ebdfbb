import { html, render } from "lit";
import { styleMap } from "lit/directives/style-map.js";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { styleProps, type StyleProps } from "./style-props.js";

/** A same-origin frame whose document enforces `style-src 'self'` (no inline style at all). */
let frame: HTMLIFrameElement;
let doc: Document;
let violations: string[];

beforeEach(async () => {
  frame = document.createElement("iframe");
  frame.srcdoc = `<!doctype html><meta http-equiv="Content-Security-Policy" content="style-src 'self'"><body></body>`;
  const loaded = new Promise((resolve) => frame.addEventListener("load", resolve, { once: true }));
  document.body.append(frame);
  await loaded;
  doc = frame.contentDocument!;
  violations = [];
  doc.addEventListener("securitypolicyviolation", (e) =>
    violations.push(`${e.effectiveDirective} ${e.blockedURI}`),
  );
});

afterEach(() => document.body.replaceChildren());

/** Renders `<div id="probe" …>` into the frame's body (its nodes created by the frame's document). */
function show(props: StyleProps) {
  render(html`<div id="probe" ${styleProps(props)}></div>`, doc.body, { creationScope: doc });
  return doc.getElementById("probe")!;
}

const computed = (el: Element) => frame.contentWindow!.getComputedStyle(el);

describe("styleProps under style-src 'self'", () => {
  it("sets width 37px and --fill on the first render, changes and drops them later, with no violation", async () => {
    const el = show({ width: "37px", "--fill": "0.5", height: null });
    expect(computed(el).width).toBe("37px");
    expect(computed(el).getPropertyValue("--fill")).toBe("0.5");
    expect(el.style.getPropertyValue("height")).toBe("");

    show({ width: "12px" });
    expect(doc.getElementById("probe")).toBe(el);
    expect(computed(el).width).toBe("12px");
    expect(computed(el).getPropertyValue("--fill")).toBe("");

    // A control in the same frame: a `style="…"` binding is refused and reported. Events arrive
    // in order, so the report of this one, alone, also says the renders above raised none.
    const other = doc.createElement("section");
    doc.body.append(other);
    render(html`<p id="bound" style="width:${55}px"></p>`, other, { creationScope: doc });
    await expect.poll(() => violations).toEqual(["style-src-attr inline"]);
    expect(computed(doc.getElementById("bound")!).width).not.toBe("55px");
  });

  it("while Lit's styleMap is refused on its first render (lit/lit#4719)", async () => {
    render(html`<div id="mapped" style=${styleMap({ width: "37px" })}></div>`, doc.body, {
      creationScope: doc,
    });
    const el = doc.getElementById("mapped")!;
    await expect.poll(() => violations).toEqual(["style-src-attr inline"]);
    expect(computed(el).width).not.toBe("37px");
  });

  it("must be used in a tag, not as an attribute's value", () => {
    expect(() =>
      render(html`<div style=${styleProps({ width: "1px" })}></div>`, doc.body, {
        creationScope: doc,
      }),
    ).toThrow(/styleProps\(\) goes in an element's tag/);
  });
});
