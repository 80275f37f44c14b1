// The 维权 roster and 工伤探视 through the API: lawyers and mediators kept by an org, seen and called on from below but
// changed only within the subtree; an injury report's to-do due in 3 working days, masked name and ID number with the
// audited reveal, the visit's Chinese field errors, 20 parallel visits paying once, a stale version answering 409,
// and the exports of rights cases (masked, the parties' narrative never in it) and of injury reports (masked).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { engines, openTestDb, type TestDb } from '../../test/db.ts';
import { buildTestApp, loginAs, type Client } from '../../test/http.ts';
import { makeOrg, makeUser, newIdNumber, PASSWORD, uniq, type OrgRef } from '../../test/factories.ts';
import { rawRequest } from '../../test/imports.ts';
import type { HttpApp } from '../../platform/http/index.ts';

describe.each(engines())('roster and injury reports on %s', (engine) => {
  let t: TestDb;
  let app: HttpApp;
  let district: OrgRef;
  let g1: OrgRef;
  let g2: OrgRef;
  let dc: Client;
  let c1: Client;
  let c2: Client;
  let privacy: Client;

  beforeAll(async () => {
    t = await openTestDb(engine);
    app = await buildTestApp(t.db);
    district = await makeOrg(t.db, t.rootOrgId, { level: 'district', name: uniq('探视区总') });
    const street = await makeOrg(t.db, district, { level: 'street' });
    g1 = await makeOrg(t.db, street, { level: 'grassroots' });
    g2 = await makeOrg(t.db, street, { level: 'grassroots' });
    const login = async (org: OrgRef, roles = ['org_admin']) => loginAs(app, (await makeUser(t.db, org.id, roles)).username, PASSWORD);
    [dc, c1, c2, privacy] = await Promise.all([login(district), login(g1), login(g2), login(district, ['privacy_officer'])]);
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  const visit = (c: Client, id: number, version: number, body: Record<string, unknown>) =>
    c.post(`/api/v1/injury-reports/${id}/actions/visit`, { version, ...body });

  it('keeps a roster of lawyers and mediators that lower unions call on but do not change', async () => {
    const l = await dc.post('/api/v1/rights-roster', {
      orgId: district.id,
      name: '陈律师',
      role: 'lawyer',
      firm: '某某律师事务所',
      phone: '13800138000',
    });
    expect(l.status).toBe(201);
    expect(l.body).toMatchObject({ name: '陈律师', role: 'lawyer', phone: '138****8000', org: { id: district.id } });
    const lawyer = l.body.id as number;
    const seen = await c1.get('/api/v1/rights-roster');
    expect(seen.body.items).toEqual([expect.objectContaining({ id: lawyer, org: { id: district.id, name: district.name } })]);
    expect((await c1.patch(`/api/v1/rights-roster/${lawyer}`, { firm: '别的所' })).status).toBe(404);
    const m = await c2.post('/api/v1/rights-roster', { orgId: g2.id, name: '李调解', role: 'mediator' });
    expect((await dc.patch(`/api/v1/rights-roster/${m.body.id}`, { firm: '街道调解中心' })).body.firm).toBe('街道调解中心');
    expect((await dc.request('DELETE', `/api/v1/rights-roster/${m.body.id}`)).status).toBe(204);
    expect((await c2.get('/api/v1/rights-roster')).body.items.map((x: { id: number }) => x.id)).toEqual([lawyer]);
    const bad = await dc.post('/api/v1/rights-roster', { orgId: district.id, name: '', role: 'judge' });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/姓名|身份/);
  });

  it('reports an injury as a to-do due in 3 working days, masked, revealed only with a reason', async () => {
    const idNumber = newIdNumber('19850101');
    const r = await c1.post('/api/v1/injury-reports', {
      orgId: g1.id,
      name: '钱受伤',
      idNumber,
      employerName: '某某厂',
      injuredAt: '2026-11-30',
      severity: 'serious',
    });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ name: '钱*伤', status: 'reported' });
    expect(r.body.idNumber).toMatch(/^\d{3}\*+\d{3}[\dX]$/);
    expect(JSON.stringify(r.body)).not.toContain(idNumber);
    expect(r.body.dueAt > r.body.createdAt.slice(0, 10)).toBe(true);
    const todos = (await c1.get('/api/v1/todos')).body.items;
    expect(todos).toContainEqual(expect.objectContaining({ type: 'injury_report', caseId: r.body.id, dueAt: r.body.dueAt }));
    expect((await dc.post(`/api/v1/injury-reports/${r.body.id}/reveal`, { reason: '核实' })).status).toBe(403);
    expect((await privacy.post(`/api/v1/injury-reports/${r.body.id}/reveal`, {})).body.message).toContain('查看原因');
    const shown = await privacy.post(`/api/v1/injury-reports/${r.body.id}/reveal`, { reason: '核实慰问对象' });
    expect(shown.body).toEqual({ name: '钱受伤', idNumber });
    const audit = await t.owner.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM audit_events WHERE action = 'injury.reveal' AND entity_id = ${String(r.body.id)}`,
    );
    expect(audit.rows[0]?.n).toBe(1);
    expect((await c2.get(`/api/v1/injury-reports/${r.body.id}`)).status).toBe(404);
    const bad = await c1.post('/api/v1/injury-reports', {
      orgId: g1.id,
      name: '',
      employerName: '某某厂',
      injuredAt: '2026-11-30',
      severity: 'bad',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/姓名|伤情/);
  });

  it('pays the condolence money once under 20 parallel visits; a stale version is 409; fields are named', async () => {
    const r = await c1.post('/api/v1/injury-reports', {
      orgId: g1.id,
      name: '孙受伤',
      employerName: '某某厂',
      injuredAt: '2026-10-08',
      severity: 'minor',
    });
    const id = r.body.id as number;
    const missing = await visit(c1, id, r.body.version, { visitedAt: '2026-10-09', amount: 100 });
    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject({ field: 'visitors', message: '请填写探视人员' });
    const negative = await visit(c1, id, r.body.version, { visitedAt: '2026-10-09', visitors: '主席', amount: -1 });
    expect(negative.status).toBe(400);
    expect(negative.body.message).toContain('慰问金');
    const early = await visit(c1, id, r.body.version, { visitedAt: '2026-10-01', visitors: '主席', amount: 100 });
    expect(early.body.field).toBe('visitedAt');
    expect((await visit(c2, id, r.body.version, { visitedAt: '2026-10-09', visitors: '主席', amount: 100 })).status).toBe(404);
    const results = await Promise.all(
      Array.from({ length: 20 }, () => visit(c1, id, r.body.version, { visitedAt: '2026-10-09', visitors: '工会主席', amount: 60_000 })),
    );
    expect(results.filter((x) => x.status === 200)).toHaveLength(1);
    expect(results.filter((x) => x.status !== 200).every((x) => x.status === 409)).toBe(true);
    const rows = await t.owner.execute<{ n: number; amount: string }>(
      sql`SELECT count(*)::int AS n, sum(amount_fen)::text AS amount FROM ledger_entries WHERE case_type = 'injury_report' AND case_id = ${id}`,
    );
    expect(rows.rows[0]).toEqual({ n: 1, amount: '60000' });
    const again = await visit(c1, id, r.body.version, { visitedAt: '2026-10-09', visitors: '工会主席', amount: 60_000 });
    expect(again.status).toBe(409);
  });

  it('exports rights cases masked, without the parties', async () => {
    const body = {
      orgId: g1.id,
      type: 'mediation',
      channel: 'visit',
      subject: 'wages',
      workers: 2,
      amountAtStake: 123_456,
      employerName: '某某公司',
    };
    const c = await c1.post('/api/v1/rights-cases', { ...body, receivedAt: '2026-05-01', summary: '工资争议', parties: '当事人秘密叙述' });
    expect(c.status).toBe(201);
    const res = await rawRequest(app, dc, 'GET', `/api/v1/rights-cases/export?orgId=${district.id}`);
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    const cells = ws?.getSheetValues().flat().map(String).join('|') ?? '';
    expect(cells).toContain(c.body.number);
    expect(cells).toContain('1234.56');
    expect(cells).not.toContain('当事人秘密叙述');
    expect(cells).not.toContain('工资争议');
    expect((await rawRequest(app, c1, 'GET', '/api/v1/rights-cases/export')).statusCode).toBe(200);
  });

  it('exports injury reports masked, with the visits and a totals row, audited', async () => {
    const idNumber = newIdNumber('19800202');
    const r = await c1.post('/api/v1/injury-reports', {
      orgId: g1.id,
      name: '孙导出',
      idNumber,
      employerName: '=HYPERLINK("x")',
      injuredAt: '2026-11-02',
      severity: 'minor',
    });
    expect(r.status).toBe(201);
    const res = await rawRequest(
      app,
      dc,
      'GET',
      `/api/v1/injury-reports/export?orgId=${district.id}&injuredFrom=2026-11-02&injuredTo=2026-11-02`,
    );
    expect(res.statusCode).toBe(200);
    expect(decodeURIComponent(String(res.headers['content-disposition']))).toContain('工伤探视台账');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('工伤探视台账');
    const cells = ws?.getSheetValues().flat().map(String).join('|') ?? '';
    expect(cells).toContain(r.body.number);
    expect(cells).toContain('孙*出');
    expect(cells).not.toContain('孙导出');
    expect(cells).not.toContain(idNumber);
    expect(cells).toContain('合计 1 人');
    // The uploader's text never becomes a formula.
    expect(cells).not.toContain('|=HYPERLINK');
    const audit = await t.owner.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM audit_events WHERE action = 'injury.export'`);
    expect(audit.rows[0]?.n).toBe(1);
    expect((await rawRequest(app, c2, 'GET', `/api/v1/injury-reports/export?orgId=${g1.id}`)).statusCode).toBe(404);
  });
});
