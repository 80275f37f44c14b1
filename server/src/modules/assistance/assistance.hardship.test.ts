// Issue 10's scenario across both 帮扶 modules, through the API: hardship files across tiers (one exited, one
// rejected) and payments to two of the households → the district's hardship and assistance figures and the 帮扶服务
// section of its H1 summary, which opens with the households on file.
import { beforeAll, describe, expect, it } from 'vitest';
import { engines, type TestDb } from '../../test/db.ts';
import { loginAs, type Client } from '../../test/http.ts';
import { makeOrg, makeUser, newIdNumber, PASSWORD, uniq, type OrgRef } from '../../test/factories.ts';
import { useTestApp } from '../../test/suite.ts';
import type { HttpApp } from '../../platform/http/index.ts';

describe.each(engines())('hardship files and assistance together on %s', (engine) => {
  let t: TestDb;
  let app: HttpApp;
  let district: OrgRef;
  let s1: OrgRef, s2: OrgRef, g1: OrgRef, g2: OrgRef;
  let dc: Client, sc1: Client, sc2: Client, gc1: Client, gc2: Client;
  const ids = { a: newIdNumber('19700101'), b: newIdNumber('19710101'), c: newIdNumber('19720101'), d: newIdNumber('19730101') };
  useTestApp(engine, (s) => ({ t, app } = s));

  const login = async (org: OrgRef) => {
    const u = await makeUser(t.db, org.id, ['org_admin']);
    return loginAs(app, u.username, PASSWORD);
  };
  /** Acts on a case at its current version. */
  const act = async (c: Client, path: string, id: number, action: string, extra: Record<string, unknown> = {}) => {
    const cur = await c.get(`/api/v1/${path}/${id}`);
    const res = await c.post(`/api/v1/${path}/${id}/actions/${action}`, { version: cur.body.version, ...extra });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body;
  };
  /** A file drafted and submitted by the union's cadre: returns its id. */
  const file = async (c: Client, orgId: number, idNumber: string, tier: string, causes: string[]) => {
    const res = await c.post('/api/v1/hardship-files', {
      orgId,
      name: '困难职工',
      idNumber,
      householdSize: 3,
      incomePerHead: 80_000,
      causes,
      tier,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    await act(c, 'hardship-files', res.body.id, 'submit');
    return res.body.id as number;
  };
  const pay = async (c: Client, approver: Client, o: Record<string, unknown>, paidAt: string) => {
    const res = await c.post('/api/v1/assistance', { name: '困难职工', kind: 'living', fundSource: 'union', ...o });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    await act(approver, 'assistance', res.body.id, 'approve');
    await act(approver, 'assistance', res.body.id, 'pay', { paidAt });
  };

  beforeAll(async () => {
    district = await makeOrg(t.db, t.rootOrgId, { level: 'district', name: uniq('帮扶示范区总工会') });
    s1 = await makeOrg(t.db, district, { level: 'street', name: uniq('东街道') });
    s2 = await makeOrg(t.db, district, { level: 'street', name: uniq('西街道') });
    g1 = await makeOrg(t.db, s1, { level: 'grassroots' });
    g2 = await makeOrg(t.db, s2, { level: 'grassroots' });
    [dc, sc1, sc2, gc1, gc2] = await Promise.all([login(district), login(s1), login(s2), login(g1), login(g2)]);

    const a = await file(gc1, g1.id, ids.a, 'national', ['illness']);
    await act(sc1, 'hardship-files', a, 'approve', { registeredAt: '2026-02-10' });
    const b = await file(gc1, g1.id, ids.b, 'city', ['unemployment']);
    await act(sc1, 'hardship-files', b, 'approve', { registeredAt: '2026-03-01' });
    await act(gc1, 'hardship-files', b, 'exit', { exitedAt: '2026-05-20', reason: '再就业，收入稳定' });
    const c = await file(gc2, g2.id, ids.c, 'district', ['disability', 'education']);
    await act(sc2, 'hardship-files', c, 'approve', { registeredAt: '2026-04-15' });
    const d = await file(gc2, g2.id, ids.d, 'district', ['other']);
    await act(sc2, 'hardship-files', d, 'reject', { opinion: '家庭人均收入高于标准' });

    await pay(gc1, gc1, { orgId: g1.id, idNumber: ids.a, hardshipFileId: a, amount: 150_000, date: '2026-03-05' }, '2026-03-05');
    await pay(
      gc2,
      gc2,
      { orgId: g2.id, idNumber: ids.c, kind: 'medical', fundSource: 'government', amount: 2_000_000, date: '2026-05-01' },
      '2026-05-02',
    );
  });

  it('counts the households on file at the period end, the newly filed and the exited, and the payments', async () => {
    const keys = 'hardship.households,hardship.registered,hardship.exited,assistance.times,assistance.people,assistance.amount';
    const res = await dc.get(`/api/v1/stats?orgId=${district.id}&from=2026-01-01&to=2026-06-30&keys=${keys}`);
    expect(res.status).toBe(200);
    const v = res.body.values;
    expect(v['hardship.households']).toMatchObject({ value: 2, breakdown: { tier: { national: 1, district: 1 } } });
    expect(v['hardship.households'].breakdown.cause).toEqual({ illness: 1, disability: 1 });
    expect(v['hardship.registered']).toMatchObject({ value: 3, breakdown: { tier: { national: 1, city: 1, district: 1 } } });
    expect(v['hardship.exited']).toMatchObject({ value: 1, breakdown: { tier: { city: 1 } } });
    expect(v['assistance.times'].value).toBe(2);
    expect(v['assistance.people'].value).toBe(2);
    expect(v['assistance.amount']).toMatchObject({ value: 21_500, breakdown: { fundSource: { union: 1500, government: 20_000 } } });
    // A month before the exit the exited household was still on file.
    const april = await dc.get(`/api/v1/stats?orgId=${district.id}&from=2026-01-01&to=2026-04-30&keys=hardship.households`);
    expect(april.body.values['hardship.households'].value).toBe(3);
  });

  it('opens the 帮扶服务 section with the households on file, then the assistance paid', async () => {
    const created = await dc.post('/api/v1/reports/work-summaries', { orgId: district.id, year: 2026, period: 'H1', asOf: '2026-06-30' });
    expect(created.status).toBe(201);
    const doc = (await dc.get(`/api/v1/reports/work-summaries/${created.body.id}`)).body;
    const section = doc.sections.find((s: { heading: string }) => s.heading.includes('困难职工帮扶'));
    expect(section, JSON.stringify(doc.sections.map((s: { heading: string }) => s.heading))).toBeDefined();
    expect(section.paragraphs[0]).toMatch(/^截至6月30日，全区在档困难职工2户，其中全国级1户、区级1户。上半年新建档3户，解困脱困1户。$/);
    expect(section.paragraphs[1]).toBe('上半年累计帮扶困难职工2人次（2人），发放帮扶资金2.15万元，其中工会经费1500元、财政2.00万元。');
    for (const p of section.source as string[]) expect(p.replace(/\{\{f\d+\}\}/g, '').replace(/\d+月\d+日/g, '')).not.toMatch(/\d/);
  });
});
