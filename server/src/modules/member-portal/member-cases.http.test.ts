// 我的申请 over HTTP: a member signed in to the portal applies, follows and withdraws their own cases; the union's
// cadre sees the case in 工作台; another member, a cadre session and an anonymous caller cannot reach it.
import { describe, expect, it } from 'vitest';
import { engines, type TestDb } from '../../test/db.ts';
import type { Client } from '../../test/http.ts';
import { useTestApp } from '../../test/suite.ts';
import { capturingSender } from '../../platform/sms/index.ts';
import type { HttpApp } from '../../platform/http/index.ts';
import { activate, addMember, memberWithCadre } from './member-portal.testkit.ts';

describe.each(engines())('member cases over HTTP on %s', (engine) => {
  let t: TestDb;
  let app: HttpApp;
  let admin: Client;
  const sent = capturingSender();
  useTestApp(engine, (s) => ({ t, app, admin } = s), { messageSender: sent });

  it('a member applies for help with an appeal, sees it, withdraws it; others get 401/404', async () => {
    const { cadre, member } = await memberWithCadre(app, t.db, t.rootOrgId);
    const me = await activate(app, sent, member);

    const bad = await me.post('/api/v1/h5/cases', { type: 'appeal', category: 'welfare' });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toMatch(/[\u4e00-\u9fa5]/);
    const unknown = await me.post('/api/v1/h5/cases', { type: 'loan', content: '借款' });
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(unknown.body)).toMatch(/[\u4e00-\u9fa5]/);

    const created = await me.post('/api/v1/h5/cases', {
      type: 'appeal',
      category: 'welfare',
      content: '单位今年未发放防暑降温费，希望工会协调',
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const c = created.body as { id: number; number: string; canWithdraw: boolean; timeline: { byMe: boolean }[] };
    expect(c.number).toMatch(/^SQ-/);
    expect(c.canWithdraw).toBe(true);
    expect(c.timeline[0]?.byMe).toBe(true);

    const mine = await me.get('/api/v1/h5/cases');
    expect((mine.body as { items: { id: number }[] }).items.map((x) => x.id)).toEqual([c.id]);

    // The union's cadre has it in 工作台, as if registered at the desk.
    const todos = await cadre.get('/api/v1/todos');
    expect(JSON.stringify(todos.body)).toContain(c.number);

    // Another member of the same union: 404; a cadre session or nobody: 401.
    const other = await activate(app, sent, await addMember(cadre, member.orgId));
    expect((await other.get(`/api/v1/h5/cases/${c.id}`)).status).toBe(404);
    expect((await other.post(`/api/v1/h5/cases/${c.id}/withdraw`, {})).status).toBe(404);
    expect((await admin.get('/api/v1/h5/cases')).status).toBe(401);
    expect((await admin.get(`/api/v1/h5/cases/${c.id}`)).status).toBe(401);

    // Without the member CSRF header a write is refused.
    expect((await me.post(`/api/v1/h5/cases/${c.id}/withdraw`, {}, { csrf: false })).status).toBe(403);
    const withdrawn = await me.post(`/api/v1/h5/cases/${c.id}/withdraw`, { reason: '单位已补发' });
    expect(withdrawn.status, JSON.stringify(withdrawn.body)).toBe(200);
    expect((withdrawn.body as { canWithdraw: boolean; open: boolean }).open).toBe(false);
    expect((await me.post(`/api/v1/h5/cases/${c.id}/withdraw`, {})).status).toBe(409);
  });
});
