/** `convstep figure` through the built binary: standalone SVG files that parse and say what they show. */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DOMParser, type Document, type Element } from "@xmldom/xmldom";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { writeSevenPng } from "./digit-png.js";
import { expectOk, requireBuilt, runCli } from "./harness.js";

let dir: string;
let seven: string;

beforeAll(() => {
  requireBuilt();
  dir = mkdtempSync(join(tmpdir(), "convstep-figure-"));
  seven = writeSevenPng(join(dir, "seven.png"), 48, 40);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Parses strictly: any XML warning or error fails the test. */
function parseSvg(text: string): Document {
  const problems: string[] = [];
  const doc = new DOMParser({
    onError: (level, message) => problems.push(`${level}: ${message}`),
  }).parseFromString(text, "image/svg+xml");
  expect(problems).toEqual([]);
  expect(doc.documentElement?.localName).toBe("svg");
  expect(doc.documentElement?.namespaceURI).toBe("http://www.w3.org/2000/svg");
  return doc;
}

function texts(doc: Document): string[] {
  return Array.from(doc.getElementsByTagName("text")).map((t: Element) => t.textContent ?? "");
}

const C3_AT = ["--layer", "C3", "--channel", "4", "--y", "2", "--x", "3"];

/** 4 significant digits and a true minus sign, as a reader writes the number down. */
function fourDigits(v: number): string {
  return String(Number(v.toPrecision(4))).replace("-", "\u2212");
}

describe("convstep figure", () => {
  test("--what network writes an SVG with every LeNet-5 layer's label and the caption", async () => {
    const out = join(dir, "network.svg");
    expectOk(await runCli(["figure", "lenet5-1998", "--input", seven, ...C3_AT, "--out", out]));
    const svg = readFileSync(out, "utf8");
    const doc = parseSvg(svg);
    const words = texts(doc);
    for (const name of ["Input", "C1", "S2", "C3", "S4", "C5", "F6"]) expect(words).toContain(name);
    expect(words).toContain("16@10×10"); // C3's shape
    expect(words.some((w) => w.includes("layer C3") && w.includes("map 4"))).toBe(true);
    // Standalone: styles inside, no external sheet, no font but generic families.
    expect(doc.getElementsByTagName("style").length).toBe(1);
    expect(svg).not.toMatch(/<link|@import|href="http/);
    const families = [...svg.matchAll(/font-family:\s*([^;}]+)/g)].map((m) => m[1].trim());
    expect(new Set(families)).toEqual(new Set(["sans-serif", "monospace"]));
    // The links into C3 map 4: Table I wires it to S2 maps 4, 5, 0 (columns 4–6 read 3 maps).
    const links = Array.from(doc.getElementsByTagName("path")).filter((p: Element) =>
      (p.getAttribute("class") ?? "").startsWith("link"),
    );
    expect(links).toHaveLength(3);
  });

  test("--what arithmetic shows the neuron's sum, bias and output as `convstep explain` computes them", async () => {
    const out = join(dir, "arithmetic.svg");
    const [figure, explained] = await Promise.all([
      runCli([
        "figure",
        "lenet5-1998",
        "--input",
        seven,
        ...C3_AT,
        "--what",
        "arithmetic",
        "--out",
        out,
      ]),
      runCli(["explain", "lenet5-1998", "--input", seven, ...C3_AT, "--json"]),
    ]);
    expectOk(figure);
    expectOk(explained);
    const e = (
      JSON.parse(explained.stdout) as {
        explanation: { sum: number; bias: number; output: number; inputChannels: number[] };
      }
    ).explanation;
    const doc = parseSvg(readFileSync(out, "utf8"));
    const words = texts(doc).join("\n");
    expect(words).toContain("C3 map 4 at (2, 3)");
    expect(words).toContain(fourDigits(e.sum));
    expect(words).toContain(fourDigits(e.bias));
    expect(words).toContain(fourDigits(e.output));
    // One labelled grid row per input map (C3 map 4 reads S2 maps through Table I).
    for (const c of e.inputChannels) expect(words).toContain(`S2 map ${c}`);
  });

  test("AlexNet's conv2 map 200 (GPU 2) is drawn with its links from pool1 maps 48–55 and one for the 40 off the page", async () => {
    const photo = writeSevenPng(join(dir, "photo.png"), 64, 64);
    const out = join(dir, "alexnet.svg");
    expectOk(
      await runCli([
        "figure",
        "alexnet-2012",
        "--input",
        photo,
        "--layer",
        "conv2",
        "--channel",
        "200",
        "--out",
        out,
      ]),
    );
    const doc = parseSvg(readFileSync(out, "utf8"));
    // Group 2 of conv2 reads pool1's second half (maps 48–95); a tower page shows 16 / 2 = 8 maps.
    const links = Array.from(doc.getElementsByTagName("path")).filter((p: Element) =>
      (p.getAttribute("class") ?? "").split(" ").includes("link"),
    );
    expect(links).toHaveLength(9);
    expect(links.filter((p: Element) => p.getAttribute("class") === "link more")).toHaveLength(1);
    const words = texts(doc);
    for (const name of ["conv1", "pool1", "conv2", "fc6", "fc8"]) expect(words).toContain(name);
  });

  test("without --out the SVG goes to stdout; a bad --what is a one-line usage error", async () => {
    const printed = await runCli(["figure", "lenet5-keras", "--input", seven, "--layer", "C3"]);
    expectOk(printed);
    parseSvg(printed.stdout);
    const bad = await runCli([
      "figure",
      "lenet5-1998",
      "--input",
      seven,
      "--layer",
      "C3",
      "--what",
      "maps",
    ]);
    expect(bad.status).not.toBe(0);
    expect(bad.stderr.trim().split("\n")).toHaveLength(1);
    expect(bad.stderr).toContain('--what expects one of network, arithmetic; got "maps"');
  });
});
