// 职工诉求 through the API: receiving an appeal (number, due day in working days from receipt across a holiday,
// masked contact, content cut short in lists), reply → close with satisfaction, escalation by hand to the parent
// union, the overdue sweep's automatic escalation and the parent's to-do, Chinese field errors, 403/404, stale
// versions, and a half year of appeals giving exact indicators (the rate from summed parts) and the summary sentence.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { todayCst } from '@gonghui/common';
import { engines, openTestDb, type TestDb } from '../../test/db.ts';
import { summaryDocxText } from '../../test/docx.ts';
import { buildTestApp, loginAs, type Client } from '../../test/http.ts';
import { makeOrg, makeUser, PASSWORD, type OrgRef } from '../../test/factories.ts';
import { createCaseKernel, type CaseKernel } from '../../platform/cases/index.ts';
import { asSystem } from '../../platform/db/index.ts';
import type { HttpApp } from '../../platform/http/index.ts';

describe.each(engines())('appeals on %s', (engine) => {
  let t: TestDb;
  let app: HttpApp;
  let kernel: CaseKernel;
  let district: OrgRef;
  let s1: OrgRef;
  let s2: OrgRef;
  let u1: OrgRef;
  let u2: OrgRef;
  let s1c: Client;
  let u1c: Client;
  let u2c: Client;
  let viewer: Client;

  beforeAll(async () => {
    t = await openTestDb(engine);
    kernel = createCaseKernel({ db: t.db });
    app = await buildTestApp(t.db, { cases: kernel });
    district = await makeOrg(t.db, t.rootOrgId, { level: 'district' });
    s1 = await makeOrg(t.db, district, { level: 'street' });
    s2 = await makeOrg(t.db, district, { level: 'street' });
    u1 = await makeOrg(t.db, s1);
    u2 = await makeOrg(t.db, s2);
    const login = async (org: OrgRef, roles: string[]) => loginAs(app, (await makeUser(t.db, org.id, roles)).username, PASSWORD);
    s1c = await login(s1, ['org_admin']);
    u1c = await login(u1, ['org_admin']);
    u2c = await login(u2, ['org_admin']);
    viewer = await login(s1, ['viewer']);
  });
  afterAll(async () => {
    await app?.close();
    await t?.close();
  });

  const body = (over: Record<string, unknown> = {}) => ({
    orgId: u1.id,
    channel: 'hotline',
    category: 'contract',
    content: '单位未与我签订书面劳动合同，已工作八个月，要求补签并支付二倍工资差额。',
    receivedAt: '2026-03-02',
    ...over,
  });
  const receive = async (over: Record<string, unknown> = {}, by = u1c) => {
    const res = await by.post('/api/v1/appeals', body(over));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body as { id: number; version: number; dueAt: string };
  };
  const act = (c: Client, id: number, action: string, b: Record<string, unknown> = {}) =>
    c.post(`/api/v1/appeals/${id}/actions/${action}`, b);
  /** Replied and closed by `by`: returns the final detail. */
  const settle = async (by: Client, id: number, satisfaction: string, closedAt: string) => {
    const v = (await by.get(`/api/v1/appeals/${id}`)).body.version as number;
    const r = await act(by, id, 'reply', { version: v, opinion: '已协调用人单位依法处理' });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const c = await act(by, id, 'close', { version: r.body.version, satisfaction, closedAt });
    expect(c.status, JSON.stringify(c.body)).toBe(200);
    return c.body;
  };

  it('receives a numbered appeal due in working days from receipt, contact masked, content cut short in the list', async () => {
    const res = await u1c.post('/api/v1/appeals', body({ contactName: '王小明', contactPhone: '13912345678' }));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      status: 'received',
      version: 1,
      org: { id: u1.id, name: u1.name },
      responsibleOrg: { id: u1.id, name: u1.name },
      channel: 'hotline',
      category: 'contract',
      receivedAt: '2026-03-02',
      dueAt: '2026-03-09',
      contactName: '王*明',
      contactPhone: '139****5678',
      content: body().content,
      allowedActions: ['reply', 'escalate'],
      escalations: 0,
    });
    expect(res.body.number).toMatch(/^SQ-\d{4}-\d{6}$/);
    const list = await s1c.get(`/api/v1/appeals?orgId=${u1.id}`);
    const item = list.body.items.find((i: { id: number }) => i.id === res.body.id);
    expect(item.excerpt).toBe('单位未与我签订书面劳动合同，已工作八个月…');
    expect(item).not.toHaveProperty('content');
    expect(JSON.stringify(list.body)).not.toContain('13912345678');
    const revealed = await s1c.post(`/api/v1/appeals/${res.body.id}/reveal`, { reason: '回访' });
    expect(revealed.status).toBe(403);
  });

  it('counts the deadline past a public holiday (国庆, 劳动节), with the per-category working days', async () => {
    expect((await receive({ receivedAt: '2026-09-30', category: 'contract' })).dueAt).toBe('2026-10-13');
    expect((await receive({ receivedAt: '2026-09-30', category: 'wages' })).dueAt).toBe('2026-10-10');
    expect((await receive({ receivedAt: '2026-04-30', category: 'insurance' })).dueAt).toBe('2026-05-11');
  });

  it('names the field in Chinese, refuses other roles (403) and other subtrees (404), and stale versions (409)', async () => {
    const bad = await u1c.post('/api/v1/appeals', body({ category: 'salary' }));
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('诉求类别');
    const empty = await u1c.post('/api/v1/appeals', body({ content: '  ' }));
    expect(empty.status).toBe(400);
    expect(empty.body.message).toContain('诉求内容');
    const future = await u1c.post('/api/v1/appeals', body({ receivedAt: '2099-01-01' }));
    expect(future.status).toBe(400);
    expect(future.body.message).toContain('受理日期');
    expect((await viewer.post('/api/v1/appeals', body())).status).toBe(403);
    expect((await u2c.post('/api/v1/appeals', body())).status).toBe(404);

    const a = await receive();
    expect((await u2c.get(`/api/v1/appeals/${a.id}`)).status).toBe(404);
    expect((await act(u2c, a.id, 'reply', { version: 1, opinion: '越权' })).status).toBe(404);
    expect((await act(viewer, a.id, 'reply', { version: 1, opinion: '只读' })).status).toBe(403);
    expect((await viewer.get(`/api/v1/appeals/${a.id}`)).body.allowedActions).toEqual([]);
    const noOpinion = await act(u1c, a.id, 'reply', { version: 1 });
    expect(noOpinion.status).toBe(400);
    expect(noOpinion.body.message).toContain('答复意见');
    expect((await act(u1c, a.id, 'reply', { version: 1, opinion: '已受理' })).status).toBe(200);
    expect((await act(s1c, a.id, 'close', { version: 1, satisfaction: 'satisfied', closedAt: '2026-03-05' })).status).toBe(409);
    const early = await act(s1c, a.id, 'close', { version: 2, satisfaction: 'satisfied', closedAt: '2026-03-01' });
    expect(early.status).toBe(400);
    expect(early.body.message).toContain('不能早于受理日期');
  });

  it('escalates by hand to the parent union, which then replies and closes; the worker’s reply is kept', async () => {
    const a = await receive({ receivedAt: todayCst() });
    const up = await act(u1c, a.id, 'escalate', { version: 1 });
    expect(up.status).toBe(200);
    expect(up.body).toMatchObject({ status: 'received', responsibleOrg: { id: s1.id }, escalations: 1 });
    expect(up.body.dueAt > todayCst()).toBe(true);
    // The receiving union still sees it but may no longer act; the street does.
    expect((await u1c.get(`/api/v1/appeals/${a.id}`)).body.allowedActions).toEqual([]);
    expect((await act(u1c, a.id, 'reply', { version: 2, opinion: '已答复' })).status).toBe(404);
    const todos = (await s1c.get('/api/v1/todos')).body.items as { caseId: number; remainingDays: number | null }[];
    expect(todos.find((x) => x.caseId === a.id)?.remainingDays).toBeGreaterThan(0);
    const done = await settle(s1c, a.id, 'basic', todayCst());
    expect(done).toMatchObject({ status: 'closed', reply: '已协调用人单位依法处理', satisfaction: 'basic', onTime: true });
    expect(done.steps.map((s: { action: string }) => s.action)).toEqual(['submit', 'escalate', 'reply', 'close']);
  });

  it('a half year of appeals gives exact indicators, the rate from summed parts, and the summary sentence', async () => {
    // A district of its own, so the other tests' appeals do not count here.
    const district = await makeOrg(t.db, t.rootOrgId, { level: 'district' });
    const s1 = await makeOrg(t.db, district, { level: 'street' });
    const s2 = await makeOrg(t.db, district, { level: 'street' });
    const u1 = await makeOrg(t.db, s1);
    const u2 = await makeOrg(t.db, s2);
    const login = async (org: OrgRef) => loginAs(app, (await makeUser(t.db, org.id, ['org_admin'])).username, PASSWORD);
    const [dc, s1c, s2c, u1c, u2c] = (await Promise.all([district, s1, s2, u1, u2].map(login))) as [Client, Client, Client, Client, Client];
    const a1 = await receive({ orgId: u1.id, category: 'wages', channel: 'hotline', receivedAt: '2026-01-05' }, u1c);
    expect(a1.dueAt).toBe('2026-01-08');
    await settle(u1c, a1.id, 'satisfied', '2026-01-07');
    const a2 = await receive({ orgId: u1.id, category: 'contract', channel: 'visit', receivedAt: '2026-02-02' }, u1c);
    await settle(u1c, a2.id, 'basic', '2026-02-06');
    const a3 = await receive({ orgId: u2.id, category: 'insurance', channel: 'letter', receivedAt: '2026-03-02' }, u2c);
    expect((await settle(u2c, a3.id, 'unsatisfied', '2026-03-20')).onTime).toBe(false);
    const a4 = await receive({ orgId: u2.id, category: 'welfare', channel: 'online', receivedAt: '2026-04-01' }, u2c);
    // Escalated by hand after its due day (2026-04-08): late, however soon the street closes it.
    expect((await act(u2c, a4.id, 'escalate', { version: 1 })).status).toBe(200);
    expect((await settle(s2c, a4.id, 'basic', '2026-04-03')).onTime).toBe(false);
    // Due 2026-05-09 (a 调休 Saturday): the sweep of 2026-05-12 escalates it to the street, and it counts as late.
    const a5 = await receive({ orgId: u1.id, category: 'safety', channel: 'phone', receivedAt: '2026-05-06' }, u1c);
    expect(a5.dueAt).toBe('2026-05-09');
    const swept = await asSystem(() => kernel.sweepOverdue('2026-05-12'));
    expect(swept.acted).toBeGreaterThanOrEqual(1);
    const after = (await s1c.get(`/api/v1/appeals/${a5.id}`)).body;
    expect(after).toMatchObject({ responsibleOrg: { id: s1.id }, escalations: 1, allowedActions: ['reply', 'escalate'] });
    expect(after.steps.map((s: { action: string; actorName: string }) => `${s.action}:${s.actorName}`)).toContain('auto_escalate:系统');
    expect((await settle(s1c, a5.id, 'satisfied', '2026-05-13')).onTime).toBe(false);
    await receive({ orgId: u1.id, category: 'other', channel: 'referral', receivedAt: '2026-06-10' }, u1c);

    const keys = 'appeals.received,appeals.closed,appeals.closed_on_time,appeals.on_time_rate';
    const res = await dc.get(`/api/v1/stats?orgId=${district.id}&from=2026-01-01&to=2026-06-30&keys=${keys}`);
    expect(res.status).toBe(200);
    expect(res.body.values).toEqual({
      'appeals.received': {
        value: 6,
        breakdown: {
          category: { wages: 1, contract: 1, insurance: 1, welfare: 1, safety: 1, other: 1 },
          channel: { hotline: 1, visit: 1, letter: 1, online: 1, phone: 1, referral: 1 },
        },
      },
      'appeals.closed': { value: 5, breakdown: { satisfaction: { satisfied: 2, basic: 2, unsatisfied: 1 } } },
      'appeals.closed_on_time': { value: 2 },
      'appeals.on_time_rate': { value: 40 },
    });
    // Per street 66.67% and 0.00%: the district's 40.00% is 2 ÷ 5, not their average (33.33%).
    const kids = await dc.get(`/api/v1/stats/children?orgId=${district.id}&from=2026-01-01&to=2026-06-30&keys=${keys}`);
    expect(kids.status).toBe(200);
    const row = (id: number) => kids.body.children.find((c: { orgId: number }) => c.orgId === id).values;
    expect(row(s1.id)).toEqual({ 'appeals.received': 4, 'appeals.closed': 3, 'appeals.closed_on_time': 2, 'appeals.on_time_rate': 66.67 });
    expect(row(s2.id)).toEqual({ 'appeals.received': 2, 'appeals.closed': 2, 'appeals.closed_on_time': 0, 'appeals.on_time_rate': 0 });
    expect(kids.body.total['appeals.on_time_rate']).toBe(40);
    const trend = await dc.get(`/api/v1/stats/trend?orgId=${district.id}&year=2026&keys=appeals.on_time_rate,appeals.received`);
    expect(trend.body.series['appeals.on_time_rate'].slice(0, 6)).toEqual([100, 100, 0, 0, 0, 0]);

    const created = await dc.post('/api/v1/reports/work-summaries', { orgId: district.id, year: 2026, period: 'H1', asOf: '2026-06-30' });
    expect(created.status).toBe(201);
    const doc = (await dc.get(`/api/v1/reports/work-summaries/${created.body.id}`)).body;
    const section = doc.sections.find((s: { heading: string }) => s.heading.includes('职工诉求办理及时有效'));
    expect(section.paragraphs).toEqual(['上半年共受理职工诉求6件，办结5件，按时办结率40.00%。']);
    for (const p of section.source as string[]) expect(p.replace(/\{\{f\d+\}\}/g, '')).not.toMatch(/\d/);
    // The downloaded .docx, as LibreOffice reads it, carries the same sentences.
    const docText = (await summaryDocxText(app, dc, created.body.id)).replace(/\s+/g, '');
    for (const p of section.paragraphs as string[]) expect(docText).toContain(p.replace(/\s+/g, ''));
    const s2only = await s2c.post('/api/v1/reports/work-summaries', { orgId: s2.id, year: 2026, period: 'H1', asOf: '2026-06-30' });
    const s2doc = (await s2c.get(`/api/v1/reports/work-summaries/${s2only.body.id}`)).body;
    const s2sec = s2doc.sections.find((s: { heading: string }) => s.heading.includes('职工诉求办理及时有效'));
    expect(s2sec.paragraphs).toEqual(['上半年共受理职工诉求2件，办结2件，按时办结率0.00%。']);
  });

  it('an overdue appeal shows in the parent union’s to-dos, escalated there by the sweep', async () => {
    const a = await receive({ category: 'wages', receivedAt: '2026-11-02' });
    expect(a.dueAt).toBe('2026-11-05');
    const own = (await u1c.get('/api/v1/todos')).body.items.find((x: { caseId: number }) => x.caseId === a.id);
    expect(own).toMatchObject({ type: 'appeal', overdue: true, remainingDays: null });
    expect(own.overdueDays).toBeGreaterThan(0);
    const listed = await u1c.get(`/api/v1/appeals?overdue=true`);
    expect(listed.body.items.map((i: { id: number }) => i.id)).toContain(a.id);
    await asSystem(() => kernel.sweepOverdue());
    const parent = (await s1c.get('/api/v1/todos')).body.items.find((x: { caseId: number }) => x.caseId === a.id);
    expect(parent).toMatchObject({ type: 'appeal', orgName: s1.name, overdue: false });
    expect((await u1c.get('/api/v1/todos')).body.items.some((x: { caseId: number }) => x.caseId === a.id)).toBe(false);
    const detail = (await s1c.get(`/api/v1/appeals/${a.id}`)).body;
    expect(detail).toMatchObject({ responsibleOrg: { id: s1.id }, escalations: 1 });
  });

  it('exports the ledger masked: content cut short, contact masked', async () => {
    const a = await receive({ contactName: '赵大海', contactPhone: '13700001111', receivedAt: '2026-06-01' });
    const cookie = Object.entries(s1c.cookies)
      .map(([k, v]) => `${k}=${v}`)
      .join('; ');
    const res = await app.inject({ method: 'GET', url: `/api/v1/appeals/export?orgId=${u1.id}`, headers: { cookie } });
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const cells = (wb.worksheets[0]?.getSheetValues() ?? []).flat().map(String).join('|');
    expect(cells).toContain('赵*海');
    expect(cells).toContain('137****1111');
    expect(cells).not.toContain('13700001111');
    expect(cells).not.toContain('赵大海');
    expect(cells).not.toContain(body().content);
    expect(a.id).toBeGreaterThan(0);
  });
});
