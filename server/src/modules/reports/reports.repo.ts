// SQL for work summaries. Reads that serve a user are bounded by the actor's scope path through the org.
import { and, desc, eq, sql } from 'drizzle-orm';
import { orgs, workSummaries, type DbOrTx } from '../../platform/db/index.ts';
import { subtreeOf } from '../../platform/authz/index.ts';

export type SummaryRow = typeof workSummaries.$inferSelect;
export type SummaryWithOrg = SummaryRow & { orgName: string; orgPath: string; orgLevel: string };

const withOrg = { orgName: orgs.name, orgPath: orgs.path, orgLevel: orgs.level };

export async function insert(db: DbOrTx, row: typeof workSummaries.$inferInsert): Promise<SummaryRow> {
  const [created] = await db.insert(workSummaries).values(row).returning();
  if (!created) throw new Error('work summary insert returned nothing');
  return created;
}

export async function findInScope(db: DbOrTx, scopePath: string, id: number): Promise<SummaryWithOrg | undefined> {
  const [r] = await db
    .select({ s: workSummaries, ...withOrg })
    .from(workSummaries)
    .innerJoin(orgs, eq(orgs.id, workSummaries.orgId))
    .where(and(eq(workSummaries.id, id), subtreeOf(orgs.path, scopePath)));
  return r ? { ...r.s, orgName: r.orgName, orgPath: r.orgPath, orgLevel: r.orgLevel } : undefined;
}

/** The newest summary of the same org and period, if any (the caller has already checked the org's scope). */
export async function findSame(
  db: DbOrTx,
  orgId: number,
  year: number,
  period: string,
): Promise<{ id: number; title: string } | undefined> {
  const [r] = await db
    .select({ id: workSummaries.id, title: workSummaries.title })
    .from(workSummaries)
    .where(and(eq(workSummaries.orgId, orgId), eq(workSummaries.year, year), eq(workSummaries.period, period)))
    .orderBy(desc(workSummaries.id))
    .limit(1);
  return r;
}

export async function list(db: DbOrTx, scopePath: string, orgId: number | undefined, page: number, pageSize: number) {
  const w = and(subtreeOf(orgs.path, scopePath), orgId ? eq(workSummaries.orgId, orgId) : undefined);
  const [rows, [count]] = await Promise.all([
    db
      .select({ s: workSummaries, ...withOrg })
      .from(workSummaries)
      .innerJoin(orgs, eq(orgs.id, workSummaries.orgId))
      .where(w)
      .orderBy(desc(workSummaries.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(workSummaries)
      .innerJoin(orgs, eq(orgs.id, workSummaries.orgId))
      .where(w),
  ]);
  return { items: rows.map((r) => ({ ...r.s, orgName: r.orgName, orgPath: r.orgPath, orgLevel: r.orgLevel })), total: count?.n ?? 0 };
}

export async function update(db: DbOrTx, id: number, patch: Partial<typeof workSummaries.$inferInsert>): Promise<SummaryRow> {
  const [r] = await db
    .update(workSummaries)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(workSummaries.id, id))
    .returning();
  if (!r) throw new Error('work summary update returned nothing');
  return r;
}

/** The path of the summary's org, or null when there is no such summary: the `summary` scope resolver. */
export async function scopePaths(db: DbOrTx, id: number): Promise<string[] | null> {
  const [row] = await db
    .select({ path: orgs.path })
    .from(workSummaries)
    .innerJoin(orgs, eq(orgs.id, workSummaries.orgId))
    .where(eq(workSummaries.id, id));
  return row ? [row.path] : null;
}
