// 待办: for the calling cadre, cases waiting for their org (only those they could act on) and overdue cases of their
// child orgs, across every registered case type.
import { todayCst } from '@gonghui/common';
import { can, type Ctx } from '../authz/index.ts';
import type { Db } from '../db/index.ts';
import { isOverdue, type CaseTypeDef, type Side } from './case-type.ts';
import { slaClock } from './calendar.ts';
import { loadCalendar } from './calendar.repo.ts';
import * as repo from './cases.repo.ts';
import { actingPermissions } from './notices.ts';

export async function todosOf(db: Db, types: Iterable<CaseTypeDef<string, string, unknown>>, ctx: Ctx, limit: number) {
  const byType = new Map<string, CaseTypeDef<string, string, unknown>>();
  const own: repo.AwaitingClause[] = [];
  const escalated: repo.AwaitingClause[] = [];
  for (const def of types) {
    byType.set(def.type, def);
    if (!can(ctx.actor, def.readPermission)) continue;
    for (const [status, side] of Object.entries(def.awaiting) as [string, Side][]) {
      escalated.push({ type: def.type, status, side });
      // Only what the caller could act on: a transition from this state on this side whose permission they hold.
      const actionable = actingPermissions(def, status, side).some((p) => can(ctx.actor, p));
      if (actionable) own.push({ type: def.type, status, side });
    }
  }
  const [mine, late] = await Promise.all([
    repo.awaitingOrg(db, ctx.actor.orgPath, own, limit),
    repo.overdueAtChildren(db, ctx.actor.orgPath, escalated, limit),
  ]);
  const today = todayCst();
  const awaitingOrgId = (c: repo.CaseRow) => {
    const side = (byType.get(c.type)?.awaiting as Record<string, Side> | undefined)?.[c.status] ?? 'owner';
    return side === 'owner' ? c.orgId : (c.targetOrgId ?? c.orgId);
  };
  const all = [...mine, ...late];
  const names = await repo.orgNames(db, all.map(awaitingOrgId));
  // The SLA clock of each item, counted in the working-day calendar between its due day and today.
  const days = [today, ...all.flatMap((c) => (c.dueAt ? [c.dueAt] : []))].sort();
  const calendar = await loadCalendar(db, days[0] ?? today, days[days.length - 1] ?? today);
  return all.map((c) => ({
    type: c.type,
    caseId: c.id,
    number: c.number,
    title: c.title,
    orgName: names.get(awaitingOrgId(c)) ?? '',
    dueAt: c.dueAt,
    overdue: isOverdue(c, today),
    ...slaClock(c.dueAt, today, calendar),
  }));
}
