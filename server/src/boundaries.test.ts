// Import boundaries (docs/ARCHITECTURE.md, "Boundaries"): modules only through index.ts, the platform never imports
// a module, no cycles between modules or between platform folders. Runs over every .ts file under server/src.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkBoundaries, graphOf, importSpecifiers, readSources, type AllowEntry } from './test/boundaries.ts';

/**
 * Accepted violations, each with its reason and the TODO that removes it. An entry that no longer matches an import
 * fails the test, so the list only shrinks.
 */
const ALLOW: AllowEntry[] = [];

const SRC = path.dirname(fileURLToPath(import.meta.url));

describe('import boundaries of server/src', () => {
  const sources = readSources(SRC);
  const { violations, stale } = checkBoundaries(graphOf(sources), ALLOW);

  it('reads the whole tree', () => {
    expect(sources.has('modules/orgs/index.ts')).toBe(true);
    expect(sources.has('platform/db/index.ts')).toBe(true);
    expect(sources.size).toBeGreaterThan(100);
  });

  it('has no violations outside the allow-list', () => {
    expect(violations.map((v) => v.message)).toEqual([]);
  });

  it('has no stale allow-list entries', () => {
    expect(stale).toEqual([]);
  });
});

describe('the boundary checker', () => {
  const tree = (files: Record<string, string>) => graphOf(new Map(Object.entries(files)));

  it("fails on the issue's example: a module importing another module's repository", () => {
    const { violations } = checkBoundaries(
      tree({
        'modules/members/members.service.ts': "import x from '../../modules/orgs/orgs.repo.ts';\nexport const y = x;",
        'modules/orgs/orgs.repo.ts': 'export default 1;',
        'modules/orgs/index.ts': "export { default } from './orgs.repo.ts';",
      }),
    );
    expect(violations).toHaveLength(1);
    expect(violations[0]?.rule).toBe('module-deep-import');
    expect(violations[0]?.message).toContain('server/src/modules/members/members.service.ts');
    expect(violations[0]?.message).toContain('server/src/modules/orgs/orgs.repo.ts');
  });

  it('accepts the same import through the index, and a module reaching its own files', () => {
    const { violations } = checkBoundaries(
      tree({
        'modules/members/members.service.ts': "import x from '../orgs/index.ts';\nimport { r } from './members.repo.ts';",
        'modules/members/members.repo.ts': 'export const r = 1;',
        'modules/orgs/index.ts': 'export default 1;',
      }),
    );
    expect(violations).toEqual([]);
  });

  it('sees import type, export * from, dynamic import(), import("x").T, and extensionless and folder specifiers', () => {
    const files = {
      'modules/a/a.ts': "import type { T } from '../b/b.repo.ts';",
      'modules/a/b.ts': "export * from '../b/b.repo';",
      'modules/a/c.ts': "export async function f() { return import('../b/deep/x.ts'); }",
      'modules/a/d.ts': "let v: import('../b/b.repo.ts').T;",
      'modules/a/e.test.ts': "import { q } from '../b/deep';",
      'test/kit.ts': "import { q } from '../modules/b/b.repo.ts';",
      'modules/b/b.repo.ts': 'export type T = 1; export const q = 1;',
      'modules/b/deep/x.ts': 'export const x = 1;',
      'modules/b/deep/index.ts': 'export const q = 1;',
      'modules/b/index.ts': '',
    };
    expect(importSpecifiers('d.ts', files['modules/a/d.ts'])).toEqual([{ specifier: '../b/b.repo.ts', typeOnly: true }]);
    const found = checkBoundaries(tree(files)).violations.map((v) => `${v.from} → ${v.to}`);
    expect(found.sort()).toEqual(
      [
        'modules/a/a.ts → modules/b/b.repo.ts',
        'modules/a/b.ts → modules/b/b.repo.ts',
        'modules/a/c.ts → modules/b/deep/x.ts',
        'modules/a/d.ts → modules/b/b.repo.ts',
        'modules/a/e.test.ts → modules/b/deep/index.ts',
        'test/kit.ts → modules/b/b.repo.ts',
      ].sort(),
    );
  });

  it('fails when the platform imports a module, even through its index', () => {
    const { violations } = checkBoundaries(
      tree({ 'platform/http/app.ts': "import { registerOrgsModule } from '../../modules/orgs/index.ts';", 'modules/orgs/index.ts': '' }),
    );
    expect(violations.map((v) => v.rule)).toEqual(['platform-imports-module']);
    expect(violations[0]?.message).toContain('server/src/platform/http/app.ts');
    expect(violations[0]?.message).toContain('server/src/modules/orgs/index.ts');
  });

  it('reports a cycle between modules with its path', () => {
    const { violations } = checkBoundaries(
      tree({
        'modules/a/index.ts': "export * from './a.service.ts';",
        'modules/a/a.service.ts': "import type { B } from '../b/index.ts';",
        'modules/b/index.ts': "import { c } from '../c/index.ts';",
        'modules/c/index.ts': "export { a } from '../a/index.ts'; export const c = 1;",
      }),
    );
    expect(violations).toHaveLength(1);
    expect(violations[0]?.rule).toBe('cycle');
    expect(violations[0]?.message).toContain('modules/a → modules/b → modules/c → modules/a');
    expect(violations[0]?.message).toContain('server/src/modules/a/a.service.ts → server/src/modules/b/index.ts');
  });

  it('reports a cycle between platform folders, not inside one', () => {
    const { violations } = checkBoundaries(
      tree({
        'platform/audit/audit.ts': "import type { K } from '../crypto/index.ts'; import { x } from './x.ts';",
        'platform/audit/x.ts': "import { y } from './audit.ts';",
        'platform/crypto/index.ts': "export * from './rotate.ts';",
        'platform/crypto/rotate.ts': "import { recordAudit } from '../audit/audit.ts';",
      }),
    );
    expect(violations.map((v) => v.message)).toEqual([
      'import cycle platform/audit → platform/crypto → platform/audit (server/src/platform/audit/audit.ts → server/src/platform/crypto/index.ts; server/src/platform/crypto/rotate.ts → server/src/platform/audit/audit.ts)',
    ]);
  });

  it('fails when an index passes on its repository wholesale, not when it names what it exports', () => {
    const files = {
      'modules/orgs/index.ts': "export * as orgRepo from './orgs.repo.ts';\nexport { findOrgById } from './orgs.queries.ts';",
      'modules/orgs/orgs.repo.ts': 'export const findById = 1;',
      'modules/orgs/orgs.queries.ts': 'export const findOrgById = 1;',
      'modules/users/index.ts': "export * from './users.repo.ts';\nexport { COLUMNS } from './roles.repo.ts';",
      'modules/users/users.repo.ts': 'export const x = 1;',
      'modules/users/roles.repo.ts': 'export const COLUMNS = 1;',
    };
    const found = checkBoundaries(tree(files)).violations;
    expect(found.map((v) => [v.rule, v.from, v.to])).toEqual([
      ['module-exports-repository', 'modules/orgs/index.ts', 'modules/orgs/orgs.repo.ts'],
      ['module-exports-repository', 'modules/users/index.ts', 'modules/users/users.repo.ts'],
    ]);
  });

  it('lets an allow-list entry through and reports entries that match nothing', () => {
    const entry: AllowEntry = { rule: 'module-deep-import', from: 'modules/a/a.ts', to: 'modules/b/b.repo.ts', reason: 'r', todo: 't' };
    const files = { 'modules/a/a.ts': "import '../b/b.repo.ts';", 'modules/b/b.repo.ts': '' };
    expect(checkBoundaries(tree(files), [entry])).toEqual({ violations: [], stale: [] });
    expect(checkBoundaries(tree({ 'modules/a/a.ts': '' }), [entry]).stale).toEqual([entry]);
  });
});
