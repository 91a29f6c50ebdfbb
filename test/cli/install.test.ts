/**
 * `npx convstep` right after `npm ci`: npm links a workspace's `bin` before the root `prepare`
 * script builds dist/, so the bin must be a committed, executable file (which then imports the
 * build), never a build output. These checks read git's index and package.json, not the build.
 */
import { execFileSync } from "node:child_process";
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { REPO, runCli } from "./harness.js";

const CLI_DIR = join(REPO, "packages/cli");
const pkg = JSON.parse(readFileSync(join(CLI_DIR, "package.json"), "utf8")) as {
  version: string;
  bin: Record<string, string>;
};
const binPath = join("packages/cli", pkg.bin.convstep);

/** git's mode for a path in the index ("100755"), or undefined when it is not tracked. */
function gitMode(path: string): string | undefined {
  const out = execFileSync("git", ["ls-files", "--stage", "--", path], {
    cwd: REPO,
    encoding: "utf8",
  });
  return out === "" ? undefined : out.split(" ")[0];
}

describe("the convstep bin", () => {
  test("package.json's bin names convstep and points at a file git tracks, outside dist/", () => {
    expect(Object.keys(pkg.bin)).toEqual(["convstep"]);
    expect(binPath).not.toMatch(/(^|\/)dist\//);
    expect(gitMode(binPath), `${binPath} is tracked`).toBeDefined();
  });

  test("the bin is executable in git (mode 100755) and on disk, with a node shebang", () => {
    expect(gitMode(binPath)).toBe("100755");
    expect(statSync(join(REPO, binPath)).mode & 0o111).toBe(0o111);
    expect(readFileSync(join(REPO, binPath), "utf8").split("\n")[0]).toBe("#!/usr/bin/env node");
  });

  test("npm linked node_modules/.bin/convstep to it", () => {
    expect(realpathSync(join(REPO, "node_modules/.bin/convstep"))).toBe(
      realpathSync(join(REPO, binPath)),
    );
  });

  test("run through the bin, --version prints package.json's version", () => {
    const out = execFileSync(join(REPO, binPath), ["--version"], { encoding: "utf8" });
    expect(out.trim()).toBe(pkg.version);
  });

  test("without a build, the bin says in one line to run npm run build (exit 1)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "convstep-nobuild-"));
    try {
      mkdirSync(join(dir, "bin"));
      copyFileSync(join(REPO, binPath), join(dir, "bin/convstep.js"));
      writeFileSync(join(dir, "package.json"), '{ "type": "module" }\n');
      const result = await runCli(["--version"], dir, join(dir, "bin/convstep.js"));
      expect(result.stdout).toBe("");
      expect(result.stderr.trim().split("\n")).toEqual([
        expect.stringMatching(/^convstep: .*run npm run build$/),
      ]);
      expect(result.status).toBe(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
