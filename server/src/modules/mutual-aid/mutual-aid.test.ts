// 医疗互助 through the API: a district's plan with two classes, quotas for its streets, enrolments of units (by
// headcount and by a member list), claims through verify → review → pay — one payout refused over the member's
// yearly ceiling (the message names what is left), one payout edited with a reason, one rejected — then exact
// indicators and the 互助保障 sentence; the diagnosis never leaves without mutual_aid:view_health; 20 parallel pays
// write one ledger entry; scope, permission, field errors and stale versions.
import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { engines, type TestDb } from '../../test/db.ts';
import { loginAs, type Client } from '../../test/http.ts';
import { makeOrg, makeUser, newIdNumber, PASSWORD, uniq, type OrgRef } from '../../test/factories.ts';
import { useTestApp } from '../../test/suite.ts';
import { roles } from '../../platform/db/index.ts';
import type { HttpApp } from '../../platform/http/index.ts';

const DIAGNOSIS = '急性心肌梗死（保密诊断）';

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
  let health: Client;
  let reader: Client;
  let planId: number;
  const m = {} as Record<'m1' | 'm2' | 'm3' | 'm4' | 'm5', number>;
  const k = {} as Record<'k1' | 'k2' | 'k3' | 'k4' | 'k5', number>;

  const logs: string[] = [];
  useTestApp(engine, (s) => ({ t, app } = s), { logLevel: 'info', logStream: { write: (l: string) => void logs.push(l) } });

  const login = async (org: OrgRef, roleKeys = ['org_admin']) => {
    const u = await makeUser(t.db, org.id, roleKeys);
    return loginAs(app, u.username, PASSWORD);
  };
  const role = async (permissions: string[]) => {
    const key = uniq('r_ma').toLowerCase().slice(0, 30);
    await t.db.insert(roles).values({ key, name: uniq('互助测试角色'), permissions });
    return key;
  };
  const url = (id: number) => `/api/v1/mutual-aid/claims/${id}`;
  const act = async (c: Client, id: number, action: string, extra: Record<string, unknown> = {}) => {
    const cur = await c.get(url(id));
    return c.post(`${url(id)}/actions/${action}`, { version: cur.body.version, ...extra });
  };
  const member = async (c: Client, orgId: number, name: string) => {
    const res = await c.post('/api/v1/members', { orgId, name, idNumber: newIdNumber(), joinedAt: '2020-01-01' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.id as number;
  };
  const claim = (c: Client, o: Record<string, unknown>) =>
    c.post('/api/v1/mutual-aid/claims', { planId, classCode: 'active', kind: 'inpatient', diagnosis: DIAGNOSIS, ...o });
  const auditCount = async () => {
    const r = await t.owner.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM audit_events WHERE action = 'mutual_aid.view_health'`,
    );
    return r.rows[0]?.n ?? 0;
  };

  beforeAll(async () => {
    district = await makeOrg(t.db, t.rootOrgId, { level: 'district', name: uniq('互助区总') });
    s1 = await makeOrg(t.db, district, { level: 'street', name: uniq('互助甲街道') });
    s2 = await makeOrg(t.db, district, { level: 'street', name: uniq('互助乙街道') });
    g1 = await makeOrg(t.db, s1, { level: 'grassroots', name: uniq('互助基层甲') });
    g2 = await makeOrg(t.db, s2, { level: 'grassroots', name: uniq('互助基层乙') });
    g3 = await makeOrg(t.db, s1, { level: 'grassroots', name: uniq('互助基层丙') });
    const healthRole = await role(['mutual_aid:read', 'mutual_aid:view_health']);
    const readRole = await role(['mutual_aid:read']);
    [dc, c1, c2, health, reader] = await Promise.all([
      login(district),
      login(g1),
      login(g2),
      login(district, [healthRole]),
      login(district, [readRole]),
    ]);
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

  it('refuses a claim when the yearly ceiling is used up, naming what is left', async () => {
    const id = await member(c1, g1.id, '孙用尽');
    const first = await claim(c1, { memberId: id, invoiceTotal: 300_000 });
    await act(c1, first.body.id, 'verify');
    await act(dc, first.body.id, 'review');
    const second = await claim(c1, { memberId: id, invoiceTotal: 300_000 });
    await act(c1, second.body.id, 'verify');
    expect((await act(dc, second.body.id, 'review')).body.payout).toBe(200_000);
    const third = await claim(c1, { memberId: id, invoiceTotal: 10_000 });
    expect(third.status).toBe(409);
    expect(third.body.message).toBe('超出年度互助限额，本年度剩余可报销 0.00 元');
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
  });

  it('keeps the diagnosis out of answers, lists, exports and logs without mutual_aid:view_health', async () => {
    const detail = await c1.get(url(k.k1));
    expect(detail.status).toBe(200);
    expect(detail.body).not.toHaveProperty('diagnosis');
    const list = await dc.get(`/api/v1/mutual-aid/claims?orgId=${district.id}&pageSize=100`);
    expect(list.body.total).toBeGreaterThanOrEqual(5);
    expect(JSON.stringify(list.body)).not.toContain('心肌梗死');
    const cookie = Object.entries(dc.cookies)
      .map(([key, v]) => `${key}=${v}`)
      .join('; ');
    const x = await app.inject({ method: 'GET', url: `/api/v1/mutual-aid/claims/export?orgId=${district.id}`, headers: { cookie } });
    expect(x.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
    const cells: string[] = [];
    wb.worksheets[0]?.eachRow((row) => cells.push(JSON.stringify(row.values)));
    expect(cells[0]).toContain('身份证号');
    expect(cells.join('\n')).not.toContain('心肌梗死');
    expect(cells.join('\n')).toContain('张互助');
    expect(cells.join('\n')).toMatch(/\d{3}\*{11}[\dX]{4}/);
    const stored = await t.owner.execute<{ d: string }>(sql`SELECT diagnosis_cipher AS d FROM mutual_aid_claims WHERE id = ${k.k1}`);
    expect(stored.rows[0]?.d).not.toContain('心肌梗死');
    expect((await reader.post(`${url(k.k1)}/health`, { reason: '核对病历' })).status).toBe(403);
    expect(logs.join('\n')).not.toContain('心肌梗死');
  });

  it('shows the diagnosis to holders of mutual_aid:view_health, audited each time', async () => {
    const before = await auditCount();
    const detail = await health.get(url(k.k1));
    expect(detail.status).toBe(200);
    expect(detail.body.diagnosis).toBe(DIAGNOSIS);
    expect(await auditCount()).toBe(before + 1);
    const noReason = await health.post(`${url(k.k1)}/health`, {});
    expect(noReason.status).toBe(400);
    expect(noReason.body.message).toContain('查看原因');
    const shown = await health.post(`${url(k.k1)}/health`, { reason: '复核报销材料' });
    expect(shown.status).toBe(200);
    expect(shown.body).toEqual({ diagnosis: DIAGNOSIS });
    expect(await auditCount()).toBe(before + 2);
    // A holder's list is as masked as anyone's.
    expect(JSON.stringify((await health.get(`/api/v1/mutual-aid/claims?orgId=${district.id}`)).body)).not.toContain('心肌梗死');
  });

  it('answers field errors in Chinese, 409 on a stale version, 404 outside the subtree and 403 without the permission', async () => {
    const zero = await claim(c1, { memberId: m.m2, invoiceTotal: 0 });
    expect(zero.status).toBe(400);
    expect(zero.body.message).toContain('发票金额');
    const empty = await claim(c1, { memberId: m.m2, invoiceTotal: 100, diagnosis: '' });
    expect(empty.status).toBe(400);
    expect(empty.body.message).toContain('诊断');
    const kind = await claim(c1, { memberId: m.m2, invoiceTotal: 100, kind: 'dental' });
    expect(kind.status).toBe(400);
    expect(kind.body.message).toContain('报销类型');

    const r = await claim(c1, { memberId: m.m2, invoiceTotal: 20_000 });
    const stale = r.body.version as number;
    expect((await act(c1, r.body.id, 'verify')).status).toBe(200);
    const again = await c1.post(`${url(r.body.id)}/actions/verify`, { version: stale });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('CASE_STALE');

    expect((await c2.get(url(k.k1))).status).toBe(404);
    expect((await act(c2, k.k4, 'verify')).status).toBe(404);
    expect((await claim(c2, { memberId: m.m1, invoiceTotal: 100 })).status).toBe(404);
    const denied = await reader.post(`${url(r.body.id)}/actions/review`, { version: stale + 1 });
    expect(denied.status).toBe(403);
    expect((await reader.post('/api/v1/mutual-aid/plans', { orgId: district.id, year: 2030, classes: [] })).status).toBe(403);
    // The grassroots side cannot reject once the claim waits for review.
    expect((await act(c1, r.body.id, 'reject', { opinion: '撤回申请' })).status).toBe(404);
  });

  it('pays once under 20 parallel pay actions', async () => {
    const r = await claim(c1, { memberId: m.m2, invoiceTotal: 30_000 });
    await act(c1, r.body.id, 'verify');
    await act(dc, r.body.id, 'review');
    const version = (await dc.get(url(r.body.id))).body.version;
    const results = await Promise.all(
      Array.from({ length: 20 }, () => dc.post(`${url(r.body.id)}/actions/pay`, { version, paidAt: '2026-07-02' })),
    );
    expect(results.filter((x) => x.status === 200)).toHaveLength(1);
    expect(results.filter((x) => x.status !== 200).every((x) => x.status === 409)).toBe(true);
    const rows = await t.owner.execute<{ n: number; amount: string }>(
      sql`SELECT count(*)::int AS n, sum(amount_fen)::text AS amount FROM ledger_entries WHERE case_type = 'mutual_aid_claim' AND case_id = ${r.body.id}`,
    );
    expect(rows.rows[0]).toMatchObject({ n: 1, amount: '30000' });
  });
});
