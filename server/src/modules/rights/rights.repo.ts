// SQL of rights cases and the lawyer/mediator roster: inserts, the effects' writes, reads within the reader's subtree
// joined to the case (number, status, version, due day) and the owner org's name, the export's batches and the
// roster's route scope. Every read that serves a user filters with subtreeOf() on the case's owner path.
import { and, asc, desc, eq, gt, gte, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import { cases, orgs, rightsCases, rightsRoster, type DbOrTx } from '../../platform/db/index.ts';
import { subtreeOf, subtreePathRewriter } from '../../platform/authz/index.ts';

export const CASE_TYPE = 'rights_case';

export type RightsRow = typeof rightsCases.$inferSelect;
export type RightsInsert = typeof rightsCases.$inferInsert;
export type CaseRow = typeof cases.$inferSelect;
export type RosterRow = typeof rightsRoster.$inferSelect;
export interface RightsItem {
  c: CaseRow;
  r: RightsRow;
  orgName: string;
}

export async function insert(db: DbOrTx, row: RightsInsert): Promise<void> {
  await db.insert(rightsCases).values(row);
}

export async function update(db: DbOrTx, id: number, set: Partial<RightsInsert>): Promise<void> {
  await db.update(rightsCases).set(set).where(eq(rightsCases.id, id));
}

export async function findById(db: DbOrTx, id: number): Promise<RightsRow | undefined> {
  const [r] = await db.select().from(rightsCases).where(eq(rightsCases.id, id));
  return r;
}

export interface RightsFilter {
  path: string;
  type?: string | undefined;
  status?: string | undefined;
  subject?: string | undefined;
  receivedFrom?: string | undefined;
  receivedTo?: string | undefined;
}

function where(f: RightsFilter): SQL | undefined {
  return and(
    eq(cases.type, CASE_TYPE),
    subtreeOf(cases.orgPath, f.path),
    f.type ? eq(rightsCases.type, f.type) : undefined,
    f.status ? eq(rightsCases.status, f.status) : undefined,
    f.subject ? eq(rightsCases.subject, f.subject) : undefined,
    f.receivedFrom ? gte(rightsCases.receivedAt, f.receivedFrom) : undefined,
    f.receivedTo ? lte(rightsCases.receivedAt, f.receivedTo) : undefined,
  );
}

const item = { c: cases, r: rightsCases, orgName: orgs.name };
const joined = (db: DbOrTx) =>
  db.select(item).from(rightsCases).innerJoin(cases, eq(cases.id, rightsCases.id)).innerJoin(orgs, eq(orgs.id, rightsCases.orgId));

/** Cases of the filter, newest received first. */
export async function list(db: DbOrTx, f: RightsFilter, page: number, pageSize: number): Promise<{ items: RightsItem[]; total: number }> {
  const w = where(f);
  const [items, [n]] = await Promise.all([
    joined(db)
      .where(w)
      .orderBy(desc(rightsCases.receivedAt), desc(rightsCases.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(rightsCases)
      .innerJoin(cases, eq(cases.id, rightsCases.id))
      .where(w),
  ]);
  return { items, total: n?.n ?? 0 };
}

export async function findInScope(db: DbOrTx, path: string, id: number): Promise<RightsItem | undefined> {
  const [r] = await joined(db).where(and(eq(rightsCases.id, id), subtreeOf(cases.orgPath, path)));
  return r;
}

/** One batch of the export, in (received_at, id) order after `after`. */
export async function listForExport(
  db: DbOrTx,
  f: RightsFilter,
  limit: number,
  after?: { receivedAt: string; id: number },
): Promise<RightsItem[]> {
  const next = after
    ? or(gt(rightsCases.receivedAt, after.receivedAt), and(eq(rightsCases.receivedAt, after.receivedAt), gt(rightsCases.id, after.id)))
    : undefined;
  return joined(db)
    .where(and(where(f), next))
    .orderBy(asc(rightsCases.receivedAt), asc(rightsCases.id))
    .limit(limit);
}

export async function countCapped(db: DbOrTx, f: RightsFilter, cap: number): Promise<number> {
  const res = await db.execute<{ n: number }>(
    sql`SELECT count(*)::int AS n FROM (SELECT 1 FROM rights_cases JOIN cases ON cases.id = rights_cases.id WHERE ${where(f)} LIMIT ${cap + 1}) x`,
  );
  return res.rows[0]?.n ?? 0;
}

// ---- roster ----
export async function insertRoster(db: DbOrTx, row: typeof rightsRoster.$inferInsert): Promise<RosterRow> {
  const [r] = await db.insert(rightsRoster).values(row).returning();
  if (!r) throw new Error('roster insert returned nothing');
  return r;
}

export async function updateRoster(db: DbOrTx, id: number, set: Partial<typeof rightsRoster.$inferInsert>): Promise<RosterRow | undefined> {
  const [r] = await db.update(rightsRoster).set(set).where(eq(rightsRoster.id, id)).returning();
  return r;
}

/** A roster entry in `path`'s subtree (its own org's, for changes), not removed. */
export async function rosterInSubtree(db: DbOrTx, path: string, id: number): Promise<RosterRow | undefined> {
  const [r] = await db
    .select()
    .from(rightsRoster)
    .where(and(eq(rightsRoster.id, id), subtreeOf(rightsRoster.orgPath, path), isNull(rightsRoster.removedAt)));
  return r;
}

/** A roster entry a case at `casePath` may be assigned to: kept by the case's org or an org above it. */
export async function rosterForCase(db: DbOrTx, casePath: string, id: number): Promise<RosterRow | undefined> {
  const [r] = await db
    .select()
    .from(rightsRoster)
    .where(and(eq(rightsRoster.id, id), isNull(rightsRoster.removedAt), sql`starts_with(${casePath}, ${rightsRoster.orgPath})`));
  return r;
}

/** Entries seen from `path` (org names are the caller's to add: the orgs above lie outside the reader's scope): those of its subtree and those of the orgs above it (whose lawyers it may call on). */
export async function listRoster(
  db: DbOrTx,
  path: string,
  f: { role?: string | undefined; page: number; pageSize: number },
): Promise<{ items: RosterRow[]; total: number }> {
  const w = and(
    isNull(rightsRoster.removedAt),
    or(subtreeOf(rightsRoster.orgPath, path), sql`starts_with(${path}, ${rightsRoster.orgPath})`),
    f.role ? eq(rightsRoster.role, f.role) : undefined,
  );
  const [rows, [n]] = await Promise.all([
    db
      .select()
      .from(rightsRoster)
      .where(w)
      .orderBy(asc(rightsRoster.orgPath), asc(rightsRoster.id))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(rightsRoster)
      .where(w),
  ]);
  return { items: rows, total: n?.n ?? 0 };
}

export async function rosterScopePaths(db: DbOrTx, id: number): Promise<string[] | null> {
  const [r] = await db.select({ path: rightsRoster.orgPath }).from(rightsRoster).where(eq(rightsRoster.id, id));
  return r ? [r.path] : null;
}

export const rewriteRosterPaths = subtreePathRewriter(rightsRoster.orgPath);
