/**
 * Running the built `convstep` binary as a user does (`node packages/cli/dist/bin.js …`), and
 * checking that bad input gives one clean line on stderr. Building is the test command's job
 * (`npm test` runs `npm run build` first).
 */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { expect } from "vitest";

/** The repository root. */
export const REPO = fileURLToPath(new URL("../../", import.meta.url));

/** The built executable. */
export const BIN = fileURLToPath(new URL("../../packages/cli/dist/bin.js", import.meta.url));

/** What a run printed and how it ended. */
export interface CliResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Fails with a clear message when the binary has not been built. */
export function requireBuilt(): void {
  if (!existsSync(BIN)) {
    throw new Error(`${BIN} does not exist: run \`npm run build\` (tsc -b) at the root first`);
  }
}

/**
 * Runs `node packages/cli/dist/bin.js ...args` (or another script, `bin`) in the repository root.
 * A run still going after `timeoutMs` is killed and reported with status null: a hang guard, not a
 * speed test.
 */
export function runCli(
  args: readonly string[],
  cwd = REPO,
  bin = BIN,
  timeoutMs = 60_000,
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [bin, ...args],
      { cwd, encoding: "utf8", maxBuffer: 64 * 1024 * 1024, timeout: timeoutMs },
      (error, stdout, stderr) => {
        const code = (error as { code?: unknown } | null)?.code;
        if (error && (error as { killed?: boolean }).killed) {
          reject(new Error(`convstep ${args.join(" ")} did not finish in ${timeoutMs / 1000} s`));
          return;
        }
        if (error && typeof code !== "number") {
          reject(error);
          return;
        }
        resolve({ status: typeof code === "number" ? code : 0, stdout, stderr });
      },
    );
  });
}

/** The lines of stderr without the untrained-weights note. */
export function stderrLines(result: CliResult): string[] {
  return result.stderr.split("\n").filter((l) => l !== "");
}

/** Asserts a successful run: status 0 and no error line. */
export function expectOk(result: CliResult): void {
  expect(result.stderr, "stderr").not.toMatch(/convstep: (?!note:)/);
  expect(result.status, `status (stderr: ${result.stderr})`).toBe(0);
}

/**
 * Asserts bad input: status 2, nothing on stdout, exactly one line `convstep: <message>` on
 * stderr, no stack trace. Returns the message.
 */
export function expectUsageError(result: CliResult, pattern?: RegExp): string {
  const lines = stderrLines(result);
  expect(result.stderr, "a stack trace").not.toContain("    at ");
  expect(lines, "stderr lines").toHaveLength(1);
  expect(lines[0]).toMatch(/^convstep: \S/);
  expect(lines[0]).not.toMatch(/internal error/);
  if (pattern) expect(lines[0]).toMatch(pattern);
  expect(result.stdout, "stdout").toBe("");
  expect(result.status, "status").toBe(2);
  return lines[0];
}
