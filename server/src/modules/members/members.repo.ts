// SQL for the member registry. Every read that serves a user is bounded by a scope path.
import { and, desc, eq, gte, inArray, like, lt, lte, ne, or, sql, type Placeholder, type SQL } from 'drizzle-orm';
import { memberEvents, memberPathCounts, members, orgs, type DbOrTx } from '../../platform/db/index.ts';
import { subtreeOf, subtreePathRewriter } from '../../platform/authz/index.ts';
import { queryGrams } from './members.names.ts';
import { afterKey, orderOf, type MemberSort } from './members.cursor.ts';

export type MemberRow = typeof members.$inferSelect;
export type MemberInsert = typeof members.$inferInsert;
export type MemberWithOrg = MemberRow & { orgName: string };

export interface MemberFilter {
  scopePath: string;
  orgId?: number;
  q?: string;
  idHash?: string;
  category?: string;
  status?: string;
  joinedFrom?: string;
  joinedTo?: string;
  leftFrom?: string;
  leftTo?: string;
}

export function memberWhere(f: MemberFilter): SQL | undefined {
  const conds: (SQL | undefined)[] = [f.orgId ? eq(members.orgId, f.orgId) : subtreeOf(members.orgPath, f.scopePath)];
  if (f.orgId) conds.push(subtreeOf(members.orgPath, f.scopePath));
  const q = f.q?.trim().normalize('NFKC');
  if (q) {
    if (/^[a-zA-Z]+$/.test(q)) {
      const lower = q.toLowerCase();
      conds.push(or(like(members.nameInitials, `${lower}%`), like(members.namePinyin, `${lower}%`)));
    } else {
      const grams = queryGrams(q);
      conds.push(sql`${members.nameGrams} @> ${sql.param(grams)}::text[]`);
      if ([...q].length > 2) conds.push(like(members.name, `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`));
    }
  }
  if (f.idHash) conds.push(eq(members.idHash, f.idHash));
  if (f.category) conds.push(sql`${members.categories} @> ARRAY[${f.category}]::text[]`);
  // The roster is of members on the books: 退会 members show only when asked for (a status, 'all', or a 退会 date),
  // or in a drill-down by join date, whose figure counts everyone who joined in the period.
  if (f.status && f.status !== 'all') conds.push(eq(members.status, f.status));
  else if (!f.status && !f.leftFrom && !f.leftTo && !f.joinedFrom && !f.joinedTo) conds.push(ne(members.status, 'left'));
  if (f.joinedFrom) conds.push(gte(members.joinedAt, f.joinedFrom));
  if (f.leftFrom || f.leftTo) conds.push(eq(members.status, 'left'));
  if (f.leftFrom) conds.push(gte(members.statusSince, f.leftFrom));
  if (f.leftTo) conds.push(lte(members.statusSince, f.leftTo));
  if (f.joinedTo) conds.push(lte(members.joinedAt, f.joinedTo));
  return and(...conds);
}

const withOrg = { orgName: orgs.name };

/** What a list row shows (members.presenter.ts) and is sorted by (members.cursor.ts): no ciphers, hashes or grams,
 *  which the list would only parse and drop. */
const listColumns = {
  id: members.id,
  orgId: members.orgId,
  name: members.name,
  namePinyin: members.namePinyin,
  idMasked: members.idMasked,
  phoneMasked: members.phoneMasked,
  gender: members.gender,
  birthYear: members.birthYear,
  joinedAt: members.joinedAt,
  status: members.status,
  statusSince: members.statusSince,
  categories: members.categories,
  cardNo: members.cardNo,
  createdAt: members.createdAt,
  updatedAt: members.updatedAt,
  // A scalar subquery, not a join: the same row, half the planning (0.42 → 0.23 ms), and never a hash join over
  // every org, which the planner sometimes chose for the join (PostgreSQL plans the roster on every call).
  orgName: sql<string>`(SELECT ${orgs.name} FROM ${orgs} WHERE ${orgs.id} = ${members.orgId})`,
};
export type MemberListRow = Pick<MemberWithOrg, keyof typeof listColumns>;

/** Counting a city's two million rows costs more than the page itself: count up to this many, then say "more". */
export const COUNT_CAP = 10_000;

export interface ListOpts {
  page: number;
  pageSize: number;
  after?: number;
  sort?: MemberSort;
  /** The previous page's last sort key (members.cursor.ts); takes precedence over `after` and `page`. */
  afterKey?: [string | number, number];
}

/** The count column of a page: the plain roster's total from member_path_counts, or none. */
const pathTotal = (lo: unknown, hi: unknown) =>
  sql<number | null>`(SELECT coalesce(sum(${memberPathCounts.n}), 0)::int FROM ${memberPathCounts}
    WHERE ${memberPathCounts.orgPath} ~>=~ ${lo} AND ${memberPathCounts.orgPath} ~<~ ${hi})`;
const noTotal = sql<number | null>`NULL::int`;

/** One page of rows (with `total` on every row), whatever the filter; `limit` and `offset` may be placeholders. */
function pageQuery(
  db: DbOrTx,
  where: SQL | undefined,
  total: SQL<number | null>,
  sort: MemberSort,
  limit: number | Placeholder,
  offset: number | Placeholder,
) {
  return db
    .select({ ...listColumns, total })
    .from(members)
    .where(where)
    .orderBy(...orderOf(sort))
    .limit(limit)
    .offset(offset);
}

/**
 * The statements of one list page: the page itself and its count. The plain roster's pages read their total from
 * member_path_counts in the same statement (column `total` of every row; `pathCount` alone when the page is empty);
 * a filtered first page counts its rows up to COUNT_CAP; a keyset page counts nothing.
 */
export function listQueries(db: DbOrTx, f: MemberFilter, opts: ListOpts) {
  const w = memberWhere(f);
  const sort = opts.sort ?? 'id';
  const next = opts.afterKey ? afterKey(sort, opts.afterKey) : opts.after && sort === 'id' ? lt(members.id, opts.after) : undefined;
  const keyset = next ? and(w, next) : w;
  // An ID number matches one member at most: the first page of a lookup is its own count.
  const lookup = !next && !!f.idHash && opts.page === 1;
  const plain = !next && onBooksOnly(f);
  const counted = next || lookup || plain;
  return {
    page: pageQuery(
      db,
      keyset,
      plain ? pathTotal(f.scopePath, `${f.scopePath}:`) : noTotal,
      sort,
      opts.pageSize,
      next ? 0 : (opts.page - 1) * opts.pageSize,
    ),
    count: counted
      ? undefined
      : db.select({ n: sql<number>`count(*)::int` }).from(
          db
            .select({ one: sql`1` })
            .from(members)
            .where(w)
            .limit(COUNT_CAP + 1)
            .as('capped'),
        ),
    pathCount: plain
      ? db
          .select({ n: sql<number>`coalesce(sum(${memberPathCounts.n}), 0)::int` })
          .from(memberPathCounts)
          .where(subtreeOf(memberPathCounts.orgPath, f.scopePath))
      : undefined,
    lookup,
  };
}

/** Whether the filter is "every member on the books in the subtree": member_path_counts holds that count. */
function onBooksOnly(f: MemberFilter): boolean {
  return !f.orgId && !f.q?.trim() && !f.category && !f.status && !f.joinedFrom && !f.joinedTo && !f.leftFrom && !f.leftTo && !f.idHash;
}

// The two lists every console opens most — the plain roster and the exact ID lookup — run statements built once per
// database and sort, with placeholders for the values: building a statement cost more CPU than the database spent
// on it. They stay unnamed, so PostgreSQL plans each call for its scope: a generic plan cannot tell a union's 20
// members from a city's two million (it sorted a whole district, 110 ms instead of 0.2), and forcing custom plans
// for the pool (plan_cache_mode) also re-planned every foreign-key check of an import's publish, 8 → 14.5 s.
const ph = {
  lo: sql.placeholder('lo'),
  hi: sql.placeholder('hi'),
  idHash: sql.placeholder('idHash'),
  limit: sql.placeholder('limit'),
  offset: sql.placeholder('offset'),
};
type Shape = 'plain' | 'lookup';
function preparedPage(db: DbOrTx, shape: Shape, sort: MemberSort) {
  // memberWhere's conditions for these two filters, over placeholders.
  const inScope = sql`(${members.orgPath} ~>=~ ${ph.lo} AND ${members.orgPath} ~<~ ${ph.hi})`;
  const where = and(inScope, shape === 'lookup' ? eq(members.idHash, ph.idHash) : undefined, ne(members.status, 'left'));
  const total = shape === 'plain' ? pathTotal(ph.lo, ph.hi) : noTotal;
  return pageQuery(db, where, total, sort, ph.limit, ph.offset).prepare('');
}
type PreparedPage = ReturnType<typeof preparedPage>;
const prepared = new WeakMap<DbOrTx, Map<string, PreparedPage>>();

function hotShape(f: MemberFilter, opts: ListOpts): Shape | null {
  if (opts.after || opts.afterKey || !/^(\d+\.)+$/.test(f.scopePath)) return null;
  if (!f.idHash) return onBooksOnly(f) ? 'plain' : null;
  return opts.page === 1 && onBooksOnly({ ...f, idHash: undefined }) ? 'lookup' : null;
}

export async function list(db: DbOrTx, f: MemberFilter, opts: ListOpts) {
  const shape = hotShape(f, opts);
  if (shape) {
    const sort = opts.sort ?? 'id';
    let byKey = prepared.get(db);
    if (!byKey) prepared.set(db, (byKey = new Map<string, PreparedPage>()));
    const key = `${shape}:${sort}`;
    let stmt = byKey.get(key);
    if (!stmt) byKey.set(key, (stmt = preparedPage(db, shape, sort)));
    const offset = (opts.page - 1) * opts.pageSize;
    const items = await stmt.execute({ lo: f.scopePath, hi: `${f.scopePath}:`, idHash: f.idHash ?? '', limit: opts.pageSize, offset });
    if (shape === 'lookup') return { items, total: items.length, totalExact: true };
    const n = items[0]?.total ?? (await listQueries(db, f, opts).pathCount)?.[0]?.n ?? 0;
    return { items, total: Math.min(n, COUNT_CAP), totalExact: n <= COUNT_CAP };
  }
  const q = listQueries(db, f, opts);
  const [items, count] = await Promise.all([q.page, q.count]);
  if (q.lookup) return { items, total: items.length, totalExact: true };
  const n = q.pathCount ? (items[0]?.total ?? (await q.pathCount)[0]?.n ?? 0) : count ? (count[0]?.n ?? 0) : null;
  if (n === null) return { items, total: null, totalExact: false };
  return { items, total: Math.min(n, COUNT_CAP), totalExact: n <= COUNT_CAP };
}

export async function findInScope(db: DbOrTx, scopePath: string, id: number): Promise<MemberWithOrg | undefined> {
  const [row] = await db
    .select({ m: members, ...withOrg })
    .from(members)
    .innerJoin(orgs, eq(orgs.id, members.orgId))
    .where(and(eq(members.id, id), subtreeOf(members.orgPath, scopePath)));
  return row && { ...row.m, orgName: row.orgName };
}

export async function findByIdHash(db: DbOrTx, idHash: string): Promise<MemberRow | undefined> {
  const [row] = await db.select().from(members).where(eq(members.idHash, idHash));
  return row;
}

export async function findById(db: DbOrTx, id: number): Promise<MemberWithOrg | undefined> {
  const [row] = await db
    .select({ m: members, ...withOrg })
    .from(members)
    .innerJoin(orgs, eq(orgs.id, members.orgId))
    .where(eq(members.id, id));
  return row && { ...row.m, orgName: row.orgName };
}

export async function nextIds(db: DbOrTx, n: number): Promise<number[]> {
  const res = await db.execute<{ id: number }>(
    sql`SELECT nextval(pg_get_serial_sequence('members', 'id'))::int AS id FROM generate_series(1, ${n})`,
  );
  return res.rows.map((r) => r.id);
}

export async function insertMany(db: DbOrTx, rows: MemberInsert[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) await db.insert(members).values(rows.slice(i, i + 500));
}

export async function update(db: DbOrTx, id: number, patch: Partial<MemberInsert>): Promise<MemberRow> {
  const [row] = await db
    .update(members)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(members.id, id))
    .returning();
  if (!row) throw new Error(`member ${id} vanished`);
  return row;
}

export async function insertEvents(db: DbOrTx, rows: (typeof memberEvents.$inferInsert)[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) await db.insert(memberEvents).values(rows.slice(i, i + 1000));
}

export async function listEvents(db: DbOrTx, memberId: number) {
  return db.select().from(memberEvents).where(eq(memberEvents.memberId, memberId)).orderBy(desc(memberEvents.date), desc(memberEvents.id));
}

/** Keeps members' org_path in step when an org subtree moves (called in the move's transaction). */
export const rewriteOrgPaths = subtreePathRewriter(members.orgPath);

/** One export batch in id order (newest first), without a total. */
export async function listForExport(db: DbOrTx, f: MemberFilter, limit: number, after?: number) {
  const w = memberWhere(f);
  const rows = await db
    .select({ m: members, ...withOrg })
    .from(members)
    .innerJoin(orgs, eq(orgs.id, members.orgId))
    .where(after ? and(w, lt(members.id, after)) : w)
    .orderBy(desc(members.id))
    .limit(limit);
  return { items: rows.map((r) => ({ ...r.m, orgName: r.orgName })) };
}

/** Names of members by id (for presenters that mask them): one query. */
export async function namesByIds(db: DbOrTx, ids: number[]): Promise<Map<number, string>> {
  if (!ids.length) return new Map();
  const rows = await db
    .select({ id: members.id, name: members.name })
    .from(members)
    .where(inArray(members.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The member's org path, or null when there is no such member: the `member` scope resolver. */
export async function scopePaths(db: DbOrTx, id: number): Promise<string[] | null> {
  const [row] = await db.select({ path: members.orgPath }).from(members).where(eq(members.id, id));
  return row ? [row.path] : null;
}
