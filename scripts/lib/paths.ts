/** Paths of the repository, for scripts run from anywhere inside it (or bundled elsewhere). */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";

const ROOT_NAME = "convstep-monorepo";

/** The repository root: the nearest folder up from the working directory whose package.json is convstep's. */
export function repoRoot(from = process.cwd()): string {
  let dir = resolve(from);
  for (;;) {
    const pkg = join(dir, "package.json");
    if (
      existsSync(pkg) &&
      (JSON.parse(readFileSync(pkg, "utf8")) as { name?: string }).name === ROOT_NAME
    ) {
      return dir;
    }
    const up = dirname(dir);
    if (up === dir)
      throw new Error(`no ${ROOT_NAME} package.json above ${from}: run from the repository`);
    dir = up;
  }
}

/** A path inside the repository. */
export function repoPath(...parts: string[]): string {
  return join(repoRoot(), ...parts);
}
