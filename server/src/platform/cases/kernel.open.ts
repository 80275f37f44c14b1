// Opening a case (the kernel's open() and openForMember()) and who a step is by: a cadre, a member in the member
// portal (「职工本人（张*）」, actor_member_id) or the system.
import { eq } from 'drizzle-orm';
import { todayCst } from '@gonghui/common';
import type { Actor, Ctx } from '../authz/index.ts';
import { originOf, recordAudit, type AuditOrigin } from '../audit/index.ts';
import { orgs, type Tx } from '../db/index.ts';
import { conflict } from '../http/index.ts';
import { addCalendarDays, addWorkingDays } from './calendar.ts';
import { loadCalendar } from './calendar.repo.ts';
import * as repo from './cases.repo.ts';
import {
  caseNumber,
  isUniqueViolation,
  SYSTEM_NAME,
  type CaseRecord,
  type CaseTypeDef,
  type OpenInput,
  type Transition,
} from './case-type.ts';
import { memberActorLabel, memberOrigin, type MemberActor, type MemberCtx } from './member-actor.ts';
import { noticesOf, type CaseNotice } from './notices.ts';

/** Who takes a step: a cadre, a member in the member portal, or the system (both null). */
export interface Who {
  actor: Actor | null;
  member: MemberActor | null;
  origin: AuditOrigin;
}
export const cadreOf = (ctx: Ctx): Who => ({ actor: ctx.actor, member: null, origin: originOf(ctx) });
export const memberOf = (m: MemberCtx): Who => ({ actor: null, member: m.member, origin: memberOrigin(m) });

const actorOrgName = async (tx: Tx, actor: Actor): Promise<string | null> => {
  const [o] = await tx.select({ name: orgs.name }).from(orgs).where(eq(orgs.id, actor.orgId));
  return o?.name ?? null;
};

/** The step's actor columns: a cadre (user id, name, org), a member (「职工本人（张*）」) or the system. */
export async function stepActor(tx: Tx, who: Who) {
  if (who.member)
    return { actorId: null, actorMemberId: who.member.memberId, actorName: memberActorLabel(who.member.name), actorOrgName: null };
  if (!who.actor) return { actorId: null, actorName: SYSTEM_NAME, actorOrgName: null };
  const name = (who.actor.displayName ?? who.actor.username).slice(0, 50);
  return { actorId: who.actor.userId, actorName: name, actorOrgName: await actorOrgName(tx, who.actor) };
}

type Emit = (
  tx: Tx,
  def: CaseTypeDef<string, string, unknown>,
  c: repo.CaseRow,
  action: string,
  actorId: number | null,
  notices: CaseNotice[],
) => Promise<void>;

/** Opens a case for a cadre or a member: number, due day, the submit step, the audit row and the notices. */
export function createOpenAs(emit: Emit) {
  return async function openAs<S extends string, A extends string, P>(
    def: CaseTypeDef<S, A, P>,
    tx: Tx,
    input: OpenInput<P>,
    who: Who,
  ): Promise<CaseRecord<P>> {
    const today = todayCst();
    const year = Number(today.slice(0, 4));
    const status = input.initial ?? def.initial;
    if (status !== def.initial && !Object.values<Transition<S, P>>(def.transitions).some((t) => t.from.includes(status as S)))
      throw new Error(`case type ${def.type}: unknown initial state ${status}`);
    let dueAt: string | null = null;
    if (input.dueInWorkingDays !== undefined) {
      const n = input.dueInWorkingDays;
      const from = input.dueFrom ?? today;
      const calendar = await loadCalendar(tx, from, addCalendarDays(from, n * 3 + 60));
      dueAt = addWorkingDays(from, n, calendar);
    }
    const n = await repo.nextNumber(tx, def.type, year);
    const row = await repo
      .insertCase(tx, {
        type: def.type,
        number: caseNumber(def.prefix, year, n),
        year,
        orgId: input.owner.id,
        orgPath: input.owner.path,
        targetOrgId: input.target?.id ?? null,
        targetOrgPath: input.target?.path ?? null,
        status,
        open: (def.open as readonly string[]).includes(status),
        subject: input.subject ?? null,
        dueAt,
        title: input.title.slice(0, 200),
        payload: input.payload as Record<string, unknown>,
        createdBy: who.actor?.userId ?? null,
        createdByMemberId: who.member?.memberId ?? null,
      })
      .catch((e: unknown) => {
        // The transaction is lost either way; the caller gets a 409 instead of a 500.
        if (isUniqueViolation(e, 'cases_open_subject_uq')) throw conflict(def.openExistsMessage);
        throw e;
      });
    await repo.insertStep(tx, {
      caseId: row.id,
      action: 'submit',
      fromStatus: null,
      toStatus: row.status,
      ...(await stepActor(tx, who)),
      opinion: input.opinion ?? null,
    });
    const record: CaseRecord<P> = { ...row, payload: def.payload.parse(row.payload) };
    await recordAudit(tx, who.origin, {
      action: def.audit.open,
      orgId: row.orgId,
      orgPath: row.orgPath,
      ...def.audit.entity(record),
      after: {
        caseId: row.id,
        number: row.number,
        status: row.status,
        targetOrgId: row.targetOrgId,
        dueAt: row.dueAt,
        payload: row.payload,
        ...(who.member ? { memberId: who.member.memberId } : {}),
      },
    });
    const generic = def as unknown as CaseTypeDef<string, string, unknown>;
    await emit(tx, generic, row, 'submit', who.actor?.userId ?? null, noticesOf(generic, null, row, 'owner'));
    return record;
  };
}
