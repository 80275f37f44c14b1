import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { engines, openTestDb, ADMIN_PASSWORD, type TestDb } from '../../test/db.ts';
import { buildTestApp, loginAs, type Client } from '../../test/http.ts';
import { uniq } from '../../test/factories.ts';
import { seedHalfYear, type Scenario } from '../../test/half-year.ts';
import { newId, rosterXlsx, upload, waitForImport } from '../../test/imports.ts';
import type { HttpApp } from '../../platform/http/index.ts';
import { computeMembers } from './members.indicators.ts';

const KEYS = new Set(['members.total', 'members.joined', 'members.left', 'members.net_new', 'members.in_new_orgs']);

describe.each(engines())('member statistics from counters on %s', (engine) => {
  let t: TestDb;
  let app: HttpApp;
  let admin: Client;
  let s: Scenario;
  const pathOf = async (id: number) =>
    (await t.owner.execute<{ path: string; depth: number }>(sql`SELECT path, depth FROM orgs WHERE id = ${id}`)).rows[0] as {
      path: string;
      depth: number;
    };
  const both = async (orgId: number, from: string, to: string) => {
    const o = await pathOf(orgId);
    const scope = { path: o.path, depth: o.depth, from, to, keys: KEYS };
    const norm = (m: Map<string, unknown>) =>
      JSON.parse(JSON.stringify([...m.entries()].sort(([a], [b]) => a.localeCompare(b)))) as unknown;
    return [norm(await computeMembers(t.owner, scope)), norm(await computeMembers(t.owner, scope, { raw: true }))];
  };
  // The monthly table must always equal a recount of the events for every ancestor of their orgs.
  const countersDrift = async () =>
    (
      await t.owner.execute<{ n: number }>(sql`
      SELECT count(*)::int AS n FROM (
        SELECT a.id::int AS ancestor_id, date_trunc('month', e.date)::date AS month, e.type, e.gender, e.categories, count(*)::int AS n
        FROM member_events e JOIN orgs o ON o.id = e.org_id CROSS JOIN LATERAL unnest(string_to_array(rtrim(o.path, '.'), '.')) AS a(id)
        WHERE member_event_sign(e.type) <> 0 GROUP BY 1, 2, 3, 4, 5) e
      FULL JOIN member_flow_months c USING (ancestor_id, month, type, gender, categories)
      WHERE coalesce(e.n, 0) <> coalesce(c.n, 0)`)
    ).rows[0]?.n;

  beforeAll(async () => {
    t = await openTestDb(engine);
    app = await buildTestApp(t.db);
    admin = await loginAs(app, 'admin', ADMIN_PASSWORD);
    s = await seedHalfYear(admin, t.rootOrgId, uniq(''));
  });
  afterAll(async () => {
    await app?.close();
    await t?.close();
  });

  it('gives the same figures from the monthly table as from the raw events, for any window and level', async () => {
    for (const [from, to] of [
      ['2026-01-01', '2026-06-30'],
      ['2025-01-01', '2025-12-31'],
      ['2026-04-01', '2026-04-20'],
      ['2026-02-15', '2026-05-10'],
      ['2026-01-01', '2026-11-30'],
    ] as const) {
      for (const org of [s.district, s.street, s.unions.private, t.rootOrgId]) {
        const [counters, history] = await both(org, from, to);
        expect(counters, `${org} ${from}..${to}`).toEqual(history);
      }
    }
    expect(await countersDrift()).toBe(0);
  });

  it('moves a member between category sets when the registry changes their categories, without changing totals', async () => {
    const created = await admin.post('/api/v1/members', {
      orgId: s.unions.newForms,
      name: '骑手甲',
      idNumber: (await import('../../test/factories.ts')).newIdNumber('19950505'),
      joinedAt: '2026-06-15',
      categories: [],
    });
    expect(created.status).toBe(201);
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const before = (await admin.get(`/api/v1/stats?orgId=${s.street}&from=2026-01-01&to=${today}&keys=members.total`)).body.values[
      'members.total'
    ];
    expect((await admin.patch(`/api/v1/members/${created.body.id}`, { categories: ['new_forms'] })).status).toBe(200);
    const after = (await admin.get(`/api/v1/stats?orgId=${s.street}&from=2026-01-01&to=${today}&keys=members.total,members.net_new`)).body
      .values;
    expect(after['members.total'].value).toBe(before.value);
    expect(after['members.total'].breakdown.category.new_forms).toBe((before.breakdown.category.new_forms ?? 0) + 1);
    // The change is dated today: the half year keeps the categories as they were then.
    const h1 = (await admin.get(`/api/v1/stats?orgId=${s.street}&from=2026-01-01&to=2026-06-30&keys=members.total`)).body.values[
      'members.total'
    ];
    expect(h1.breakdown.category.new_forms).toBe(2);
    expect(await countersDrift()).toBe(0);
    const [counters, history] = await both(s.street, '2026-01-01', today);
    expect(counters).toEqual(history);
  });

  it('stays exact when two imports write below the same ancestors at the same time', async () => {
    const roster = (n: number, day: string) =>
      rosterXlsx({
        header: ['姓名', '身份证号', '入会日期', '人员类别'],
        rows: Array.from({ length: n }, (_, i) => [`并发${i}`, newId({ female: i % 2 === 0 }), day, i % 3 === 0 ? '农民工' : '']),
      });
    const before = (await admin.get(`/api/v1/stats?orgId=${t.rootOrgId}&from=2026-01-01&to=2026-06-30&keys=members.joined`)).body.values[
      'members.joined'
    ].value;
    const [a, b] = await Promise.all([
      upload(app, admin, s.unions.old, await roster(300, '2026-06-05')),
      upload(app, admin, s.unions.migrant, await roster(200, '2026-06-06')),
    ]);
    const [ra, rb] = await Promise.all([waitForImport(app, admin, a.body.id), waitForImport(app, admin, b.body.id)]);
    expect([ra.imported, rb.imported]).toEqual([300, 200]);
    const after = (await admin.get(`/api/v1/stats?orgId=${t.rootOrgId}&from=2026-01-01&to=2026-06-30&keys=members.joined`)).body.values[
      'members.joined'
    ].value;
    expect(after - before).toBe(500);
    expect(await countersDrift()).toBe(0);
  });

  it('shifts a moved subtree’s monthly flows from its old ancestors to its new ones', async () => {
    expect(
      (await admin.post(`/api/v1/orgs/${s.street}/events`, { type: 'move', date: '2026-07-01', newParentId: s.otherDistrict })).status,
    ).toBe(201);
    expect(await countersDrift()).toBe(0);
    for (const org of [s.district, s.otherDistrict, t.rootOrgId]) {
      const [counters, history] = await both(org, '2026-01-01', '2026-06-30');
      expect(counters, String(org)).toEqual(history);
    }
  });
});
