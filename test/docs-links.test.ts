/**
 * The guides (docs/*.md) and the README point at real things: every relative link names a file
 * (and a heading) that exists, every `npm run <script>` a script, every `npx convstep …` a command,
 * its flags, a model and that model's layer; theming.md lists exactly the parts and custom
 * properties that the elements declare. Expected values come from the files themselves
 * (package.json, the CLI's own help, the model specs, the components' doc blocks).
 */
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { compileModel } from "@convstep/engine";
import { MODEL_NAMES, getModelSpec, isModelName } from "@convstep/models";
import { describe, expect, test } from "vitest";
import { EXPERIMENTS } from "../packages/cli/src/commands/experiment.js";
import { COMMANDS } from "../packages/cli/src/main.js";

const EXPERIMENT_NAMES: readonly string[] = EXPERIMENTS;

const REPO = fileURLToPath(new URL("../", import.meta.url));
const DOCS = join(REPO, "docs");

/** The Markdown files checked, relative to the repository. */
const FILES = [
  "README.md",
  ...readdirSync(DOCS)
    .filter((f) => f.endsWith(".md"))
    .map((f) => `docs/${f}`),
];

const read = (path: string): string => readFileSync(join(REPO, path), "utf8");

// ---------------------------------------------------------------------------------------------
// Reading Markdown: fences, prose, headings, links

interface Fence {
  readonly lang: string;
  readonly lines: readonly string[];
  readonly line: number;
}

interface ParsedMarkdown {
  /** Lines outside fences, with their 1-based numbers. */
  readonly prose: readonly { text: string; line: number }[];
  readonly fences: readonly Fence[];
}

function parseMarkdown(text: string): ParsedMarkdown {
  const prose: { text: string; line: number }[] = [];
  const fences: Fence[] = [];
  let open: { marker: string; lang: string; lines: string[]; line: number } | undefined;
  text.split("\n").forEach((raw, i) => {
    const fence = /^\s*(`{3,}|~{3,})\s*([\w-]*)/.exec(raw);
    if (open) {
      if (fence && fence[1].startsWith(open.marker) && raw.trim() === fence[1]) {
        fences.push({ lang: open.lang, lines: open.lines, line: open.line });
        open = undefined;
      } else {
        open.lines.push(raw);
      }
    } else if (fence) {
      open = { marker: fence[1], lang: fence[2].toLowerCase(), lines: [], line: i + 1 };
    } else {
      prose.push({ text: raw, line: i + 1 });
    }
  });
  return { prose, fences };
}

/** Text without inline code spans (links inside them are not links). */
function withoutCode(line: string): string {
  return line.replace(/(`+)[^`]*?\1/g, "");
}

/** The inline code spans of a line. */
function codeSpans(line: string): string[] {
  return [...line.matchAll(/(`+)([^`]+?)\1/g)].map((m) => m[2]);
}

/** GitHub's heading anchor: lower case, punctuation dropped, spaces to hyphens. */
function slug(heading: string): string {
  return heading
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, "")
    .trim()
    .replace(/\s/g, "-");
}

/** The anchors of a Markdown file's headings (repeated headings get -1, -2, …). */
function anchorsOf(path: string): Set<string> {
  const seen = new Map<string, number>();
  const anchors = new Set<string>();
  for (const { text } of parseMarkdown(read(path)).prose) {
    const m = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(text);
    if (!m) continue;
    const base = slug(m[1]);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    anchors.add(n === 0 ? base : `${base}-${n}`);
  }
  return anchors;
}

interface Link {
  readonly file: string;
  readonly line: number;
  readonly target: string;
}

function linksOf(file: string): Link[] {
  const links: Link[] = [];
  for (const { text, line } of parseMarkdown(read(file)).prose) {
    const prose = withoutCode(text);
    for (const m of prose.matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) {
      links.push({ file, line, target: m[1] });
    }
    const ref = /^\s*\[[^\]]+\]:\s*(\S+)/.exec(prose);
    if (ref) links.push({ file, line, target: ref[1] });
    for (const m of prose.matchAll(/<a\s[^>]*href="([^"]+)"/g))
      links.push({ file, line, target: m[1] });
  }
  return links;
}

/** Why a link is broken, or undefined when it is fine. External links are not fetched. */
function brokenReason(link: Link): string | undefined {
  const { target } = link;
  if (/^[a-z][a-z+.-]*:/i.test(target)) return undefined; // https:, mailto:
  const [pathPart, anchor] = target.split("#") as [string, string | undefined];
  const path =
    pathPart === ""
      ? link.file
      : relative(REPO, resolve(dirname(join(REPO, link.file)), decodeURI(pathPart)));
  if (path.startsWith("..")) return `${target} leaves the repository`;
  if (path.startsWith("docs/api"))
    return `${target} is generated (docs/api is not committed): name it in code instead`;
  if (!existsSync(join(REPO, path))) return `${path} does not exist`;
  if (anchor !== undefined && path.endsWith(".md")) {
    if (!anchorsOf(path).has(anchor)) return `${path} has no heading #${anchor}`;
  } else if (anchor !== undefined && statSync(join(REPO, path)).isDirectory()) {
    return `${target}: an anchor on a folder`;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Commands: the lines of sh fences, `$ ` lines of console fences, and inline code

interface Command {
  readonly file: string;
  readonly line: number;
  readonly words: readonly string[];
}

/** A placeholder such as `<model>` stands for any value. */
const isPlaceholder = (w: string): boolean => /^<[^>]+>$/.test(w) || w === "…";

/** Splits a shell line into words (quotes respected), dropping a trailing comment. */
function shellWords(line: string): string[] {
  const words: string[] = [];
  let word = "";
  let quote: string | undefined;
  let started = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === quote) quote = undefined;
      else word += c;
    } else if (c === "'" || c === '"') {
      quote = c;
      started = true;
    } else if (/\s/.test(c)) {
      if (started) words.push(word);
      word = "";
      started = false;
    } else if (c === "#" && !started) {
      break; // a comment
    } else {
      word += c;
      started = true;
    }
  }
  if (started) words.push(word);
  return words;
}

/** One shell line as simple commands: split at && || ; |, without redirections. */
function simpleCommands(line: string): string[][] {
  const out: string[][] = [];
  let current: string[] = [];
  const words = shellWords(line);
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (["&&", "||", ";", "|"].includes(w)) {
      out.push(current);
      current = [];
    } else if (isPlaceholder(w)) {
      current.push(w);
    } else if (/^\d?[<>]{1,2}$/.test(w)) {
      i++; // the redirection's file
    } else if (!/^\d?[<>]/.test(w)) {
      current.push(w.replace(/;$/, ""));
    }
  }
  out.push(current);
  return out.filter((c) => c.length > 0);
}

const SHELL_FENCES = new Set(["sh", "bash", "shell", "zsh"]);

function commandsOf(file: string): Command[] {
  const { prose, fences } = parseMarkdown(read(file));
  const commands: Command[] = [];
  for (const fence of fences) {
    if (!SHELL_FENCES.has(fence.lang) && fence.lang !== "console") continue;
    let pending = "";
    fence.lines.forEach((raw, i) => {
      let text = raw;
      if (fence.lang === "console") {
        if (!text.startsWith("$ ")) return;
        text = text.slice(2);
      }
      if (text.endsWith("\\")) {
        pending += `${text.slice(0, -1)} `;
        return;
      }
      for (const words of simpleCommands(pending + text)) {
        commands.push({ file, line: fence.line + 1 + i, words });
      }
      pending = "";
    });
  }
  for (const { text, line } of prose) {
    for (const span of codeSpans(text)) {
      if (/^(npm run|npx convstep) /.test(span)) {
        for (const words of simpleCommands(span)) commands.push({ file, line, words });
      }
    }
  }
  return commands;
}

type Scripts = Record<string, string>;

function scriptsOf(packageDir: string): Scripts {
  const pkg = JSON.parse(readFileSync(join(REPO, packageDir, "package.json"), "utf8")) as {
    scripts?: Scripts;
  };
  return pkg.scripts ?? {};
}

/** The workspace folder of `-w <name or path>`. */
function workspaceDir(name: string): string | undefined {
  const root = JSON.parse(read("package.json")) as { workspaces: string[] };
  return root.workspaces.find((dir) => {
    if (dir === name || dir === name.replace(/^\.\//, "")) return true;
    const pkg = JSON.parse(readFileSync(join(REPO, dir, "package.json"), "utf8")) as {
      name: string;
    };
    return pkg.name === name;
  });
}

/** Problems with an npm command, or an empty list. */
function npmProblems(words: readonly string[]): string[] {
  const [, sub, ...rest] = words;
  if (sub === "start" || sub === "test") {
    return sub in scriptsOf(".") ? [] : [`package.json has no "${sub}" script`];
  }
  if (sub !== "run" && sub !== "run-script") return [];
  let dir = ".";
  let script: string | undefined;
  for (let i = 0; i < rest.length; i++) {
    const w = rest[i];
    if (w === "--") break;
    if (w === "-w" || w === "--workspace") {
      const found = workspaceDir(rest[++i]);
      if (!found) return [`no workspace ${rest[i]}`];
      dir = found;
    } else if (w.startsWith("--workspace=")) {
      const found = workspaceDir(w.slice("--workspace=".length));
      if (!found) return [`no workspace ${w}`];
      dir = found;
    } else if (!w.startsWith("-") && script === undefined) {
      script = w;
    }
  }
  if (script === undefined) return ["npm run without a script"];
  return script in scriptsOf(dir) ? [] : [`${dir}/package.json has no "${script}" script`];
}

/** Options a command's help lists, with whether each takes a value (`--input F`). */
function optionsOf(help: string): Map<string, boolean> {
  const options = new Map<string, boolean>([
    ["--help", false],
    ["-h", false],
  ]);
  for (const m of help.matchAll(/^\s+(?:(-\w), )?(--[\w-]+)( [A-Z]\b)?/gm)) {
    if (m[1]) options.set(m[1], Boolean(m[3]));
    options.set(m[2], Boolean(m[3]));
  }
  return options;
}

/** Problems with a `convstep …` command line (words after `convstep`), or an empty list. */
function convstepProblems(args: readonly string[]): string[] {
  const [name, ...rest] = args;
  if (name === undefined || ["--help", "-h", "--version", "-v"].includes(name)) return [];
  if (isPlaceholder(name)) return [];
  const command = COMMANDS.find((c) => c.name === name);
  if (!command)
    return [`"${name}" is not a convstep command (${COMMANDS.map((c) => c.name).join(", ")})`];
  const options = optionsOf(command.help);
  const problems: string[] = [];
  const positionals: string[] = [];
  const values = new Map<string, string>();
  for (let i = 0; i < rest.length; i++) {
    const w = rest[i];
    if (w.startsWith("-")) {
      const flag = w.split("=")[0];
      if (!options.has(flag)) {
        problems.push(`convstep ${name} has no option ${flag}`);
      } else if (options.get(flag) && !w.includes("=")) {
        values.set(flag, rest[++i] ?? "");
      }
    } else {
      positionals.push(w);
    }
  }
  // experiment names an experiment, not a model.
  if (name === "experiment") {
    const experiment = positionals[0];
    if (experiment === undefined) return [...problems, "convstep experiment needs an experiment"];
    if (!isPlaceholder(experiment) && !EXPERIMENT_NAMES.includes(experiment))
      problems.push(`"${experiment}" is not an experiment (${EXPERIMENT_NAMES.join(", ")})`);
    return problems;
  }
  // convert names its model with --model; its positional is the file to convert.
  const model = name === "convert" ? values.get("--model") : positionals[0];
  if (name !== "models" && model !== undefined && !isPlaceholder(model)) {
    if (!isModelName(model)) {
      problems.push(`"${model}" is not a model (${MODEL_NAMES.join(", ")})`);
    } else {
      const layer = values.get("--layer");
      const layers = ["input", ...getModelSpec(model).layers.map((l) => l.name)];
      if (layer !== undefined && !isPlaceholder(layer) && !layers.includes(layer)) {
        problems.push(`${model} has no layer "${layer}" (${layers.join(", ")})`);
      }
    }
  }
  if (name !== "models" && model === undefined && !(name === "summary" && rest.includes("--all"))) {
    problems.push(`convstep ${name} needs a model`);
  }
  return problems;
}

/** Problems with one command line, or an empty list; commands of other tools pass. */
function commandProblems(words: readonly string[]): string[] {
  if (words[0] === "npm") return npmProblems(words);
  if (words[0] === "npx" && words[1] === "convstep") return convstepProblems(words.slice(2));
  if (words[0] === "convstep") return convstepProblems(words.slice(1));
  if (words[0] === "npx" && words[1] !== undefined && !words[1].startsWith("-")) {
    const tool = words[1].replace(/@[^/]*$/, "");
    return existsSync(join(REPO, "node_modules/.bin", tool)) ? [] : [`npx ${tool}: not installed`];
  }
  return [];
}

// ---------------------------------------------------------------------------------------------

describe("links in the README and docs/*.md", () => {
  test("the checker reads headings as GitHub does", () => {
    expect(slug("Sharing a step")).toBe("sharing-a-step");
    expect(slug("`cs-player`")).toBe("cs-player");
    expect(slug("1. Build the folder")).toBe("1-build-the-folder");
    expect(slug("MDX and React")).toBe("mdx-and-react");
  });

  test.each(FILES)("%s: every relative link points at a file (and heading) that exists", (file) => {
    const broken = linksOf(file)
      .map((link) => ({ link, reason: brokenReason(link) }))
      .filter((b) => b.reason !== undefined)
      .map((b) => `${b.link.file}:${b.link.line}: ${b.reason}`);
    expect(broken).toEqual([]);
  });
});

describe("commands in the README and docs/*.md", () => {
  const all = FILES.flatMap(commandsOf);

  test("the checker finds the commands (npm run, npx convstep) and rejects wrong ones", () => {
    expect(
      all.filter((c) => c.words[0] === "npx" && c.words[1] === "convstep").length,
    ).toBeGreaterThan(15);
    expect(all.filter((c) => c.words[0] === "npm").length).toBeGreaterThan(5);
    expect(commandProblems(["npm", "run", "no-such-script"])).not.toEqual([]);
    expect(commandProblems(["npx", "convstep", "explian", "lenet5-1998"])).not.toEqual([]);
    expect(commandProblems(["npx", "convstep", "trace", "lenet5", "--input", "a.png"])).not.toEqual(
      [],
    );
    expect(
      commandProblems(["npx", "convstep", "trace", "lenet5-1998", "--inptu", "a.png"]),
    ).not.toEqual([]);
    expect(
      commandProblems(["npx", "convstep", "explain", "lenet5-1998", "--layer", "C7"]),
    ).not.toEqual([]);
    expect(commandProblems(["npx", "convstep", "summary", "--all", "--json"])).toEqual([]);
    expect(simpleCommands("npm ci && npm start   # installs")).toEqual([
      ["npm", "ci"],
      ["npm", "start"],
    ]);
  });

  test.each(FILES)(
    "%s: every npm script, convstep command, flag, model and layer exists",
    (file) => {
      const problems = commandsOf(file).flatMap((c) =>
        commandProblems(c.words).map((p) => `${c.file}:${c.line}: ${c.words.join(" ")}: ${p}`),
      );
      expect(problems).toEqual([]);
    },
  );
});

// ---------------------------------------------------------------------------------------------
// theming.md against the components' doc blocks

const ELEMENTS_SRC = join(REPO, "packages/elements/src");

interface Declared {
  readonly tag: string;
  readonly names: Set<string>;
}

/** Every tag a define.ts registers, with the @csspart and @cssproperty names of its class. */
function declaredElements(): Declared[] {
  const out: Declared[] = [];
  for (const dir of readdirSync(ELEMENTS_SRC)) {
    const define = join(ELEMENTS_SRC, dir, "define.ts");
    if (!existsSync(define)) continue;
    for (const [, tag, cls] of readFileSync(define, "utf8").matchAll(
      /defineElement\(\s*"([^"]+)",\s*(\w+)\s*\)/g,
    )) {
      const sources = readdirSync(join(ELEMENTS_SRC, dir))
        .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))
        .map((f) => readFileSync(join(ELEMENTS_SRC, dir, f), "utf8"));
      const source = sources.find((s) => new RegExp(`export class ${cls}\\b`).test(s));
      if (!source) throw new Error(`${dir}: no file exports class ${cls}`);
      const at = source.search(new RegExp(`export class ${cls}\\b`));
      const block = source.slice(source.lastIndexOf("/**", at), at);
      const names = new Set([...block.matchAll(/@css(?:part|property)\s+(\S+)/g)].map((m) => m[1]));
      out.push({ tag, names });
    }
  }
  return out;
}

/** theming.md's sections: `### \`cs-tag\`` followed by a table whose first column names things. */
function documentedElements(): Map<string, Set<string>> {
  const sections = new Map<string, Set<string>>();
  let current: Set<string> | undefined;
  for (const { text } of parseMarkdown(read("docs/theming.md")).prose) {
    const heading = /^###\s+`(cs-[\w-]+)`/.exec(text);
    if (heading) {
      current = new Set();
      sections.set(heading[1], current);
    } else if (/^#{1,3}\s/.test(text)) {
      current = undefined;
    } else if (current) {
      const cell = /^\|\s*`([^`]+)`\s*\|/.exec(text);
      if (cell) current.add(cell[1]);
    }
  }
  return sections;
}

describe("docs/theming.md", () => {
  const declared = declaredElements();
  const documented = documentedElements();

  test("finds the elements", () => {
    expect(declared.map((d) => d.tag)).toContain("cs-player");
    expect(declared.find((d) => d.tag === "cs-player")?.names).toContain("--cs-player-fill-color");
  });

  test.each(declared.map((d) => [d.tag, d] as const))(
    "%s: its section lists exactly its @csspart and @cssproperty names",
    (tag, d) => {
      expect(documented.has(tag), `theming.md has a section ### \`${tag}\``).toBe(true);
      expect([...documented.get(tag)!].sort()).toEqual([...d.names].sort());
    },
  );

  test("documents no element that does not exist", () => {
    const tags = new Set(declared.map((d) => d.tag));
    expect([...documented.keys()].filter((t) => !tags.has(t))).toEqual([]);
  });

  test("every --cs-* property named in the guides is one the elements read", () => {
    const source = readdirSync(ELEMENTS_SRC, { recursive: true })
      .map(String)
      .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))
      .map((f) => readFileSync(join(ELEMENTS_SRC, f), "utf8"))
      .join("\n");
    const named = new Set(
      FILES.flatMap((f) => [...read(f).matchAll(/--cs-[a-z0-9-]*[a-z0-9]/g)].map((m) => m[0])),
    );
    const unknown = [...named].filter((name) => !source.includes(name));
    expect(unknown).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// own-weights.md against the models' parameters

describe("docs/own-weights.md", () => {
  test("every tensor it lists for a model has that name and shape in the compiled model", () => {
    const rows = parseMarkdown(read("docs/own-weights.md"))
      .prose.map(({ text }) => /^\|\s*`([\w-]+)`\s*\|(.*)\|\s*$/.exec(text))
      .filter((m): m is RegExpExecArray => m !== null && isModelName(m[1]));
    expect(rows.map((m) => m[1]).sort()).toEqual([...MODEL_NAMES].sort());
    const problems: string[] = [];
    for (const [, name, cell] of rows) {
      if (!isModelName(name)) continue;
      const params = new Map(
        compileModel(getModelSpec(name)).params.map((p) => [p.fullName, p.shape.join(",")]),
      );
      const listed = [...cell.matchAll(/`([\w/]+) \[([\d,]+)\]`/g)];
      if (listed.length < 4) problems.push(`${name}: too few tensors listed`);
      for (const [, tensor, shape] of listed) {
        if (!params.has(tensor)) problems.push(`${name} has no weight ${tensor}`);
        else if (params.get(tensor) !== shape) {
          problems.push(`${name}: ${tensor} is [${params.get(tensor)}], not [${shape}]`);
        }
      }
    }
    expect(problems).toEqual([]);
  });
});
