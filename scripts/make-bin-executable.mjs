// tsc writes packages/cli/dist/bin.js without the executable bit that `npx convstep` needs.
import { chmodSync, existsSync } from "node:fs";

const bin = new URL("../packages/cli/dist/bin.js", import.meta.url);
if (existsSync(bin)) chmodSync(bin, 0o755);
