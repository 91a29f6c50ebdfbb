/**
 * An app that already uses TensorFlow.js and Lit must end up with one copy of each: two copies of
 * tfjs-core mean two kernel registries and two backends, two copies of lit two element bases.
 * So @convstep/engine and @convstep/elements take them as peer dependencies (ranges), and the
 * exact versions used by the tests live in the root devDependencies.
 *
 * Installing the packed packages into a scratch app needs the registry's metadata, which a fresh
 * npm cache lacks offline; so the tree is checked where it is resolved here, with `npm ls`, and
 * the manifests are checked for the shape that gives an app one copy.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";

const REPO = fileURLToPath(new URL("../", import.meta.url));

interface Manifest {
  readonly dependencies?: Record<string, string>;
  readonly devDependencies?: Record<string, string>;
  readonly peerDependencies?: Record<string, string>;
  readonly peerDependenciesMeta?: Record<string, { optional?: boolean }>;
}

const manifest = (path: string): Manifest =>
  JSON.parse(readFileSync(join(REPO, path, "package.json"), "utf8")) as Manifest;

interface LsNode {
  readonly version?: string;
  readonly resolved?: string;
  readonly path?: string;
  readonly dependencies?: Record<string, LsNode>;
}

/** Every place `name` appears in an `npm ls --all --json` tree, as its resolved version and path. */
function copies(node: LsNode, name: string, found: Set<string>): Set<string> {
  for (const [dep, child] of Object.entries(node.dependencies ?? {})) {
    if (dep === name && child.version) found.add(child.version);
    copies(child, name, found);
  }
  return found;
}

function lsTree(name: string): LsNode {
  const out = execFileSync("npm", ["ls", name, "--all", "--json"], {
    cwd: REPO,
    encoding: "utf8",
    timeout: 60_000,
  });
  return JSON.parse(out) as LsNode;
}

/** Folders named node_modules/<name> anywhere under the repo's node_modules trees (one expected). */
function installedFolders(name: string): string[] {
  const out = execFileSync("npm", ["query", `[name="${name}"]`, "--json"], {
    cwd: REPO,
    encoding: "utf8",
    timeout: 60_000,
  });
  const nodes = JSON.parse(out) as { path: string }[];
  return [...new Set(nodes.map((n) => n.path))];
}

describe("peer dependencies", () => {
  test("@convstep/engine takes tfjs-core and the cpu backend as peers, webgl and wasm as optional peers", () => {
    const engine = manifest("packages/engine");
    expect(engine.dependencies ?? {}).not.toHaveProperty("@tensorflow/tfjs-core");
    expect(engine.dependencies ?? {}).not.toHaveProperty("@tensorflow/tfjs-backend-cpu");
    expect(engine.peerDependencies).toMatchObject({
      "@tensorflow/tfjs-core": "^4.22.0",
      "@tensorflow/tfjs-backend-cpu": "^4.22.0",
      "@tensorflow/tfjs-backend-webgl": "^4.22.0",
      "@tensorflow/tfjs-backend-wasm": "^4.22.0",
    });
    expect(engine.peerDependenciesMeta?.["@tensorflow/tfjs-backend-webgl"]?.optional).toBe(true);
    expect(engine.peerDependenciesMeta?.["@tensorflow/tfjs-backend-wasm"]?.optional).toBe(true);
    expect(engine.peerDependenciesMeta?.["@tensorflow/tfjs-core"]?.optional).not.toBe(true);
  });

  test("@convstep/elements takes lit and tfjs-core as peers, not as pinned dependencies", () => {
    const elements = manifest("packages/elements");
    expect(elements.dependencies ?? {}).not.toHaveProperty("lit");
    expect(elements.dependencies ?? {}).not.toHaveProperty("@tensorflow/tfjs-core");
    expect(elements.peerDependencies).toMatchObject({
      lit: "^3.3.0",
      "@tensorflow/tfjs-core": "^4.22.0",
    });
  });

  test("the root pins the exact versions the tests run against", () => {
    const root = manifest(".");
    expect(root.devDependencies).toMatchObject({
      lit: "3.3.3",
      "@tensorflow/tfjs-core": "4.22.0",
      "@tensorflow/tfjs-backend-cpu": "4.22.0",
    });
  });

  test("the installed tree holds one copy of tfjs-core and one of lit", () => {
    expect([
      ...copies(lsTree("@tensorflow/tfjs-core"), "@tensorflow/tfjs-core", new Set()),
    ]).toEqual(["4.22.0"]);
    expect(installedFolders("@tensorflow/tfjs-core")).toEqual([
      join(REPO, "node_modules/@tensorflow/tfjs-core"),
    ]);
    expect(installedFolders("lit")).toEqual([join(REPO, "node_modules/lit")]);
  });
});
