// The import-boundary check (docs/ARCHITECTURE.md, "Boundaries"): reads every import of every .ts file under
// server/src with the TypeScript parser, resolves relative specifiers to files and enforces
//   a. another module is reached only through its index.ts (modules, tests, test kits, bootstrap, ops alike);
//   b. platform/ never imports anything under modules/;
//   c. no cycles between modules, and none between platform folders;
//   d. a module's index.ts never passes on a repository wholesale (`export * as xRepo from './x.repo.ts'`).
// boundaries.test.ts runs it over the real tree; the functions below also take a synthetic in-memory graph.
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/** One import edge: paths are relative to server/src, with forward slashes. */
export interface ImportEdge {
  from: string;
  /** The specifier as written. */
  specifier: string;
  /** The file it resolves to (relative to server/src), or null for packages and node builtins. */
  to: string | null;
  typeOnly: boolean;
  /** `export * from` or `export * as ns from`: the target's whole surface passed on. */
  star: boolean;
}

export type Rule = 'module-deep-import' | 'platform-imports-module' | 'module-exports-repository' | 'cycle';

export interface Violation {
  rule: Rule;
  from: string;
  to: string;
  message: string;
}

/** An accepted violation: exact file pair, why, and the issue-style TODO that removes it. */
export interface AllowEntry {
  rule: Exclude<Rule, 'cycle'>;
  from: string;
  to: string;
  reason: string;
  todo: string;
}

/** Every module specifier of a source text: import/export … from (also `import type`), import(), import('x').T, require-style import =. */
export function importSpecifiers(fileName: string, text: string): { specifier: string; typeOnly: boolean; star?: true }[] {
  const sf = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const out: { specifier: string; typeOnly: boolean; star?: true }[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      out.push({ specifier: node.moduleSpecifier.text, typeOnly: !!node.importClause?.isTypeOnly });
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      const star = !node.exportClause || ts.isNamespaceExport(node.exportClause);
      out.push({ specifier: node.moduleSpecifier.text, typeOnly: node.isTypeOnly, ...(star ? { star } : {}) });
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      const e = node.moduleReference.expression;
      if (ts.isStringLiteral(e)) out.push({ specifier: e.text, typeOnly: node.isTypeOnly });
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [arg] = node.arguments;
      if (arg && ts.isStringLiteralLike(arg)) out.push({ specifier: arg.text, typeOnly: false });
    } else if (ts.isImportTypeNode(node)) {
      const lit = ts.isLiteralTypeNode(node.argument) ? node.argument.literal : null;
      if (lit && ts.isStringLiteral(lit)) out.push({ specifier: lit.text, typeOnly: true });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

/** Resolves a relative specifier against the set of known files (exact, then .ts, then /index.ts). */
export function resolveSpecifier(from: string, specifier: string, files: ReadonlySet<string>): string | null {
  if (!specifier.startsWith('.')) return null;
  const base = path.posix.normalize(path.posix.join(path.posix.dirname(from), specifier));
  for (const candidate of [base, `${base}.ts`, `${base}/index.ts`]) if (files.has(candidate)) return candidate;
  // Unknown targets (a .mjs, a .json, a file outside src/) still count by where they land.
  return base;
}

/** Builds the edges of an in-memory source tree: file (relative to server/src) → text. */
export function graphOf(sources: ReadonlyMap<string, string>): ImportEdge[] {
  const files = new Set(sources.keys());
  const edges: ImportEdge[] = [];
  for (const [from, text] of sources) {
    for (const { specifier, typeOnly, star } of importSpecifiers(from, text)) {
      edges.push({ from, specifier, to: resolveSpecifier(from, specifier, files), typeOnly, star: !!star });
    }
  }
  return edges;
}

/** Reads every .ts file under a directory (server/src) into the map graphOf takes. */
export function readSources(root: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules') walk(full);
      } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) {
        out.set(path.relative(root, full).split(path.sep).join('/'), fs.readFileSync(full, 'utf8'));
      }
    }
  };
  walk(root);
  return out;
}

/** `modules/<name>` for a file inside a module, else null. */
export function moduleOf(file: string): string | null {
  const m = /^modules\/([^/]+)\//.exec(file);
  return m ? `modules/${m[1]}` : null;
}

/** `platform/<folder>` for a file in a platform folder, `platform/<file>` for a file directly in platform/, else null. */
export function platformUnitOf(file: string): string | null {
  const m = /^platform\/([^/]+?)(?:\/|\.ts$)/.exec(file);
  return m ? `platform/${m[1]}` : null;
}

const isAllowed = (allow: readonly AllowEntry[], rule: Rule, from: string, to: string) =>
  allow.some((a) => a.rule === rule && a.from === from && a.to === to);

/** Rules a and b, edge by edge. */
export function edgeViolations(edges: readonly ImportEdge[]): Violation[] {
  const out: Violation[] = [];
  for (const e of edges) {
    if (!e.to) continue;
    const target = moduleOf(e.to);
    if (target && moduleOf(e.from) !== target && e.to !== `${target}/index.ts`) {
      out.push({
        rule: 'module-deep-import',
        from: e.from,
        to: e.to,
        message: `server/src/${e.from} imports server/src/${e.to} ('${e.specifier}'): another module is reached only through server/src/${target}/index.ts`,
      });
    }
    const own = moduleOf(e.from);
    if (own && e.star && e.from === `${own}/index.ts` && e.to.startsWith(`${own}/`) && e.to.endsWith('.repo.ts')) {
      out.push({
        rule: 'module-exports-repository',
        from: e.from,
        to: e.to,
        message: `server/src/${e.from} passes on the whole repository server/src/${e.to} ('${e.specifier}'): export narrow service or query functions instead`,
      });
    }
    if (platformUnitOf(e.from) && target) {
      out.push({
        rule: 'platform-imports-module',
        from: e.from,
        to: e.to,
        message: `server/src/${e.from} imports server/src/${e.to} ('${e.specifier}'): platform/ never imports a module; invert the dependency (the module registers itself at start)`,
      });
    }
  }
  return out;
}

/**
 * Rule c: cycles in the graph of units (modules, platform folders); one cycle path per strongly connected component.
 * Test files are left out: nothing imports a test, so its imports never close a cycle when the code loads
 * (platform/db/rls.test.ts may use platform/audit to check the triggers without db depending on audit).
 */
export function cycleViolations(edges: readonly ImportEdge[], unitOf: (file: string) => string | null): Violation[] {
  // unit → unit → the first file edge that makes it (for the message)
  const adj = new Map<string, Map<string, ImportEdge>>();
  for (const e of edges) {
    if (!e.to || e.from.endsWith('.test.ts')) continue;
    const a = unitOf(e.from);
    const b = unitOf(e.to);
    if (!a || !b || a === b) continue;
    if (!adj.has(a)) adj.set(a, new Map());
    const out = adj.get(a) as Map<string, ImportEdge>;
    if (!out.has(b)) out.set(b, e);
  }
  // Tarjan's strongly connected components.
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const sccs: string[][] = [];
  let next = 0;
  const strong = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of [...(adj.get(v)?.keys() ?? [])].sort()) {
      if (!index.has(w)) {
        strong(w);
        low.set(v, Math.min(low.get(v) as number, low.get(w) as number));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v) as number, index.get(w) as number));
    }
    if (low.get(v) === index.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop() as string;
        onStack.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1) sccs.push(scc);
    }
  };
  for (const v of [...adj.keys()].sort()) if (!index.has(v)) strong(v);

  return sccs.map((scc) => {
    const members = new Set(scc);
    const start = [...scc].sort()[0] as string;
    // Shortest way back to start inside the component (breadth first), so the path is a real cycle.
    const prev = new Map<string, string>();
    const queue = [start];
    let found = false;
    while (queue.length && !found) {
      const v = queue.shift() as string;
      for (const w of [...(adj.get(v)?.keys() ?? [])].sort()) {
        if (!members.has(w)) continue;
        if (w === start) {
          prev.set(start, v);
          found = true;
          break;
        }
        if (!prev.has(w)) {
          prev.set(w, v);
          queue.push(w);
        }
      }
    }
    const units = [start];
    for (let v = prev.get(start) as string; v !== start; v = prev.get(v) as string) units.unshift(v);
    units.unshift(start);
    const hops = units.slice(0, -1).map((u, i) => {
      const e = adj.get(u)?.get(units[i + 1] as string) as ImportEdge;
      return `server/src/${e.from} → server/src/${e.to}`;
    });
    return {
      rule: 'cycle' as const,
      from: start,
      to: units[units.length - 2] as string,
      message: `import cycle ${units.join(' → ')} (${hops.join('; ')})`,
    };
  });
}

/** All violations not on the allow-list, and the allow-list entries that no longer match anything (stale). */
export function checkBoundaries(edges: readonly ImportEdge[], allow: readonly AllowEntry[] = []) {
  const all = [...edgeViolations(edges), ...cycleViolations(edges, moduleOf), ...cycleViolations(edges, platformUnitOf)];
  const violations = all.filter((v) => v.rule === 'cycle' || !isAllowed(allow, v.rule, v.from, v.to));
  const stale = allow.filter((a) => !all.some((v) => v.rule === a.rule && v.from === a.from && v.to === a.to));
  return { violations, stale };
}
