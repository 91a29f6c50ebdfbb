/**
 * The import graph of packages/elements/src: no module imports itself round a circle (type-only
 * imports included: they tie the modules together just the same), and the drawing code under
 * draw/ never imports from a component folder (a folder with a `*.component.ts`): the components
 * import the drawing code, not the other way round. Read from the sources with a regex, not from
 * the code under test.
 */
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";

const SRC = fileURLToPath(new URL("../packages/elements/src/", import.meta.url));

/** Relative specifiers of `import … from`, `export … from`, `import "…"` and `import("…")`. */
const SPECIFIER = /(?:\bfrom\s+|\bimport\s*\(\s*|\bimport\s+)["'](\.{1,2}\/[^"']+)["']/g;

function modules(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === "test-utils" ? [] : modules(path);
    return name.endsWith(".ts") && !name.endsWith(".test.ts") && !name.endsWith(".d.ts")
      ? [path]
      : [];
  });
}

/** `./x.js` from `file` → the `.ts` source it names (or null for a non-TS asset). */
function resolveSpecifier(file: string, specifier: string): string | null {
  const target = join(dirname(file), specifier);
  for (const candidate of [target.replace(/\.js$/, ".ts"), target, join(target, "index.ts")]) {
    if (candidate.endsWith(".ts") && existsSync(candidate)) return candidate;
  }
  return null;
}

const files = modules(SRC);
const rel = (path: string) => relative(SRC, path).split("\\").join("/");
const graph = new Map<string, string[]>(
  files.map((file) => {
    const source = readFileSync(file, "utf8");
    const targets = [...source.matchAll(SPECIFIER)]
      .map((m) => resolveSpecifier(file, m[1]!))
      .filter((t): t is string => t !== null)
      .map(rel);
    return [rel(file), [...new Set(targets)]];
  }),
);

/** Every elementary circle's first-found path (depth-first, white/grey/black). */
function cycles(): string[][] {
  const state = new Map<string, "grey" | "black">();
  const stack: string[] = [];
  const found: string[][] = [];
  const visit = (node: string) => {
    state.set(node, "grey");
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === "grey") found.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(node, "black");
  };
  for (const node of graph.keys()) if (!state.has(node)) visit(node);
  return found;
}

const componentFolders = new Set(
  files.filter((f) => f.endsWith(".component.ts")).map((f) => rel(f).split("/")[0]!),
);

/**
 * The figure builders under draw/svg/ still read the views' layout and number helpers. Listed
 * exactly, so the list can only shrink: moving these helpers down is the next step.
 */
const KNOWN_UPWARD = [
  "draw/svg/arithmetic-svg.ts -> neuron-math/channels.ts",
  "draw/svg/arithmetic-svg.ts -> neuron-math/format.ts",
  "draw/svg/network-svg.ts -> network/focus-pages.ts",
  "draw/svg/network-svg.ts -> network/layout.ts",
  "draw/svg/network-svg.ts -> network/links.ts",
  "draw/svg/network-svg.ts -> network/towers.ts",
];

describe("the import graph of @convstep/elements", () => {
  test("the scan sees the modules and their imports", () => {
    expect(graph.size).toBeGreaterThan(50);
    expect(graph.get("network/links.ts")).toContain("network/layout.ts");
    expect(graph.get("draw/network.ts")).toContain("draw/network-geometry.ts");
    expect(componentFolders).toContain("network");
    expect(componentFolders).not.toContain("draw");
  });

  test("no module imports itself round a circle", () => {
    expect(cycles().map((c) => c.join(" -> "))).toEqual([]);
  });

  test("draw/ imports no component folder (except the listed svg figure builders)", () => {
    const upward = [...graph]
      .filter(([from]) => from.startsWith("draw/"))
      .flatMap(([from, targets]) =>
        targets.filter((t) => componentFolders.has(t.split("/")[0]!)).map((t) => `${from} -> ${t}`),
      )
      .sort();
    expect(upward).toEqual(KNOWN_UPWARD);
    expect(upward.filter((edge) => !edge.startsWith("draw/svg/"))).toEqual([]);
  });
});
