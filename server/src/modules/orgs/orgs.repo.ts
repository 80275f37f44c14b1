// SQL for organisations. Every read that serves a user takes the actor's scope path.
import { and, asc, desc, eq, getTableColumns, gte, inArray, like, lte, or, sql, type SQL } from 'drizzle-orm';
import { orgEvents, orgs, users, type DbOrTx } from '../../platform/db/index.ts';
import { subtreeOf } from '../../platform/authz/index.ts';
import { queryGrams } from '../../platform/text/index.ts';

export type OrgRow = typeof orgs.$inferSelect;
export type OrgInsert = typeof orgs.$inferInsert;
export type OrgEventRow = typeof orgEvents.$inferSelect;
export type OrgWithCount = OrgRow & { childCount: number };

const childCount = sql<number>`(SELECT count(*)::int FROM orgs c WHERE c.parent_id = "orgs"."id")`.as('child_count');
const parentName = sql<string | null>`(SELECT p.name FROM orgs p WHERE p.id = "orgs"."parent_id")`.as('parent_name');

export async function findById(db: DbOrTx, id: number): Promise<OrgRow | undefined> {
  const [row] = await db.select().from(orgs).where(eq(orgs.id, id));
  return row;
}

export async function findInScope(db: DbOrTx, scopePath: string, id: number): Promise<OrgWithCount | undefined> {
  const [row] = await db
    .select({ ...orgColumns(), childCount })
    .from(orgs)
    .where(and(eq(orgs.id, id), subtreeOf(orgs.path, scopePath)));
  return row;
}

const orgColumns = () => getTableColumns(orgs);

export async function listChildren(db: DbOrTx, parentId: number, page: number, pageSize: number) {
  const [items, [count]] = await Promise.all([
    db
      .select({ ...orgColumns(), childCount })
      .from(orgs)
      .where(eq(orgs.parentId, parentId))
      .orderBy(asc(orgs.pinyin), asc(orgs.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(orgs)
      .where(eq(orgs.parentId, parentId)),
  ]);
  return { items, total: count?.n ?? 0 };
}

export interface OrgSearch {
  scopePath: string;
  q?: string;
  level?: string;
  kind?: string;
  status?: string;
  /** Founding date range (drill-down from the 新建工会 figure). */
  foundedFrom?: string;
  foundedTo?: string;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Name, pinyin or USCC match of a search word; undefined for an empty word. */
function nameMatch(raw: string | undefined): SQL | undefined {
  const q = raw?.trim().normalize('NFKC');
  if (!q) return undefined;
  const lower = q.toLowerCase();
  const contains = `%${escapeLike(q)}%`;
  // The gram containment narrows through the GIN index; the LIKEs recheck the exact substring.
  const grams = sql`${orgs.searchGrams} @> ${sql.param(queryGrams(q))}::text[]`;
  return /^[a-z]+$/.test(lower)
    ? and(grams, or(like(orgs.pinyinInitials, `%${lower}%`), like(orgs.pinyin, `%${lower}%`), like(orgs.name, contains)))
    : or(and(grams, like(orgs.name, contains)), eq(orgs.uscc, q.toUpperCase()));
}

function searchWhere(f: OrgSearch): SQL | undefined {
  const conds: (SQL | undefined)[] = [subtreeOf(orgs.path, f.scopePath), nameMatch(f.q)];
  if (f.level) conds.push(eq(orgs.level, f.level));
  if (f.kind) conds.push(eq(orgs.kind, f.kind));
  if (f.status) conds.push(eq(orgs.status, f.status));
  if (f.foundedFrom) conds.push(gte(orgs.foundedAt, f.foundedFrom));
  if (f.foundedTo) conds.push(lte(orgs.foundedAt, f.foundedTo));
  return and(...conds);
}

export async function search(db: DbOrTx, f: OrgSearch, page: number, pageSize: number) {
  const w = searchWhere(f);
  const [items, [count]] = await Promise.all([
    db
      .select({ ...orgColumns(), childCount, parentName })
      .from(orgs)
      .where(w)
      .orderBy(asc(orgs.depth), asc(orgs.pinyin), asc(orgs.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(orgs)
      .where(w),
  ]);
  return { items, total: count?.n ?? 0 };
}

/** Ancestors of an org from `fromDepth` down to its parent, read from its path in one query. */
export async function ancestors(db: DbOrTx, path: string, fromDepth: number): Promise<OrgWithCount[]> {
  const ids = path.split('.').filter(Boolean).map(Number).slice(fromDepth, -1);
  if (ids.length === 0) return [];
  return db
    .select({ ...orgColumns(), childCount })
    .from(orgs)
    .where(inArray(orgs.id, ids))
    .orderBy(asc(orgs.depth));
}

export async function subtreeSummary(db: DbOrTx, path: string) {
  const res = await db.execute<{ level: string; kind: string; status: string; n: number }>(sql`
    SELECT level, kind, status, count(*)::int AS n FROM orgs WHERE ${subtreeOf(orgs.path, path)}
    GROUP BY level, kind, status`);
  return res.rows;
}

export async function nextIds(db: DbOrTx, n: number): Promise<number[]> {
  const res = await db.execute<{ id: number }>(
    sql`SELECT nextval(pg_get_serial_sequence('orgs', 'id'))::int AS id FROM generate_series(1, ${n})`,
  );
  return res.rows.map((r) => r.id);
}

export async function insertMany(db: DbOrTx, rows: OrgInsert[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) await db.insert(orgs).values(rows.slice(i, i + 1000));
}

export async function update(db: DbOrTx, id: number, patch: Partial<OrgInsert>): Promise<OrgRow> {
  const [row] = await db
    .update(orgs)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(orgs.id, id))
    .returning();
  if (!row) throw new Error(`org ${id} vanished`);
  return row;
}

/** Re-parents a whole subtree in one statement by rewriting the path prefix of every descendant. */
export async function moveSubtree(db: DbOrTx, oldPath: string, newPath: string): Promise<number> {
  const depthDelta = newPath.split('.').length - oldPath.split('.').length;
  const res = await db.execute(sql`
    UPDATE orgs SET path = ${newPath} || substr(path, ${oldPath.length + 1}),
                    depth = depth + ${depthDelta}, updated_at = now()
    WHERE ${subtreeOf(orgs.path, oldPath)}`);
  return res.rowCount ?? 0;
}

export async function countActiveChildren(db: DbOrTx, id: number): Promise<number> {
  const [r] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(orgs)
    .where(and(eq(orgs.parentId, id), eq(orgs.status, 'active')));
  return r?.n ?? 0;
}

export async function findByUscc(db: DbOrTx, uscc: string): Promise<OrgRow | undefined> {
  const [row] = await db.select().from(orgs).where(eq(orgs.uscc, uscc));
  return row;
}

export async function insertEvent(db: DbOrTx, e: typeof orgEvents.$inferInsert): Promise<OrgEventRow> {
  const [row] = await db.insert(orgEvents).values(e).returning();
  if (!row) throw new Error('event insert returned nothing');
  return row;
}

export async function insertEvents(db: DbOrTx, rows: (typeof orgEvents.$inferInsert)[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) await db.insert(orgEvents).values(rows.slice(i, i + 1000));
}

export async function listEvents(db: DbOrTx, orgId: number, page: number, pageSize: number) {
  const [rows, [count]] = await Promise.all([
    db
      .select({ e: orgEvents, createdByName: sql<string | null>`coalesce(${users.displayName}, ${users.username})` })
      .from(orgEvents)
      .leftJoin(users, eq(users.id, orgEvents.createdBy))
      .where(eq(orgEvents.orgId, orgId))
      .orderBy(desc(orgEvents.date), desc(orgEvents.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(orgEvents)
      .where(eq(orgEvents.orgId, orgId)),
  ]);
  return { items: rows.map((r) => ({ ...r.e, createdByName: r.createdByName })), total: count?.n ?? 0 };
}

export async function hasAnyOrg(db: DbOrTx): Promise<boolean> {
  const rows = await db.select({ id: orgs.id }).from(orgs).limit(1);
  return rows.length > 0;
}

/** Names of orgs by id, one query (for presenters of cases that span two subtrees; the caller scoped the case). */
export async function namesByIds(db: DbOrTx, ids: number[]): Promise<Map<number, string>> {
  if (!ids.length) return new Map();
  const rows = await db
    .select({ id: orgs.id, name: orgs.name })
    .from(orgs)
    .where(inArray(orgs.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/**
 * 工会名录: active unions of the whole federation whose name (or pinyin) matches, with the parent's name to tell
 * namesakes apart — nothing else leaves. Read as the system by the caller; bounded by `limit`.
 */
export async function directory(
  db: DbOrTx,
  q: string,
  limit: number,
  levels?: readonly string[],
): Promise<{ id: number; name: string; parentName: string | null; level: string }[]> {
  const match = nameMatch(q);
  if (!match) return [];
  // Qualified by hand: inside the subquery a bare parent_id would name the parent's own column.
  const parent = sql<string | null>`(SELECT p.name FROM orgs p WHERE p.id = "orgs"."parent_id")`;
  return db
    .select({ id: orgs.id, name: orgs.name, parentName: parent, level: orgs.level })
    .from(orgs)
    .where(and(match, eq(orgs.status, 'active'), levels?.length ? inArray(orgs.level, [...levels]) : undefined))
    .orderBy(asc(orgs.depth), asc(orgs.pinyin), asc(orgs.id))
    .limit(limit);
}

/** The org's path, or null when there is no such org: the `org` scope resolver (declared route scope). */
export async function scopePaths(db: DbOrTx, id: number): Promise<string[] | null> {
  const [row] = await db.select({ path: orgs.path }).from(orgs).where(eq(orgs.id, id));
  return row ? [row.path] : null;
}
