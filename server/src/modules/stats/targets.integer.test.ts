// Targets are integers (decision 0006): the migration rounds stored floats, the API refuses fractions of a count.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import { engines, openTestDb, type TestDb } from '../../test/db.ts';
import { buildTestApp, loginAs, type Client } from '../../test/http.ts';
import { makeOrg, makeUser, uniq, type OrgRef } from '../../test/factories.ts';
import { openDatabase } from '../../platform/db/index.ts';
import type { HttpApp } from '../../platform/http/index.ts';

const drizzleDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../drizzle');

describe.each(engines())('integer targets on %s', (engine) => {
  let t: TestDb;
  let app: HttpApp;
  let cadre: Client;
  let district: OrgRef;

  beforeAll(async () => {
    t = await openTestDb(engine);
    app = await buildTestApp(t.db);
    const u = await makeUser(t.db, t.rootOrgId);
    cadre = await loginAs(app, u.username, u.password);
    district = await makeOrg(t.db, t.rootOrgId, { level: 'district', name: uniq('区总工会') });
  });
  afterAll(async () => {
    await app?.close();
    await t?.close();
  });

  it('stores targets in a bigint column and gives counts back as integers', async () => {
    const col = await t.owner.execute<{ data_type: string }>(
      sql`SELECT data_type FROM information_schema.columns WHERE table_name = 'targets' AND column_name = 'value'`,
    );
    expect(col.rows[0]?.data_type).toBe('bigint');
    const put = await cadre.put(`/api/v1/orgs/${district.id}/targets/2026`, { 'members.joined': 1_000_000_000_000 });
    expect(put.status).toBe(200);
    const got = await cadre.get(`/api/v1/orgs/${district.id}/targets/2026`);
    expect(got.body.items.find((i: { key: string }) => i.key === 'members.joined').target).toBe(1_000_000_000_000);
  });

  it('refuses a fraction of a count, naming the indicator', async () => {
    const res = await cadre.put(`/api/v1/orgs/${district.id}/targets/2026`, { 'members.joined': 12.5 });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ field: 'members.joined', message: expect.stringContaining('目标值应为整数') });
  });
});

describe('the integer-targets migration', () => {
  it('rounds the stored floats half away from zero', async () => {
    // Migrate a fresh PGlite up to the migration before, store floats, then apply the rest.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gh-mig-'));
    const journal = JSON.parse(fs.readFileSync(path.join(drizzleDir, 'meta/_journal.json'), 'utf8')) as { entries: { tag: string }[] };
    const upto = journal.entries.findIndex((e) => e.tag.endsWith('money_targets_ledger'));
    expect(upto).toBeGreaterThan(0);
    fs.mkdirSync(path.join(dir, 'meta'));
    fs.writeFileSync(path.join(dir, 'meta/_journal.json'), JSON.stringify({ ...journal, entries: journal.entries.slice(0, upto) }));
    for (const e of journal.entries.slice(0, upto)) fs.copyFileSync(path.join(drizzleDir, `${e.tag}.sql`), path.join(dir, `${e.tag}.sql`));
    const d = await openDatabase({ dataDir: ':memory:' });
    try {
      await migrate(d.db, { migrationsFolder: dir });
      await d.db.transaction(async (tx) => {
        // No org needed for this check: foreign keys off for the insert (PGlite's connection is a superuser).
        await tx.execute(sql`SET LOCAL session_replication_role = replica`);
        await tx.execute(
          sql`INSERT INTO targets (org_id, year, key, value) VALUES (1, 2026, 'a', 12.5), (1, 2026, 'b', 12.4999), (1, 2026, 'c', 7), (1, 2026, 'd', 2.5)`,
        );
      });
      await migrate(d.db, { migrationsFolder: drizzleDir });
      const rows = await d.db.execute<{ key: string; value: string }>(sql`SELECT key, value FROM targets ORDER BY key`);
      expect(rows.rows.map((r) => [r.key, Number(r.value)])).toEqual([
        ['a', 13],
        ['b', 12],
        ['c', 7],
        ['d', 3],
      ]);
    } finally {
      await d.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
