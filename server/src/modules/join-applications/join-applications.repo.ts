// SQL of 网上入会: the application row keyed by its case, the list joined to the case (filtered with subtreeOf() on
// the union applied to; RLS follows the case), and the public status lookup by number.
import { and, desc, eq, inArray, isNotNull, lt, or, sql, type SQL } from 'drizzle-orm';
import { cases, joinApplications, members, type DbOrTx } from '../../platform/db/index.ts';
import { subtreeOf } from '../../platform/authz/index.ts';

export type JoinRow = typeof joinApplications.$inferSelect;
export type JoinInsert = typeof joinApplications.$inferInsert;
export type CaseRow = typeof cases.$inferSelect;

export const CASE_TYPE = 'join_application';

export async function insertApplication(db: DbOrTx, row: JoinInsert): Promise<void> {
  await db.insert(joinApplications).values(row);
}

export async function updateApplication(db: DbOrTx, caseId: number, set: Partial<JoinInsert>): Promise<void> {
  await db
    .update(joinApplications)
    .set({ ...set, updatedAt: new Date() })
    .where(eq(joinApplications.caseId, caseId));
}

export async function findApplication(db: DbOrTx, caseId: number): Promise<JoinRow | undefined> {
  const [a] = await db.select().from(joinApplications).where(eq(joinApplications.caseId, caseId));
  return a;
}

/** The case and application of a number (read as the system by the public status lookup). */
export async function findByNumber(db: DbOrTx, number: string): Promise<{ c: CaseRow; a: JoinRow } | undefined> {
  const [row] = await db
    .select({ c: cases, a: joinApplications })
    .from(cases)
    .innerJoin(joinApplications, eq(joinApplications.caseId, cases.id))
    .where(and(eq(cases.type, CASE_TYPE), eq(cases.number, number)));
  return row;
}

export interface ListFilter {
  scopePath: string;
  status?: string | undefined;
  overdue?: boolean | undefined;
  today: string;
  page: number;
  pageSize: number;
}

function where(f: Omit<ListFilter, 'page' | 'pageSize'>): SQL | undefined {
  const late = and(eq(cases.open, true), or(isNotNull(cases.overdueAt), lt(cases.dueAt, f.today)));
  return and(
    eq(cases.type, CASE_TYPE),
    subtreeOf(cases.orgPath, f.scopePath),
    f.status ? eq(cases.status, f.status) : undefined,
    f.overdue === true ? late : f.overdue === false ? sql`NOT coalesce(${late}, false)` : undefined,
  );
}

/** Applications to unions of `scopePath`'s subtree, newest first, with the case row. */
export async function list(db: DbOrTx, f: ListFilter): Promise<{ items: { c: CaseRow; a: JoinRow }[]; total: number }> {
  const w = where(f);
  const [items, [count]] = await Promise.all([
    db
      .select({ c: cases, a: joinApplications })
      .from(cases)
      .innerJoin(joinApplications, eq(joinApplications.caseId, cases.id))
      .where(w)
      .orderBy(desc(cases.createdAt), desc(cases.id))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(cases)
      .innerJoin(joinApplications, eq(joinApplications.caseId, cases.id))
      .where(w),
  ]);
  return { items, total: count?.n ?? 0 };
}

/** Card numbers of the members that approved applications registered (read as the system by presenters). */
export async function cardNumbers(db: DbOrTx, memberIds: number[]): Promise<Map<number, string>> {
  if (!memberIds.length) return new Map();
  const rows = await db.select({ id: members.id, cardNo: members.cardNo }).from(members).where(inArray(members.id, memberIds));
  return new Map(rows.map((r) => [r.id, r.cardNo]));
}
