// Who hears of a case after a step (decision 0005, notifications): the kernel computes the orgs and the permissions
// that make a cadre of them concerned; listeners (the notifications module) turn that into rows for people.
import type { Permission } from '@gonghui/common';
import type { Tx } from '../db/index.ts';
import type * as repo from './cases.repo.ts';
import type { CaseTypeDef, Side } from './kernel.ts';

/** Whose cadres should hear of a case after a step: those of `orgId` holding any of `permissions`. */
export interface CaseNotice {
  orgId: number;
  permissions: Permission[];
  /** awaiting: they must act now; outcome: the case they were waiting on ended; escalation: a child org is late. */
  reason: 'awaiting' | 'outcome' | 'escalation';
}

/** What the kernel tells its listeners after each step, inside the step's transaction. */
export interface CaseEvent {
  caseId: number;
  type: string;
  number: string;
  title: string;
  status: string;
  /** The transition's name; 'submit' when the case opens, 'overdue' when it is marked late. */
  action: string;
  /** The step's label for people (the type's stepLabels), else the action's name. */
  stepLabel: string;
  /** Who acted (null: the system), so they are not told of their own step. */
  actorId: number | null;
  /** The member who applied for the case in the member portal, else null. */
  createdByMemberId: number | null;
  /** The console path of the case, if its type has one. */
  link: string | null;
  notices: CaseNotice[];
}

export type CaseListener = (tx: Tx, e: CaseEvent) => Promise<void>;

const orgIdOfSide = (c: Pick<repo.CaseRow, 'orgId' | 'targetOrgId'>, side: Side): number | null =>
  side === 'owner' ? c.orgId : c.targetOrgId;

/** The parent of an org from its path ('1.5.23.' → 5); null for the root. */
export const parentIdOf = (path: string | null): number | null => {
  const ids = (path ?? '').split('.').filter(Boolean);
  return ids.length >= 2 ? Number(ids[ids.length - 2]) : null;
};

/** Permissions of the cadre transitions that leave `status` on `side`: who can act there. */
export function actingPermissions(def: CaseTypeDef<string, string, unknown>, status: string, side: Side): Permission[] {
  const perms = Object.values(def.transitions).flatMap((tr) =>
    tr.permission !== null && tr.from.includes(status) && tr.scope.side === side && !tr.scope.above ? [tr.permission] : [],
  );
  return [...new Set(perms)];
}

/**
 * Who should hear of a step: the side that must act next (the case is open and waits for it); else, when the case
 * has ended, the side that did not act, as long as it could have acted in the state the case left; else, when the
 * target side decided on an open case, its owner.
 */
export function noticesOf(
  def: CaseTypeDef<string, string, unknown>,
  from: string | null,
  c: repo.CaseRow,
  actedSide: Side | null,
): CaseNotice[] {
  const awaited = c.open ? def.awaiting[c.status] : undefined;
  if (awaited) {
    const orgId = orgIdOfSide(c, awaited);
    const permissions = actingPermissions(def, c.status, awaited);
    return orgId !== null && permissions.length ? [{ orgId, permissions, reason: 'awaiting' }] : [];
  }
  if (from === null || actedSide === null) return [];
  if (c.open) {
    // A decision taken above on an open case nobody now waits on (a hardship file approved and on file): the owner
    // side, whose case it is, hears of it.
    if (actedSide !== 'target' || c.orgId === null) return [];
    return [{ orgId: c.orgId, permissions: [def.readPermission], reason: 'outcome' }];
  }
  const other: Side = actedSide === 'owner' ? 'target' : 'owner';
  const orgId = orgIdOfSide(c, other);
  const permissions = actingPermissions(def, from, other);
  return orgId !== null ? [{ orgId, permissions: permissions.length ? permissions : [def.readPermission], reason: 'outcome' }] : [];
}
