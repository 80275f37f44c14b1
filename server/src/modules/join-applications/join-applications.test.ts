// 网上入会 through the API: a public application (numbered RH-, due in working days, the person encrypted and masked)
// → the union's to-do → approval registers the member with the join date and a card number, the applicant is texted
// and the status lookup with the token shows 已通过; rejection with a reason; 409 for an active member or a pending
// application; Chinese field errors; routing to the street union when the employer has no union; the public union
// search; an overdue application rising to the parent union's to-dos (fixed clock); stale versions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayCst } from '@gonghui/common';
import { engines, openTestDb, type TestDb } from '../../test/db.ts';
import { buildTestApp, Client, loginAs } from '../../test/http.ts';
import { makeOrg, makeUser, newIdNumber, PASSWORD, uniq, type OrgRef } from '../../test/factories.ts';
import { addCalendarDays, createCaseKernel, type CaseKernel } from '../../platform/cases/index.ts';
import { asSystem, joinApplications } from '../../platform/db/index.ts';
import type { HttpApp } from '../../platform/http/index.ts';

describe.each(engines())('join applications on %s', (engine) => {
  let t: TestDb;
  let app: HttpApp;
  let kernel: CaseKernel;
  let street: OrgRef;
  let union: OrgRef;
  let other: OrgRef;
  let streetc: Client;
  let unionc: Client;
  let otherc: Client;
  const texts: { phone: string; text: string }[] = [];
  let ip = 0;
  /** A fresh address per applicant: the public routes are rate-limited per IP. */
  const anon = () => new Client(app, `10.9.${Math.floor(++ip / 250)}.${(ip % 250) + 1}`);

  beforeAll(async () => {
    t = await openTestDb(engine);
    kernel = createCaseKernel({ db: t.db });
    app = await buildTestApp(t.db, {
      cases: kernel,
      messageSender: { send: async (phone, text) => void texts.push({ phone, text }) },
    });
    const district = await makeOrg(t.db, t.rootOrgId, { level: 'district' });
    street = await makeOrg(t.db, district, { level: 'street', name: uniq('入会街道总工会') });
    union = await makeOrg(t.db, street, { level: 'grassroots', name: uniq('入会基层工会') });
    const district2 = await makeOrg(t.db, t.rootOrgId, { level: 'district' });
    other = await makeOrg(t.db, district2, { level: 'grassroots' });
    const login = async (org: OrgRef) => loginAs(app, (await makeUser(t.db, org.id, ['org_admin'])).username, PASSWORD);
    streetc = await login(street);
    unionc = await login(union);
    otherc = await login(other);
  });
  afterAll(async () => {
    await app?.close();
    await t?.close();
  });

  const form = (over: Record<string, unknown> = {}) => ({
    name: '李小红',
    idNumber: newIdNumber('19950612', true),
    phone: '13912345678',
    employerName: '某某物流有限公司',
    orgId: union.id,
    ...over,
  });
  const apply = async (over: Record<string, unknown> = {}) => {
    const res = await anon().post('/api/v1/h5/join-applications', form(over));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body as { id: number; number: string; status: string; statusToken: string };
  };
  const act = (c: Client, id: number, action: string, b: Record<string, unknown>) =>
    c.post(`/api/v1/join-applications/${id}/actions/${action}`, b);
  const version = async (c: Client, id: number) => (await c.get(`/api/v1/join-applications/${id}`)).body.version as number;

  it('applies publicly, lands in the union’s to-dos, is approved into a member with the join date and a card number', async () => {
    texts.length = 0;
    const idNumber = newIdNumber('19920101');
    const a = await apply({ idNumber, name: '王大明' });
    expect(a.number).toMatch(/^RH-\d{4}-\d{6}$/);
    expect(a.status).toBe('pending');
    expect(texts).toEqual([{ phone: '13912345678', text: expect.stringContaining(a.number) }]);

    // Stored encrypted: neither the name, nor the ID number nor the phone in clear.
    const [row] = await asSystem(() => t.db.select().from(joinApplications));
    expect(JSON.stringify(row)).not.toContain(idNumber);
    expect(JSON.stringify(row)).not.toContain('王大明');
    expect(JSON.stringify(row)).not.toContain(a.statusToken);

    const todos = (await unionc.get('/api/v1/todos')).body.items as { caseId: number; type: string }[];
    expect(todos.some((x) => x.caseId === a.id && x.type === 'join_application')).toBe(true);
    const listed = (await unionc.get('/api/v1/join-applications?status=pending')).body;
    const item = listed.items.find((x: { id: number }) => x.id === a.id);
    expect(item).toMatchObject({ name: '王*明', phone: '139****5678', org: { id: union.id }, overdue: false });
    expect(item.idNumber).toMatch(/^.{3}\*{11}.{4}$/);
    expect(item.dueAt > todayCst()).toBe(true);

    const detail = (await unionc.get(`/api/v1/join-applications/${a.id}`)).body;
    expect(detail.allowedActions).toEqual(['approve', 'reject']);
    const ok = await act(unionc, a.id, 'approve', { version: detail.version, joinDate: '2026-03-01', category: 'new_forms' });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body).toMatchObject({ status: 'approved', cardNo: expect.stringMatching(/^GH\d{10}$/), allowedActions: [] });
    expect(ok.body.steps.map((s: { action: string }) => s.action)).toEqual(['submit', 'approve']);

    const member = (await unionc.get(`/api/v1/members/${ok.body.memberId}`)).body;
    expect(member).toMatchObject({ name: '王大明', joinedAt: '2026-03-01', cardNo: ok.body.cardNo, categories: ['new_forms'] });
    expect(texts.at(-1)?.text).toContain(ok.body.cardNo);

    const status = await anon().get(`/api/v1/h5/join-applications/${a.number}?token=${a.statusToken}`);
    expect(status.status).toBe(200);
    expect(status.body).toMatchObject({ number: a.number, status: 'approved', statusLabel: '已通过', orgName: union.name });
    expect(status.body.decidedAt).toBeTruthy();
    expect((await anon().get(`/api/v1/h5/join-applications/${a.number}?token=wrong-token`)).status).toBe(404);
    expect((await anon().get(`/api/v1/h5/join-applications/RH-2026-999999?token=${a.statusToken}`)).status).toBe(404);

    // Counted under the union, on the day submitted / approved.
    const today = todayCst();
    const stats = await unionc.get(`/api/v1/stats?orgId=${union.id}&from=${today}&to=${today}&keys=join.applications,join.approved`);
    expect(stats.status, JSON.stringify(stats.body)).toBe(200);
    expect(stats.body.values['join.applications'].value).toBeGreaterThanOrEqual(1);
    expect(stats.body.values['join.approved'].value).toBe(1);

    // Now an active member: applying again is refused.
    const again = await anon().post('/api/v1/h5/join-applications', form({ idNumber }));
    expect(again.status).toBe(409);
    expect(again.body.message).toContain('已是工会会员');
  });

  it('rejects with a reason (required), which the applicant is texted and the status lookup shows', async () => {
    const a = await apply();
    const v = await version(unionc, a.id);
    const bare = await act(unionc, a.id, 'reject', { version: v });
    expect(bare.status).toBe(400);
    expect(bare.body.message).toContain('不予批准的理由');
    const res = await act(unionc, a.id, 'reject', { version: v, reason: '所在单位不在本工会覆盖范围，请向所在街道工会申请' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ status: 'rejected', reason: expect.stringContaining('街道工会') });
    expect(res.body.steps.at(-1)).toMatchObject({ action: 'reject', opinion: expect.stringContaining('街道工会') });
    expect(texts.at(-1)?.text).toContain('街道工会');
    const status = await anon().get(`/api/v1/h5/join-applications/${a.number}?token=${a.statusToken}`);
    expect(status.body).toMatchObject({ status: 'rejected', statusLabel: '未通过', reason: expect.stringContaining('街道工会') });
    // Stale version.
    expect((await act(unionc, a.id, 'approve', { version: v })).status).toBe(409);
  });

  it('refuses a second pending application and bad input with the field named', async () => {
    const idNumber = newIdNumber('19880808');
    await apply({ idNumber });
    const dup = await anon().post('/api/v1/h5/join-applications', form({ idNumber }));
    expect(dup.status).toBe(409);
    expect(dup.body.message).toContain('审核中');

    const badId = await anon().post('/api/v1/h5/join-applications', form({ idNumber: '110101199001011234' }));
    expect(badId.status).toBe(400);
    expect(badId.body.message).toContain('身份证号');
    const badPhone = await anon().post('/api/v1/h5/join-applications', form({ phone: '12345' }));
    expect(badPhone.status).toBe(400);
    expect(badPhone.body.message).toContain('手机号');
    const noOrg = await anon().post('/api/v1/h5/join-applications', form({ orgId: undefined }));
    expect(noOrg.status).toBe(400);
    const streetAsUnion = await anon().post('/api/v1/h5/join-applications', form({ orgId: street.id }));
    expect(streetAsUnion.status).toBe(400);
  });

  it('routes an applicant without a union at work to the street union; searches unions publicly', async () => {
    const found = await anon().get(`/api/v1/h5/orgs/search?q=${encodeURIComponent(street.name.slice(0, 8))}&area=true`);
    expect(found.status).toBe(200);
    expect(found.body).toContainEqual({ id: street.id, name: street.name, parentName: expect.any(String), level: 'street' });
    const a = await apply({ orgId: undefined, noUnion: true, areaOrgId: street.id });
    const d = (await streetc.get(`/api/v1/join-applications/${a.id}`)).body;
    expect(d).toMatchObject({ org: { id: street.id }, noUnion: true });
    expect((await unionc.get(`/api/v1/join-applications/${a.id}`)).status).toBe(404);
    const notArea = await anon().post('/api/v1/h5/join-applications', form({ orgId: undefined, noUnion: true, areaOrgId: union.id }));
    expect(notArea.status).toBe(400);
  });

  it('hides applications of another district (404) and lets only cadres with join:decide act', async () => {
    const a = await apply();
    expect((await otherc.get(`/api/v1/join-applications/${a.id}`)).status).toBe(404);
    expect((await act(otherc, a.id, 'approve', { version: 1 })).status).toBe(404);
    const viewer = await loginAs(app, (await makeUser(t.db, union.id, ['viewer'])).username, PASSWORD);
    expect((await viewer.get(`/api/v1/join-applications/${a.id}`)).body.allowedActions).toEqual([]);
    expect((await act(viewer, a.id, 'approve', { version: 1 })).status).toBe(403);
  });

  it('registers the member once when ten cadres approve at the same moment', async () => {
    const a = await apply();
    const v = await version(unionc, a.id);
    const results = await Promise.all(Array.from({ length: 10 }, () => act(unionc, a.id, 'approve', { version: v })));
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409)).toHaveLength(9);
    const rows = await asSystem(() => t.db.select().from(joinApplications));
    expect(rows.find((r) => r.caseId === a.id)?.memberId).toBeTruthy();
  });

  it('an overdue application rises to the parent union’s to-dos, where it can be decided', async () => {
    const a = await apply();
    const swept = await asSystem(() => kernel.sweepOverdue(addCalendarDays(todayCst(), 60)));
    expect(swept.marked).toBeGreaterThan(0);
    const parent = (await streetc.get('/api/v1/todos')).body.items.find((x: { caseId: number }) => x.caseId === a.id);
    expect(parent).toMatchObject({ overdue: true, orgName: union.name });
    const d = (await streetc.get(`/api/v1/join-applications/${a.id}`)).body;
    expect(d).toMatchObject({ overdue: true, allowedActions: ['approve', 'reject'] });
    expect((await act(streetc, a.id, 'approve', { version: d.version })).status).toBe(200);
  });
  it('a worker who left a union (退会) joins again online: the same record comes back on the books with its card number', async () => {
    const idNumber = newIdNumber('19880305', true);
    const earlier = await otherc.post('/api/v1/members', { orgId: other.id, name: '李小红', idNumber, joinedAt: '2015-03-01' });
    expect(earlier.status, JSON.stringify(earlier.body)).toBe(201);
    expect((await otherc.post(`/api/v1/members/${earlier.body.id}/leave`, { date: '2024-06-30', kind: 'quit' })).status).toBe(200);
    const a = await apply({ idNumber, phone: '13987654321' });
    const d = (await unionc.get(`/api/v1/join-applications/${a.id}`)).body;
    const res = await act(unionc, a.id, 'approve', { version: d.version, joinDate: todayCst() });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const m = (await unionc.get(`/api/v1/members/${earlier.body.id}`)).body;
    expect(m).toMatchObject({ status: 'active', orgId: union.id, cardNo: earlier.body.cardNo, joinedAt: todayCst() });
    // Its old union no longer sees it; its history keeps both joins and the 退会.
    expect((await otherc.get(`/api/v1/members/${earlier.body.id}`)).status).toBe(404);
    const events = (await unionc.get(`/api/v1/members/${earlier.body.id}/events`)).body.items as { type: string }[];
    expect(events.map((e) => e.type).sort()).toEqual(['join', 'join', 'quit']);
  });
});
