// The module contract (docs/decisions/0007-module-contract.md): every permission, audit action, audited object and
// error code is declared by exactly one module's catalogue; every table is owned by exactly one module or the
// platform; a module writes only the tables it owns.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { getTableName, is } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { CATALOGUES, catalogueOwners, PERMISSIONS } from '@gonghui/common';
import * as dbExports from './platform/db/index.ts';
import { PLATFORM_TABLES } from './platform/contract/index.ts';
import { MODULES } from './modules.ts';

const SRC = path.dirname(fileURLToPath(import.meta.url));
const tableName = (t: PgTable) => getTableName(t);

/** Table → owner ('platform' or the module's name). */
function tableOwners(): { owners: Map<string, string>; twice: string[] } {
  const owners = new Map<string, string>();
  const twice: string[] = [];
  const own = (t: PgTable, by: string) => {
    const name = tableName(t);
    if (owners.has(name)) twice.push(`${name} (${owners.get(name)} and ${by})`);
    owners.set(name, by);
  };
  for (const t of PLATFORM_TABLES) own(t, 'platform');
  for (const m of MODULES) for (const t of m.tables) own(t, m.name);
  return { owners, twice };
}

/** Tables a source text writes: drizzle .insert/.update/.delete(x) with a schema table, or SQL INSERT/UPDATE/DELETE. */
function writtenTables(text: string, byVariable: Map<string, string>): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(/\.(?:insert|update|delete)\(\s*([A-Za-z_]\w*)\s*\)/g)) {
    const name = byVariable.get(m[1] as string);
    if (name) out.add(name);
  }
  for (const m of text.matchAll(/\b(?:INSERT INTO|UPDATE|DELETE FROM)\s+([a-z_]+)\b/g)) out.add(m[1] as string);
  return out;
}

describe('the module contract', () => {
  const { owners: tables, twice } = tableOwners();
  const schemaTables = Object.entries(dbExports).filter(([, v]) => is(v, PgTable)) as [string, PgTable][];

  it('declares every permission, audit action, audited object and error code once', () => {
    expect(catalogueOwners().duplicates).toEqual([]);
    expect(PERMISSIONS.length).toBeGreaterThan(20);
  });

  it('has one server module per catalogue (the platform aside), each named as its catalogue', () => {
    expect(MODULES.map((m) => m.name).sort()).toEqual(
      CATALOGUES.map((c) => c.key)
        .filter((k) => k !== 'platform')
        .sort(),
    );
    for (const m of MODULES) expect(m.catalogue.key).toBe(m.name);
  });

  it('gives every table of the schema exactly one owner', () => {
    expect(twice).toEqual([]);
    expect(schemaTables.length).toBeGreaterThan(25);
    const unowned = schemaTables.map(([, t]) => tableName(t)).filter((n) => !tables.has(n));
    expect(unowned, 'tables no module or the platform declares').toEqual([]);
  });

  // Test code (*.test.ts and the test kits beside them) may set up any table.
  it('lets a module write only the tables it owns', () => {
    const byVariable = new Map(schemaTables.map(([v, t]) => [v, tableName(t)]));
    const wrong: string[] = [];
    for (const m of MODULES) {
      const dir = path.join(SRC, 'modules', m.name);
      for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.endsWith('.testkit.ts'))) {
        for (const t of writtenTables(fs.readFileSync(path.join(dir, file), 'utf8'), byVariable)) {
          const owner = tables.get(t);
          if (owner !== undefined && owner !== m.name) wrong.push(`modules/${m.name}/${file} writes ${t} (owned by ${owner})`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('the ownership check catches a write into another module’s table', () => {
    const byVariable = new Map([['members', 'members']]);
    expect([...writtenTables('await tx.insert(members).values(x)', byVariable)]).toEqual(['members']);
    expect([...writtenTables('sql`INSERT INTO member_events (a) VALUES (1)`', byVariable)]).toEqual(['member_events']);
  });
});
