// Who may do what to which organisation. Out of scope is always "not found", never "forbidden".
import { canParent, type OrgLevel } from '@gonghui/common';
import type { Actor } from '../../platform/authz/index.ts';
import { AppError, conflict, invalid, notFound } from '../../platform/http/index.ts';
import type { DbOrTx } from '../../platform/db/index.ts';
import * as repo from './orgs.repo.ts';

export async function loadOrgInScope(db: DbOrTx, actor: Actor, id: number): Promise<repo.OrgWithCount> {
  const org = await repo.findInScope(db, actor.orgPath, id);
  if (!org) throw notFound('组织');
  return org;
}

/** Moving or dissolving one's own org would act above one's level: only a higher level may. */
export function assertNotOwnRoot(actor: Actor, org: repo.OrgRow, what: string): void {
  if (org.id === actor.orgId) throw new AppError('FORBIDDEN', `不能${what}本级组织，请由上级工会办理`);
}

export function assertActive(org: repo.OrgRow): void {
  if (org.status !== 'active') throw conflict(`「${org.name}」已注销，不能再办理此项`);
}

export function assertCanParent(parent: repo.OrgRow, level: OrgLevel, field: string): void {
  if (!canParent(parent.level as OrgLevel, level)) {
    throw invalid(field, `「${parent.name}」的下级不能是这一层级`);
  }
}
