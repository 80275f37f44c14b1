// The kernel tests' shared setup: a test-only case type (a review the target org decides, its parent may overrule,
// PDF and image files up to 4 KB) on a fresh database and app, the orgs around it, and helpers that act as a cadre.
import { afterAll, beforeAll } from 'vitest';
import { z } from 'zod';
import { zMultilineText, type AuditAction, type Permission } from '@gonghui/common';
import { openTestDb, type Engine, type TestDb } from '../../test/db.ts';
import { buildTestApp } from '../../test/http.ts';
import { makeOrg, makeUser, type OrgRef } from '../../test/factories.ts';
import type { Ctx } from '../authz/index.ts';
import { runInScope } from '../db/index.ts';
import { AppError, type HttpApp } from '../http/index.ts';
import { createCaseKernel, type CaseKernel, type CaseType } from './kernel.ts';

export type S = 'submitted' | 'approved' | 'returned';
export const FILE_CAP = 4 * 1024;
export type A = 'approve' | 'return' | 'overrule';
export type P = { note: string };

export function registerReview(kernel: CaseKernel): CaseType<S, A, P> {
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

export interface KernelSuite {
  t: TestDb;
  app: HttpApp;
  kernel: CaseKernel;
  review: CaseType<S, A, P>;
  district: OrgRef;
  street: OrgRef;
  sender: OrgRef;
  receiver: OrgRef;
  stranger: OrgRef;
}

/** Opens the suite before the file's tests (closed after); `ready` receives it, the helpers read it when called. */
export function useKernelSuite(engine: Engine, ready: (s: KernelSuite) => void) {
  let s: KernelSuite;
  let n = 0;
  beforeAll(async () => {
    const t = await openTestDb(engine);
    const kernel = createCaseKernel({ db: t.db });
    const review = registerReview(kernel);
    const app = await buildTestApp(t.db, { cases: kernel });
    const district = await makeOrg(t.db, t.rootOrgId, { level: 'district' });
    const street = await makeOrg(t.db, district, { level: 'street' });
    const sender = await makeOrg(t.db, street);
    const receiver = await makeOrg(t.db, street);
    const stranger = await makeOrg(t.db, t.rootOrgId, { level: 'district' });
    s = { t, app, kernel, review, district, street, sender, receiver, stranger };
    ready(s);
  });
  afterAll(async () => {
    await s?.app.close();
    await s?.t.close();
  });

  const ctxAt = async (org: OrgRef, permissions: Permission[]): Promise<Ctx> => {
    const u = await makeUser(s.t.db, org.id, ['viewer']);
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
      s.t.db.transaction((tx) =>
        s.review.open(owner, tx, {
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
    inScope(ctx, () => s.review.act(ctx, id, action, { version, opinion }));
  return { ctxAt, inScope, outcome, openCase, act, nextN: () => ++n };
}
