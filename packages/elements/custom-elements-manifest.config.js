/**
 * custom-elements.json for @convstep/elements (`npm run manifest`): the components and their
 * define modules, so that each tag has a `custom-element-definition` export; only the public API
 * (Storybook's Controls and editors read it); events as the `@fires` tags document them.
 *
 * The elements document events as `@fires cs-step - {CsStepEvent} What happened.`; the analyzer
 * also reads `dispatchEvent(new CsPlayEvent(run))` as an event named after the argument ("run")
 * or with a type and no name. The plugin below keeps one entry per documented event, with its type.
 */

/** `defineElement("cs-player", CsPlayer)` in a define module → the tag and the class's module. */
function defineCalls(ts, source) {
  const imports = new Map();
  const calls = [];
  const visit = (node) => {
    if (ts.isImportDeclaration(node) && node.importClause?.namedBindings) {
      const from = node.moduleSpecifier.text;
      const bindings = node.importClause.namedBindings;
      if (ts.isNamedImports(bindings)) {
        for (const el of bindings.elements) imports.set(el.name.text, from);
      }
    }
    if (
      ts.isCallExpression(node) &&
      ts.isIdentifier(node.expression) &&
      node.expression.text === "defineElement" &&
      node.arguments.length === 2 &&
      ts.isStringLiteral(node.arguments[0]) &&
      ts.isIdentifier(node.arguments[1])
    ) {
      calls.push({ tag: node.arguments[0].text, className: node.arguments[1].text });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return calls.map((call) => ({ ...call, from: imports.get(call.className) }));
}

/** A relative import of a define module (`./player.component.js`) as a manifest path. */
function modulePath(definePath, specifier) {
  const dir = definePath.split("/").slice(0, -1);
  for (const part of specifier.split("/")) {
    if (part === "..") dir.pop();
    else if (part !== ".") dir.push(part);
  }
  return dir.join("/").replace(/\.js$/, ".ts");
}

/** `{Type} description` (the elements' `@fires name - {Type} …`) → type and description. */
function splitType(description) {
  const match = /^\{([^}]+)\}\s*(.*)$/s.exec(description ?? "");
  return match ? { type: match[1], description: match[2] } : { description };
}

const isPublic = (member) =>
  member.privacy !== "private" && member.privacy !== "protected" && !member.name.startsWith("#");

/** One entry per documented event; undocumented `cs-*` events kept; the analyzer's guesses dropped. */
function cleanEvents(events) {
  const documented = events.filter((e) => e.name && e.description !== undefined);
  const byName = new Map();
  for (const event of documented) {
    const { type, description } = splitType(event.description);
    const entry = { name: event.name, description };
    const typeText = type ?? event.type?.text;
    if (typeText) entry.type = { text: typeText };
    if (!byName.has(event.name)) byName.set(event.name, entry);
  }
  // Otherwise the type the analyzer saw dispatched (`new CsInputEvent(digit, …)`, read as an event
  // named "digit") when the description names it, or else the first event class it names.
  for (const entry of byName.values()) {
    if (entry.type) continue;
    const seen = events.map((e) => e.type?.text).find((t) => t && entry.description?.includes(t));
    const named = /\b(Cs[A-Z]\w*Event)\b/.exec(entry.description ?? "")?.[1];
    if (seen ?? named) entry.type = { text: seen ?? named };
  }
  for (const event of events) {
    if (event.name?.startsWith("cs-") && !byName.has(event.name)) {
      byName.set(event.name, { ...event });
    }
  }
  return [...byName.values()];
}

function convstepManifest() {
  const definitions = [];
  return {
    name: "convstep-manifest",
    analyzePhase({ ts, node, moduleDoc }) {
      if (node.kind !== ts.SyntaxKind.SourceFile || !moduleDoc.path.endsWith("/define.ts")) return;
      for (const call of defineCalls(ts, node)) {
        if (!call.from) continue;
        const module = modulePath(moduleDoc.path, call.from);
        moduleDoc.exports ??= [];
        moduleDoc.exports.push({
          kind: "custom-element-definition",
          name: call.tag,
          declaration: { name: call.className, module },
        });
        definitions.push({ ...call, module });
      }
    },
    packageLinkPhase({ customElementsManifest }) {
      const modules = customElementsManifest.modules;
      for (const def of definitions) {
        const declaration = modules
          .find((m) => m.path === def.module)
          ?.declarations?.find((d) => d.name === def.className);
        if (declaration) {
          declaration.customElement = true;
          declaration.tagName ??= def.tag;
        }
      }
      // The analyzer reads `customElements.define(tag, ctor)` in shared/define.ts as a definition
      // of a tag named "tag": keep only definitions of a class the manifest declares.
      const declared = (ref) =>
        modules.find((m) => m.path === ref?.module)?.declarations?.some((d) => d.name === ref.name);
      for (const mod of modules) {
        if (mod.exports) {
          mod.exports = mod.exports.filter(
            (e) => e.kind !== "custom-element-definition" || declared(e.declaration),
          );
        }
        for (const declaration of mod.declarations ?? []) {
          if (declaration.members) declaration.members = declaration.members.filter(isPublic);
          if (declaration.attributes) {
            const publicFields = new Set((declaration.members ?? []).map((m) => m.name));
            declaration.attributes = declaration.attributes.filter(
              (a) => !a.fieldName || publicFields.has(a.fieldName),
            );
          }
          if (declaration.events) declaration.events = cleanEvents(declaration.events);
        }
      }
    },
  };
}

export default {
  globs: ["src/**/*.component.ts", "src/**/define.ts"],
  exclude: ["src/**/*.test.ts", "src/test-utils/**"],
  outdir: ".",
  litelement: true,
  plugins: [convstepManifest()],
};
