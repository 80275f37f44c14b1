// The case kernel (办件内核, decision 0005). A case type declares its states, which of them are open, who is expected
// to act in each, and its transitions: the permission, the scope rule (which side's cadres may act), the fields the
// action requires and the side effects. The kernel owns everything the types share: numbering, deadlines in working
// days, compare-and-set on `version`, the timeline, the audit row, allowed actions, to-dos and the overdue sweep.
import { z } from 'zod';
import { todayCst } from '@gonghui/common';
import { can, type Actor, type Ctx } from '../authz/index.ts';
import { recordAudit } from '../audit/index.ts';
import { asSystem, type Db, type Tx } from '../db/index.ts';
import { AppError, forbidden, invalid, notFound } from '../http/index.ts';
import * as repo from './cases.repo.ts';
import { actingPermissions, noticesOf, parentIdOf, type CaseEvent, type CaseListener, type CaseNotice } from './notices.ts';

export type { CaseEvent, CaseListener, CaseNotice } from './notices.ts';
import { checkAttachmentRules } from './attachments.ts';
import { createCaseFiles, type CaseFiles } from './case-files.ts';
import type { AttachmentService, MemberUploads } from '../files/index.ts';

export * from './case-type.ts';
import { pathOfSide, passesScope, SYSTEM_ORIGIN, type CaseRecord, type CaseType, type CaseTypeDef } from './case-type.ts';
import { todosOf } from './todos.ts';
import { memberOrigin } from './member-actor.ts';
import { cadreOf, createOpenAs, memberOf, stepActor, type Who } from './kernel.open.ts';
import { createMemberCases } from './member-cases.ts';

export function createCaseKernel({ db }: { db: Db }) {
  // Registered types; the stored defs are only ever used through their own handle or generically by name.
  const types = new Map<string, CaseTypeDef<string, string, unknown>>();
  const listeners: CaseListener[] = [];

  /** Tells the listeners of a step, inside its transaction (a listener's failure rolls the step back). */
  async function emit(
    tx: Tx,
    def: CaseTypeDef<string, string, unknown>,
    c: repo.CaseRow,
    action: string,
    actorId: number | null,
    notices: CaseNotice[],
  ): Promise<void> {
    // Every step reaches the listeners, even one nobody among the cadres must hear of (the applicant member may).
    if (!listeners.length) return;
    const labels = def.stepLabels as Record<string, string> | undefined;
    const event: CaseEvent = {
      caseId: c.id,
      type: c.type,
      number: c.number,
      title: c.title,
      status: c.status,
      action,
      stepLabel: labels?.[action] ?? action,
      actorId,
      createdByMemberId: c.createdByMemberId,
      link: def.link ? def.link({ ...c, payload: def.payload.parse(c.payload) }) : null,
      notices,
    };
    for (const l of listeners) await l(tx, event);
  }

  // Files on cases, once the app has wired the attachment service in (attachFiles).
  let caseFiles: CaseFiles | undefined;
  let memberUploads: MemberUploads | undefined;

  const openAs = createOpenAs(emit);

  /** Moves a loaded case through a transition with compare-and-set, then writes the step, effects and audit row. */
  async function apply<S extends string, A extends string, P>(
    tx: Tx,
    def: CaseTypeDef<S, A, P>,
    c: repo.CaseRow,
    action: A,
    version: number,
    who: Who,
    opinion: string | null,
    input: Record<string, unknown> = {},
  ): Promise<CaseRecord<P>> {
    const tr = def.transitions[action];
    const updated = await repo.compareAndSet(tx, c.id, version, { status: tr.to, open: (def.open as readonly string[]).includes(tr.to) });
    if (!updated) throw new AppError('CASE_STALE');
    let record = { ...updated, payload: def.payload.parse(updated.payload) };
    // The row as the effect left it (a new due day or target side): whom the step's notices go to.
    let latest: repo.CaseRow = updated;
    await repo.insertStep(tx, {
      caseId: c.id,
      action,
      fromStatus: c.status,
      toStatus: tr.to,
      ...(await stepActor(tx, who)),
      opinion,
    });
    if (tr.effect) {
      const effect = tr.effect;
      const res = await asSystem(() => effect({ tx, case: record, actor: who.actor, origin: who.origin, opinion, input }));
      if (res && res.target) {
        const moved = await repo.setTarget(tx, c.id, res.target);
        if (moved) [latest, record] = [moved, { ...moved, payload: record.payload }];
      }
      if (res && res.dueAt !== undefined) {
        const due = await repo.setDue(tx, c.id, res.dueAt);
        if (due) [latest, record] = [due, { ...due, payload: record.payload }];
      }
    }
    const fields = Object.fromEntries(Object.entries(input).filter(([k, v]) => k !== 'opinion' && v !== undefined));
    const side = tr.scope.side;
    const entity = def.audit.entity(record);
    await recordAudit(tx, who.origin, {
      action: tr.audit,
      orgId: side === 'owner' ? c.orgId : (c.targetOrgId ?? c.orgId),
      orgPath: pathOfSide(c, side) ?? c.orgPath,
      ...entity,
      before: { caseId: c.id, number: c.number, status: c.status, version: c.version },
      after: {
        caseId: c.id,
        number: c.number,
        status: updated.status,
        version: updated.version,
        ...(opinion ? { opinion } : {}),
        ...fields,
      },
    });
    const generic = def as unknown as CaseTypeDef<string, string, unknown>;
    await emit(tx, generic, latest, action, who.actor?.userId ?? null, noticesOf(generic, c.status, latest, side));
    return record;
  }

  function register<S extends string, A extends string, P>(def: CaseTypeDef<S, A, P>): CaseType<S, A, P> {
    if (types.has(def.type)) throw new Error(`case type ${def.type} registered twice`);
    if (def.attachments) checkAttachmentRules(def.type, def.attachments);
    types.set(def.type, def as unknown as CaseTypeDef<string, string, unknown>);
    const actions = Object.keys(def.transitions) as A[];
    const asRecord = (c: repo.CaseRow): CaseRecord<P> => ({ ...c, payload: def.payload.parse(c.payload) });

    const allowedActions = (actor: Actor, c: repo.CaseRow): A[] =>
      actions.filter((a) => {
        const tr = def.transitions[a];
        return (
          tr.permission !== null &&
          (tr.from as readonly string[]).includes(c.status) &&
          can(actor, tr.permission) &&
          passesScope(actor, c, tr.scope)
        );
      });

    return {
      def,
      allowedActions,

      open: (ctx, tx, input) => openAs(def, tx, input, cadreOf(ctx)),
      openForMember: (m, tx, input) => openAs(def, tx, input, memberOf(m)),

      async adoptMemberUploads(tx, id, memberId, ids) {
        if (!ids.length) return;
        if (!caseFiles) throw new Error('case files are not wired (attachFiles)');
        const c = await repo.findById(tx, id);
        if (!c || c.type !== def.type || c.createdByMemberId !== memberId) throw notFound(def.label);
        await caseFiles.adoptMemberUploads(tx, def, c, memberId, ids);
      },

      async get(ctx, id) {
        const c = await repo.findVisible(db, ctx.actor.orgPath, def.type, id);
        if (!c) throw notFound(def.label);
        const steps = await repo.stepsOf(db, id);
        const files = caseFiles ? await caseFiles.view(ctx, def, c) : { attachments: [], attachmentPolicy: null };
        return { case: asRecord(c), steps, allowedActions: allowedActions(ctx.actor, c), ...files };
      },

      async act(ctx, id, action, body) {
        const tr = def.transitions[action];
        if (!tr) throw notFound(def.label);
        if (tr.permission === null) throw new AppError('CASE_ACTION_NOT_ALLOWED');
        if (!can(ctx.actor, tr.permission)) throw forbidden();
        const { version: _version, ...fields } = body;
        const parsed = (tr.input ?? z.object({ opinion: z.string().optional() })).safeParse(fields);
        if (!parsed.success) {
          const issue = parsed.error.issues[0];
          throw invalid(String(issue?.path[0] ?? 'opinion'), issue?.message ?? '输入有误');
        }
        return db.transaction(async (tx) => {
          const c = await repo.findVisible(tx, ctx.actor.orgPath, def.type, id);
          // Outside the rule's side it is as if the case did not exist for this action.
          if (!c || !passesScope(ctx.actor, c, tr.scope)) throw notFound(def.label);
          if (c.version !== body.version) throw new AppError('CASE_STALE');
          if (!(tr.from as readonly string[]).includes(c.status)) throw new AppError('CASE_ACTION_NOT_ALLOWED');
          const opinion = parsed.data.opinion?.trim() || null;
          return apply(tx, def, c, action, body.version, cadreOf(ctx), opinion, parsed.data);
        });
      },

      async list(ctx, f) {
        const res = await repo.list(db, { type: def.type, scopePath: ctx.actor.orgPath, ...f });
        return { items: res.items.map(asRecord), total: res.total };
      },

      async openOf(conn, subjects) {
        const rows = await asSystem(() => repo.openOfSubjects(conn, def.type, subjects));
        return new Map(rows.map((r) => [r.subject ?? '', asRecord(r)]));
      },
    };
  }

  /** Every to-do of the caller: cases waiting for their org, and overdue cases of their child orgs. */
  const todos = (ctx: Ctx, limit = 200) => todosOf(db, types.values(), ctx, limit);

  /**
   * The overdue sweep (run as the system): marks open cases past their due day, so parents see them in their
   * to-dos, then runs each type's `onOverdue` action (e.g. a transfer expires). Returns what it did.
   */
  async function sweepOverdue(today = todayCst(), batch = 500): Promise<{ marked: number; acted: number; failed: number }> {
    // Marked and escalated in one transaction: the parent org of each late side hears of it once.
    const marked = await db.transaction(async (tx) => {
      const rows = await repo.markOverdue(tx, today);
      for (const c of rows) {
        const def = types.get(c.type);
        const side = def?.awaiting[c.status];
        if (!def || !side) continue;
        const parentId = parentIdOf(pathOfSide(c, side));
        const permissions = actingPermissions(def, c.status, side);
        if (parentId !== null && permissions.length)
          await emit(tx, def, c, 'overdue', null, [{ orgId: parentId, permissions, reason: 'escalation' }]);
      }
      return rows.length;
    });
    let acted = 0;
    let failed = 0;
    for (const def of types.values()) {
      if (!def.onOverdue) continue;
      const action = def.onOverdue;
      const tr = def.transitions[action];
      if (!tr) continue;
      const due = await repo.dueForSystemAction(db, def.type, [...tr.from], today, batch);
      for (const c of due) {
        // One transaction per case: a cadre who acted a moment earlier wins (CASE_STALE here), and one case whose
        // effect fails (say, a member who changed meanwhile) does not hold up the others; it is retried next sweep.
        const outcome = await db
          .transaction((tx) => apply(tx, def, c, action, c.version, { actor: null, member: null, origin: SYSTEM_ORIGIN }, null))
          .then(
            () => 'acted' as const,
            (e: unknown) => (e instanceof AppError && e.code === 'CASE_STALE' ? ('stale' as const) : ('failed' as const)),
          );
        if (outcome === 'acted') acted++;
        if (outcome === 'failed') failed++;
      }
    }
    return { marked, acted, failed };
  }

  /** Wires the platform's attachment service in: case files and their routes work from then on. */
  function attachFiles(files: AttachmentService): CaseFiles {
    memberUploads = files.memberUploads;
    caseFiles = createCaseFiles({ db, files, typeOf: (type) => types.get(type) });
    return caseFiles;
  }

  /** The member portal's view of the kernel: a member's own cases, and the member transitions (withdraw). */
  const members = createMemberCases({
    db,
    typeOf: (type) => types.get(type),
    apply: (tx, def, c, action, version, who, opinion, input) => apply(tx, def, c, action, version, who, opinion, input),
    origin: memberOrigin,
  });

  return {
    register,
    members,
    todos,
    sweepOverdue,
    attachFiles,
    /** Members' portal uploads (invoice photos), once the attachment service is wired in. */
    memberUploads(): MemberUploads {
      if (!memberUploads) throw new Error('attachments are not wired (attachFiles)');
      return memberUploads;
    },
    rewriteCasePaths: repo.rewriteCasePaths,
    /** Subscribes to every step of every type (notifications); called inside the step's transaction. */
    onStep(listener: CaseListener): void {
      listeners.push(listener);
    },
  };
}

export type CaseKernel = ReturnType<typeof createCaseKernel>;
