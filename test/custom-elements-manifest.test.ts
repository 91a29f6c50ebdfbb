/**
 * packages/elements/custom-elements.json (written by `npm run manifest -w @convstep/elements`,
 * part of `npm run build`, with packages/elements/custom-elements-manifest.config.js) is what
 * editors and Storybook's Controls read: every tag defined, only the public API, each event once
 * under its own name with its type.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";

const ELEMENTS = fileURLToPath(new URL("../packages/elements/", import.meta.url));

interface Member {
  readonly name: string;
  readonly privacy?: string;
}
interface Declaration {
  readonly name: string;
  readonly tagName?: string;
  readonly members?: readonly Member[];
  readonly attributes?: readonly { name: string; fieldName?: string }[];
  readonly events?: readonly { name?: string; type?: { text: string } }[];
  readonly cssParts?: readonly unknown[];
}
interface Module {
  readonly path: string;
  readonly declarations?: readonly Declaration[];
  readonly exports?: readonly {
    kind: string;
    name: string;
    declaration: { name: string; module?: string };
  }[];
}

const manifest = JSON.parse(readFileSync(join(ELEMENTS, "custom-elements.json"), "utf8")) as {
  modules: Module[];
};
const elements = manifest.modules.flatMap((m) =>
  (m.declarations ?? []).filter((d) => d.tagName?.startsWith("cs-")),
);
const definitions = manifest.modules.flatMap((m) =>
  (m.exports ?? []).filter((e) => e.kind === "custom-element-definition"),
);

/** The tags the define modules register, read from their source (`defineElement("cs-…", …)`). */
const definedTags = readdirSync(join(ELEMENTS, "src"), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((d) => {
    let source: string;
    try {
      source = readFileSync(join(ELEMENTS, "src", d.name, "define.ts"), "utf8");
    } catch {
      return [];
    }
    return [...source.matchAll(/defineElement\("(cs-[a-z-]+)"/g)].map((m) => m[1]!);
  })
  .sort();

describe("custom-elements.json", () => {
  test("every tag a define module registers has a custom-element-definition export", () => {
    expect(definedTags.length).toBeGreaterThanOrEqual(15);
    expect(definitions.map((d) => d.name).sort()).toEqual(definedTags);
  });

  test("every cs-* element declaration has a definition export pointing at its class", () => {
    for (const element of elements) {
      const def = definitions.find((d) => d.name === element.tagName);
      expect(def, element.tagName).toBeDefined();
      expect(def!.declaration.name).toBe(element.name);
      const module = manifest.modules.find((m) => m.path === def!.declaration.module);
      expect(module?.declarations?.some((d) => d.name === element.name)).toBe(true);
    }
    expect(elements.map((e) => e.tagName).sort()).toEqual(definedTags);
  });

  test("no private, protected or # member or attribute is listed", () => {
    for (const element of elements) {
      for (const member of element.members ?? []) {
        expect(member.name.startsWith("#"), `${element.tagName} ${member.name}`).toBe(false);
        expect(["private", "protected"], `${element.tagName} ${member.name}`).not.toContain(
          member.privacy,
        );
      }
      const names = new Set((element.members ?? []).map((m) => m.name));
      for (const attribute of element.attributes ?? []) {
        if (attribute.fieldName) expect(names, attribute.name).toContain(attribute.fieldName);
      }
    }
  });

  test("each event is listed once, under a cs-* name, never 'run'", () => {
    for (const element of elements) {
      const names = (element.events ?? []).map((e) => e.name);
      expect(new Set(names).size, element.tagName).toBe(names.length);
      expect(names).not.toContain("run");
      for (const name of names) expect(name, element.tagName).toMatch(/^cs-[a-z-]+$/);
    }
  });

  test("cs-player lists exactly cs-step (CsStepEvent) and cs-play (CsPlayEvent), with their types", () => {
    const player = elements.find((e) => e.tagName === "cs-player")!;
    expect(player.events?.map((e) => [e.name, e.type?.text])).toEqual([
      ["cs-step", "CsStepEvent"],
      ["cs-play", "CsPlayEvent"],
    ]);
    expect(player.members?.map((m) => m.name)).toContain("simulator");
    expect(player.cssParts?.length).toBeGreaterThan(0);
  });
});
