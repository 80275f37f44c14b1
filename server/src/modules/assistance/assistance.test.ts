// 帮扶救助 through the API: two campaigns opened by a district, entries submitted by grassroots unions and approved
// and paid by the district (or by the union itself outside a campaign), one reversed, one refused as a second entry
// of the same person in a campaign (409 naming the earlier one) → exact indicator values and summary sentences;
// 20 parallel pay actions write one ledger entry; a grassroots cadre sees only its subtree.
import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { renderFigureText } from '@gonghui/common';
import { engines } from '../../test/db.ts';
import { loginAs, type Client } from '../../test/http.ts';
import { makeOrg, makeUser, newIdNumber, PASSWORD, uniq, type OrgRef } from '../../test/factories.ts';
import { useTestApp } from '../../test/suite.ts';
import type { TestDb } from '../../test/db.ts';
import type { HttpApp } from '../../platform/http/index.ts';

describe.each(engines())('assistance on %s', (engine) => {
  let t: TestDb;
  let app: HttpApp;
  let district: OrgRef;
  let s1: OrgRef;
  let s2: OrgRef;
  let g1: OrgRef;
  let g2: OrgRef;
  let dc: Client;
  let c1: Client;
  let c2: Client;
  let warmth: number;
  let autumn: number;
  const people = { p1: newIdNumber('19700101'), p2: newIdNumber('19710101'), p3: newIdNumber('19720101'), p4: newIdNumber('19730101') };
  const ids = {} as Record<'e1' | 'e2' | 'e4' | 'e5' | 'e6' | 'e7' | 'e8', number>;
  const numbers = { e1: '' };

  const logs: string[] = [];
  useTestApp(engine, (s) => ({ t, app } = s), { logLevel: 'error', logStream: { write: (l: string) => void logs.push(l) } });

  const login = async (org: OrgRef) => {
    const u = await makeUser(t.db, org.id, ['org_admin']);
    return loginAs(app, u.username, PASSWORD);
  };
  const act = async (c: Client, id: number, action: string, extra: Record<string, unknown> = {}) => {
    const cur = await c.get(`/api/v1/assistance/${id}`);
    return c.post(`/api/v1/assistance/${id}/actions/${action}`, { version: cur.body.version, ...extra });
  };
  const entry = (orgId: number, idNumber: string, o: Record<string, unknown>) => ({
    orgId,
    name: '困难职工',
    idNumber,
    kind: 'living',
    fundSource: 'union',
    ...o,
  });

  beforeAll(async () => {
    district = await makeOrg(t.db, t.rootOrgId, { level: 'district', name: uniq('帮扶区总') });
    s1 = await makeOrg(t.db, district, { level: 'street', name: uniq('甲街道') });
    s2 = await makeOrg(t.db, district, { level: 'street', name: uniq('乙街道') });
    g1 = await makeOrg(t.db, s1, { level: 'grassroots' });
    g2 = await makeOrg(t.db, s2, { level: 'grassroots' });
    [dc, c1, c2] = await Promise.all([login(district), login(g1), login(g2)]);
  });

  it('opens campaigns that lower unions see and submit to', async () => {
    const w = await dc.post('/api/v1/campaigns', {
      orgId: district.id,
      kind: 'warmth',
      name: '2026年春节送温暖',
      startsOn: '2026-01-10',
      endsOn: '2026-02-20',
      budget: [
        { fundSource: 'union', amount: 5_000_000 },
        { fundSource: 'government', amount: 2_000_000 },
      ],
    });
    expect(w.status).toBe(201);
    expect(w.body).toMatchObject({ kind: 'warmth', kindLabel: '春节送温暖', budgetTotal: 7_000_000, orgName: district.name });
    warmth = w.body.id;
    const a = await dc.post('/api/v1/campaigns', {
      orgId: district.id,
      kind: 'golden_autumn',
      name: '金秋助学',
      startsOn: '2026-05-01',
      endsOn: '2026-06-30',
      budget: [{ fundSource: 'social', amount: 1_000_000 }],
    });
    expect(a.status).toBe(201);
    autumn = a.body.id;
    const seen = await c2.get('/api/v1/campaigns');
    expect(seen.status).toBe(200);
    expect(seen.body.items.map((c: { id: number }) => c.id)).toEqual(expect.arrayContaining([warmth, autumn]));
    expect((await c2.get(`/api/v1/campaigns/${warmth}`)).status).toBe(200);
    // A grassroots cadre cannot open a campaign for the district.
    const above = { orgId: district.id, kind: 'cool', name: '送清凉', startsOn: '2026-07-01', endsOn: '2026-07-10' };
    expect((await c1.post('/api/v1/campaigns', above)).status).toBe(404);
    const bad = await dc.post('/api/v1/campaigns', {
      orgId: district.id,
      kind: 'cool',
      name: '送清凉',
      startsOn: '2026-07-10',
      endsOn: '2026-07-01',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('结束日期');
  });

  it('registers, approves and pays entries; refuses a second entry of a person in a campaign naming the first', async () => {
    const e1 = await c1.post(
      '/api/v1/assistance',
      entry(g1.id, people.p1, {
        campaignId: warmth,
        kind: 'condolence',
        amount: 120_000,
        date: '2026-01-15',
        visitingLeader: '区总工会主席',
        phone: '13800138000',
      }),
    );
    expect(e1.status).toBe(201);
    expect(e1.body).toMatchObject({ status: 'requested', amount: 120_000, amountText: '1,200.00元', visitingLeader: '区总工会主席' });
    expect(e1.body.idNumberMasked).not.toBe(people.p1);
    expect(e1.body.idNumberMasked).toMatch(/^\d{3}\*+\d{4}$/);
    expect(e1.body.phoneMasked).toBe('138****8000');
    expect(e1.body.number).toMatch(/^BF-\d{4}-\d{6}$/);
    // The submitting union may cancel; approving is the campaign's opening union's.
    expect(e1.body.allowedActions).toEqual(['cancel']);
    expect((await act(c1, e1.body.id, 'approve')).status).toBe(404);
    ids.e1 = e1.body.id;
    numbers.e1 = e1.body.number;

    const dup = await c1.post(
      '/api/v1/assistance',
      entry(g1.id, people.p1, { campaignId: warmth, kind: 'condolence', amount: 50_000, date: '2026-01-18' }),
    );
    expect(dup.status).toBe(409);
    expect(dup.body.message).toContain(numbers.e1);
    // Also from another union of the district: a person once per campaign.
    const dup2 = await c2.post('/api/v1/assistance', entry(g2.id, people.p1, { campaignId: warmth, amount: 50_000, date: '2026-01-18' }));
    expect(dup2.status).toBe(409);
    expect(dup2.body.message).toContain(numbers.e1);

    const e2 = await c2.post(
      '/api/v1/assistance',
      entry(g2.id, people.p2, {
        campaignId: warmth,
        kind: 'condolence',
        amount: 80_050,
        goodsValue: 20_000,
        fundSource: 'government',
        date: '2026-01-16',
      }),
    );
    expect(e2.status).toBe(201);
    ids.e2 = e2.body.id;
    const noStudent = await c2.post(
      '/api/v1/assistance',
      entry(g2.id, people.p3, { campaignId: autumn, kind: 'education', amount: 500_000, date: '2026-05-10' }),
    );
    expect(noStudent.status).toBe(400);
    expect(noStudent.body.field).toBe('studentName');
    const outside = await c2.post(
      '/api/v1/assistance',
      entry(g2.id, people.p3, { campaignId: autumn, amount: 500_000, date: '2026-04-10' }),
    );
    expect(outside.status).toBe(400);
    expect(outside.body.field).toBe('date');
    const e5 = await c2.post(
      '/api/v1/assistance',
      entry(g2.id, people.p3, {
        campaignId: autumn,
        kind: 'education',
        amount: 500_000,
        fundSource: 'social',
        date: '2026-05-10',
        studentName: '小明',
        school: '某某大学',
        stage: 'college',
        admissionYear: 2025,
      }),
    );
    expect(e5.status).toBe(201);
    expect(e5.body.student).toEqual({ name: '小明', school: '某某大学', stage: 'college', admissionYear: 2025 });
    ids.e5 = e5.body.id;
    // Outside a campaign the union approves and pays its own assistance.
    const e4 = await c1.post('/api/v1/assistance', entry(g1.id, people.p1, { kind: 'medical', amount: 3_000_000, date: '2026-03-05' }));
    expect(e4.status).toBe(201);
    expect(e4.body.allowedActions).toEqual(['approve', 'cancel']);
    ids.e4 = e4.body.id;
    const e6 = await c1.post(
      '/api/v1/assistance',
      entry(g1.id, people.p4, { kind: 'temporary', amount: 100_000, fundSource: 'enterprise', date: '2026-04-01' }),
    );
    ids.e6 = e6.body.id;
    const e7 = await c1.post('/api/v1/assistance', entry(g1.id, people.p4, { amount: 10_000, date: '2026-04-05' }));
    ids.e7 = e7.body.id;
    const e8 = await c1.post('/api/v1/assistance', entry(g1.id, people.p2, { amount: 70_000, date: '2026-07-01' }));
    ids.e8 = e8.body.id;

    for (const [c, id, paidAt] of [
      [dc, ids.e1, '2026-01-20'],
      [dc, ids.e2, '2026-01-21'],
      [c1, ids.e4, '2026-03-10'],
      [dc, ids.e5, '2026-05-20'],
      [c1, ids.e6, '2026-04-02'],
      [c1, ids.e8, '2026-07-02'],
    ] as const) {
      expect((await act(c, id, 'approve')).status).toBe(200);
      const early = await act(c, id, 'pay', { paidAt: '2025-12-31' });
      expect(early.status).toBe(400);
      expect(early.body.field).toBe('paidAt');
      const paid = await act(c, id, 'pay', { paidAt });
      expect(paid.status).toBe(200);
      expect(paid.body).toMatchObject({ status: 'paid', paidAt });
    }
    const e1Detail = (await dc.get(`/api/v1/assistance/${ids.e1}`)).body;
    expect(e1Detail.steps.map((s: { action: string }) => s.action)).toEqual(['submit', 'approve', 'pay']);
    expect(e1Detail.allowedActions).toEqual(['reverse']);
    expect(e1Detail.ledgerEntryId).toEqual(expect.any(Number));
    // Reversed by a counter-entry, with a reason.
    expect((await act(c1, ids.e6, 'reverse')).status).toBe(400);
    const rev = await act(c1, ids.e6, 'reverse', { opinion: '重复发放，已退回' });
    expect(rev.status).toBe(200);
    expect(rev.body.status).toBe('reversed');
    const ledger = await t.owner.execute<{ amount_fen: string; reverses_entry_id: number | null }>(
      sql`SELECT amount_fen, reverses_entry_id FROM ledger_entries WHERE case_type = 'assistance' AND case_id = ${ids.e6} ORDER BY id`,
    );
    expect(ledger.rows.map((r) => Number(r.amount_fen))).toEqual([100_000, -100_000]);
  });

  it('counts paid entries by the day paid, leaving out the reversed one; money adds up in 元', async () => {
    const keys = 'assistance.times,assistance.people,assistance.amount,assistance.goods';
    const res = await dc.get(`/api/v1/stats?orgId=${district.id}&from=2026-01-01&to=2026-06-30&keys=${keys}`);
    expect(res.status).toBe(200);
    expect(res.body.values).toEqual({
      'assistance.times': {
        value: 4,
        breakdown: {
          kind: { condolence: 2, medical: 1, education: 1 },
          fundSource: { union: 2, government: 1, social: 1 },
          campaignKind: { warmth: 2, none: 1, golden_autumn: 1 },
        },
      },
      'assistance.people': { value: 3 },
      'assistance.amount': {
        value: 37000.5,
        breakdown: {
          kind: { condolence: 2000.5, medical: 30000, education: 5000 },
          fundSource: { union: 31200, government: 800.5, social: 5000 },
          campaignKind: { warmth: 2000.5, none: 30000, golden_autumn: 5000 },
        },
      },
      'assistance.goods': { value: 200, breakdown: { campaignKind: { warmth: 200 } } },
    });
    // Whole months read the month sums kept by the trigger; a period starting a day earlier (no payment that day)
    // sums the entries themselves: both give the same figures, breakdowns included.
    const byEntries = await dc.get(`/api/v1/stats?orgId=${district.id}&from=2025-12-31&to=2026-06-30&keys=${keys}`);
    expect(byEntries.body.values).toEqual(res.body.values);
    const sums = await t.owner.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM assistance_month_sums WHERE ancestor_id = ${district.id}`,
    );
    expect(sums.rows[0]?.n).toBeGreaterThan(0);
    const own = await c1.get(`/api/v1/stats?orgId=${g1.id}&from=2026-01-01&to=2026-12-31&keys=${keys}`);
    expect(own.body.values['assistance.times'].value).toBe(3);
    expect(own.body.values['assistance.amount'].value).toBe(31900);
  });

  it('shows a campaign’s budget used and remaining and each child’s submissions', async () => {
    const res = await dc.get(`/api/v1/campaigns/${warmth}`);
    expect(res.status).toBe(200);
    expect(res.body.funds.find((f: { fundSource: string }) => f.fundSource === 'union')).toMatchObject({
      budget: 5_000_000,
      used: 120_000,
      remaining: 4_880_000,
    });
    expect(res.body.funds.find((f: { fundSource: string }) => f.fundSource === 'government')).toMatchObject({
      used: 80_050,
      remaining: 1_919_950,
    });
    expect(res.body.totals).toMatchObject({ entries: 2, paid: 2, paidAmount: 200_050, goodsValue: 20_000 });
    expect(res.body.children).toEqual([
      expect.objectContaining({ orgId: s1.id, submitted: 1, paid: 1, paidAmount: 120_000 }),
      expect.objectContaining({ orgId: s2.id, submitted: 1, paid: 1, paidAmount: 80_050 }),
    ]);
  });

  it('drafts the 帮扶服务 sentences with every figure a token', async () => {
    const created = await dc.post('/api/v1/reports/work-summaries', { orgId: district.id, year: 2026, period: 'H1', asOf: '2026-06-30' });
    expect(created.status, logs.join('\n')).toBe(201);
    const doc = (await dc.get(`/api/v1/reports/work-summaries/${created.body.id}`)).body;
    const section = doc.sections.find((s: { heading: string }) => s.heading.includes('困难职工帮扶扎实有效'));
    expect(section).toBeDefined();
    expect(section.paragraphs).toEqual([
      '上半年累计帮扶困难职工4人次（3人），发放帮扶资金3.70万元，其中工会经费3.12万元、财政800.50元、社会捐助5000元；发放慰问物资折价200元。',
      '开展春节送温暖活动，慰问困难职工2人次，发放慰问金2000.50元，发放物资折价200元；金秋助学资助困难职工子女1名，发放助学金5000元。',
    ]);
    for (const p of section.source as string[]) expect(p.replace(/\{\{f\d+\}\}/g, '')).not.toMatch(/\d/);
    expect(renderFigureText('{{f1}}', [{ id: 'f1', value: 34560, unit: '万元' }])).toBe('3.46万元');
  });

  it('pays once under 20 parallel pay actions', async () => {
    const e = await c1.post(
      '/api/v1/assistance',
      entry(g1.id, newIdNumber('19800101'), { campaignId: warmth, amount: 30_000, date: '2026-02-01' }),
    );
    expect((await act(dc, e.body.id, 'approve')).status).toBe(200);
    const version = (await dc.get(`/api/v1/assistance/${e.body.id}`)).body.version;
    const results = await Promise.all(
      Array.from({ length: 20 }, () => dc.post(`/api/v1/assistance/${e.body.id}/actions/pay`, { version, paidAt: '2026-02-02' })),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status !== 200).every((r) => r.status === 409)).toBe(true);
    const rows = await t.owner.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM ledger_entries WHERE case_type = 'assistance' AND case_id = ${e.body.id}`,
    );
    expect(rows.rows[0]?.n).toBe(1);
  });

  it('keeps a grassroots cadre to its subtree', async () => {
    const list = await c2.get('/api/v1/assistance?pageSize=100');
    expect(list.status).toBe(200);
    expect(list.body.items.length).toBeGreaterThan(0);
    expect(list.body.items.every((i: { orgId: number }) => i.orgId === g2.id)).toBe(true);
    expect((await c2.get(`/api/v1/assistance/${ids.e1}`)).status).toBe(404);
    expect((await c2.get(`/api/v1/assistance?orgId=${g1.id}`)).status).toBe(404);
    expect((await c2.post('/api/v1/assistance', entry(g1.id, newIdNumber(), { amount: 100, date: '2026-03-01' }))).status).toBe(404);
    const filtered = await dc.get(`/api/v1/assistance?orgId=${district.id}&campaignId=${warmth}&status=paid&kind=condolence`);
    expect(filtered.body.items.map((i: { id: number }) => i.id).sort()).toEqual([ids.e1, ids.e2].sort());
    const byFund = await dc.get(`/api/v1/assistance?orgId=${district.id}&fundSource=government`);
    expect(byFund.body.items.map((i: { id: number }) => i.id)).toEqual([ids.e2]);
    // The campaign detail from below shows no other union's line.
    const seen = await c2.get(`/api/v1/campaigns/${warmth}`);
    expect(seen.body.children).toEqual([expect.objectContaining({ orgId: s2.id, submitted: 1 })]);
  });

  // Last: it moves g1. Entries carry their org's path, which must follow the move in the same transaction.
  it('follows a union moved to another street: statistics, campaign lines and scope', async () => {
    const before = await dc.get(`/api/v1/campaigns/${warmth}`);
    const s1Before = before.body.children.find((c: { orgId: number }) => c.orgId === s1.id);
    const s2Before = before.body.children.find((c: { orgId: number }) => c.orgId === s2.id);
    const moved = await dc.post(`/api/v1/orgs/${g1.id}/events`, { type: 'move', date: '2026-07-01', newParentId: s2.id });
    expect(moved.status).toBe(201);
    const after = await dc.get(`/api/v1/campaigns/${warmth}`);
    const s2After = after.body.children.find((c: { orgId: number }) => c.orgId === s2.id);
    expect(after.body.children.find((c: { orgId: number }) => c.orgId === s1.id).submitted).toBe(0);
    expect(s2After.submitted).toBe(s1Before.submitted + s2Before.submitted);
    const keys = 'assistance.times,assistance.amount';
    const street = await dc.get(`/api/v1/stats?orgId=${s2.id}&from=2026-01-01&to=2026-12-31&keys=${keys}`);
    const union = await dc.get(`/api/v1/stats?orgId=${g1.id}&from=2026-01-01&to=2026-12-31&keys=${keys}`);
    expect(union.body.values['assistance.times'].value).toBeGreaterThan(0);
    const g2Only = await dc.get(`/api/v1/stats?orgId=${g2.id}&from=2026-01-01&to=2026-12-31&keys=${keys}`);
    expect(street.body.values['assistance.times'].value).toBe(
      union.body.values['assistance.times'].value + g2Only.body.values['assistance.times'].value,
    );
    // The month sums followed the move: the same figures as summing the moved entries themselves.
    for (const org of [s1, s2, district]) {
      const months = await dc.get(`/api/v1/stats?orgId=${org.id}&from=2026-01-01&to=2026-12-31&keys=${keys}`);
      const days = await dc.get(`/api/v1/stats?orgId=${org.id}&from=2025-12-31&to=2026-12-31&keys=${keys}`);
      expect(months.body.values).toEqual(days.body.values);
    }
    // A cadre of the new street sees the moved union's entries; one of the old street no longer does.
    const s2c = await login(s2);
    const s1c = await login(s1);
    expect((await s2c.get(`/api/v1/assistance/${ids.e1}`)).status).toBe(200);
    expect((await s1c.get(`/api/v1/assistance/${ids.e1}`)).status).toBe(404);
    const listed = await s2c.get(`/api/v1/assistance?orgId=${g1.id}&pageSize=100`);
    expect(listed.body.items.map((i: { id: number }) => i.id)).toContain(ids.e1);
  });
});
