#!/usr/bin/env node
// The `convstep` executable that npm links at install time. It is committed (git mode 755) so that
// the link exists before the build: npm links workspace bins before the root `prepare` script
// builds dist/, and a bin pointing into dist/ would be skipped. It runs the built CLI.
import { existsSync } from "node:fs";

const built = new URL("../dist/bin.js", import.meta.url);
if (existsSync(built)) {
  await import(built.href);
} else {
  process.stderr.write(
    "convstep: the CLI is not built yet (no packages/cli/dist): run npm run build\n",
  );
  process.exitCode = 1;
}
