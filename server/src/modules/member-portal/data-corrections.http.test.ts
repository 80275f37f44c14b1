// 信息更正 over HTTP: a member asks their union to correct their record through 我的申请; the proposed ID number is
// encrypted at rest and masked to cadres; the union's cadre sees it in 工作台 and the list, resolves or rejects it with
// an opinion (the member is texted); the member withdraws a pending one; another union's cadre cannot reach it.
import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { engines, type TestDb } from '../../test/db.ts';
import { makeOrg, makeUser, newIdNumber, uniq } from '../../test/factories.ts';
import { loginAs } from '../../test/http.ts';
import { useTestApp } from '../../test/suite.ts';
import { asSystem } from '../../platform/db/index.ts';
import type { HttpApp } from '../../platform/http/index.ts';
import { capturingSender } from '../../platform/sms/index.ts';
import { activate, memberWithCadre } from './member-portal.testkit.ts';

const settle = () => new Promise((r) => setTimeout(r, 50));

describe.each(engines())('data corrections on %s', (engine) => {
  let t: TestDb;
  let app: HttpApp;
  const sent = capturingSender();
  useTestApp(engine, (s) => ({ t, app } = s), { messageSender: sent });

  it('member asks, cadre resolves or rejects, member withdraws; the ID number is encrypted and masked', async () => {
    const { cadre, member } = await memberWithCadre(app, t.db, t.rootOrgId);
    const me = await activate(app, sent, member);
    const newId = newIdNumber();

    const bad = await me.post('/api/v1/h5/cases', { type: 'data_correction', field: 'shoeSize', correct: '42' });
    expect(bad.status).toBe(400);
    const created = await me.post('/api/v1/h5/cases', {
      type: 'data_correction',
      field: 'idNumber',
      correct: newId,
      note: '登记时录错一位',
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const c = created.body as { id: number; number: string; canWithdraw: boolean; detail: { correct: string } };
    expect(c.number).toMatch(/^GZ-/);
    expect(c.canWithdraw).toBe(true);
    expect(c.detail.correct).not.toContain(newId);

    const stored = await asSystem(() => t.db.execute(sql`SELECT payload::text AS p, due_at FROM cases WHERE id = ${c.id}`));
    const row = (stored as unknown as { rows: { p: string; due_at: unknown }[] }).rows[0];
    expect(row?.p).not.toContain(newId);
    expect(row?.due_at).toBeTruthy();

    expect(JSON.stringify((await cadre.get('/api/v1/todos')).body)).toContain(c.number);
    const list = await cadre.get('/api/v1/data-corrections');
    expect(list.status, JSON.stringify(list.body)).toBe(200);
    expect((list.body as { items: { id: number }[] }).items.map((x) => x.id)).toContain(c.id);
    const detail = await cadre.get(`/api/v1/data-corrections/${c.id}`);
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({
      field: 'idNumber',
      fieldLabel: '身份证号码',
      sensitive: true,
      byMember: true,
      note: '登记时录错一位',
    });
    expect(detail.body.correct).not.toBe(newId);
    expect(detail.body.allowedActions).toEqual(expect.arrayContaining(['resolve', 'reject']));

    // Another union's cadre: 404.
    const other = await makeOrg(t.db, t.rootOrgId, { level: 'grassroots', name: uniq('别的工会') });
    const u = await makeUser(t.db, other.id, ['org_admin']);
    const stranger = await loginAs(app, u.username, u.password);
    expect((await stranger.get(`/api/v1/data-corrections/${c.id}`)).status).toBe(404);

    // The cadre (a privacy officer here) reveals the proposed ID number with a reason, to correct the record.
    expect((await cadre.post(`/api/v1/data-corrections/${c.id}/reveal`, {})).status).toBe(400);
    const revealed = await cadre.post(`/api/v1/data-corrections/${c.id}/reveal`, { reason: '核对后更正会员档案' });
    expect(revealed.status, JSON.stringify(revealed.body)).toBe(200);
    expect(revealed.body).toEqual({ correct: newId });
    // Without member:view_sensitive: 403 (the matrix covers another subtree's 404).
    expect((await stranger.post(`/api/v1/data-corrections/${c.id}/reveal`, { reason: '看看' })).status).toBe(403);

    const v = detail.body.version as number;
    expect((await cadre.post(`/api/v1/data-corrections/${c.id}/actions/resolve`, { version: v })).status).toBe(400);
    const mark = sent.sent.length;
    const resolved = await cadre.post(`/api/v1/data-corrections/${c.id}/actions/resolve`, { version: v, opinion: '已按身份证原件更正' });
    expect(resolved.status, JSON.stringify(resolved.body)).toBe(200);
    expect(resolved.body.status).toBe('resolved');
    await settle();
    expect(sent.sent.slice(mark)).toEqual([
      { phone: member.phone, text: `【工会】您的申请 ${c.number} 有新进展：已更正。请登录职工之家查看。` },
    ]);
    const mine = await me.get(`/api/v1/h5/cases/${c.id}`);
    expect(mine.body).toMatchObject({ status: 'resolved', statusLabel: '已更正', canWithdraw: false });

    // Rejected with a reason; withdrawn while pending.
    const second = await me.post('/api/v1/h5/cases', { type: 'data_correction', field: 'joinedAt', correct: '2019-03-01' });
    const s2 = second.body as { id: number; version: number };
    const rejected = await cadre.post(`/api/v1/data-corrections/${s2.id}/actions/reject`, {
      version: s2.version,
      opinion: '入会档案记载为 2021 年',
    });
    expect(rejected.body.status).toBe('rejected');
    const third = await me.post('/api/v1/h5/cases', { type: 'data_correction', field: 'name', correct: '王晓明' });
    const s3 = third.body as { id: number };
    expect((await me.post(`/api/v1/h5/cases/${s3.id}/withdraw`, {})).status).toBe(200);
    expect((await cadre.get(`/api/v1/data-corrections/${s3.id}`)).body.status).toBe('withdrawn');
  });
});
