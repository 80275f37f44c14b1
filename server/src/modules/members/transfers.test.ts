// 会员接转 on the case kernel, through the API: request, reject with an opinion, re-send, withdraw, accept (20 in
// parallel: one wins, the member moves once), expiry by the overdue sweep, the timeline, to-dos, the member's
// open transfer and the org directory (names only).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { todayCst } from '@gonghui/common';
import { engines, openTestDb, type TestDb } from '../../test/db.ts';
import { buildTestApp, loginAs, type Client } from '../../test/http.ts';
import { makeOrg, makeUser, newIdNumber, PASSWORD, uniq, type OrgRef } from '../../test/factories.ts';
import { addCalendarDays, addWorkingDays, createCaseKernel, loadCalendar, type CaseKernel } from '../../platform/cases/index.ts';
import { asSystem } from '../../platform/db/index.ts';
import type { HttpApp } from '../../platform/http/index.ts';

describe.each(engines())('member transfers on %s', (engine) => {
  let t: TestDb;
  let app: HttpApp;
  let kernel: CaseKernel;
  let a: OrgRef;
  let b: OrgRef;
  let ua: OrgRef;
  let ub: OrgRef;
  let sender: Client;
  let receiver: Client;
  let receiverParent: Client;
  let viewerB: Client;
  const names = { sender: '王发起', receiver: '李接收' };

  beforeAll(async () => {
    t = await openTestDb(engine);
    kernel = createCaseKernel({ db: t.db });
    app = await buildTestApp(t.db, { cases: kernel, transferExpiryWorkingDays: 10 });
    a = await makeOrg(t.db, t.rootOrgId, { level: 'district' });
    b = await makeOrg(t.db, t.rootOrgId, { level: 'district' });
    ua = await makeOrg(t.db, a);
    ub = await makeOrg(t.db, b, { name: uniq('接收工会') });
    const login = async (org: OrgRef, roles: string[], displayName?: string) => {
      const u = await makeUser(t.db, org.id, roles);
      if (displayName) await t.owner.execute(sql`UPDATE users SET display_name = ${displayName} WHERE id = ${u.id}`);
      return loginAs(app, u.username, PASSWORD);
    };
    sender = await login(ua, ['org_admin'], names.sender);
    receiver = await login(ub, ['org_admin'], names.receiver);
    receiverParent = await login(b, ['org_admin']);
    viewerB = await login(ub, ['viewer']);
  });
  afterAll(async () => {
    await app?.close();
    await t?.close();
  });

  const newMember = async (name = '吴小九') => {
    const res = await sender.post('/api/v1/members', { orgId: ua.id, name, idNumber: newIdNumber(), joinedAt: '2019-03-01' });
    expect(res.status).toBe(201);
    return res.body.id as number;
  };
  const request = (memberId: number, reason = '工作调动') =>
    sender.post(`/api/v1/members/${memberId}/transfers`, { toOrgId: ub.id, reason });
  const act = (c: Client, id: number, action: string, version: number, opinion?: string) =>
    c.post(`/api/v1/transfers/${id}/actions/${action}`, { version, ...(opinion !== undefined ? { opinion } : {}) });

  it('opens a numbered case due in working days, shown on the member and in the receiver’s to-dos', async () => {
    const memberId = await newMember();
    const res = await request(memberId);
    expect(res.status).toBe(201);
    const today = todayCst();
    const due = addWorkingDays(today, 10, await loadCalendar(t.db, today, addCalendarDays(today, 90)));
    expect(res.body).toMatchObject({
      status: 'pending',
      version: 1,
      orgId: ua.id,
      dueAt: due,
      overdue: false,
      member: { id: memberId, name: '吴*九' },
      fromOrg: { id: ua.id, name: ua.name },
      toOrg: { id: ub.id, name: ub.name },
      date: today,
      reason: '工作调动',
      allowedActions: ['withdraw'],
    });
    expect(res.body.number).toMatch(new RegExp(`^JZ-${today.slice(0, 4)}-\\d{6}$`));
    expect(res.body.steps).toEqual([
      {
        action: 'submit',
        from: null,
        to: 'pending',
        actorName: names.sender,
        actorOrgName: ua.name,
        opinion: '工作调动',
        at: expect.any(String),
      },
    ]);
    expect((await request(memberId)).status).toBe(409);

    const member = await sender.get(`/api/v1/members/${memberId}`);
    expect(member.body.transfer).toEqual({ id: res.body.id, number: res.body.number, status: 'pending', toOrgName: ub.name });
    const detail = await receiver.get(`/api/v1/transfers/${res.body.id}`);
    expect(detail.body.allowedActions).toEqual(['accept', 'reject']);
    expect((await viewerB.get(`/api/v1/transfers/${res.body.id}`)).body.allowedActions).toEqual([]);
    expect((await receiverParent.get(`/api/v1/transfers/${res.body.id}`)).body.allowedActions).toEqual(['accept', 'reject']);

    const todo = (await receiver.get('/api/v1/todos')).body.items.find((x: { caseId: number }) => x.caseId === res.body.id);
    expect(todo).toEqual({
      type: 'member_transfer',
      caseId: res.body.id,
      number: res.body.number,
      title: `会员接转：吴*九（${ua.name} → ${ub.name}）`,
      orgName: ub.name,
      dueAt: due,
      overdue: false,
      // The SLA clock: the transfer's 10 working days, none spent yet.
      remainingDays: 10,
      overdueDays: 0,
    });
    for (const c of [sender, viewerB, receiverParent])
      expect((await c.get('/api/v1/todos')).body.items.map((x: { caseId: number }) => x.caseId)).not.toContain(res.body.id);

    const incoming = await receiver.get('/api/v1/transfers?direction=in&status=pending');
    expect(incoming.body.items.map((x: { id: number }) => x.id)).toContain(res.body.id);
    expect((await sender.get('/api/v1/transfers?direction=out')).body.items.map((x: { id: number }) => x.id)).toContain(res.body.id);
    expect((await sender.get('/api/v1/transfers?direction=in')).body.items.map((x: { id: number }) => x.id)).not.toContain(res.body.id);
  });

  it('rejects with an opinion, re-sends, withdraws, and keeps every step with actor and opinion', async () => {
    const memberId = await newMember('赵六');
    const first = (await request(memberId)).body;
    const noOpinion = await act(receiver, first.id, 'reject', 1);
    expect([noOpinion.status, noOpinion.body.field]).toEqual([400, 'opinion']);
    expect((await act(sender, first.id, 'reject', 1, '不收')).status).toBe(404);
    expect((await act(viewerB, first.id, 'reject', 1, '不收')).status).toBe(403);
    const rejected = await act(receiver, first.id, 'reject', 1, '本单位无此岗位');
    expect([rejected.status, rejected.body.status, rejected.body.version, rejected.body.allowedActions]).toEqual([200, 'rejected', 2, []]);
    expect((await act(receiver, first.id, 'accept', 2)).body.code).toBe('CASE_ACTION_NOT_ALLOWED');
    expect((await sender.get(`/api/v1/members/${memberId}`)).body.transfer).toBeNull();

    const second = (await request(memberId, '再次申请')).body;
    expect(second.number).not.toBe(first.number);
    expect((await act(receiver, second.id, 'withdraw', 1)).status).toBe(404);
    const withdrawn = await act(sender, second.id, 'withdraw', 1, '暂不调动');
    expect(withdrawn.body.status).toBe('withdrawn');
    expect((await sender.get(`/api/v1/members/${memberId}`)).body.orgId).toBe(ua.id);

    const timeline = (await receiver.get(`/api/v1/transfers/${first.id}`)).body.steps;
    expect(timeline.map((s: Record<string, unknown>) => [s.action, s.from, s.to, s.actorName, s.actorOrgName, s.opinion])).toEqual([
      ['submit', null, 'pending', names.sender, ua.name, '工作调动'],
      ['reject', 'pending', 'rejected', names.receiver, ub.name, '本单位无此岗位'],
    ]);
    const timeline2 = (await sender.get(`/api/v1/transfers/${second.id}`)).body.steps;
    expect(timeline2.map((s: Record<string, unknown>) => [s.action, s.actorName, s.opinion])).toEqual([
      ['submit', names.sender, '再次申请'],
      ['withdraw', names.sender, '暂不调动'],
    ]);
    const audit = await t.owner.execute(
      sql`SELECT action FROM audit_events WHERE entity_type = 'member' AND entity_id = ${String(memberId)} AND action LIKE 'member.transfer%' ORDER BY id`,
    );
    expect(audit.rows.map((r) => r.action)).toEqual([
      'member.transfer_request',
      'member.transfer_reject',
      'member.transfer_request',
      'member.transfer_withdraw',
    ]);
  });

  it('20 parallel accepts: one 200, nineteen 409, one membership move and one pair of flow events', async () => {
    const memberId = await newMember('钱多多');
    const c = (await request(memberId)).body;
    const results = await Promise.all(Array.from({ length: 20 }, () => act(receiver, c.id, 'accept', 1)));
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409)).toHaveLength(19);
    const member = await receiver.get(`/api/v1/members/${memberId}`);
    expect([member.body.orgId, member.body.transfer]).toEqual([ub.id, null]);
    expect((await sender.get(`/api/v1/members/${memberId}`)).status).toBe(404);
    const events = await t.owner.execute(
      sql`SELECT type, org_id, date::text AS date, data FROM member_events WHERE member_id = ${memberId} AND type LIKE 'transfer%' ORDER BY type`,
    );
    expect(events.rows).toEqual([
      {
        type: 'transfer_in',
        org_id: ub.id,
        date: todayCst(),
        data: { transferId: c.id, number: c.number, fromOrgId: ua.id, toOrgId: ub.id },
      },
      {
        type: 'transfer_out',
        org_id: ua.id,
        date: todayCst(),
        data: { transferId: c.id, number: c.number, fromOrgId: ua.id, toOrgId: ub.id },
      },
    ]);
    const steps = (await sender.get(`/api/v1/transfers/${c.id}`)).body.steps;
    expect(steps.map((s: { action: string }) => s.action)).toEqual(['submit', 'accept']);
    // The sender still reads the closed case (its own side), not the member.
    expect((await sender.get(`/api/v1/transfers/${c.id}`)).body.status).toBe('accepted');
  });

  it('expires an unanswered request once its due day has passed; the member can be transferred again', async () => {
    const memberId = await newMember('孙七');
    const c = (await request(memberId)).body;
    await t.owner.execute(sql`UPDATE cases SET due_at = '2026-01-05' WHERE id = ${c.id}`);
    const swept = await asSystem(() => kernel.sweepOverdue());
    expect(swept.acted).toBeGreaterThanOrEqual(1);
    const detail = (await sender.get(`/api/v1/transfers/${c.id}`)).body;
    expect([detail.status, detail.allowedActions]).toEqual(['expired', []]);
    expect(detail.steps.at(-1)).toMatchObject({ action: 'expire', from: 'pending', to: 'expired', actorName: '系统', actorOrgName: null });
    expect((await act(receiver, c.id, 'accept', c.version)).status).toBe(409);
    const audit = await t.owner.execute(
      sql`SELECT actor_name FROM audit_events WHERE action = 'member.transfer_expire' AND entity_id = ${String(memberId)}`,
    );
    expect(audit.rows).toEqual([{ actor_name: 'system' }]);
    expect((await request(memberId)).status).toBe(201);
  });

  it('org directory: active unions of the whole federation by name, names only, at most 20', async () => {
    const dissolvedName = uniq('已注销工会');
    const gone = await makeOrg(t.db, b, { name: dissolvedName });
    await t.owner.execute(sql`UPDATE orgs SET status = 'dissolved' WHERE id = ${gone.id}`);
    // A cadre of another subtree finds the receiving union with its parent's name, and nothing else.
    const found = await sender.get(`/api/v1/org-directory?q=${encodeURIComponent(ub.name)}`);
    expect(found.status).toBe(200);
    expect(found.body).toEqual([{ id: ub.id, name: ub.name, parentName: b.name }]);
    expect((await sender.get(`/api/v1/org-directory?q=${encodeURIComponent(dissolvedName)}`)).body).toEqual([]);
    for (let i = 0; i < 21; i++) await makeOrg(t.db, b, { name: `${uniq('名录')}同名工会` });
    expect((await viewerB.get(`/api/v1/org-directory?q=${encodeURIComponent('同名工会')}`)).body).toHaveLength(20);
    expect((await sender.get(`/api/v1/org-directory?q=${'长'.repeat(51)}`)).status).toBe(400);
    expect((await sender.get('/api/v1/org-directory?q=')).status).toBe(400);
    expect((await sender.get('/api/v1/org-directory?q=a&orgId=1')).status).toBe(400);
  });
});
