// SQL for unmasked export requests. Reads that serve a user are bounded by the org's current path; decisions and
// the one download are conditional updates on the status, so parallel clicks cannot both succeed.
import { and, desc, eq, ne, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { exportRequests, members, orgs, users, type DbOrTx } from '../../platform/db/index.ts';
import { subtreeOf } from '../../platform/authz/index.ts';
import { memberWhere, type MemberFilter } from './members.repo.ts';

export type ExportRequestRow = typeof exportRequests.$inferSelect;
export type ExportRequestView = ExportRequestRow & { orgName: string; orgPath: string; requesterName: string; approverName: string | null };

const requester = alias(users, 'requester');
const approver = alias(users, 'approver');

function selectViews(db: DbOrTx) {
  return db
    .select({
      r: exportRequests,
      orgName: orgs.name,
      orgPath: orgs.path,
      requesterName: sql<string>`coalesce(${requester.displayName}, ${requester.username})`,
      approverName: sql<string | null>`coalesce(${approver.displayName}, ${approver.username})`,
    })
    .from(exportRequests)
    .innerJoin(orgs, eq(orgs.id, exportRequests.orgId))
    .innerJoin(requester, eq(requester.id, exportRequests.requesterId))
    .leftJoin(approver, eq(approver.id, exportRequests.approverId));
}

type Joined = { r: ExportRequestRow; orgName: string; orgPath: string; requesterName: string; approverName: string | null };
const flat = (x: Joined): ExportRequestView => ({
  ...x.r,
  orgName: x.orgName,
  orgPath: x.orgPath,
  requesterName: x.requesterName,
  approverName: x.approverName,
});

export async function findInScope(db: DbOrTx, scopePath: string, id: number): Promise<ExportRequestView | undefined> {
  const [row] = await selectViews(db).where(and(eq(exportRequests.id, id), subtreeOf(orgs.path, scopePath)));
  return row && flat(row);
}

export async function list(db: DbOrTx, scopePath: string, q: { status?: string; page: number; pageSize: number }) {
  const w = and(subtreeOf(orgs.path, scopePath), q.status ? eq(exportRequests.status, q.status as ExportRequestRow['status']) : undefined);
  const [rows, [count]] = await Promise.all([
    selectViews(db)
      .where(w)
      .orderBy(desc(exportRequests.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(exportRequests)
      .innerJoin(orgs, eq(orgs.id, exportRequests.orgId))
      .where(w),
  ]);
  return { items: rows.map(flat), total: count?.n ?? 0 };
}

export async function nextId(db: DbOrTx): Promise<number> {
  const res = await db.execute<{ id: string }>(sql`SELECT nextval(pg_get_serial_sequence('export_requests', 'id')) AS id`);
  return Number(res.rows[0]?.id);
}

export async function insert(db: DbOrTx, row: typeof exportRequests.$inferInsert): Promise<ExportRequestRow> {
  const [created] = await db.insert(exportRequests).values(row).returning();
  if (!created) throw new Error('export request insert returned nothing');
  return created;
}

/** pending → approved | rejected, by someone other than the requester; undefined when it was no longer pending. */
export async function decide(db: DbOrTx, id: number, approverId: number, status: 'approved' | 'rejected', opinion: string | null) {
  const [row] = await db
    .update(exportRequests)
    .set({ status, approverId, opinion, decidedAt: new Date() })
    .where(and(eq(exportRequests.id, id), eq(exportRequests.status, 'pending'), ne(exportRequests.requesterId, approverId)))
    .returning();
  return row;
}

/** approved → downloaded, by the requester only, once. */
export async function claimDownload(db: DbOrTx, id: number, requesterId: number) {
  const [row] = await db
    .update(exportRequests)
    .set({ status: 'downloaded', downloadedAt: new Date() })
    .where(and(eq(exportRequests.id, id), eq(exportRequests.status, 'approved'), eq(exportRequests.requesterId, requesterId)))
    .returning();
  return row;
}

/** Members matching the filter, counted up to `cap + 1` (enough to refuse a request over the cap). */
export async function countCapped(db: DbOrTx, f: MemberFilter, cap: number): Promise<number> {
  const capped = db
    .select({ one: sql`1` })
    .from(members)
    .where(memberWhere(f))
    .limit(cap + 1)
    .as('capped');
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(capped);
  return row?.n ?? 0;
}

/** The path of the request's org, or null when there is no such request: the `export_request` scope resolver. */
export async function scopePaths(db: DbOrTx, id: number): Promise<string[] | null> {
  const [row] = await db
    .select({ path: orgs.path })
    .from(exportRequests)
    .innerJoin(orgs, eq(orgs.id, exportRequests.orgId))
    .where(eq(exportRequests.id, id));
  return row ? [row.path] : null;
}
