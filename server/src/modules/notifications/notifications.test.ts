// The inbox fed by the case kernel, through the API: a 会员接转 request tells the receiving union's cadres who can
// accept it (not a viewer, not the parent, not an unrelated union); a rejection tells the sender; the overdue sweep
// tells the late union's parent and the sender; a failed request leaves no job; one's own notification is read, and
// someone else's answers 404 (and PostgreSQL's row-level security shows each user only their own rows).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { engines, openTestDb, type TestDb } from '../../test/db.ts';
import { buildTestApp, loginAs, type Client } from '../../test/http.ts';
import { makeOrg, makeUser, newIdNumber, PASSWORD, type OrgRef } from '../../test/factories.ts';
import { createCaseKernel, type CaseKernel } from '../../platform/cases/index.ts';
import { asSystem, runInScope } from '../../platform/db/index.ts';
import type { HttpApp } from '../../platform/http/index.ts';

describe.each(engines())('notifications on %s', (engine) => {
  let t: TestDb;
  let app: HttpApp;
  let kernel: CaseKernel;
  let ua: OrgRef;
  let ub: OrgRef;
  let a: OrgRef;
  let b: OrgRef;
  const ids: Record<string, number> = {};
  const c: Record<string, Client> = {};

  beforeAll(async () => {
    t = await openTestDb(engine);
    kernel = createCaseKernel({ db: t.db });
    app = await buildTestApp(t.db, { cases: kernel });
    a = await makeOrg(t.db, t.rootOrgId, { level: 'district' });
    b = await makeOrg(t.db, t.rootOrgId, { level: 'district' });
    const other = await makeOrg(t.db, t.rootOrgId, { level: 'district' });
    ua = await makeOrg(t.db, a);
    ub = await makeOrg(t.db, b);
    const people: [string, OrgRef, string][] = [
      ['sender', ua, 'org_admin'],
      ['receiver', ub, 'org_admin'],
      ['receiverViewer', ub, 'viewer'],
      ['parent', b, 'org_admin'],
      ['unrelated', other, 'org_admin'],
    ];
    for (const [key, org, role] of people) {
      const u = await makeUser(t.db, org.id, [role]);
      ids[key] = u.id;
      c[key] = await loginAs(app, u.username, PASSWORD);
    }
  });
  afterAll(async () => {
    await app?.close();
    await t?.close();
  });

  /** Waits until every notify job has ended (they are poked right after the step commits). */
  const settled = async () => {
    for (let i = 0; i < 250; i++) {
      const open = await t.owner.execute<{ n: number }>(
        sql`SELECT count(*)::int AS n FROM jobs WHERE kind = 'notify' AND status IN ('queued', 'running')`,
      );
      if (open.rows[0]?.n === 0) return;
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error('notify jobs did not end');
  };
  const inbox = async (who: string) => {
    const res = await (c[who] as Client).get('/api/v1/notifications');
    expect(res.status).toBe(200);
    return res.body as { items: { id: number; title: string; link: string; caseId: number; readAt: string | null }[]; unreadCount: number };
  };
  const newTransfer = async () => {
    const m = await (c.sender as Client).post('/api/v1/members', {
      orgId: ua.id,
      name: '周小通',
      idNumber: newIdNumber(),
      joinedAt: '2019-03-01',
    });
    expect(m.status).toBe(201);
    const res = await (c.sender as Client).post(`/api/v1/members/${m.body.id}/transfers`, { toOrgId: ub.id, reason: '工作调动' });
    expect(res.status).toBe(201);
    return { memberId: m.body.id as number, transfer: res.body as { id: number; number: string; version: number } };
  };

  it('a transfer request tells the receiving cadres who can accept it, and nobody else', async () => {
    const { transfer } = await newTransfer();
    await settled();
    const mine = await inbox('receiver');
    expect(mine.unreadCount).toBe(1);
    expect(mine.items).toEqual([
      expect.objectContaining({
        title: expect.stringMatching(new RegExp(`^【待办理】会员接转：.*（${transfer.number}）$`)) as string,
        caseId: transfer.id,
        link: `/transfers/${transfer.id}`,
        readAt: null,
      }),
    ]);
    for (const who of ['receiverViewer', 'parent', 'unrelated', 'sender']) expect((await inbox(who)).items, who).toEqual([]);
  });

  it('a refused request (409) writes no notify job', async () => {
    const before = (await t.owner.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM jobs WHERE kind = 'notify'`)).rows[0]?.n;
    const { memberId } = await newTransfer();
    const again = await (c.sender as Client).post(`/api/v1/members/${memberId}/transfers`, { toOrgId: ub.id });
    expect(again.status).toBe(409);
    const after = (await t.owner.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM jobs WHERE kind = 'notify'`)).rows[0]?.n;
    // Only the first request's job.
    expect(after).toBe((before ?? 0) + 1);
    await settled();
  });

  it('a rejection tells the sending cadres; the one who rejected is not told', async () => {
    const { transfer } = await newTransfer();
    await settled();
    const before = (await inbox('receiver')).items.length;
    const res = await (c.receiver as Client).post(`/api/v1/transfers/${transfer.id}/actions/reject`, {
      version: transfer.version,
      opinion: '人员信息不符',
    });
    expect(res.status).toBe(200);
    await settled();
    const sent = await inbox('sender');
    expect(sent.items[0]).toMatchObject({ caseId: transfer.id, title: expect.stringMatching(/^【拒收】/) as string });
    expect((await inbox('receiver')).items.length).toBe(before);
    expect((await inbox('unrelated')).items).toEqual([]);
  });

  it('a hardship file approved above tells the union that filed it', async () => {
    const approver = await makeUser(t.db, a.id, ['org_admin']);
    const above = await loginAs(app, approver.username, PASSWORD);
    const sender = c.sender as Client;
    const f = await sender.post('/api/v1/hardship-files', {
      orgId: ua.id,
      name: '王困难',
      idNumber: newIdNumber(),
      householdSize: 3,
      incomePerHead: 60_000,
      causes: ['illness'],
      tier: 'district',
    });
    expect(f.status).toBe(201);
    const submitted = await sender.post(`/api/v1/hardship-files/${f.body.id}/actions/submit`, { version: f.body.version });
    expect(submitted.status).toBe(200);
    await settled();
    const approved = await above.post(`/api/v1/hardship-files/${f.body.id}/actions/approve`, {
      version: submitted.body.version,
      registeredAt: '2026-03-01',
    });
    expect(approved.status).toBe(200);
    await settled();
    const told = (await inbox('sender')).items.filter((n) => n.caseId === f.body.id);
    expect(told).toHaveLength(1);
    expect(told[0]?.title).toMatch(/^【审批通过】困难职工建档/);
    expect(told[0]?.link).toBe(`/hardship-files/${f.body.id}`);
    expect((await inbox('unrelated')).items.some((n) => n.caseId === f.body.id)).toBe(false);
  });

  it('the overdue sweep tells the late union’s parent and, when the request expires, the sender', async () => {
    const { transfer } = await newTransfer();
    await settled();
    await t.owner.execute(sql`UPDATE cases SET due_at = '2026-01-05' WHERE id = ${transfer.id}`);
    await asSystem(() => kernel.sweepOverdue());
    await settled();
    const parent = (await inbox('parent')).items.filter((n) => n.caseId === transfer.id);
    expect(parent.map((n) => n.title)).toEqual([expect.stringMatching(/^【下级逾期】/)]);
    const sender = (await inbox('sender')).items.filter((n) => n.caseId === transfer.id);
    expect(sender.map((n) => n.title)).toEqual([expect.stringMatching(/^【逾期失效】/)]);
  });

  it('reads one’s own notification; someone else’s is 404', async () => {
    const [first] = (await inbox('receiver')).items;
    if (!first) throw new Error('no notification');
    expect((await (c.unrelated as Client).post(`/api/v1/notifications/${first.id}/read`, {})).status).toBe(404);
    expect((await (c.sender as Client).post(`/api/v1/notifications/${first.id}/read`, {})).status).toBe(404);
    expect((await (c.receiver as Client).post('/api/v1/notifications/999999999/read', {})).status).toBe(404);
    expect((await inbox('receiver')).items.find((n) => n.id === first.id)?.readAt).toBeNull();
    const unread = (await inbox('receiver')).unreadCount;
    const read = await (c.receiver as Client).post(`/api/v1/notifications/${first.id}/read`, {});
    expect(read.status).toBe(200);
    expect(read.body.readAt).toEqual(expect.any(String));
    expect((await inbox('receiver')).unreadCount).toBe(unread - 1);
    const unreadOnly = await (c.receiver as Client).get('/api/v1/notifications?unread=true');
    expect(unreadOnly.body.items.map((n: { id: number }) => n.id)).not.toContain(first.id);
  });

  it.runIf(engine === 'postgres')('row-level security shows a user only their own rows, and none without a user', async () => {
    const count = (userId?: number) =>
      runInScope(
        ub.path,
        async () => (await t.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM notifications`)).rows[0]?.n,
        userId,
      );
    const own = (
      await t.owner.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM notifications WHERE recipient_id = ${ids.receiver}`)
    ).rows[0]?.n;
    expect(own).toBeGreaterThan(0);
    expect(await count(ids.receiver)).toBe(own);
    expect(await count(ids.receiverViewer)).toBe(0);
    expect(await count()).toBe(0);
  });
});
