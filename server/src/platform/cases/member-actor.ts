// Members as actors on cases (the member portal's 我的申请): a member applies for a case of a type that accepts
// member applications, reads their own cases and runs the transitions a type marks `member: true` (withdrawing while
// pending). A member has no permissions and no org scope: their scope is the cases they applied for
// (cases.created_by_member_id), checked before anything is read as the system. Their steps carry actor_member_id and
// the label 「职工本人（张*）」, never a cadre's user id.
import { maskName } from '@gonghui/common';
import { and, desc, eq, isNotNull } from 'drizzle-orm';
import type { AuditOrigin } from '../audit/index.ts';
import { cases, type DbOrTx } from '../db/index.ts';
import type { CaseRow } from './cases.repo.ts';

/** The member behind a member-portal request, with what their case needs of the registry. */
export interface MemberActor {
  memberId: number;
  /** The member's real name from the registry (only its masked form is ever written on a case). */
  name: string;
  /** The member's own union (members.org_id): the case goes there. */
  orgId: number;
  orgPath: string;
}

/** What a member-portal call hands the kernel: who, and from where for the audit trail. */
export interface MemberCtx {
  member: MemberActor;
  ip: string | null;
  requestId: string | null;
}

/** The timeline's and the audit trail's name of a member: 「职工本人（张*）」. */
export const memberActorLabel = (name: string): string => `职工本人（${maskName(name)}）`.slice(0, 50);

export const memberOrigin = (m: MemberCtx): AuditOrigin => ({
  actorId: null,
  actorName: memberActorLabel(m.member.name),
  ip: m.ip,
  requestId: m.requestId,
});

/** The member's own case of any type, or undefined (another member's case is as if it did not exist). */
export async function findOfMember(db: DbOrTx, memberId: number, id: number, lock = false): Promise<CaseRow | undefined> {
  const q = db
    .select()
    .from(cases)
    .where(and(eq(cases.id, id), eq(cases.createdByMemberId, memberId)));
  const [c] = lock ? await q.for('update') : await q;
  return c;
}

/** Every case the member applied for, newest first (a member brings a handful, not thousands). */
export async function listOfMember(db: DbOrTx, memberId: number, limit = 200): Promise<CaseRow[]> {
  return db
    .select()
    .from(cases)
    .where(and(isNotNull(cases.createdByMemberId), eq(cases.createdByMemberId, memberId)))
    .orderBy(desc(cases.id))
    .limit(limit);
}
