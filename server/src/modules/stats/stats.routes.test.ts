import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fillRecordsPath } from '@gonghui/common';
import { engines, openTestDb, ADMIN_PASSWORD, type TestDb } from '../../test/db.ts';
import { buildTestApp, loginAs, loginRoot, type Client } from '../../test/http.ts';
import { makeUser, PASSWORD, uniq } from '../../test/factories.ts';
import type { HttpApp } from '../../platform/http/index.ts';
import { newId, rosterXlsx, upload, waitForImport } from '../../test/imports.ts';
import { seedHalfYear, type Scenario } from '../../test/half-year.ts';

const H1 = 'from=2026-01-01&to=2026-06-30';

describe.each(engines())('statistics and targets on %s', (engine) => {
  let t: TestDb;
  let app: HttpApp;
  let admin: Client;
  let s: Scenario;
  const stats = async (orgId: number, q = H1) => (await admin.get(`/api/v1/stats?orgId=${orgId}&${q}`)).body.values;

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

  it('counts a half year exactly from dated records, with breakdowns that add up', async () => {
    const v = await stats(s.district);
    expect(v['orgs.total']).toEqual({
      value: 5,
      breakdown: { kind: { other: 1, enterprise_private: 2, migrant: 1, new_forms: 1 }, level: { street: 1, grassroots: 4 } },
    });
    expect(v['orgs.founded']).toEqual({ value: 3, breakdown: { kind: { enterprise_private: 1, migrant: 1, new_forms: 1 } } });
    expect(v['members.joined'].value).toBe(11);
    expect(v['members.joined'].breakdown.category).toEqual({ migrant: 8, new_forms: 2 });
    expect(v['members.left'].value).toBe(1);
    // joined 11 − quit 1 − one transferred out of the district; the move inside the street cancels out.
    expect(v['members.net_new'].value).toBe(9);
    expect(v['members.total']).toMatchObject({ value: 12, breakdown: { gender: { male: 8, female: 4 } } });
    expect(v['members.in_new_orgs']).toEqual({ value: 10, breakdown: { kind: { enterprise_private: 5, migrant: 3, new_forms: 2 } } });
    // Drill-down: the list behind a figure holds exactly that many records.
    const listed = async (q: string) => (await admin.get(`/api/v1/members?orgId=${s.district}&subtree=true&${q}`)).body.total;
    expect(await listed('joinedFrom=2026-01-01&joinedTo=2026-06-30')).toBe(11);
    expect(await listed('leftFrom=2026-01-01&leftTo=2026-06-30')).toBe(1);
    const catalogue = (await admin.get('/api/v1/indicators')).body;
    const left = catalogue.find((i: { key: string }) => i.key === 'members.left');
    expect(fillRecordsPath(left.records, s.district, '2026-01-01', '2026-06-30')).toBe(
      `/members?orgId=${s.district}&subtree=true&leftFrom=2026-01-01&leftTo=2026-06-30`,
    );
    // A past period gives the same answer after later events (the union founded in August, its member).
    const q1 = await stats(s.district, 'from=2026-01-01&to=2026-03-31');
    expect([q1['orgs.founded'].value, q1['members.joined'].value, q1['members.total'].value]).toEqual([2, 6, 9]);
    const year = await stats(s.district, 'from=2026-01-01&to=2026-12-31');
    expect([year['orgs.founded'].value, year['members.joined'].value]).toEqual([4, 12]);
  });

  it('splits by child so that the rows add up to the parent, and exports that table', async () => {
    const res = await admin.get(`/api/v1/stats/children?orgId=${s.street}&${H1}&keys=members.joined,members.total`);
    expect(res.status).toBe(200);
    const rows = Object.fromEntries(res.body.children.map((c: { orgId: number; values: object }) => [c.orgId, c.values]));
    expect(rows[s.unions.private]).toEqual({ 'members.joined': 4, 'members.total': 5 });
    expect(rows[s.unions.late]).toEqual({ 'members.joined': 0, 'members.total': 0 });
    expect(res.body.total).toEqual({ 'members.joined': 11, 'members.total': 12 });
    const sum = res.body.children.reduce((n: number, c: { values: Record<string, number> }) => n + (c.values['members.total'] ?? 0), 0);
    expect(sum).toBe(res.body.total['members.total']);
    const file = await app.inject({
      method: 'GET',
      url: `/api/v1/stats/children/export?orgId=${s.street}&${H1}`,
      headers: {
        cookie: Object.entries(admin.cookies)
          .map(([k, v]) => `${k}=${v}`)
          .join('; '),
      },
    });
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('gives monthly trends whose snapshot ends where the statistics end', async () => {
    const res = await admin.get(
      `/api/v1/stats/trend?orgId=${s.district}&year=2026&keys=members.joined,members.total,orgs.founded,orgs.total`,
    );
    expect(res.status).toBe(200);
    expect(res.body.series['members.joined'].slice(0, 6)).toEqual([1, 1, 4, 3, 0, 2]);
    expect(res.body.series['orgs.founded'].slice(0, 8)).toEqual([0, 1, 1, 0, 1, 0, 0, 1]);
    expect(res.body.series['members.total'][5]).toBe(12);
    // Unions standing at each month's end: the street and the old union before February, all five by June, six from August.
    expect(res.body.series['orgs.total']).toEqual([2, 3, 4, 4, 5, 5, 5, 6, 6, 6, 6, 6]);
  });

  it('refuses unknown indicators and reversed periods in Chinese, naming the field', async () => {
    const bad = await admin.get(`/api/v1/stats?orgId=${s.district}&${H1}&keys=members.nope`);
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('members.nope');
    const reversed = await admin.get(`/api/v1/stats?orgId=${s.district}&from=2026-06-30&to=2026-01-01`);
    expect(reversed.status).toBe(400);
    expect(reversed.body.message).toContain('开始日期');
  });

  it('sets targets from above and reports completion, time progress, ranking and the breakdown check', async () => {
    const put = await admin.put(`/api/v1/orgs/${s.district}/targets/2026`, { 'orgs.founded': 5, 'members.joined': 20 });
    expect(put.status).toBe(200);
    const got = await admin.get(`/api/v1/orgs/${s.district}/targets/2026?asOf=2026-06-30`);
    const byKey = Object.fromEntries(got.body.items.map((i: { key: string }) => [i.key, i]));
    expect(byKey['orgs.founded']).toMatchObject({ target: 5, actual: 3, percent: 60, timeProgress: 49.59 });
    expect(byKey['members.joined']).toMatchObject({ target: 20, actual: 11, percent: 55 });

    const districtAdmin = await loginAs(app, (await makeUser(t.db, s.district)).username, PASSWORD);
    expect((await districtAdmin.put(`/api/v1/orgs/${s.street}/targets/2026`, { 'orgs.founded': 4, 'members.joined': 13 })).status).toBe(
      200,
    );
    const own = await districtAdmin.put(`/api/v1/orgs/${s.district}/targets/2026`, { 'orgs.founded': 1 });
    expect(own.status).toBe(403);
    expect(own.body.message).toContain('上级');
    expect((await districtAdmin.put(`/api/v1/orgs/${s.otherDistrict}/targets/2026`, { 'orgs.founded': 1 })).status).toBe(404);
    const viewer = await loginAs(app, (await makeUser(t.db, s.district, ['viewer'])).username, PASSWORD);
    expect((await viewer.put(`/api/v1/orgs/${s.street}/targets/2026`, { 'orgs.founded': 9 })).status).toBe(403);
    expect((await viewer.get(`/api/v1/orgs/${s.district}/targets/2026?asOf=2026-06-30`)).status).toBe(200);

    const kids = await districtAdmin.get(`/api/v1/orgs/${s.district}/targets/2026/children?asOf=2026-06-30`);
    expect(kids.body.children[0].items['orgs.founded']).toEqual({ target: 4, actual: 3, percent: 75, rank: 1 });
    const keyInfo = kids.body.keys.find((k: { key: string }) => k.key === 'members.joined');
    expect(keyInfo).toMatchObject({ parentTarget: 20, childrenTarget: 13 });
    const bad = await admin.put(`/api/v1/orgs/${s.street}/targets/2026`, { 'orgs.founded': -1 });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('不能为负数');
  });

  it('keeps scope: out of scope is 404 on every read, a role without the permission 403', async () => {
    const outsider = await loginAs(app, (await makeUser(t.db, s.otherDistrict)).username, PASSWORD);
    for (const url of [
      `/api/v1/stats?orgId=${s.district}&${H1}`,
      `/api/v1/stats/children?orgId=${s.street}&${H1}`,
      `/api/v1/stats/trend?orgId=${s.district}&year=2026`,
      `/api/v1/orgs/${s.district}/targets/2026`,
      `/api/v1/orgs/${s.district}/targets/2026/children`,
      `/api/v1/stats/children/export?orgId=${s.district}&${H1}`,
    ]) {
      expect((await outsider.get(url)).status, url).toBe(404);
    }
    // Without orgId a user gets their own subtree, which does not include the other district's unions.
    expect((await outsider.get(`/api/v1/stats?${H1}&keys=orgs.founded`)).body.orgId).toBe(s.otherDistrict);
    const role = `r${uniq('').slice(1, 8)}`;
    expect(
      (await (await loginRoot(app, 'secadmin')).post('/api/v1/roles', { key: role, name: '只看会员', permissions: ['member:read'] }))
        .status,
    ).toBe(201);
    const noStats = await loginAs(app, (await makeUser(t.db, s.district, [role])).username, PASSWORD);
    expect((await noStats.get(`/api/v1/stats?orgId=${s.district}&${H1}`)).status).toBe(403);
    expect((await new (admin.constructor as new (a: HttpApp) => Client)(app).get(`/api/v1/stats?${H1}`)).status).toBe(401);
  });

  it('follows imports and moves of whole subtrees in every affected figure', async () => {
    const roster = await rosterXlsx({
      header: ['姓名', '身份证号', '入会日期', '人员类别'],
      rows: [
        ['王芳', newId({ female: true }), '2026-06-01', '农民工'],
        ['刘洋', newId(), '2026-06-02', ''],
        ['陈静', newId({ female: true }), '2026-06-03', ''],
      ],
    });
    const job = await upload(app, admin, s.unions.private, roster);
    expect((await waitForImport(app, admin, job.body.id)).imported).toBe(3);
    const after = await stats(s.district);
    expect([after['members.joined'].value, after['members.total'].value, after['members.in_new_orgs'].value]).toEqual([14, 15, 13]);
    expect(after['members.joined'].breakdown.category.migrant).toBe(9);

    expect(
      (await admin.post(`/api/v1/orgs/${s.street}/events`, { type: 'move', date: '2026-07-01', newParentId: s.otherDistrict })).status,
    ).toBe(201);
    const left = await stats(s.district);
    expect([left['orgs.total'].value, left['members.total'].value, left['members.joined'].value]).toEqual([0, 0, 0]);
    const gained = await stats(s.otherDistrict);
    // The street's 15 plus the member who moved to the logistics park; that transfer is now inside the subtree.
    expect([gained['orgs.total'].value, gained['members.total'].value, gained['members.net_new'].value]).toEqual([6, 16, 13]);
  });
});
