// Planner statistics after bulk work: a member import analyzes what it published, so the planner's row count of
// members is the real one as soon as the job ends (PGlite never autovacuums; PostgreSQL's autovacuum comes up to a
// minute later); and the embedded database's stand-in for autovacuum vacuums a table with many dead rows.
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { engines, type TestDb } from '../../test/db.ts';
import type { Client } from '../../test/http.ts';
import { makeOrg } from '../../test/factories.ts';
import { newId, rosterXlsx, upload, waitForImport } from '../../test/imports.ts';
import { useTestApp } from '../../test/suite.ts';
import type { HttpApp } from '../http/index.ts';
import { maintainEmbedded } from './maintenance.ts';

describe.each(engines())('planner statistics on %s', (engine) => {
  let t: TestDb, app: HttpApp, admin: Client;
  useTestApp(engine, (s) => ({ t, app, admin } = s));

  const plannerRows = async (table: string) =>
    Number((await t.owner.execute<{ n: number }>(sql`SELECT reltuples::int AS n FROM pg_class WHERE relname = ${table}`)).rows[0]?.n);
  /** Every page of the table is marked all-visible (VACUUM sets the visibility map and pg_class.relallvisible). */
  const allVisible = async (table: string) => {
    const res = await t.owner.execute<{ pages: number; visible: number }>(
      sql`SELECT relpages AS pages, relallvisible AS visible FROM pg_class WHERE relname = ${table}`,
    );
    const r = res.rows[0];
    return !!r && Number(r.pages) > 0 && Number(r.visible) === Number(r.pages);
  };
  const realRows = async (table: string) =>
    Number((await t.owner.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM ${sql.identifier(table)}`)).rows[0]?.n);

  it('a member import leaves the planner counting every member it published', { timeout: 90_000 }, async () => {
    const union = await makeOrg(t.db, t.rootOrgId, { level: 'district' });
    const rows = Array.from({ length: 300 }, (_, i) => [`职工${i}`, newId(), '2024-03-01']);
    const file = await rosterXlsx({ header: ['姓名', '身份证号', '入会日期'], rows });
    const job = await upload(app, admin, union.id, file);
    expect(job.status).toBe(202);
    expect(await waitForImport(app, admin, job.body.id)).toMatchObject({ status: 'succeeded', imported: 300 });
    // The job analyzes after its commit, once it has answered succeeded; give it a moment.
    for (let i = 0; i < 100 && (await plannerRows('members')) !== (await realRows('members')); i++)
      await new Promise((r) => setTimeout(r, 50));
    expect(await plannerRows('members')).toBe(await realRows('members'));
    expect(await plannerRows('member_events')).toBe(await realRows('member_events'));
    if (engine === 'pglite') {
      // The embedded database owns its tables: the job also vacuumed them, so the new rows are all-visible and a
      // count reads the index alone (no heap fetches), as it will a day later.
      // relallvisible is what VACUUM leaves in pg_class (not the activity counters, which flush on their own time).
      const deadline = Date.now() + 60_000;
      while (!(await allVisible('members')) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      expect(await allVisible('members')).toBe(true);
      const plan = await t.owner.execute<Record<string, string>>(
        sql`EXPLAIN (ANALYZE, COSTS OFF) SELECT count(*) FROM members WHERE org_path LIKE ${`${union.path}%`}`,
      );
      const text = plan.rows.map((r) => Object.values(r)[0]).join('\n');
      if (/Index Only Scan/.test(text)) expect(text).toMatch(/Heap Fetches: 0\b/);
    }
  });

  it.runIf(engine === 'pglite')('vacuums a table that only received new rows, as autovacuum’s insert threshold would', async () => {
    await t.owner.execute(sql`CREATE TABLE maintenance_inserts (id int PRIMARY KEY)`);
    await t.owner.execute(sql`INSERT INTO maintenance_inserts SELECT g FROM generate_series(1, 5000) g`);
    const run = await maintainEmbedded(t.db);
    expect(run.vacuumed).toContain('maintenance_inserts');
    expect(await allVisible('maintenance_inserts')).toBe(true);
    expect(await plannerRows('maintenance_inserts')).toBe(5000);
  });

  it.runIf(engine === 'pglite')('vacuums and analyzes the tables past autovacuum’s thresholds, and only those', async () => {
    await t.owner.execute(sql`CREATE TABLE maintenance_probe (id int PRIMARY KEY, note text)`);
    await t.owner.execute(sql`INSERT INTO maintenance_probe SELECT g, 'x' FROM generate_series(1, 1000) g`);
    await t.owner.execute(sql`DELETE FROM maintenance_probe WHERE id > 100`);
    const first = await maintainEmbedded(t.db);
    expect(first.vacuumed).toContain('maintenance_probe');
    expect(await plannerRows('maintenance_probe')).toBe(100);
    const dead = await t.owner.execute<{ n: number }>(
      sql`SELECT n_dead_tup::int AS n FROM pg_stat_user_tables WHERE relname = 'maintenance_probe'`,
    );
    expect(dead.rows[0]?.n).toBe(0);
    // Nothing changed since: the next pass leaves it alone.
    const second = await maintainEmbedded(t.db);
    expect(second.vacuumed).not.toContain('maintenance_probe');
    expect(second.analyzed).not.toContain('maintenance_probe');
  });
});
