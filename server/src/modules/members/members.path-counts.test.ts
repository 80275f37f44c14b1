// The roster's first-page total comes from member_path_counts (kept by triggers on members): after every kind of
// write that changes who is on the books where — create, import, leave, a subtree moving, a patch that changes
// nothing counted, a delete — it equals a count of the member rows themselves, in every scope on the way.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, openTestDb, ADMIN_PASSWORD, type TestDb } from '../../test/db.ts';
import { buildTestApp, Client, loginAs } from '../../test/http.ts';
import { makeOrg, newIdNumber } from '../../test/factories.ts';
import { newId, rosterXlsx, upload, waitForImport } from '../../test/imports.ts';
import { runInScope } from '../../platform/db/index.ts';
import type { HttpApp } from '../../platform/http/index.ts';

describe.each(engines())('member list totals from member_path_counts on %s', (engine) => {
  let t: TestDb;
  let app: HttpApp;
  let admin: Client;
  beforeAll(async () => {
    t = await openTestDb(engine);
    app = await buildTestApp(t.db);
    admin = await loginAs(app, 'admin', ADMIN_PASSWORD);
  });
  afterAll(async () => {
    await app?.close();
    await t?.close();
  });

  /** The rows themselves, counted by the owner; and the list's total, as the console gets it. */
  const rowsOnBooks = async (path: string) =>
    Number(
      (
        await t.owner.execute<{ n: number }>(
          sql`SELECT count(*)::int AS n FROM members WHERE org_path LIKE ${`${path}%`} AND status <> 'left'`,
        )
      ).rows[0]?.n,
    );
  const listed = async (orgId: number) => {
    const res = await admin.get(`/api/v1/members?orgId=${orgId}&subtree=true&pageSize=5`);
    expect(res.status).toBe(200);
    return res.body.total as number;
  };
  const expectTotals = async (orgs: { id: number; path: string }[]) => {
    for (const o of orgs) expect(await listed(o.id), o.path).toBe(await rowsOnBooks(o.path));
  };

  it('stays equal to the rows through creates, an import, leaving, a move, patches and a delete', { timeout: 60_000 }, async () => {
    const d1 = await makeOrg(t.db, t.rootOrgId, { level: 'district' });
    const d2 = await makeOrg(t.db, t.rootOrgId, { level: 'district' });
    const street = await makeOrg(t.db, d1, { level: 'street' });
    const u1 = await makeOrg(t.db, street);
    const u2 = await makeOrg(t.db, d2);
    const ids: number[] = [];
    for (const org of [u1, u1, u1, u2]) {
      const res = await admin.post('/api/v1/members', { orgId: org.id, name: '计数', idNumber: newIdNumber(), joinedAt: '2020-01-01' });
      expect(res.status).toBe(201);
      ids.push(res.body.id as number);
    }
    const job = await upload(
      app,
      admin,
      u1.id,
      await rosterXlsx({
        header: ['姓名', '身份证号', '入会日期'],
        rows: [
          ['导入甲', newId(), '2024-03-01'],
          ['导入乙', newId(), '2024-03-01'],
        ],
      }),
    );
    expect(await waitForImport(app, admin, job.body.id)).toMatchObject({ status: 'succeeded', imported: 2 });
    const root = {
      id: t.rootOrgId,
      path: (await t.owner.execute<{ path: string }>(sql`SELECT path FROM orgs WHERE id = ${t.rootOrgId}`)).rows[0]?.path ?? '',
    };
    await expectTotals([root, d1, d2, street, u1, u2]);
    expect(await listed(u1.id)).toBe(5);

    // Leaving takes a member off the books; a patch that keeps the org counts nothing twice.
    expect((await admin.post(`/api/v1/members/${ids[0]}/leave`, { date: '2025-01-31', kind: 'quit' })).status).toBe(200);
    expect((await admin.patch(`/api/v1/members/${ids[1]}`, { name: '改名' })).status).toBe(200);
    await expectTotals([root, d1, street, u1]);
    expect(await listed(u1.id)).toBe(4);

    // The street (with its union) moves to the other district: its members' paths are rewritten.
    const move = await admin.post(`/api/v1/orgs/${street.id}/events`, { type: 'move', date: '2026-05-01', newParentId: d2.id });
    expect(move.status).toBe(201);
    const moved = (await t.owner.execute<{ id: number; path: string }>(sql`SELECT id, path FROM orgs WHERE id IN (${street.id}, ${u1.id})`))
      .rows;
    await expectTotals([root, d1, d2, ...moved]);
    expect(await listed(d1.id)).toBe(0);
    expect(await listed(d2.id)).toBe(5);

    // Rows deleted by the owner (no route deletes members) leave the count too.
    await t.owner.execute(sql`DELETE FROM member_events WHERE member_id = ${ids[3]}`);
    await t.owner.execute(sql`DELETE FROM members WHERE id = ${ids[3]}`);
    await expectTotals([root, d2, ...moved]);
    expect(await listed(d2.id)).toBe(4);
  });

  it('the app role reads only its scope of the counts and writes none', async () => {
    const d = await makeOrg(t.db, t.rootOrgId, { level: 'district' });
    await admin.post('/api/v1/members', { orgId: d.id, name: '范围', idNumber: newIdNumber(), joinedAt: '2020-01-01' });
    expect(await listed(d.id)).toBe(1);
    // Row-level security binds the app's role on PostgreSQL only (PGlite's one user owns the tables).
    if (engine !== 'postgres') return;
    const seen = await runInScope(d.path, () => t.db.execute<{ org_path: string }>(sql`SELECT org_path FROM member_path_counts`));
    expect(seen.rows.length).toBeGreaterThan(0);
    expect(seen.rows.every((r) => r.org_path.startsWith(d.path))).toBe(true);
    await expect(runInScope(d.path, () => t.db.execute(sql`UPDATE member_path_counts SET n = n + 1`))).rejects.toThrow();
  });
});
