// The case kernel with a test-only case type (a review the target org decides, its parent may overrule): every
// transition's permission (403) and scope rule (404), compare-and-set on the version (409), actions the state does
// not allow (409), 20 parallel identical actions (one wins), deadlines in working days, overdue escalation into the
// parent's to-dos, and the calendar routes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { todayCst, zMultilineText, type AuditAction, type Permission } from '@gonghui/common';
import { engines, openTestDb, type TestDb } from '../../test/db.ts';
import { buildTestApp, loginAs, loginRoot, type Client } from '../../test/http.ts';
import { makeOrg, makeUser, PASSWORD, type OrgRef } from '../../test/factories.ts';
import type { Ctx } from '../authz/index.ts';
import { asSystem, runInScope } from '../db/index.ts';
import { AppError, type HttpApp } from '../http/index.ts';
import { addCalendarDays, addWorkingDays } from './calendar.ts';
import { loadCalendar } from './calendar.repo.ts';
import { createCaseKernel, type CaseKernel, type CaseType } from './kernel.ts';
import { DOC, EXE, multipart, PDF, PNG } from '../files/fixtures.ts';

type S = 'submitted' | 'approved' | 'returned';
const FILE_CAP = 4 * 1024;
type A = 'approve' | 'return' | 'overrule';
type P = { note: string };

function registerReview(kernel: CaseKernel): CaseType<S, A, P> {
  return kernel.register<S, A, P>({
    type: 'test_review',
    prefix: 'TR',
    label: '测试事项',
    payload: z.object({ note: z.string() }),
    initial: 'submitted',
    open: ['submitted'],
    awaiting: { submitted: 'target' },
    readPermission: 'member:read',
    openExistsMessage: '该对象已有办理中的测试事项',
    // Files: PDF and images up to 4 KB, three per case, added by either side while it waits.
    attachments: {
      kinds: ['pdf', 'image'],
      maxBytes: FILE_CAP,
      maxCount: 3,
      states: ['submitted'],
      permission: 'member:update',
      sides: ['owner', 'target'],
    },
    // A test-only action: recorded by this file's case type and by nothing in production.
    audit: { open: 'test.open' as AuditAction, entity: (c) => ({ entityType: 'test', entityId: c.id }) },
    transitions: {
      approve: {
        from: ['submitted'],
        to: 'approved',
        permission: 'member:update',
        scope: { side: 'target' },
        audit: 'test.approve' as AuditAction,
      },
      return: {
        from: ['submitted'],
        to: 'returned',
        permission: 'member:update',
        scope: { side: 'target' },
        input: z.object({ opinion: zMultilineText(500).min(1, '须填写意见') }),
        audit: 'test.return' as AuditAction,
      },
      // Only an org strictly above the owner, with a permission cadres of the owner's level also lack here.
      overrule: {
        from: ['submitted', 'returned'],
        to: 'approved',
        permission: 'org:update',
        scope: { side: 'owner', above: true },
        audit: 'test.overrule' as AuditAction,
      },
    },
  });
}

describe.each(engines())('case kernel on %s', (engine) => {
  let t: TestDb;
  let app: HttpApp;
  let kernel: CaseKernel;
  let review: CaseType<S, A, P>;
  let district: OrgRef;
  let street: OrgRef;
  let sender: OrgRef;
  let receiver: OrgRef;
  let stranger: OrgRef;
  let n = 0;

  beforeAll(async () => {
    t = await openTestDb(engine);
    kernel = createCaseKernel({ db: t.db });
    review = registerReview(kernel);
    app = await buildTestApp(t.db, { cases: kernel });
    district = await makeOrg(t.db, t.rootOrgId, { level: 'district' });
    street = await makeOrg(t.db, district, { level: 'street' });
    sender = await makeOrg(t.db, street);
    receiver = await makeOrg(t.db, street);
    stranger = await makeOrg(t.db, t.rootOrgId, { level: 'district' });
  });
  afterAll(async () => {
    await app?.close();
    await t?.close();
  });

  const ctxAt = async (org: OrgRef, permissions: Permission[]): Promise<Ctx> => {
    const u = await makeUser(t.db, org.id, ['viewer']);
    return {
      actor: {
        userId: u.id,
        username: u.username,
        displayName: `干部${++n}`,
        orgId: org.id,
        orgPath: org.path,
        roles: [],
        permissions: new Set(permissions),
        sessionId: 'test',
        mustChangePassword: false,
      },
      ip: null,
      requestId: null,
    };
  };
  const inScope = <T>(ctx: Ctx, fn: () => Promise<T>) => runInScope(ctx.actor.orgPath, fn);
  /** The HTTP status and code an action would answer. */
  const outcome = (p: Promise<unknown>): Promise<string> =>
    p.then(
      () => '200',
      (e: unknown) => {
        if (e instanceof AppError) return `${e.status} ${e.code}`;
        throw e;
      },
    );
  const openCase = async (owner: Ctx, target: OrgRef, opts: { subject?: string; days?: number } = {}) =>
    inScope(owner, () =>
      t.db.transaction((tx) =>
        review.open(owner, tx, {
          owner: { id: owner.actor.orgId, path: owner.actor.orgPath },
          target: { id: target.id, path: target.path },
          subject: opts.subject,
          title: `测试事项${++n}`,
          payload: { note: '请审阅' },
          dueInWorkingDays: opts.days ?? 3,
          opinion: '提交审阅',
        }),
      ),
    );
  const act = (ctx: Ctx, id: number, action: A, version: number, opinion?: string) =>
    inScope(ctx, () => review.act(ctx, id, action, { version, opinion }));

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
    const c = await openCase(owner, receiver, { subject: `thing:${n}` });
    const subject = `thing:${n - 1}`;
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

  describe('attachments', () => {
    const as = async (org: OrgRef) => {
      const u = await makeUser(t.db, org.id, ['org_admin']);
      return { client: await loginAs(app, u.username, PASSWORD), userId: u.id };
    };
    const send = (c: Client, method: 'GET' | 'POST' | 'DELETE', url: string, body?: ReturnType<typeof multipart>) =>
      app.inject({
        method,
        url,
        payload: body?.payload,
        headers: {
          cookie: Object.entries(c.cookies)
            .map(([k, v]) => `${k}=${v}`)
            .join('; '),
          ...(method !== 'GET' ? { 'x-csrf-token': c.cookies.csrf_token ?? '' } : {}),
          ...body?.headers,
        },
      });
    const upload = async (c: Client, caseId: number, file: Buffer, name: string) => {
      const res = await send(c, 'POST', `/api/v1/cases/${caseId}/attachments`, multipart(file, name, 'application/pdf'));
      return { status: res.statusCode, body: res.json() };
    };

    it('accepts the type’s kinds only, naming the refused file; caps size and count; lists files on the case for both sides', async () => {
      const owner = await ctxAt(sender, ['member:read', 'member:update']);
      const c = await openCase(owner, receiver);
      const { client: senderCadre } = await as(sender);
      const { client: receiverCadre } = await as(receiver);

      const exe = await upload(senderCadre, c.id, EXE, 'setup.exe');
      expect([exe.status, exe.body.field]).toEqual([400, 'file']);
      expect(exe.body.message).toContain('「setup.exe」');
      const fake = await upload(senderCadre, c.id, Buffer.from('这不是 PDF，只是改了扩展名的文本'), '介绍信.pdf');
      expect(fake.status).toBe(400);
      expect(fake.body.message).toMatch(/^文件「介绍信\.pdf」的内容不是允许的类型.*仅可上传JPEG、PNG、GIF、WebP 图片、PDF 文件$/);
      // A Word file is a platform kind, but not one this type allows.
      const doc = await upload(senderCadre, c.id, DOC, '说明.doc');
      expect([doc.status, doc.body.message]).toEqual([
        400,
        '文件「说明.doc」是Word 97-2003 文档，此处仅可上传JPEG、PNG、GIF、WebP 图片、PDF 文件',
      ]);
      const big = await upload(senderCadre, c.id, Buffer.concat([PDF, Buffer.alloc(FILE_CAP)]), '扫描件.pdf');
      expect([big.status, big.body.code]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
      expect(big.body.message).toContain('「扫描件.pdf」超过');

      const ok = await upload(senderCadre, c.id, PDF, '介绍信.pdf');
      expect(ok.status).toBe(201);
      expect(ok.body).toMatchObject({ name: '介绍信.pdf', size: PDF.length, contentType: 'application/pdf', removable: true });
      expect((await upload(receiverCadre, c.id, PNG, '回执.png')).status).toBe(201);

      // Both sides see both files on the case and on its timeline; only the uploader may remove theirs.
      const ownerView = await inScope(owner, () => review.get(owner, c.id));
      expect(ownerView.attachments.map((a) => [a.name, a.removable])).toEqual([
        ['介绍信.pdf', false],
        ['回执.png', false],
      ]);
      expect(ownerView.attachmentPolicy).toEqual({ kinds: ['pdf', 'image'], maxBytes: FILE_CAP, maxCount: 3, canUpload: true });
      expect(ownerView.steps.filter((x) => x.action === 'attach').map((x) => [x.opinion, x.toStatus])).toEqual([
        ['介绍信.pdf', 'submitted'],
        ['回执.png', 'submitted'],
      ]);
      const decider = await ctxAt(receiver, ['member:read', 'member:update']);
      expect((await inScope(decider, () => review.get(decider, c.id))).attachments.map((a) => a.uploadedBy)).toHaveLength(2);

      const dl = await send(receiverCadre, 'GET', `/api/v1/cases/${c.id}/attachments/${ok.body.id}/download`);
      expect([dl.statusCode, dl.headers['content-type']]).toEqual([200, 'application/pdf']);
      expect(dl.rawPayload).toEqual(PDF);
      const audit = await t.owner.execute(
        sql`SELECT org_path, after FROM audit_events WHERE action = 'attachment.download' AND entity_id = ${String(ok.body.id)}`,
      );
      // Filed under the side that downloaded, like the case's own rows.
      expect(audit.rows).toEqual([{ org_path: receiver.path, after: expect.objectContaining({ ownerType: 'case', ownerId: c.id }) }]);

      // The third file fills the case; a fourth is refused.
      expect((await upload(senderCadre, c.id, PNG, '照片.png')).status).toBe(201);
      const full = await upload(senderCadre, c.id, PNG, '再一张.png');
      expect([full.status, full.body.message]).toEqual([409, '每件最多 3 个附件，请先删除不需要的附件']);
      // Removing is the uploader's own: another cadre gets 403, the uploader 204 (a step on the timeline).
      expect((await send(receiverCadre, 'DELETE', `/api/v1/cases/${c.id}/attachments/${ok.body.id}`)).statusCode).toBe(403);
      expect((await send(senderCadre, 'DELETE', `/api/v1/cases/${c.id}/attachments/${ok.body.id}`)).statusCode).toBe(204);
      expect((await upload(senderCadre, c.id, PNG, '再一张.png')).status).toBe(201);
    });

    it('answers 404 to a third org on every path, 403 without permission, and 409 once the state closes uploads', async () => {
      const owner = await ctxAt(sender, ['member:read', 'member:update']);
      const c = await openCase(owner, receiver);
      const { client: senderCadre } = await as(sender);
      const { client: outsider } = await as(stranger);
      const viewerUser = await makeUser(t.db, sender.id, ['viewer']);
      const viewer = await loginAs(app, viewerUser.username, PASSWORD);

      const ok = await upload(senderCadre, c.id, PDF, '介绍信.pdf');
      expect(ok.status).toBe(201);
      expect((await send(senderCadre, 'DELETE', `/api/v1/cases/${c.id}/attachments/${ok.body.id}`)).statusCode).toBe(204);
      const kept = await upload(senderCadre, c.id, PNG, '扫描件.png');
      const file = `/api/v1/cases/${c.id}/attachments/${kept.body.id}`;

      expect((await send(outsider, 'GET', `${file}/download`)).statusCode).toBe(404);
      expect((await send(outsider, 'DELETE', file)).statusCode).toBe(404);
      expect((await upload(outsider, c.id, PNG, 'x.png')).status).toBe(404);
      // The generic attachment routes do not serve case files, even to the case's own side.
      expect((await send(senderCadre, 'GET', `/api/v1/attachments/${kept.body.id}/download`)).statusCode).toBe(404);
      expect((await send(senderCadre, 'GET', `/api/v1/attachments?ownerType=case&ownerId=${c.id}`)).statusCode).toBe(400);
      // A viewer reads and downloads but may not add.
      expect((await send(viewer, 'GET', `${file}/download`)).statusCode).toBe(200);
      expect((await upload(viewer, c.id, PNG, 'x.png')).status).toBe(403);

      const decider = await ctxAt(receiver, ['member:read', 'member:update']);
      await act(decider, c.id, 'approve', 1);
      const late = await upload(senderCadre, c.id, PNG, '补充.png');
      expect([late.status, late.body.code]).toEqual([409, 'CASE_ACTION_NOT_ALLOWED']);
      expect((await send(senderCadre, 'DELETE', file)).statusCode).toBe(409);
      expect((await send(senderCadre, 'GET', `${file}/download`)).statusCode).toBe(200);
      const view = await inScope(owner, () => review.get(owner, c.id));
      expect(view.attachments.map((a) => [a.name, a.removable])).toEqual([['扫描件.png', false]]);
      expect(view.attachmentPolicy?.canUpload).toBe(false);
      expect(view.steps.map((x) => x.action)).toEqual(['submit', 'attach', 'detach', 'attach', 'approve']);
    });
  });
});
