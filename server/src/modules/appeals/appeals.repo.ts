// SQL of 职工诉求: the appeal row keyed by its case, and the list joined to the case. Every read that serves a user
// filters with subtreeOf() on either side of the case (the receiving union's or the responsible union's), and RLS
// follows the case.
import { and, desc, eq, gte, inArray, isNotNull, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import { appeals, cases, type DbOrTx } from '../../platform/db/index.ts';
import { subtreeOf } from '../../platform/authz/index.ts';

export type AppealRow = typeof appeals.$inferSelect;
export type AppealInsert = typeof appeals.$inferInsert;
export type CaseRow = typeof cases.$inferSelect;

export const CASE_TYPE = 'appeal';

export async function insertAppeal(db: DbOrTx, row: AppealInsert): Promise<void> {
  await db.insert(appeals).values(row);
}

export async function updateAppeal(db: DbOrTx, caseId: number, set: Partial<AppealInsert>): Promise<void> {
  await db
    .update(appeals)
    .set({ ...set, updatedAt: new Date() })
    .where(eq(appeals.caseId, caseId));
}

export async function findAppeal(db: DbOrTx, caseId: number): Promise<AppealRow | undefined> {
  const [a] = await db.select().from(appeals).where(eq(appeals.caseId, caseId));
  return a;
}

export interface ListFilter {
  /** Appeals received by, or now the responsibility of, an org in this subtree. */
  scopePath: string;
  status?: string | undefined;
  category?: string | undefined;
  channel?: string | undefined;
  /** true: open and past the due day; false: everything else. */
  overdue?: boolean | undefined;
  today: string;
  receivedFrom?: string | undefined;
  receivedTo?: string | undefined;
  closedFrom?: string | undefined;
  closedTo?: string | undefined;
  page: number;
  pageSize: number;
}

function where(f: Omit<ListFilter, 'page' | 'pageSize'>): SQL | undefined {
  const late = and(eq(cases.open, true), or(isNotNull(cases.overdueAt), lt(cases.dueAt, f.today)));
  return and(
    eq(cases.type, CASE_TYPE),
    or(subtreeOf(cases.orgPath, f.scopePath), subtreeOf(cases.targetOrgPath, f.scopePath)),
    f.status ? eq(cases.status, f.status) : undefined,
    f.category ? eq(appeals.category, f.category) : undefined,
    f.channel ? eq(appeals.channel, f.channel) : undefined,
    f.overdue === true ? late : f.overdue === false ? sql`NOT coalesce(${late}, false)` : undefined,
    f.receivedFrom ? gte(appeals.receivedAt, f.receivedFrom) : undefined,
    f.receivedTo ? lte(appeals.receivedAt, f.receivedTo) : undefined,
    f.closedFrom ? gte(appeals.closedAt, f.closedFrom) : undefined,
    f.closedTo ? lte(appeals.closedAt, f.closedTo) : undefined,
  );
}

/** Appeals seen from `scopePath`'s subtree, newest receipt first, with the case row. */
export async function list(db: DbOrTx, f: ListFilter): Promise<{ items: { c: CaseRow; a: AppealRow }[]; total: number }> {
  const w = where(f);
  const [items, [count]] = await Promise.all([
    db
      .select({ c: cases, a: appeals })
      .from(cases)
      .innerJoin(appeals, eq(appeals.caseId, cases.id))
      .where(w)
      .orderBy(desc(appeals.receivedAt), desc(cases.id))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(cases)
      .innerJoin(appeals, eq(appeals.caseId, cases.id))
      .where(w),
  ]);
  return { items, total: count?.n ?? 0 };
}

export async function appealsByCaseIds(db: DbOrTx, ids: number[]): Promise<Map<number, AppealRow>> {
  if (!ids.length) return new Map();
  const rows = await db.select().from(appeals).where(inArray(appeals.caseId, ids));
  return new Map(rows.map((r) => [r.caseId, r]));
}
