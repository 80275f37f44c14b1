// 医疗互助 guards through the API: the diagnosis never leaves the server without mutual_aid:view_health (answers,
// lists, the xlsx export, logs) and every view with it is audited; a claim is refused once the member's yearly
// ceiling is used up; Chinese field errors, stale versions (409), other subtrees (404) and missing permissions (403);
// 20 parallel pays write one ledger entry.
import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { engines, type TestDb } from '../../test/db.ts';
import type { Client } from '../../test/http.ts';
import { makeOrg, uniq, type OrgRef } from '../../test/factories.ts';
import { useTestApp } from '../../test/suite.ts';
import type { HttpApp } from '../../platform/http/index.ts';
import { claimUrl, DIAGNOSIS, mutualAidKit } from './mutual-aid.testkit.ts';

describe.each(engines())('mutual aid guards on %s', (engine) => {
  let t: TestDb;
  let app: HttpApp;
  let district: OrgRef;
  let g1: OrgRef;
  let dc: Client;
  let c1: Client;
  let c2: Client;
  let health: Client;
  let reader: Client;
  let planId: number;
  const m = {} as Record<'m1' | 'm2' | 'm3' | 'm4', number>;
  const k = {} as Record<'k1' | 'k3', number>;

  const logs: string[] = [];
  useTestApp(engine, (s) => ({ t, app } = s), { logLevel: 'info', logStream: { write: (l: string) => void logs.push(l) } });
  const kit = mutualAidKit(() => ({ t, app }));
  const { login, role, act, member } = kit;
  const url = claimUrl;
  const claim = (c: Client, o: Record<string, unknown>) => kit.claim(c, planId, o);
  const auditCount = async () => {
    const r = await t.owner.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM audit_events WHERE action = 'mutual_aid.view_health'`,
    );
    return r.rows[0]?.n ?? 0;
  };

  beforeAll(async () => {
    district = await makeOrg(t.db, t.rootOrgId, { level: 'district', name: uniq('互助守护区总') });
    const s1 = await makeOrg(t.db, district, { level: 'street', name: uniq('守护甲街道') });
    const s2 = await makeOrg(t.db, district, { level: 'street', name: uniq('守护乙街道') });
    g1 = await makeOrg(t.db, s1, { level: 'grassroots', name: uniq('守护基层甲') });
    const g2 = await makeOrg(t.db, s2, { level: 'grassroots', name: uniq('守护基层乙') });
    const healthRole = await role(['mutual_aid:read', 'mutual_aid:view_health']);
    const readRole = await role(['mutual_aid:read']);
    [dc, c1, c2, health, reader] = await Promise.all([
      login(district),
      login(g1),
      login(g2),
      login(district, [healthRole]),
      login(district, [readRole]),
    ]);
    const classes = [{ code: 'active', premium: 12_000, perClaimCap: 300_000, yearlyCap: 500_000 }];
    const plan = await dc.post('/api/v1/mutual-aid/plans', { orgId: district.id, year: 2026, classes });
    expect(plan.status).toBe(201);
    planId = plan.body.id;
    for (const [c, org] of [
      [c1, g1],
      [c2, g2],
    ] as const) {
      const e = await c.post('/api/v1/mutual-aid/enrolments', {
        planId,
        orgId: org.id,
        classCode: 'active',
        headcount: 20,
        enrolledAt: '2026-01-15',
      });
      expect(e.status).toBe(201);
    }
    m.m1 = await member(c1, g1.id, '张互助');
    m.m2 = await member(c1, g1.id, '李互助');
    m.m3 = await member(c1, g1.id, '王互助');
    m.m4 = await member(c2, g2.id, '钱互助');
    k.k1 = (await claim(c1, { memberId: m.m1, invoiceTotal: 350_000 })).body.id;
    expect((await act(c1, k.k1, 'verify')).status).toBe(200);
    expect((await act(dc, k.k1, 'review')).status).toBe(200);
    expect((await act(dc, k.k1, 'pay', { paidAt: '2026-03-10' })).status).toBe(200);
    k.k3 = (await claim(c1, { memberId: m.m3, invoiceTotal: 10_000 })).body.id;
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

  it('keeps the diagnosis out of answers, lists, exports and logs without mutual_aid:view_health', async () => {
    const detail = await c1.get(url(k.k1));
    expect(detail.status).toBe(200);
    expect(detail.body).not.toHaveProperty('diagnosis');
    const list = await dc.get(`/api/v1/mutual-aid/claims?orgId=${district.id}&pageSize=100`);
    expect(list.body.total).toBeGreaterThanOrEqual(2);
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
    expect((await act(c2, k.k3, 'verify')).status).toBe(404);
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
