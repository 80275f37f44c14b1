// The statistics providers and the campaign detail read as the system once the route has checked the org (decision
// 0009): this proves they still count nothing outside the requested subtree. A district with two streets, each with
// a grassroots union holding hardship files and paid assistance (some in the district's campaign): a street cadre
// gets 404 for its sibling and for the district, its own figures never include the sibling's records, a child's
// figures read by the district equal the child's own, and the campaign detail from below shows its own line only.
import { beforeAll, describe, expect, it } from 'vitest';
import { engines, type TestDb } from '../../test/db.ts';
import { loginAs, type Client } from '../../test/http.ts';
import { makeOrg, makeUser, newIdNumber, PASSWORD, uniq, type OrgRef } from '../../test/factories.ts';
import { useTestApp } from '../../test/suite.ts';
import { currentScope, runInScope, withoutScope } from '../../platform/db/index.ts';
import type { HttpApp } from '../../platform/http/index.ts';
import { withinScope } from './stats.service.ts';

const KEYS = 'hardship.households,hardship.registered,assistance.times,assistance.people,assistance.amount,assistance.goods';
const H1 = `from=2026-01-01&to=2026-06-30&keys=${KEYS}`;

describe('withinScope', () => {
  const scopeIn = (scope: string, path: string) => runInScope(scope, () => withinScope({ path }, async () => currentScope()));

  it('reads as the system only for a subtree inside the caller’s scope', async () => {
    expect(await scopeIn('1.5.', '1.5.')).toBe('*');
    expect(await scopeIn('1.5.', '1.5.7.')).toBe('*');
    // A sibling whose id starts with the same digits, an ancestor and an unrelated org keep the caller's scope.
    expect(await scopeIn('1.5.', '1.50.')).toBe('1.5.');
    expect(await scopeIn('1.5.7.', '1.5.')).toBe('1.5.7.');
    expect(await scopeIn('1.5.', '1.6.9.')).toBe('1.5.');
    expect(await withoutScope(() => withinScope({ path: '1.' }, async () => currentScope()))).toBe('');
  });
});

describe.each(engines())('statistics read as the system stay within the subtree on %s', (engine) => {
  let t: TestDb;
  let app: HttpApp;
  let district: OrgRef;
  let s1: OrgRef;
  let s2: OrgRef;
  let g1: OrgRef;
  let g2: OrgRef;
  let dc: Client;
  let a1: Client;
  let a2: Client;
  let campaign: number;
  useTestApp(engine, (s) => ({ t, app } = s));

  const login = async (org: OrgRef) => loginAs(app, (await makeUser(t.db, org.id, ['org_admin'])).username, PASSWORD);
  const ok = <T extends { status: number }>(res: T, status = 200): T => {
    expect(res.status).toBe(status);
    return res;
  };

  /** A file drafted and submitted by the union's cadre, approved by its street's. */
  async function file(union: OrgRef, by: Client, approver: Client, registeredAt: string) {
    const f = ok(
      await by.post('/api/v1/hardship-files', {
        orgId: union.id,
        name: '王困难',
        idNumber: newIdNumber(),
        householdSize: 3,
        incomePerHead: 60000,
        causes: ['illness'],
        tier: 'city',
      }),
      201,
    ).body;
    const s = ok(await by.post(`/api/v1/hardship-files/${f.id}/actions/submit`, { version: f.version })).body;
    ok(await approver.post(`/api/v1/hardship-files/${f.id}/actions/approve`, { version: s.version, registeredAt }));
  }

  /** An entry requested by `by`, approved and paid by `payer` on `paidAt`. */
  async function paid(union: OrgRef, by: Client, payer: Client, amount: number, paidAt: string, campaignId?: number) {
    const e = ok(
      await by.post('/api/v1/assistance', {
        orgId: union.id,
        name: '困难职工',
        idNumber: newIdNumber(),
        kind: 'living',
        fundSource: 'union',
        amount,
        goodsValue: 1000,
        date: paidAt,
        ...(campaignId ? { campaignId } : {}),
      }),
      201,
    ).body;
    const act = async (action: string, extra: Record<string, unknown> = {}) => {
      const cur = (await payer.get(`/api/v1/assistance/${e.id}`)).body;
      ok(await payer.post(`/api/v1/assistance/${e.id}/actions/${action}`, { version: cur.version, ...extra }));
    };
    await act('approve');
    await act('pay', { paidAt });
  }

  beforeAll(async () => {
    district = await makeOrg(t.db, t.rootOrgId, { level: 'district', name: uniq('系统读区') });
    s1 = await makeOrg(t.db, district, { level: 'street', name: uniq('甲街道') });
    s2 = await makeOrg(t.db, district, { level: 'street', name: uniq('乙街道') });
    g1 = await makeOrg(t.db, s1, { level: 'grassroots' });
    g2 = await makeOrg(t.db, s2, { level: 'grassroots' });
    const [gc1, gc2] = await Promise.all([login(g1), login(g2)]);
    [dc, a1, a2] = await Promise.all([login(district), login(s1), login(s2)]);
    campaign = ok(
      await dc.post('/api/v1/campaigns', {
        orgId: district.id,
        kind: 'warmth',
        name: '春节送温暖',
        startsOn: '2026-01-10',
        endsOn: '2026-02-20',
        budget: [{ fundSource: 'union', amount: 1_000_000 }],
      }),
      201,
    ).body.id;
    await file(g1, gc1, a1, '2026-02-01');
    await file(g2, gc2, a2, '2026-03-01');
    await file(g2, gc2, a2, '2026-04-01');
    // Street 1: 100 元 outside the campaign and 50 元 in it; street 2: 200 + 300 元 outside and 70 元 in it.
    await paid(g1, gc1, gc1, 10_000, '2026-02-10');
    await paid(g1, gc1, dc, 5_000, '2026-01-20', campaign);
    await paid(g2, gc2, gc2, 20_000, '2026-03-10');
    await paid(g2, gc2, gc2, 30_000, '2026-05-10');
    await paid(g2, gc2, dc, 7_000, '2026-01-25', campaign);
  });

  const values = (res: { body: { values: Record<string, { value: number }> } }) =>
    Object.fromEntries(Object.entries(res.body.values).map(([k, v]) => [k, v.value]));
  const street1 = {
    'hardship.households': 1,
    'hardship.registered': 1,
    'assistance.times': 2,
    'assistance.people': 2,
    'assistance.amount': 150,
    'assistance.goods': 20,
  };
  const street2 = {
    'hardship.households': 2,
    'hardship.registered': 2,
    'assistance.times': 3,
    'assistance.people': 3,
    'assistance.amount': 570,
    'assistance.goods': 30,
  };

  it('answers 404 for a sibling street and for the district above, on every statistics read', async () => {
    for (const org of [s2, district, g2]) {
      expect((await a1.get(`/api/v1/stats?orgId=${org.id}&${H1}`)).status).toBe(404);
      expect((await a1.get(`/api/v1/stats/children?orgId=${org.id}&${H1}`)).status).toBe(404);
      expect((await a1.get(`/api/v1/stats/trend?orgId=${org.id}&year=2026&keys=${KEYS}`)).status).toBe(404);
    }
  });

  it('counts only the street’s own records, whoever asks', async () => {
    expect(values(ok(await a1.get(`/api/v1/stats?orgId=${s1.id}&${H1}`)))).toEqual(street1);
    expect(values(ok(await a1.get(`/api/v1/stats?${H1}`)))).toEqual(street1);
    expect(values(ok(await dc.get(`/api/v1/stats?orgId=${s1.id}&${H1}`)))).toEqual(street1);
    expect(values(ok(await a2.get(`/api/v1/stats?orgId=${s2.id}&${H1}`)))).toEqual(street2);
    expect(values(ok(await dc.get(`/api/v1/stats?orgId=${g2.id}&${H1}`)))).toEqual(street2);
    // The district's children add up to its total, each row its own street's figures.
    const kids = ok(await dc.get(`/api/v1/stats/children?orgId=${district.id}&${H1}`)).body;
    const rows = Object.fromEntries(kids.children.map((c: { orgId: number; values: object }) => [c.orgId, c.values]));
    expect(rows[s1.id]).toEqual(street1);
    expect(rows[s2.id]).toEqual(street2);
    expect(kids.total).toMatchObject({ 'assistance.times': 5, 'assistance.amount': 720, 'hardship.households': 3 });
    const s1kids = ok(await a1.get(`/api/v1/stats/children?orgId=${s1.id}&${H1}`)).body;
    expect(s1kids.children.map((c: { orgId: number }) => c.orgId)).toEqual([g1.id]);
    expect(s1kids.total).toEqual(street1);
  });

  it('gives monthly trends of the street only', async () => {
    const trend = ok(await a1.get(`/api/v1/stats/trend?orgId=${s1.id}&year=2026&keys=assistance.times,hardship.registered`)).body;
    expect(trend.series['assistance.times'].slice(0, 6)).toEqual([1, 1, 0, 0, 0, 0]);
    expect(trend.series['hardship.registered'].slice(0, 6)).toEqual([0, 1, 0, 0, 0, 0]);
  });

  it('shows the campaign’s submissions of the caller’s line only', async () => {
    const below = ok(await a1.get(`/api/v1/campaigns/${campaign}`)).body;
    expect(below.children).toEqual([expect.objectContaining({ orgId: s1.id, submitted: 1, paid: 1, paidAmount: 5_000 })]);
    expect(below.totals).toMatchObject({ entries: 1, paid: 1, paidAmount: 5_000 });
    const all = ok(await dc.get(`/api/v1/campaigns/${campaign}`)).body;
    expect(all.totals).toMatchObject({ entries: 2, paid: 2, paidAmount: 12_000 });
    expect(all.children).toEqual([
      expect.objectContaining({ orgId: s1.id, submitted: 1, paidAmount: 5_000 }),
      expect.objectContaining({ orgId: s2.id, submitted: 1, paidAmount: 7_000 }),
    ]);
  });
});
