// SQL of the case kernel: cases, their steps and the per-type-year counters. Every read that serves a user takes
// the actor's path and filters with subtreeOf() on the owner's or the target's side.
import { and, asc, desc, eq, inArray, isNull, lt, or, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { caseCounters, cases, caseSteps, orgs, type DbOrTx } from '../db/index.ts';
import { subtreeOf, subtreePathRewriter } from '../authz/index.ts';

export type CaseRow = typeof cases.$inferSelect;
export type CaseStepRow = typeof caseSteps.$inferSelect;
export type Side = 'owner' | 'target';

const pathOf = (side: Side) => (side === 'owner' ? cases.orgPath : cases.targetOrgPath);

/** Seen from either side: the owner's subtree or the target's. */
export const visibleTo = (scopePath: string): SQL =>
  or(subtreeOf(cases.orgPath, scopePath), subtreeOf(cases.targetOrgPath, scopePath)) as SQL;

/** The next number of a type in a year: one atomic upsert, so parallel requests never share a number. */
export async function nextNumber(db: DbOrTx, type: string, year: number): Promise<number> {
  const [row] = await db
    .insert(caseCounters)
    .values({ type, year, last: 1 })
    .onConflictDoUpdate({ target: [caseCounters.type, caseCounters.year], set: { last: sql`${caseCounters.last} + 1` } })
    .returning({ last: caseCounters.last });
  if (!row) throw new Error('case counter returned nothing');
  return row.last;
}

export async function insertCase(db: DbOrTx, row: typeof cases.$inferInsert): Promise<CaseRow> {
  const [c] = await db.insert(cases).values(row).returning();
  if (!c) throw new Error('case insert returned nothing');
  return c;
}

export async function insertStep(db: DbOrTx, row: typeof caseSteps.$inferInsert): Promise<void> {
  await db.insert(caseSteps).values(row);
}

export async function findVisible(db: DbOrTx, scopePath: string, type: string, id: number): Promise<CaseRow | undefined> {
  const [c] = await db
    .select()
    .from(cases)
    .where(and(eq(cases.id, id), eq(cases.type, type), visibleTo(scopePath)));
  return c;
}

/** A case of any type seen from either side; `lock` takes it FOR UPDATE (inside a transaction). */
export async function findVisibleAny(db: DbOrTx, scopePath: string, id: number, lock = false): Promise<CaseRow | undefined> {
  const q = db
    .select()
    .from(cases)
    .where(and(eq(cases.id, id), visibleTo(scopePath)));
  const [c] = lock ? await q.for('update') : await q;
  return c;
}

export async function findById(db: DbOrTx, id: number): Promise<CaseRow | undefined> {
  const [c] = await db.select().from(cases).where(eq(cases.id, id));
  return c;
}

/** Compare-and-set: changes the case only if it still has the version the client saw. */
export async function compareAndSet(
  db: DbOrTx,
  id: number,
  version: number,
  set: { status: string; open: boolean },
): Promise<CaseRow | undefined> {
  const [c] = await db
    .update(cases)
    .set({ ...set, version: sql`${cases.version} + 1`, updatedAt: new Date() })
    .where(and(eq(cases.id, id), eq(cases.version, version)))
    .returning();
  return c;
}

/** Sets a case's due day (null: none) and clears its overdue mark: an effect scheduled the next deadline. */
export async function setDue(db: DbOrTx, id: number, dueAt: string | null): Promise<CaseRow | undefined> {
  const [c] = await db.update(cases).set({ dueAt, overdueAt: null }).where(eq(cases.id, id)).returning();
  return c;
}

/** Moves a case's target side to another org (an escalation); the step and audit row say why. */
export async function setTarget(db: DbOrTx, id: number, target: { id: number; path: string }): Promise<CaseRow | undefined> {
  const [c] = await db.update(cases).set({ targetOrgId: target.id, targetOrgPath: target.path }).where(eq(cases.id, id)).returning();
  return c;
}

export async function stepsOf(db: DbOrTx, caseId: number): Promise<CaseStepRow[]> {
  return db.select().from(caseSteps).where(eq(caseSteps.caseId, caseId)).orderBy(asc(caseSteps.at), asc(caseSteps.id));
}

/** The open case of a subject (e.g. 'member:42'), if any; at most one per type by a unique index. */
export async function openOfSubjects(db: DbOrTx, type: string, subjects: string[]): Promise<CaseRow[]> {
  if (!subjects.length) return [];
  return db
    .select()
    .from(cases)
    .where(and(eq(cases.type, type), eq(cases.open, true), inArray(cases.subject, subjects)));
}

export interface ListFilter {
  type: string;
  side: Side;
  scopePath: string;
  status?: string | undefined;
  page: number;
  pageSize: number;
}

export async function list(db: DbOrTx, f: ListFilter): Promise<{ items: CaseRow[]; total: number }> {
  const w = and(eq(cases.type, f.type), subtreeOf(pathOf(f.side), f.scopePath), f.status ? eq(cases.status, f.status) : undefined);
  const [items, [count]] = await Promise.all([
    db
      .select()
      .from(cases)
      .where(w)
      .orderBy(desc(cases.id))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(cases)
      .where(w),
  ]);
  return { items, total: count?.n ?? 0 };
}

/** A (type, status) pair and the side expected to act in it, as the to-do query needs them. */
export interface AwaitingClause {
  type: string;
  status: string;
  side: Side;
}

const clauseSql = (c: AwaitingClause, pathMatch: (col: AnyColumn) => SQL): SQL =>
  and(eq(cases.type, c.type), eq(cases.status, c.status), pathMatch(pathOf(c.side))) as SQL;

/** Open cases whose expected side is exactly the actor's org. */
export async function awaitingOrg(db: DbOrTx, orgPath: string, clauses: AwaitingClause[], limit: number): Promise<CaseRow[]> {
  if (!clauses.length) return [];
  const match = or(...clauses.map((c) => clauseSql(c, (col) => sql`${col} = ${orgPath}`)));
  return db
    .select()
    .from(cases)
    .where(and(eq(cases.open, true), match))
    .orderBy(asc(cases.dueAt), asc(cases.id))
    .limit(limit);
}

/** Open overdue cases whose expected side is a direct child of the actor's org (escalated to the parent). */
export async function overdueAtChildren(db: DbOrTx, orgPath: string, clauses: AwaitingClause[], limit: number): Promise<CaseRow[]> {
  if (!clauses.length) return [];
  if (!/^(\d+\.)+$/.test(orgPath)) throw new Error('invalid org path');
  const childPattern = `^${orgPath.replace(/\./g, '\\.')}[0-9]+\\.$`;
  // The subtree range first (index), then the exact depth.
  const match = or(...clauses.map((c) => clauseSql(c, (col) => sql`(${subtreeOf(col, orgPath)} AND ${col} ~ ${childPattern})`)));
  return db
    .select()
    .from(cases)
    .where(and(eq(cases.open, true), sql`${cases.overdueAt} IS NOT NULL`, match))
    .orderBy(asc(cases.dueAt), asc(cases.id))
    .limit(limit);
}

export async function orgNames(db: DbOrTx, ids: number[]): Promise<Map<number, string>> {
  if (!ids.length) return new Map();
  const rows = await db
    .select({ id: orgs.id, name: orgs.name })
    .from(orgs)
    .where(inArray(orgs.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Marks open cases past their due day as overdue (once); returns the cases it marked. */
export async function markOverdue(db: DbOrTx, today: string): Promise<CaseRow[]> {
  return db
    .update(cases)
    .set({ overdueAt: new Date() })
    .where(and(eq(cases.open, true), lt(cases.dueAt, today), isNull(cases.overdueAt)))
    .returning();
}

/** Open cases of a type in the given states whose due day has passed: the overdue sweep's batch. */
export async function dueForSystemAction(db: DbOrTx, type: string, statuses: string[], today: string, limit: number): Promise<CaseRow[]> {
  return db
    .select()
    .from(cases)
    .where(and(eq(cases.type, type), eq(cases.open, true), inArray(cases.status, statuses), lt(cases.dueAt, today)))
    .orderBy(asc(cases.id))
    .limit(limit);
}

/** Keeps both sides' paths in step when an org subtree moves (an onSubtreeMoved listener, same transaction). */
const rewriteOwnerPaths = subtreePathRewriter(cases.orgPath);
const rewriteTargetPaths = subtreePathRewriter(cases.targetOrgPath);
export async function rewriteCasePaths(db: DbOrTx, oldPath: string, newPath: string): Promise<void> {
  await rewriteOwnerPaths(db, oldPath, newPath);
  await rewriteTargetPaths(db, oldPath, newPath);
}

/** Both sides' paths of a case of this type (owner, and target where there is one), or null when there is none. */
/** The org paths of a case of any type (each side): the `case` scope resolver of the routes every type shares. */
export async function anyCaseScopePaths(db: DbOrTx, id: number): Promise<string[] | null> {
  const [row] = await db.select({ owner: cases.orgPath, target: cases.targetOrgPath }).from(cases).where(eq(cases.id, id));
  if (!row) return null;
  return row.target === null ? [row.owner] : [row.owner, row.target];
}

export async function scopePaths(db: DbOrTx, type: string, id: number): Promise<string[] | null> {
  const [row] = await db
    .select({ owner: cases.orgPath, target: cases.targetOrgPath })
    .from(cases)
    .where(and(eq(cases.id, id), eq(cases.type, type)));
  if (!row) return null;
  return row.target === null ? [row.owner] : [row.owner, row.target];
}
