// 维权 through the API: a half year of rights cases received by two grassroots unions (several types and channels;
// accepted with a roster lawyer or a named handler, declined with a reason, closed with outcomes and money recovered,
// one left unaccepted past its deadline and escalated to the parent's to-dos) and injury reports (visited with and
// without money) → exact indicators, rates from summed numerators and denominators (per child and in total), and
// the summary's sentences with every figure a token; scope, roles and Chinese field errors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, openTestDb, type TestDb } from '../../test/db.ts';
import { summaryDocxText } from '../../test/docx.ts';
import { buildTestApp, loginAs, type Client } from '../../test/http.ts';
import { makeOrg, makeUser, PASSWORD, uniq, type OrgRef } from '../../test/factories.ts';
import { createCaseKernel, type CaseKernel } from '../../platform/cases/index.ts';
import { asSystem } from '../../platform/db/index.ts';
import type { HttpApp } from '../../platform/http/index.ts';

describe.each(engines())('rights cases on %s', (engine) => {
  let t: TestDb;
  let app: HttpApp;
  let kernel: CaseKernel;
  let district: OrgRef;
  let s1: OrgRef;
  let s2: OrgRef;
  let g1: OrgRef;
  let g2: OrgRef;
  let dc: Client;
  let sc2: Client;
  let c1: Client;
  let c2: Client;
  let viewer: Client;
  let lawyer: number;
  const ids = {} as Record<'a' | 'b' | 'c' | 'd' | 'e' | 'f' | 'g' | 'h', number>;

  beforeAll(async () => {
    t = await openTestDb(engine);
    kernel = createCaseKernel({ db: t.db });
    app = await buildTestApp(t.db, { cases: kernel });
    district = await makeOrg(t.db, t.rootOrgId, { level: 'district', name: uniq('维权区总') });
    s1 = await makeOrg(t.db, district, { level: 'street', name: uniq('甲街道') });
    s2 = await makeOrg(t.db, district, { level: 'street', name: uniq('乙街道') });
    g1 = await makeOrg(t.db, s1, { level: 'grassroots' });
    g2 = await makeOrg(t.db, s2, { level: 'grassroots' });
    const login = async (org: OrgRef, roles = ['org_admin']) => loginAs(app, (await makeUser(t.db, org.id, roles)).username, PASSWORD);
    [dc, sc2, c1, c2, viewer] = await Promise.all([login(district), login(s2), login(g1), login(g2), login(g1, ['viewer'])]);
    lawyer = (await dc.post('/api/v1/rights-roster', { orgId: district.id, name: '陈律师', role: 'lawyer' })).body.id;
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  const act = async (c: Client, path: string, id: number, action: string, body: Record<string, unknown> = {}) => {
    const cur = await c.get(`/api/v1/${path}/${id}`);
    return c.post(`/api/v1/${path}/${id}/actions/${action}`, { version: cur.body.version, ...body });
  };
  const ok = async (res: Promise<{ status: number; body: { id: number; message?: string } }>, status = 200) => {
    const r = await res;
    expect(r.status, r.body.message).toBe(status);
    return r.body.id;
  };
  const kase = (orgId: number, o: Record<string, unknown>) => ({
    orgId,
    channel: 'visit',
    subject: 'wages',
    workers: 1,
    amountAtStake: 0,
    employerName: '某某制造有限公司',
    summary: '职工反映拖欠工资',
    ...o,
  });

  it('receives, accepts, declines and closes cases over a half year', async () => {
    const uscc = '91350100M000100Y43';
    const parties = '申请人王某某，身份证号…';
    const aBody = { type: 'mediation', workers: 3, amountAtStake: 1_200_000, employerUscc: uscc, receivedAt: '2026-02-10', parties };
    const a = await c1.post('/api/v1/rights-cases', kase(g1.id, aBody));
    expect(a.status).toBe(201);
    expect(a.body).toMatchObject({ status: 'received', hasParties: true, employerUscc: uscc, allowedActions: ['accept', 'decline'] });
    expect(a.body.number).toMatch(/^WQ-\d{4}-\d{6}$/);
    expect(JSON.stringify(a.body)).not.toContain('王某某');
    ids.a = a.body.id;
    const accepted = await act(c1, 'rights-cases', ids.a, 'accept', { handler: lawyer, acceptedAt: '2026-02-11' });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({
      status: 'accepted',
      handler: { name: '陈律师', rosterId: lawyer, role: 'lawyer' },
      dueAt: '2026-03-10',
    });
    await ok(act(c1, 'rights-cases', ids.a, 'close', { outcome: 'resolved', recoveredAmount: 800_000, closedAt: '2026-02-28' }));

    ids.b = await ok(
      c1.post(
        '/api/v1/rights-cases',
        kase(g1.id, { type: 'legal_aid', channel: 'phone', subject: 'contract', amountAtStake: 500_000, receivedAt: '2026-03-05' }),
      ),
      201,
    );
    await ok(act(c1, 'rights-cases', ids.b, 'accept', { handler: '王律师', acceptedAt: '2026-03-06' }));
    await ok(act(c1, 'rights-cases', ids.b, 'close', { outcome: 'partial', recoveredAmount: 250_050, closedAt: '2026-04-10' }));

    ids.c = await ok(
      c1.post(
        '/api/v1/rights-cases',
        kase(g1.id, { type: 'petition', channel: 'letter', subject: 'dismissal', workers: 2, receivedAt: '2026-04-01' }),
      ),
      201,
    );
    const noReason = await act(c1, 'rights-cases', ids.c, 'decline');
    expect(noReason.status).toBe(400);
    expect(noReason.body).toMatchObject({ field: 'reason', message: '请填写不予受理理由' });
    expect((await act(c1, 'rights-cases', ids.c, 'decline', { reason: '不属于工会受理范围，已告知向信访部门反映' })).body.status).toBe(
      'declined',
    );

    ids.h = await ok(
      c1.post('/api/v1/rights-cases', kase(g1.id, { type: 'mediation', channel: 'phone', workers: 2, receivedAt: '2026-06-25' })),
      201,
    );
    await ok(act(c1, 'rights-cases', ids.h, 'accept', { acceptedAt: '2026-06-26' }));
    await ok(act(c1, 'rights-cases', ids.h, 'close', { outcome: 'resolved', recoveredAmount: 50_000, closedAt: '2026-07-05' }));

    ids.d = await ok(
      c2.post(
        '/api/v1/rights-cases',
        kase(g2.id, { type: 'wage_arrears', channel: 'hotline', workers: 10, amountAtStake: 5_000_000, receivedAt: '2026-05-06' }),
      ),
      201,
    );
    await ok(act(c2, 'rights-cases', ids.d, 'accept'));
    ids.e = await ok(
      c2.post(
        '/api/v1/rights-cases',
        kase(g2.id, { type: 'mediation', channel: 'online', subject: 'injury', amountAtStake: 300_000, receivedAt: '2026-06-01' }),
      ),
      201,
    );
    await ok(act(c2, 'rights-cases', ids.e, 'accept', { acceptedAt: '2026-06-02' }));
    const early = await act(c2, 'rights-cases', ids.e, 'close', { outcome: 'failed', recoveredAmount: 0, closedAt: '2026-05-01' });
    expect(early.status).toBe(400);
    expect(early.body.field).toBe('closedAt');
    await ok(act(c2, 'rights-cases', ids.e, 'close', { outcome: 'failed', recoveredAmount: 0, closedAt: '2026-06-20' }));
    ids.f = await ok(
      c2.post(
        '/api/v1/rights-cases',
        kase(g2.id, { type: 'mediation', channel: 'referral', subject: 'social_insurance', workers: 4, receivedAt: '2026-06-22' }),
      ),
      201,
    );
    ids.g = await ok(c2.post('/api/v1/rights-cases', kase(g2.id, { type: 'legal_aid', subject: 'other', receivedAt: '2026-07-10' })), 201);
    await ok(act(c2, 'rights-cases', ids.g, 'accept', { acceptedAt: '2026-07-10' }));
    await ok(act(c2, 'rights-cases', ids.g, 'close', { outcome: 'resolved', recoveredAmount: 100_000, closedAt: '2026-07-20' }));

    const detail = (await dc.get(`/api/v1/rights-cases/${ids.a}`)).body;
    expect(detail.steps.map((s: { action: string }) => s.action)).toEqual(['submit', 'accept', 'close']);
    expect(detail).toMatchObject({
      status: 'closed',
      outcome: 'resolved',
      recoveredAmount: 800_000,
      closedAt: '2026-02-28',
      allowedActions: [],
    });
  });

  it('escalates a case not accepted in 5 working days to the parent’s to-dos', async () => {
    // Received 2026-06-22: due 5 working days later (2026-06-29), long past.
    expect((await c2.get(`/api/v1/rights-cases/${ids.f}`)).body).toMatchObject({ dueAt: '2026-06-29', overdue: true });
    await asSystem(() => kernel.sweepOverdue());
    const todos = (await sc2.get('/api/v1/todos')).body.items;
    expect(todos).toContainEqual(expect.objectContaining({ type: 'rights_case', caseId: ids.f, overdue: true, orgName: g2.name }));
    expect(todos.map((x: { caseId: number }) => x.caseId)).not.toContain(ids.d);
  });

  it('reports injuries and records visits, with condolence money through the ledger', async () => {
    const report = (c: Client, orgId: number, injuredAt: string, severity: string) =>
      c.post('/api/v1/injury-reports', { orgId, name: '赵工伤', employerName: '某某建筑公司', injuredAt, severity });
    const i1 = await report(c1, g1.id, '2026-03-10', 'serious');
    expect(i1.status).toBe(201);
    expect(i1.body).toMatchObject({ status: 'reported', name: '赵*伤', idNumber: null, allowedActions: ['visit'] });
    expect(i1.body.number).toMatch(/^GS-\d{4}-\d{6}$/);
    const v1 = await act(c1, 'injury-reports', i1.body.id, 'visit', {
      visitedAt: '2026-03-12',
      visitors: '工会主席张三、干事李四',
      amount: 100_000,
    });
    expect(v1.body).toMatchObject({ status: 'visited', amount: 100_000, ledgerEntryId: expect.any(Number) });
    const i2 = await ok(report(c1, g1.id, '2026-04-15', 'minor'), 201);
    expect((await act(c1, 'injury-reports', i2, 'visit', { visitedAt: '2026-04-16', visitors: '干事李四', amount: 0 })).body).toMatchObject(
      {
        status: 'visited',
        amount: 0,
        ledgerEntryId: null,
      },
    );
    const i3 = await ok(report(c2, g2.id, '2026-05-20', 'fatal'), 201);
    await ok(act(c2, 'injury-reports', i3, 'visit', { visitedAt: '2026-05-21', visitors: '区总工会领导', amount: 500_000 }));
    await ok(report(c2, g2.id, '2026-06-10', 'minor'), 201);
    const i5 = await ok(report(c2, g2.id, '2026-06-28', 'minor'), 201);
    await ok(act(c2, 'injury-reports', i5, 'visit', { visitedAt: '2026-07-02', visitors: '干事', amount: 20_000 }));
    const stats = await dc.get(
      `/api/v1/stats?orgId=${district.id}&from=2026-01-01&to=2026-06-30&keys=injury.reported,injury.visited,injury.visit_rate`,
    );
    expect(stats.body.values).toEqual({
      'injury.reported': { value: 5, breakdown: { severity: { serious: 1, minor: 3, fatal: 1 } } },
      'injury.visited': { value: 3, breakdown: { severity: { serious: 1, minor: 1, fatal: 1 } } },
      'injury.visit_rate': { value: 60 },
    });
  });

  it('counts the half year exactly; rates come from summed counts per child and in total', async () => {
    const keys = 'rights.received,rights.workers,rights.accepted,rights.accepted_closed,rights.close_rate,rights.closed,rights.recovered';
    const res = await dc.get(`/api/v1/stats?orgId=${district.id}&from=2026-01-01&to=2026-06-30&keys=${keys}`);
    expect(res.status).toBe(200);
    expect(res.body.values).toEqual({
      'rights.received': {
        value: 7,
        breakdown: {
          type: { mediation: 4, legal_aid: 1, petition: 1, wage_arrears: 1 },
          subject: { wages: 3, contract: 1, dismissal: 1, injury: 1, social_insurance: 1 },
          channel: { visit: 1, phone: 2, letter: 1, hotline: 1, online: 1, referral: 1 },
        },
      },
      'rights.workers': { value: 23 },
      'rights.accepted': { value: 5, breakdown: { type: { mediation: 3, legal_aid: 1, wage_arrears: 1 } } },
      'rights.accepted_closed': { value: 3, breakdown: { type: { mediation: 2, legal_aid: 1 } } },
      'rights.close_rate': { value: 60 },
      'rights.closed': { value: 3, breakdown: { outcome: { resolved: 1, partial: 1, failed: 1 } } },
      'rights.recovered': { value: 10500.5, breakdown: { type: { mediation: 8000, legal_aid: 2500.5 } } },
    });
    const kids = await dc.get(
      `/api/v1/stats/children?orgId=${district.id}&from=2026-01-01&to=2026-06-30&keys=rights.close_rate,rights.accepted,injury.visit_rate`,
    );
    expect(kids.status).toBe(200);
    expect(kids.body.children).toEqual([
      { orgId: s1.id, name: s1.name, values: { 'rights.close_rate': 66.67, 'rights.accepted': 3, 'injury.visit_rate': 100 } },
      { orgId: s2.id, name: s2.name, values: { 'rights.close_rate': 50, 'rights.accepted': 2, 'injury.visit_rate': 33.33 } },
    ]);
    // Not the mean of 66.67 and 50: 3 closed of 5 accepted.
    expect(kids.body.total).toEqual({ 'rights.close_rate': 60, 'rights.accepted': 5, 'injury.visit_rate': 60 });
    const own = await c1.get(`/api/v1/stats?orgId=${g1.id}&from=2026-01-01&to=2026-06-30&keys=rights.close_rate`);
    expect(own.body.values).toEqual({ 'rights.close_rate': { value: 66.67 } });
    const year = await dc.get(`/api/v1/stats?orgId=${district.id}&from=2026-01-01&to=2026-12-31&keys=rights.close_rate,rights.recovered`);
    expect(year.body.values).toEqual({
      'rights.close_rate': { value: 83.33 },
      'rights.recovered': { value: 12000.5, breakdown: { type: { mediation: 8500, legal_aid: 3500.5 } } },
    });
    const trend = await dc.get(`/api/v1/stats/trend?orgId=${district.id}&year=2026&keys=rights.received,rights.close_rate`);
    expect(trend.body.series['rights.received']).toEqual([0, 1, 1, 1, 1, 3, 1, 0, 0, 0, 0, 0]);
    expect(trend.body.series['rights.close_rate'].slice(0, 7)).toEqual([0, 100, 0, 0, 0, 50, 100]);
  });

  it('drafts the 维护职工合法权益 sentences with every figure a token', async () => {
    const created = await dc.post('/api/v1/reports/work-summaries', { orgId: district.id, year: 2026, period: 'H1', asOf: '2026-06-30' });
    expect(created.status).toBe(201);
    const doc = (await dc.get(`/api/v1/reports/work-summaries/${created.body.id}`)).body;
    const section = doc.sections.find((s: { heading: string }) => s.heading.includes('维护职工合法权益'));
    expect(section.paragraphs).toEqual([
      '上半年，全区各级工会共接待职工维权案件7件，其中法律援助1件、劳动争议调解4件、信访1件、欠薪1件，涉及职工23人；受理5件，结案3件，结案率60.00%，为职工挽回经济损失1.05万元。',
      '坚持有伤即报、逢伤必探，上报工伤职工5人，探视工伤职工3人次，探视率60.00%。',
    ]);
    for (const p of section.source as string[]) expect(p.replace(/\{\{f\d+\}\}/g, '')).not.toMatch(/\d/);
    // The downloaded .docx, as LibreOffice reads it, carries the same sentences.
    const docText = (await summaryDocxText(app, dc, created.body.id)).replace(/\s+/g, '');
    for (const p of section.paragraphs as string[]) expect(docText).toContain(p.replace(/\s+/g, ''));
  });

  it('keeps cadres to their subtree and roles to their permissions; bad input names the field in Chinese', async () => {
    const list = await c2.get('/api/v1/rights-cases?pageSize=100');
    expect(list.body.items.every((i: { org: { id: number } }) => i.org.id === g2.id)).toBe(true);
    expect((await c2.get(`/api/v1/rights-cases/${ids.a}`)).status).toBe(404);
    expect((await c2.get(`/api/v1/rights-cases?orgId=${g1.id}`)).status).toBe(404);
    expect((await c2.post('/api/v1/rights-cases', kase(g1.id, { type: 'mediation', receivedAt: '2026-03-01' }))).status).toBe(404);
    expect(
      (await act(c2, 'rights-cases', ids.a, 'close', { outcome: 'resolved', recoveredAmount: 0, closedAt: '2026-03-01' })).status,
    ).toBe(404);
    expect((await viewer.get(`/api/v1/rights-cases/${ids.a}`)).status).toBe(200);
    expect((await viewer.post('/api/v1/rights-cases', kase(g1.id, { type: 'mediation', receivedAt: '2026-03-01' }))).status).toBe(403);
    expect((await c1.post(`/api/v1/rights-cases/${ids.a}/reveal`, { reason: '核实' })).status).toBe(403);
    const filtered = await dc.get(
      `/api/v1/rights-cases?orgId=${district.id}&type=mediation&status=closed&receivedFrom=2026-01-01&receivedTo=2026-06-30`,
    );
    expect(filtered.body.items.map((i: { id: number }) => i.id).sort()).toEqual([ids.a, ids.e, ids.h].sort());
    const bad = (o: Record<string, unknown>) =>
      c1.post('/api/v1/rights-cases', kase(g1.id, { type: 'mediation', receivedAt: '2026-03-01', ...o }));
    const uscc = await bad({ employerUscc: '91350100M000100Y44' });
    expect(uscc.status).toBe(400);
    expect(uscc.body).toMatchObject({ field: 'employerUscc', message: expect.stringContaining('统一社会信用代码') });
    expect((await bad({ type: 'arbitration' })).body).toMatchObject({ field: 'type', message: expect.stringContaining('案件类型') });
    expect((await bad({ receivedAt: '2099-01-01' })).body.message).toContain('接待日期');
    expect((await bad({ workers: 0 })).body.message).toContain('涉及职工人数');
    const stale = await c1.post(`/api/v1/rights-cases/${ids.h}/actions/close`, {
      version: 1,
      outcome: 'resolved',
      recoveredAmount: 0,
      closedAt: '2026-07-01',
    });
    expect(stale.status).toBe(409);
  });
});
