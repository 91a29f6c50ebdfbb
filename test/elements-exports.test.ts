/**
 * Every `@convstep/elements/<subpath>` that a sibling package imports must be offered by the
 * exports map of @convstep/elements: an app installing the packages has no Vite alias to hide a
 * missing entry. Resolved here the way Node resolves it for the importing package (through the
 * workspace link and the exports map), against the built `dist/` (`npm run build` first).
 */
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";

const REPO = fileURLToPath(new URL("../", import.meta.url));
const PACKAGES = join(REPO, "packages");
const ELEMENTS_DIST = join(PACKAGES, "elements", "dist");

/** `from "…"`, `import("…")`, `import "…"` and `export … from "…"` specifiers of @convstep/elements. */
const SPECIFIER = /(?:from\s+|import\s*\(\s*|import\s+)["'](@convstep\/elements(?:\/[^"']+)?)["']/g;

function sourceFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === "node_modules" ? [] : sourceFiles(path);
    return /\.(?:ts|js|mjs)$/.test(name) && !name.endsWith(".d.ts") ? [path] : [];
  });
}

/** [importing package folder, specifier, file] for every import of @convstep/elements outside it. */
function siblingImports(): [string, string, string][] {
  const found: [string, string, string][] = [];
  for (const pkg of readdirSync(PACKAGES)) {
    if (pkg === "elements") continue;
    for (const folder of ["src", "bin", "scripts"]) {
      for (const file of sourceFiles(join(PACKAGES, pkg, folder))) {
        for (const match of readFileSync(file, "utf8").matchAll(SPECIFIER)) {
          found.push([pkg, match[1]!, relative(REPO, file)]);
        }
      }
    }
  }
  return found;
}

const imports = siblingImports();
const unique = [...new Map(imports.map((i) => [`${i[0]} ${i[1]}`, i])).values()];

describe("the exports map of @convstep/elements", () => {
  test("the sibling packages import subpaths of @convstep/elements (the scan finds them)", () => {
    const specifiers = new Set(imports.map((i) => i[1]));
    expect(specifiers).toContain("@convstep/elements/shared/assets.js");
    expect(specifiers).toContain("@convstep/elements/svg.js");
    expect(specifiers).toContain("@convstep/elements/player/define.js");
  });

  test.each(unique)(
    "%s's import of %s resolves through the exports map to a built module with types",
    (pkg, specifier) => {
      const require = createRequire(join(PACKAGES, pkg, "package.json"));
      let resolved: string;
      try {
        resolved = require.resolve(specifier);
      } catch (error) {
        throw new Error(`${specifier} is not offered by the exports map`, { cause: error });
      }
      expect(resolved.startsWith(ELEMENTS_DIST)).toBe(true);
      expect(existsSync(resolved.replace(/\.js$/, ".d.ts"))).toBe(true);
    },
  );

  test("a subpath the map does not offer is refused (the check can fail)", () => {
    const require = createRequire(join(PACKAGES, "embed", "package.json"));
    expect(() => require.resolve("@convstep/elements/shared/format.js")).toThrow(
      /ERR_PACKAGE_PATH_NOT_EXPORTED|not defined by "exports"/,
    );
  });
});
