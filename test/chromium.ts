/**
 * Where the browser tests find their Chromium: `CHROMIUM_PATH`, else Debian's `/usr/bin/chromium`,
 * else Playwright's own download (where the network allowed `npx playwright install chromium`).
 */
import { existsSync } from "node:fs";
import { chromium } from "playwright-core";

/** The one line printed when no Chromium can be found. */
export const NO_CHROMIUM_MESSAGE =
  "convstep: no Chromium for the browser tests: set CHROMIUM_PATH, or install Debian's (apt-get install -y chromium), or run `npx playwright install chromium`.";

/** Flags for a quiet, offline, sandbox-free headless Chromium. */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
  "--enable-unsafe-swiftshader",
];

/** The path of a usable Chromium, or undefined. */
export function findChromium(): string | undefined {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : undefined;
  if (existsSync("/usr/bin/chromium")) return "/usr/bin/chromium";
  try {
    const own = chromium.executablePath();
    if (own && existsSync(own)) return own;
  } catch {
    // playwright-core knows no browser of its own here.
  }
  return undefined;
}

/** The Chromium path, or stop the test run with one line that says how to get one. */
export function requireChromium(): string {
  const path = findChromium();
  if (!path) {
    process.stderr.write(`${NO_CHROMIUM_MESSAGE}\n`);
    process.exit(1);
  }
  return path;
}
