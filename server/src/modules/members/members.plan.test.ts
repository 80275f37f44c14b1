// Issue 13: right after a fresh database receives a roster through the real import job, the district member list
// plans like it will a day later — its page and a filtered capped count read members through an index, never a Seq
// Scan (the job analyzes what it published; PGlite has no autovacuum to do it later); the plain page's total comes
// from member_path_counts.
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { runInScope } from '../../platform/db/index.ts';
import type { HttpApp } from '../../platform/http/index.ts';
import { engines, type TestDb } from '../../test/db.ts';
import { makeOrg } from '../../test/factories.ts';
import type { Client } from '../../test/http.ts';
import { newId, rosterXlsx, upload, waitForImport } from '../../test/imports.ts';
import { useTestApp } from '../../test/suite.ts';
import { listQueries } from './members.repo.ts';

const ROWS = 3000;

describe.each(engines())('member list plan after a fresh import on %s', (engine) => {
  let t: TestDb, app: HttpApp, admin: Client;
  useTestApp(engine, (s) => ({ t, app, admin } = s));

  const plannerRows = async () =>
    Number((await t.owner.execute<{ n: number }>(sql`SELECT reltuples::int AS n FROM pg_class WHERE relname = 'members'`)).rows[0]?.n);

  async function importInto(orgId: number, n: number) {
    const rows = Array.from({ length: n }, (_, i) => [`职工${i}`, newId(), '2024-03-01']);
    const job = await upload(app, admin, orgId, await rosterXlsx({ header: ['姓名', '身份证号', '入会日期'], rows }));
    expect(job.status).toBe(202);
    expect(await waitForImport(app, admin, job.body.id)).toMatchObject({ status: 'succeeded', imported: n });
  }

  it('the district page and its count use members indexes', { timeout: 120_000 }, async () => {
    const district = await makeOrg(t.db, t.rootOrgId, { level: 'district' });
    const street = await makeOrg(t.db, district, { level: 'street' });
    const union = await makeOrg(t.db, street, { level: 'grassroots' });
    const other = await makeOrg(t.db, await makeOrg(t.db, t.rootOrgId, { level: 'district' }), { level: 'grassroots' });
    await importInto(union.id, ROWS);
    await importInto(other.id, ROWS);
    // The job analyzes right after its commit, once it has answered succeeded; give it a moment.
    for (let i = 0; i < 100 && (await plannerRows()) < 2 * ROWS; i++) await new Promise((r) => setTimeout(r, 50));
    expect(await plannerRows()).toBe(2 * ROWS);

    const q = listQueries(t.db, { scopePath: district.path }, { page: 1, pageSize: 20 });
    const explain = async (query: unknown) =>
      runInScope(district.path, async () => {
        const res = await t.db.execute<Record<string, string>>(sql`EXPLAIN ${query}`);
        return res.rows.map((r) => Object.values(r)[0]).join('\n');
      });
    // The plain roster's page reads its total from member_path_counts in the same statement; a filtered first page
    // counts member rows (capped).
    const page = await explain(q.page);
    const count = await explain(listQueries(t.db, { scopePath: district.path, category: 'migrant' }, { page: 1, pageSize: 20 }).count);
    if (process.env.SHOW_PLANS) console.log(`${page}\n\n${count}`);
    for (const plan of [page, count]) {
      expect(plan).not.toMatch(/Seq Scan on members/);
      expect(plan).toMatch(/(Index (Only )?Scan( Backward)? using|Bitmap Index Scan on) members_(pkey|org_path_idx|org_path_status_idx)\b/);
    }
    expect(page).toMatch(/member_path_counts/);
  });
});
