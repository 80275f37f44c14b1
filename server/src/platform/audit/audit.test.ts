// The audit trail through the API: a verifiable hash chain the database refuses to edit, filters, and access.
// This file tampers with its own database at the end, so it keeps one DB per engine to itself.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { engines, openTestDb, type TestDb } from '../../test/db.ts';
import { buildTestApp, Client, loginAs, loginRoot, type Loose } from '../../test/http.ts';
import { makeTree, makeUser, PASSWORD, uniq } from '../../test/factories.ts';
import type { HttpApp } from '../http/index.ts';
import { appendAudit } from './audit.ts';

/** Drizzle wraps the driver error; the trigger's own message is in its cause. */
const appendOnly = { cause: { message: expect.stringContaining('append-only') } };
const isoDay = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

describe.each(engines())('audit trail on %s', (engine) => {
  let t: TestDb;
  let app: HttpApp;
  let admin: Client;
  let tree: Awaited<ReturnType<typeof makeTree>>;
  let clerk: { id: number; username: string; client: Client };
  let clerkActions = 0;

  beforeAll(async () => {
    t = await openTestDb(engine);
    app = await buildTestApp(t.db);
    // The root auditor (三员分立: only the auditor role reads the log).
    admin = await loginRoot(app, 'auditor');
    tree = await makeTree(t.db, t.rootOrgId);
    const u = await makeUser(t.db, tree.district.id, ['org_admin']);
    clerk = { ...u, client: await loginAs(app, u.username, PASSWORD) };
    clerkActions = 3; // the login, then the TOTP enrolment the policy requires of an org_admin (started, confirmed)
    // Several audited actions by the district admin, one of each kind.
    const union = tree.streets[0]?.unions[0];
    if (!union) throw new Error('tree');
    const steps = [
      await clerk.client.post('/api/v1/orgs', {
        parentId: tree.district.id,
        name: uniq('审计街道'),
        level: 'street',
        kind: 'federation_body',
      }),
      await clerk.client.patch(`/api/v1/orgs/${union.id}`, { chairName: '周立', headcount: 80 }),
      await clerk.client.post(`/api/v1/orgs/${union.id}/events`, { type: 'reelect', date: '2025-01-10', chairName: '吴敏' }),
      await clerk.client.post(`/api/v1/orgs/${union.id}/events`, { type: 'rename', date: '2025-02-10', newName: uniq('更名工会') }),
      await clerk.client.post('/api/v1/users', {
        username: uniq('auditee'),
        password: 'Init#Pass2026',
        orgId: union.id,
        roles: ['viewer'],
      }),
    ];
    expect(steps.map((s) => s.status)).toEqual([201, 200, 201, 201, 201]);
    clerkActions += steps.length;
  });
  afterAll(async () => {
    await app?.close();
    await t?.close();
  });

  const countAll = async () => (await admin.get('/api/v1/audit-events?pageSize=1')).body.total as number;

  it('verifies the whole chain: ok, and every row checked', async () => {
    const total = await countAll();
    expect(total).toBeGreaterThanOrEqual(clerkActions + 2); // + bootstrap and the admin’s login
    const res = await admin.get('/api/v1/audit-events/verify');
    expect(res.status).toBe(200);
    // openTestDb sealed the bootstrap's rows, as main.ts does at start.
    expect(res.body).toEqual({ ok: true, checked: total, sealedThrough: expect.any(Number) });
  });

  it('the database refuses UPDATE and DELETE on audit_events', async () => {
    const before = await admin.get('/api/v1/audit-events?pageSize=1');
    const id = before.body.items[0].id as number;
    await expect(t.owner.execute(sql`UPDATE audit_events SET action = 'x' WHERE id = ${id}`)).rejects.toMatchObject(appendOnly);
    await expect(t.owner.execute(sql`DELETE FROM audit_events WHERE id = ${id}`)).rejects.toMatchObject(appendOnly);
    await expect(t.owner.execute(sql`DELETE FROM audit_events`)).rejects.toMatchObject(appendOnly);
    const after = await admin.get('/api/v1/audit-events?pageSize=1');
    expect(after.body.total).toBe(before.body.total);
    expect(after.body.items[0]).toEqual(before.body.items[0]);
    expect((await admin.get('/api/v1/audit-events/verify')).body.ok).toBe(true);
  });

  it('filters by actor, action, entity and date range', async () => {
    const byClerk = await admin.get(`/api/v1/audit-events?actor=${clerk.username}&pageSize=200`);
    expect(byClerk.body.total).toBe(clerkActions);
    expect(byClerk.body.items.every((e: Loose) => e.actorName === clerk.username && e.actorId === clerk.id)).toBe(true);
    expect(byClerk.body.items.map((e: Loose) => e.action).sort()).toEqual(
      [
        'auth.login',
        'auth.mfa_enrolled',
        'auth.mfa_enrollment_started',
        'org.create',
        'org.reelect',
        'org.rename',
        'org.update',
        'user.create',
      ].sort(),
    );
    const unknown = await admin.get(`/api/v1/audit-events?actor=${uniq('nobody')}`);
    expect(unknown.body).toMatchObject({ total: 0, items: [] });

    const reelect = await admin.get('/api/v1/audit-events?action=org.reelect');
    expect(reelect.body.total).toBe(1);
    expect(reelect.body.items[0]).toMatchObject({
      action: 'org.reelect',
      actorName: clerk.username,
      after: { chairName: '吴敏', date: '2025-01-10' },
    });
    const both = await admin.get(`/api/v1/audit-events?action=org.update&actor=${clerk.username}`);
    expect(both.body.total).toBe(1);
    expect((await admin.get('/api/v1/audit-events?action=org.update&actor=auditor')).body.total).toBe(0);

    // Dates: the range around today holds everything; ranges entirely before or after hold nothing.
    const total = await countAll();
    expect((await admin.get(`/api/v1/audit-events?from=${isoDay(-2)}&to=${isoDay(2)}&pageSize=1`)).body.total).toBe(total);
    expect((await admin.get(`/api/v1/audit-events?from=${isoDay(-2)}&pageSize=1`)).body.total).toBe(total);
    expect((await admin.get(`/api/v1/audit-events?from=${isoDay(2)}`)).body.total).toBe(0);
    expect((await admin.get(`/api/v1/audit-events?to=${isoDay(-2)}`)).body.total).toBe(0);
    expect((await admin.get(`/api/v1/audit-events?actor=${clerk.username}&from=${isoDay(-2)}&to=${isoDay(2)}`)).body.total).toBe(
      clerkActions,
    );
    const bad = await admin.get('/api/v1/audit-events?from=2026-13-01');
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/^开始日期：/);
  });

  it('date filters follow the Beijing calendar day the rest of the platform uses (todayCst)', async () => {
    // A correctly chained row for an action at 07:30 Beijing time on 11 March 2025 (23:30 UTC on the 10th).
    const night = uniq('night');
    await t.db.transaction(async (tx) => {
      const row = {
        at: new Date('2025-03-10T23:30:00Z'),
        actorId: null,
        actorName: night,
        orgId: tree.district.id,
        orgPath: tree.district.path,
        action: 'org.update',
        entityType: 'org',
        entityId: String(tree.district.id),
        before: null,
        after: null,
        ip: null,
        requestId: null,
      };
      await appendAudit(tx, row);
    });
    expect((await admin.get('/api/v1/audit-events/verify')).body.ok).toBe(true);
    const day = async (d: string) => (await admin.get(`/api/v1/audit-events?actor=${night}&from=${d}&to=${d}`)).body.total;
    expect({ '2025-03-10': await day('2025-03-10'), '2025-03-11': await day('2025-03-11') }).toEqual({ '2025-03-10': 0, '2025-03-11': 1 });
  });

  it('pages newest first with stable totals', async () => {
    const total = await countAll();
    const p1 = await admin.get('/api/v1/audit-events?page=1&pageSize=3');
    const p2 = await admin.get('/api/v1/audit-events?page=2&pageSize=3');
    expect(p1.body).toMatchObject({ total, page: 1, pageSize: 3 });
    const idsSeen = [...p1.body.items, ...p2.body.items].map((e: Loose) => e.id as number);
    expect(idsSeen).toEqual([...idsSeen].sort((a, b) => b - a));
    expect(new Set(idsSeen).size).toBe(Math.min(6, total));
  });

  it('a viewer gets 403 on every audit endpoint; an auditor reads and verifies; no session is 401', async () => {
    const viewer = await loginAs(app, (await makeUser(t.db, tree.district.id, ['viewer'])).username, PASSWORD);
    for (const p of ['/api/v1/audit-events', '/api/v1/audit-events/verify', `/api/v1/audit-events?actor=${clerk.username}`]) {
      const res = await viewer.get(p);
      expect(res.status, p).toBe(403);
      expect(res.body.code).toBe('FORBIDDEN');
    }
    const auditor = await loginAs(app, (await makeUser(t.db, tree.district.id, ['auditor'])).username, PASSWORD);
    const seen = await auditor.get(`/api/v1/audit-events?actor=${clerk.username}&pageSize=200`);
    expect(seen.status).toBe(200);
    expect(seen.body.total).toBe(clerkActions);
    // The chain spans the federation: a district auditor may not learn its size; the top-level auditor verifies it.
    expect((await auditor.get('/api/v1/audit-events/verify')).status).toBe(403);
    const topAuditor = await loginAs(app, (await makeUser(t.db, t.rootOrgId, ['auditor'])).username, PASSWORD);
    expect((await topAuditor.get('/api/v1/audit-events/verify')).body.ok).toBe(true);
    expect((await new Client(app).get('/api/v1/audit-events/verify')).status).toBe(401);
  });

  it('detects a row edited behind the trigger’s back, and points at it', async () => {
    const all = await admin.get(`/api/v1/audit-events?actor=${clerk.username}&action=org.update`);
    const target = all.body.items[0];
    expect(target.after).toMatchObject({ chairName: '周立' });
    const total = await countAll();
    const earlier = (await t.owner.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM audit_events WHERE id < ${target.id}`)).rows[0]
      ?.n;
    await t.owner.execute(sql`ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update`);
    try {
      await t.owner.execute(sql`UPDATE audit_events SET after = jsonb_set(after, '{chairName}', '"冒名"') WHERE id = ${target.id}`);
    } finally {
      await t.owner.execute(sql`ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update`);
    }
    // The tampered value is what the API now shows, and verification flags exactly that row.
    expect((await admin.get(`/api/v1/audit-events?action=org.update&actor=${clerk.username}`)).body.items[0].after.chairName).toBe('冒名');
    const res = await admin.get('/api/v1/audit-events/verify');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ok: false, checked: earlier, brokenAt: target.id, reason: 'hash_mismatch' });
    expect(earlier).toBeLessThan(total);
    // The trigger is back on.
    await expect(t.owner.execute(sql`DELETE FROM audit_events WHERE id = ${target.id}`)).rejects.toMatchObject(appendOnly);
  });
});
