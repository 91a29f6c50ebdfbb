/**
 * Every `npx convstep …` example in the README and docs/*.md runs verbatim from the repository
 * root, on the files the repository ships (docs/examples/, packages/models/samples/): a command in
 * an `sh` fence exits 0; when a `text` fence follows it, that is its output (exactly, or, where
 * the block holds "…", its lines in order, "…" standing for anything); a `$ npx convstep …` line of
 * a `text` fence is bad input: exit 2 and the next line is its stderr, exactly. The example PNGs
 * are the bundled MNIST test digits that scripts/example-digits.ts names.
 */
import { existsSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { PNG } from "pngjs";
import { beforeAll, describe, expect, test } from "vitest";
import { decodeDigits } from "@convstep/models";
import { exampleDigits } from "../../scripts/example-digits.js";
import { BIN, REPO, requireBuilt, runCli } from "./harness.js";

/**
 * A hang guard, not a speed limit: AlexNet's examples take seconds alone and half a minute on a
 * loaded machine.
 */
const RUN_GUARD_MS = 240_000;

const FILES = [
  "README.md",
  ...readdirSync(join(REPO, "docs"))
    .filter((f) => f.endsWith(".md"))
    .map((f) => `docs/${f}`),
];

/**
 * Commands that name the reader's own files rather than the repository's: docs/own-weights.md walks
 * through converting one's own Keras model into `web_model/`, and docs/bring-alexnet.md through
 * converting a downloaded AlexNet release (`.caffemodel`, `.onnx`) into `alexnet/model.json`
 * (test/cli/convert.test.ts runs `convert` on files built by the test).
 */
const READERS_OWN = /\bweb_model\/|\.caffemodel\b|\.onnx\b|\balexnet(-torchvision)?\/model\.json\b/;

interface Example {
  readonly where: string;
  /** The words after `npx convstep`. */
  readonly args: string[];
  /** The documented output (stderr lines, then stdout), when the docs show it. */
  readonly output?: string[];
  /** A `$ …` line: bad input, exit 2. */
  readonly fails: boolean;
}

/** Splits a command line into words (no quoting is used in the examples), without redirections. */
function words(line: string): string[] {
  const all = line
    .replace(/\s+#.*$/, "")
    .trim()
    .split(/\s+/);
  const out: string[] = [];
  for (let i = 0; i < all.length; i++) {
    if (/^\d?>{1,2}$/.test(all[i])) i++;
    else out.push(all[i]);
  }
  return out;
}

/** The convstep examples of one Markdown file. */
function examplesOf(file: string): Example[] {
  const lines = readFileSync(join(REPO, file), "utf8").split("\n");
  const fences: { lang: string; lines: string[]; line: number }[] = [];
  let open: { lang: string; lines: string[]; line: number } | undefined;
  lines.forEach((text, i) => {
    const fence = /^```(\w*)\s*$/.exec(text);
    if (open && fence && fence[1] === "") {
      fences.push(open);
      open = undefined;
    } else if (open) open.lines.push(text);
    else if (fence) open = { lang: fence[1], lines: [], line: i + 1 };
  });
  const examples: Example[] = [];
  fences.forEach((fence, f) => {
    if (fence.lang === "sh") {
      const commands = fence.lines
        .map((text, i) => ({ text, line: fence.line + 1 + i }))
        .filter(({ text }) => text.startsWith("npx convstep "));
      const next = fences[f + 1];
      const shown = next?.lang === "text" && !next.lines[0]?.startsWith("$ ") ? next : undefined;
      commands.forEach(({ text, line }, i) =>
        examples.push({
          where: `${file}:${line}`,
          args: words(text).slice(2),
          output: i === 0 && shown ? shown.lines : undefined,
          fails: false,
        }),
      );
    } else if (fence.lang === "text") {
      fence.lines.forEach((text, i) => {
        if (!text.startsWith("$ npx convstep ")) return;
        examples.push({
          where: `${file}:${fence.line + 1 + i}`,
          args: words(text.slice(2)).slice(2),
          output: [fence.lines[i + 1]],
          fails: true,
        });
      });
    }
  });
  return examples.filter(
    (e) => !READERS_OWN.test(e.args.join(" ")) && !e.args.some((a) => /^<.*>$/.test(a)),
  );
}

/** Whether `actual` shows the documented lines: exactly, or in order with "…" as a wildcard. */
function shows(actual: readonly string[], documented: readonly string[]): boolean {
  if (!documented.some((l) => l.includes("…"))) return actual.join("\n") === documented.join("\n");
  const patterns = documented.map((l) =>
    l.trim() === "…"
      ? undefined
      : new RegExp(
          `^${l
            .split("…")
            .map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
            .join(".*")}$`,
        ),
  );
  let at = 0;
  for (const pattern of patterns) {
    if (pattern === undefined) continue;
    while (at < actual.length && !pattern.test(actual[at])) at++;
    if (at === actual.length) return false;
    at++;
  }
  return true;
}

const EXAMPLES = FILES.flatMap(examplesOf);

describe("the example inputs", () => {
  test("docs/examples' digit PNGs are the bundled MNIST test digits scripts/example-digits.ts names", () => {
    const set = decodeDigits(readFileSync(join(REPO, "packages/models/data/mnist-test-500.bin")));
    const made = exampleDigits(set);
    expect(made.map((d) => d.label)).toEqual([3, 7]);
    for (const { path, width, height, grey } of made) {
      const png = PNG.sync.read(readFileSync(join(REPO, path)));
      expect([png.width, png.height], path).toEqual([width, height]);
      const red = Uint8Array.from({ length: width * height }, (_, i) => png.data[4 * i]);
      expect(Buffer.from(red).equals(Buffer.from(grey)), `${path}: pixels`).toBe(true);
    }
  });

  test("the examples found: at least 20, and every file they name exists in the repository", () => {
    expect(EXAMPLES.length).toBeGreaterThanOrEqual(20);
    const missing = EXAMPLES.flatMap((e) =>
      e.args
        .filter((a) => /\.(png|jpe?g|json)$/.test(a) && !existsSync(join(REPO, a)))
        .map((a) => `${e.where}: ${a}`),
    );
    expect(missing).toEqual([]);
  });

  test("the matcher: exact without …, in order with … as a wildcard", () => {
    expect(shows(["a", "b"], ["a", "b"])).toBe(true);
    expect(shows(["a", "b", "c"], ["a", "c"])).toBe(false);
    expect(shows(["a", "b", "c"], ["a", "…", "c"])).toBe(true);
    expect(shows(["x 1, 2, 3, 4 y"], ["x 1, …, 4 y"])).toBe(true);
    expect(shows(["c", "a"], ["a", "…", "c"])).toBe(false);
  });
});

describe("every convstep example in the README and docs runs verbatim", () => {
  beforeAll(requireBuilt);
  test.each(EXAMPLES.map((e) => [`${e.where}: convstep ${e.args.join(" ")}`, e] as const))(
    "%s",
    async (_title, example) => {
      // A file the example writes (`--out c3.svg`) is removed again, so the tree stays clean.
      const out = example.args[example.args.indexOf("--out") + 1];
      const written = example.args.includes("--out") && !existsSync(join(REPO, out));
      const result = await runCli(example.args, REPO, BIN, RUN_GUARD_MS).finally(() => {
        if (written) rmSync(join(REPO, out), { force: true, recursive: true });
      });
      const printed = [
        ...result.stderr.split("\n").filter((l) => l !== ""),
        ...result.stdout.replace(/\n$/, "").split("\n"),
      ];
      if (example.fails) {
        expect(result.status, result.stderr).toBe(2);
        expect(result.stderr.trimEnd()).toBe(example.output![0]);
        return;
      }
      expect(result.status, result.stderr).toBe(0);
      if (example.output) {
        expect(
          shows(printed, example.output),
          `documented:\n${example.output.join("\n")}\n\nprinted:\n${printed.join("\n")}`,
        ).toBe(true);
      }
    },
    RUN_GUARD_MS + 10_000,
  );
});
