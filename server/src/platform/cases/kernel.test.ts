// The case kernel with a test-only case type (a review the target org decides, its parent may overrule): every
// transition's permission (403) and scope rule (404), compare-and-set on the version (409), actions the state does
// not allow (409), 20 parallel identical actions (one wins), deadlines in working days, overdue escalation into the
// parent's to-dos, and the calendar routes.
import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { todayCst, type AuditAction } from '@gonghui/common';
import { engines, type TestDb } from '../../test/db.ts';
import { loginAs, loginRoot } from '../../test/http.ts';
import { makeOrg, makeUser, PASSWORD, type OrgRef } from '../../test/factories.ts';
import type { Ctx } from '../authz/index.ts';
import { asSystem } from '../db/index.ts';
import { AppError, type HttpApp } from '../http/index.ts';
import { addCalendarDays, addWorkingDays } from './calendar.ts';
import { loadCalendar } from './calendar.repo.ts';
import { type CaseKernel, type CaseType } from './kernel.ts';
import { useKernelSuite, type A, type P, type S } from './kernel.testkit.ts';

describe.each(engines())('case kernel on %s', (engine) => {
  let t: TestDb, app: HttpApp, kernel: CaseKernel, review: CaseType<S, A, P>;
  let district: OrgRef, street: OrgRef, sender: OrgRef, receiver: OrgRef, stranger: OrgRef;
  const { ctxAt, inScope, outcome, openCase, act, nextN } = useKernelSuite(
    engine,
    (s) => ({ t, app, kernel, review, district, street, sender, receiver, stranger } = s),
  );

  it('numbers cases per type and year and counts the deadline in working days', async () => {
    const owner = await ctxAt(sender, ['member:read', 'member:update']);
    const a = await openCase(owner, receiver);
    const b = await openCase(owner, receiver);
    const today = todayCst();
    expect(a.number).toMatch(new RegExp(`^TR-${today.slice(0, 4)}-\\d{6}$`));
    expect(Number(b.number.slice(-6))).toBe(Number(a.number.slice(-6)) + 1);
    const cal = await loadCalendar(t.db, today, addCalendarDays(today, 60));
    expect(a.dueAt).toBe(addWorkingDays(today, 3, cal));
    expect([a.status, a.version, a.open]).toEqual(['submitted', 1, true]);
    const [steps] = await Promise.all([
      t.owner.execute(sql`SELECT action, from_status, to_status, actor_name, opinion FROM case_steps WHERE case_id = ${a.id}`),
    ]);
    expect(steps.rows).toEqual([
      { action: 'submit', from_status: null, to_status: 'submitted', actor_name: owner.actor.displayName, opinion: '提交审阅' },
    ]);
  });

  it('holds the State Council calendar: a deadline across 国庆 and 春节 skips the holidays and counts 调休 days', async () => {
    const cal = await loadCalendar(t.db, '2026-01-01', '2027-12-31');
    expect(addWorkingDays('2026-09-30', 1, cal)).toBe('2026-10-08');
    expect(addWorkingDays('2026-09-30', 3, cal)).toBe('2026-10-10'); // Saturday 10 Oct is worked
    expect(addWorkingDays('2026-02-13', 2, cal)).toBe('2026-02-24'); // Saturday 14 Feb worked, then 15–23 off
    expect(addWorkingDays('2026-01-02', 1, cal)).toBe('2026-01-04'); // Sunday 4 Jan is worked
    expect(addWorkingDays('2027-09-30', 1, cal)).toBe('2027-10-04'); // 2027: fixed-date holidays only (provisional)
  });

  it('checks each transition: permission 403, scope rule 404, and offers only the actions the caller may take', async () => {
    const owner = await ctxAt(sender, ['member:read', 'member:update']);
    const c = await openCase(owner, receiver);
    const readOnly = await ctxAt(receiver, ['member:read']);
    const decider = await ctxAt(receiver, ['member:read', 'member:update']);
    const outsider = await ctxAt(stranger, ['member:read', 'member:update', 'org:update']);
    const ownerOverruler = await ctxAt(sender, ['member:read', 'member:update', 'org:update']);
    const parent = await ctxAt(street, ['member:read', 'member:update', 'org:update']);

    expect(await outcome(act(readOnly, c.id, 'approve', 1))).toBe('403 FORBIDDEN');
    // The owner side sees the case but is outside the target's rule: as if it did not exist for this action.
    expect(await outcome(act(owner, c.id, 'approve', 1))).toBe('404 NOT_FOUND');
    expect(await outcome(act(outsider, c.id, 'approve', 1))).toBe('404 NOT_FOUND');
    expect(await outcome(inScope(outsider, () => review.get(outsider, c.id)))).toBe('404 NOT_FOUND');
    // `above`: the owner's own org may not overrule, its parent may.
    expect(await outcome(act(ownerOverruler, c.id, 'overrule', 1))).toBe('404 NOT_FOUND');
    expect(await outcome(act(owner, c.id, 'overrule', 1))).toBe('403 FORBIDDEN');
    // A required field: returning needs an opinion.
    const noOpinion = await act(decider, c.id, 'return', 1).catch((e: unknown) => e);
    expect([(noOpinion as AppError).status, (noOpinion as AppError).field]).toEqual([400, 'opinion']);

    const allowed = async (ctx: Ctx) => (await inScope(ctx, () => review.get(ctx, c.id))).allowedActions;
    expect(await allowed(decider)).toEqual(['approve', 'return']);
    expect(await allowed(readOnly)).toEqual([]);
    expect(await allowed(owner)).toEqual([]);
    expect(await allowed(parent)).toEqual(['approve', 'return', 'overrule']);

    const returned = await act(decider, c.id, 'return', 1, '材料不全');
    expect([returned.status, returned.version, returned.open]).toEqual(['returned', 2, false]);
    expect(await allowed(decider)).toEqual([]);
    expect(await allowed(parent)).toEqual(['overrule']);
    expect((await act(parent, c.id, 'overrule', 2)).status).toBe('approved');
    const view = await inScope(owner, () => review.get(owner, c.id));
    expect(view.steps.map((s) => [s.action, s.fromStatus, s.toStatus, s.actorName, s.opinion])).toEqual([
      ['submit', null, 'submitted', owner.actor.displayName, '提交审阅'],
      ['return', 'submitted', 'returned', decider.actor.displayName, '材料不全'],
      ['overrule', 'returned', 'approved', parent.actor.displayName, null],
    ]);
    expect(view.steps[1]?.actorOrgName).toBe(receiver.name);
    const audit = await t.owner.execute(
      sql`SELECT action, org_path FROM audit_events WHERE entity_type = 'test' AND entity_id = ${String(c.id)} ORDER BY id`,
    );
    expect(audit.rows).toEqual([
      { action: 'test.open' as AuditAction, org_path: sender.path },
      { action: 'test.return' as AuditAction, org_path: receiver.path },
      { action: 'test.overrule' as AuditAction, org_path: sender.path },
    ]);
  });

  it('answers 409 for a stale version and for an action the state does not allow', async () => {
    const owner = await ctxAt(sender, ['member:read', 'member:update']);
    const decider = await ctxAt(receiver, ['member:read', 'member:update']);
    const c = await openCase(owner, receiver);
    expect(await outcome(act(decider, c.id, 'approve', 7))).toBe('409 CASE_STALE');
    expect(await outcome(act(decider, c.id, 'approve', 1))).toBe('200');
    expect(await outcome(act(decider, c.id, 'approve', 1))).toBe('409 CASE_STALE');
    expect(await outcome(act(decider, c.id, 'return', 2, '晚了'))).toBe('409 CASE_ACTION_NOT_ALLOWED');
  });

  it('lets exactly one of 20 parallel identical actions through', async () => {
    const owner = await ctxAt(sender, ['member:read', 'member:update']);
    const decider = await ctxAt(receiver, ['member:read', 'member:update']);
    const c = await openCase(owner, receiver);
    const results = await Promise.all(Array.from({ length: 20 }, () => outcome(act(decider, c.id, 'approve', 1))));
    expect(results.filter((r) => r === '200')).toHaveLength(1);
    expect(results.filter((r) => r === '409 CASE_STALE')).toHaveLength(19);
    const steps = await t.owner.execute(sql`SELECT count(*)::int AS n FROM case_steps WHERE case_id = ${c.id} AND action = 'approve'`);
    const audit = await t.owner.execute(
      sql`SELECT count(*)::int AS n FROM audit_events WHERE action = 'test.approve' AND entity_id = ${String(c.id)}`,
    );
    expect([steps.rows[0]?.n, audit.rows[0]?.n]).toEqual([1, 1]);
  });

  it('keeps one open case per subject (409) and allows a new one once it is closed', async () => {
    const owner = await ctxAt(sender, ['member:read', 'member:update']);
    const decider = await ctxAt(receiver, ['member:read', 'member:update']);
    const subject = `thing:${nextN()}`;
    const c = await openCase(owner, receiver, { subject });
    expect(await outcome(openCase(owner, receiver, { subject }))).toBe('409 CONFLICT');
    await act(decider, c.id, 'approve', 1);
    expect((await openCase(owner, receiver, { subject })).status).toBe('submitted');
  });

  it('puts waiting cases in the expected org’s to-dos and escalates overdue ones to the parent', async () => {
    const union = await makeOrg(t.db, street);
    const owner = await ctxAt(sender, ['member:read', 'member:update']);
    const c = await openCase(owner, union);
    const late = await openCase(owner, union);
    await t.owner.execute(sql`UPDATE cases SET due_at = '2026-01-05' WHERE id = ${late.id}`);
    const swept = await asSystem(() => kernel.sweepOverdue(todayCst()));
    expect(swept.marked).toBeGreaterThanOrEqual(1);
    const todos = async (ctx: Ctx) =>
      (await inScope(ctx, () => kernel.todos(ctx))).filter((x) => x.caseId === c.id || x.caseId === late.id);

    const atUnion = await ctxAt(union, ['member:read', 'member:update']);
    expect((await todos(atUnion)).map((x) => [x.caseId, x.overdue, x.orgName])).toEqual([
      [late.id, true, union.name],
      [c.id, false, union.name],
    ]);
    // Only cadres who could act see the case as theirs.
    expect(await todos(await ctxAt(union, ['member:read']))).toEqual([]);
    // The parent (the street) sees only the overdue case, named after the child that is late.
    const atStreet = await ctxAt(street, ['member:read']);
    expect((await todos(atStreet)).map((x) => [x.caseId, x.number, x.overdue, x.orgName, x.dueAt])).toEqual([
      [late.id, late.number, true, union.name, '2026-01-05'],
    ]);
    // Neither the grandparent nor the owner side nor a stranger.
    expect(await todos(await ctxAt(district, ['member:read', 'member:update']))).toEqual([]);
    expect(await todos(owner)).toEqual([]);
    expect(await todos(await ctxAt(stranger, ['member:read', 'member:update']))).toEqual([]);
  });

  it('calendar: every cadre reads a year; only calendar:manage edits it, audited', async () => {
    const cadre = await loginAs(app, (await makeUser(t.db, sender.id)).username, PASSWORD);
    const y2026 = await cadre.get('/api/v1/calendar/2026');
    expect(y2026.status).toBe(200);
    expect(y2026.body.provisional).toBe(false);
    expect(y2026.body.days).toEqual(
      expect.arrayContaining([
        { date: '2026-02-14', kind: 'workday', name: '春节调休' },
        { date: '2026-10-07', kind: 'holiday', name: '国庆节' },
      ]),
    );
    expect(y2026.body.days.filter((d: { kind: string }) => d.kind === 'holiday')).toHaveLength(33);
    expect(y2026.body.days.filter((d: { kind: string }) => d.kind === 'workday')).toHaveLength(6);
    expect((await cadre.get('/api/v1/calendar/2027')).body.provisional).toBe(true);

    const body = { provisional: false, days: [{ date: '2028-01-01', kind: 'holiday', name: '元旦' }] };
    expect((await cadre.put('/api/v1/calendar/2028', body)).status).toBe(403);
    const admin = await loginRoot(app, 'admin');
    expect(
      (await admin.put('/api/v1/calendar/2028', { ...body, days: [{ date: '2029-01-01', kind: 'holiday', name: '元旦' }] })).body.field,
    ).toBe('days');
    expect(
      (await admin.put('/api/v1/calendar/2028', { ...body, days: [{ date: '2028-01-01', kind: 'vacation', name: '元旦' }] })).status,
    ).toBe(400);
    const put = await admin.put('/api/v1/calendar/2028', body);
    expect(put.status).toBe(200);
    expect((await cadre.get('/api/v1/calendar/2028')).body).toEqual({ year: 2028, provisional: false, days: body.days });
    const audit = await t.owner.execute(
      sql`SELECT count(*)::int AS n FROM audit_events WHERE action = 'calendar.update' AND entity_id = '2028'`,
    );
    expect(audit.rows[0]?.n).toBe(1);
  });
});
