/**
 * `npm run docs` (tsc -b, then typedoc with `entryPointStrategy: packages`) writes an API
 * reference of the four packages with the hand-written guides beside it. Run here into a
 * temporary folder, so that docs/api is left alone; the checks read the generated HTML.
 */
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

const REPO = fileURLToPath(new URL("../", import.meta.url));

/** Each package and a few of its main exports, which must each get a page. */
const MAIN_EXPORTS: Record<string, readonly string[]> = {
  "@convstep/engine": ["compileModel", "Simulator", "createSimulator", "loadWeights", "Cursor"],
  "@convstep/models": ["getModelSpec", "MODEL_NAMES", "LENET5_TABLE_1"],
  "@convstep/elements": ["CsPlayer", "CsLenetExplorer", "setAssetBase", "CsStepEvent"],
  "@convstep/cli": ["main", "COMMANDS"],
};

/** The guides that typedoc.json adds as project documents (docs/README.md is the repo's index). */
const GUIDES = readdirSync(join(REPO, "docs"))
  .filter((f) => f.endsWith(".md") && f !== "README.md")
  .map((f) => f.replace(/\.md$/, ""));

// eslint-disable-next-line no-control-regex -- typedoc colours its log
const ANSI = /\x1b\[[0-9;]*m/g;

let out: string;
let log: string;
let status: number;

function runDocs(outDir: string): Promise<{ status: number; log: string }> {
  return new Promise((done, fail) => {
    execFile(
      "npm",
      ["run", "docs", "--", "--out", outDir],
      { cwd: REPO, encoding: "utf8", maxBuffer: 64 * 1024 * 1024, timeout: 280_000 },
      (error, stdout, stderr) => {
        const code = (error as { code?: unknown } | null)?.code;
        if (error && typeof code !== "number") fail(error);
        else done({ status: typeof code === "number" ? code : 0, log: `${stdout}\n${stderr}` });
      },
    );
  });
}

/** The page a link with exactly this text leads to, from a page of the output. */
function linkTarget(page: string, text: string): string | undefined {
  const html = readFileSync(page, "utf8");
  const escaped = text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const match = new RegExp(`<a href="([^"#]+)"[^>]*>${escaped}</a>`).exec(html);
  return match ? resolve(dirname(page), match[1]) : undefined;
}

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), "convstep-docs-"));
  ({ status, log } = await runDocs(out));
  log = log.replace(ANSI, "");
}, 300_000);

afterAll(() => rmSync(out, { recursive: true, force: true }));

describe("npm run docs", () => {
  test("exits 0 with no typedoc error and writes index.html", () => {
    expect(status, log).toBe(0);
    expect(log).not.toMatch(/\[error\]/);
    expect(existsSync(join(out, "index.html")), "index.html").toBe(true);
    // The index page is the repository's README.
    expect(readFileSync(join(out, "index.html"), "utf8")).toContain("Watch the classic");
  });

  test("modules.html lists the four packages", () => {
    for (const name of Object.keys(MAIN_EXPORTS)) {
      expect(linkTarget(join(out, "modules.html"), name), name).toBeDefined();
    }
  });

  test.each(Object.entries(MAIN_EXPORTS))("%s: a page for each main export", (pkg, names) => {
    const modulePage = linkTarget(join(out, "modules.html"), pkg);
    expect(modulePage && existsSync(modulePage), `${pkg}'s module page`).toBe(true);
    for (const name of names) {
      const page = linkTarget(modulePage!, name);
      expect(page, `${pkg} links ${name}`).toBeDefined();
      expect(existsSync(page!), `${page} exists`).toBe(true);
      expect(readFileSync(page!, "utf8")).toMatch(new RegExp(`<h1>[^<]* ${name}\\b`));
    }
  });

  test("the element classes carry their CSS parts and properties", () => {
    const modulePage = linkTarget(join(out, "modules.html"), "@convstep/elements")!;
    const html = readFileSync(linkTarget(modulePage, "CsPlayer")!, "utf8");
    expect(html).toContain("--cs-player-fill-color");
    expect(html).toContain("timeline");
    expect(log, "the @csspart tag is declared in typedoc.json").not.toMatch(/unknown block tag/);
  });

  test.each(GUIDES)("the guide docs/%s.md is a page of the reference", (guide) => {
    expect(existsSync(join(out, "documents", `${guide}.html`))).toBe(true);
  });
});
