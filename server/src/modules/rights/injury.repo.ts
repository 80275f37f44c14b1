// SQL of 工伤探视 reports: insert, the visit's write, reads within the reader's subtree joined to the case and the
// owner org's name.
import { and, desc, eq, gte, lte, sql, type SQL } from 'drizzle-orm';
import { cases, injuryReports, orgs, type DbOrTx } from '../../platform/db/index.ts';
import { subtreeOf } from '../../platform/authz/index.ts';

export const CASE_TYPE = 'injury_report';

export type InjuryRow = typeof injuryReports.$inferSelect;
export type InjuryInsert = typeof injuryReports.$inferInsert;
export interface InjuryItem {
  c: typeof cases.$inferSelect;
  r: InjuryRow;
  orgName: string;
}

export async function insert(db: DbOrTx, row: InjuryInsert): Promise<void> {
  await db.insert(injuryReports).values(row);
}

export async function update(db: DbOrTx, id: number, set: Partial<InjuryInsert>): Promise<void> {
  await db.update(injuryReports).set(set).where(eq(injuryReports.id, id));
}

export async function findById(db: DbOrTx, id: number): Promise<InjuryRow | undefined> {
  const [r] = await db.select().from(injuryReports).where(eq(injuryReports.id, id));
  return r;
}

export interface InjuryFilter {
  path: string;
  severity?: string | undefined;
  status?: string | undefined;
  injuredFrom?: string | undefined;
  injuredTo?: string | undefined;
}

function where(f: InjuryFilter): SQL | undefined {
  return and(
    eq(cases.type, CASE_TYPE),
    subtreeOf(cases.orgPath, f.path),
    f.severity ? eq(injuryReports.severity, f.severity) : undefined,
    f.status ? eq(injuryReports.status, f.status) : undefined,
    f.injuredFrom ? gte(injuryReports.injuredAt, f.injuredFrom) : undefined,
    f.injuredTo ? lte(injuryReports.injuredAt, f.injuredTo) : undefined,
  );
}

const joined = (db: DbOrTx) =>
  db
    .select({ c: cases, r: injuryReports, orgName: orgs.name })
    .from(injuryReports)
    .innerJoin(cases, eq(cases.id, injuryReports.id))
    .innerJoin(orgs, eq(orgs.id, injuryReports.orgId));

export async function list(db: DbOrTx, f: InjuryFilter, page: number, pageSize: number): Promise<{ items: InjuryItem[]; total: number }> {
  const w = where(f);
  const [items, [n]] = await Promise.all([
    joined(db)
      .where(w)
      .orderBy(desc(injuryReports.injuredAt), desc(injuryReports.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(injuryReports)
      .innerJoin(cases, eq(cases.id, injuryReports.id))
      .where(w),
  ]);
  return { items, total: n?.n ?? 0 };
}

export async function findInScope(db: DbOrTx, path: string, id: number): Promise<InjuryItem | undefined> {
  const [r] = await joined(db).where(and(eq(injuryReports.id, id), subtreeOf(cases.orgPath, path)));
  return r;
}

/** One batch of the export in the list's order (latest injury first), after the previous batch's last row. */
export async function listForExport(
  db: DbOrTx,
  f: InjuryFilter,
  limit: number,
  after?: { injuredAt: string; id: number },
): Promise<InjuryItem[]> {
  return joined(db)
    .where(
      and(where(f), after ? sql`(${injuryReports.injuredAt}, ${injuryReports.id}) < (${after.injuredAt}::date, ${after.id})` : undefined),
    )
    .orderBy(desc(injuryReports.injuredAt), desc(injuryReports.id))
    .limit(limit);
}
