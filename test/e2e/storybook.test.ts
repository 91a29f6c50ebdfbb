/**
 * Builds Storybook and opens every story in headless Chromium: each renders and logs no console
 * error (the favicon 404 of a bare build excepted).
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "./browser.js";
import { serveStatic, type StaticServer } from "./static-server.js";

const root = fileURLToPath(new URL("../..", import.meta.url));
const outDir = fileURLToPath(new URL("../../storybook-static", import.meta.url));

interface IndexEntry {
  id: string;
  title: string;
  name: string;
  type: "story" | "docs";
  tags?: string[];
}

/** Stories that show a failed load on purpose carry this tag: their 404 is expected. */
const EXPECTS_404 = "expects-404";

let server: StaticServer;
let browser: Awaited<ReturnType<typeof launchChromium>>;
let entries: IndexEntry[] = [];

beforeAll(async () => {
  execFileSync("node_modules/.bin/storybook", ["build", "-o", outDir, "--quiet"], {
    cwd: root,
    env: { ...process.env, STORYBOOK_DISABLE_TELEMETRY: "1" },
    stdio: "pipe",
  });
  const index = JSON.parse(readFileSync(`${outDir}/index.json`, "utf8")) as {
    entries: Record<string, IndexEntry>;
  };
  entries = Object.values(index.entries);
  server = await serveStatic(outDir);
  browser = await launchChromium();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("Storybook", () => {
  it("has a story for every element and explorer", () => {
    const titles = new Set(entries.filter((e) => e.type === "story").map((e) => e.title));
    expect(titles.size).toBeGreaterThan(0);
  });

  it("renders every story with no console error", async () => {
    const failures: string[] = [];
    for (const entry of entries) {
      const page = await browser.context.newPage();
      const errors: string[] = [];
      const expects404 = entry.tags?.includes(EXPECTS_404) ?? false;
      page.on("console", (msg) => {
        const where = msg.location().url ?? "";
        if (msg.type() !== "error" || /favicon\.ico/.test(msg.text() + where)) return;
        if (expects404 && /status of 404/.test(msg.text())) return;
        errors.push(`${msg.text()} ${where}`.trim());
      });
      page.on("pageerror", (err) => errors.push(String(err)));
      const viewMode = entry.type === "docs" ? "docs" : "story";
      await page.goto(`${server.url}iframe.html?id=${entry.id}&viewMode=${viewMode}`);
      await page.waitForFunction(
        () =>
          document.body.classList.contains("sb-show-main") ||
          document.body.classList.contains("sb-show-errordisplay") ||
          document.body.classList.contains("sb-show-nopreview"),
        undefined,
        { timeout: 30_000 },
      );
      // Wait for the asynchronous work (a trace, a weights fetch) to finish or fail: every
      // element rendered, every explorer ready, and the network quiet.
      await page.evaluate(async () => {
        type Widget = Element & { updateComplete?: Promise<unknown>; ready?: Promise<unknown> };
        const widgets = [...document.querySelectorAll<Widget>("*")].filter((e) =>
          e.localName.startsWith("cs-"),
        );
        for (const w of widgets) {
          await w.updateComplete;
          await w.ready;
        }
      });
      await page.waitForLoadState("networkidle");
      const shown = await page.evaluate(() =>
        document.body.classList.contains("sb-show-errordisplay") ? "error display" : "ok",
      );
      if (shown !== "ok") errors.push(`Storybook shows its ${shown}`);
      if (errors.length > 0) failures.push(`${entry.id}: ${errors.join(" | ")}`);
      await page.close();
    }
    expect(failures).toEqual([]);
  }, 600_000);
});
