// 医疗互助 through the API: a district's plan with two classes, quotas for its streets, enrolments of units (by
// headcount and by a member list), claims through verify → review → pay — one payout refused over the member's
// yearly ceiling (the message names what is left), one payout edited with a reason, one rejected — then exact
// indicators and the 互助保障 sentence. Health data, scope and concurrency: mutual-aid.guard.test.ts.
import { beforeAll, describe, expect, it } from 'vitest';
import { engines, type TestDb } from '../../test/db.ts';
import type { Client } from '../../test/http.ts';
import { makeOrg, uniq, type OrgRef } from '../../test/factories.ts';
import { summaryDocxText } from '../../test/docx.ts';
import { useTestApp } from '../../test/suite.ts';
import type { HttpApp } from '../../platform/http/index.ts';
import { mutualAidKit } from './mutual-aid.testkit.ts';

describe.each(engines())('mutual aid on %s', (engine) => {
  let t: TestDb;
  let app: HttpApp;
  let district: OrgRef;
  let s1: OrgRef;
  let s2: OrgRef;
  let g1: OrgRef;
  let g2: OrgRef;
  let g3: OrgRef;
  let dc: Client;
  let c1: Client;
  let c2: Client;
  let planId: number;
  const m = {} as Record<'m1' | 'm2' | 'm3' | 'm4' | 'm5', number>;
  const k = {} as Record<'k1' | 'k2' | 'k3' | 'k4' | 'k5', number>;

  const logs: string[] = [];
  useTestApp(engine, (s) => ({ t, app } = s), { logLevel: 'error', logStream: { write: (l: string) => void logs.push(l) } });

  const kit = mutualAidKit(() => ({ t, app }));
  const { login, act, member } = kit;
  const claim = (c: Client, o: Record<string, unknown>) => kit.claim(c, planId, o);

  beforeAll(async () => {
    district = await makeOrg(t.db, t.rootOrgId, { level: 'district', name: uniq('互助区总') });
    s1 = await makeOrg(t.db, district, { level: 'street', name: uniq('互助甲街道') });
    s2 = await makeOrg(t.db, district, { level: 'street', name: uniq('互助乙街道') });
    g1 = await makeOrg(t.db, s1, { level: 'grassroots', name: uniq('互助基层甲') });
    g2 = await makeOrg(t.db, s2, { level: 'grassroots', name: uniq('互助基层乙') });
    g3 = await makeOrg(t.db, s1, { level: 'grassroots', name: uniq('互助基层丙') });
    [dc, c1, c2] = await Promise.all([login(district), login(g1), login(g2)]);
    m.m1 = await member(c1, g1.id, '张互助');
    m.m2 = await member(c1, g1.id, '李互助');
    m.m3 = await member(c1, g1.id, '王退休');
    m.m5 = await member(c1, g1.id, '赵未保');
    m.m4 = await member(c2, g2.id, '钱互助');
  });

  it('sets up a plan once per org and year, with quotas for the streets', async () => {
    const classes = [
      { code: 'active', premium: 12_000, perClaimCap: 300_000, yearlyCap: 500_000 },
      { code: 'retired', premium: 3_000, perClaimCap: 200_000, yearlyCap: 300_000, ratio: 8_000 },
    ];
    const res = await dc.post('/api/v1/mutual-aid/plans', { orgId: district.id, year: 2026, classes });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.classes.map((c: { label: string }) => c.label)).toEqual(['在职职工', '退休职工']);
    planId = res.body.id;
    const again = await dc.post('/api/v1/mutual-aid/plans', { orgId: district.id, year: 2026, classes });
    expect(again.status).toBe(409);
    expect(again.body.message).toContain('本年度已设立');
    const bad = await dc.post('/api/v1/mutual-aid/plans', {
      orgId: district.id,
      year: 2027,
      classes: [{ code: 'active', premium: 100, perClaimCap: 500, yearlyCap: 100 }],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('单次报销限额');
    expect((await c1.post('/api/v1/mutual-aid/plans', { orgId: district.id, year: 2027, classes })).status).toBe(404);

    const q1 = await dc.put(`/api/v1/mutual-aid/plans/${planId}/quotas`, {
      orgId: s1.id,
      quotas: [
        { classCode: 'active', headcount: 100 },
        { classCode: 'retired', headcount: 20 },
      ],
    });
    expect(q1.status, JSON.stringify(q1.body)).toBe(200);
    expect(
      (await dc.put(`/api/v1/mutual-aid/plans/${planId}/quotas`, { orgId: s2.id, quotas: [{ classCode: 'active', headcount: 50 }] }))
        .status,
    ).toBe(200);
    const notChild = await dc.put(`/api/v1/mutual-aid/plans/${planId}/quotas`, {
      orgId: g1.id,
      quotas: [{ classCode: 'active', headcount: 5 }],
    });
    expect(notChild.status).toBe(400);
    expect(notChild.body.field).toBe('orgId');
  });

  it('enrols units by headcount and by member list, with the premium due and paid', async () => {
    const e1 = await c1.post('/api/v1/mutual-aid/enrolments', {
      planId,
      orgId: g1.id,
      classCode: 'active',
      headcount: 80,
      enrolledAt: '2026-01-15',
    });
    expect(e1.status, JSON.stringify(e1.body)).toBe(201);
    expect(e1.body).toMatchObject({ headcount: 80, premiumDue: 960_000, premiumPaid: 960_000, premiumDueText: '9,600.00元' });
    const e2 = await c1.post('/api/v1/mutual-aid/enrolments', {
      planId,
      orgId: g1.id,
      classCode: 'retired',
      memberIds: [m.m3],
      enrolledAt: '2026-01-15',
    });
    expect(e2.status, JSON.stringify(e2.body)).toBe(201);
    expect(e2.body).toMatchObject({ headcount: 1, memberCount: 1, premiumDue: 3_000 });
    const e3 = await c2.post('/api/v1/mutual-aid/enrolments', {
      planId,
      orgId: g2.id,
      classCode: 'active',
      headcount: 40,
      enrolledAt: '2026-03-01',
      premiumPaid: 300_000,
    });
    expect(e3.status).toBe(201);
    const paid = await c2.put(`/api/v1/mutual-aid/enrolments/${e3.body.id}/premium`, { premiumPaid: 400_000, paidAt: '2026-03-20' });
    expect(paid.status, JSON.stringify(paid.body)).toBe(200);
    expect(paid.body).toMatchObject({ premiumDue: 480_000, premiumPaid: 400_000, paidAt: '2026-03-20' });
    // After the half year: not counted in H1.
    expect(
      (
        await dc.post('/api/v1/mutual-aid/enrolments', {
          planId,
          orgId: g3.id,
          classCode: 'active',
          headcount: 10,
          enrolledAt: '2026-07-10',
        })
      ).status,
    ).toBe(201);

    const dup = await c1.post('/api/v1/mutual-aid/enrolments', {
      planId,
      orgId: g1.id,
      classCode: 'active',
      headcount: 5,
      enrolledAt: '2026-02-01',
    });
    expect(dup.status).toBe(409);
    expect(dup.body.field).toBe('classCode');
    const wrongYear = await c1.post('/api/v1/mutual-aid/enrolments', {
      planId,
      orgId: g1.id,
      classCode: 'female',
      headcount: 5,
      enrolledAt: '2026-02-01',
    });
    expect(wrongYear.status).toBe(400);
    expect(wrongYear.body.message).toContain('女职工安康');
    const strange = await c1.post('/api/v1/mutual-aid/enrolments', {
      planId,
      orgId: g1.id,
      classCode: 'retired',
      memberIds: [m.m4],
      enrolledAt: '2026-02-01',
    });
    expect(strange.status).toBe(400);
    expect(strange.body.message).toContain('参保名单');
    expect(
      (
        await c2.post('/api/v1/mutual-aid/enrolments', {
          planId,
          orgId: g1.id,
          classCode: 'active',
          headcount: 1,
          enrolledAt: '2026-02-01',
        })
      ).status,
    ).toBe(404);

    const plan = await dc.get(`/api/v1/mutual-aid/plans/${planId}`);
    expect(plan.status).toBe(200);
    expect(plan.body.totals).toMatchObject({ units: 3, headcount: 131, premiumPaid: 960_000 + 3_000 + 400_000 + 120_000 });
    expect(plan.body.children).toEqual([
      { orgId: s1.id, name: s1.name, quota: { active: 100, retired: 20 }, enrolled: { active: 90, retired: 1 } },
      { orgId: s2.id, name: s2.name, quota: { active: 50 }, enrolled: { active: 40 } },
    ]);
    // A grassroots union sees its ancestor's plan, and only its own line.
    const below = await c2.get(`/api/v1/mutual-aid/plans/${planId}`);
    expect(below.status).toBe(200);
    expect(below.body.children).toEqual([{ orgId: s2.id, name: s2.name, quota: { active: 50 }, enrolled: { active: 40 } }]);
  });

  it('runs claims through verify → review → pay, enforcing the yearly ceiling across claims', async () => {
    const r1 = await claim(c1, { memberId: m.m1, invoiceTotal: 350_000 });
    expect(r1.status, JSON.stringify(r1.body)).toBe(201);
    expect(r1.body.number).toMatch(/^HZ-\d{4}-\d{6}$/);
    expect(r1.body).toMatchObject({
      status: 'submitted',
      computedPayout: 300_000,
      remaining: 500_000,
      allowedActions: ['verify', 'reject'],
    });
    k.k1 = r1.body.id;
    expect((await act(c1, k.k1, 'review')).status).toBe(404);
    expect((await act(c1, k.k1, 'verify')).status).toBe(200);
    const rv = await act(dc, k.k1, 'review');
    expect(rv.status, JSON.stringify(rv.body)).toBe(200);
    expect(rv.body).toMatchObject({ status: 'reviewed', payout: 300_000, payoutReason: null });
    const early = await act(dc, k.k1, 'pay', { paidAt: '2025-12-31' });
    expect(early.status).toBe(400);
    expect(early.body.field).toBe('paidAt');
    const p1 = await act(dc, k.k1, 'pay', { paidAt: '2026-03-10' });
    expect(p1.status).toBe(200);
    expect(p1.body).toMatchObject({ status: 'paid', paidAt: '2026-03-10', ledgerEntryId: expect.any(Number), remaining: 200_000 });
    expect(p1.body.steps.map((s: { action: string }) => s.action)).toEqual(['submit', 'verify', 'review', 'pay']);

    // 2,000.00 元 left of the member's 5,000.00 元 this year.
    const r2 = await claim(c1, { memberId: m.m1, kind: 'outpatient_chronic', invoiceTotal: 250_000 });
    expect(r2.status).toBe(201);
    expect(r2.body).toMatchObject({ computedPayout: 200_000, remaining: 200_000 });
    k.k2 = r2.body.id;
    expect((await act(c1, k.k2, 'verify')).status).toBe(200);
    const over = await act(dc, k.k2, 'review', { payout: 250_000, reason: '按发票全额' });
    expect(over.status).toBe(409);
    expect(over.body.message).toBe('超出年度互助限额，本年度剩余可报销 2,000.00 元');
    const noReason = await act(dc, k.k2, 'review', { payout: 150_000 });
    expect(noReason.status).toBe(400);
    expect(noReason.body.field).toBe('reason');
    expect(noReason.body.message).toContain('调整理由');
    const edited = await act(dc, k.k2, 'review', { payout: 150_000, reason: '部分药品不在互助报销范围' });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect(edited.body).toMatchObject({ payout: 150_000, payoutReason: '部分药品不在互助报销范围' });
    expect(edited.body.steps.at(-1).opinion).toContain('部分药品不在互助报销范围');
    expect((await act(dc, k.k2, 'pay', { paidAt: '2026-04-20' })).status).toBe(200);

    // 500.00 元 left: a third claim is taken and capped, then rejected at verify with an opinion.
    const r3 = await claim(c1, { memberId: m.m1, invoiceTotal: 100_000 });
    expect(r3.body).toMatchObject({ computedPayout: 50_000, remaining: 50_000 });
    k.k3 = r3.body.id;
    expect((await act(c1, k.k3, 'reject')).status).toBe(400);
    const rej = await act(c1, k.k3, 'reject', { opinion: '发票与病历不符' });
    expect(rej.status).toBe(200);
    expect(rej.body.status).toBe('rejected');

    // The retired class pays 80% of the invoice; a member not on its list is refused.
    const notListed = await claim(c1, { memberId: m.m5, classCode: 'retired', invoiceTotal: 100_000 });
    expect(notListed.status).toBe(409);
    expect(notListed.body.message).toContain('未参加本计划「退休职工」类别');
    const r4 = await claim(c1, { memberId: m.m3, classCode: 'retired', invoiceTotal: 100_000 });
    expect(r4.body.computedPayout).toBe(80_000);
    k.k4 = r4.body.id;
    const r5 = await claim(c2, { memberId: m.m4, kind: 'accident', invoiceTotal: 12_345 });
    expect(r5.status).toBe(201);
    k.k5 = r5.body.id;
    for (const [c, id, paidAt] of [
      [c1, k.k4, '2026-05-08'],
      [c2, k.k5, '2026-06-30'],
    ] as const) {
      expect((await act(c, id, 'verify')).status).toBe(200);
      expect((await act(dc, id, 'review')).status).toBe(200);
      expect((await act(dc, id, 'pay', { paidAt })).status).toBe(200);
    }
  });

  it('counts H1 enrolments as of 6月30日 and claims by the day paid; breakdowns add up', async () => {
    const keys = 'mutual_aid.units,mutual_aid.members,mutual_aid.premium,mutual_aid.claims,mutual_aid.paid';
    const res = await dc.get(`/api/v1/stats?orgId=${district.id}&from=2026-01-01&to=2026-06-30&keys=${keys}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.values).toEqual({
      'mutual_aid.units': { value: 2 },
      'mutual_aid.members': { value: 121, breakdown: { class: { active: 120, retired: 1 } } },
      'mutual_aid.premium': { value: 13630, breakdown: { class: { active: 13600, retired: 30 } } },
      'mutual_aid.claims': {
        value: 4,
        breakdown: { class: { active: 3, retired: 1 }, kind: { inpatient: 2, outpatient_chronic: 1, accident: 1 } },
      },
      'mutual_aid.paid': {
        value: 5423.45,
        breakdown: { class: { active: 4623.45, retired: 800 }, kind: { inpatient: 3800, outpatient_chronic: 1500, accident: 123.45 } },
      },
    });
    const own = await c2.get(`/api/v1/stats?orgId=${g2.id}&from=2026-01-01&to=2026-06-30&keys=${keys}`);
    expect(own.body.values['mutual_aid.members'].value).toBe(40);
    expect(own.body.values['mutual_aid.paid'].value).toBe(123.45);
  });

  it('drafts the 互助保障 sentence with every figure a token', async () => {
    const created = await dc.post('/api/v1/reports/work-summaries', { orgId: district.id, year: 2026, period: 'H1', asOf: '2026-06-30' });
    expect(created.status).toBe(201);
    const doc = (await dc.get(`/api/v1/reports/work-summaries/${created.body.id}`)).body;
    const section = doc.sections.find((s: { heading: string }) => s.heading.includes('医疗互助'));
    expect(section).toBeDefined();
    expect(section.paragraphs).toEqual(['全区2家单位121名职工参加医疗互助，缴纳互助金1.36万元；为4人次职工报销医疗费用5423.45元。']);
    for (const p of section.source as string[]) expect(p.replace(/\{\{f\d+\}\}/g, '')).not.toMatch(/\d/);
    // The downloaded .docx, as LibreOffice reads it, carries the same sentences.
    const docText = (await summaryDocxText(app, dc, created.body.id)).replace(/\s+/g, '');
    for (const p of section.paragraphs as string[]) expect(docText).toContain(p.replace(/\s+/g, ''));
  });
});
