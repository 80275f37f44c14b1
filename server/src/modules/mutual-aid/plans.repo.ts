// SQL of 医疗互助 plans, quotas and enrolments: inserts, reads within the reader's reach (a plan is seen from its
// org's subtree and from below it), quota vs enrolled per child org, the route scope and org moves.
import { and, count, desc, eq, or, sql, type SQL } from 'drizzle-orm';
import { currentScope, mutualAidEnrolments, mutualAidPlans, mutualAidQuotas, orgs, type DbOrTx } from '../../platform/db/index.ts';
import { subtreeOf, subtreePathRewriter } from '../../platform/authz/index.ts';

export type PlanRow = typeof mutualAidPlans.$inferSelect;
export type EnrolmentRow = typeof mutualAidEnrolments.$inferSelect;
export type EnrolmentInsert = typeof mutualAidEnrolments.$inferInsert;

const reachableFrom = (scopePath: string): SQL =>
  or(subtreeOf(mutualAidPlans.orgPath, scopePath), sql`starts_with(${scopePath}, ${mutualAidPlans.orgPath})`) as SQL;

export async function insertPlan(db: DbOrTx, row: typeof mutualAidPlans.$inferInsert): Promise<PlanRow> {
  const [p] = await db.insert(mutualAidPlans).values(row).returning();
  if (!p) throw new Error('plan insert returned nothing');
  return p;
}

export async function planOfOrgYear(db: DbOrTx, orgId: number, year: number): Promise<PlanRow | undefined> {
  const [p] = await db
    .select()
    .from(mutualAidPlans)
    .where(and(eq(mutualAidPlans.orgId, orgId), eq(mutualAidPlans.year, year)));
  return p;
}

export async function findPlanReachable(db: DbOrTx, scopePath: string, id: number): Promise<PlanRow | undefined> {
  const [p] = await db
    .select()
    .from(mutualAidPlans)
    .where(and(eq(mutualAidPlans.id, id), reachableFrom(scopePath)));
  return p;
}

export async function findPlan(db: DbOrTx, id: number): Promise<PlanRow | undefined> {
  const [p] = await db.select().from(mutualAidPlans).where(eq(mutualAidPlans.id, id));
  return p;
}

export async function listPlans(db: DbOrTx, scopePath: string, year: number | undefined, page: number, pageSize: number) {
  const where = and(reachableFrom(scopePath), year ? eq(mutualAidPlans.year, year) : undefined);
  const [items, [total]] = await Promise.all([
    db
      .select()
      .from(mutualAidPlans)
      .where(where)
      .orderBy(desc(mutualAidPlans.year), desc(mutualAidPlans.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ n: count() }).from(mutualAidPlans).where(where),
  ]);
  return { items, total: total?.n ?? 0 };
}

/** The route scope of a plan: its org's path, or the caller's own path when the plan was set up above it. */
export async function planScopePaths(db: DbOrTx, id: number): Promise<string[] | null> {
  const [row] = await db.select({ path: mutualAidPlans.orgPath }).from(mutualAidPlans).where(eq(mutualAidPlans.id, id));
  if (!row) return null;
  const scope = currentScope();
  return scope && scope !== '*' && scope.startsWith(row.path) ? [scope] : [row.path];
}

/** The route scope of an enrolment: its unit's current path. */
export async function enrolmentScopePaths(db: DbOrTx, id: number): Promise<string[] | null> {
  const [row] = await db
    .select({ path: orgs.path })
    .from(mutualAidEnrolments)
    .innerJoin(orgs, eq(orgs.id, mutualAidEnrolments.orgId))
    .where(eq(mutualAidEnrolments.id, id));
  return row ? [row.path] : null;
}

export const rewritePlanPaths = subtreePathRewriter(mutualAidPlans.orgPath);

/** Replaces one child's quotas (classes left out drop to none). */
export async function setQuotas(db: DbOrTx, planId: number, orgId: number, quotas: { classCode: string; headcount: number }[]) {
  await db.execute(sql`UPDATE mutual_aid_quotas SET headcount = 0 WHERE plan_id = ${planId} AND org_id = ${orgId}`);
  for (const q of quotas) {
    await db
      .insert(mutualAidQuotas)
      .values({ planId, orgId, classCode: q.classCode, headcount: q.headcount })
      .onConflictDoUpdate({
        target: [mutualAidQuotas.planId, mutualAidQuotas.orgId, mutualAidQuotas.classCode],
        set: { headcount: q.headcount },
      });
  }
}

export async function quotasOf(db: DbOrTx, planId: number) {
  return db
    .select({ orgId: mutualAidQuotas.orgId, classCode: mutualAidQuotas.classCode, headcount: mutualAidQuotas.headcount })
    .from(mutualAidQuotas)
    .where(eq(mutualAidQuotas.planId, planId));
}

/** Headcount enrolled in the plan per direct child of the plan's org ('' for the org itself) and class, within the
 *  reader's subtree. */
export async function enrolledByChild(db: DbOrTx, plan: { id: number; orgPath: string }, scopePath: string) {
  const depth = plan.orgPath.split('.').filter(Boolean).length - 1;
  const res = await db.execute<{ grp: string; cls: string; units: number; n: number; due: string; paid: string }>(sql`
    SELECT split_part(o.path, '.', ${depth + 2}) AS grp, e.class_code AS cls, count(*)::int AS units,
      coalesce(sum(e.headcount), 0)::int AS n, coalesce(sum(e.premium_due_fen), 0)::bigint AS due,
      coalesce(sum(e.premium_paid_fen), 0)::bigint AS paid
    FROM mutual_aid_enrolments e JOIN orgs o ON o.id = e.org_id
    WHERE e.plan_id = ${plan.id} AND ${subtreeOf(sql.raw('o.path'), scopePath)}
    GROUP BY 1, 2`);
  return res.rows.map((r) => ({ ...r, due: Number(r.due), paid: Number(r.paid) }));
}

export async function unitsEnrolled(db: DbOrTx, planId: number, scopePath: string): Promise<number> {
  const res = await db.execute<{ n: number }>(sql`
    SELECT count(DISTINCT e.org_id)::int AS n FROM mutual_aid_enrolments e JOIN orgs o ON o.id = e.org_id
    WHERE e.plan_id = ${planId} AND ${subtreeOf(sql.raw('o.path'), scopePath)}`);
  return res.rows[0]?.n ?? 0;
}

export async function childrenOf(db: DbOrTx, orgId: number, scopePath: string): Promise<{ id: number; name: string }[]> {
  return db
    .select({ id: orgs.id, name: orgs.name })
    .from(orgs)
    .where(and(eq(orgs.parentId, orgId), or(subtreeOf(orgs.path, scopePath), sql`starts_with(${scopePath}, ${orgs.path})`)))
    .orderBy(orgs.id);
}

// ---- enrolments ----
export async function insertEnrolment(db: DbOrTx, row: EnrolmentInsert): Promise<EnrolmentRow> {
  const [e] = await db.insert(mutualAidEnrolments).values(row).returning();
  if (!e) throw new Error('enrolment insert returned nothing');
  return e;
}

export async function updatePremium(db: DbOrTx, id: number, premiumPaidFen: number, paidAt: string) {
  const [e] = await db.update(mutualAidEnrolments).set({ premiumPaidFen, paidAt }).where(eq(mutualAidEnrolments.id, id)).returning();
  return e;
}

export interface EnrolmentView {
  e: EnrolmentRow;
  orgName: string;
  orgPath: string;
  year: number;
}

const enrolmentBase = (db: DbOrTx) =>
  db
    .select({ e: mutualAidEnrolments, orgName: orgs.name, orgPath: orgs.path, year: mutualAidPlans.year })
    .from(mutualAidEnrolments)
    .innerJoin(orgs, eq(orgs.id, mutualAidEnrolments.orgId))
    .innerJoin(mutualAidPlans, eq(mutualAidPlans.id, mutualAidEnrolments.planId));

export async function findEnrolmentInScope(db: DbOrTx, scopePath: string, id: number): Promise<EnrolmentView | undefined> {
  const [r] = await enrolmentBase(db).where(and(eq(mutualAidEnrolments.id, id), subtreeOf(orgs.path, scopePath)));
  return r;
}

export async function listEnrolments(
  db: DbOrTx,
  f: { path: string; planId?: number | undefined; classCode?: string | undefined },
  page: number,
  pageSize: number,
): Promise<{ items: EnrolmentView[]; total: number }> {
  const where = and(
    subtreeOf(orgs.path, f.path),
    f.planId ? eq(mutualAidEnrolments.planId, f.planId) : undefined,
    f.classCode ? eq(mutualAidEnrolments.classCode, f.classCode) : undefined,
  );
  const [items, [total]] = await Promise.all([
    enrolmentBase(db)
      .where(where)
      .orderBy(desc(mutualAidEnrolments.enrolledAt), desc(mutualAidEnrolments.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ n: count() }).from(mutualAidEnrolments).innerJoin(orgs, eq(orgs.id, mutualAidEnrolments.orgId)).where(where),
  ]);
  return { items, total: total?.n ?? 0 };
}

/** Whether a member (of the org at `memberOrgPath`) is enrolled in the plan's class: listed by an enrolment with a
 *  member list, or under a unit enrolled by headcount whose subtree holds the member's org. Read as the system. */
export async function isEnrolled(db: DbOrTx, planId: number, classCode: string, memberId: number, memberOrgPath: string): Promise<boolean> {
  const res = await db.execute<{ ok: number }>(sql`
    SELECT 1 AS ok FROM mutual_aid_enrolments e JOIN orgs o ON o.id = e.org_id
    WHERE e.plan_id = ${planId} AND e.class_code = ${classCode} AND starts_with(${memberOrgPath}, o.path)
      AND (e.member_ids IS NULL OR ${memberId} = ANY(e.member_ids))
    LIMIT 1`);
  return res.rows.length > 0;
}

/** Members among `ids` that are active and lie in the subtree of `path` (read as the system). */
export async function membersUnder(db: DbOrTx, ids: number[], path: string): Promise<number[]> {
  const res = await db.execute<{ id: number }>(sql`
    SELECT id FROM members WHERE id = ANY(${`{${ids.join(',')}}`}::int[]) AND status IN ('active', 'retained')
      AND ${subtreeOf(sql.raw('org_path'), path)}`);
  return res.rows.map((r) => r.id);
}

export async function activeMembersUnder(db: DbOrTx, path: string): Promise<number> {
  const res = await db.execute<{ n: number }>(sql`
    SELECT count(*)::int AS n FROM members WHERE status = 'active' AND ${subtreeOf(sql.raw('org_path'), path)}`);
  return res.rows[0]?.n ?? 0;
}

/** The plans and classes of a year in which a member is enrolled (by a member list or a unit above their org),
 *  newest plan first. Read as the system for a member applying in the member portal. */
export async function enrolmentsOfMember(
  db: DbOrTx,
  memberId: number,
  memberOrgPath: string,
  year: number,
): Promise<{ planId: number; classCode: string; planOrgId: number; planOrgPath: string }[]> {
  const res = await db.execute<{ planId: number; classCode: string; planOrgId: number; planOrgPath: string }>(sql`
    SELECT DISTINCT e.plan_id AS "planId", e.class_code AS "classCode", p.org_id AS "planOrgId", p.org_path AS "planOrgPath"
    FROM mutual_aid_enrolments e JOIN orgs o ON o.id = e.org_id JOIN mutual_aid_plans p ON p.id = e.plan_id
    WHERE p.year = ${year} AND starts_with(${memberOrgPath}, o.path) AND starts_with(${memberOrgPath}, p.org_path)
      AND (e.member_ids IS NULL OR ${memberId} = ANY(e.member_ids))
    ORDER BY e.plan_id DESC, e.class_code`);
  return res.rows;
}
